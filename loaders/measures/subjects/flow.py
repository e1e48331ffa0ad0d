"""The flow: assign_subjects runs _subjects (the subject of each figure from the words before, between and
after it, calling the rules of each kind of figure) and then the passes over the whole list of
candidates. A new rule goes to the module of its kind of figure, as a small named function called from
here."""

from __future__ import annotations

import re

from loaders.measures.candidates import COUNT_UNITS, Candidate
from loaders.measures.comparators import BENCHMARKS
from loaders.measures.document import DocumentView
from loaders.measures.subjects.changes import (
    _MARGIN_WORDS,
    _change_at_end_re,
    _changes_of_the_levels_before,
    _level_changed,
    _metric_of_change,
    _totals_of_the_things_added_before,
)
from loaders.measures.subjects.clean import (
    _CLOSED_BEFORE_RE,
    bracket_left_open,
    clean_subject,
    last_open_bracket,
    open_remark_cut,
)
from loaders.measures.subjects.common import (
    _CJK_RE,
    _ENUMERATION_MARK,
    _LIST_JOINS,
    _LIST_SPLIT_RE,
    _joined,
    meaningful,
)
from loaders.measures.subjects.counts import (
    _BARE_DONE_RE,
    _COUNT_OPENING_VERBS,
    _HANDED_OVER_RE,
    _NETWORK_SITES_RE,
    _NO_THINGS_RE,
    _OWNER_OF_PARTS_RE,
    _PART_OF_RE,
    _PROBLEMS_RE,
    _SITES_BEFORE_THEIR_RATE_RE,
    _another_item_follows,
    _count_right_after_a_water_body,
    _firms_counted_then_their_deed,
    _list_sharing_the_last_items_deed,
    _names_listed,
    _names_of_counted,
    _next_item_at,
    _next_names_at,
    _other_things_counted,
    _own_words,
    _owners_sharing_the_things_after_the_last,
    _parts_counted_in_brackets,
    _stage_of_the_things_before,
    _things_counted_inside_a_zone,
    _whole_region_before_count,
    _without_what_became_of_them,
)
from loaders.measures.subjects.dates import (
    _DATE_AT_END_RE,
    _DATE_ONLY_RE,
    _DATED_END_RE,
    _DATED_START_RE,
    _TIME_IN_WORDS_RE,
    _TIME_ONLY_RE,
    _dated_goals_of_the_metric_before,
    _dated_right_after,
)
from loaders.measures.subjects.in_words import _listed_metrics, collective_members
from loaders.measures.subjects.investments import _things_invested_in
from loaders.measures.subjects.lists import (
    _bracketed_list_ending,
    _compressed_pair,
    _day_and_night,
    _level_of_the_previous,
    _part_named_by_its_level_or_place,
    _place_alone_takes_the_work_before,
    _split_list_subjects,
    _split_mixed_lists,
    _split_shared_values,
)
from loaders.measures.subjects.places import (
    _NAMED_PLACE_RE,
    _WHOLE_REGION_RE,
    _metric_before,
    _place_only,
    _rural_scope,
    region_and_adverbs_only,
)
from loaders.measures.subjects.shares import (
    _BARE_WATER_COMPLIANCE_RE,
    _DOING_AT_END_RE,
    _DONE_TO_ALL_RE,
    _DONE_TO_RE,
    _DRINKING_SOURCE_RE,
    _GOAL_WORDS,
    _SHARE_BASE_RE,
    _SHARE_WORDS,
    _bare_metric,
    _named_with_its_words,
    _object_of_clause,
    _share_of_the_figure_before,
)
from loaders.measures.subjects.sizes import (
    _AMOUNT_MADE_RE,
    _AMOUNT_WORD_RE,
    _AREA_UNITS,
    _AREA_VERBS,
    _BARE_AREA_RE,
    _BARE_CAPACITY_RE,
    _FACILITIES,
    _MADE_RE,
    _PROJECT_NAME_END_RE,
    _capacity_of_the_things_counted,
    _capacity_source,
    _generation_of_the_source_before,
    _project_named_after,
    _shared_work_verb,
    _size_before_its_things,
)
from loaders.semantics import sub_area

_ACTUAL_RE = re.compile(r"实际(?:完成|建成|实现|达到|达)?")  # 实际完成: the figure actually reached, of a metric before
_PREVIOUS_RANK_RE = re.compile(r"(?:全国|全省|全市|全区)?第[一二三四五六七八九十\d]")
_SHARE_AFTER_ANOTHER_ITEM = ("和", "及", "与")  # 全部A和60%B: the join before a share of the next item


# the sites of a monitoring network alone, right after their count (15个水功能区, 12个国省考断面)
_SITES_ALONE_RE = re.compile(r"[\u4e00-\u9fff]{0,12}?(?:断面|点位|监测站|饮用水水?源地?|水功能区)")

# the passes after the first reading of each subject, in order: each one reads the subjects the ones before it left
_SUBJECT_PASSES = (
    _split_list_subjects,
    _split_mixed_lists,
    _split_shared_values,
    _day_and_night,
    _rural_scope,
    _shared_work_verb,
    _share_of_the_figure_before,
    _level_of_the_previous,
    _totals_of_the_things_added_before,
    _changes_of_the_levels_before,
    lambda doc, out: _compressed_pair(out),
    _firms_counted_then_their_deed,
    _stage_of_the_things_before,
    _project_named_after,
    _bracketed_list_ending,
    _day_and_night,
    _part_named_by_its_level_or_place,
    _place_alone_takes_the_work_before,
    _parts_counted_in_brackets,
    _size_before_its_things,
    _capacity_of_the_things_counted,
    _count_right_after_a_water_body,
    _list_sharing_the_last_items_deed,
    _owners_sharing_the_things_after_the_last,
    _other_things_counted,
    _things_counted_inside_a_zone,
    _capacity_source,
    _generation_of_the_source_before,
    lambda doc, out: _brackets_left_open(doc, out),
    _dated_goals_of_the_metric_before,
)


def _brackets_left_open(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """锅炉(建成区10台…) / 项目一期(装机90万千瓦): a figure inside a bracket opened after its subject's words; 860个…改造
    (历时三年,…: a bracket opened after the figure, a remark."""
    return [c.but(subject=_bracket_read(c.subject) if _inside_a_bracket(doc, c.start) else open_remark_cut(c.subject))
            if c.subject else c for c in cands]


def _bracket_read(subject: str) -> str:
    """The subject of a figure inside a bracket: what the bracket names, else the words before it (断面(13个))."""
    read = bracket_left_open(subject)
    return open_remark_cut(subject) if read == subject else read


# 优良天数 / 优良比例: a pair of grades right before the metric's noun, one of which a breakdown names alone
_GRADE_PAIR_RE = "(?:{0}[\u4e00-\u9fff]|[\u4e00-\u9fff]{0})(?=天数|天|比例|比率|率)"


def _grade_of_the_total(doc: DocumentView, cands: list[Candidate], out: list[Candidate], i: int, part: str) -> str | None:
    """优良天数294天(优86天,良208天): a figure inside the bracket opened right after a total of its unit, named by one
    character of the pair of grades the total's metric names, is that grade's (空气质量优天数), not the total's metric;
    None otherwise."""
    c = cands[i]
    if len(part) != 1 or not "\u4e00" <= part <= "\u9fff":
        return None
    start = doc.sentence_at(c.start)[0]
    opened = last_open_bracket(doc.text[start : c.start])
    if opened < 0:
        return None
    at = start + opened
    j = next((k for k in range(i - 1, -1, -1) if cands[k].end <= at), None)
    if j is None or doc.text[cands[j].end : at].strip() or cands[j].unit.unit != c.unit.unit or cands[j].start < start:
        return None
    head = out[j].subject
    m = re.search(_GRADE_PAIR_RE.format(re.escape(part)), head)
    return head[: m.start()] + part + head[m.end() :] if m else None


def _inside_a_bracket(doc: DocumentView, pos: int) -> bool:
    """Whether a bracket opened earlier in the sentence is still open at pos."""
    return last_open_bracket(doc.text[doc.sentence_at(pos)[0] : pos]) >= 0


def assign_subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = _subjects(doc, cands)
    for subject_pass in _SUBJECT_PASSES:
        out = subject_pass(doc, out)
    return out


def _subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, change_only = doc.text, doc.grammar.change_only_re
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        a, b = doc.clause(c.start, c.end)
        prev_end = cands[i - 1].end if i > 0 and cands[i - 1].end > a else a
        next_start = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < b else b
        next_in_clause = cands[i + 1] if next_start < b else None
        stop = c.opening
        before = clean_subject(text[prev_end:stop], leading=True)
        if i > 0 and prev_end > a and cands[i - 1].unit.surface in doc.grammar.region_classifiers:
            # 生活垃圾分类三县城区覆盖率超70%: the places counted sit inside the subject, around them its words
            head_from = cands[i - 2].end if i > 1 and cands[i - 2].end > a else a
            before = clean_subject(text[head_from : cands[i - 1].start], leading=True) + before
        gap = clean_subject(text[stop + len(c.prefix[0]) : c.start], leading=True) if c.prefix else ""
        benchmark = text[stop + len(c.prefix[0]) : c.start].strip() if c.prefix else ""
        if c.prefix and c.prefix[1] == "eq" and len(benchmark) > 1 and benchmark.endswith(BENCHMARKS):
            # 水体比例高于省定目标21.9个百分点 / 达到95%、高于全国平均水平18.3个百分点: a margin over a benchmark,
            # which the subject names after the metric (the previous figure's when the clause opens on 高于)
            if not meaningful(before) and out and doc.same_sentence(out[-1].start, c.start):
                before = out[-1].subject
            if meaningful(before):
                before += c.prefix[0] + benchmark
        elif (not c.prefix and i > 0 and prev_end == a and before.startswith(_MARGIN_WORDS)
              and before.endswith(BENCHMARKS) and doc.same_sentence(out[-1].start, c.start)):
            # 达到74.4%,优于国家考核目标23% / 增长2.8%,快于全国9.2个百分点: the same margin after a word that is no
            # bound (a level better than its benchmark), of the previous figure's metric
            before = out[-1].subject + before
        if (dated := _DATED_END_RE.search(text, a, c.start)) is not None and dated.end() == c.start:
            # 城镇污水处理能力从2016年的306万吨提高到2021年的401万吨 / 比重由2015年的19.02%上升为2020年的26%: the figure
            # reached at a date is of the metric named before 从 (or 由), not of the date
            head_from = max([a] + [x.end for x in cands[:i] if x.end <= dated.start()])
            metric = clean_subject(text[head_from : dated.start()], leading=True)
            if meaningful(metric):
                before, gap = metric, ""
        elif (dated := _DATED_START_RE.search(text, prev_end, stop)) is not None and dated.end() == stop:
            metric = clean_subject(text[prev_end : dated.start()], leading=True)  # 比重由2015年的19.02%: its start
            if meaningful(metric):
                before = metric
        named_before = before  # before a short one is cleared as a bare verb or place (甲市3000台柴油车)
        after_span = text[c.end:next_start]
        after = clean_subject(after_span.lstrip("的"), leading=False)
        # a list of numbers: where its 、 falls tells which number the words between two of them belong to
        if after_span.lstrip(" \t\r\n)）").startswith(_ENUMERATION_MARK) and (
                next_start < b or doc.grammar.rank_re.search(after_span[:12])):
            # 建成绿道12公里、口袋公园7个 / 甲市(2万吨)、乙市(1万吨): the words after 、 name the next number
            # (or its rank: 、居全省第4位)
            after = ""
        if i > 0 and prev_end > a and text[prev_end:stop].rstrip().endswith(_LIST_JOINS) and meaningful(after):
            before = ""  # 完成120个A、85个B / 71处A和433公里B治理: the words before 、 or 和 named the previous number
        elif next_start < b and after_span.rstrip().endswith(_ENUMERATION_MARK) and meaningful(after):
            before = ""  # 划定4个A、9个B: the first number's noun follows it, not the verb before it
        if i > 0 and prev_end > a and out[i - 1].end == prev_end and (cut := _next_item_at(before)) > 0:
            if before[:cut] == out[i - 1].subject:  # 打造1个A基地、培育5个B企业: A is the previous number's, after it
                before = clean_subject(before[cut + 1 :], leading=True)
        if c.unit.unit in COUNT_UNITS and meaningful(after) and _names_of_counted(before, c):
            before = ""  # 后湾水库等12座中小型水库 / A、B两个大科学装置: names of the things counted, their class after
        if c.unit.unit in COUNT_UNITS and meaningful(after) and gap.endswith("等") and len(gap) > 1:
            gap = ""  # 完成甲河等6条水流: the same names after a verb read as a comparator (完成)
        # a list of shares (二氧化硫1.64%、氨氮10.7%和…): a short word after 、 names the next share
        listed_name = (c.unit.unit == "percent" and i > 0 and prev_end > a and cands[i - 1].unit.unit == "percent"
                       and not change_only.fullmatch(before) and text[prev_end:stop].lstrip().startswith(_ENUMERATION_MARK))
        # 甲市(2万吨)、乙县(1万吨)…: a bracketed figure's list item is named before its bracket, however short
        bracketed_item = i > 0 and prev_end > a and _CLOSED_BEFORE_RE.match(text[prev_end:stop]) is not None \
            and text[stop - 1 : stop] in "(（"
        # (新增托位6870个(其中普惠托位5505个): a part in brackets after the figure names no subject of it)
        part_after = after_span.lstrip(" ").startswith(("(其中", "（其中"))
        if len(before) <= 2 and meaningful(after) and not listed_name and not bracketed_item and not part_after:
            before = ""  # a bare verb or place (推动3000家企业开展审核), not a listed item's name (A1%、氨氮10%和B下降5%)
        elif (_WHOLE_REGION_RE.fullmatch(before) or region_and_adverbs_only(doc, before)) and meaningful(gap):
            before = ""
        elif c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(after) and (
                # 系统推进9个A项目: a verb phrase, the noun follows the count (not when a size inside the noun cuts
                # it, 新建1座日处理能力为300吨的污泥处置厂)
                (before.endswith(_COUNT_OPENING_VERBS)
                 and (next_start >= b or not text.startswith("的", cands[i + 1].end))
                 and not text.startswith("等", c.end))  # 市场主体培育18条等政策: the words before name them
                or (i > 0 and prev_end > a and cands[i - 1].unit.unit in COUNT_UNITS
                    and text[prev_end:stop].rstrip().endswith(("和", "及", "与")))):  # 50条A和7个B: A is the first's
            before = ""
        before, gap = _whole_region_before_count(c, before, gap, after)
        if (c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(after)
                and (text[prev_end : c.start].rstrip().endswith(("和", "及", "与"))
                     or any(w and sub_area(w, "", None) == w == sub_area("", text[a:b], None) for w in (before, gap)))):
            # A公司、B公司及3家C企业 / 完成甲水库和100座塘坝: the words before name other things; 主城区600家重点企业:
            # the part of the region the things counted are in, not what they are (when the clause still gives it
            # as the figure's sub_area). Not after 的: the gold names the things by the clause before it
            # (国家警示片披露的8项问题整改工作: 国家警示片披露问题整改)
            before = gap = ""
        if (c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(before) and meaningful(after)
                and text[prev_end:stop].rstrip().endswith("的") and not _NO_THINGS_RE.match(after)):
            # 督察交办的161件信访投诉问题 / 《规划》确定的88项污染防治工程项目: the clause before 的 qualifies the things
            # counted, which the count names after it; the subject names both, as the sample gold does
            # (国家警示片披露的8项问题整改工作: 国家警示片披露问题整改)
            if i > 0 and prev_end > a:
                # 涉及的24项问题、督察交办的150件信访问题: the words before the list mark are the previous count's things
                for join in _LIST_JOINS:
                    head, sep, rest = before.partition(join)
                    if sep and head and out[i - 1].subject.endswith(head) and meaningful(rest):
                        before = rest
                        break
            things = _own_words(after, next_in_clause)
            if next_start < b and after_span.rstrip().endswith("的"):  # 涉及的10个问题和交办的222件: the next's clause
                things = _LIST_SPLIT_RE.split(things)[0]
            before = before + _without_what_became_of_them(things)
        if (c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(after) and not gap
                and (handed := _HANDED_OVER_RE.search(before)) and not _NO_THINGS_RE.match(after)):
            # 中央环保督察交办401个信访件 / 排查出512个入河排污口: the count is of the things handed over or found, named
            # after it (as plans20's 督察交办的161件信访投诉问题, with no 的); who handed them over stays before them
            things = _without_what_became_of_them(_own_words(after, next_in_clause))
            before = (before if meaningful(before[: handed.start()]) else "") + things
        if (c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(after) and (gap or before).endswith(("”", "》"))
                and _CJK_RE.match(text, c.end) and not _NO_THINGS_RE.match(after)):
            # “23+N”87个问题 / 出台“改革清单”8项政策: a quoted name or a title before a count names what the things
            # counted after it belong to; the subject names both
            before, gap = (gap or before) + _without_what_became_of_them(_own_words(after, next_in_clause)), ""
        if (c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(gap or before) and meaningful(after)
                and (problems := _PROBLEMS_RE.match(text, c.end)) and not (gap or before).endswith(problems.group(0))
                and not _HANDED_OVER_RE.search(gap or before)
                and not text[prev_end : c.start].rstrip().endswith(("的", "”", "》", *_LIST_JOINS))):
            # 全市自然保护地3744个问题全部核实和整改到位 / 督促完成自然保护区96个环境问题整改: a count right before problems
            # counts them; the words before name whose problems they are (as 督察交办的161件…问题 with 的; not twice, after
            # the verbs of inspection's rule above; 46个问题和督察交办的153件…: the words after 和 are the next count's)
            things = _own_words(after, next_in_clause)
            if next_start < b:
                things = _LIST_SPLIT_RE.split(things)[0]
            before, gap = (gap or before) + _without_what_became_of_them(things), ""
        named = gap or before or named_before  # 完成武进区6家: after the verb
        head, _, place = named.rpartition(_ENUMERATION_MARK)
        if head and _NAMED_PLACE_RE.fullmatch(head.rsplit(_ENUMERATION_MARK, 1)[-1]):
            place = named  # 甲市乙区、丙区4条河流: the places listed, every one
        if (c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(after)
                and _NAMED_PLACE_RE.fullmatch(place.rsplit(_ENUMERATION_MARK, 1)[-1])
                and doc.grammar.regions.is_name(place.rsplit(_ENUMERATION_MARK, 1)[-1]) and _CJK_RE.match(text, c.end)
                and not text[prev_end : c.start].rstrip().endswith(_LIST_JOINS)  # 甲市及8个县: other things
                and not _names_listed(named, c)):  # 康县、徽县、成县3个县级储备库: the names of the things counted
            # 淘汰老旧车辆,沈阳市5000台以上柴油车、抚顺市2000台机动车 / 完成甲市13家钢铁企业: a place named right before the
            # count is where the things counted are, which the count names after it (the words before its 、 are the
            # previous item's)
            before, gap = place + _own_words(after, next_in_clause), ""
        if (not before and c.unit.unit in COUNT_UNITS and next_start < b and _another_item_follows(cands[i + 1], after)
                and ((cut := _next_item_at(after)) > 0 or (cut := _next_names_at(after)) > 0)):
            after = after[:cut]  # 打造1个A基地、培育至少5个B / 3座A改造、新增B3万吨/天: the words after 、 are the next's
        if (c.unit.unit in COUNT_UNITS and not c.is_change and next_start < b and cands[i + 1].start == c.end
                and cands[i + 1].unit.unit not in COUNT_UNITS):
            # 完成1286台8270蒸吨燃煤锅炉治理 / 3座35万千瓦光热电站: a size right after the count, the things counted after it
            # (not past a bracket closing the size, 建成区6台20蒸吨以下); the things end at a conjunction (A电站和B中心).
            # A bounded size (20台10蒸吨/小时以下燃煤锅炉) is the class of the things counted, and stays in their name.
            then = cands[i + 2].start if i + 2 < len(cands) and cands[i + 2].start < b else b
            words = text[cands[i + 1].end : then].lstrip("的级")
            things = clean_subject(_LIST_SPLIT_RE.split(words)[0], leading=False) if _CJK_RE.match(words) else ""
            if things and cands[i + 1].suffix is not None:
                things = clean_subject(_LIST_SPLIT_RE.split(text[c.end : then])[0], leading=False)
            if end := _PROJECT_NAME_END_RE.search(things):  # 2座35万千瓦光热发电项目分别在甲市、乙市开工
                things = things[: end.end()]
            if meaningful(things):
                before, gap, after = "", "", things
        if (c.unit.unit == "percent" and not c.is_change and text.startswith("的", c.end) and meaningful(after)
                and not (c.prefix and c.prefix[1] == "eq") and not (len(after) <= 6 and after.endswith(_GOAL_WORDS))):
            # 到2025年至少35%的降雨实现就地消纳和利用 / 每年选取不低于10%的重点单位开展监测: a share written before the
            # things it is a share of; the words before it are a time (no part of the metric) or what picks them
            # (or another thing listed: 全部国家级开发区和60%的省级开发区)
            listed = text[prev_end:stop].rstrip().endswith(_LIST_JOINS)
            before = "" if listed or _TIME_ONLY_RE.fullmatch(before) else before
            before = before + after if meaningful(before) else ""
        if (c.unit.unit == "percent" and not c.is_change and not c.prefix and meaningful(before) and meaningful(after)
                and _SHARE_BASE_RE.match(text, c.end) and not text[prev_end:stop].rstrip().endswith(_LIST_JOINS)):
            # 城市建成区60%以上面积建成“…达标区” / 优质公办幼儿园覆盖95%乡镇: a share written right before the things it is a
            # share of, with no 的 (as 35%的降雨 above); the words before name whose they are, a time before them none
            head = before[m.end() :] if (m := _TIME_ONLY_RE.match(before)) else before
            before = head + after if meaningful(head) and not _WHOLE_REGION_RE.fullmatch(head) else ""
        elif (c.unit.unit == "percent" and not c.is_change and meaningful(after)
              and text[prev_end : c.start].rstrip().endswith(_SHARE_AFTER_ANOTHER_ITEM) and _CJK_RE.match(text, c.end)
              and not text.startswith((*_LIST_JOINS, "的", "分别", "均"), c.end)):
            # 基本完成老旧汽油车辆及60%老旧柴油车辆淘汰 / 全部国家级园区和80%省级园区完成改造: a share right after
            # another item of a list and right before its things is a share of those things (the words before
            # name the other item, and the verb before it, 完成, is no bound of the share)
            before, gap = after, ""
        if (c.unit.unit in COUNT_UNITS and i > 0 and cands[i - 1].unit.unit in COUNT_UNITS and not c.is_change
                and (part := _PART_OF_RE.fullmatch(text[cands[i - 1].end : c.start]))
                and doc.same_sentence(cands[i - 1].start, c.start)):
            # 督察交办的161件信访投诉问题中,142件已办结 / 19项问题中的18项已完成整改 / 12个国控断面中有11个达到Ⅲ类 /
            # 38条黑臭水体中,已完成整治35条: a part of the things the count before counts (which shed their 中), what
            # became of them after it or before it
            whole = out[i - 1].subject.removesuffix("中")
            if meaningful(part.group("things")) and not whole.endswith(part.group("things")):
                whole = part.group("things")  # 上半年4项指标中有3项: the things counted, not the time before the count
            out[i - 1] = out[i - 1].but(subject=whole)
            deed = clean_subject(part.group("deed") or part.group("state") or "", leading=True)
            became = deed if meaningful(deed) else after if meaningful(after) else ""
            before, gap = _joined(whole, became) if became else whole, ""
        if (c.unit.unit == "percent" and not c.is_change and not c.prefix and meaningful(before)
                and text.startswith("为", c.end) and _CJK_RE.match(text, c.end + 1)):
            # 新增公交车辆100%为新能源车: the share of the things before it that are what 为 names (新能源车占比)
            kind = clean_subject(_LIST_SPLIT_RE.split(after_span[1:])[0], leading=False)
            if meaningful(kind) and not kind.endswith(_GOAL_WORDS):
                before = before + kind + "占比"
        if (c.unit.unit == "percent" and not c.is_change and not c.prefix and c.suffix is None and c.number is not None
                and c.number.value == 100 and meaningful(before) and not before.endswith(_SHARE_WORDS)
                and (done := _DONE_TO_ALL_RE.match(text, c.end))):
            # 废旧放射源做到100%安全收贮 / 直排海污染源污水实现100%达标排放: all of the things before it undergo what the
            # words right after the figure say; those words are the metric (安全收贮 -> the safe-storage rate)
            if (i > 0 and prev_end > a and cands[i - 1].unit.unit == "percent"
                    and (prev := _DONE_TO_ALL_RE.match(text, prev_end)) and before.startswith(prev[0])):
                before = clean_subject(before[len(prev[0]) :], leading=True)  # 工地周边100%围挡、物料堆放100%覆盖
            before = _DOING_AT_END_RE.sub("", before) + done.group(0)
        if (c.unit.unit in COUNT_UNITS and not c.is_change and not c.prefix and i > 0 and prev_end > a
                and cands[i - 1].unit.unit in COUNT_UNITS and not cands[i - 1].is_change and meaningful(after)
                and _CJK_RE.match(text, c.end) and (owner := _OWNER_OF_PARTS_RE.fullmatch(text, prev_end, c.start))
                and not _NO_THINGS_RE.search(owner.group(0))):
            # 完成4家燃煤电厂8台机组超低排放改造 / 11家造纸企业19条落后生产线全部停产退出: a count right after the things
            # another count counts counts their parts, named after it; the subject names both
            before, gap = owner.group(0) + _without_what_became_of_them(_own_words(after, next_in_clause)), ""
        if (c.unit.unit in _AREA_UNITS and not c.is_change and not gap and meaningful(after)
                and before.endswith(_AREA_VERBS) and _CJK_RE.match(text, c.end)):
            # 规划建设736平方公里双城中间绿色生态屏障区 / 升级保护875平方公里湿地自然保护区: the size of the zone or base
            # built or protected, named right after it (the verb alone names nothing)
            after = _own_words(after, next_in_clause)
            before = ""
        subject = next((s for s in (before, gap, after) if meaningful(change_only.sub("", s))), before)
        if not c.is_change and (_DATE_ONLY_RE.fullmatch(subject) or _TIME_ONLY_RE.fullmatch(subject)
                                or _TIME_IN_WORDS_RE.fullmatch(subject)):
            # 2018年完成131个减排项目精准治理工作 / 占比2023年底达到50%以上,2025年底达到60%以上: a date names no metric; the
            # things the figure counts follow it, or the figure before in its sentence gave the metric (a time too:
            # “十四五”期间至少完成1次隐患排查, 年底前完成28个防治项目)
            goal = len(after) <= 6 and after.endswith(_GOAL_WORDS)  # 未完成2020年20%的规划指标: the goal of the metric before
            if subject is not after and meaningful(after) and not _DATE_ONLY_RE.fullmatch(after) and not goal:
                subject = after
            elif (i > 0 and doc.same_sentence(out[i - 1].start, c.start)
                  and (goal or _DATE_AT_END_RE.search(out[i - 1].subject)  # the metric before, dated as this one is
                       or _dated_right_after(doc, out[i - 1].subject, cands[i - 1].start))
                  and meaningful(head := _DATE_AT_END_RE.sub("", out[i - 1].subject))
                  and not _DATE_ONLY_RE.fullmatch(head)):
                subject = head
        done_to = _DONE_TO_RE.match(subject) if subject is after and c.unit.unit == "percent" else None
        if done_to:
            subject = done_to.group(1) + (done_to.group(2) or "") + done_to.group(3) + "率"
        level = _level_changed(doc, cands, out, i, change_only.sub("", subject)) if c.is_change else None
        if level is not None:  # 优良天数比率88.5%,比2025年提高6.1个百分点: the change is the level's
            subject = level.subject + subject
        elif not meaningful(change_only.sub("", subject)) and i > 0:
            prev = out[i - 1]
            if (grade := _grade_of_the_total(doc, cands, out, i, subject)) is not None:
                subject = grade  # 优良天数294天(优86天,良208天): the days of one grade, not the total's metric
            elif doc.same_sentence(prev.start, c.start):
                head = prev.subject
                if c.prefix and not c.is_change and c.prefix[1] != "none":
                    head = _metric_of_change(doc, head)  # 装机新增623万千瓦、达到1968万千瓦: the level's own metric
                # 浓度下降5%、力争下降6%: the change word the head ends with is not said twice
                subject = head if c.is_change and subject and head.endswith(subject) else head + subject
        if (not meaningful(subject) and c.unit.unit in COUNT_UNITS
                and not (next_start < b and cands[i + 1].unit.unit in COUNT_UNITS)  # 2区7镇57村: counts of a list
                and meaningful(rest := clean_subject(text[c.end:b], leading=False))):
            subject = rest  # 完成14台35蒸吨/小时以下燃煤锅炉淘汰: the things counted follow the count (past a size)
        if not meaningful(subject) and c.prefix and a > 0 and text[a - 1] in ",，":
            # "优良率全省第一,达100%": the metric is the previous clause's, before its rank
            pa, _ = doc.clause(a - 1, a - 1)
            if i == 0 or cands[i - 1].end <= pa:
                prev_clause = text[pa : a - 1]
                m = doc.grammar.rank_re.search(prev_clause) or _PREVIOUS_RANK_RE.search(prev_clause)
                subject = clean_subject(prev_clause[: m.start()] if m else prev_clause, leading=True)
        if (not c.is_change and (place := _place_only(subject)) and a > 0 and text[a - 1] in ",，；;"
                and (i == 0 or cands[i - 1].end < a) and text[a : c.start].lstrip().removeprefix("其中").startswith(place)):  # the place opens its clause
            # 优良天数比例大幅上升,主城区达到95.1% / A率达到50%,其他城市达到40%: a part's figure of the metric before
            subject = _metric_before(doc, cands, out, i, a, place) or subject
        if c.unit.unit in COUNT_UNITS and (sites := _SITES_BEFORE_THEIR_RATE_RE.match(subject)):
            subject = sites.group(1)  # 42个国省考断面水质优良比例100%: the count is of the sites, the rate theirs
        elif c.unit.unit in COUNT_UNITS and not c.is_change and (sites := _NETWORK_SITES_RE.match(text, c.end)):
            # 水环境质量62个国考断面优良水体比例为74.2% / 全市25个国省控断面Ⅰ-Ⅲ类水质占比88%: a count right before the sites of a
            # monitoring network counts them, whatever the words before it (a theme) or after them (their rate) say
            subject = sites.group(0)
        if (c.unit.unit == "percent" and not c.is_change and text.startswith((")", "）"), prev_end)
                and (opened := max(text.rfind("(", a, prev_end), text.rfind("（", a, prev_end))) > a
                and (counted := [d for d in cands[:i] if a <= d.end <= opened])
                and counted[-1].unit.unit in COUNT_UNITS and _SITES_ALONE_RE.fullmatch(text, counted[-1].end, opened)):
            # 15个水功能区(国家级7个、区县级8个)水质达标率100%: the rate after a breakdown of the sites counted is theirs
            subject = text[counted[-1].end : opened] + subject
        things = _things_invested_in(text, c, stop, b)
        if things:  # 总投资383亿元的生态修复等重点项目 / 41个总投资…的生态修复等重点项目: what the total is of
            subject = things + ("总投资" if "元" in c.unit.surface else "")
        if c.words_metric:  # 完成国家下达的单位GDP二氧化碳排放降低任务: the words name their metric
            subject = c.words_metric
        members = (collective_members(doc, subject) or _listed_metrics(subject)) if c.words_only else ()
        if members:  # 完成主要污染物减排目标 / 节能减排降碳完成省下达目标 / A浓度、B比例完成…目标: for each
            out.append(c.but(subject=members[0], shared_by=members if len(members) > 1 else ()))
            continue
        if _BARE_WATER_COMPLIANCE_RE.fullmatch(subject) and a > 0 and text[a - 1] in ",，":
            # 持续推进饮用水水源地规范化建设,水质达标率稳定保持100%: the drinking source its sentence named before
            sources = _DRINKING_SOURCE_RE.findall(text, doc.sentence_at(c.start)[0], a)
            if sources:
                subject = clean_subject(sources[-1], leading=True) + subject
        # (not after a change or another rate: 装机增长38%,利用率…; 联单率达到100%,集中处置率…)
        prev_in_clause_before = (i > 0 and meaningful(out[i - 1].subject) and not cands[i - 1].is_change
                                 and cands[i - 1].unit.unit not in ("percent", "percentage_point", "yuan")
                                 and not _BARE_DONE_RE.fullmatch(out[i - 1].subject.removeprefix("正在"))
                                 and not _change_at_end_re(change_only).search(out[i - 1].subject)) and (
            (a > 0 and text[a - 1] in ",，" and doc.clause(a - 1, a - 1)[0] <= cands[i - 1].start < cands[i - 1].end < a
             and doc.same_sentence(cands[i - 1].start, c.start))
            or (cands[i - 1].end >= a and text.startswith(_ENUMERATION_MARK, cands[i - 1].end)))  # 面积1200公顷、覆盖率…
        if prev_in_clause_before and (
                (_bare_metric(subject) and c.unit.unit == "percent")
                or (_BARE_DONE_RE.fullmatch(subject) and c.unit.unit in COUNT_UNITS
                    and cands[i - 1].unit.unit in COUNT_UNITS)):
            # 受理信访举报724件,办结率100% / 绿化覆盖面积1077公顷、覆盖率25.67% / 反馈问题28项,完成整改23项: a bare rate or
            # a bare verb of work done is of the things the figure of the clause before measures (its amount word dropped)
            subject = _joined(_AMOUNT_WORD_RE.sub("", out[i - 1].subject), subject)
        elif prev_in_clause_before and _ACTUAL_RE.fullmatch(subject) and c.unit.unit == cands[i - 1].unit.unit:
            # 全年计划完成农村改厕3000户,实际完成3200户: what was actually done is the figure of the clause before, reached
            subject = out[i - 1].subject
        elif _bare_metric(subject) and a > 0 and text[a - 1] in ",，" and (i == 0 or cands[i - 1].end < a):
            pa = doc.clause(a - 1, a - 1)[0]
            figure_before = out[i - 1].subject if i > 0 and pa <= cands[i - 1].start else None
            # 工业固废综合利用率不高,利用率仅21.7%: or the thing it names right before the rate's own words
            subject = _joined(_object_of_clause(text[pa : a - 1])
                              or _named_with_its_words(text[pa : a - 1], subject, figure_before), subject)
        elif (_BARE_CAPACITY_RE.fullmatch(subject) and a > 0 and text[a - 1] in ",，" and i > 0
              and doc.clause(a - 1, a - 1)[0] <= cands[i - 1].start < cands[i - 1].end < a
              and doc.same_sentence(cands[i - 1].start, c.start) and meaningful(out[i - 1].subject)):
            # 建成10个城市污水处理厂,处理能力40万吨/日 / 农村日产生污水量约16万吨,处理能力仅有5万吨/日: a capacity named by
            # its head alone is of the facilities the clause before counts, or of the waste whose amount it gives
            prev = out[i - 1]
            if prev.unit.unit in COUNT_UNITS:  # the facilities counted (not a clause: 1座拟于今年底开工)
                things = prev.subject if prev.subject.endswith(_FACILITIES) else ""
            else:  # the waste produced (not another capacity: 综合利用能力…,处置能力…)
                things = _AMOUNT_MADE_RE.sub("", prev.subject) if _MADE_RE.search(prev.subject) else ""
            subject = _joined(things, subject) if meaningful(things) else subject
        elif (_BARE_AREA_RE.fullmatch(subject) and a > 0 and text[a - 1] in ",，" and i > 0
              and doc.clause(a - 1, a - 1)[0] <= cands[i - 1].start < cands[i - 1].end < a
              and cands[i - 1].unit.unit not in ("percent", "percentage_point")
              and doc.same_sentence(cands[i - 1].start, c.start) and meaningful(out[i - 1].subject)):
            # 生态河堤保护及修复共计15.8千米,面积约23341m2 / 设立14个自然保护地,总面积927平方公里: an area named by its word
            # alone is of the works or the places the clause before measures or counts
            subject = _joined(_AMOUNT_WORD_RE.sub("", out[i - 1].subject), subject)
        out.append(c.but(subject=subject))
    return out

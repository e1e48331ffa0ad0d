"""Pass 3, subject: the noun phrase a measure is about. The words before its comparator, else between
comparator and number, else after the number; a bare change continues the subject before it; a list of
numbers splits its list of subjects; one value stated for a list of subjects (均为 / 分别下降 …) holds for
each of them."""

from __future__ import annotations

import functools
import re

from loaders.measures.candidates import (
    COUNT_UNITS,
    RATIO_ENDINGS,
    WORDS_ONLY_METRIC_ENDINGS,
    Candidate,
    lists_of,
)
from loaders.measures.comparators import BENCHMARKS
from loaders.measures.document import DocumentView
from loaders.measures.grammar import Grammar
from loaders.semantics import sub_area

# words around a subject that carry no meaning of their own
SUBJECT_TRAILING = ("分别", "均", "总计", "合计", "共计", "共", "的", "全年", "年内")
# adverbs between a subject and its comparator (达标率稳定保持在100%, 继续保持): not after the number (保持稳定)
# and the hedge of a goal (再生水利用率力争达到30%)
_ADVERBS_BEFORE_COMPARATOR = ("继续", "持续", "稳定", "力争", "争取")
_LEADING_SUBJECT_TRAILING = SUBJECT_TRAILING + _ADVERBS_BEFORE_COMPARATOR  # what a subject before its number sheds
# a space between two Chinese characters is a line break of the source inside a word (安全利 用率)
_BROKEN_WORD_RE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
SUBJECT_LEADING_VERBS = ("了", "力争", "确保", "争取", "完成", "实施", "开展", "推进", "组织", "建成", "打造", "对", "将", "新增", "累计", "已", "全年", "年内", "共", "实现")
# 新增和改造提升绿化面积: the conjunction before a second verb, once the first is stripped (not 和美乡村, 和谐)
_CONJUNCTION_OPENING_RE = re.compile(r"^[和及与、](?![美谐睦平])")
_ITEM_NUMBER_RE = re.compile(r"^[\d一二三四五六七八九十]{1,2}[)）]")
_NOUNS_OPENING_LIKE_A_VERB = ("建成区",)  # 建成区绿化覆盖率: the built-up area, not 建成 (built)
# verbs that open a clause naming a system or a work whose rate the next clause gives (健全X体系,覆盖率达95%)
_OBJECT_VERBS = ("深入推进", "持续推进", "加快推进", "全面推进", "健全", "完善", "建立", "建设", "推进", "推动", "加快",
                 "深化", "实施", "开展", "加强", "提升", "强化")
_VERB_ADVERBS = ("持续", "积极", "大力", "着力", "全面", "深入", "进一步")  # before such a verb (持续推动X)
# the place a domestic service (sewage, refuse) is run for: the subject keeps the one its sentence names
# (推进农村生活污水治理…,生活污水治理率达25% -> 农村生活污水治理率)
_SERVICE_WORDS = ("生活污水", "生活垃圾", "污水", "垃圾")
_RURAL, _URBAN = ("农村", "行政村"), ("城市", "城镇", "城区", "县城", "中心城区", "城乡")
# the places a list of a service's rates names one by one (城市、县城、重点建制镇污水处理率): longest first
_LISTED_PLACES = tuple(sorted({*_RURAL, *_URBAN, "主城区", "乡镇", "村级", "建制镇", "重点建制镇"}, key=len, reverse=True))
# a capacity named by its head alone (装机总量645万千瓦) is of the energy source its sentence named last before it
# (新增开发装机, 并网装机: the capacity developed or connected)
_CAPACITY_HEAD_RE = re.compile(r"(?:开发|并网)?(?:总(?:发电)?)?装机(?:总量|规模|容量)?")  # (总发电装机规模: the same head)
_COLLECTIVE_SOURCES = ("可再生能源", "清洁能源", "新能源")  # what several sources named before add up to
_ENERGY_SOURCES = (*_COLLECTIVE_SOURCES, "风电", "光伏", "风光", "水电", "核电", "火电", "煤电", "气电", "电力")
# the verbs of a remediation work: in a list of lands or lengths treated (治理河道10公里、水土流失20平方公里)
# the first item's verb governs the items after it that name none
_WORK_VERBS = ("综合治理", "治理", "整治", "修复")
# an item naming its own land work takes no verb of the item before (修复退化林4000亩、森林抚育5000亩)
_OWN_LAND_WORKS = ("抚育", "造林", "育林", "种草", "改良", "封育", "绿化", "复绿", "管护")
_TREATED_UNITS = ("km2", "mu", "km")
# a count after one of these verbs counts the noun that follows it (系统推进9个项目, 提速实施249个项目)
# and after a verb of remediation (全面整治619个入河排污口, 关停12家企业) or of things built, opened or run
# (新改建60个口袋公园, 新投运2座垃圾焚烧发电厂, 新开放共享30处城市公园绿地)
_COUNT_OPENING_VERBS = tuple(dict.fromkeys(_OBJECT_VERBS + SUBJECT_LEADING_VERBS + _WORK_VERBS
                                           + ("清理", "拆除", "关闭", "取缔", "关停", "淘汰", "改造")
                                           + ("新建", "改建", "开工", "投运", "投产", "竣工", "完工", "开放", "共享")))
# a subject that only names the whole region (全市完成绿化造林4.7万亩): what was done is between 完成 and the number
_WHOLE_REGION_RE = re.compile(r"(?:今年|去年|全年)?(?:全|我|本)(?:市|省|区|县|州|盟|旗|国)")
# a subject that is only a place (其中农村, 其余城市): its kind after 其他/其余
_OTHER_PLACES_RE = re.compile(r"^(?:其他|其余|其它)")
# words after a count that name no things counted but what became of the count (由十二五末的4个减少为1个)
_NO_THINGS_RE = re.compile(r"(?:减少|增加|增至|增长|降至|降为|下降|上升|提高|提升|调|为|是|已|均|全部|分别|达|占|以上|以下|左右)")
# where the words after the things counted say what became of them (问题全部完成整改, 火电厂从管理…协同发力, 问题中)
_THINGS_END_RE = re.compile(r"全部|均|已|正在|基本|得到|从|中$")
# a place by its name (沈阳市, 宿豫区; a region or county-level division the region index knows): where the things
# a count right after it counts are
_NAMED_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:市|县|区|州|盟|旗)")
# a capacity named by its head alone (处理能力, 日处理规模): what it treats is named the clause before
_BARE_CAPACITY_RE = re.compile(r"(?:日|年)?(?:处理|处置)(?:能力|规模)")
# an area or a length named by its word alone (面积约23341m2, 总面积927平方公里): of what the clause before measures
_BARE_AREA_RE = re.compile(r"总?(?:面积|长度)")
# the words of an amount produced (农村日产生污水量 -> 农村污水): what a capacity after it treats
_AMOUNT_MADE_RE = re.compile(r"(?:每日|每年|日|年)?(?:产生|排放)|量$")
_MADE_RE = re.compile(r"产生|排放")
_FACILITIES = ("厂", "站", "设施", "企业", "中心", "场", "项目", "工程", "单位", "基地")
# a subject that is only a verb of work done (完成整改 23项, 已办结 185件): of the things counted the clause before
_BARE_DONE_RE = re.compile(r"(?:完成|已)?(?:整改|办结|销号|化解)(?:完成|到位)?")
# the amount word ending a subject (绿化覆盖面积, 优良天数): what a rate after it drops before it is joined to the rate
_AMOUNT_WORD_RE = re.compile(r"(?:面积|天数|数量|总量|量|(?:处理|处置)?(?:能力|规模))$")
# the words between a count and a part of what it counts (信访投诉问题中, / 问题中的)
_PART_OF_RE = re.compile(r"[\u4e00-\u9fff“”]{0,12}(?:中|当中)[,，的]?")
# an area right before the zone it is the size of, after a verb of building or protecting (规划建设736平方公里X区)
_AREA_UNITS = ("km2", "mu", "ha")
_AREA_VERBS = ("建设", "保护", "打造", "新建", "建成", "划定", "创建")
# a share's words that name a goal, not the things it is a share of (达到80%的改善目标, 20%的规划指标)
_GOAL_WORDS = ("目标", "指标", "任务", "要求", "水平")
# what all (100%) of the things before a share undergo, written right after it (100%安全收贮, 100%达标排放): a verb
# phrase up to the clause's or the list item's end, not a bound, a list, a kind (为) or a change
_DONE_TO_ALL_RE = re.compile(r"(?!以上|以下|左右|以内|和|及|与|的|为|或|且|分别|均|等|提高|提升|下降|降低|增长|减少|上升)"
                             r"[\u4e00-\u9fff][^,，;；。.、:：()（）\s\d]{0,13}")
_DOING_AT_END_RE = re.compile(r"(?:做到|实现|达到|要)$")
_SHARE_WORDS = ("率", "比例", "比重", "占比")  # a metric already named before the share (优良比例稳定100%达标)
# a metric's level at a date and the level it reached at another (从2016年的306万吨提高到2021年的401万吨): the start,
# the change's words and the date of the figure reached, which stand between the metric and that figure
_DATE = r"(?:(?:19|20)\d\d\s?年(?:年?底|末)?|[“\"]?十[一二三四五六七八九]五[”\"]?末)"
_DATED_START_RE = re.compile(rf"[从由]\s?{_DATE}的")
_DATED_END_RE = re.compile(rf"[从由]\s?{_DATE}的[^,，;；。从由]{{1,24}}?(?:到|至|为)\s?{_DATE}的")
# the things a share written before them is of, right after it with no 的 (60%以上【面积】建成…, 75%【行政村】…)
_SHARE_BASE_RE = re.compile(r"(?:面积|行政村|建制村|村庄|乡镇|县级城市)")
# the sites of a monitoring network named by their level right after a count (62个国考断面, 16个国控点位)
_NETWORK_SITES_RE = re.compile(r"(?:国考|国控|省控|省考|国省考|国省控|市控|县控)(?:及以上|以上)?(?:地表水)?(?:断面|点位)")
# the things a count counts, right before the count of their parts (4家【燃煤电厂】8台机组): nouns only, not a part of
# them (59个问题【有】57个), a verb done (企业整改完成791个) or a change (缩减至36个); countries hold no cities as parts
# (35个国家57个城市: two counts of places)
_OWNER_OF_PARTS_RE = re.compile(r"(?![\u4e00-\u9fff]*(?:有|完成|中|和|及|与|或|等|的))(?!(?:国家|省份|地区)$)"
                                r"[\u4e00-\u9fff]{2,10}")
# the problems a count right before them counts (96个【环境问题】, 3744个【问题】, 12件【信访件】)
_PROBLEMS_RE = re.compile(r"(?:生态环境|环境)?(?:问题|信访件|信访投诉|案件)")
# a verb of inspection ending the words before a count: the count is of what it handed over or found (交办401个信访件)
_HANDED_OVER_RE = re.compile(r"(?:交办|转办|反馈|移交|移送|排查出|排查发现|发现|梳理出|受理)$")
# a subject that is only a date (2018年, 截至2020年12月, 2022年底前): what it names is no metric
_DAY = rf"{_DATE}(?:\d{{1,2}}月(?:底|末)?)?(?:前|以前)?"  # 2022年底前, 2020年12月底: a date with its month or deadline
_DATE_ONLY_RE = re.compile(rf"(?:(?:截至|截止到|截止|到|至|在|于)?{_DAY})+")
_DATE_AT_END_RE = re.compile(rf"{_DAY}$")
# 占比2028年底达到(40%): a metric, a date and a verb right before a figure (the year is no part of the subject)
_DATE_BEFORE_FIGURE = rf"{_DAY}[^,，;；。\d]{{0,4}}$"
# a subject that is only a time (到2025年, “十四五”期间, 2025年年底前, 每年将)
_TIME_ONLY_RE = re.compile(r"(?:到|至|在|于)?(?:(?:19|20)\d\d\s?年(?:年?底|末)?(?:前|以前)?|[“\"]?十[一二三四五六七八九]五[”\"]?"
                           r"(?:期间|时期|末)?|每年|近年来|目前|当前)+将?")
_DEGREE_RE = re.compile(r"(?:大幅|明显|显著|稳步|持续|逐步|不断|有所|进一步)$")  # how much a metric changed
_MARGIN_WORDS = ("优于", "快于", "慢于", "好于", "差于")  # better, faster… than a benchmark: no bound, unlike 高于
_SETTLEMENTS = ("城市", "农村", "城镇", "乡村", "乡镇", "县市", "区县", "县区")  # places named by their kind
_PREVIOUS_RANK_RE = re.compile(r"(?:全国|全省|全市|全区)?第[一二三四五六七八九十\d]")
# "A、B均为100%" / "A、B分别下降12%以上" (a single value): the value holds for every subject
_SHARED_MARKERS = ("均", "分别", "都")  # 都: A和B都达到100% (a name ending in 都, 成都, lists nothing alone)
# right before one value, 全部 shares it too (A率、B率全部达到90%以上); elsewhere it says what was done to all the
# things counted (94个项目全部开工、完工74个: the 74 are another item's)
_VALUE_SHARED_MARKERS = (*_SHARED_MARKERS, "全部")
_EACH = "各"  # A和B各1家: after the list, right before the number
# a baseline between the marker and the change: 均比2020年下降 / 相比2020年分别下降
_SHARED_BASELINE_RE = re.compile(r"(?:相比|较|比)\s?(?:19|20)\d\d\s?年(?:相比)?(?=(?:均|分别)?$)")
# words that qualify a metric and belong to it when a list shares it (安全利用率, 无害化处理率)
_SHORT_NAME = 6  # characters: a name without metric in a list (受污染耕地, 县城), not a clause
_METRIC_MODIFIERS = ("安全", "无害化", "综合", "集中", "规范化", "资源化", "回收")
# 县级及以上 / 省控及以上: a fixed phrase of rank, no list; nor the 及 / 与 inside a metric's word (普及率, 处置及时率,
# 公众参与率)
_LIST_SPLIT_RE = re.compile(r"[、和]|(?<!参)与|(?<!普)及(?!以[上下]|时)")
_RATE_WORDS = ("普及率", "及时率", "参与率")  # whole words of a rate: a shared metric is never cut inside one
_LEVEL_RE = re.compile(r"(?:国家|中央|国|省|市|县|区|自治区|自治州|盟|旗)级?")
# the levels of a monitoring network (国控、省控断面水质优良率保持100%): with no 均 / 分别, the gold reads one network's rate
_NETWORK_LEVEL_RE = re.compile(r"(?:国|省|市|县)(?:控|考)")
_RESPECTIVELY_RE = re.compile(r"分别(?:为|是|达到|达|提高到|提升至|提高至|下降到|降至)?$")
# how long or how newly a level has held, after its metric: 优良率连续5年保持 / 优良率首次达到
# 90%的农村生活垃圾得到有效处理: a share written before the things it counts, as a rate of the work done
_DONE_TO_RE = re.compile(r"^(.{2,}?)得到(有效)?(治理|处理|利用|处置)$")
_TRAILING_TIME_RE = re.compile(r"(?:连续[\d一二三四五六七八九十两]+年|首次)$")
# 满意度从84.7(提升至89.6): the start of a change written with no unit (no figure of its own) is none of the subject
_BARE_START_RE = re.compile(r"[从由]\d+(?:\.\d+)?$")
# 占比从(31.1%降至22.5%), 水质优良率由(…提升到…): the start of a change whose first figure is a row of its own leaves its
# 从 / 由 at the end of the level's subject; no metric ends on them (not 自由, 理由, 缘由, 服从)
_CHANGE_START_RE = re.compile(r"(?<=[\u4e00-\u9fff)）”])(?<![自理缘服听])[从由]$")
# 产量2030年(达到300亿立方米), 占比2023年底(达到50%): the year a level is due or stood, written between its metric and its
# verb, is the figure's year, no part of its metric (not 恢复到2019年, 快于2024年, 在2021年, 对2022年, 截至2023年: a comparison, a
# base or a date)
_YEAR_OF_THE_LEVEL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![到是在由从于为较前对自至])(?<!(?<!占)比)(?:19|20)\d\d年(?:底|末)?$")
# A、B、C首次实现“三个100%”: the count of the figures the list shares, after the list
_COUNTED_FIGURES_RE = re.compile(r"(?:首次|均|全部)?(?:实现|达到|达)?[“\"]?[两二三四五六七八九十]个$")
_ENUMERATION_MARK = "、"
_LIST_JOINS = (_ENUMERATION_MARK, "和", "及", "与")  # what joins the members of a list of numbers
_ADDED = "(?:新增|累计|共计)"  # an addition (装机新增), no metric of its own
_NOT_A_WORD_RE = re.compile(r"[^\w\u4e00-\u9fff]")
_ONLY_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!不)仅(?:有|为)?$")  # 利用率仅, 处理能力仅有 (not 不仅, "not only")
# 比2015年, 较“十二五”时期末 (the end of a five-year plan: a base year by name); not 分别: a list pairs its own
_BASELINE_RE = re.compile(r"(?:同|相)?(?:比|较)(?:上年|去年|(?:19|20)\d\d\s?年(?:底|末)?"
                          r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期)?末期?)(?:相比)?")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_CLOSED_BEFORE_RE = re.compile(r"^[)）]+[\s、,，;；.。]*")  # a subject opening on a bracket that closed the figure before
_CLOSED_INSIDE_RE = re.compile(r"^[^()（）]{1,20}[)）]+[\s、,，;；.。]*")  # words closing a bracket opened before them


def assign_subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = _subjects(doc, cands)
    out = _split_list_subjects(doc, out)
    out = _split_mixed_lists(doc, out)
    out = _split_shared_values(doc, out)
    out = _rural_scope(doc, out)
    out = _shared_work_verb(doc, out)
    out = _share_of_the_figure_before(doc, out)
    out = _level_of_the_previous(doc, out)
    out = _changes_of_the_levels_before(doc, out)
    out = _compressed_pair(out)
    out = _firms_counted_then_their_deed(doc, out)
    out = _project_named_after(doc, out)
    out = _bracketed_list_ending(doc, out)
    out = _part_named_by_its_level_or_place(doc, out)
    out = _size_before_its_things(doc, out)
    out = _count_right_after_a_water_body(doc, out)
    out = _list_sharing_the_last_items_deed(doc, out)
    return _capacity_source(doc, out)


_JOINS = " 、,，和及与(（"
_OPENS_A_WORD_WITH_HE_RE = re.compile(r"美(?!丽)|谐|睦")  # 和美乡村, 和谐; not 和美丽河湖 (and the beautiful rivers)


def _strip_joins(s: str) -> str:
    """The joins and brackets around a subject, but a 和 opening a word (打造150个和美乡村: 和美乡村, not 美乡村)."""
    t = s.strip(_JOINS)
    at = len(s) - len(s.lstrip(_JOINS))
    return "和" + t if at and s[at - 1] == "和" and _OPENS_A_WORD_WITH_HE_RE.match(t) else t


@functools.lru_cache(maxsize=1 << 14)  # a pure function of its words, asked several times per candidate
def clean_subject(s: str, leading: bool) -> str:
    s = _strip_joins(_BROKEN_WORD_RE.sub("", s))
    if _CLOSED_BEFORE_RE.match(s):  # 甲市(2万吨)、乙市(1万吨): the bracket closes the figure before, no part of this one
        s = _strip_joins(_CLOSED_BEFORE_RE.sub("", s))
    if leading and (m := _CLOSED_INSIDE_RE.match(s)) and m.end() < len(s):
        # 全市(16个国控点位)PM2.5年均浓度 / 改造小区120个(涉及5000户)、背街小巷: the words up to a bracket that opened before the
        # figure before (its scope or its count) are inside it, no part of this subject
        s = _strip_joins(s[m.end() :])
    if leading and s.startswith("其中"):
        s = s[2:]
    if leading:
        s = _ITEM_NUMBER_RE.sub("", s)  # (7)新(改)建农村户厕: the number of a list's item, its bracket stripped above
    trailing = _LEADING_SUBJECT_TRAILING if leading else SUBJECT_TRAILING
    changed = True
    while changed and s:
        # one C test for the words below first: most subjects neither end nor open with one (a Python loop
        # over the 29 words cost ~3 µs a subject)
        if not s.endswith(trailing) and not (leading and s.startswith(SUBJECT_LEADING_VERBS)):
            break
        changed = False
        for w in trailing:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)].rstrip(), True
        if leading and not s.startswith(_NOUNS_OPENING_LIKE_A_VERB):
            for w in SUBJECT_LEADING_VERBS:
                if s.startswith(w) and len(s) > len(w):
                    s, changed = _CONJUNCTION_OPENING_RE.sub("", s[len(w) :].lstrip()), True
    s = _COUNTED_FIGURES_RE.sub("", s)
    s = _ONLY_RE.sub("", s)  # 利用率仅21.7% / 煤炭消费占比仅为13.4%: the hedge is no part of the metric
    # a full stop (PDF text writes it "."), semicolon or pause after the words is no part of them (建成5个“美丽海湾”.)
    s = _TRAILING_TIME_RE.sub("", s.strip(" 、,，").rstrip("。.;；")).rstrip(" 、,，。.;；")
    s = _YEAR_OF_THE_LEVEL_RE.sub("", _CHANGE_START_RE.sub("", _BARE_START_RE.sub("", s)))
    return "" if leading and s in SUBJECT_LEADING_VERBS else s


def _metric_of_change(doc: DocumentView, subject: str) -> str:
    """The metric a change or an addition is of, without the change words that end it (投资同比增长 -> 投资),
    for the level reached that follows it (投资增长34.6%、达526.1亿元); the subject as it is when nothing would
    be left."""
    rest = subject
    while m := _change_at_end_re(doc.grammar.change_only_re).search(rest):
        rest = rest[: m.start()]
    return rest if meaningful(rest) else subject


@functools.cache
def _change_at_end_re(change_only: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{change_only.pattern}|{_ADDED})$")


def _dated_right_after(doc: DocumentView, subject: str, figure_start: int) -> bool:
    """Is the subject written right before a date and a verb that lead to its figure (占比2028年底达到40%)?"""
    window = doc.text[max(0, figure_start - len(subject) - 16) : figure_start]
    return bool(subject) and re.search(re.escape(subject) + r"\s?" + _DATE_BEFORE_FIGURE, window) is not None


def meaningful(s: str) -> bool:
    return len(_NOT_A_WORD_RE.sub("", s)) >= 2


def _subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, change_only = doc.text, doc.grammar.change_only_re
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        a, b = doc.clause(c.start, c.end)
        prev_end = cands[i - 1].end if i > 0 and cands[i - 1].end > a else a
        next_start = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < b else b
        next_in_clause = cands[i + 1] if next_start < b else None
        stop = c.prefix[2] if c.prefix else c.start
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
            if not meaningful(before) and out and doc.sentence_at(out[-1].start)[0] == doc.sentence_at(c.start)[0]:
                before = out[-1].subject
            if meaningful(before):
                before += c.prefix[0] + benchmark
        elif (not c.prefix and i > 0 and prev_end == a and before.startswith(_MARGIN_WORDS)
              and before.endswith(BENCHMARKS) and doc.sentence_at(out[-1].start)[0] == doc.sentence_at(c.start)[0]):
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
        if len(before) <= 2 and meaningful(after) and not listed_name and not bracketed_item:
            before = ""  # a bare verb or place (推动3000家企业开展审核), not a listed item's name (A1%、氨氮10%和B下降5%)
        elif _WHOLE_REGION_RE.fullmatch(before) and meaningful(gap):
            before = ""
        elif c.unit.unit in COUNT_UNITS and not c.is_change and meaningful(after) and (
                # 系统推进9个A项目: a verb phrase, the noun follows the count (not when a size inside the noun cuts
                # it, 新建1座日处理能力为300吨的污泥处置厂)
                (before.endswith(_COUNT_OPENING_VERBS)
                 and (next_start >= b or not text.startswith("的", cands[i + 1].end)))
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
        if (c.unit.unit in COUNT_UNITS and i > 0 and cands[i - 1].unit.unit in COUNT_UNITS and not c.is_change
                and _PART_OF_RE.fullmatch(text[cands[i - 1].end : c.start])
                and doc.sentence_at(cands[i - 1].start)[0] == doc.sentence_at(c.start)[0]):
            # 督察交办的161件信访投诉问题中,142件已办结 / 19项问题中的18项已完成整改: a part of the things the count before
            # counts, what became of them after it
            before, gap = out[i - 1].subject.removesuffix("中") + (after if meaningful(after) else ""), ""
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
        if not c.is_change and _DATE_ONLY_RE.fullmatch(subject):
            # 2018年完成131个减排项目精准治理工作 / 占比2023年底达到50%以上,2025年底达到60%以上: a date names no metric; the
            # things the figure counts follow it, or the figure before in its sentence gave the metric
            goal = len(after) <= 6 and after.endswith(_GOAL_WORDS)  # 未完成2020年20%的规划指标: the goal of the metric before
            if subject is not after and meaningful(after) and not _DATE_ONLY_RE.fullmatch(after) and not goal:
                subject = after
            elif (i > 0 and doc.sentence_at(out[i - 1].start)[0] == doc.sentence_at(c.start)[0]
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
            if doc.sentence_at(prev.start)[0] == doc.sentence_at(c.start)[0]:
                head = prev.subject
                if c.prefix and not c.is_change and c.prefix[1] != "none":
                    head = _metric_of_change(doc, head)  # 装机新增623万千瓦、达到1968万千瓦: the level's own metric
                subject = head + subject
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
        if (not c.is_change and (place := _place_only(subject)) and a > 0 and text[a - 1] in ",，"
                and (i == 0 or cands[i - 1].end < a) and text[a : c.start].lstrip().removeprefix("其中").startswith(place)):  # the place opens its clause
            # 优良天数比例大幅上升,主城区达到95.1% / A率达到50%,其他城市达到40%: a part's figure of the metric before
            subject = _metric_before(doc, cands, out, i, a, place) or subject
        if c.unit.unit in COUNT_UNITS and (sites := _SITES_BEFORE_THEIR_RATE_RE.match(subject)):
            subject = sites.group(1)  # 42个国省考断面水质优良比例100%: the count is of the sites, the rate theirs
        elif c.unit.unit in COUNT_UNITS and not c.is_change and (sites := _NETWORK_SITES_RE.match(text, c.end)):
            # 水环境质量62个国考断面优良水体比例为74.2% / 全市25个国省控断面Ⅰ-Ⅲ类水质占比88%: a count right before the sites of a
            # monitoring network counts them, whatever the words before it (a theme) or after them (their rate) say
            subject = sites.group(0)
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
             and doc.sentence_at(cands[i - 1].start)[0] == doc.sentence_at(c.start)[0])
            or (cands[i - 1].end >= a and text.startswith(_ENUMERATION_MARK, cands[i - 1].end)))  # 面积1200公顷、覆盖率…
        if prev_in_clause_before and (
                (_bare_metric(subject) and c.unit.unit == "percent")
                or (_BARE_DONE_RE.fullmatch(subject) and c.unit.unit in COUNT_UNITS
                    and cands[i - 1].unit.unit in COUNT_UNITS)):
            # 受理信访举报724件,办结率100% / 绿化覆盖面积1077公顷、覆盖率25.67% / 反馈问题28项,完成整改23项: a bare rate or
            # a bare verb of work done is of the things the figure of the clause before measures (its amount word dropped)
            subject = _joined(_AMOUNT_WORD_RE.sub("", out[i - 1].subject), subject)
        elif _bare_metric(subject) and a > 0 and text[a - 1] in ",，" and (i == 0 or cands[i - 1].end < a):
            subject = _joined(_object_of_clause(text[doc.clause(a - 1, a - 1)[0] : a - 1]), subject)
        elif (_BARE_CAPACITY_RE.fullmatch(subject) and a > 0 and text[a - 1] in ",，" and i > 0
              and doc.clause(a - 1, a - 1)[0] <= cands[i - 1].start < cands[i - 1].end < a
              and doc.sentence_at(cands[i - 1].start)[0] == doc.sentence_at(c.start)[0] and meaningful(out[i - 1].subject)):
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
              and doc.sentence_at(cands[i - 1].start)[0] == doc.sentence_at(c.start)[0] and meaningful(out[i - 1].subject)):
            # 生态河堤保护及修复共计15.8千米,面积约23341m2 / 设立14个自然保护地,总面积927平方公里: an area named by its word
            # alone is of the works or the places the clause before measures or counts
            subject = _joined(_AMOUNT_WORD_RE.sub("", out[i - 1].subject), subject)
        out.append(c.but(subject=subject))
    return out


# 完成全市90个地块的布点采样 / 在全省421个行政村新建…设施: the whole region right before a count (after 在, or after a
# verb read as its comparator) is where the things counted are, not what they are, which follow the count; not a peer
# group (在全国38个同类机场中进展最快)
_IN_WHOLE_REGION_RE = re.compile(r"(?:在|于)?" + _WHOLE_REGION_RE.pattern)
_PEER_GROUP_RE = re.compile(r"^[^,，;；。]{1,12}?中(?:$|[,，]|排|名列|位居|居|进展|领先|率先|第)")


def _whole_region_before_count(c: Candidate, before: str, gap: str, after: str) -> tuple[str, str]:
    if c.unit.unit not in COUNT_UNITS or c.is_change or not meaningful(after) or _PEER_GROUP_RE.match(after):
        return before, gap
    if gap and _IN_WHOLE_REGION_RE.fullmatch(gap):
        return before, ""
    if not gap and _IN_WHOLE_REGION_RE.fullmatch(before):
        return "", gap
    return before, gap


# the sites of a monitoring network counted before their rate (国省考断面水质优良比例, 集中式饮用水水源地年均水质达标率):
# what the count counts ends at the site's word
_SITES_BEFORE_THEIR_RATE_RE = re.compile(r"^(.{0,20}?(?:断面|点位|监测站|饮用水水?源地?))(?=水质|年均|全部|均|累计)"
                                         r"(?=.*?(?:比例|比率|率|达标))")
# 总投资(超)383亿元【的】 before the amount's 的 / a count right before such a total (41个【总投资383亿元的】)
_TOTAL_INVESTED_BEFORE_RE = re.compile(r"(?:计划)?总投资(?:额)?(?:约|近|超过|超|达到|达)?$")
_TOTAL_INVESTED_AFTER_RE = re.compile(r"[、]?(?:年度|当年|全年)?(?:计划)?总投资(?:额)?(?:约|近|超过|超|达到|达)?[\d.]+[万亿]*元(?=的)")
_COUNT_OPENING_RE = re.compile(r"^[\d.]+[个项座条处家所]")
_NEXT_TOTAL_RE = re.compile(r"、(?=[\u4e00-\u9fff]{0,4}?总投资|[\d.]+[万亿]*元)")
_PREDICATE_RE = re.compile(r"(?:加快|全面|开工|建成|启动|顺利|正式|基本|尽快|持续|有序|扎实|圆满|刷新|投产|落地|纳入|入选)")


def _things_invested_in(text: str, c: Candidate, stop: int, clause_end: int) -> str:
    """总投资383亿元的生态修复等重点项目 / 41个总投资383亿元的生态修复等重点项目 / 总投资39.24亿元的100个海绵城市项目:
    the things a total invested is of are named after its 的 (past their count), to the next break; the count right
    before such a total counts them. "" when c is neither."""
    if "元" in c.unit.surface and text.startswith("的", c.end) and _TOTAL_INVESTED_BEFORE_RE.search(
            text[max(0, c.start - 8) : c.start]):
        at = c.end + 1
    elif c.unit.unit in COUNT_UNITS and (m := _TOTAL_INVESTED_AFTER_RE.match(text, c.end)) and m.end() < clause_end:
        at = m.end() + 1
    else:
        return ""
    words = text[at:clause_end]
    words = _COUNT_OPENING_RE.sub("", words)
    # 某新能源基地【加快建设】: the predicate is no part of them; the next total of a list (、总投资…) nor
    words = _PREDICATE_RE.split(_NEXT_TOTAL_RE.split(words)[0])[0]
    things = clean_subject(words, leading=False)
    return things if meaningful(things) and not re.search(r"\d", things) else ""


# a compliance rate of water named by nothing else (水质达标率), after a clause naming drinking-water sources
_BARE_WATER_COMPLIANCE_RE = re.compile(r"水质(?:达标率|达标比例)")
_DRINKING_SOURCE_RE = re.compile(r"(?:县级及以上|县级以上|地级及以上|地级以上|城市|城镇|农村|集中式|地表水型|地下水型)*"
                                 r"饮用水水?源地?")


def _place_only(subject: str) -> str:
    """The part of the region or group of places a subject names and nothing else (其中主城区 -> 主城区, 其他城市);
    "" for a subject naming anything more."""
    place = subject.removeprefix("其中")
    kind = _OTHER_PLACES_RE.sub("", place)
    return place if kind and (sub_area(kind, "", None) == kind or kind in _SETTLEMENTS) else ""


def _metric_before(doc: DocumentView, cands: list[Candidate], out: list[Candidate], i: int, a: int,
                   place: str) -> str:
    """The place's subject of the metric the clause before names: the previous figure's there (its own qualifier
    before 的 and the whole region left out: 涉及甲区域的A率 -> A, 全市A -> A) in the same unit, or the clause's words
    with no figure (A大幅上升 -> A); "" if none."""
    text = doc.text
    pa, _ = doc.clause(a - 1, a - 1)
    if i > 0 and cands[i - 1].end > pa:
        prev = out[i - 1]
        if (prev.is_change or prev.unit.unit != cands[i].unit.unit
                or doc.sentence_at(prev.start)[0] != doc.sentence_at(cands[i].start)[0]):
            return ""
        metric = _metric_of_change(doc, prev.subject)
    else:
        words = clean_subject(text[pa : a - 1], leading=True)
        metric = _metric_of_change(doc, words)
        if doc_has_digit(words) or metric == words:  # 环境质量全面达标,主城区达到95%: no metric named as changed
            return ""
        metric = _DEGREE_RE.sub("", metric)
    metric = metric[metric.rfind("的") + 1 :]
    if m := _WHOLE_REGION_RE.match(metric):  # 全市森林覆盖率…,城区达到: the part's, not the whole region's
        metric = metric[m.end() :]
    return _joined(place, metric) if meaningful(metric) and _place_only(metric) == "" else ""


def _level_changed(doc: DocumentView, cands: list[Candidate], out: list[Candidate], i: int,
                   bare: str) -> Candidate | None:
    """The level a lone change names only by its base year (比2015年提高12.2个百分点, 相比2015年下降) is the one stated
    just before it in its sentence (up to two figures back), in the change's unit (天: days) or any unit for a
    change in percent (浓度38微克,比2015年下降34.4%); None for a change with a subject of its own or in a list."""
    c = cands[i]
    if i == 0 or c.in_list[1] > 1 or meaningful(_BASELINE_RE.sub("", bare)) or not _BASELINE_RE.search(bare):
        return None
    sentence = doc.sentence_at(c.start)[0]
    for prev in reversed(out[max(0, i - 2) : i]):
        if doc.sentence_at(prev.start)[0] != sentence or prev.is_change or not meaningful(prev.subject):
            return None
        if (c.unit.unit == "percent" or prev.unit.unit == c.unit.unit
                or (c.unit.unit == "percentage_point" and prev.unit.unit == "percent")):
            return prev
    return None


def _own_words(after: str, next_in_clause: Candidate | None) -> str:
    """The words after a count that are its own: up to the next item of a list of counts when the clause's next
    figure is that item's (…交办401个信访件、排查出512个…: not 排查出)."""
    if next_in_clause is not None and _another_item_follows(next_in_clause, after) and (cut := _next_item_at(after)) > 0:
        return after[:cut]
    return after


def _without_what_became_of_them(things: str) -> str:
    """信访问题全部办结 / 信访问题中 -> 信访问题: the things counted, without what became of them."""
    end = _THINGS_END_RE.search(things, 2)
    return things[: end.start()] if end is not None else things


def _next_item_at(words: str) -> int:
    """Where the next item of a list of counts begins in words: its last 、, not inside brackets (县(市、区)) nor
    before a list of names closed by 等 (开办科技、体育、中医药等特色班); -1 when none."""
    at = words.rfind(_ENUMERATION_MARK)
    head = words[:at]
    inside_brackets = head.count("(") + head.count("（") > head.count(")") + head.count("）")
    return -1 if at < 0 or inside_brackets or "等" in words[at:] else at


def _next_names_at(words: str) -> int:
    """Where the names of the next count's things begin in the words between two counts that end on 等 (甲河等6条水流、
    乙洞等12个保护地: 水流 | 乙洞等): the first 、 or 和; -1 when the words do not end on 等 or join nothing."""
    join = _LIST_SPLIT_RE.search(words) if words.endswith("等") else None
    return join.start() if join else -1


def _names_listed(words: str, c: Candidate) -> bool:
    """白沙、庄边、新县3个镇: the words before a count list as many names as it counts (no bracket of another item's
    figure among them: 项目)、抚顺市2家 lists nothing)."""
    names = words.split(_ENUMERATION_MARK)
    return (len(names) >= 2 and c.number is not None and c.number.value == len(names)
            and not any(_NOT_A_WORD_RE.search(n) for n in names))


def _another_item_follows(nxt: Candidate, after: str) -> bool:
    """The number after a count and its words is another item's, not a rate of the sites counted (20个国考、省考断面
    水质优良比例达85%) nor one value of a list the words share (9家A、B同比分别增长12%、10%)."""
    rate = nxt.unit.unit == "percent" and any(w in after for w in ("率", "比例", "比重", "占比"))
    return not rate and not any(m in after for m in _SHARED_MARKERS)


def _names_of_counted(before: str, c: Candidate) -> bool:
    """The words before a count name the things it counts (后湾水库等 / A、B before 2个): a list closed by 等,
    or as many listed names as the count says."""
    if before.endswith("等") and len(before) > 1:
        return True
    names = before.split("、")
    return len(names) >= 2 and c.number is not None and c.number.value == len(names)


def collective_members(doc: DocumentView, subject: str) -> tuple[str, ...]:
    """A figure in words for a list naming collective terms (data/collective_terms.csv) holds for each member of
    each term, and for each listed item that is a metric of its own; () when the list names no term:
    节能减排和碳排放强度下降 -> 能耗强度, 碳排放强度下降; 能耗双控和主要污染物减排 -> 化学需氧量减排, 氨氮减排, …
    (a member either is the subject, 节能 -> 能耗强度, or takes the term's place in it, 主要污染物 -> 化学需氧量)."""
    g = doc.grammar
    if not any(t in subject for t in g.collective_terms):
        return ()
    named, subject = _named_members(g, subject)
    out: list[str] = list(named)
    for part in _LIST_SPLIT_RE.split(subject):
        terms = sorted((part.find(t), t) for t in g.collective_terms if t in part)
        for _, t in terms:
            out += [m if t in g.member_terms else part.replace(t, m) for m in g.collective_terms[t]]
        if not terms and (part.endswith(WORDS_ONLY_METRIC_ENDINGS) or _INTENSITY_RE.match(part)):
            out.append(part)  # 碳排放强度下降 / 单位GDP二氧化碳排放量: a metric named beside the terms
    return tuple(dict.fromkeys(out))


# 单位GDP二氧化碳排放量 / 单位地区生产总值能耗: an amount per unit of output is an intensity, a metric of its own
_INTENSITY_RE = re.compile(r"单位(?:GDP|国内生产总值|地区生产总值|生产总值)\S{2,}")
# 二氧化硫、氮氧化物、化学需氧量和氨氮四项主要污染物排放量: the list before a term names its members itself
_NAMED_COUNT_RE = re.compile(r"等?(?:[两二三四五六七八九十]|\d+)项$|等$")


def _named_members(g: Grammar, subject: str) -> tuple[list[str], str]:
    """The members a list names right before a term read in place (A、B、C和D四项主要污染物排放量 -> A排放量, …,
    D排放量; the term's own members, 14th-plan pollutants, would swap a past plan's SO2 for VOCs), and the subject
    with that list taken out. ([], subject) when no such list is there (one of its names must be a member)."""
    for t, members in g.collective_terms.items():
        at = subject.find(t)
        if at < 0 or t in g.member_terms:
            continue
        head = subject[:at]
        head = head[: _NAMED_COUNT_RE.search(head).start()] if _NAMED_COUNT_RE.search(head) else head
        names = [n for n in _LIST_SPLIT_RE.split(head) if n]
        if len(names) < 2 or not any(n.endswith(members) for n in names):
            continue
        tail = _LIST_SPLIT_RE.split(subject[at + len(t) :])[0]
        cut = "减少" if tail.endswith(("排放量", "排放总量")) else ""  # a goal met on the amount emitted: its cut
        return [n + tail + cut for n in names], subject[at + len(t) + len(tail) :]
    return [], subject


def _listed_metrics(subject: str) -> tuple[str, ...]:
    """细颗粒物浓度、优良水体比例完成国家下达目标: a figure in words after a 、-list of metrics holds for each
    (not when an item names no metric of its own: 单位GDP能耗、生态环境质量指标 stays one subject)."""
    parts = [p for p in re.split(r"[、和]", subject) if p]  # 和 too: every item must end like a metric
    if len(parts) >= 2 and all(p.endswith(WORDS_ONLY_METRIC_ENDINGS) for p in parts):
        return tuple(parts)
    return ()


def _split_list_subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A list of numbers splits its head's list of subjects (A、B、C分别为1吨、2吨、3吨)."""
    out = list(cands)
    last: list[int] = []  # the previous list of two or more numbers
    for chain in lists_of(cands):
        head = out[chain[0]]
        # 、 first: 和/及/与 also sit inside words (普及率, 和美乡村), so they split only when 、 does not suffice
        parts = [p for p in head.subject.split("、") if p]
        if len(parts) != len(chain):
            parts = [p for p in _LIST_SPLIT_RE.split(head.subject) if p]
        change = head.subject.replace("分别", "")
        if (len(last) == len(chain) and not meaningful(doc.grammar.change_only_re.sub("", change))
                and doc.sentence_at(out[last[0]].start)[0] == doc.sentence_at(head.start)[0]):
            # "浓度分别为55、35微克/立方米,同比分别下降6.8%、5.4%": the changes of the subjects listed before
            for k, p in zip(chain, last, strict=True):
                out[k] = out[k].but(subject=out[p].subject + change)
        elif len(parts) == len(chain):
            tail = _shared_metric(doc, parts)
            for k, p in zip(chain, parts, strict=True):
                own = k == chain[-1] or p.endswith(tail) or p.endswith(RATIO_ENDINGS)  # 普及率、治理率: each its own
                # 煤炭行业、电力行业增加值: an item already ending in the shared metric's first word keeps it once
                word = next((w for w in doc.grammar.metric_words if tail.startswith(w) and p.endswith(w)), "")
                out[k] = out[k].but(subject=p if own else p + tail[len(word) :])
        else:
            for k in chain[1:]:
                out[k] = out[k].but(subject=head.subject)
        last = chain
    return out


def _split_mixed_lists(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """"PM2.5浓度、优良天数比例分别为30微克/立方米、90%": numbers of different units joined by 、 after 分别
    (not a list of one unit, which _split_list_subjects reads) take the listed subjects in order."""
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        a, _ = doc.clause(c.start, c.end)
        if c.in_list[1] > 1 or not _RESPECTIVELY_RE.search(text[a : c.start]) or (i > 0 and cands[i - 1].end > a):
            continue
        run = [i]
        while run[-1] + 1 < len(cands) and text[cands[run[-1]].end : cands[run[-1] + 1].start].strip() == "、":
            run.append(run[-1] + 1)
        parts = [p for p in c.subject.split("、") if p]
        if (len(run) >= 2 and len(parts) == len(run) and len({cands[k].unit.unit for k in run}) > 1
                and all(meaningful(p) for p in parts)):
            for k, p in zip(run, parts, strict=True):
                out[k] = out[k].but(subject=p)
    return out


def _split_shared_values(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """"城市污水处理率、垃圾无害化处理率均为100%": one value stated for every subject of a list."""
    text = doc.text
    out = list(cands)
    for i, c in enumerate(cands):
        each = [p for p in _LIST_SPLIT_RE.split(c.subject[:-1]) if p] if c.subject.endswith(_EACH) else []
        if len(each) >= 2 and all(meaningful(p) for p in each) and not c.shared_by:
            # 绿色工厂和智能工厂各1家: the number holds for each thing listed before 各
            out[i] = c.but(shared_by=tuple(each))
            continue
        a, _ = doc.clause(c.start, c.end)
        stop = c.prefix[2] if c.prefix else c.start
        head = text[a:stop].rstrip(" ")
        for w in doc.grammar.change_words:  # PM10、PM2.5浓度均下降5%
            if head.endswith(w):
                head = head[: -len(w)]
                break
        head = _SHARED_BASELINE_RE.sub("", head)  # 均比2020年下降 / 分别相比2020年下降
        head = _TRAILING_TIME_RE.sub("", head)  # 均连续5年 / 首次均达
        if not head.endswith(_VALUE_SHARED_MARKERS):
            if _is_list_of_rates(doc, cands, i):
                parts = _qualified(doc, _rate_list(c.subject))
                out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
            continue
        if i > 0 and cands[i - 1].end > a:
            continue  # another number in the clause: 均 refers to it ("分别为…,均达到")
        if head.endswith("分别") and i + 1 < len(cands) and cands[i + 1].start < doc.clause(c.start, c.end)[1]:
            continue  # 分别下降6.8%、5.4%: one value per subject, listed
        marker = next(m for m in _VALUE_SHARED_MARKERS if head.endswith(m))
        cut = c.subject.rfind(marker)  # the marker only, not the 均 of 年均浓度
        subject = c.subject[:cut] + c.subject[cut + len(marker) :] if cut >= 0 else c.subject
        parts = _qualified(doc, [p for p in _LIST_SPLIT_RE.split(subject) if p])
        if len(parts) >= 2 and all(meaningful(p) for p in parts):
            out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
    return out


def _shared_qualifier(doc: DocumentView, parts: list[str]) -> str:
    """三大粮食作物化肥、农药利用率: a first item longer than a name, ending in a name as long as each later one's
    (农药, before the last item's metric 利用率), opens with a qualifier every item shares (三大粮食作物); "" when
    not (an item naming a metric of its own, a qualifier that lists or counts, names of unlike length)."""
    if len(parts) < 2 or len(parts[0]) <= _SHORT_NAME:
        return ""
    first, last = parts[0], parts[-1]
    at = min((i for w in doc.grammar.metric_words for i in [last.find(w, 1)] if i > 0), default=0)
    modifier = next((m for m in _METRIC_MODIFIERS if at > len(m) and last[:at].endswith(m)), "")
    name = last[: at - len(modifier)]
    if not 2 <= len(name) <= 4 or any(len(p) != len(name) for p in parts[1:-1]):
        return ""
    qualifier = first[: -len(name)]
    if (len(qualifier) > _SHORT_NAME + 2 or _LIST_SPLIT_RE.search(qualifier) or re.search(r"[\d(（)）]", qualifier)
            or any(w in first for w in doc.grammar.metric_words) or first.endswith(RATIO_ENDINGS)
            or any(p.startswith(qualifier) for p in parts[1:])):
        return ""
    return qualifier


def _qualified(doc: DocumentView, parts: list[str]) -> list[str]:
    """The items of a list with the qualifier the first one opens with given to each (三大粮食作物化肥、农药利用率
    -> 三大粮食作物化肥, 三大粮食作物农药利用率)."""
    qualifier = _shared_qualifier(doc, parts)
    return [parts[0]] + [qualifier + p for p in parts[1:]] if qualifier else parts


def _is_list_of_rates(doc: DocumentView, cands: list[Candidate], i: int) -> bool:
    """"工业危险废物安全处置率、医疗废物无害化处理率保持100%" / "受污染耕地、污染地块安全利用率达到95%":
    one percentage after a 、-list of subjects ending in a rate holds for each (a rate is never a sum of
    its parts), when the clause holds no other number. Each listed subject is a rate, or a short name
    taking the last one's metric; a 、 inside brackets (县(市、区)) lists nothing."""
    c = cands[i]
    a, b = doc.clause(c.start, c.end)
    # a rate in words (受污染耕地、受污染地块安全利用率达到省级下达指标) holds for each like a number
    stated = c.words_only or (c.number is not None and c.number.value is not None)
    if c.unit.unit != "percent" or not stated or not c.subject.endswith(RATIO_ENDINGS):
        return False
    if (i > 0 and cands[i - 1].end > a) or (i + 1 < len(cands) and cands[i + 1].start < b):
        return False
    parts = _rate_list(c.subject)
    if all(_NETWORK_LEVEL_RE.fullmatch(p) for p in parts[:-1]):
        return False
    # not a name that is an amount of its own (粮食产量、能耗降低率), nor a last item listing again (化肥、农药使用量和利用率)
    return (len(parts) >= 2 and all(meaningful(p) and not re.search(r"[(（)）]", p) for p in parts)
            and all(p.endswith(RATIO_ENDINGS) or (len(p) <= _SHORT_NAME and not p.endswith("量"))
                    or (k == 0 and _shared_qualifier(doc, parts)) for k, p in enumerate(parts[:-1]))
            and not _LIST_SPLIT_RE.search(parts[-1]))


def _rate_list(subject: str) -> list[str]:
    """The items of a list of rates: split at 、; without 、, at a single 和 after a short name (受污染耕地和建设用地
    安全利用率: the two lands' rates; 和 inside a longer phrase joins words, not items)."""
    if "、" in subject:
        return subject.split("、")
    head, _, rest = subject.partition("和")
    # not two levels of government naming one network (国家和省考核断面), a share of both together (风电和光伏装机
    # 占比), two grades of one rate (满意和基本满意率) or 和 opening a word (和美乡村)
    if (rest and "和" not in rest and 2 <= len(head) <= _SHORT_NAME and subject.endswith("率")
            and not _LEVEL_RE.fullmatch(head) and not rest.endswith(head[-2:] + "率")
            and not _OPENS_A_WORD_WITH_HE_RE.match(rest)):
        return [head, rest]
    return [subject]


def _with_metric(doc: DocumentView, parts: list[str], k: int) -> str:
    """A listed subject without a metric of its own takes the metric of the next one that has one:
    县城、农村饮用水源地水质达标率 -> 县城饮用水源地水质达标率."""
    if k > 0 and _bare_metric(parts[k]) and parts[k - 1].endswith("率") and len(parts[k - 1]) > len(parts[k]) + 1:
        # 国控断面水质达标率、优良率: a bare rate is of the thing the rate before it is of (国控断面水质优良率)
        return parts[k - 1][: -len(parts[k])] + parts[k]
    if parts[k].endswith(RATIO_ENDINGS) or k == len(parts) - 1:
        return parts[k]
    following = next((p for p in parts[k + 1 :] if p.endswith(RATIO_ENDINGS)), parts[-1])
    if shared := _after_listed_places([parts[k], following], following):
        return parts[k] + shared  # 城市和县城污水处理率 -> 城市污水处理率
    metric_at = min((i for w in doc.grammar.metric_words for i in [following.find(w, 1)] if i > 0), default=0)
    for modifier in _METRIC_MODIFIERS:  # 污染地块安全利用率: the metric is 安全利用率
        if metric_at > len(modifier) and following[:metric_at].endswith(modifier):
            metric_at -= len(modifier)
            break
    if metric_at and metric_at <= len(parts[k]) + 2:  # 氮氧化物和挥发性有机物排放总量: names of like length
        return parts[k] + following[metric_at:]
    if len(parts[k]) <= 4 and len(following) > len(parts[k]) + 2:
        return parts[k] + following[len(parts[k]) :]  # 县城和乡镇饮用水源地达标率: a place word like the next one's
    tail = _shared_metric(doc, [parts[k], following])
    return parts[k] if parts[k].endswith(tail) else parts[k] + tail


def _shared_metric(doc: DocumentView, parts: list[str]) -> str:
    """The metric the last subject of a list shares with the others: 国考、省考、市考断面优Ⅲ比例 -> 断面优Ⅲ比例."""
    last = parts[-1]
    if shared := _after_listed_places(parts, last):
        return shared
    starts = [i for w in doc.grammar.metric_words for i in [last.find(w, 1)] if i > 0]
    if starts:
        start = min(starts)
        # 农膜、农药包装物回收利用率: the modifier belongs to the shared metric (回收利用率)
        modifier = next((m for m in _METRIC_MODIFIERS if start > len(m) and last[:start].endswith(m)), "")
        return last[start - len(modifier) :]
    cut = min(len(p) for p in parts[:-1])
    # 农村自来水、卫生户厕普及率: a first name longer than the last's thing still shares the whole 普及率
    cut = min([cut] + [len(last) - len(w) for w in _RATE_WORDS if last.endswith(w)])
    return last[cut:] if len(last) > cut else ""


def _after_listed_places(parts: list[str], last: str) -> str:
    """What the last item says after its place when every item before it is a place alone: 城市、县城污水处理率 ->
    污水处理率 (not 处理率: the service is of every place); "" otherwise."""
    place = next((p for p in _LISTED_PLACES if last.startswith(p)), "")
    if place and len(last) > len(place) + 1 and all(p in _LISTED_PLACES for p in parts[:-1]):
        return last[len(place) :]
    return ""


def _bare_metric(subject: str) -> bool:
    """A rate named by its ending alone (覆盖率, 处理率, 占比; 综合利用率, 安全利用率: a metric's modifier before it):
    what it is a rate of was said before."""
    modifier = next((m for m in _METRIC_MODIFIERS if subject.startswith(m)), "")
    return 2 <= len(subject) - len(modifier) <= 3 and subject.endswith(RATIO_ENDINGS)


def _joined(work: str, metric: str) -> str:
    """加强农村生活污水治理 + 治理率 -> 农村生活污水治理率: the words both share are written once."""
    for k in range(len(metric) - 1, 0, -1):
        if work.endswith(metric[:k]):
            return work + metric[k:]
    return work + metric


def _object_of_clause(clause: str) -> str:
    """The work a clause with no number names after its verb (健全农村生活垃圾收运处置体系 -> 农村生活垃圾收运
    处置体系); empty when the clause opens with no such verb (the bare metric then stays as it is)."""
    clause = _without_the_place_opening(clean_subject(clause, leading=True))
    clause = clause[len(next((a for a in _VERB_ADVERBS if clause.startswith(a)), "")) :]  # 持续推动X
    verb = next((v for v in _OBJECT_VERBS if clause.startswith(v)), None)
    if verb is None or doc_has_digit(clause):
        return ""
    return clause[len(verb) :]


# 涉农区积极推进秸秆综合利用,利用率达到98%以上 / 全市持续推进…: the place a clause opens on, before its adverb and verb
_PLACE_OPENING_RE = re.compile(r"^(?:" + _WHOLE_REGION_RE.pattern + r"|[\u4e00-\u9fff]{1,4}(?:市|县|区|州|盟|旗))"
                               r"(?=" + "|".join(_VERB_ADVERBS + _OBJECT_VERBS) + r")")


def _without_the_place_opening(clause: str) -> str:
    return clause[m.end() :] if (m := _PLACE_OPENING_RE.match(clause)) else clause


def doc_has_digit(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def _rural_scope(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A domestic-service subject with no place of its own (生活污水治理率) takes 农村 when the nearest place
    its sentence names before it is rural (实施农村人居环境整治…,生活污水治理率达25%; 农村卫生厕所普及率、
    生活污水治理率分别…); not the place of a sibling service that names its own (城市生活污水处理率…,农村生活污水
    治理率…,生活垃圾无害化处理率100%: each service its own place, the last none)."""
    out = list(cands)
    for i, c in enumerate(cands):
        subjects = c.shared_by or (c.subject,)
        if not any(sub.startswith(_SERVICE_WORDS) for sub in subjects):
            continue
        start = doc.sentence_at(c.start)[0]
        before = doc.text[start : c.start]
        for other in cands[:i]:  # a sibling service naming its own place (农村生活污水治理率) scopes itself alone
            at = before.rfind(other.subject, 0, max(other.start - start, 0))
            if other.start >= start and _own_place_service(other.subject) and at >= 0:
                before = before[:at] + "　" * len(other.subject) + before[at + len(other.subject) :]
        rural = max(before.rfind(w) for w in _RURAL)
        if rural < 0 or rural < max(before.rfind(w) for w in _URBAN):
            continue
        scoped = tuple("农村" + sub if sub.startswith(_SERVICE_WORDS) else sub for sub in subjects)
        out[i] = c.but(shared_by=scoped) if c.shared_by else c.but(subject=scoped[0])
    return out


def _own_place_service(subject: str) -> bool:
    """农村生活污水治理率, 城市生活垃圾无害化处理率: a domestic service with the place it is run for."""
    place = next((p for p in _RURAL + _URBAN if subject.startswith(p)), None)
    return place is not None and subject[len(place) :].startswith(_SERVICE_WORDS)


def _capacity_source(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A capacity named by its head alone (装机总量, 装机规模) takes the energy source its sentence named last
    before it (清洁能源成势见效，装机总量645万千瓦 -> 清洁能源装机总量); none named, it stays as it is. Projects of
    several sources listed before it (200万千瓦光伏、85万千瓦风电等项目…,新增装机1217万千瓦) add up to the collective
    source the sentence names (新能源), not to the last one listed."""
    out = list(cands)
    for i, c in enumerate(cands):
        if not _CAPACITY_HEAD_RE.fullmatch(c.subject):
            continue
        before = doc.text[doc.sentence_at(c.start)[0] : c.start]
        found = [(before.rfind(w), -len(w), w) for w in _ENERGY_SOURCES if w in before]
        collective = [f for f in found if f[2] in _COLLECTIVE_SOURCES]
        if collective and len({f[2] for f in found} - set(_COLLECTIVE_SOURCES) - {"电力"}) > 1:
            found = collective
        if found:
            out[i] = c.but(subject=max(found)[2] + c.subject)
    return out


# the clause of a share opening on 占 right after the clause of the figure it divides: 煤炭消费744.8万吨,【占】…
_SHARE_AFTER_RE = re.compile(r"^[^，,。；;：:]{0,6}[，,]占")


def _share_of_the_figure_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """全市煤炭消费744.8万吨标准煤,占全市能源消费量的59.53%: a share whose clause opens on 占 is a share of the
    figure the clause before gives; its numerator is that figure's subject (全市煤炭消费占全市能源消费量)."""
    out = list(cands)
    for i in range(1, len(cands)):
        prev, c = cands[i - 1], cands[i]
        if (c.subject.startswith("占") and c.unit.unit == "percent" and meaningful(prev.subject)
                and _SHARE_AFTER_RE.match(doc.text[prev.end : c.start])):
            out[i] = c.but(subject=prev.subject + c.subject)
    return out


def _shared_work_verb(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """治理河道10公里、水土流失20平方公里: a list of lands or lengths treated, each with its figure; the later
    items name no verb of their own and take the first one's (治理水土流失). Not a count or other quantity,
    whose item may hide its own verb (整治X处、腾出用能空间N吨标准煤)."""
    out = list(cands)
    for i in range(1, len(cands)):
        prev, c = out[i - 1], cands[i]
        verb = next((v for v in _WORK_VERBS if prev.subject.startswith(v)), None)
        between = doc.text[prev.end : c.start]
        if (verb is None or c.unit.unit not in _TREATED_UNITS or not between.startswith("、") or "，" in between
                or "," in between
                or any(v in c.subject for v in _WORK_VERBS + _OWN_LAND_WORKS) or not meaningful(c.subject)):
            continue
        out[i] = c.but(subject=verb + c.subject)
    return out


# a level of government alone (省级, 自治区级, 市级以上) and one inside a subject, before its things (创成国家级绿色工厂)
_LEVEL = r"(?:国家|省|市|县|区|自治区|自治州|州|盟|旗)级(?:以上)?"
_BARE_LEVEL_RE = re.compile(_LEVEL)
_LEVEL_INSIDE_RE = re.compile(_LEVEL + r"(?=.{2,}$)")


def _level_of_the_previous(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """新增国家级绿色工厂6家、省级17家: a list's item named by its level alone counts the things the item before
    counts at that level (省级绿色工厂); the things are the previous subject's words after its own level."""
    out = list(cands)
    for i in range(1, len(cands)):
        prev, c = out[i - 1], cands[i]
        level = _LEVEL_INSIDE_RE.search(prev.subject)
        between = doc.text[prev.end : c.start]
        if (level and _BARE_LEVEL_RE.fullmatch(c.subject) and between.startswith(_LIST_JOINS)
                and between.lstrip("、和及与 ") == c.subject):
            out[i] = c.but(subject=c.subject + prev.subject[level.end() :])
            continue
        # 建成生活垃圾分类示范街道25个、省级示范街道1个: the level names the same things, its words shortened
        own = _BARE_LEVEL_RE.match(c.subject)
        things = c.subject[own.end() :] if own else ""
        if (own and not level and len(things) >= 3 and prev.subject.endswith(things) and len(prev.subject) > len(things)
                and between.startswith(_ENUMERATION_MARK)):  # (not 公园: 口袋公园12个、省级公园3个 are other parks)
            out[i] = c.but(subject=own.group() + clean_subject(prev.subject, leading=True))
    return out


# 签约项目1753个、到位资金1254亿元,分别增长77.8%、17.7% / 转移支付资金4113.7亿元、同口径增长5.6% / 总数达42家,增长68%:
# a change named by its verb alone (and a qualifier, 同比, 同口径; 总数 of the count before) is of the level before it
_BARE_CHANGE_RE = re.compile(r"(分别|均)?((?:同比|同口径|可比|总数|总量)?(?:增长|下降|提高|减少|净增|多增))")
_TOTAL_WORDS = ("总数", "总量")
_DOLLAR_LEVEL_BEFORE_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?)(?:达到|达|为)?[\d.]+[万亿]*美元[,，、](?:同比)?"
                                     r"(?:增长|下降)$")
_ADDED_BEFORE_TOTAL_RE = re.compile(r"新增登记|新增|净增|新创建|新建")


def _changes_of_the_levels_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A change whose subject is its verb alone takes the subject of the level it changes: the figure right before
    it in its sentence, or, after 分别, the k-th of as many figures before the list of changes as it has members."""
    out = list(cands)
    for i, c in enumerate(cands):
        m = _BARE_CHANGE_RE.fullmatch(c.subject) if c.is_change else None
        if m is None:
            continue
        sentence = doc.sentence_at(c.start)[0]
        first = i  # the first change of the list c belongs to (分别增长77.8%、17.7%)
        while (first > 0 and cands[first - 1].is_change and cands[first - 1].subject == c.subject
               and doc.text[cands[first - 1].end : cands[first].start].strip() in _LIST_JOINS):
            first -= 1
        last = i
        while (last + 1 < len(cands) and cands[last + 1].is_change and cands[last + 1].subject == c.subject
               and doc.text[cands[last].end : cands[last + 1].start].strip() in _LIST_JOINS):
            last += 1
        n = last - first + 1 if m.group(1) else 1
        if n == 1 and first == i and not m.group(1):
            # 实际使用外资33.8亿美元,增长10%: a level in a currency read as no figure, right before the change's clause
            d = _DOLLAR_LEVEL_BEFORE_RE.search(doc.text, sentence, c.start)
            if d and meaningful(words := clean_subject(d.group(1), leading=True)) and (
                    i == 0 or cands[i - 1].end <= d.start()):
                out[i] = c.but(subject=words + m.group(2))
                continue
        if first - n < 0 or (n == 1 and first != i):
            continue
        levels = out[first - n : first]
        if any(lv.is_change or doc.sentence_at(lv.start)[0] != sentence or not meaningful(lv.subject) for lv in levels):
            continue
        if n > 1 and len({lv.subject for lv in levels}) < n:
            continue  # the figures before are no list of n levels of their own
        level = levels[i - first if n > 1 else 0]
        change = m.group(2)
        if level.subject in _TOTAL_WORDS and first - n > 0 and meaningful(out[first - n - 1].subject):
            # 新增市场主体3.67万户,总数达22.6万户: the total of the things, not of those added
            level = level.but(subject=_ADDED_BEFORE_TOTAL_RE.sub("", out[first - n - 1].subject) + level.subject)
        for w in _TOTAL_WORDS:
            if change.startswith(w) and level.subject.endswith(w):
                change = change[len(w):]
        out[i] = c.but(subject=level.subject + change)
    return out


# 城乡居民人均可支配收入分别增长5%、7% / 存贷款余额分别增长6.9%、6.6%: a pair written as one word, each figure of the
# list of two after 分别 is of its member
_COMPRESSED_PAIRS = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款")}
_RESPECTIVELY = "分别"


def _compressed_pair(cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if c.in_list[1] != 2 or _RESPECTIVELY not in c.subject:
            continue
        pair = next((p for p in _COMPRESSED_PAIRS if p in c.subject), None)
        if pair is not None:
            own = _COMPRESSED_PAIRS[pair][c.in_list[0]]
            out[i] = c.but(subject=c.subject.replace(pair, own, 1).replace(_RESPECTIVELY, "", 1))
    return out


# 3家企业主板上市 / 19家企业入选省首批雄鹰企业 / 404家企业通过国家两化融合贯标: firms counted, then what they did; the
# words before the count name another item or a clause (专精特新中小企业1003户,3家企业…), not them
_FIRMS_DEED_RE = re.compile(r"企业([^\d,，。；;、：:（(]{0,16}?(?:上市|挂牌|入选|获评|获|通过|进入|亮相|入驻|入板)"
                            r"[^\d,，。；;、：:（(]*)")
_FIRM_CLASSIFIERS = ("家", "户")


def _firms_counted_then_their_deed(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if (c.unit.unit != "count" or c.unit.surface not in _FIRM_CLASSIFIERS or c.is_change
                or c.subject.startswith("企业")):  # (the words after it already read)
            continue
        m = _FIRMS_DEED_RE.match(doc.text, c.end)
        if m:
            out[i] = c.but(subject="企业" + m.group(1))
    return out


# the size of a project or a facility written before its name (中广核100兆瓦光伏等…, 开工建设通江27万千瓦风电场,
# 特高压三期500万千瓦新能源基地, 年产140万吨煤矸石新型建材加工): the project after the number is the subject, not the
# firm, place or verb before it
_SIZE_UNITS = ("kw", "t", "t_per_year", "tce")
_PROJECT_AFTER_RE = re.compile(r"[\u4e00-\u9fff][^\d，,。；;：:、（(]*")
_PROJECT_WORDS = ("项目", "电站", "电场", "基地", "工程", "机组", "一体化", "加工", "光伏", "风电", "储能", "指标")
_METRIC_BEFORE_RE = re.compile(r"(?:装机|规模|容量|产能|能力|总量|量|面积)$")


def _project_named_after(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if c.unit.unit not in _SIZE_UNITS or c.is_change or _METRIC_BEFORE_RE.search(c.subject):
            continue
        m = _PROJECT_AFTER_RE.match(doc.text, c.end)
        if m is None or ("等" not in m.group() and doc.text[m.end() : m.end() + 1].isdigit()):
            continue  # 24台351.3万千瓦在役燃煤发电机组于2018年…: a date cuts the name, the words are no project's
        name = m.group().split("等")[0].lstrip("的").rstrip("和及与")
        word = next((w for w in _PROJECT_WORDS if w in name), None)
        if word and not name.startswith("项目") and (name != word or word in _ENERGY_SOURCES):  # not 项目建设 alone
            out[i] = c.but(subject=name)
    return out


# 甲市(2.2万吨)、乙市(1万吨)等积存垃圾渗滤液处理工程: what the list of places with their bracketed figures shares, after it
_LIST_ENDING_RE = re.compile(r"[)）]等?([\u4e00-\u9fff][^，,。；;：:、(（)）.]*)")


def _bracketed_list_ending(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A list of places each with its figure in brackets (甲市(2.2万吨)、乙县(1万吨)等…) names its works once, after the
    last bracket: each place's figure is of that work in that place (甲市积存垃圾渗滤液处理工程). Every item is a place
    (its name ends in 市, 县, 区…) and the figure alone in its brackets."""
    text, out = doc.text, list(cands)
    run: list[int] = []
    for i, c in enumerate(cands + [None]):
        bracketed = (c is not None and c.start > 0 and text[c.start - 1] in "(（" and text[c.end : c.end + 1] in ")）"
                     and _NAMED_PLACE_RE.fullmatch(out[i].subject or ""))
        if bracketed and (not run or text[cands[run[-1]].end + 1 : c.start - 1 - len(out[i].subject)] == "、"):
            run.append(i)
            continue
        if len(run) >= 2:
            m = _LIST_ENDING_RE.match(text, cands[run[-1]].end)
            ending = clean_subject(m.group(1), leading=False).removesuffix("等") if m else ""
            if meaningful(ending):
                for k in run:
                    out[k] = out[k].but(subject=out[k].subject + ending)
        run = [i] if bracketed else []
    return out


# 建成自然保护区20个,其中国家级3个、省级1个 / 在全省421个行政村新建…设施,其中沈阳市92个、大连市34个: a part named by its
# level or its place alone, after 其中 (or a colon), counts the things of the total before it in its sentence, in the
# same unit (国家级自然保护区, 沈阳市行政村新建…设施): the total's subject without its region, date and verb
_PARTS_OPENER_RE = re.compile(r"其中[,，:：]?|[:：]")
_DIGIT_RE = re.compile(r"\d")
_TOTAL_HEAD_RE = re.compile(r"^(?:(?:19|20)\d\d\s?年(?:底|末)?(?:前)?)?(?:在|于)?(?:" + _WHOLE_REGION_RE.pattern + r")?"
                            r"(?:" + "|".join(sorted(map(re.escape, _COUNT_OPENING_VERBS + ("创建", "各类")), key=len,
                                                   reverse=True)) + r")*")


def _part_named_by_its_level_or_place(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        part = c.subject or ""
        if c.is_change or not (_BARE_LEVEL_RE.fullmatch(part)
                               or (_NAMED_PLACE_RE.fullmatch(part) and doc.grammar.regions.is_name(part))):
            continue
        sentence = doc.sentence_at(c.start)[0]
        opener = next(reversed(list(_PARTS_OPENER_RE.finditer(text, sentence, c.start))), None)
        if opener is None or re.search(r"[;；。]", text[opener.end() : c.start]):
            continue
        total = next((k for k in range(i - 1, -1, -1) if cands[k].end <= opener.start()), None)
        if (total is None or cands[total].start < sentence or cands[total].unit.unit != c.unit.unit
                or cands[total].is_change or any(cands[k].unit.unit != c.unit.unit for k in range(total + 1, i))):
            continue
        things = out[total].subject[_TOTAL_HEAD_RE.match(out[total].subject).end() :]
        if (meaningful(things) and not _DIGIT_RE.search(things) and not _BARE_LEVEL_RE.fullmatch(things)
                and not doc.grammar.regions.is_name(things)):  # (2018—2020年未完成的8150.93亩: no things named)
            out[i] = c.but(subject=part + things)
    return out


# 清理退出…保护区境内8.46万亩杨树 / 铁溪河实施25千米河道生态修复 / 新改建90公顷城市绿地: an area or a length right before the
# things it measures, which end its clause (no 的: 时速350公里的高铁 is an attribute; no bound, conjunction or change
# after it: 100公里以上, 422公里并连通…, 1万亩减少为…), is of them; the words before it say where or what was done
_SIZES = ("mu", "km2", "ha", "km")
_THINGS_AFTER_SIZE_RE = re.compile(r"(?![的和及与并且或等])(?!以上|以下|左右|以内|之间|范围)"
                                   r"([\u4e00-\u9fff][^\d,，;；。.:：、()（）\s]*)(?=[,，;；。.:：、\s]|$)")
_MEASURE_WORD_AT_END_RE = re.compile(r"(?:面积|长度|里程|规模|总量|量|范围|宽度)$")


def _size_before_its_things(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if c.unit.unit not in _SIZES or c.is_change or _MEASURE_WORD_AT_END_RE.search(c.subject or ""):
            continue
        m = _THINGS_AFTER_SIZE_RE.match(doc.text, c.end)
        things = clean_subject(m.group(1), leading=False) if m else ""
        if (meaningful(things) and not _NO_THINGS_RE.match(things) and things not in (c.subject or "")
                and "范围" not in things):  # (嘉陵江干流1公里岸线范围内: a zone's width, no size of things)
            # 实施A工程及1万公顷B工程: after a conjunction the words before name the other things
            joined = doc.text[: c.start].rstrip().endswith(_LIST_JOINS) or not meaningful(c.subject or "")
            out[i] = c.but(subject=things if joined else c.subject + things)
    return out


# 新增建设金钟水库4条入库河流简易水质自动站 / 完成木兰溪流域60个试点村创建 / 推动漓江4条支流水质达标: a count right after a
# named river, lake, reservoir or basin counts the things after it, which are that water's (as a place's, 甲市13家企业)
_WATER_BODY_AT_END_RE = re.compile(r"[\u4e00-\u9fff](?:水库|河|江|湖|溪|渠|流域|库区)$")
_THINGS_AFTER_COUNT_RE = re.compile(r"[\u4e00-\u9fff“][^\d,，;；。.:：、()（）\s]*")


def _count_right_after_a_water_body(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        subject = c.subject or ""
        if (c.unit.unit not in COUNT_UNITS or c.is_change or not _WATER_BODY_AT_END_RE.search(subject)
                or not doc.text[: c.start].rstrip().endswith(subject)):
            continue
        m = _THINGS_AFTER_COUNT_RE.match(doc.text, c.end)
        things = _without_what_became_of_them(clean_subject(m.group(0), leading=False)) if m else ""
        if meaningful(things) and not _NO_THINGS_RE.match(things):
            out[i] = c.but(subject=subject + things)
    return out


# 完成349个加油站、3个储油库、约40辆油罐车的油气回收治理 / 完成176个工业炉窑、762台燃煤锅炉整治: a list of counts of bare
# things names the work done to them once, after the last item; each item is of that work (加油站油气回收治理)
_SHARED_DEEDS = ("整治", "改造", "建设", "治理", "搬迁", "提标", "升级", "回收", "验收", "安装", "关停", "淘汰", "拆除", "清理",
                 "修复", "防渗", "提质")
_DEED_START_RE = re.compile(r"的|已|全部|均|(?=" + "|".join(_SHARED_DEEDS) + ")")
_DEED_LEAD_RE = re.compile(r"^(?:的|已|全部|均|完成)+")
_DEED_RE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(_SHARED_DEEDS) + r")(?:提升|升级|任务|工程|工作)?")
_SHORT_THINGS = 10  # characters: the last item's things before the deed (国家骨干冷链物流基地)
# 478家沿江化工企业关改搬转、12480个入河排污口整治 / 另有1座试运行、2座在建、1座深度改造: an item's own verb or state
_OWN_VERB_CHARS_RE = re.compile(r"[关改搬转建治]|运行|开工|投运|投产|完工|竣工|停产")
_BARE_ITEM_RE = re.compile(r"[\u4e00-\u9fff“”]{1,14}")


def _opening(c: Candidate) -> int:
    return c.prefix[2] if c.prefix else c.start  # where a figure's words begin (约40辆: at 约)


def _list_sharing_the_last_items_deed(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    i = 0
    while i < len(cands):
        run = [i]  # counts each followed by its bare things and 、, up to the last item
        while (run[-1] + 1 < len(cands) and cands[run[-1]].unit.unit in COUNT_UNITS
               and cands[run[-1] + 1].unit.unit in COUNT_UNITS
               and (item := _BARE_ITEM_RE.fullmatch(text, cands[run[-1]].end, _opening(cands[run[-1] + 1]) - 1)) is not None
               and text[_opening(cands[run[-1] + 1]) - 1] == "、" and item.group(0) == out[run[-1]].subject):
            run.append(run[-1] + 1)
        i = run[-1] + 1
        last = out[run[-1]]
        split = _DEED_START_RE.search(last.subject or "", 2) if len(run) >= 2 and not last.is_change else None
        deed = _DEED_LEAD_RE.sub("", last.subject[split.start() :]) if split else ""
        if not _DEED_RE.fullmatch(deed) or len(last.subject[: split.start()]) > _SHORT_THINGS:
            continue  # (300个左右提档升级村: a noun; 32条精品线路撬动乡村休闲体验升级: no bare things before the deed)
        for k in run[:-1]:
            item = out[k].subject
            if not cands[k].is_change and not _OWN_VERB_CHARS_RE.search(item) and not any(w in item for w in _SHARED_DEEDS):
                out[k] = out[k].but(subject=item + deed)
    return out

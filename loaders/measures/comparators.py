"""Pass 2, unit and comparator: suffix (以上) and prefix (不低于, 控制在) comparators, a year-on-year change
(同比下降), the comparator a list shares with its head, and the comparator decided, with the rule that
decided it."""

from __future__ import annotations

import re

from loaders.breaks import CLAUSE_BREAKS
from loaders.measures.candidates import COUNT_UNITS, Candidate, list_chains
from loaders.measures.document import DocumentView

# 高于省定目标28.6个百分点 / 低于全国平均水平2个百分点: after a benchmark the number is the margin, not a bound
# 改造提升【1000个】村卫生室 / 整治提升【两个】“三年行动计划”: a count right before the noun it counts is the
# number of things the work is done to, not a change (提升2个等级, 较上年增加4个, still are)
_COUNTED_NOUN_RE = re.compile(r"[“\"《]?(?!等级|档|位次|级|基点|百分点)[\u4e00-\u9fff]")
# 精准提升造林1.6万亩: a verb of work between the change word and the number says what was done, no change
_WORK_VERBS = ("造林", "改造", "绿化", "治理", "修复", "整治", "建设", "新建", "复垦")
_CLAUSE_ENDS = ",，;；。!！?？\n"
# the last of them in a window, in one scan (the greedy .* backs off to it): what max(text.rfind(ch, a, b) for ch in
# _CLAUSE_ENDS) gives, without one rfind a character (~7 µs a candidate); tests/test_speed_exactness.py
_LAST_CLAUSE_END_RE = re.compile("(?s:.*)[" + re.escape(_CLAUSE_ENDS) + "]")
_BOUNDS = ("ge", "le", "gt", "lt")
_HANZI_RE = re.compile(r"[\u4e00-\u9fff]+")
_CHANGE_FILLERS = "了近超均约逾达为分比幅率目任"  # what may stand between a change word and its figure (增长超, 分别, 比例, 降低目标)
_BARE_LIST_SEPARATORS = ("、", "和", "及", "与")  # nothing but a separator between two numbers of one list
# the work a list's item names of its own (新改建农村户厕, 水土流失治理, 续建371个, 增长8%): its 以上 is its own
_ITEM_VERBS = ("新增", "新建", "改建", "建设", "建成", "开工", "续建", "竣工", "投产", "完成", "实施", "打造", "培育",
               "创建", "争创", "治理", "改造", "整治", "修复", "引进", "增长", "提高", "提升", "达到", "力争")
BENCHMARKS = ("目标", "标准", "要求", "水平", "平均", "均值", "全国", "全省", "全市", "上年", "去年")
# an installed capacity (装机 in kW, a plant's treatment capacity per day or year) is a stock: the amount a year adds
# to it (新增可再生能源装机400万千瓦, 装机新增623万千瓦, 新增污水处理能力3万吨/日) is a change of it, not its level
_INSTALLED_UNITS = ("kw", "t_per_day", "m3_per_day", "t_per_year")
_ADDITION_WORDS = ("新增",)
_ADDITION_REACH = 30  # characters back from the figure to the start of its clause


def read_comparators(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for c in cands:
        floor = out[-1].end if out else 0  # a prefix is never read across the previous measure
        prev = out[-1] if out else None
        out.append(_second_goal_of_a_change(doc, prev, _part_of_an_addition(doc, prev, _read(doc, c, floor))))
    out = _share_suffixes(doc, out)
    out = _share_list_head(doc, out)
    decided = [decide(doc, c) for c in out]
    return [c if (c.comparator, c.comparator_rule) == d else c.but(comparator=d[0], comparator_rule=d[1])
            for c, d in zip(out, decided, strict=True)]


def _read(doc: DocumentView, c: Candidate, floor: int) -> Candidate:
    text, g = doc.text, doc.grammar
    suffix = suffix_text = None
    end = c.end
    pos = c.end + (1 if text[c.end : c.end + 1] == " " else 0)
    for surface, comp in g.suffix_comparators:
        if text.startswith(surface, pos):
            suffix, suffix_text = comp, surface
            end = pos + len(surface)
            break
    window_start = max(floor, c.start - 12)
    # nor across a clause break (山西段达到Ⅱ类水质,【16条】支流…: 达到 is the clause before's); a colon may
    # stand between a comparator and its figures (分别为:)
    last = _LAST_CLAUSE_END_RE.match(text, window_start, c.start)
    cut = last.end() - 1 if last else -1
    window_start = max(window_start, cut + 1)
    window = text[window_start : c.start].rstrip(" ")
    best = None
    for m in g.prefix_re.finditer(window):  # every start, longest comparator there
        surface = m.group(1)
        comp, max_gap = g.prefix_comparators[surface]
        gap = len(window) - (m.start() + len(surface))
        if gap <= max_gap and (best is None or (gap, -len(surface)) < best[0]):
            best = ((gap, -len(surface)), surface, comp, window_start + m.start())
    if best and best[2] == "eq":
        # 至少完成1次 / 不低于达到…: a bound right before the equating verb bounds the figure the verb reaches
        for m in g.prefix_re.finditer(window):
            surface = m.group(1)
            comp, max_gap = g.prefix_comparators[surface]
            if (comp in _BOUNDS and window_start + m.start() + len(surface) == best[3]
                    and len(window) - (m.start() + len(surface)) <= max_gap):
                best = (best[0], surface, comp, window_start + m.start())
                break
    prefix = None
    if best and best[2] != "none":  # "none": a word that ends like a comparator (行为, 作为)
        comp = best[2]
        gap_text = window[best[3] - window_start + len(best[1]) :]
        if comp in ("gt", "lt") and len(gap_text) > 1 and gap_text.endswith("的"):
            comp = "eq"  # 超过了任务量的22%: the share by which a quantity is exceeded, not a bound on 22%
        if comp in ("gt", "lt") and (gap_text.endswith(BENCHMARKS) or _is_margin_in_points(c, gap_text)):
            comp = "eq"
        prefix = (best[1], comp, best[3])
    tail = window[-6:]
    is_change = False
    for m in g.change_re.finditer(tail):
        rest = tail[m.start() + len(m.group(1)) :]
        if (len(rest) <= 2 and not rest.startswith(("到", "至", "达到")) and rest not in _WORK_VERBS  # 提升达到: a level
                and not _change_word_in_a_name(m.group(1), rest)):
            is_change = True
    if not is_change and _COMPARED_BY_RE.search(window):
        is_change = True  # 较2022年低3微克/立方米 / 比上年多5天 / 同比增3%: the margin over a base, a change
    if is_change and c.unit.unit in COUNT_UNITS and _COUNTED_NOUN_RE.match(text, end):
        is_change = False
    if not is_change and c.unit.unit in _INSTALLED_UNITS:
        is_change = _is_addition(text, max(floor, c.start - _ADDITION_REACH), c.start)
    if suffix is None and prefix is None and not is_change:
        return c
    return c.but(suffix=suffix, suffix_text=suffix_text, end=end, prefix=prefix, is_change=is_change)


# a comparison with a base (较2022年, 比上年, 同比) then a bare 低/高/多/少/增/减 right before the figure: by how much it moved
_COMPARED_BY_RE = re.compile(r"(?:(?:较|比)(?:\d{4}年|[上去前]一?年|上年度|去年)(?:同期)?|同比)(?:分别)?[低高多少增减](?:了)?$")


def _change_word_in_a_name(word: str, rest: str) -> bool:
    """第一产业增加值503.4亿元 / 职业技能提升培训6000人次 / 城市品质提升项目538个 / 民生保障和改善资金1300亿元: a change
    word inside a name (增加值, value added; a noun right after it: the work or thing named) says no change of the figure;
    a filler after it (增长超, 提高了, 下降比例, 增长近, 均超) still does."""
    return ((word.endswith("增加") and rest.startswith("值"))
            or (len(rest) == 2 and _HANZI_RE.fullmatch(rest) is not None and rest[0] not in _CHANGE_FILLERS))


def _is_margin_in_points(c: Candidate, gap_text: str) -> bool:
    """增速高于全部贷款7.34个百分点 / 增速高于城镇居民1个百分点: percentage points after 高于 / 低于 and the thing
    compared with are the margin between two rates, not a bound (as after a benchmark, 高于全省1.8个百分点)."""
    return c.unit.unit == "percentage_point" and len(gap_text) >= 2 and not any(ch in CLAUSE_BREAKS for ch in gap_text)


# 增长5.5%、力争6%以上 / 下降3%,争取3.5%: a higher goal the same change strives for, right after it
_SECOND_GOAL_RE = re.compile(r"\s*[、,，]\s*(?:力争|争取|努力)\s*")


def _second_goal_of_a_change(doc: DocumentView, prev: Candidate | None, c: Candidate) -> Candidate:
    """地区生产总值增长5.5%、力争6%以上 / 能耗下降3%、力争3.5%: a second figure of the same unit that only a hedge of
    striving (力争, 争取) parts from a change is the same change's higher goal, a change too."""
    if (prev is None or c.is_change or not prev.is_change or prev.unit.unit != c.unit.unit
            or _SECOND_GOAL_RE.fullmatch(doc.text, prev.end, c.start) is None):
        return c
    return c.but(is_change=True)


_PART_OF_RE = re.compile(r"[,，、]\s*其中[,，:：]?")


def _part_of_an_addition(doc: DocumentView, prev: Candidate | None, c: Candidate) -> Candidate:
    """新增电力装机3000万千瓦,其中可再生能源装机2000万千瓦: a part (其中) of an addition to an installed capacity, in its
    unit and sentence, is added too, not a level."""
    if (prev is None or c.is_change or not prev.is_change or c.unit.unit not in _INSTALLED_UNITS
            or prev.unit.unit != c.unit.unit or not _is_addition(doc.text, max(0, prev.start - _ADDITION_REACH), prev.start)):
        return c
    between = doc.text[prev.end : c.start]
    part = _PART_OF_RE.match(between)
    if part is None or re.search(r"[,，;；。、]", between[part.end() :]):
        return c
    return c.but(is_change=True)


def _is_addition(text: str, start: int, stop: int) -> bool:
    """An addition word in the figure's own clause (from the previous figure or clause break on): 装机新增623万千瓦、
    达到1968万千瓦 adds 623, and the 1968 it reaches is the level."""
    last = _LAST_CLAUSE_END_RE.match(text, start, stop)
    return any(w in text[last.end() if last else start : stop] for w in _ADDITION_WORDS)


def _share_suffixes(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """'分别为1.3万吨、0.9万吨和0.1万吨以上' / '新增低碳乡镇20个、村(社区)300个以上': a closing 以上 holds for every
    bare number of the list, and for counts of one classifier whose later item names a thing and no work of its own
    (the sample gold's reading); not across an item with its own verb or classifier (污水处理设施70个、新改建农村户厕
    20000户以上; 石漠化治理20平方公里、水土流失治理260平方公里以上; 深水网箱100口、陆基养殖圆桶1000个以上), a share
    or a rate (二季度60%、三季度85%以上), nor one that states its own comparator ('A达95%、B达90%以上')."""
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        c, n = out[i], out[i + 1]
        between = doc.text[c.end : n.start]
        if (not c.suffix and n.suffix and not n.prefix and c.unit.unit == n.unit.unit
                and (between.strip(" ") in _BARE_LIST_SEPARATORS or _same_counted_thing(c, n, between))):
            out[i] = c.but(suffix=n.suffix, suffix_text=n.suffix_text)
    return out


def _same_counted_thing(c: Candidate, n: Candidate, between: str) -> bool:
    """20个、村(社区)300个以上: two counts of one classifier, the later item a noun with no work verb of its own."""
    item = between.strip(" ")
    return (c.unit.unit == "count" and c.unit.surface == n.unit.surface and item[:1] in _BARE_LIST_SEPARATORS
            and not any(v in item for v in _ITEM_VERBS) and not any(ch in CLAUSE_BREAKS for ch in item))


def _share_list_head(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """Numbers joined only by list separators share the head's comparator and its year-on-year change."""
    out = list(cands)
    for chain in list_chains(doc.text, cands):
        if len(chain) < 2:
            continue
        head = cands[chain[0]]
        out[chain[0]] = head.but(in_list=(0, len(chain)))
        for n, k in enumerate(chain[1:], 1):
            c = cands[k]
            out[k] = c.but(inherited=head.prefix[1] if head.prefix else None,
                           is_change=c.is_change or head.is_change, in_list=(n, len(chain)))
    return out


def decide(doc: DocumentView, c: Candidate) -> tuple[str, str]:
    """(comparator, rule): a suffix wins, then a bounding prefix, the number's own hedge (余, 多), the head
    of its list, a range (5—10, also after an equating prefix: 达到5—10), an equating prefix (为, 达到); else eq."""
    if c.suffix:
        return c.suffix, "comparator_suffix"
    if c.prefix and c.prefix[1] != "eq":
        return c.prefix[1], "comparator_prefix"
    if c.number and c.number.qualifier:
        return doc.grammar.qualifier_comparator.get(c.number.qualifier, "ge"), "comparator_qualifier"
    if c.inherited:
        return c.inherited, "comparator_list_head"
    if c.number and c.number.high is not None:
        return doc.grammar.range_comparator, "comparator_range"  # 达15-20亿立方米: 达 equates to the range
    if c.prefix:
        return c.prefix[1], "comparator_prefix_eq"
    return "eq", "comparator_default"

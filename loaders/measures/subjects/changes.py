"""Changes, levels and margins: the metric a change or an addition is of (投资同比增长 -> 投资), a change named by
its verb or its base year alone (分别增长77.8%、17.7%; 比2015年下降) taking the level before it, how much a
metric changed (大幅, 明显), a margin over a benchmark (优于, 快于)."""

from __future__ import annotations

import functools
import re

from loaders.measures.candidates import Candidate
from loaders.measures.document import DocumentView
from loaders.measures.subjects.clean import clean_subject
from loaders.measures.subjects.common import _LIST_JOINS, meaningful

_DEGREE_RE = re.compile(r"(?:大幅|明显|显著|稳步|持续|逐步|不断|有所|进一步)$")  # how much a metric changed
_MARGIN_WORDS = ("优于", "快于", "慢于", "好于", "差于")  # better, faster… than a benchmark: no bound, unlike 高于

_ADDED = "(?:新增|累计|共计)"  # an addition (装机新增), no metric of its own

# 比2015年, 较“十二五”时期末 (the end of a five-year plan: a base year by name); not 分别: a list pairs its own
_BASELINE_RE = re.compile(r"(?:同|相)?(?:比|较)(?:上年|去年|(?:19|20)\d\d\s?年(?:底|末)?"
                          r"|[“\"]?十[一二三四五六七八九]五[”\"]?(?:时期)?末期?)(?:相比)?")


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


# 签约项目1753个、到位资金1254亿元,分别增长77.8%、17.7% / 转移支付资金4113.7亿元、同口径增长5.6% / 总数达42家,增长68%:
# a change named by its verb alone (and a qualifier, 同比, 同口径; 总数 of the count before) is of the level before it
_BARE_CHANGE_RE = re.compile(r"(分别|均)?((?:同比|同口径|可比|总数|总量|年均|平均)?(?:增长|下降|提高|减少|净增|多增))")
# 地区生产总值跨过3万亿元、年均增长5.2%: the verb of the level reached is no part of the metric that changed
_LEVEL_VERB_AT_END_RE = re.compile(r"(?:连跨|跨过|跨越|跨上|迈上|突破|达到|达)$")
_TOTAL_WORDS = ("总数", "总量")
_DOLLAR_LEVEL_BEFORE_RE = re.compile(r"([\u4e00-\u9fff]{2,20}?)(?:达到|达|为)?[\d.]+[万亿]*美元[,，、](?:同比)?"
                                     r"(?:增长|下降)$")
_ADDED_BEFORE_TOTAL_RE = re.compile(r"新增登记|新登记|新增|净增|新创建|新建|新?认定|新设立|新设|新引进|新培育")


def _totals_of_the_things_added_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """新增上市公司7家、总数达161家 / 净增高新技术企业120家,总数550家: a total named by 总数 / 总量 alone is of the
    things the figure right before it in its sentence adds (上市公司总数), in the same unit."""
    out = list(cands)
    for i, c in enumerate(cands):
        if i == 0 or c.subject not in _TOTAL_WORDS or c.is_change:
            continue
        prev = out[i - 1]
        things = _ADDED_BEFORE_TOTAL_RE.sub("", prev.subject or "")
        if (prev.unit.unit == c.unit.unit and not prev.is_change and meaningful(things)
                and doc.same_sentence(prev.start, c.start)
                and doc.text[prev.end : c.start].lstrip(" 、,，;；").startswith(_TOTAL_WORDS)):
            out[i] = c.but(subject=things + c.subject)
    return out


def _bare_of_baseline(doc: DocumentView, change: str) -> str:
    """What a change's words name besides its baseline and its change words (比2015年下降 -> "")."""
    return doc.grammar.change_only_re.sub("", _BASELINE_RE.sub("", change))


def _bare_baseline_change(doc: DocumentView, subject: str) -> re.Match[str] | None:
    """在2015年的基础上分别削减 / 较2020年分别下降: a change named by 分别, its base year and its verb alone, as a match
    whose group 1 is 分别 and group 2 the change (its baseline kept)."""
    if "分别" not in subject or meaningful(_bare_of_baseline(doc, subject.replace("分别", ""))):
        return None
    return re.fullmatch(r"(分别)(.*)", "分别" + subject.replace("分别", "", 1))


def _changes_of_the_levels_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A change whose subject is its verb alone takes the subject of the level it changes: the figure right before
    it in its sentence, or, after 分别, the k-th of as many figures before the list of changes as it has members."""
    out = list(cands)
    for i, c in enumerate(cands):
        m = _BARE_CHANGE_RE.fullmatch(c.subject) if c.is_change else None
        if m is None and c.is_change:
            m = _bare_baseline_change(doc, c.subject)
        if m is None:
            continue
        sentence = doc.sentence_at(c.start)[0]
        # 分别增长77.8%、17.7% / 在2015年的基础上分别削减11.13%,14.49%: the changes of the list c belongs to, joined
        # by a list mark, or by a comma when they share a subject naming 分别
        joins = _LIST_JOINS + ((",", "，") if m.group(1) == "分别" else ())
        first = i  # the first change of the list c belongs to
        while (first > 0 and cands[first - 1].is_change and cands[first - 1].subject == c.subject
               and doc.text[cands[first - 1].end : cands[first].start].strip() in joins):
            first -= 1
        last = i
        while (last + 1 < len(cands) and cands[last + 1].is_change and cands[last + 1].subject == c.subject
               and doc.text[cands[last].end : cands[last + 1].start].strip() in joins):
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
        # (化学需氧量削减10956吨,…分别削减11.13%: an amount cut, then the same cut as a share of the base)
        if any((lv.is_change and not (c.unit.unit == "percent" != lv.unit.unit and m.group(1)))
               or doc.sentence_at(lv.start)[0] != sentence or not meaningful(lv.subject) for lv in levels):
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
        metric = _metric_of_change(doc, level.subject) if level.is_change else level.subject  # 氨氮削减 -> 氨氮
        out[i] = c.but(subject=_LEVEL_VERB_AT_END_RE.sub("", metric) + change)
    return out

"""Figures stated in words (完成主要污染物减排目标): the members of the collective terms they name
(data/collective_terms.csv), the members a list names itself, the metrics listed before them."""

from __future__ import annotations

import re

from loaders.measures.candidates import WORDS_ONLY_METRIC_ENDINGS
from loaders.measures.document import DocumentView
from loaders.measures.grammar import Grammar
from loaders.measures.subjects.common import _LIST_SPLIT_RE
from loaders.measures.subjects.shares import _rate_of_the_rate_before


def collective_members(doc: DocumentView, subject: str) -> tuple[str, ...]:
    """A figure in words for a list naming collective terms (data/collective_terms.csv) holds for each member of
    each term, and for each listed item that is a metric of its own; () when the list names no term:
    节能减排和碳排放强度下降 -> 能耗强度, 碳排放强度下降; 能耗双控和主要污染物减排 -> 化学需氧量减排, 氨氮减排, …
    (a member either is the subject, 节能 -> 能耗强度, or takes the term's place in it, 主要污染物 -> 化学需氧量)."""
    g = doc.grammar
    if not any(t in subject for t in g.collective_terms):
        return _pollutants_listed(g, subject)
    named, subject = _named_members(g, subject)
    out: list[str] = list(named)
    for part in _LIST_SPLIT_RE.split(subject):
        terms = sorted((part.find(t), t) for t in g.collective_terms if t in part)
        for _, t in terms:
            out += [m if t in g.member_terms else part.replace(t, m) for m in g.collective_terms[t]]
        if not terms and (part.endswith(WORDS_ONLY_METRIC_ENDINGS) or _INTENSITY_RE.match(part)):
            out.append(part)  # 碳排放强度下降 / 单位GDP二氧化碳排放量: a metric named beside the terms
    return tuple(dict.fromkeys(out))


# 化学需氧量、氨氮等污染物排放量: pollutants named, then their class word (no collective term) and the metric they share
_POLLUTANTS_LISTED_RE = re.compile(r"(.+?)等(?:主要|重点)?(?:水|大气)?污染物((?:排放|减排|削减)\S*)")


def _pollutants_listed(g: Grammar, subject: str) -> tuple[str, ...]:
    """全市化学需氧量、氨氮等污染物排放量不超过…: the figure in words holds for each pollutant named (one of them must be a
    member of a collective term: a pollutant the grammar knows)."""
    m = _POLLUTANTS_LISTED_RE.fullmatch(subject)
    names = [n for n in _LIST_SPLIT_RE.split(m.group(1)) if n] if m else []
    known = [t for members in g.collective_terms.values() for t in members]
    if len(names) < 2 or not any(n.endswith(tuple(known)) for n in names):
        return ()
    return tuple(n + m.group(2) for n in names)


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
        # 城镇污水收集率和处理率: a bare rate after a rate is of the thing that rate is of (城镇污水处理率)
        return tuple(_rate_of_the_rate_before(parts, k) or p for k, p in enumerate(parts))
    return ()

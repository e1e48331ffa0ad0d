"""Sums invested (总投资383亿元的X项目): the things a total invested is of, and the count before such a total."""

from __future__ import annotations

import re

from loaders.measures.candidates import COUNT_UNITS, Candidate
from loaders.measures.subjects.clean import clean_subject
from loaders.measures.subjects.common import meaningful

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

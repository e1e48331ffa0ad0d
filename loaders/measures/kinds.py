"""Pass 5, kind and year: the year a measure is about (a year in its clause or paragraph, its item's
heading, the document's) and whether it is a target or an outcome, each with the name of the rule that
decided it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from loaders.measures.candidates import Candidate
from loaders.measures.document import DocumentView
from loaders.records import Sentence

_DONE = "已"  # the aspect marker of completed action
_BY_YEAR_RE = re.compile(r"到\s?(?:19|20)\d\d\s?年(?![底末])")  # 到2025年 (but 到2023年底 states where things stand)


@dataclass(frozen=True)
class KindYear:
    kind: str  # "target" | "outcome"
    kind_rule: str
    year: int | None
    year_rule: str
    clause: tuple[int, int]
    sentence_start: int
    sentence_end: int
    sentence: Sentence | None


def kind_and_year(doc: DocumentView, c: Candidate) -> KindYear:
    s_start, s_end, sentence = doc.sentence_at(c.start)
    clause = doc.clause(c.start, c.end)
    year, year_rule = doc.year(c.start, clause)
    kind, kind_rule = decide_kind(doc, c, clause, s_start, sentence, year)
    return KindYear(kind, kind_rule, year, year_rule, clause, s_start, s_end, sentence)


def decide_kind(doc: DocumentView, c: Candidate, clause: tuple[int, int], sentence_start: int,
                sentence: Sentence | None, year: int | None) -> tuple[str, str]:
    """(kind, rule). The rules, first match wins: the task a number is named as, a goal by a year, a year
    before the document's, the section label (工作任务 / 完成情况, found by loaders/items.py), then in a
    report its plan markers, in a plan what it recalls, a source's figures, a rank, the aspect 已."""
    g, text = doc.grammar, doc.text
    pos = c.start
    head = text[clause[0] : pos]
    named = head.rstrip(" (（为是:：")
    if len(named) < len(head) and named.endswith(g.task_markers):
        return "target", "kind_task_named"  # 占年度任务(1026台)55.75% (but 超出年度任务37.3% is an outcome)
    if text.startswith("的", c.end) and text.startswith(g.task_markers + ("任务", "目标"), c.end + 1):
        if any(m in text[c.end : clause[1]] for m in g.done_markers):
            return "outcome", "kind_task_done"  # 降低3.89%的目标任务全面完成
        return "target", "kind_task_of"  # 下达的淘汰1283台的年度任务
    if _BY_YEAR_RE.search(text[sentence_start:pos]) and not any(
            m in text[clause[0] : clause[1]] for m in g.outcome_markers):
        return "target", "kind_by_year"  # "到2020年,黑臭水体控制在10%以内": a goal by a year, even one now past
    if doc.meta.year is not None and year is not None and year < doc.meta.year:
        return "outcome", "kind_year_before_document"  # "2022年完成销号的62条"
    in_clause = bisect.bisect_left(doc.year_positions, clause[0]) < bisect.bisect_left(doc.year_positions, clause[1])
    if sentence is not None and sentence.section_kind:
        return sentence.section_kind, "kind_section_label"
    if doc.doc_type == "report":  # a plan inside a report: 拟 / 力争 ... earlier in the sentence or in the clause
        scope = text[min(sentence_start, clause[0]) : clause[1]]
        if any(m in scope for m in g.target_markers):
            return "target", "kind_report_target_marker"
        # "2024年新建管网100公里" in a report on 2023: a later year, nothing says it is done yet
        later = in_clause and doc.meta.year is not None and year is not None and year > doc.meta.year
        clause_text = text[clause[0] : clause[1]]
        if later and not any(m in clause_text for m in g.outcome_markers):
            return "target", "kind_report_later_year"
        return "outcome", "kind_report"
    # a plan recalling what is done: "全省已建成污水处理厂120座" (but "升级已上线的13个应用" is planned work)
    stated = doc.text_year(pos, clause)
    if doc.published_year is not None and stated is not None and stated < doc.published_year:
        return "outcome", "kind_year_before_publication"  # "2021年,全市优良天数为310天" in a plan published in 2022
    paragraph = text[text.rfind("\n", 0, pos) + 1 : pos]
    sentence_text = text[sentence_start : clause[1] + 24]
    if not any(m in text[sentence_start : clause[1]] for m in g.target_markers):
        if any(m in paragraph for m in g.reporting_markers):
            return "outcome", "kind_reported_source"  # "据了解,全县优良天数为364天"
        if g.rank_re.search(sentence_text[: sentence_text.find("。") + 1 or None]):
            return "outcome", "kind_rank"  # "优良天数为310天,位居全省第一": a rank is earned, not planned
    i = head.rfind(_DONE)
    if i >= 0 and "的" not in head[i:]:
        return "outcome", "kind_done_aspect"
    return "target", "kind_plan"

"""Dates and times around a figure: a subject that is only a date (2018年, 截至2020年12月), a time (到2025年,
“十四五”期间), a level stated from one date to another (从2016年的306万吨提高到2021年的401万吨), the year a level is due
written between its metric and its verb (占比2028年底达到), how long a level has held (连续5年, 首次)."""

from __future__ import annotations

import re

from loaders.measures.candidates import Candidate
from loaders.measures.document import DocumentView
from loaders.measures.subjects.common import meaningful

# a metric's level at a date and the level it reached at another (从2016年的306万吨提高到2021年的401万吨): the start,
# the change's words and the date of the figure reached, which stand between the metric and that figure
_DATE = r"(?:(?:19|20)\d\d\s?年(?:年?底|末)?|[“\"]?十[一二三四五六七八九]五[”\"]?末)"
_DATED_START_RE = re.compile(rf"[从由]\s?{_DATE}的")
_DATED_END_RE = re.compile(rf"[从由]\s?{_DATE}的[^,，;；。从由]{{1,24}}?(?:到|至|为)\s?{_DATE}的")

# a subject that is only a date (2018年, 截至2020年12月, 2022年底前): what it names is no metric
_DAY = rf"{_DATE}(?:\d{{1,2}}月(?:底|末)?)?(?:前|以前)?"  # 2022年底前, 2020年12月底: a date with its month or deadline
_DATE_ONLY_RE = re.compile(rf"(?:(?:截至|截止到|截止|到|至|在|于)?{_DAY})+")
_DATE_AT_END_RE = re.compile(rf"{_DAY}$")
# 占比2028年底达到(40%): a metric, a date and a verb right before a figure (the year is no part of the subject)
_DATE_BEFORE_FIGURE = rf"{_DAY}[^,，;；。\d]{{0,4}}$"
# a subject that is only a time (到2025年, “十四五”期间, 2025年年底前, 每年将)
_TIME_ONLY_RE = re.compile(r"(?:到|至|在|于)?(?:(?:19|20)\d\d\s?年(?:年?底|末)?(?:前|以前)?|[“\"]?十[一二三四五六七八九]五[”\"]?"
                           r"(?:期间|时期|末)?|每年|近年来|(?:截至|截止)?目前|当前)+将?")
# a time named by words alone (年底前, 党的十八大以来): as much a subject as a date is
_TIME_IN_WORDS_RE = re.compile(r"(?:年底|年末|年内)(?:前|以前)?|[\u4e00-\u9fff“”]{0,10}以来")

# how long or how newly a level has held, after its metric: 优良率连续5年保持 / 优良率首次达到
_TRAILING_TIME_RE = re.compile(r"(?:连续[\d一二三四五六七八九十两]+年|首次)$")

# 产量2030年(达到300亿立方米), 占比2023年底(达到50%): the year a level is due or stood, written between its metric and its
# verb, is the figure's year, no part of its metric (not 恢复到2019年, 快于2024年, 在2021年, 对2022年, 截至2023年: a comparison, a
# base or a date)
_YEAR_OF_THE_LEVEL_RE = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![到是在由从于为较前对自至])(?<!(?<!占)比)(?:19|20)\d\d年(?:底|末)?(?:要|将)?$")


def _dated_right_after(doc: DocumentView, subject: str, figure_start: int) -> bool:
    """Is the subject written right before a date and a verb that lead to its figure (占比2028年底达到40%)?"""
    window = doc.text[max(0, figure_start - len(subject) - 16) : figure_start]
    return bool(subject) and re.search(re.escape(subject) + r"\s?" + _DATE_BEFORE_FIGURE, window) is not None


# 我市计划到2025年(水土保持率) / 明确到2025年(全市水土保持率): a date to reach opening the subject is no part of the metric
_BY_DATE_LEAD_RE = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}?(?:截至|截止到|截止|到|至)\s?{_DAY}")


# 比率2020年要达到87%,2025年要达到87.5%: a year and the 要 / 将 of a goal, all the subject the second figure has
_A_YEARS_GOAL_ONLY_RE = re.compile(r"(?:19|20)\d\d年(?:底|末)?(?:要|将)")


def _dated_goals_of_the_metric_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """…水土保持率达到98.5%,到2035年达到99.3%: a subject opening on a date to reach drops it; one that is only that date
    is a later goal of the metric the figure before in its sentence names (in the same unit)."""
    out = list(cands)
    for i, c in enumerate(cands):
        m = _BY_DATE_LEAD_RE.match(c.subject) or _A_YEARS_GOAL_ONLY_RE.fullmatch(c.subject)
        if m is None:
            continue
        rest = c.subject[m.end() :].removeprefix("将")
        if meaningful(rest):
            out[i] = c.but(subject=rest)
        elif (i > 0 and not rest and out[i - 1].unit.unit == c.unit.unit and meaningful(out[i - 1].subject)
              and not _BY_DATE_LEAD_RE.match(out[i - 1].subject)
              and doc.same_sentence(out[i - 1].start, c.start)):
            out[i] = c.but(subject=out[i - 1].subject)
    return out

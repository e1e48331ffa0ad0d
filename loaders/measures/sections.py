"""Pass 4b, sections: the part of a government work report (or the opening review of a five-year plan,
plan_parts) each number sits in, which says what kind of figure it is and which year (or five-year period)
it is about.

A government work report delivered in year Y (its opening: "各位代表", "向大会报告工作", the congress
line "——Y年M月D日在…人民代表大会") reads in this order:

    review of the past year      outcomes of Y-1        一、2025年工作回顾 / 过去一年 / 一年来
    review of a five-year period outcomes, period a-b   “十四五”时期…回顾 / 五年来 (a figure over the period:
                                                        a change or a total of work done; a level is Y-1's)
    goals of the next period     targets of b, a-b      二、“十五五”时期主要目标任务 (a = Y)
    plan of this year            targets of Y           三、2026年重点工作 / 今年主要预期目标是…

Headings (of level 1, or short lines without punctuation) and the lead of each paragraph (its first words, or after a short preface such as
"各位代表!" or "综合考虑,") open a part; a heading naming no time keeps the part it is in (a report's
"三、加强政府自身建设" still plans the year). The report opens with its review. Y is the year of the
congress line, else one past the year a review heading names, else the year a plan heading names, else the
document's year. The words are those of loaders/data/report_sections.csv; periods are read from their
ordinal (十四五: the 14th plan, 2021-2025). A year the clause states inside the part's range wins
(到2027年 in this year's plan, 2023年 in a five-year review); the kind-and-year pass (kinds.py) applies it.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from loaders.measures.candidates import Candidate
from loaders.measures.document import DocumentView

_OPENING_CHARS = 1200  # the opening lines: title, congress line, 各位代表
_CONGRESS_DATE_RE = re.compile(r"((?:19|20)\d\d|二[〇零○][一二三四五六七八九〇零○]{2})\s*年[^。\n]{0,40}?人民代表大会")
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年(?!代)")
_BY_YEAR_RE = re.compile(r"到\s?((?:19|20)\d\d)\s?年(?![底末])")  # 到2025年: a goal by a year (到2020年底: a state)
_PERIOD_RE = re.compile(r"十([一二三四五六七八九])五")  # 十四五: the n-th five-year plan
_LEAD_PERIOD_RE = re.compile(r"[“\"]?十([一二三四五六七八九])五")
# “十三五”期间,… / “十三五”以来,…: a sentence of a plan that opens on a period
_SENTENCE_PERIOD_RE = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|以来|时期)")
_NUMERALS = "一二三四五六七八九"
_ELEVENTH_PLAN_START = 2006  # the 11th five-year plan ran 2006-2010; each later one five years on
_LEAD_CHARS = 30  # a lead word counts within the paragraph's first characters ...
_LEAD_AFTER = "，,！!。：:；;）)"  # ... at its start, right after one of these, or after 回顾 / 刚刚
_LEAD_PREFACES = ("回顾", "刚刚")
_HEADING_CHARS = 30
_LATER = 9999  # this year's plan may name a later year (力争到2027年): any later year is its own
_NUMERALS_0 = "〇一二三四五六七八九"
# an item marker, and the dash that opens a paragraph of a list (——这五年,…)
_MARKER_RE = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.、]|[—―]+)\s*")
# paragraph breaks: a line break, and in a text that lost its line breaks, a space after a sentence's end
# or before an item marker (一、 / (一))
# (?=[…]): the first character a break can have, looked for first (the same breaks, 5x faster)
_BREAK_RE = re.compile(r"(?=[\s一二三四五六七八九十(（])(?:\s*\n\s*|(?<=[。！!：:”)）])[ \t\u3000]+|(?:[ \t\u3000]+|(?<=[。！!]))(?=[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]))")


class Part(NamedTuple):
    """What a part of a report says about the figures in it."""

    kind: str  # "outcome" | "target"
    year: int  # the year a figure is dated with, unless its clause states one in [first, last]
    first: int
    last: int
    period: str | None  # "2021-2025" in a part about a five-year period
    rule: str  # the rule name in the measure's `rules`


def plan_period(ordinal: str) -> tuple[int, int]:
    """十四五 -> (2021, 2025): the n-th plan (n >= 11) starts 2006 + 5 (n - 11)."""
    start = _ELEVENTH_PLAN_START + 5 * (_NUMERALS.index(ordinal))
    return start, start + 4


def _words(doc: DocumentView, kind: str) -> tuple[str, ...]:
    return doc.grammar.report_words.get(kind, ())


def is_work_report(doc: DocumentView) -> bool:
    """A speech to a congress (向大会报告 / 各位代表 in its opening), or a text opening on its review
    (a line "2023年工作回顾" among its first)."""
    opening = doc.text[:_OPENING_CHARS]
    if any(w in opening for w in _words(doc, "opening")):
        return True
    review, _ = _titled_year_res(doc)
    return any(review.match(_MARKER_RE.sub("", line)) for _, line in _lines(opening, 0))


def report_year(doc: DocumentView, lines: list[tuple[int, str]]) -> int | None:
    """The year the report is delivered in (see the module docstring)."""
    opening = doc.text[:_OPENING_CHARS]
    m = _CONGRESS_DATE_RE.search(opening)
    if m:
        digits = m.group(1).replace("零", "〇").replace("○", "〇")
        return int("".join(str(_NUMERALS_0.index(ch)) if ch in _NUMERALS_0 else ch for ch in digits))
    review, plan = _titled_year_res(doc)
    for pattern, offset in ((review, 1), (plan, 0)):
        years = [int(m.group(1)) for _, line in lines if (m := pattern.match(_MARKER_RE.sub("", line)))]
        if years:
            return max(years) + offset
    m = next((m for pos, line in lines if pos < _OPENING_CHARS and (m := _YEAR_RE.search(line))), None)
    if m:  # 2023年是…的开局之年: the report opens with the year it reviews
        return int(m.group(1)) + 1
    return doc.meta.year


def _titled_year_res(doc: DocumentView) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """2023年工作回顾 / 2024年重点工作安排: a year and the words of a review or plan title after it."""
    def title(kind: str) -> re.Pattern[str]:
        words = "|".join(map(re.escape, _words(doc, kind)))
        return re.compile(rf"((?:19|20)\d\d)\s*年[^，,。；;：:]{{0,10}}?(?:{words})")
    return title("review_heading"), title("plan_heading")


def _period_part(start: int, end: int, y: int, rule: str) -> Part | None:
    if end < y:  # a period that has ended: its review
        return Part("outcome", end, start, end, f"{start}-{end}", rule + "_period_review")
    if start == y:  # the period that opens this year: its goals
        return Part("target", end, start, end, f"{start}-{end}", rule + "_period_goals")
    return None


def _year_part(year: int, y: int, rule: str) -> Part | None:
    if year == y - 1:
        return Part("outcome", year, year, year, None, rule + "_year_review")
    if year == y:
        return Part("target", year, year, _LATER, None, rule + "_year_plan")
    return None


def heading_part(heading: str, doc: DocumentView, y: int) -> Part | None:
    """The part a level-1 heading opens: by the times it names (a year comes before a period: "2025年和
    “十四五”时期工作回顾" reviews the year, its paragraphs on the period say so), else by its words."""
    years = [int(v) for v in _YEAR_RE.findall(heading)]
    if any(w in heading for w in ("今年", "本年")):
        years.append(y)
    for year in sorted(set(years), reverse=True):
        part = _year_part(year, y, "work_report_heading")
        if part:
            return part
    for m in _PERIOD_RE.finditer(heading):
        part = _period_part(*plan_period(m.group(1)), y, "work_report_heading")
        if part:
            return part
    if years:
        return None
    if any(w in heading for w in _words(doc, "review_heading")):
        return Part("outcome", y - 1, y - 1, y - 1, None, "work_report_heading_year_review")
    if any(w in heading for w in _words(doc, "plan_heading")):
        return Part("target", y, y, _LATER, None, "work_report_heading_year_plan")
    return None


def lead_part(lead: str, doc: DocumentView, y: int) -> Part | None:
    """The part a paragraph's lead opens: 过去一年 / 五年来 / “十四五”时期 / 今年 / a year (Y-1 or Y)."""
    def at_lead(word: str) -> bool:
        i = lead.find(word)
        return i >= 0 and (i == 0 or lead[i - 1] in _LEAD_AFTER or lead[:i].endswith(_LEAD_PREFACES))

    m = _YEAR_RE.match(lead)
    if m:
        return _year_part(int(m.group(1)), y, "work_report_lead")
    m = _LEAD_PERIOD_RE.search(lead)  # “十四五”时期是… / 各位代表！“十四五”以来,…
    if m and at_lead(m.group(0)):
        return _period_part(*plan_period(m.group(1)), y, "work_report_lead")
    if any(at_lead(w) for w in _words(doc, "period_review_lead")):
        start, end = y - 5, y - 1
        return Part("outcome", end, start, end, f"{start}-{end}", "work_report_lead_period_review")
    if any(at_lead(w) for w in _words(doc, "review_lead")):
        return _year_part(y - 1, y, "work_report_lead")
    if any(at_lead(w) for w in _words(doc, "plan_lead")):
        return _year_part(y, y, "work_report_lead")
    return None


def _lines(text: str, start: int) -> list[tuple[int, str]]:
    """(offset, text) of each paragraph from start (_BREAK_RE), leading spaces left out."""
    out, pos = [], start
    for m in _BREAK_RE.finditer(text, start):
        if m.start() > pos:
            out.append((pos, text[pos : m.start()]))
        pos = m.end()
    if pos < len(text):
        out.append((pos, text[pos:].rstrip()))
    return [(p, line.lstrip()) for p, line in out if line.strip()]


def _is_heading(line: str) -> bool:
    """A line that is a title, not prose: short and without a sentence's punctuation ("2023年工作回顾")."""
    return len(line) <= _HEADING_CHARS and not any(ch in line for ch in "。，,；;")


# a chapter heading of a plan (第二章总体要求), at a line's start or run on after a sentence's end
_CHAPTER_RE = re.compile(r"(?:^|(?<=[\n。！!；;]))[ \t\u3000]*第([一二三四五六七八九十]+)(?:章|篇|部分)([^\n。]{0,20})")


def plan_review(doc: DocumentView) -> Part:
    """The review of a five-year plan of years a-b: outcomes of a-1, over a-5..a-1 (doc.meta.year is b)."""
    start = doc.meta.year - 4
    return Part("outcome", start - 1, start - 5, start, f"{start - 5}-{start - 1}", "plan_review_heading")


def plan_parts(doc: DocumentView) -> tuple[list[int], list[Part | None]]:
    """A five-year plan (years a-b) opens on its review: what the last period (a-5 to a-1) achieved and the
    situation it leaves. Its figures are outcomes of a-1 (a year the clause states from a-5 to a wins), over
    a-5..a-1 when a change or a total of work done. The review is the text before the second chapter (第二章;
    二、 in a plan without chapters), and a chapter right after it that goes on with it (“十三五”成效, 发展现状,
    面临的形势, 问题与挑战); a first chapter reopens it (after a table of contents) until a chapter naming the goals
    has a body (chapters numbered again in each part, 第二篇…第一章, are tasks), a chapter naming the goals
    (指导思想, 总体要求) never (words: report_sections.csv). A text with no chapter and no 一、 (a web page quoting a
    plan's goals) has no review: its figures go by the kind rules."""
    if doc.meta.doc_kind != "five_year_plan" or doc.meta.year is None:
        return [], []
    review = plan_review(doc)
    goals, goes_on = _words(doc, "plan_goals_heading"), _words(doc, "plan_review_heading")
    chapters = [(m.start(), m.group(1), m.group(2)) for m in _CHAPTER_RE.finditer(doc.text)]
    if not chapters:  # 一、 … 二、 …: the numbered items of the top level
        chapters = [(it.char_start, it.marker.rstrip("、"), it.heading) for it in doc.items
                    if it.level == 1 and it.marker.endswith("、")]
    if not chapters:  # a page quoting a plan's goals (no chapter, no 一、): no review to open on
        return [], []
    marks: list[tuple[int, Part | None]] = [(0, review)]
    goals_written = False  # a goals chapter with a body (not a line of the table of contents) was passed
    for k, (pos, ordinal, heading) in enumerate(chapters):
        names_goals = any(w in heading for w in goals)
        reviews = (ordinal == "一" and not goals_written) or (marks[-1][1] is review and any(w in heading for w in goes_on))
        marks.append((pos, review if reviews and not names_goals else None))
        body_end = chapters[k + 1][0] if k + 1 < len(chapters) else len(doc.text)
        goals_written = goals_written or (names_goals and "。" in doc.text[pos:body_end])  # a table of contents has no prose
    return [p for p, _ in marks], [part for _, part in marks]


def report_parts(doc: DocumentView) -> tuple[list[int], list[Part | None]]:
    """Where each part starts, and the part: the report's review first, then each heading and lead."""
    if not is_work_report(doc):
        return plan_parts(doc)
    title_words = _words(doc, "title_line")  # the title and congress lines name years that open nothing
    lines = [(pos, line) for pos, line in _lines(doc.text, 0) if not any(w in line for w in title_words)]
    headings = {it.char_start: it.heading for it in doc.items
                if it.level == 1 and not any(w in it.heading for w in title_words)}
    headings |= {pos: _MARKER_RE.sub("", line) for pos, line in lines if _is_heading(line)}
    y = report_year(doc, lines)
    if y is None:
        return [], []
    marks: list[tuple[int, Part]] = [(0, Part("outcome", y - 1, y - 1, y - 1, None, "work_report_opens"))]
    for pos, heading in sorted(headings.items()):
        part = heading_part(heading, doc, y)
        if part:
            marks.append((pos, part))
    for pos, line in lines:
        part = lead_part(_MARKER_RE.sub("", line)[:_LEAD_CHARS], doc, y)
        if part:
            marks.append((pos, part))
    marks.sort(key=lambda m: m[0])  # stable: at one offset a paragraph's lead refines its heading
    return _period_sentences(doc, y, lines, marks)


# a sentence's start inside a paragraph: after the end of the sentence before
_SENTENCE_START_RE = re.compile(r"(?<=[。！!])\s*(?=\S)")


def _period_sentences(doc: DocumentView, y: int, lines: list[tuple[int, str]],
                      marks: list[tuple[int, Part]]) -> tuple[list[int], list[Part | None]]:
    """A sentence inside a paragraph that opens on a five-year period (…标志着“十四五”圆满收官。五年来,…): the rest of the
    paragraph is that period's part; the paragraph after it goes back to the part it was in."""
    starts = [p for p, _ in marks]
    extra: list[tuple[int, Part]] = []
    for pos, line in lines:
        for m in _SENTENCE_START_RE.finditer(line):
            part = lead_part(line[m.end() : m.end() + _LEAD_CHARS], doc, y)
            if part is None or part.period is None:
                continue
            back = marks[bisect.bisect_right(starts, pos + len(line)) - 1][1]
            extra += [(pos + m.end(), part), (pos + len(line), back)]
            break
    marks = sorted(marks + extra, key=lambda m: m[0])
    return [p for p, _ in marks], [part for _, part in marks]


def read_sections(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """Give each candidate of a government work report, or of a five-year plan's opening review
    (plan_parts), the part it sits in (Candidate.section)."""
    starts, parts = report_parts(doc)
    out = []
    for c in cands:
        i = bisect.bisect_right(starts, c.start) - 1
        part = parts[i] if i >= 0 else None
        if part is not None and part.rule in _OPENING_REVIEWS and _plans_ahead(doc, part, c):
            part = None  # 到2025年 / 力争 in a plan's review or before a report's first heading: a goal, left to the kind rules
        if part is None and doc.meta.doc_kind == "five_year_plan":
            part = _review_lead_part(doc, c)  # its lead names the past: 争取…资金 there is funds obtained
        out.append(c.but(section=part) if part is not None else c)
    return out


def _review_lead_part(doc: DocumentView, c: Candidate) -> Part | None:
    """A plan's sentence outside its review that opens on the last plan's period (“十三五”期间,邵阳市总计争取…资金
    3.63亿元): a part of the review, for that sentence."""
    s_start, _, _ = doc.sentence_at(c.start)
    m = _SENTENCE_PERIOD_RE.match(_MARKER_RE.sub("", doc.text[s_start : s_start + _LEAD_CHARS].lstrip()))
    if m is None or doc.meta.year is None or plan_period(m.group(1))[1] != doc.meta.year - 5:
        return None
    return plan_review(doc)._replace(rule="plan_review_lead")


def _plans_ahead(doc: DocumentView, review: Part, c: Candidate) -> bool:
    """The sentence sets a goal before the number: a year after the review (到2025年) or a target marker (not
    争取 of funds or done: 争取专项资金800万元, 成功争取, 争取到 are what the review says was obtained)."""
    s_start, _, _ = doc.sentence_at(c.start)
    head = doc.text[s_start : c.start]
    if c.unit.unit == _MONEY or _SOUGHT_AND_GOT_RE.search(head):
        head = head.replace(_SOUGHT, "")  # 争取…资金800万元 / 成功争取 / 争取到 in a review: funds or approval obtained
    return (any(int(m.group(1)) > review.last for m in _BY_YEAR_RE.finditer(head))
            or any(m in head for m in doc.grammar.target_markers))


# the parts a text opens on before any heading or chapter: a plan's review, what precedes a report's first heading
# (a news lead on the report: 报告指出,要…力争并网装机2500万千瓦以上)
_OPENING_REVIEWS = ("plan_review_heading", "work_report_opens")
# 争取 (strive for) of funds, or done (成功争取, 争取到): what a review says was obtained, not a goal
_SOUGHT = "争取"
_MONEY = "yuan"
_SOUGHT_AND_GOT_RE = re.compile(r"(?:成功|已)争取|争取到(?!\s?(?:19|20)\d\d)")

"""The per-document view every pass reads: clause and sentence bounds, excluded spans (quotations, named
terms), the years the text states, item paths and region mentions. Built once per document; read-only."""

from __future__ import annotations

import bisect
import re

from loaders.breaks import SENTENCE_BREAKS, clause_break_positions
from loaders.measures.grammar import Grammar
from loaders.records import Item, Metadata, Sentence

# Patterns scanning a whole text open with the character class of their first character, consumed, and
# only then look behind ((?<!\d) at p is (?<!\d.) at p + 1): the regex engine then skips to the next
# character of the class in C (~3 ns a character), where a pattern opening with a lookahead or
# lookbehind is tried at every position (~20 ns); the same matches (tests/test_speed_exactness.py)
YEAR_RE = re.compile(r"([12](?<!\d.)(?<!\d[\-—–~～至].)(?:(?<=1)9|(?<=2)0)\d\d)\s?年(?!度|代)")  # not the end of 2022—2025年
# 较疫情前的2019年 / 与上轮普查的2018年: a baseline a few words after 较/与/比
BASELINE_NEAR_RE = re.compile(r"(?:较|与|比(?![例率重]))[^,，;；。:：\n\d]{1,6}$")
# 2016年以来 (a span's start) / 同2022年同期相比 (a comparison's base): the year dates no figure after it
_SPAN_OR_BASE_AFTER_RE = re.compile(r"以来|(?:同期)?相比")
BASELINE_BEFORE = ("较", "比", "与", "低于", "高于", "少于", "多于", "大于", "小于", "同比")  # 较2020年 / 不低于2022年: a baseline, not the time frame
_QUOTE_RE = re.compile(r"《[^《》\n]{0,80}》|“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|〔[^〕\n]{0,10}〕|\[[^\]\n]{0,10}\]")
# the part of a year a bulletin covers (2015年上半年 / 前三季度 / 第一季度 / 1—11月 / 3月): written within that year
_SO_FAR_THIS_YEAR = "今年以来"
_PART_OF_A_YEAR = r"上半年|前三季度|第?[一二三]季度|1\s?[-—–~至到]\s?\d{1,2}\s?月|\d{1,2}\s?月(?!\d)"
# 年度目标为“完成500个行政村环境整治”: a goal quoted after the words naming it holds its figures, no name
_GOAL_QUOTED_AFTER_RE = re.compile(r"(?:目标|任务)(?:为|是)[:：]?$")
# “十三五”期间 / 十三五时期: the five-year plan period, dated by its last year (the 11th ended 2010)
# a quotation mark around a figure alone stresses it (保持“百分之百”, “零”增长 aside): it quotes nothing
_EMPHASIS_RE = re.compile(r"百分之[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?|\d+(?:\.\d+)?%")
# 装配式建筑占【当年】新建建筑面积比例 / 新签约项目【当年】开工率: "that year" inside a metric names each year's own base,
# no date of the figure (the figure's year is the clause's or the paragraph's)
_SAME_YEAR_WORDS = ("当年",)
_METRIC_AFTER_RE = re.compile(r"[\u4e00-\u9fff“”]{0,16}?(?:率|比例|比重|占比)")
_PLAN_PERIOD_RE = re.compile(r"[“\"十](?:(?<=[“\"])十|(?<=十))([一二三四五六七八九])五[”\"]?(?:期间|时期)(?!相比|比较|[^,，;；。\n]{0,12}(?:方案|规划))")
# 时间:2026-02-03 / 2024/01/15 09:45:30: a date written with dashes or slashes (a web page's publication line, a
# form's date) holds no quantity: 2026-02-03⏎天津 is no 3 days, 2024/01/15起 no 15 cases. Year, month and day, the
# same separator twice, and the clock time a page prints after it; 2021-2025 (a period) is not one
_NUMERIC_DATE_RE = re.compile(r"[12](?<!\d.)\d{3}([-/])(?:0?[1-9]|1[0-2])\1(?:[12]\d|3[01]|0?[1-9])(?!\d)"
                              r"(?:[ T]?[0-2]?\d:[0-5]\d(?::[0-5]\d)?)?")
_NUMERALS = "一二三四五六七八九"
_PLAN_PERIOD_END = 2010


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


class DocumentView:
    """Per-document lookups computed once: excluded spans, year mentions, labels, sentences."""

    def __init__(self, text: str, items: list[Item], sentences: list[Sentence], meta: Metadata,
                 grammar: Grammar) -> None:
        self.text = text
        self.meta = meta
        self.grammar = grammar
        self.breaks = clause_break_positions(text)
        goals = [(a, b) for a, b in _spans(_QUOTE_RE, text)
                 if text[a] == "“" and _GOAL_QUOTED_AFTER_RE.search(text, max(0, a - 6), a)]
        self.goal_quotes = goals
        if goals:  # the goal's words are a clause of their own: the words naming it are no subject
            self.breaks = sorted(self.breaks + [p for a, b in goals for p in (a, b - 1)])
        quotes = [(a, b) for a, b in _spans(_QUOTE_RE, text) if not _EMPHASIS_RE.fullmatch(text, a + 1, b - 1)
                  and (a, b) not in goals]
        self.excluded = _merge(quotes + _spans(grammar.term_re, text) + _spans(_NUMERIC_DATE_RE, text))
        self.excluded_starts = [s for s, _ in self.excluded]
        self.sentences = sorted(sentences, key=lambda s: s.char_start)
        self.sentence_starts = [s.char_start for s in self.sentences]
        self.items = sorted(items, key=lambda i: (i.char_start, -i.char_end))
        self.heading_years: list[tuple[int, int, int]] = []  # (start, end, year) of the items whose heading names one
        for it in self.items:
            if it.level >= 1:
                found = [int(m.group(1)) for m in YEAR_RE.finditer(it.heading)
                         if not it.heading[max(0, m.start() - 2) : m.start()].endswith(BASELINE_BEFORE)]
                if found:
                    self.heading_years.append((it.char_start, it.char_end, found[0]))
        published = int(meta.published_on[:4]) if meta.published_on and meta.published_on[:4].isdigit() else None
        self.published_year = published
        self.doc_type = meta.doc_type
        if meta.doc_type == "plan" and not any(w in text for w in grammar.plan_words):
            self.doc_type = "report"
        if published is None and meta.year is not None:
            # a report on a year is written after it; one on a part of it (2015年上半年, 前三季度, 1—11月) or on what
            # was done so far this year (今年以来) within it
            published = meta.year + (1 if meta.doc_type == "report" and _SO_FAR_THIS_YEAR not in text and not re.search(
                rf"{meta.year}\s?年(?:{_PART_OF_A_YEAR})", text) else 0)
        self.years: list[tuple[int, int]] = []  # (position, year)
        for m in YEAR_RE.finditer(text):
            before = text[max(0, m.start() - 2) : m.start()]
            # 新能源车辆占比2023年底达到50%: the 比 of a share's word (占比) compares nothing
            if ((not before.endswith(BASELINE_BEFORE) or before == "占比") and not self.is_excluded(m.start())
                    and not BASELINE_NEAR_RE.search(text[max(0, m.start() - 8) : m.start()])
                    and not _SPAN_OR_BASE_AFTER_RE.match(text, m.end())):
                self.years.append((m.start(), int(m.group(1))))
        # a year-end summary ("2023年工作总结") was written as its year closed: its 截至目前 is that year, not the
        # next, whether its date is unknown or falls early in the next year (a progress report of unknown date keeps
        # the next year)
        now = published
        if (self.published_year in (None, meta.year, None if meta.year is None else meta.year + 1)
                and meta.doc_type == "report" and meta.year is not None
                and re.search(f"{meta.year}年[^\n]*(?:{'|'.join(grammar.summary_title_words)})", meta.title or "")):
            now = meta.year
        if published is not None:
            for m in grammar.time_word_re.finditer(text):
                if (not text[max(0, m.start() - 2) : m.start()].endswith(BASELINE_BEFORE)
                        and not (m.group() in _SAME_YEAR_WORDS and _METRIC_AFTER_RE.match(text, m.end()))):
                    base = now if m.group() in grammar.now_words else published
                    self.years.append((m.start(), base + grammar.time_words[m.group()]))
        for m in _PLAN_PERIOD_RE.finditer(text):
            opened, closed = text.rfind("《", 0, m.start()), text.rfind("》", 0, m.start())
            if opened <= closed and not BASELINE_NEAR_RE.search(text[max(0, m.start() - 8) : m.start()]):
                self.years.append((m.start(), _PLAN_PERIOD_END + 5 * _NUMERALS.index(m.group(1))))
        self.years.sort()
        self.year_positions = [p for p, _ in self.years]
        self.regions = [(m.start, m.name) for m in grammar.regions.find_mentions(text)] if text else []
        self.region_positions = [p for p, _ in self.regions]

    def mentioned_regions(self, start: int, end: int) -> list[str]:
        """Regions named in the span other than the document's own ("组织杭州、宁波开展试点")."""
        i = bisect.bisect_left(self.region_positions, start)
        names: list[str] = []
        while i < len(self.regions) and self.regions[i][0] < end:
            name = self.regions[i][1]
            if name != self.meta.region_name and name not in names:
                names.append(name)
            i += 1
        return names

    def is_excluded(self, pos: int) -> bool:
        i = bisect.bisect_right(self.excluded_starts, pos) - 1
        return i >= 0 and self.excluded[i][0] <= pos < self.excluded[i][1]

    def sentence_at(self, pos: int) -> tuple[int, int, Sentence | None]:
        i = bisect.bisect_right(self.sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i].char_start <= pos < self.sentences[i].char_end:
            s = self.sentences[i]
            return s.char_start, s.char_end, s
        start = pos
        while start > 0 and self.text[start - 1] not in SENTENCE_BREAKS:
            start -= 1
        end = pos
        while end < len(self.text) and self.text[end] not in SENTENCE_BREAKS:
            end += 1
        return start, min(end + 1, len(self.text)), None

    def same_sentence(self, a: int, b: int) -> bool:
        """Whether positions a and b fall in one sentence (the passes that carry a subject stop at its end)."""
        return self.sentence_at(a)[0] == self.sentence_at(b)[0]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """[a, b): from after the clause break before start to the clause break at or after end."""
        i = bisect.bisect_left(self.breaks, start)
        a = self.breaks[i - 1] + 1 if i > 0 else 0
        j = bisect.bisect_left(self.breaks, end)
        b = self.breaks[j] if j < len(self.breaks) else len(self.text)
        return a, b

    def item_path(self, pos: int) -> str:
        path = ""
        for it in self.items:  # innermost item holding pos (items are few; documents are short)
            if it.char_start <= pos < it.char_end:
                path = it.item_path
        return path

    def year(self, pos: int, clause: tuple[int, int]) -> tuple[int | None, str]:
        """The year of a measure at pos and the rule that found it."""
        stated, rule = self._stated_year(pos, clause)
        if stated:
            return stated, rule
        heading = self.heading_year(pos)
        if heading:
            return heading, "year_of_heading"
        return self.meta.year, "year_of_document" if self.meta.year else "year_unknown"

    def text_year(self, pos: int, clause: tuple[int, int]) -> int | None:
        return self._stated_year(pos, clause)[0]

    def _stated_year(self, pos: int, clause: tuple[int, int]) -> tuple[int | None, str]:
        # a year inside the clause wins; then the last one earlier in the paragraph
        i = bisect.bisect_right(self.year_positions, clause[1]) - 1
        best = None
        while i >= 0 and self.years[i][0] >= clause[0]:
            p, y = self.years[i]
            if best is None or abs(p - pos) < abs(best[0] - pos):
                best = (p, y)
            i -= 1
        if best:
            return best[1], "year_in_clause"
        if i >= 0:
            p, y = self.years[i]
            if "\n" not in self.text[p:pos]:
                return y, "year_in_paragraph"
        return None, ""

    def heading_year(self, pos: int) -> int | None:
        """The year in the heading of the innermost item holding pos ("二、2025年工作思路")."""
        best = None
        for start, end, year in self.heading_years:  # in document order: the last one holding pos is innermost
            if start > pos:
                break
            if pos < end:
                best = year
        return best

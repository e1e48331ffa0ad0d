"""Stage 4: quantified measures (targets and outcomes) from sentences.

Grammar, not sample rules: a measure is a number (loaders/numbers.py) directly followed by a unit or a
classifier (data/units.csv), not part of a date, a name, a code or a quotation (data/numeral_terms.csv).
Around it we read the comparator (data/comparators.csv), the kind (the section label found by
loaders/items.py, then markers in data/kind_markers.csv and the document type), the year (explicit years and
relative time words, data/time_words.csv) and the subject (the clause's noun phrase). Lists
("A、B、C分别为1吨、2吨、3吨") give one measure per subject (data/metric_words.csv finds the shared metric).
Masked numbers (*, (略)) give a measure with a null value and is_masked.
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.numbers import Number, find_numbers
from loaders.records import Item, Measure, Metadata, Sentence
from loaders.regions import RegionIndex

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass(frozen=True)
class _Unit:
    surface: str
    unit: str  # canonical code; "none" marks a phrase that is not a measure (3个月)
    factor: float


UNITS = sorted(
    (_Unit(r["surface"], r["unit"], float(r["factor"])) for r in _rows("units.csv")),
    key=lambda u: -len(u.surface),
)
PERCENT = next(u for u in UNITS if u.unit == "percent")
_UNITS_BY_FIRST: dict[str, list[_Unit]] = {}
for _u in UNITS:
    _UNITS_BY_FIRST.setdefault(_u.surface[0], []).append(_u)

_COMP = _rows("comparators.csv")
PREFIX_COMPARATORS = sorted(
    ((r["surface"], r["comparator"], int(r["max_gap"])) for r in _COMP if r["position"] == "prefix"),
    key=lambda c: -len(c[0]),
)
SUFFIX_COMPARATORS = sorted(
    ((r["surface"], r["comparator"]) for r in _COMP if r["position"] == "suffix"), key=lambda c: -len(c[0])
)
CHANGE_WORDS = [r["surface"] for r in _COMP if r["position"] == "change"]
_PREFIX = {surface: (comp, gap) for surface, comp, gap in PREFIX_COMPARATORS}
# (?=(...)) finds a comparator at every start, overlapping ones included; longest alternatives first
_PREFIX_RE = re.compile("(?=(" + "|".join(re.escape(s) for s, _, _ in PREFIX_COMPARATORS) + "))")
_CHANGE_RE = re.compile("(?=(" + "|".join(map(re.escape, sorted(CHANGE_WORDS, key=len, reverse=True))) + "))")
QUALIFIER_COMPARATOR = {r["surface"]: r["comparator"] for r in _COMP if r["position"] == "qualifier"}
RANGE_COMPARATOR = next(r["comparator"] for r in _COMP if r["position"] == "range")

_KIND = _rows("kind_markers.csv")
TARGET_MARKERS = [r["surface"] for r in _KIND if r["scope"] == "marker" and r["kind"] == "target"]
OUTCOME_MARKERS = [r["surface"] for r in _KIND if r["scope"] == "marker" and r["kind"] == "outcome"]
# 据了解 / 获悉 ...: a paragraph that reports what a source says states outcomes, even in a plan
REPORTING_MARKERS = tuple(r["surface"] for r in _KIND if r["scope"] == "reporting")
# 年度任务(1026台): a number named as the task or goal is the target
TASK_MARKERS = tuple(r["surface"] for r in _KIND if r["scope"] == "task")
# 降低3.89%的目标任务全面完成: a task named and declared done is an outcome (but 改造5400蒸吨的任务超额完成
# names the task only: what was done is more)
DONE_MARKERS = tuple(r["surface"] for r in _KIND if r["scope"] == "done")
# a "plan" without a single word of planning (目标, 力争, 任务 ...) reads as a report (a bulletin, a news item)
PLAN_WORDS = tuple(r["surface"] for r in _KIND if r["scope"] == "plan") + tuple(TARGET_MARKERS)
# a title "2023年工作总结" names a summary written as its year closed
SUMMARY_TITLE_WORDS = tuple(r["surface"] for r in _KIND if r["scope"] == "summary_title")
_DONE = "已"  # the aspect marker of completed action
_TIME = _rows("time_words.csv")
TIME_WORDS = {r["surface"]: int(r["offset"]) for r in _TIME}
NOW_WORDS = {r["surface"] for r in _TIME if r["now"] == "1"}  # 目前: when the text was written
NUMERAL_TERMS = [r["term"] for r in _rows("numeral_terms.csv")]
METRIC_WORDS = [r["word"] for r in _rows("metric_words.csv")]
RATE_WORDS = sorted(((r["word"], r["base_unit"], r["unit"]) for r in _rows("rate_words.csv")), key=lambda w: -len(w[0]))
_SCOPE = _rows("scope_words.csv")
SCOPE_WORDS = tuple(r["word"] for r in _SCOPE if r["position"] == "after")
DENOMINATOR_WORDS = tuple(r["word"] for r in _SCOPE if r["position"] == "before")
RANK_WORDS = tuple(r["word"] for r in _rows("rank_words.csv"))
ABSTRACT_NOUNS = tuple(r["word"] for r in _rows("abstract_nouns.csv"))

_RANK_RE = re.compile("|".join(map(re.escape, RANK_WORDS)) + r"|第[\dXx一二三四五六七八九十]+位")
# 市/县/区 after a masked "XX" name a place (XX市生态环境局), not a masked count
REGION_CLASSIFIERS = {r["surface"] for r in _rows("units.csv") if r["note"].startswith("classifier of regions")}

CLAUSE_BREAKS = set(",，;；。:：!！?？\n")
_CLAUSE_BREAK_RE = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")
SENTENCE_BREAKS = set("。;；!！?？\n")
LIST_SEPARATORS = "、,，和及与"
_UNIT_LIST_SEPARATORS = ("、", "和", "及", "与", " 、")
COUNT_UNITS = {"count", "persons"}
PERIODS = ("年", "月", "日", "天", "季", "周", "小时")  # after "/": a frequency (1次/年), not a ratio unit
RATIO_ENDINGS = ("率", "比例", "比重", "占比", "比")
# a count followed in its clause by one of these frames a rate or a level: 74个断面水质优良比例为98.6%
FRAMED_METRICS = RATIO_ENDINGS + ("浓度", "声级", "指数")
# words around a subject that carry no meaning of their own
SUBJECT_TRAILING = ("分别", "均", "总计", "合计", "共计", "共", "的", "全年", "年内")
SUBJECT_LEADING_VERBS = ("了", "力争", "确保", "争取", "完成", "实施", "开展", "推进", "组织", "建成", "打造", "对", "将", "新增", "累计", "已", "全年", "年内", "共")

_YEAR_RE = re.compile(r"(?<!\d)(?<!\d[\-—–~～至])((?:19|20)\d\d)\s?年(?!度|代)")  # not the end of 2022—2025年
_TIME_WORD_RE = re.compile("|".join(map(re.escape, sorted(TIME_WORDS, key=len, reverse=True))))
# 较疫情前的2019年 / 与上轮普查的2018年: a baseline a few words after 较/与/比
_BASELINE_NEAR_RE = re.compile(r"(?:较|与|比(?![例率重]))[^,，;；。:：\n\d]{1,6}$")
_BASELINE_BEFORE = ("较", "比", "与", "低于", "高于", "少于", "多于", "大于", "小于", "同比")  # 较2020年 / 不低于2022年: a baseline, not the time frame
_MASK_RE = re.compile(r"(?:\d+\.)?\*+(?:\.\*+)?|\(略\)|（略）")
# a template's placeholder for a number: XX%, xx天, ××个 (not a Latin word such as XXL)
_LETTER_MASK_RE = re.compile(r"(?<![A-Za-z])(?:XX+|xx+|××+)(?:\.(?:X+|x+))?(?![A-Za-z])")
# 由44.3%提高到45.2% / 从2015年的66%提高到: the first number is the starting point, not a measure
_BASELINE_FROM_RE = re.compile(r"[由从](?:\d{4}年(?:底|末)?的?)?$")
# 同比去年47.7微克/立方米下降5.5%: the first number is last year's level, the change follows
_BASELINE_LAST_RE = re.compile(r"(?:同比|较|比)(?:去年|上年)(?:同期)?的?$")
# “十三五”期间 / 十三五时期: the five-year plan period, dated by its last year (the 11th ended 2010)
_PLAN_PERIOD_RE = re.compile(r"[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期)(?!相比|比较|[^,，;；。\n]{0,12}(?:方案|规划))")
_NUMERALS = "一二三四五六七八九"
_PLAN_PERIOD_END = 2010
_BY_YEAR_RE = re.compile(r"到\s?(?:19|20)\d\d\s?年(?![底末])")  # 到2025年 (but 到2023年底 states where things stand)
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_NOT_A_NOUN = ("的", "目标", "任务", "水平", "和", "及", "或", "与", "、", "左右")  # 10吨以上的 / 30%以上目标
_TO_WORDS = tuple(sorted({s for s, _, _ in PREFIX_COMPARATORS if s.endswith(("到", "至"))} | {"到", "至"},
                         key=len, reverse=True))
_QUOTE_RE = re.compile(r"《[^《》\n]{0,80}》|“[^“”\n]{0,40}”|\"[^\"\n]{0,40}\"|〔[^〕\n]{0,10}〕|\[[^\]\n]{0,10}\]")
_TERM_RE = re.compile("|".join(map(re.escape, sorted(NUMERAL_TERMS, key=len, reverse=True))))
_CODE_BEFORE = re.compile(r"[A-Za-z][A-Za-z\s/\-.]?$")  # PM2.5, GB 3095-2012, COD
_ORDINAL_BEFORE = ("第", "届", "周", "星期", "前")
# what is left of a subject that only says "changed": 同比下降 / 较2020年减少 / 较上年
_CHANGE_ONLY = re.compile(
    "|".join(map(re.escape, sorted(CHANGE_WORDS, key=len, reverse=True)))
    + r"|(?:同比|较|比)?(?:去年|上年)(?:同期)?(?:相比)?|同比|较\S{0,6}?年"
)


@dataclass
class _Candidate:
    number: Number | None  # None when masked
    start: int  # of the number as written
    unit: _Unit
    end: int  # after the unit and any suffix comparator
    suffix: str | None = None  # comparator of a suffix (以上 -> ge)
    suffix_text: str | None = None
    prefix: tuple[str, str, int] | None = None  # (surface, comparator, start offset)
    is_change: bool = False
    inherited: str | None = None  # comparator taken from the head of a list
    subject: str = ""
    dropped: bool = False
    shared_by: tuple[str, ...] = ()  # "A、B均为100%": one measure for each subject
    frames_rate: bool = False  # a count of the sites a rate or level in its clause is taken over


def _unit_at(text: str, pos: int, allow_space: bool = True) -> tuple[_Unit, int] | None:
    if allow_space and pos < len(text) and text[pos] == " ":
        pos += 1
    if pos >= len(text):
        return None
    for u in _UNITS_BY_FIRST.get(text[pos], ()):
        if text.startswith(u.surface, pos):
            return u, pos + len(u.surface)
    return None


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


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


class _Doc:
    """Per-document lookups computed once: excluded spans, year mentions, labels, sentences."""

    def __init__(self, text: str, items: list[Item], sentences: list[Sentence], meta: Metadata) -> None:
        self.text = text
        self.meta = meta
        self.breaks = [m.start() for m in _CLAUSE_BREAK_RE.finditer(text)]
        self.excluded = _merge(_spans(_QUOTE_RE, text) + _spans(_TERM_RE, text))
        self.excluded_starts = [s for s, _ in self.excluded]
        self.sentences = sorted(sentences, key=lambda s: s.char_start)
        self.sentence_starts = [s.char_start for s in self.sentences]
        self.items = sorted(items, key=lambda i: (i.char_start, -i.char_end))
        self.heading_years: list[tuple[int, int, int]] = []  # (start, end, year) of the items whose heading names one
        for it in self.items:
            if it.level >= 1:
                found = [int(m.group(1)) for m in _YEAR_RE.finditer(it.heading)
                         if not it.heading[max(0, m.start() - 2) : m.start()].endswith(_BASELINE_BEFORE)]
                if found:
                    self.heading_years.append((it.char_start, it.char_end, found[0]))
        published = int(meta.published_on[:4]) if meta.published_on and meta.published_on[:4].isdigit() else None
        self.published_year = published
        self.doc_type = meta.doc_type
        if meta.doc_type == "plan" and not any(w in text for w in PLAN_WORDS):
            self.doc_type = "report"
        if published is None and meta.year is not None:
            published = meta.year + (1 if meta.doc_type == "report" else 0)
        self.years: list[tuple[int, int]] = []  # (position, year)
        for m in _YEAR_RE.finditer(text):
            before = text[max(0, m.start() - 2) : m.start()]
            if (not any(before.endswith(b) for b in _BASELINE_BEFORE) and not self.is_excluded(m.start())
                    and not _BASELINE_NEAR_RE.search(text[max(0, m.start() - 8) : m.start()])):
                self.years.append((m.start(), int(m.group(1))))
        # a year-end summary of unknown date ("2023年工作总结") was written as its year closed: its 截至目前
        # is that year, not the next (a progress report of unknown date keeps the next year)
        now = published
        if (self.published_year is None and meta.doc_type == "report" and meta.year is not None
                and re.search(f"{meta.year}年[^\n]*(?:{'|'.join(SUMMARY_TITLE_WORDS)})", meta.title or "")):
            now = meta.year
        if published is not None:
            for m in _TIME_WORD_RE.finditer(text):
                if not text[max(0, m.start() - 2) : m.start()].endswith(_BASELINE_BEFORE):
                    base = now if m.group() in NOW_WORDS else published
                    self.years.append((m.start(), base + TIME_WORDS[m.group()]))
        for m in _PLAN_PERIOD_RE.finditer(text):
            opened, closed = text.rfind("《", 0, m.start()), text.rfind("》", 0, m.start())
            if opened <= closed and not _BASELINE_NEAR_RE.search(text[max(0, m.start() - 8) : m.start()]):
                self.years.append((m.start(), _PLAN_PERIOD_END + 5 * _NUMERALS.index(m.group(1))))
        self.years.sort()
        self.year_positions = [p for p, _ in self.years]
        self.regions = [(m.start, m.name) for m in _region_index().find_mentions(text)] if text else []
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
        return _inside(self.excluded, self.excluded_starts, pos)

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

    def year(self, pos: int, clause: tuple[int, int]) -> int | None:
        return self.text_year(pos, clause) or self.heading_year(pos) or self.meta.year

    def text_year(self, pos: int, clause: tuple[int, int]) -> int | None:
        # a year inside the clause wins; then the last one earlier in the paragraph
        i = bisect.bisect_right(self.year_positions, clause[1]) - 1
        best = None
        while i >= 0 and self.years[i][0] >= clause[0]:
            p, y = self.years[i]
            if best is None or abs(p - pos) < abs(best[0] - pos):
                best = (p, y)
            i -= 1
        if best:
            return best[1]
        if i >= 0:
            p, y = self.years[i]
            if "\n" not in self.text[p:pos]:
                return y
        return None

    def heading_year(self, pos: int) -> int | None:
        """The year in the heading of the innermost item holding pos ("二、2025年工作思路")."""
        best = None
        for start, end, year in self.heading_years:  # in document order: the last one holding pos is innermost
            if start > pos:
                break
            if pos < end:
                best = year
        return best


def _region_index() -> RegionIndex:
    return RegionIndex.load()


def _find_candidates(doc: _Doc) -> list[_Candidate]:
    text = doc.text
    out: list[_Candidate] = []
    numbers = find_numbers(text)
    shared: dict[int, _Unit] = {}  # "30、50微克/立方米": a number of a list takes the unit closing the list
    for k in range(len(numbers) - 2, -1, -1):
        num, nxt = numbers[k], numbers[k + 1]
        if num.chinese or text[num.end : nxt.start] not in _UNIT_LIST_SEPARATORS:
            continue
        found = shared.get(k + 1) or (None if nxt.percent else (_unit_at(text, nxt.end) or (None,))[0])
        if found is not None and found.unit != "none" and not _unit_at(text, num.end):
            shared[k] = found
    for k, num in enumerate(numbers):
        found = (PERCENT, num.end) if num.percent else _unit_at(text, num.end)
        if not found and k in shared:
            found = (shared[k], num.end)
        if not found or found[0].unit == "none":
            continue
        unit, end = found
        if doc.is_excluded(num.start):
            continue
        before = text[max(0, num.start - 3) : num.start]
        if _CODE_BEFORE.search(before) or before.endswith("+") or text[end : end + 1] == "+":
            continue
        if before.endswith(_ORDINAL_BEFORE) or _listed_ordinal(text, num):
            continue
        if text[end : end + 4].lstrip(" 以上下内的").startswith(SCOPE_WORDS):
            continue
        if text[max(0, num.start - 8) : num.start].rstrip(" 为是共有:：").endswith(DENOMINATOR_WORDS):
            continue  # 自然天数365天, 优良天数364天: the base a rate is taken over
        if num.chinese and not num.percent:
            # Chinese numerals count things (四市, 两批); 一 is an article (一批, 一次)
            nxt = numbers[k + 1] if k + 1 < len(numbers) else None
            if unit.unit not in COUNT_UNITS or num.text == "一" or (nxt and nxt.start == end):
                continue
        if unit.unit in COUNT_UNITS and text.startswith(ABSTRACT_NOUNS, end):
            continue  # 两个抓手 / 9个方面重点工作 / 两条底线: ideas counted, not work
        # kept, dropped, so that a change after it ("...0.5吨标准煤/万元,同比下降8%") finds its subject
        out.append(_Candidate(num, num.start, unit, end, dropped=_unknown_ratio(text, end)))
    for m in _MASK_RE.finditer(text):
        found = _unit_at(text, m.end(), allow_space=False)
        if found and found[0].unit != "none" and not doc.is_excluded(m.start()):
            out.append(_Candidate(None, m.start(), found[0], found[1]))
    for m in _LETTER_MASK_RE.finditer(text):
        found = _unit_at(text, m.end(), allow_space=False)
        if (found and found[0].unit != "none" and found[0].surface not in REGION_CLASSIFIERS
                and not doc.is_excluded(m.start())):
            out.append(_Candidate(None, m.start(), found[0], found[1]))
    out.sort(key=lambda c: c.start)
    return out


def _unknown_ratio(text: str, end: int) -> bool:
    """0.53吨标准煤/万元: a unit divided by another quantity is a ratio we have no code for;
    divided by a period (1次/年) it is still a count."""
    return text[end : end + 1] == "/" and not text.startswith(PERIODS, end + 1)


def _listed_ordinal(text: str, num: Number) -> bool:
    """第二、三批 / 十一届五次、六次: a Chinese numeral listed after an ordinal is an ordinal too."""
    if not num.chinese or text[num.start - 1 : num.start] != "、":
        return False
    i = num.start - 1
    while i > 0 and text[i - 1] in "零〇一二两三四五六七八九十百":
        i -= 1
    if i == num.start - 1:  # the previous item is not a Chinese numeral
        return False
    return text[max(0, i - 2) : i].endswith(_ORDINAL_BEFORE)


def _read_comparators(doc: _Doc, c: _Candidate, floor: int) -> None:
    text = doc.text
    for surface, comp in SUFFIX_COMPARATORS:
        pos = c.end + (1 if text[c.end : c.end + 1] == " " else 0)
        if text.startswith(surface, pos):
            c.suffix, c.suffix_text = comp, surface
            c.end = pos + len(surface)
            break
    window_start = max(floor, c.start - 12)
    window = text[window_start : c.start].rstrip(" ")
    best = None
    for m in _PREFIX_RE.finditer(window):  # every start, longest comparator there
        surface = m.group(1)
        comp, max_gap = _PREFIX[surface]
        gap = len(window) - (m.start() + len(surface))
        if gap <= max_gap and (best is None or (gap, -len(surface)) < best[0]):
            best = ((gap, -len(surface)), surface, comp, window_start + m.start())
    if best and best[2] != "none":  # "none": a word that ends like a comparator (行为, 作为)
        comp = best[2]
        gap_text = window[best[3] - window_start + len(best[1]) :]
        if comp in ("gt", "lt") and len(gap_text) > 1 and gap_text.endswith("的"):
            comp = "eq"  # 超过了任务量的22%: the share by which a quantity is exceeded, not a bound on 22%
        c.prefix = (best[1], comp, best[3])
    tail = window[-6:]
    for m in _CHANGE_RE.finditer(tail):
        rest = tail[m.start() + len(m.group(1)) :]
        if len(rest) <= 2 and not rest.startswith(("到", "至")):
            c.is_change = True


def _comparator(c: _Candidate) -> str:
    if c.suffix:
        return c.suffix
    if c.prefix and c.prefix[1] != "eq":
        return c.prefix[1]
    if c.number and c.number.qualifier:
        return QUALIFIER_COMPARATOR.get(c.number.qualifier, "ge")
    if c.inherited:
        return c.inherited
    if c.prefix:
        return c.prefix[1]
    if c.number and c.number.high is not None:
        return RANGE_COMPARATOR
    return "eq"


def _clean_subject(s: str, leading: bool) -> str:
    s = s.strip(" 、,，和及与(（")
    if leading and s.startswith("其中"):
        s = s[2:]
    changed = True
    while changed and s:
        changed = False
        for w in SUBJECT_TRAILING:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)].rstrip(), True
        if leading:
            for w in SUBJECT_LEADING_VERBS:
                if s.startswith(w) and len(s) > len(w):
                    s, changed = s[len(w) :].lstrip(), True
    s = s.strip(" 、,，")
    return "" if leading and s in SUBJECT_LEADING_VERBS else s


def _meaningful(s: str) -> bool:
    return len(re.sub(r"[^\w\u4e00-\u9fff]", "", s)) >= 2


def _subjects(doc: _Doc, cands: list[_Candidate]) -> None:
    """Subject of each measure: the words before its comparator, else between comparator and number, else
    after the number; a bare change ("同比下降6.5%") continues the subject of the measure before it."""
    text = doc.text
    for i, c in enumerate(cands):
        a, b = doc.clause(c.start, c.end)
        prev_end = cands[i - 1].end if i > 0 and cands[i - 1].end > a else a
        next_start = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < b else b
        stop = c.prefix[2] if c.prefix else c.start
        before = _clean_subject(text[prev_end:stop], leading=True)
        gap = _clean_subject(text[stop + len(c.prefix[0]) : c.start], leading=True) if c.prefix else ""
        after = _clean_subject(text[c.end:next_start].lstrip("的"), leading=False)
        if len(before) <= 2 and _meaningful(after):  # a bare verb or place (推动3000家企业开展审核)
            before = ""
        c.subject = next((s for s in (before, gap, after) if _meaningful(_CHANGE_ONLY.sub("", s))), before)
        if not _meaningful(_CHANGE_ONLY.sub("", c.subject)) and i > 0:
            prev = cands[i - 1]
            if doc.sentence_at(prev.start)[0] == doc.sentence_at(c.start)[0]:
                c.subject = prev.subject + c.subject
        if not _meaningful(c.subject) and c.prefix and a > 0 and text[a - 1] in ",，":
            # "优良率全省第一,达100%": the metric is the previous clause's, before its rank
            pa, _ = doc.clause(a - 1, a - 1)
            if i == 0 or cands[i - 1].end <= pa:
                prev_clause = text[pa : a - 1]
                m = _RANK_RE.search(prev_clause) or re.search(r"(?:全国|全省|全市|全区)?第[一二三四五六七八九十\d]", prev_clause)
                c.subject = _clean_subject(prev_clause[: m.start()] if m else prev_clause, leading=True)


def _chains(doc: _Doc, cands: list[_Candidate]) -> None:
    """Numbers joined only by list separators share the head's comparator and split its subject list."""
    text = doc.text
    i = 0
    last: list[_Candidate] = []  # the previous list of two or more numbers
    while i < len(cands):
        chain = [cands[i]]
        while i + len(chain) < len(cands):
            prev, nxt = chain[-1], cands[i + len(chain)]
            gap = text[prev.end : nxt.start].strip(" ")
            if len(gap) == 1 and gap in LIST_SEPARATORS and nxt.unit.unit == prev.unit.unit and not nxt.prefix:
                chain.append(nxt)
            else:
                break
        if len(chain) > 1:
            head = chain[0]
            for c in chain[1:]:
                c.inherited = head.prefix[1] if head.prefix else None
                c.is_change = c.is_change or head.is_change
            parts = [p for p in re.split(r"[、和及与]", head.subject) if p]
            change = head.subject.replace("分别", "")
            if (len(last) == len(chain) and not _meaningful(_CHANGE_ONLY.sub("", change))
                    and doc.sentence_at(last[0].start)[0] == doc.sentence_at(head.start)[0]):
                # "浓度分别为55、35微克/立方米,同比分别下降6.8%、5.4%": the changes of the subjects listed before
                for c, p in zip(chain, last, strict=True):
                    c.subject = p.subject + change
            elif len(parts) == len(chain):
                tail = _shared_metric(parts)
                for c, p in zip(chain, parts, strict=True):
                    c.subject = p if c is chain[-1] or p.endswith(tail) else p + tail
            else:
                for c in chain[1:]:
                    c.subject = head.subject
            last = chain
        i += len(chain)


# "A、B均为100%" / "A、B分别下降12%以上" (a single value): the value holds for every subject
_SHARED_MARKERS = ("均", "分别")
# a baseline between the marker and the change: 均比2020年下降 / 相比2020年分别下降
_SHARED_BASELINE_RE = re.compile(r"(?:相比|较|比)\s?(?:19|20)\d\d\s?年(?:相比)?(?=(?:均|分别)?$)")


def _split_shared_values(doc: _Doc, cands: list[_Candidate]) -> None:
    """"城市污水处理率、垃圾无害化处理率均为100%": one value stated for every subject of a list."""
    text = doc.text
    for i, c in enumerate(cands):
        a, _ = doc.clause(c.start, c.end)
        stop = c.prefix[2] if c.prefix else c.start
        head = text[a:stop].rstrip(" ")
        for w in CHANGE_WORDS:  # PM10、PM2.5浓度均下降5%
            if head.endswith(w):
                head = head[: -len(w)]
                break
        head = _SHARED_BASELINE_RE.sub("", head)  # 均比2020年下降 / 分别相比2020年下降
        if not head.endswith(_SHARED_MARKERS):
            continue
        if i > 0 and cands[i - 1].end > a:
            continue  # another number in the clause: 均 refers to it ("分别为…,均达到")
        if head.endswith("分别") and i + 1 < len(cands) and cands[i + 1].start < doc.clause(c.start, c.end)[1]:
            continue  # 分别下降6.8%、5.4%: one value per subject, listed
        marker = next(m for m in _SHARED_MARKERS if head.endswith(m))
        cut = c.subject.rfind(marker)  # the marker only, not the 均 of 年均浓度
        subject = c.subject[:cut] + c.subject[cut + len(marker) :] if cut >= 0 else c.subject
        parts = [p for p in re.split(r"[、和及与]", subject) if p]
        if len(parts) >= 2 and all(_meaningful(p) for p in parts):
            c.shared_by = tuple(_with_metric(parts, k) for k in range(len(parts)))


def _with_metric(parts: list[str], k: int) -> str:
    """A listed subject without a metric of its own takes the metric of the next one that has one:
    县城、农村饮用水源地水质达标率 -> 县城饮用水源地水质达标率."""
    if parts[k].endswith(RATIO_ENDINGS) or k == len(parts) - 1:
        return parts[k]
    following = next((p for p in parts[k + 1 :] if p.endswith(RATIO_ENDINGS)), parts[-1])
    metric_at = min((i for w in METRIC_WORDS for i in [following.find(w, 1)] if i > 0), default=0)
    if metric_at and metric_at <= len(parts[k]) + 2:  # 氮氧化物和挥发性有机物排放总量: names of like length
        return parts[k] + following[metric_at:]
    if len(parts[k]) <= 4 and len(following) > len(parts[k]) + 2:
        return parts[k] + following[len(parts[k]) :]  # 县城和乡镇饮用水源地达标率: a place word like the next one's
    tail = _shared_metric([parts[k], following])
    return parts[k] if parts[k].endswith(tail) else parts[k] + tail


def _shared_metric(parts: list[str]) -> str:
    """The metric the last subject of a list shares with the others: 国考、省考、市考断面优Ⅲ比例 -> 断面优Ⅲ比例."""
    last = parts[-1]
    starts = [i for w in METRIC_WORDS for i in [last.find(w, 1)] if i > 0]
    if starts:
        return last[min(starts) :]
    cut = min(len(p) for p in parts[:-1])
    return last[cut:] if len(last) > cut else ""


def _share_suffixes(doc: _Doc, cands: list[_Candidate]) -> None:
    """'新增A 20个、B 300个以上': a closing 以上 holds for every item of the list."""
    for i in range(len(cands) - 2, -1, -1):
        c, n = cands[i], cands[i + 1]
        between = doc.text[c.end : n.start]
        if (not c.suffix and n.suffix and c.unit.unit == n.unit.unit and between.startswith("、")
                and not any(ch in CLAUSE_BREAKS for ch in between)):
            c.suffix, c.suffix_text = n.suffix, n.suffix_text


def _rate_unit(unit: _Unit, before: str) -> str:
    for word, base, rate in RATE_WORDS:
        if unit.unit == base and word in before:
            return rate
    return unit.unit


def _drop_attributes(doc: _Doc, cands: list[_Candidate]) -> None:
    """A condition on things just counted ("30座运行负荷率超过30%") describes them; it is not a measure."""
    text = doc.text
    for i, c in enumerate(cands):
        if i == 0 or c.unit.unit in COUNT_UNITS:
            continue
        prev = cands[i - 1]
        same_clause = not any(ch in CLAUSE_BREAKS for ch in text[prev.end : c.start])
        strict = c.prefix is not None and c.prefix[1] in ("lt", "gt", "le", "ge")
        if same_clause and prev.unit.unit in COUNT_UNITS and (strict or text[c.end : c.end + 1] == "的"):
            c.dropped = True


def _drop_frames(doc: _Doc, cands: list[_Candidate]) -> None:
    """Numbers that only frame another: the peer group of a rank (在168个重点城市中排名第52位) and the
    starting point of a change (由44.3%提高到45.2%)."""
    text = doc.text
    for i, c in enumerate(cands):
        a, b = doc.clause(c.start, c.end)
        nxt = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < b else b
        if c.unit.unit in COUNT_UNITS and _RANK_RE.search(text[c.end : b][:16]):
            c.dropped = True
        elif _BASELINE_FROM_RE.search(text[a : c.start]) and any(w in text[c.end : nxt][:8] for w in _TO_WORDS):
            c.dropped = True
        elif _BASELINE_LAST_RE.search(text[a : c.start]) and _CHANGE_RE.match(text[c.end : nxt][:4]):
            c.dropped = True
        elif (c.unit.unit in COUNT_UNITS and i + 1 < len(cands) and cands[i + 1].unit.unit in COUNT_UNITS
              and re.fullmatch(r"[\u4e00-\u9fff]{1,4}", text[c.end : cands[i + 1].start])
              and not re.search(r"[和及与或]", text[c.end : cands[i + 1].start])):
            c.dropped = True  # 全省14个城市157个监测点位: the places the next count is found in
        elif c.unit.unit in COUNT_UNITS and _counts_a_list(text, c):
            c.dropped = True  # 两区(A、B): the number of the items listed beside it
        elif (c.unit.unit in COUNT_UNITS and re.search(r"在\S{0,4}$", text[a : c.start])
              and text[c.end : b].endswith("中")):
            c.dropped = True  # 在全国168个重点城市中, …: a peer group or denominator
        elif (c.unit.unit in COUNT_UNITS and i + 1 < len(cands) and cands[i + 1].start < b
              and not cands[i + 1].dropped and cands[i + 1].unit.unit not in COUNT_UNITS
              and any(w in text[c.end : cands[i + 1].start] for w in FRAMED_METRICS)):
            # 纳入考核的3个断面水质优良比例达到100%: the sites over which a rate is taken are no target
            # (in a report "全省210个国考断面优Ⅲ比例92.9%" still tells the size of the network)
            c.frames_rate = True
        elif (c.suffix in ("ge", "le") and c.unit.unit not in COUNT_UNITS | {"percent", "percentage_point"}
              and _CJK_RE.match(text[c.end : c.end + 1]) and not text.startswith(_NOT_A_NOUN, c.end)):
            c.dropped = True  # 20蒸吨以上燃煤锅炉 / 面积100平方米以上餐饮店: a size class of what follows


def _counts_a_list(text: str, c: _Candidate) -> bool:
    """The count equals the number of items listed in brackets after it (两区(A、B)为重点区域): it names
    the list, it measures nothing. (合肥、芜湖两市开展试点 stays: a count of the places doing the work.)"""
    if c.number is None or c.number.value < 2 or c.number.value != int(c.number.value):
        return False
    n = int(c.number.value)
    m = re.match(r"[(（]([^()（）\n]{1,80})[)）]", text[c.end :])
    return bool(m and m.group(1).count("、") == n - 1)


def _drop_headline_repeats(doc: _Doc, cands: list[_Candidate]) -> None:
    """A headline or subheading restating a figure of the body ("山东:5133个监测点位守卫全省声环境",
    "去年优级天数242天" above "…优级天数242天,创下新高") is not a second measure."""
    text = doc.text
    for c in cands:
        if c.number is None or c.dropped:
            continue
        a = text.rfind("\n", 0, c.start) + 1
        b = text.find("\n", c.start)
        b = len(text) if b < 0 else b
        line = text[a:b]
        if len(line) > 60 or any(ch in "。;；,，" for ch in line):
            continue  # a headline is one short line without sentence or clause ends
        if any(o.number and not o.dropped and (o.number.value, o.unit.unit) == (c.number.value, c.unit.unit)
               and not a <= o.start < b for o in cands):
            c.dropped = True


def _kind(doc: _Doc, c: _Candidate, clause: tuple[int, int], sentence_start: int, sentence: Sentence | None,
          year: int | None) -> str:
    """The task a number is named as, a year before the document's, then the section label (工作任务 /
    完成情况, found by loaders/items.py), then markers and the document type."""
    pos = c.start
    head = doc.text[clause[0] : pos]
    named = head.rstrip(" (（为是:：")
    if len(named) < len(head) and named.endswith(TASK_MARKERS):
        return "target"  # 占年度任务(1026台)55.75% (but 超出年度任务37.3% is an outcome)
    if doc.text.startswith("的", c.end) and doc.text.startswith(TASK_MARKERS + ("任务", "目标"), c.end + 1):
        if any(m in doc.text[c.end : clause[1]] for m in DONE_MARKERS):
            return "outcome"  # 降低3.89%的目标任务全面完成
        return "target"  # 下达的淘汰1283台的年度任务
    if _BY_YEAR_RE.search(doc.text[sentence_start:pos]) and not any(
            m in doc.text[clause[0] : clause[1]] for m in OUTCOME_MARKERS):
        return "target"  # "到2020年,黑臭水体控制在10%以内": a goal by a year, even one now past
    if doc.meta.year is not None and year is not None and year < doc.meta.year:
        return "outcome"  # "2022年完成销号的62条": a year before the document's reports what was done
    in_clause = bisect.bisect_left(doc.year_positions, clause[0]) < bisect.bisect_left(doc.year_positions, clause[1])
    if sentence is not None and sentence.section_kind:
        return sentence.section_kind
    if doc.doc_type == "report":  # a plan inside a report: 拟 / 力争 ... earlier in the sentence or in the clause
        scope = doc.text[min(sentence_start, clause[0]) : clause[1]]
        if any(m in scope for m in TARGET_MARKERS):
            return "target"
        # "2024年新建管网100公里" in a report on 2023: a later year, nothing says it is done yet
        later = in_clause and doc.meta.year is not None and year is not None and year > doc.meta.year
        clause_text = doc.text[clause[0] : clause[1]]
        return "target" if later and not any(m in clause_text for m in OUTCOME_MARKERS) else "outcome"
    # a plan recalling what is done: "全省已建成污水处理厂120座" (but "升级已上线的13个应用" is planned work)
    stated = doc.text_year(pos, clause)
    if doc.published_year is not None and stated is not None and stated < doc.published_year:
        return "outcome"  # "2021年,全市优良天数为310天" in a plan published in 2022
    paragraph = doc.text[doc.text.rfind("\n", 0, pos) + 1 : pos]
    sentence_text = doc.text[sentence_start : clause[1] + 24]
    if not any(m in doc.text[sentence_start : clause[1]] for m in TARGET_MARKERS):
        if any(m in paragraph for m in REPORTING_MARKERS):
            return "outcome"  # "据了解,全县优良天数为364天": a source's figures, whatever the document type
        if _RANK_RE.search(sentence_text[: sentence_text.find("。") + 1 or None]):
            return "outcome"  # "优良天数为310天,位居全省第一": a rank is earned, not planned
    i = head.rfind(_DONE)
    return "outcome" if i >= 0 and "的" not in head[i:] else "target"


def _bare_ratio_numbers(doc: _Doc, taken: set[int]) -> list[_Candidate]:
    """'劣V类比例保持为0': a ratio stated without %, right after a comparator, ends its clause."""
    out = []
    for m in re.finditer(r"(?<=[为达到在])(\d+(?:\.\d+)?)(?=[,，;；。\n])", doc.text):
        if m.start() in taken or doc.is_excluded(m.start()):
            continue
        a, _ = doc.clause(m.start(), m.end())
        head = doc.text[a : m.start()]
        if any(head.rstrip("保持为达到在 ").endswith(e) for e in RATIO_ENDINGS):
            num = find_numbers(m.group())[0]
            moved = Number(m.start(), m.end(), num.text, num.value)
            out.append(_Candidate(moved, m.start(), PERCENT, m.end()))
    return out


def _qualifier(c: _Candidate) -> str | None:
    """How the number is hedged as written: 余 / 多, 近 / 约, 左右, 以上 ..."""
    if c.number is not None and c.number.qualifier:
        return c.number.qualifier
    if c.prefix and c.prefix[1] != "eq":
        return c.prefix[0]
    return c.suffix_text


def extract_measures(text: str, items: list[Item], sentences: list[Sentence], metadata: Metadata) -> list[Measure]:
    doc = _Doc(text, items, sentences, metadata)
    cands = _find_candidates(doc)
    cands += _bare_ratio_numbers(doc, {c.start for c in cands})
    cands.sort(key=lambda c: c.start)
    for i, c in enumerate(cands):
        floor = cands[i - 1].end if i > 0 else 0
        _read_comparators(doc, c, floor)
    _subjects(doc, cands)
    _chains(doc, cands)
    _share_suffixes(doc, cands)
    _split_shared_values(doc, cands)
    _drop_attributes(doc, cands)
    _drop_frames(doc, cands)
    _drop_headline_repeats(doc, cands)
    out: list[Measure] = []
    for c in cands:
        if c.dropped:
            continue
        s_start, s_end, sentence = doc.sentence_at(c.start)
        clause = doc.clause(c.start, c.end)
        year = doc.year(c.start, clause)
        kind = _kind(doc, c, clause, s_start, sentence, year)
        if c.frames_rate and kind == "target":
            continue
        comparator = _comparator(c)
        value = None
        if c.number is not None:
            raw = c.number.high if comparator in ("le", "lt") and c.number.high is not None else c.number.value
            value = round(raw * c.unit.factor, 10)
        for subject in c.shared_by or (c.subject,):
            out.append(_measure(c, subject, kind, comparator, value, year, clause, (s_start, s_end, sentence), doc))
    return out


def _measure(c: _Candidate, subject: str, kind: str, comparator: str, value: float | None, year: int | None,
             clause: tuple[int, int], where: tuple[int, int, Sentence | None], doc: _Doc) -> Measure:
    s_start, s_end, sentence = where
    text = doc.text
    return Measure(
        kind=kind,
        subject_zh=subject,
        comparator=comparator,
        value=value,
        unit=_rate_unit(c.unit, text[clause[0] : c.start]),
        value_text=text[c.start : c.end],
        char_start=c.start,
        char_end=c.end,
        sentence_start=s_start,
        sentence_end=s_end,
        item_path=sentence.item_path if sentence and sentence.item_path else doc.item_path(c.start),
        year=year,
        is_masked=c.number is None,
        is_change=c.is_change,
        qualifier=_qualifier(c),
        mentioned_regions=doc.mentioned_regions(s_start, s_end),
    )

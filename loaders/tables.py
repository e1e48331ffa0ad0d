"""Tables of a PDF or Word document: a grid of cells -> canonical text -> one measure per value cell.

A plan states its indicators in a table (指标 | 2020年 | 2025年 | 属性). Flattened, such a table is
one cell a line and its figures lose their year and kind; here each value cell becomes one Measure
whose year and kind come from its column header, whose subject and unit come from its row (and a
单位 column), whose `binding` comes from a 属性 column and whose `period` marks a `[ ]` five-year total.

The table goes into the document's text as one line per row, cells joined by CELL_SEPARATOR; each
measure's char_start/char_end point at its cell there, and page/table_no/row_no/col_no say where
the cell sits in the source. Only the units and comparators dictionaries of the prose extraction
are shared (loaders/data/units.csv, comparators.csv): the rules below are about table layout.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from loaders.numbers import MULTIPLIERS
from loaders.records import Measure

DATA = Path(__file__).parent / "data"
CELL_SEPARATOR = " | "
MAX_HEADER_ROWS = 4

# a cell whose row, unit column and header name no unit: a dimensionless figure (an index, a score)
UNITLESS = "index"


@dataclass
class Table:
    """One table as read: cells[r][c] holds a cell's text at its top-left grid position and None
    where a merged cell covers the position; origin[r][c] is the top-left (r, c) covering it."""

    cells: list[list[str | None]]
    origin: list[list[tuple[int, int]]]
    page: int | None = None  # 1-based page where the table starts (None for Word)
    table_no: int = 0  # 1-based, in document order
    last_page: int | None = None  # page where a table continued over page breaks ends
    period_end: int | None = None  # end year of the plan period its title names (表1 “十三五”主要指标 -> 2020)
    col_edges: list[tuple[float, float]] | None = None  # (x0, x1) of each column on a PDF page
    one_cell_a_line: bool = False  # written one cell a line in a text (loaders/text_tables.py)

    @classmethod
    def from_rows(cls, rows: list[list[str | None]], page: int | None = None) -> Table:
        """A grid where None marks a merged position: covered by the cell to its left in a header
        row or above it elsewhere (what pdfplumber returns when cell boxes are not known)."""
        width = max((len(r) for r in rows), default=0)
        cells = [list(r) + [None] * (width - len(r)) for r in rows]
        origin = [[(r, c) for c in range(width)] for r in range(len(cells))]
        for r, row in enumerate(cells):
            for c, cell in enumerate(row):
                if cell is None:
                    origin[r][c] = origin[r - 1][c] if r > 0 else origin[r][c - 1] if c > 0 else (r, c)
        return cls(cells, origin, page)

    def text(self, r: int, c: int) -> str:
        """The text of the cell covering (r, c), merged cells included."""
        orow, ocol = self.origin[r][c]
        return self.cells[orow][ocol] or ""


@dataclass
class TableBlock:
    """A table placed in the document text: its first line and each cell's offsets in the block."""

    table: Table
    lines: list[str]
    cell_spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # (r, c) -> offsets in the block
    char_start: int = 0  # set when the block is placed in the document text


_CJK = "\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
_SPACE_BY_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


def clean_cell(text: str | None) -> str:
    """Cell text on one line: wrapped lines joined, no space invented next to a Chinese character."""
    if not text:
        return ""
    joined = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return _SPACE_BY_CJK.sub("", joined).replace(CELL_SEPARATOR.strip(), "/")


def printed_cell(text: str | None) -> str:
    """A cell as the document's text prints it (render) and as its measures read it: the same string, so
    that a measure's offsets point at its value as written."""
    return fix_label(clean_cell(text))  # a label as printed (PM2.5, Ⅲ类), where quotes find it


def render(table: Table) -> TableBlock:
    """One line per row, cells joined by CELL_SEPARATOR (a merged cell is written once, at its origin)."""
    block = TableBlock(table, [])
    offset = 0
    for r, row in enumerate(table.cells):
        parts, pos = [], 0
        for c, cell in enumerate(row):
            if c:
                pos += len(CELL_SEPARATOR)
            text = printed_cell(cell)
            if text:
                block.cell_spans[(r, c)] = (offset + pos, offset + pos + len(text))
            parts.append(text)
            pos += len(text)
        line = CELL_SEPARATOR.join(parts)
        block.lines.append(line)
        offset += len(line) + 1
    return block


# --- reading the header ---------------------------------------------------------------------------

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_PLAN_PERIOD = re.compile(r"十([一二三四五六七八九])五")
_NUMERALS = "一二三四五六七八九"
TARGET_WORDS = ("目标", "规划", "预期值", "指标值", "要求", "累计")  # 五年累计: the plan's five-year total
OUTCOME_WORDS = ("现状", "基准", "基期", "基数", "实际", "完成值", "现值", "实现", "情况", "累计完成")  # 2020年情况: what was reached
BASE_WORDS = ("现状", "基准", "基期", "基数")  # the state before the plan period
_ROLE_WORDS = {  # column header words -> the column's role (checked in this order)
    "serial": ("序号", "编号"),
    "binding": ("属性", "性质", "类型"),
    "status": ("完成情况", "情况", "备注", "说明", "责任", "牵头"),
}
_TOTAL_WORD = "累计"  # 五年累计 heads the totals over the plan period
_CATEGORY_WORDS = ("类别", "分类", "领域", "类型", "方面")
_BINDING = {"约束性": "binding", "预期性": "expected", "导向性": "expected", "约束": "binding", "预期": "expected"}
_NO_VALUE = {"", "-", "—", "——", "/", "\\", "–", "无", "…"}


def period_end_in(title: str) -> int | None:
    """End year of the plan period a table title names: 十三五 -> 2020, （2021-2025年） -> 2025."""
    if m := _PLAN_PERIOD.search(title):
        return 2010 + 5 * _NUMERALS.index(m.group(1))
    if m := re.search(r"(?:19|20)\d\d\s*[-—–~至]\s*((?:19|20)\d\d)", title):
        return int(m.group(1))
    return None


_CHANGE_SINCE = re.compile(r"((?:19|20)\d\d)\s*年?\s*(?:比|较)\s*((?:19|20)\d\d)")  # 2020年较2015年


def _header_year(text: str) -> int | None:
    if m := _CHANGE_SINCE.search(text):
        return int(m.group(1))
    years = _YEAR.findall(text)
    if years:
        return int(years[-1])
    if m := _PLAN_PERIOD.search(text):
        return 2010 + 5 * _NUMERALS.index(m.group(1))  # 十一五 ends in 2010, 十四五 in 2025
    return None


# --- reading a value cell -------------------------------------------------------------------------

@dataclass(frozen=True)
class Unit:
    surface: str
    unit: str  # canonical code
    factor: float


def _data(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# the dictionaries the prose extraction uses too (read here, not through its internals)
UNITS = {r["surface"]: Unit(r["surface"], r["unit"], float(r["factor"])) for r in _data("units.csv") if r["unit"] != "none"}
_COMPARATORS = _data("comparators.csv")
_SYMBOL_COMPARATORS = {"≤": "le", "≥": "ge", "<": "lt", ">": "gt", "＜": "lt", "＞": "gt", "≦": "le", "≧": "ge",
                       "<=": "le", ">=": "ge", "~": "approx", "约": "approx"}
_PREFIXES = {**{r["surface"]: r["comparator"] for r in _COMPARATORS if r["position"] == "prefix"}, **_SYMBOL_COMPARATORS}
_SUFFIXES = {r["surface"]: r["comparator"] for r in _COMPARATORS if r["position"] in ("suffix", "qualifier")}


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_VALUE_RE = re.compile(
    rf"[①-⑳]?(?P<pre>{_alternation(_PREFIXES)})?(?P<open>[\[【［〔])?(?P<pre2>{_alternation(_PREFIXES)})?"
    r"(?P<num>[+-]?\d+(?:,\d{3})*(?:\.\d+)?)(?P<mult>万亿|亿|万|千)?(?P<unit>[^\d\]】］〕]{0,12}?(?:(?<=m)[23])?)"
    rf"(?P<close>[\]】］〕])?(?P<post>{_alternation(_SUFFIXES)})?(?P<note>[a-zA-Z*#①-⑳]|\([a-z1-9]\)|[\[［]\d{{1,2}}[\]］]|(?<=[\]】］〕])\d[)）])?"
)


_SUFFIX_FIRST = re.compile(rf"({_alternation(_SUFFIXES)})([+-]?\d+(?:\.\d+)?%?)")
_CELL_NOTE = re.compile(r"(?<=[\d%％])[(（]([^()（）\d]{1,10}|(?=[^()（）]*[\u4e00-\u9fff])[^()（）]{1,16})[)）]$")
_UNIT_NOTE = re.compile(r"(?<=\d)[(（]([^()（）]{1,12})[)）]$")
# a note that counts or dates the figure: 48(以50个省考断面计), 2.9(较2019年)
_COUNTED_NOTE = re.compile(r"(?<=[\d%％\]】])[(（]((?:以|较|共)?[^()（）]{0,10}(?:个|年|计)[^()（）]{0,6})[)）]$")


_SYMBOL_AFTER = re.compile(r"([+-]?\d+(?:\.\d+)?[%％]?)([<>≤≥＜＞])")
# words leading into a cell's figure: the row's change (减排16%, 年增长20%以上) or a level held (稳定保持在70%以上);
# the comparator is the one after the figure, if any
_LEAD_IN = re.compile(r"(?:(?:稳定|持续|基本)?保持在|(?:年均?|每年)?(?:减排|削减|下降|降低|减少|增长|提高|上升|增加))"
                      r"(?=[\d.]+[%％]?(?:及?以上|及?以下|左右)?$)")
_CHANGE_NOTE = re.compile(r"(?<=\d)[(（][+-]\d+(?:\.\d+)?[%％][)）]$")


@dataclass(frozen=True)
class CellValue:
    value: float | None
    comparator: str
    unit_surface: str  # a unit written in the cell itself, e.g. % in 41.5%
    is_total: bool  # written in [ ]: a total over the plan's period
    since: int | None = None  # 较2015年下降24.7: a change since that year


_SINCE_IN_LABEL = re.compile(r"(?:比|较)((?:19|20)\d\d)年")  # a row's base year: PM10浓度比2012年下降
_SINCE = re.compile(r"(?:比|较)((?:19|20)\d\d)年?(?:下降|降低|减少|削减|增长|提高|上升|增加)")


def parse_cell(text: str) -> CellValue | None:
    """A value cell: '≤35', '[10]', '85.2%', '30左右', '49①'; None when it holds no single figure."""
    if re.search(r"\d\s+\d", text):
        return None  # two figures of two merged rows (<1.2 96): never joined into one number
    s = re.sub(r"\s+", "", text).lstrip("↑↓")  # ↓36.7%: the arrow says which way a change went
    since = None
    if m := _SINCE.match(s):
        s, since = s[m.end():], int(m.group(1))
    elif m := _LEAD_IN.match(s):
        s = s[m.end():]
    if m := _CHANGE_NOTE.search(s):
        s = s[: m.start()]  # 47(-18%): the change the figure makes, noted after it
    if m := _SUFFIX_FIRST.fullmatch(s):
        s = m.group(2) + m.group(1)  # 左右96: an OCR layer wrote the word before its number
    elif m := _SYMBOL_AFTER.fullmatch(s):
        s = m.group(2) + m.group(1)  # 1.3<: a comparator symbol printed after its number
    unit_note = None
    if (note := _UNIT_NOTE.search(s)) and _unit_of(note.group(1)) is not None:
        s, unit_note = s[: note.start()], note.group(1)  # 46(ug/m3): the figure's own unit, in brackets
    if (note := _CELL_NOTE.search(s) or _COUNTED_NOTE.search(s)) and _unit_of(note.group(1)) is None:
        s = s[: note.start()]  # 16.7(国控): the scope of the figure, in words after it
        if m := re.fullmatch(r"(?:比|较)((?:19|20)\d\d)年?", note.group(1)):
            since = int(m.group(1))  # 16.66(较2015年)
    m = _VALUE_RE.fullmatch(s)
    if not m:
        return None
    unit = m.group("unit") or unit_note
    if unit and _unit_of(unit) is None:
        return None  # words after the number: not a bare figure
    value = float(m.group("num").replace(",", "")) * MULTIPLIERS.get(m.group("mult") or "", 1)
    pre = m.group("pre") or m.group("pre2")
    comparator = _PREFIXES[pre] if pre else _SUFFIXES[m.group("post")] if m.group("post") else "eq"
    return CellValue(value, comparator, unit, bool(m.group("open") and m.group("close")), since)


def _unit_of(surface: str) -> Unit | None:
    """A unit as written; 万吨 is 吨 times 万."""
    surface = surface.strip()
    if surface in UNITS:
        return UNITS[surface]
    for mult, factor in MULTIPLIERS.items():
        if surface.startswith(mult) and (base := UNITS.get(surface[len(mult):])) is not None:
            return Unit(surface, base.unit, base.factor * factor)
    return None


def _indicator_units() -> list[tuple[str, tuple[str, ...], str, bool]]:
    """(synonym, excluded terms, unit, is a change) of the indicator catalogue, longest synonym first."""
    indicators = {r["indicator"]: r for r in _data("seeds/indicators.csv")}
    rows = [(r["synonym"].lower(), tuple(x.lower() for x in (r["excluded_if"] or "").split("|") if x),
             indicators[r["indicator_code"]]["unit"], indicators[r["indicator_code"]]["is_change"] == "true")
            for r in _data("seeds/indicator_synonyms.csv") if r["synonym"] and r["indicator_code"] in indicators]
    return sorted(rows, key=lambda r: -len(r[0]))


_CHANGE_WORDS = re.compile("下降|降低|减少|削减|增长|提高|上升")


_INDICATOR_UNITS = _indicator_units()


def indicator_unit(label: str) -> Unit | None:
    """The catalogue unit of the indicator a row label names, for a row whose table writes no unit
    (细颗粒物年均浓度 -> 微克/立方米): the longest synonym in the label, as the indicator matcher does."""
    key = label.lower()
    is_change = _CHANGE_WORDS.search(label) is not None  # 浓度下降 is a share, 浓度 a concentration
    found = [(change == is_change, len(syn), unit) for syn, excluded, unit, change in _INDICATOR_UNITS
             if syn in key and not any(x in key for x in excluded)]
    if not found:
        return None
    unit = max(found, key=lambda f: (f[0], f[1]))[2]  # a change indicator only for a change, then longest
    return Unit("", unit, 1.0) if unit else None


_SHARE = re.compile(r"(?:比例|比率|比重|占比|(?<![发频速效])率)$")
_TRAILING_NOTE = re.compile(r"(?:[(（][^()（）]*[)）]|[①-⑳*#△▲※])+$")


def share_unit(label: str) -> Unit | None:
    """Percent for a row naming a share or a rate (城市黑臭水体比例, …达标率) whose table writes no unit and
    whose indicator the catalogue does not know; not a frequency (事故发生率 counts events) nor a speed."""
    return Unit("", "percent", 1.0) if _SHARE.search(_TRAILING_NOTE.sub("", label)) else None


_ROMAN = "ⅠⅡⅢⅣⅤ"
_STRAY_ROMAN = re.compile(rf"([{_ROMAN}]|(?<![A-Za-z])(?:I{{1,3}}|IV|V)(?![A-Za-z]))(?![{_ROMAN}IV]*类)")
_BARE_CLASS = re.compile(rf"(?<![{_ROMAN}IV三四五])类(?=水|比例|断面)")


_LATIN_AROUND = re.compile(r"[A-Za-z]")
_CLASS_AFTER = re.compile(rf"(?<![{_ROMAN}])类([{_ROMAN}])(?!类)")
_PM_BARE = re.compile(r"PM(?![\d.])\s*")
_PM_SIZE = re.compile(r"\s*(?<![\d.])(2\.5|10)(?![\d.])\s*")
_BARE_CUBE = re.compile(r"/\s*m\s*(?=[)）]|$)")  # ug/m ) whose superscript 3 went elsewhere
_LONE_3 = re.compile(r"\s*(?<![\d./])3(?![\d.])\s*")
_BARE_OXIDE = re.compile(r"(?<=(?<![A-Za-z])[SNC]O)(?![\dA-Za-z₂])")  # SO排放总量 whose subscript 2 went elsewhere
_LONE_2 = re.compile(r"\s*(?<![\d.])2(?![\d.])\s*")
_BARE_SINCE = re.compile(r"较年")  # 较年下降 whose year went elsewhere (较2015年)
_LONE_YEAR = re.compile(r"\s*(?<!\d)((?:19|20)\d\d)(?![\d年])\s*")


def _move_back(label: str, slot: re.Pattern, piece: re.Pattern, build) -> str:
    """The one piece the OCR layer moved (a subscript, a superscript, a year) put back into its slot."""
    if (at := slot.search(label)) is None:
        return label
    pieces = [m for m in piece.finditer(label) if not at.start() <= m.start() < at.end()]
    if len(pieces) != 1:
        return label
    m = pieces[0]
    rest = label[: m.start()] + label[m.end():]
    at = slot.search(rest)
    return rest[: at.start()] + build(m.group(1) if m.groups() else m.group(0).strip()) + rest[at.end():] if at else label


def fix_label(label: str) -> str:
    """A row label whose OCR layer moved a character away from where it is printed: the water class
    (好于类水体比例Ⅲ, 好于类Ⅲ水体 -> 好于Ⅲ类水体), the subscript of PM (PM年均浓度 2.5 -> PM2.5年均浓度), the
    superscript of m3 (浓度3 (ug/m ) -> 浓度(ug/m3)), the subscript of SO2 (SO排放总量削减比例2), the year of a change (较年下降比例2015 -> 较2015年下降比例)."""
    label = re.sub(r"\s*[①-⑳]\s*", "", label) if re.search(r"[^\s①-⑳]", label) else label  # a raised footnote mark
    label = _unit_into_brackets(label)
    label = _move_back(label, _PM_BARE, _PM_SIZE, lambda size: "PM" + size)
    label = _move_back(label, _BARE_CUBE, _LONE_3, lambda _: "/m3")
    label = _move_back(label, _BARE_OXIDE, _LONE_2, lambda _: "2")
    label = _move_back(label, _BARE_SINCE, _LONE_YEAR, lambda year: f"较{year}年")
    label = _CLASS_AFTER.sub(r"\1类", label)
    bare = _BARE_CLASS.search(label)
    stray = [m for m in _STRAY_ROMAN.finditer(label) if not bare or m.start() > bare.start()]
    if bare is None or len(stray) != 1:
        return label
    m = stray[0]
    if not re.search(rf"[{_ROMAN}]", m.group(1)) and _LATIN_AROUND.search(label[max(m.start() - 1, 0): m.end() + 1]
                                                                    .replace(m.group(1), "", 1)):
        return label  # the V of VOCs, not a class numeral written in Latin letters
    label = label[: m.start()] + label[m.end():]
    return label[: bare.start()] + m.group(1) + label[bare.start():]


_PAREN_UNIT = re.compile(r"[(（]([^()（）]{1,16})[)）]")


_EMPTY_BRACKETS = re.compile(r"[(（]\s*[)）]")


def _unit_in(text: str):
    """The unit written in brackets in a label or header: 森林覆盖率（%） -> (unit, text without it); or,
    where the text layer moved it out of its brackets, just before them: 减排量 万吨( ) -> 万吨."""
    for m in reversed(list(_PAREN_UNIT.finditer(text))):
        if (u := _unit_of(m.group(1))) is not None:
            return u, (text[: m.start()] + text[m.end():]).strip()
    return None, text


def _unit_into_brackets(label: str) -> str:
    """A unit the text layer moved out of its brackets goes back in: 减排量 万吨( ) -> 减排量(万吨)."""
    m = _EMPTY_BRACKETS.search(label)
    if m is None:
        return label
    before = label[: m.start()].rstrip()
    for n in range(min(8, len(before)), 0, -1):
        if (n > 1 or before[-1].isascii()) and _unit_of(before[-n:]) is not None:  # 例 ends 比例: no unit
            return f"{before[:-n].rstrip()}({before[-n:].strip()}){label[m.end():]}"
    return label


def is_value_cell(text: str) -> bool:
    cv = parse_cell(text)
    bare = _CELL_NOTE.sub("", re.sub(r"\s|年", "", text))  # 2020(现状值) heads a column
    return cv is not None and not (cv.comparator == "eq" and _YEAR.fullmatch(bare))


# --- the table -> measures -------------------------------------------------------------------------


def header_rows(table: Table) -> int:
    """Leading rows without a value cell (a 2020年 cell is a header, not a value); empty rows and the
    lines of a header cell split into rows do not count towards MAX_HEADER_ROWS."""
    n_text = 0
    for r, row in enumerate(table.cells):
        if any(cell and (is_value_cell(cell) or clean_cell(cell) in _BINDING) for cell in row):
            return r  # a figure, or a 约束性 in a row of words (完成省下达指标): the body starts here
        n_text += sum(1 for cell in row if cell) > 1
        if n_text > MAX_HEADER_ROWS:
            return 0
    return 0


_SERIAL_CELL = re.compile(r"\d{1,2}")


def _serial_column(table: Table, n_header: int) -> int | None:
    """The column numbering the rows (序号, or three or more small integers and nothing else)."""
    for c in range(min(3, len(table.cells[0]) if table.cells else 0)):
        body = [clean_cell(row[c]) for row in table.cells[n_header:] if row[c] and clean_cell(row[c])]
        header = "".join(clean_cell(table.text(r, c)) for r in range(n_header))
        if len(body) >= 3 and all(_SERIAL_CELL.fullmatch(t) for t in body) and (
                any(w in header for w in _ROLE_WORDS["serial"]) or not header):
            return c
    return None


_OF_WHICH = re.compile(r"\n(?=其中)")


def split_of_which(table: Table) -> Table:
    """A label cell merged over two rows that holds both their labels, the second a part of the first
    (…断面比例 / 其中：国控断面比例), each row with figures of its own: the 其中 line labels the second row."""
    for r in range(len(table.cells) - 1):
        for c, cell in enumerate(table.cells[r]):
            parts = _OF_WHICH.split(cell or "")
            if len(parts) != 2 or table.cells[r + 1][c] is not None or table.origin[r + 1][c] != (r, c):
                continue
            if not any(table.origin[r + 1][k] == (r + 1, k) and is_value_cell(clean_cell(table.cells[r + 1][k]))
                       for k in range(c + 1, len(table.cells[r]))):
                continue
            table.cells[r][c], table.cells[r + 1][c] = parts
            for k in range(len(table.cells[r])):
                if table.origin[r + 1][k] == (r, c):
                    table.origin[r + 1][k] = (r + 1, c)
    return table


def merge_split_rows(table: Table) -> Table:
    """A grid whose every printed line became a row of its own (each column ruled at its own heights):
    a label wrapped over three lines around a row's serial and values, 基本消 / 除 over two. A row
    holding only words (no serial, no figure, no 约束性, no 一 for 'none') is a fragment of the numbered
    row next to it: each of its cells joins the nearest such row whose own cell there is empty."""
    n_header = header_rows(table)
    serial = _serial_column(table, n_header) if n_header else None
    if serial is None:
        return table

    def text(r: int, c: int) -> str:
        return clean_cell(table.cells[r][c])

    def is_anchor(r: int) -> bool:
        cells = [text(r, c) for c in range(len(table.cells[r]))]
        return bool(cells[serial]) or any(t in _NO_VALUE - {""} or t in _BINDING or is_value_cell(t) for t in cells if t)

    # the first label line may sit above the first numbered row, where header_rows still sees a header
    labels = {c for c, col in enumerate(_columns(table, n_header, None)) if col.role in ("label", "category") and c != serial}
    first = next((r for r in range(n_header, len(table.cells)) if is_anchor(r)), len(table.cells))
    first = next((r for r in range(n_header - 1, -1, -1) if is_anchor(r)), first) if first == n_header else first
    n_header = 1 + max((r for r in range(min(n_header, first)) if any(text(r, c) for c in range(len(table.cells[r])) if c not in labels)), default=-1)
    body = range(n_header, len(table.cells))
    anchors = [r for r in body if is_anchor(r)]
    fragments = [r for r in body if r not in anchors]  # empty rows go too
    if not anchors or not any(text(r, c) for r in fragments for c in range(len(table.cells[r]))):
        return table
    joined: dict[tuple[int, int], list[tuple[int, str]]] = {}
    home: dict[int, int] = {}  # fragment row -> the row that took most of its words
    def is_open(a: int, c: int) -> bool:  # empty, or covered by a cell of its own column (not one to its left)
        return not text(a, c) and table.origin[a][c][1] == c

    unplaced = set()
    for r in fragments:
        above = max((a for a in anchors if a < r), default=None)
        below = min((a for a in anchors if a > r), default=None)
        targets = {}
        for c in range(len(table.cells[r])):
            if text(r, c):
                open_rows = [a for a in (above, below) if a is not None and is_open(a, c)]
                if not open_rows:  # the neighbours have their own text there: a row of its own (a sub-row)
                    unplaced.add(r)
                    break
                targets[c] = min(open_rows, key=lambda a: (abs(a - r), a > r))
        if r in unplaced:
            continue
        for c, target in targets.items():
            joined.setdefault((target, c), []).append((r, table.cells[r][c] or ""))
            home.setdefault(r, target)
    fragments = [r for r in fragments if r not in unplaced]
    keep = [r for r in range(len(table.cells)) if r not in fragments]
    new_index = {r: i for i, r in enumerate(keep)}
    for r in fragments:  # a fragment's merged cells point at the row that took it (or the row above)
        new_index[r] = new_index.get(home.get(r, -1), new_index[max((k for k in keep if k < r), default=keep[0])])
    cells: list[list[str | None]] = []
    origin = [[(new_index[orow], ocol) for orow, ocol in table.origin[r]] for r in keep]
    for i, r in enumerate(keep):
        row = list(table.cells[r])
        for c in range(len(row)):
            if parts := sorted(joined.get((r, c), []) + ([(r, row[c])] if row[c] else [])):
                row[c] = "\n".join(t for _, t in parts)
                origin[i][c] = (i, c)
        cells.append(row)
    return Table(cells, origin, table.page, table.table_no, table.last_page, table.period_end, table.col_edges)


@dataclass
class _Column:
    header: str
    role: str  # value | label | unit | binding | serial | status | category
    year: int | None = None
    kind: str | None = None
    since: int | None = None  # 2020年较2015年: each cell is a change since that year


def _columns(table: Table, n_header: int, doc_year: int | None) -> list[_Column]:
    width = len(table.cells[0]) if table.cells else 0
    body = table.cells[n_header:]
    cols = []
    for c in range(width):
        parts: list[str] = []
        for r in range(n_header):
            t = clean_cell(table.text(r, c))
            if t and (not parts or parts[-1] != t):
                parts.append(t)
        header = "".join(parts)
        values = [clean_cell(row[c]) for row in body if row[c]]
        n_values = sum(is_value_cell(v) for v in values)
        n_binding = sum(v in _BINDING for v in values)
        role = next((role for role, words in _ROLE_WORDS.items() if any(w in header for w in words)), None)
        if role == "status" and _header_year(header) and n_values and n_values >= len(values) / 2:
            role = None  # 2020年情况 holds the figures reached that year; 完成情况 alone holds words
        if role == "binding" and not n_binding and "属性" not in header:
            role = None  # 类型 heads a category column unless its cells are 约束性/预期性
        if role == "status" and n_values and _header_year(header) and "完成情况" not in header:
            role = None  # 2020年情况: what that year reached, in figures
        if role is None:
            if n_binding and n_binding >= len(values) / 2:
                role = "binding"
            elif header.strip() == "单位" or ("单位" in header and not any(w in header for w in ("指标", "名称"))):
                role = "unit"
            elif (n_values and (_header_year(header) or any(w in header for w in TARGET_WORDS + OUTCOME_WORDS))) or _TOTAL_WORD in header:
                role = "value"
            elif any(w in header for w in _CATEGORY_WORDS):
                role = "category"
            else:
                role = "label"
        since = int(m.group(2)) if (m := _CHANGE_SINCE.search(header)) else None
        cols.append(_Column(header, role, _header_year(header), since=since))
    _find_group_column(table, n_header, cols)
    years = [col.year for col in cols if col.role == "value" and col.year]
    # a plan's yearly goals: a series of years reaching the plan's year in a table whose rows are 约束性/预期性
    is_plan_series = any(col.role == "binding" for col in cols) and bool(years) and doc_year is not None and max(years) >= doc_year
    for col in cols:
        if col.role != "value":
            continue
        if _TOTAL_WORD in col.header and "完成" not in col.header and not _header_year(col.header):
            # 五年累计: a total over the plan's five years, ending with its last year
            header_years = [y for other in cols if (y := _header_year(other.header))]
            col.kind, col.year = "target", max(header_years, default=None) or table.period_end or doc_year
            col.since = col.year - 5 if col.year else None
        elif any(w in col.header for w in OUTCOME_WORDS):
            col.kind = "outcome"
        elif any(w in col.header for w in TARGET_WORDS):
            col.kind = "target"
        elif col.year is not None and _is_series(years) and is_plan_series:
            col.kind = "outcome" if col.year == min(years) else "target"  # 2020年 | 2021年 | … | 2025年 with 属性
        elif col.year is not None and _is_series(years):
            col.kind = "outcome"  # 2015年 | 2016年 | … | 2020年: a series of what was reached
        elif (col.year is not None and table.one_cell_a_line and doc_year is not None and max(years) <= doc_year
              and sorted(years) == list(range(min(years), max(years) + 1))):
            col.kind = "outcome"  # a text's table of 2023年 | 2024年 in a 2024 bulletin: the years reached
        elif col.year is not None and min(years) < max(years):
            col.kind = "outcome" if col.year == min(years) else "target"  # 2020年 | (2023年 |) 2025年: base, goals
        elif col.year is not None:
            col.kind = "outcome" if doc_year and col.year < doc_year else "target"
        if col.year is None and col.kind is not None and table.period_end:
            # 基准值 | 目标值 | 完成值 under a title naming the period: its first year's base, then its end
            col.year = table.period_end - 5 if any(w in col.header for w in BASE_WORDS) else table.period_end
        if col.year is None and col.kind == "target" and doc_year:
            col.year = doc_year  # 目标值 without a year: the year the plan is about
        if col.kind is None or col.year is None:
            col.role = "label" if not years else "status"  # a value column we cannot date: no measure
    return cols


def _find_group_column(table: Table, n_header: int, cols: list[_Column]) -> None:
    """The first of several label columns is a category when its cells are merged down over the rows
    of a group (环境质量 for rows 1 to 11) while the next label column names each row: it does not
    belong in each row's subject."""
    labels = [c for c, col in enumerate(cols) if col.role == "label"]
    if len(labels) < 2:
        return
    first, rest = labels[0], labels[1:]
    rows = [r for r in range(n_header, len(table.cells))
            if any(clean_cell(table.cells[r][c]) and not is_value_cell(clean_cell(table.cells[r][c])) for c in rest)]
    own = [r for r in rows if table.cells[r][first] is not None and clean_cell(table.cells[r][first])]
    covered = [r for r in rows if table.cells[r][first] is None and table.origin[r][first][1] == first]
    names_a_quantity = any(_unit_in(clean_cell(table.cells[r][first]))[0] is not None for r in own)  # 减排量(万吨)
    if len(rows) >= 4 and len(own) <= len(rows) / 2 and len(covered) >= len(rows) / 3 and not names_a_quantity:
        cols[first].role = "category"


def _is_series(years: list[int]) -> bool:
    """Three or more consecutive years: a table of what each year reached."""
    distinct = sorted(set(years))
    return len(distinct) >= 3 and distinct[-1] - distinct[0] == len(distinct) - 1


# the number a row label opens with (9., (11), 三、): an item of the table's list, no part of the subject (not 2.5)
_ROW_NUMBER = re.compile(r"^(?:\d{1,2}[.．、](?![\d%])|[(（][\d一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,3}、)\s*")


def table_measures(block: TableBlock, doc_year: int | None) -> list[Measure]:
    """One Measure per value cell of the table (a cell of words in a value column -> a null value)."""
    table = block.table
    if len(table.cells) < 2:
        return []
    n_header = header_rows(table)
    cols = _columns(table, n_header, doc_year)
    if not any(col.role == "value" for col in cols):
        return []
    first_value = next(c for c, col in enumerate(cols) if col.role == "value")
    dated = sorted({col.year for col in cols if col.role == "value" and col.year})
    five_years = table.period_end is not None or (len(dated) == 2 and dated[1] - dated[0] == 5)
    last_year = table.period_end or (dated[-1] if dated else None)
    out: list[Measure] = []
    for r in range(n_header, len(table.cells)):
        labels: list[str] = []
        for c, col in enumerate(cols[:first_value]):
            t = clean_cell(table.text(r, c))
            t = _ROW_NUMBER.sub("", t) or t  # 9.氮氧化物排放总量减少: the row's number (a label that is only a number stays)
            if col.role == "label" and t and t not in labels and not is_value_cell(t):
                labels.append(t)
        if not labels:
            continue
        if not _METRIC.search(labels[-1]) and (group := _metric_group(table, cols[:first_value], r)) and group not in labels:
            labels.insert(len(labels) - 1, group)  # 黑臭水体消除比例 merged over 城市建成区 / 县级城市建成区
        subject = fix_label(compose_label(labels))
        unit, subject = _unit_in(subject)
        for c, col in enumerate(cols):
            if col.role == "unit" and (u := _unit_of(clean_cell(table.text(r, c)))) is not None:
                unit = u
        header_unit, _ = _unit_in(" ".join(col.header for col in cols if col.role in ("label", "unit")))
        group = "".join(clean_cell(table.text(r, c)) for c, col in enumerate(cols[:first_value]) if col.role == "category")
        is_reduction = _REDUCTION.search(subject + group) is not None
        label_since = int(m.group(1)) if (m := _SINCE_IN_LABEL.search(subject)) else None
        row_totals = any(cv.is_total for c, col in enumerate(cols) if col.role == "value"
                         and (cv := parse_cell(clean_cell(table.text(r, c)))) is not None)
        # 减排16% in a value cell: the row is a reduction's whatever its label (主要大 | 二氧化硫, the rest of the
        # label 气污染物减排比例 printed on the next row)
        cells_cut = next((m.group(0) for c, col in enumerate(cols) if col.role == "value"
                          and (m := _REDUCTION.match(clean_cell(table.text(r, c))))), "")
        binding = next((_BINDING[t] for c, col in enumerate(cols) if col.role == "binding"
                        and (t := clean_cell(table.text(r, c))) in _BINDING), None)
        for c, col in enumerate(cols):
            if col.role != "value" or (cell := _value_origin(table, r, c, n_header)) is None or cell not in block.cell_spans:
                continue
            text = printed_cell(table.cells[cell[0]][cell[1]])  # as render wrote it: the offsets point at it
            if text in _NO_VALUE or re.fullmatch(r"[-—–/\\_…]+\*?", text):
                continue
            start, end = block.cell_spans[cell]
            row_start = sum(len(line) + 1 for line in block.lines[:r])
            col_unit, _ = _unit_in(col.header)
            for offset, piece, piece_subject, total in _pieces(text, subject):
                cv = parse_cell(piece)
                if cv is None and re.search(r"\d", piece) and len(piece) > 20:
                    continue  # a sentence in a value cell: the prose extraction reads it
                if cv is not None and total:
                    cv = CellValue(cv.value, cv.comparator, cv.unit_surface, True, cv.since)
                cell_unit = _unit_of(cv.unit_surface) if cv and cv.unit_surface else None
                is_level = piece_subject != subject and piece_subject == level_of(subject)  # the row's unit is the reduction's
                u = (cell_unit or indicator_unit(piece_subject) if is_level
                     else cell_unit or unit or col_unit or header_unit or indicator_unit(piece_subject)
                     or share_unit(piece_subject))
                value = None
                if cv is not None:
                    value = cv.value * u.factor if u is not None else cv.value
                    if value < 0 and is_reduction and not is_level:
                        value = -value  # -10.5% under 减排: the reduction's size, its sign only repeating the verb
                out.append(Measure(
                    kind=col.kind or "target", subject_zh=piece_subject, comparator=cv.comparator if cv else "eq",
                    value=value, unit=u.unit if u is not None else UNITLESS, value_text=piece,
                    char_start=block.char_start + start + offset, char_end=block.char_start + start + offset + len(piece),
                    sentence_start=block.char_start + row_start, sentence_end=block.char_start + row_start + len(block.lines[r]),
                    item_path="", year=col.year, qualifier="左右" if cv and cv.comparator == "approx" else None,
                    period=_period(cv, col, label_since) or (_plan_period(cv, piece_subject if is_level else subject + group + cells_cut, col.year, last_year, u,
                                                             row_unit=unit, row_totals=row_totals)
                                                if five_years else None),
                    binding=binding, page=table.page, table_no=table.table_no, row_no=r + 1, col_no=c + 1,
                    is_masked=cv is None and _MASKED_CELL.fullmatch(piece) is not None,
                ))
    return out


_MASKED_CELL = re.compile(r"[<>≤≥＜＞]?\*+(?:\.\*+)?%?")  # a masked figure (*; OCR's unread figure, loaders/ocr.py)


def _metric_group(table: Table, cols: list[_Column], r: int) -> str | None:
    """The metric a category cell names for the rows it spans (黑臭水体消除比例 over the sub-areas 城市建成区 and
    县级城市建成区): the nearest category cell left of the labels that names a metric, else None."""
    for c in reversed(range(len(cols))):
        if cols[c].role == "category" and (t := clean_cell(table.text(r, c))):
            return t if _METRIC.search(t) else None
    return None


_REDUCTION = re.compile("减排|削减|下降|降低|减少")
_RATE_OR_SHARE = re.compile("率|比例|比重|占比|指数")


def _plan_period(cv: CellValue | None, subject: str, year: int | None, last_year: int | None, unit: Unit | None,
                 row_unit: Unit | None = None, row_totals: bool = False) -> str | None:
    """The five years a reduction in a plan's table covers (the table names it, so `cumulative`): in the
    last year's column the plan's own, for a figure or, on an emission total's row (排放量减少, 氮氧化物减少),
    for the words standing for one (完成省下达指标: the five-year quota); in the base year's column (2020 under a 十四五
    table) a rate of reduction is the previous plan's (下降 8.26%), and so is an amount of reduction (减排量) of a row
    whose target is not marked [ ] as the five-year one (where it is, the base year's plain amount is that year's own).
    A share on the row of an emission amount (氮氧化物排放量 | 万吨 | … | 9.17%) is a cut, not the amount."""
    if year is None or last_year is None or cv is not None and cv.since is not None:
        return None  # a figure naming its own baseline (2.9(较2019年)) is dated by it (_period)
    # PM2.5年均浓度 | % | 22 | 37: a concentration named on a row in percent, no rate or share of it, is its cut, as a
    # 下降 row's (the subject here holds the row's group after its label: PM2.5年均浓度大气环境)
    concentration_cut = ("浓度" in subject and _RATE_OR_SHARE.search(subject) is None
                         and unit is not None and unit.unit == "percent")
    if (_REDUCTION.search(subject) is None and not ("重点工程" in subject and _EMISSION_TOTAL.search(subject))
            and not concentration_cut):
        # (主要污染物重点工程 | 氨氮, its 减排量 printed on another row: the key projects' reduction all the same)
        is_cut = (cv is not None and year == last_year and unit is not None and unit.unit == "percent"
                  and row_unit is not None and row_unit.unit == "t" and _EMISSION_TOTAL.search(subject) is not None)
        return f"{year - 4}-{year}" if is_cut else None
    if year == last_year and (cv is not None or (_EMISSION_TOTAL.search(subject) and "浓度" not in subject)):
        return f"{year - 4}-{year}"
    if cv is not None and year == last_year - 5 and unit is not None and unit.unit == "percent":
        return f"{year - 4}-{year}"
    if cv is not None and year == last_year - 5 and _REDUCTION_AMOUNT.search(subject) and not row_totals:
        return f"{year - 4}-{year}"
    return None


_REDUCTION_AMOUNT = re.compile("减排量|削减量")  # a reduction tallied over a plan's projects, not a year's level


# an emission total, named as such or by the pollutants whose totals plans cap (氮氧化物减少, 主要污染物…下降);
# not a concentration (PM2.5浓度下降) nor an intensity (单位GDP二氧化碳排放降低)
_EMISSION_TOTAL = re.compile("排放总量|排放量|减排量|主要污染物|二氧化硫|氮氧化物|挥发性有机物|VOCs|化学需氧量|氨氮|总氮|总磷")


def _period(cv: CellValue | None, col: _Column, label_since: int | None = None) -> str | None:
    """The years a figure covers: a [ ] total the plan's five, a change since a year from the next one
    (since the year before: none, the figure is annual). The year is the cell's, the column's, else the row
    label's (PM10浓度比2012年下降: each column's change is since 2012) when the column comes after it."""
    if cv is None or col.year is None:
        return None
    since = cv.since or col.since or (label_since if label_since is not None and label_since < col.year else None)
    if since is not None and since == col.year - 1:
        return None  # 2.9(较2019年) in a 2020 column: that year's own change, an annual figure
    if since is not None and since < col.year:
        return f"{since + 1}-{col.year}"
    return f"{col.year - 4}-{col.year}" if cv.is_total else None


def _value_origin(table: Table, r: int, c: int, n_header: int) -> tuple[int, int] | None:
    """The cell giving row r its value in column c: its own, or a value cell merged down over several
    rows (完成省下达指标 printed once for rows 6 to 9) when row r has a label of its own."""
    if table.cells[r][c] is not None:
        return (r, c)
    orow, ocol = table.origin[r][c]
    if ocol != c or not n_header <= orow < r:
        return None
    label_origins = {table.origin[r][lc] for lc in range(c) if table.cells[r][lc] is not None and clean_cell(table.cells[r][lc])}
    return (orow, c) if label_origins else None


_BRACKETED = re.compile(r"[\[［【](.+)[\]］】]")
# one figure per name in a cell: 氮氧化物 1.28 挥发性有机物0.83 under 主要污染物重点工程减排量(万吨)
_FIGURE_WITH_PARTS = re.compile(r"([^()（）]+?)\s*[(（]((?:[\u4e00-\u9fff]{2,8}\s*\d+(?:\.\d+)?%?[、,，;；]?\s*){2,})[)）]")
_OF_WHICH_FIGURE = re.compile(r"([≥≤<>]?\d+(?:\.\d+)?%?)\s*[,，;；]\s*其中([\u4e00-\u9fff]{2,8}?)"
                              r"(?:(?:19|20)\d\d年)?(?:目标值?)?(?:为|是)?\s*([≥≤<>]?\d+(?:\.\d+)?%?)")
# a cell restating its row's rate before the figure (城市(含县城)污水处理率82%), maybe with a clause of no
# figure after it (综合利用率85%且无危险废物排放；): the clause qualifies, the figure stays the rate's
_RESTATED_FIGURE = re.compile(r"([^\d]{2,20}?(?:率|比例))\s*([≥≤<>]?\d+(?:\.\d+)?[%％])(?:\s*[且并,，;；][^\d]*)?")
_RATE_LIST = re.compile(r"\s*([^\d,，;；:：]{2,20}?(?:率|比例))\s*([≥≤<>]?\d+(?:\.\d+)?[%％])\s*[,，;；]?")
_NAME_GROUP = re.compile(r"\s*([\u4e00-\u9fff]{2,8})[:：]\s*((?:[≥≤<>]?\s?\d+(?:\.\d+)?[%％]?[;；,，]?\s*)+)")
_GROUP_FIGURE = re.compile(r"[≥≤<>]?\s?\d+(?:\.\d+)?[%％]?")


def _named_rates(text: str) -> list[tuple[int, str, str, bool]]:
    """近岸海域功能达标率71.4%,湄洲湾水域功能达标率100%: two rates, each named in the cell: one measure each."""
    found = list(_RATE_LIST.finditer(text))
    if len(found) < 2 or "".join(m.group(0) for m in found) != text:
        return []
    return [(m.start(2), m.group(2), m.group(1), False) for m in found]


def _named_groups(text: str, label: str) -> list[tuple[int, str, str, bool]]:
    """木兰溪:100%;83.3% 萩芦溪:100%;100% under 重点流域(木兰溪、萩芦溪)功能达标率和Ⅰ-Ⅲ类水质比例: per name the
    figures of the label's metrics (joined by 和) in order; each measure's subject is its metric (name)."""
    found = list(_NAME_GROUP.finditer(text))
    if not found or "".join(m.group(0) for m in found) != text or not all(m.group(1) in label for m in found):
        return []
    head = re.sub(r"[(（][^()（）]*[)）]", "", label)  # the names listed in brackets go to each subject
    metrics = head.split("和")
    out = []
    for m in found:
        figures = list(_GROUP_FIGURE.finditer(m.group(2)))
        if len(figures) not in (1, len(metrics)):
            return []
        for i, f in enumerate(figures):
            metric = head if len(figures) == 1 else metrics[i]
            out.append((m.start(2) + f.start(), f.group(0), f"{metric}({m.group(1)})", False))
    return out
_SCOPE_NAME = 4  # characters of a name before a cell's only figure (陆域, 中心城区)
_NAMED_FIGURE = re.compile(r"([\u4e00-\u9fffA-Za-z]{2,12})\s*([≥≤<>]?\d+(?:\.\d+)?%?)\s*")


_LEVEL_IN_BRACKETS = re.compile(r"([^()（）]*)[(（](\d+(?:\.\d+)?)[)）]")
_REDUCED_LEVEL = re.compile(r"(.+?(?:浓度|指数|天数|比例|比率))(?:年均)?(?:下降|降低|减少)(?:率|幅度|比例)?")


def level_of(label: str) -> str | None:
    """The level a reduction row's label reduces (PM2.5年平均浓度下降 -> PM2.5年平均浓度), else None."""
    m = _REDUCED_LEVEL.fullmatch(label)
    return m.group(1) if m else None


# 化学需氧量、氨氮、二氧化硫、氮氧化物四项主要污染物排放量下降比例: the names listed, then what is said of each
_LISTED_NAMES = re.compile(r"(.+?)(?:[两二三四五六七八九十\d]项|等)(?:主要)?(?:大气|水)?污染物(.+)")


def _listed_subjects(label: str, n: int) -> list[str] | None:
    """The subject of each of n figures given for the n pollutants a label lists before what it measures
    (化学需氧量排放量下降比例, 氨氮排放量下降比例 …), else None."""
    m = _LISTED_NAMES.fullmatch(label)
    names = m.group(1).split("、") if m else []
    return [name + m.group(2) for name in names] if m and len(names) == n else None


def _pieces(text: str, label: str) -> list[tuple[int, str, str, bool]]:
    """(offset, text, subject, is a [ ] total) of the figures of a cell: one; or one per alternative when
    the label names its subjects with slashes or 、 and the cell gives as many figures (动/植物 | 83/77,
    [1.2/0.3] a total each); or one per name when the cell names what each figure is about (氮氧化物 1.28
    氨氮 0.33: 氮氧化物重点工程减排量 …)."""
    bracketed = _BRACKETED.fullmatch(text)
    inner, shift = (bracketed.group(1), 1) if bracketed else (text, 0)
    parts = inner.split("/") if "/" in inner else inner.split("、")  # 1.1、1.4、6、6: a figure per pollutant named
    named_subjects = max(label.count("/"), label.count("、"))
    if len(parts) > 1 and named_subjects == len(parts) - 1 and all(parse_cell(p.strip()) for p in parts):
        offsets = [shift + sum(len(p) + 1 for p in parts[:i]) for i in range(len(parts))]
        subjects = _listed_subjects(label, len(parts)) or [label] * len(parts)
        return [(o + len(p) - len(p.lstrip()), p.strip(), subject, bool(bracketed))
                for o, p, subject in zip(offsets, parts, subjects, strict=True)]
    if (m := _OF_WHICH_FIGURE.fullmatch(text)) and parse_cell(m.group(1)) and parse_cell(m.group(3)):
        # 680，其中机动车2025年目标为280: the whole's figure, then the named part's
        return [(0, m.group(1), label, False), (m.start(3), m.group(3), compose_label([label, m.group(2)]), False)]
    if (m := _FIGURE_WITH_PARTS.fullmatch(text)) and parse_cell(m.group(1)):
        # 92以上(甲县93.06、乙县92.99): the whole's figure, then each part's
        parts = [(m.start(2) + p.start(2), p.group(2), compose_label([label, p.group(1)]), False)
                 for p in _NAMED_FIGURE.finditer(m.group(2))]
        return [(0, m.group(1), label, False), *parts]
    if (m := _RESTATED_FIGURE.fullmatch(text)) and parse_cell(text) is None and parse_cell(m.group(2)):
        return [(m.start(2), m.group(2), label, False)]  # 城市(含县城)污水处理率82%: the row's rate, restated
    if parse_cell(text) is None and (rates := _named_rates(text)):
        return rates
    if parse_cell(text) is None and (groups := _named_groups(text, label)):
        return groups
    if (m := _LEVEL_IN_BRACKETS.fullmatch(text)) and (level := level_of(label)) and (not m.group(1) or parse_cell(m.group(1))):
        # 7.9(35) on a 浓度下降 row: the reduction, then the concentration it leads to; (38): the concentration only
        return [(0, m.group(1), label, False)] * bool(m.group(1)) + [(m.start(2), m.group(2), level, False)]
    named = list(_NAMED_FIGURE.finditer(text))
    if (named and "".join(m.group(0) for m in named) == text and _METRIC.search(label) and parse_cell(text) is None
            and (len(named) >= 2 or len(named[0].group(1)) <= _SCOPE_NAME)):  # 陆域13.09: the figure of a part
        return [(m.start(2), m.group(2), compose_label([label, m.group(1)]), False) for m in named]
    return [(0, text, label, False)]


# words that make a label a metric (a share, a concentration, a change); a label without one names only
# what is measured (氮氧化物, 县城) and takes the metric of the label it sits under
_METRIC = re.compile(r"率|比例|比重|占比|比率|浓度|指数|排放量|减排量|总量|面积|天数|减少|下降|降低|削减|增长|提高")
_GENERIC_NOUN = re.compile(r"(?:主要)?(?:大气|水)?污染物")


def compose_label(labels: list[str]) -> str:
    """The subject of a row from its label cells, left to right. A row's own label naming no metric, under a
    group label that names one, takes its place in the group's wording: 主要水污染物排放量减少 + 氨氮 ->
    氨氮排放量减少 (it replaces the generic 污染物); 生活污水集中处理率 + 县城 -> 县城生活污水集中处理率."""
    if len(labels) >= 2 and not _METRIC.search(labels[-1]) and _METRIC.search(labels[-2]):
        own, group = labels[-1], labels[-2]
        head = "".join(labels[:-2])
        if m := _GENERIC_NOUN.search(group):
            return head + group[: m.start()] + own + group[m.end():]
        return head + own + group
    return "".join(labels)


# A table's note dating the cells a sign marks (注:带#的指标为2019年实际完成情况; 标*的为2019年数据; *为2019年数据): a plan drafted
# before its base year's figures were out gives the year before's and says so under the table.
_NOTE_START = re.compile(r"\s*(?:注|备注|说明)\s*[:：]?")
_MARK_DATED = re.compile(r"(?:带|标有?|标注|加)?\s*([#＃*＊∗※△▲☆★◆])\s*(?:号|标记)?的?(?:指标|数据|数值|数|值|为)*"
                         r"(?:均|皆)?(?:为|是|系)\s*((?:19|20)\d\d)\s*年")


def note_dates(after_table: str) -> dict[str, int]:
    """The year each sign of a table's note dates its marked cells to: the note is the line right under the table
    (注:…); {} when there is none or it dates nothing."""
    first_line = after_table.lstrip("\n").split("\n", 1)[0]
    if not _NOTE_START.match(first_line):
        return {}
    return {m.group(1): int(m.group(2)) for m in _MARK_DATED.finditer(first_line)}


def date_marked_cells(found: list[Measure], dates: dict[str, int]) -> None:
    """A figure a note's sign marks (67.2#) is of the note's year, not its column's: its year, and the end of its
    period ([11.62]# in a 2020 column: 2016-2019), are the note's (rule year_in_table_note)."""
    for m in found:
        sign = next((s for s in dates if s in m.value_text), None)
        if sign is None or m.year is None or dates[sign] == m.year:
            continue
        year = dates[sign]
        if m.period:
            m.period = f"{m.period.split('-')[0]}-{year}"
        m.year = year
        m.rules = f"{m.rules};year_in_table_note" if m.rules else "year_in_table_note"

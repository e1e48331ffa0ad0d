"""Stage 1 for PDF: bytes -> CleanDocument (text layer in reading order, tables as tables).

pypdfium2 (Apache-2.0/BSD) reads the text layer: fast, and right about the ABBYY OCR layers of
scanned plans. pdfplumber (MIT) finds the tables, but only on pages that draw enough rules to
hold one, since it is ~20x slower (docs/pdf.md compares the two). Per page:
  1. tables found -> the page text is read above, between and below them (pdfium, by bounding box);
  2. running headers, footers and page numbers (— 20 —, - 12 -, 第 3 页) are dropped;
  3. wrapped lines are joined into paragraphs (a line as wide as the page continues on the next),
     spaces next to a Chinese character removed (OCR layers write 浓度 37 微克);
then the prose goes through the same normalisation, simplification and clutter filter as text
files, and each table is rendered by loaders.tables (a table continued on the next page joined).

A scanned page (no text layer, an image over the page) is read only with OCR (read_pdf(ocr=True),
`envwh load --ocr`): loaders.ocr turns the page images into text-layer pages, put in place of the
scans, and the document is read as above; .ocr_spans of the result marks the text OCR read.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

from loaders import ocr, pdf_tables, reading
from loaders.errors import LoadError
from loaders.pdf_tables import fix_private_use
from loaders.records import CleanDocument
from loaders.tables import (
    Table,
    TableBlock,
    clean_cell,
    header_rows,
    is_value_cell,
    merge_split_rows,
    period_end_in,
    render,
    split_of_which,
)

MIN_RULES_FOR_TABLE = 8  # path objects (rules, cell borders) a page needs before tables are looked for
MIN_CHARS_PER_PAGE = 20  # below this on average the PDF is a scan without a text layer
FULL_LINE = 0.85  # a line at least this share of the page's usual width wraps onto the next
MAX_RULE_OBJECTS = 2000  # stop counting path objects here (a drawing, not a table)
_ENDS_PARAGRAPH = tuple("。！？；：!?;:")
# the dashes around a page number: - — – and the full-width －, the minus sign, the hyphens of Unicode (－ 29 －)
_PAGE_DASHES = "-—–_~·－﹣−‐‑"
_PAGE_NUMBER = re.compile(rf"[{_PAGE_DASHES}\s]*(?:\d{{1,4}}|[ivxlcIVXLC]{{1,6}})[{_PAGE_DASHES}\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+")
_SPACE_BY_CJK = re.compile(r"(?<=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’])[ \t]+|[ \t]+(?=[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’])")
# a line cut between a comparator or verb and its figure (…优良天数比率不低于 / 91.1%,…) continues
# whatever its width (an indented or dash-led line measures short)
_BEFORE_FIGURE = ("不低于", "不少于", "不超过", "不高于", "达到", "达", "为", "控制在", "降至", "降到", "提高到",
                  "提升到", "稳定在", "低于", "高于", "超过", "保持", "下降", "提高", "提升", "增长", "降低", "减少",
                  "至", "比", "较")  # the base of a comparison (比⏎2015年改善29.1%)
# a change verb or a list's separator before an amount (削减⏎25.8%, 54.4%、23.6%和⏎30.4%), not before a year: a
# heading may end on one (空气质量明显改善⏎2025年底前…)
_BEFORE_AMOUNT = ("削减", "反弹", "上升", "增加", "改善", "和", "及", "、")
_YEAR_START = re.compile(r"(?:19|20)\d\d\s*年")
_FIGURE_START = re.compile(r"[≥≤<>＜＞]?\d+(?:\.\d+)?\s*(?:%|％|[万亿]?[\u4e00-\u9fff])")
_ITEM_START = re.compile(r"[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十\d]+[章节篇条部]|[表图附]\s?\d|专栏")
_EDGE_LINES = 2  # lines at the top and bottom of a page where running headers and footers sit
SCAN_IMAGE_SHARE = 0.5  # an image covering this share of a page without text makes it a scanned page
PICTURE_SHARE = 0.05  # a picture this share of a page with text, no text over it, may be a table pasted as an image


@dataclass
class _Page:
    parts: list = field(default_factory=list)  # in reading order: list[str] (lines of text) or Table
    ocr: bool = False  # its text was read by OCR


class _OcrLines(list):
    """Prose lines read by OCR: a list of lines like any prose, marked for the measures' rules."""


class _OcrTable(Table):
    """A table read by OCR from a picture on a page with a text layer, marked for the measures' rules."""


def _open(data: bytes, name: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError("encrypted", f"{name}: the PDF is encrypted with a password; save an unprotected copy "
                            "(e.g. qpdf --decrypt --password=PW in.pdf out.pdf) and load that") from None
        raise LoadError("corrupt_file", f"{name}: the PDF cannot be opened ({exc}); it is damaged or not a "
                        "PDF: download it again or repair it (e.g. qpdf in.pdf out.pdf)") from None


def _n_rules(page) -> int:
    import pypdfium2.raw as pdfium_c

    n = 0
    for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        n += 1
        if n >= MAX_RULE_OBJECTS:
            break
    return n


def _origins(found) -> list[list[tuple[int, int]]]:
    """For each grid position, the (row, col) of the cell box covering it (merged cells span several)."""
    rows = [row.cells for row in found.rows]
    tops = [row.bbox[1] for row in found.rows]
    xs = sorted({round(b[0], 1) for row in rows for b in row if b} | {round(found.bbox[2], 1)})
    origin = [[(r, c) for c in range(len(row))] for r, row in enumerate(rows)]
    for r, row in enumerate(rows):
        for c, box in enumerate(row):
            if box is not None:
                continue
            y = (tops[r] + (tops[r + 1] if r + 1 < len(tops) else found.bbox[3])) / 2
            x = (xs[c] + xs[c + 1]) / 2 if c + 1 < len(xs) else xs[-1]
            for rr in range(r, -1, -1):
                cc = next((cc for cc, b in enumerate(rows[rr][: c + 1]) if b and b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
                if cc is not None:
                    origin[r][c] = (rr, cc)
                    break
    return origin


def _plumber_page(plumber, index: int):
    """pdfplumber's page, its characters' boxes set right where a font's metrics put them below their own
    baseline (書版-typeset plans: the Latin font of 方正 systems declares a descent of a whole em, so its
    digits, letters and brackets measure a line lower than the hanzi beside them, and a row's figures fall
    into the grid row under it)."""
    page = plumber.pages[index]
    if not getattr(page, "_reseated", False):
        for ch in page.chars:
            a, b, c, d, _, baseline = ch["matrix"]
            if b == 0 and c == 0 and a > 0 and d > 0 and ch["y1"] <= baseline + 0.1 * ch["size"]:
                shift = baseline + 0.8 * ch["size"] - ch["y1"]  # the box from its top at 0.8 em above the baseline
                ch["y0"] += shift
                ch["y1"] += shift
                ch["top"] -= shift
                ch["bottom"] -= shift
                ch["doctop"] -= shift
        page._reseated = True
    return page


def _open_last_column(page, found, table: Table) -> Table:
    """A ruled table whose right border lies off the page: its last column has cell boxes in the header
    rows only, so pdfplumber finds no body cell there. The body's cells of that column are read from the
    words under the header cell, row by row."""
    rows = found.rows
    last = len(table.cells[0]) - 1 if table.cells else -1
    boxed = [r for r, row in enumerate(rows) if last < len(row.cells) and row.cells[last] is not None]
    if last < 1 or not boxed or max(boxed) >= header_rows(table) or len(rows) < max(boxed) + 3:
        return table
    x0, x1 = rows[boxed[0]].cells[last][0], min(rows[boxed[0]].cells[last][2], page.width)
    for r in range(max(boxed) + 1, len(rows)):
        # the row's own height: a merged cell (a category spanning rows) reaches further down
        top, bottom = rows[r].bbox[1], min([b[3] for b in rows[r].cells if b] + [page.height])
        if x1 - x0 < 5 or bottom - top < 2:
            continue
        text = page.crop((x0, top, x1, bottom)).extract_text() or ""
        table.cells[r][last] = fix_private_use(text) if text.strip() else None
        table.origin[r][last] = (r, last) if text.strip() else table.origin[r][last]
    return table


_BINDING_CELL = re.compile(r"(?:约束|预期|导向)性?")
_OUTER_GAP = 30.0  # points between a grid's right rule and the words of a column drawn without rules


def _open_binding_column(page, found, table: Table) -> Table:
    """A grid drawn without its outer vertical rules: its last column (属性, a 约束性/预期性 per row)
    stands right of the grid pdfplumber finds. When words there sit beside most body rows and say
    约束性/预期性, they become a last column, read row by row between the row's rules."""
    x0, top, x1, bottom = found.bbox
    top, bottom = max(top, 0), min(bottom, page.height)
    if x1 >= page.width - 1 or bottom - top < 2:
        return table  # a grid reaching the page's edge: nothing stands right of it
    words = [w for w in page.crop((x1, top, page.width, bottom)).extract_words() if w["x0"] >= x1 - 1]
    if not words or min(w["x0"] for w in words) - x1 > _OUTER_GAP:
        return table
    right = max(w["x1"] for w in words) + 1
    tops = [row.bbox[1] for row in found.rows] + [bottom]
    cells = []
    for r in range(len(found.rows)):
        inside = [w["text"] for w in words if tops[r] <= (w["top"] + w["bottom"]) / 2 < tops[r + 1]]
        cells.append(fix_private_use("".join(inside)))
    n_header = header_rows(table)
    body = [c for c in cells[n_header:] if c]
    if not n_header or not any(cells[:n_header]) or len(body) < (len(cells) - n_header) / 2 or not all(
            _BINDING_CELL.fullmatch(c) for c in body):
        return table
    for r, text in enumerate(cells):
        table.cells[r].append(text)
        table.origin[r].append((r, len(table.cells[r]) - 1))
    table.col_edges = (table.col_edges or []) + [(x1, right)]
    return table


def _col_edges(found) -> list[tuple[float, float]]:
    """(x0, x1) of each grid column: the narrowest cell box seen in it (merged cells span several)."""
    width = max(len(row.cells) for row in found.rows)
    edges = []
    for c in range(width):
        boxes = [row.cells[c] for row in found.rows if c < len(row.cells) and row.cells[c]]
        edges.append(min(((b[0], b[2]) for b in boxes), key=lambda e: e[1] - e[0]) if boxes else (0.0, 0.0))
    return edges


_EDGE_TOLERANCE = 3.0  # points between the rules of one column on two pages


def _restore_lost_columns(page, found, table: Table, prev: Table) -> Table:
    """A table continued from the previous page whose right-hand columns lost their rules here (the
    page's grid ends one column early): the columns the previous page had right of this grid are read
    from the words under them, row by row."""
    edges, prev_edges = table.col_edges or [], prev.col_edges or []
    n = len(edges)
    if (header_rows(table) or n >= len(prev_edges)
            or any(abs(a[0] - b[0]) > _EDGE_TOLERANCE for a, b in zip(edges, prev_edges, strict=False))):
        return table
    lost = [e for e in prev_edges[n:] if e[0] >= found.bbox[2] - _EDGE_TOLERANCE]
    if len(lost) != len(prev_edges) - n:
        return table
    for r, row in enumerate(found.rows):
        boxes = [b for b in row.cells if b]
        top, bottom = row.bbox[1], min([b[3] for b in boxes] + [page.height])
        for x0, x1 in lost:
            text = page.crop((x0, top, min(x1, page.width), bottom)).extract_text() if bottom - top > 2 else ""
            table.cells[r].append(fix_private_use(text) if text and text.strip() else "")
            table.origin[r].append((r, len(table.cells[r]) - 1))
    table.col_edges = edges + lost
    return table


def _restore_lost_top_row(page, found, table: Table):
    """A continuation whose first row lost its top rule at the page break: that row's words sit just
    above the grid, in its columns; they become its first row again (and leave the prose)."""
    edges = table.col_edges or []
    heights = sorted(row.bbox[3] - row.bbox[1] for row in found.rows)
    if header_rows(table) or not edges or not heights:
        return found.bbox, table
    top = found.bbox[1]
    x0, x1 = max(edges[0][0], 0), min(edges[-1][1], page.width)  # a restored last column reaches past the grid
    above = max(top - 1.5 * heights[len(heights) // 2], 0)
    if above >= top - 2 or any(b - a < 1 for a, b in edges) or any(
            w["bottom"] > top + 1 for w in page.crop((x0, above, x1, top)).extract_words()):
        return found.bbox, table
    cells = [(page.crop((max(a, 0), above, min(b, page.width), top)).extract_text() or "").strip() for a, b in edges]
    if len([c for c in cells if c]) < 2 or not any(is_value_cell(clean_cell(c)) for c in cells):
        return found.bbox, table
    table.cells.insert(0, [fix_private_use(c) for c in cells])
    table.origin = [[(r + 1, c) for r, c in row] for row in table.origin]
    table.origin.insert(0, [(0, c) for c in range(len(cells))])
    return (found.bbox[0], above, found.bbox[2], found.bbox[3]), table


def _find_tables(plumber, index: int, prev: Table | None = None) -> list[tuple[tuple[float, float, float, float], Table]]:
    """(bbox in pdfplumber's top-left coordinates, table) of each table on a page, top to bottom;
    prev: the last table of the previous page, which the first table here may continue."""
    try:
        page = _plumber_page(plumber, index)
        tables = []
        for t in sorted(page.find_tables(), key=lambda t: t.bbox[1]):
            table = Table([[fix_private_use(c) if c else c for c in row] for row in t.extract()], _origins(t), index + 1)
            table.col_edges = _col_edges(t)
            table = _open_last_column(page, t, table)
            table = _open_binding_column(page, t, table)
            bbox = t.bbox
            if prev is not None and not tables:
                table = _restore_lost_columns(page, t, table, prev)
                bbox, table = _restore_lost_top_row(page, t, table)
            tables.append((bbox, table))
    except Exception:  # pdfminer fails on some damaged pages: the text is still read, without tables
        return []
    return [(bbox, t) for bbox, t in tables if _is_data_table(t)]


def _find_text_tables(plumber, index: int, carry):
    """Tables without rules (a scan's OCR layer), and the columns of one running onto the next page."""
    try:
        found, carry = pdf_tables.find_tables(_plumber_page(plumber, index), carry)
    except Exception:  # pdfminer fails on some damaged pages: the text is still read, without tables
        return [], None
    for _, table in found:
        table.page = index + 1
    return found, carry


_TWO_FIGURES = re.compile(r"\S+\s+\S+")


def _off_grid(table: Table) -> bool:
    """An OCR text layer printed half a row off the grid drawn under it: several cells then hold the
    figures of two rows (<1.2 96) and the labels slip to the neighbouring row."""
    from loaders.tables import parse_cell

    def two_figures(cell: str | None) -> bool:
        parts = (cell or "").split()
        return len(parts) == 2 and all(parse_cell(p) is not None for p in parts)

    return sum(two_figures(cell) for row in table.cells for cell in row) >= 2


def _is_data_table(table: Table) -> bool:
    """Two or more columns holding text (a framed paragraph is one column of prose)."""
    used = [c for c in range(len(table.cells[0]) if table.cells else 0) if any(row[c] for row in table.cells)]
    return len(used) >= 2 and (len(table.cells) >= 2 or len(used) >= 3)  # one row: a header at a page's foot


def _lines(text: str) -> list[str]:
    text = fix_private_use(text)
    return [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


SCRIPT_SIZE = 0.8  # a character set at most this share of its neighbour's size is a super- or subscript
_SCRIPT_CONTEXT = 8  # characters before a false break that say where it is in any text read from the page


def _script_breaks(textpage) -> list[tuple[str, str]]:
    """The line breaks pdfium puts around a super- or subscript (64m⏎3⏎/s, μg/m⏎3): the character after
    the break goes on at the right of the one before it, one of the two a letter or digit set smaller
    (the 3 of m3, the 2 of km2: the text layer has no ³). As (text before,
    text after) pairs, each break's own text without the breaks found before it."""
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    found = _split_line_breaks(textpage, text)
    if len(text) != textpage.count_chars():  # characters outside the BMP: indices would not line up
        return _pairs(text, found)
    for i in range(1, len(text) - 2):
        if text[i : i + 2] != "\r\n" or text[i - 1].isspace() or text[i + 2].isspace():
            continue
        before, after = textpage.get_charbox(i - 1), textpage.get_charbox(i + 2)
        size_before = pdfium_c.FPDFText_GetFontSize(textpage, i - 1)
        size_after = pdfium_c.FPDFText_GetFontSize(textpage, i + 2)
        em = max(before[2] - before[0], after[2] - after[0], 1.0)
        beside = -1.0 <= after[0] - before[2] <= em and min(before[3], after[3]) - max(before[1], after[1]) > -em
        script = text[i - 1] if size_before < size_after else text[i + 2]  # the smaller one: 3 of m3, 2 of CO2
        smaller = min(size_before, size_after) <= SCRIPT_SIZE * max(size_before, size_after)
        if beside and smaller and script.isascii() and script.isalnum():  # a footnote mark (①) stays apart
            found.append(i)
    return _pairs(text, sorted(set(found)))


def _pairs(text: str, found: list[int]) -> list[tuple[str, str]]:
    """The breaks at found as (text before, text after) pairs, each break's own text without the breaks before it."""
    pairs, fixed, last = [], "", 0
    for i in found:
        fixed += text[last:i]
        pairs.append((fixed[-_SCRIPT_CONTEXT:], text[i + 2 : i + 4]))
        last = i + 2
    return pairs


_OPEN_QUOTES, _CLOSE_QUOTES = "“‘「『", "”’」』"
_NO_LINE_START = "，,、；;：:。)）】》〉”’」』"  # punctuation a line of Chinese text never starts with


def _line_extent(textpage, text: str, start: int, end: int, units: list[int] | None):
    """(left of its first printed character, right of its last, bottom, top) of the line text[start:end], or
    None: left and right from the glyphs' own boxes (a full-width comma's box is its em), bottom and top from
    the font's ascent and descent (a CID font may give its glyphs' boxes no height). units: pdfium's index of
    each character, which counts a character outside the BMP twice; a character of no size is left out."""
    tight, loose = [], []
    for k in range(start, end):
        if not text[k].isspace():
            index = units[k] if units else k
            box = textpage.get_charbox(index)
            if box[2] > box[0] or box[3] > box[1]:
                tight.append(box)
                loose.append(textpage.get_charbox(index, loose=True))
    if not tight:
        return None
    return tight[0][0], tight[-1][2], min(b[1] for b in loose), max(b[3] for b in loose)


def _split_line_breaks(textpage, text: str) -> list[int]:
    """The line breaks pdfium puts inside one printed line, at a quotation mark or before a punctuation mark
    (…淘汰落后产能,⏎“十三五”期间,全省, 实行“一口一档”⏎,强化日常监督: a quotation or a font of its own set a
    little higher or lower): the line after the break goes on at the right of the line before it, on the same
    line (their heights, by the font's ascent and descent, overlap by a quarter; two lines of a paragraph do not
    overlap), at most two line heights further. Only where a quotation mark
    stands at the break or the next line starts with a mark no line starts with (，、；：。）): cells of a
    table printed on one line stay apart."""
    found: list[int] = []
    units = None
    if len(text) != textpage.count_chars():  # pdfium counts a character outside the BMP as two
        units, n = [], 0
        for ch in text:
            units.append(n)
            n += 2 if ord(ch) > 0xFFFF else 1
        if n != textpage.count_chars():
            return found
    start = 0
    while (i := text.find("\r\n", start)) >= 0:
        prev_start = text.rfind("\r\n", 0, i) + 2 if text.rfind("\r\n", 0, i) >= 0 else 0
        end = text.find("\r\n", i + 2)
        end = len(text) if end < 0 else end
        start = i + 2
        before, after = text[prev_start:i].rstrip(), text[i + 2 : end].lstrip()
        if not before or not after or not (before[-1] in _CLOSE_QUOTES or after[0] in _OPEN_QUOTES
                                           or after[0] in _NO_LINE_START):
            continue
        a, b = _line_extent(textpage, text, prev_start, i, units), _line_extent(textpage, text, i + 2, end, units)
        if not a or not b:
            continue
        height = min(a[3] - a[2], b[3] - b[2])
        overlap = min(a[3], b[3]) - max(a[2], b[2])
        if height > 0 and overlap > height / 4 and -1.0 <= b[0] - a[1] <= 2 * height:
            found.append(i)
    return found


def _join_scripts(text: str, pairs: list[tuple[str, str]]) -> str:
    """The text with the breaks of _script_breaks taken out (the superscript back on its line: 64m3/s)."""
    for before, after in pairs:
        text = text.replace(before + "\r\n" + after, before + after, 1)
    return text


def _read_page(pdf_page, tables) -> _Page:
    textpage = pdf_page.get_textpage()
    page = _Page()
    scripts = _script_breaks(textpage)
    if not tables:
        page.parts.append(_lines(_join_scripts(textpage.get_text_range(), scripts)))
        return page
    width, height = pdf_page.get_size()
    top = 0.0
    for bbox, table in tables:
        x0, t0, x1, t1 = bbox
        if t0 > top:  # pdfium counts y from the bottom of the page
            page.parts.append(_lines(_join_scripts(textpage.get_text_bounded(0, height - t0, width, height - top), scripts)))
        before, table, after = _split_prose_rows(table)
        page.parts += [part for part in (before, table, after) if part]
        top = max(top, t1)
    if top < height:
        page.parts.append(_lines(_join_scripts(textpage.get_text_bounded(0, 0, width, height - top), scripts)))
    return page


_TABLE_TITLE = re.compile(r"(?:续)?表\s?\d")  # 表2 ...: the next table, not the same one continued
_BOX_TITLE = re.compile(r"专栏.{0,40}$")  # 专栏“十三五”主要指标完成情况: a boxed table's title names its period
_MAX_LINES_BETWEEN = 4  # short lines between the parts of a table split by a page break
_PROSE_CELL = 5  # a row whose only text is a first cell this long (or a sentence) is a paragraph in the frame


def _split_prose_rows(table: Table) -> tuple[list[str], Table | None, list[str]]:
    """Paragraphs framed together with a table (one long cell a row) are prose, before and after it."""
    def prose(row: list[str | None]) -> bool:
        texts = [cell for cell in row if cell]
        return len(texts) == 1 and bool(row[0]) and (len(clean_cell(row[0])) >= _PROSE_CELL or clean_cell(row[0]).endswith("。"))

    rows = table.cells
    first = next((r for r, row in enumerate(rows) if not prose(row)), len(rows))
    last = next((r for r in range(len(rows) - 1, -1, -1) if not prose(rows[r])), -1)
    before = [line for row in rows[:first] for cell in row if cell for line in _lines(cell)]
    after = [line for row in rows[last + 1 :] for cell in row if cell for line in _lines(cell)]
    if last < first:  # all prose (a header row alone stays a table: its rows may follow on the next page)
        return before + [line for row in rows[first:] for cell in row if cell for line in _lines(cell)], None, []
    if first == 0 and last == len(rows) - 1:
        return [], table, []
    kept = type(table)([row[:] for row in rows[first : last + 1]],
                 [[(max(orow - first, 0), ocol) for orow, ocol in row] for row in table.origin[first : last + 1]], table.page)
    return before, kept, after


def _running_lines(pages: list[_Page]) -> set[str]:
    """Short lines printed at the top or bottom of several pages: running headers and footers."""
    seen: Counter[str] = Counter()
    for page in pages:
        lines = [line for part in page.parts if isinstance(part, list) for line in part if line]
        for line in set(lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]):
            if len(line) <= 40:
                seen[line] += 1
    return {key for key, n in seen.items() if n >= 3 and n >= len(pages) / 4}


def _strip_edges(page: _Page, running: set[str]) -> None:
    """Drop page numbers and running headers/footers from the first and last lines of the page."""
    text_parts = [part for part in page.parts if isinstance(part, list)]
    for part, edge in ((text_parts[:1], "top"), (text_parts[-1:], "bottom")):
        for lines in part:
            order = range(len(lines)) if edge == "top" else range(len(lines) - 1, -1, -1)
            dropped = 0
            for i in order:
                if not lines[i]:
                    continue
                if dropped < _EDGE_LINES and (_PAGE_NUMBER.fullmatch(lines[i]) or lines[i] in running):
                    lines[i] = ""
                    dropped += 1
                    continue
                break


def _width(line: str) -> float:
    return sum(1.0 if ord(ch) > 0x2e80 else 0.5 for ch in line)


_NUMBER_AT_END = re.compile(r"(?<![!-~])\d+(?:\.\d+)?$")  # digits after a Chinese character (or opening the line)


def _join(prev: str, nxt: str) -> str:
    """Two lines of a paragraph as one: a space between two words of ASCII (an English title wrapped), none
    between the two parts of a number cut at the line's end in Chinese text (…新建污水管网1⏎20公里: typesetting
    that lets a line break inside a word, as Chinese office documents often do to keep the right edge)."""
    space = " " if prev[-1:].isascii() and prev[-1:].isalnum() and nxt[:1].isascii() and nxt[:1].isalnum() else ""
    if space and nxt[0].isdigit() and _NUMBER_AT_END.search(prev):
        space = ""
    return prev + space + nxt


_OPENS_CLAUSE = ("，", ",", "、")  # no paragraph or heading of Chinese prose ends on a comma: the sentence goes on
_QUOTATION_MARKS = re.compile("[“”«»]")


def _open_quotation(line: str) -> bool:
    """The line ends inside a quotation or a title: its last quotation mark opens one (…开展“无废⏎城市”建设,
    严格落实«省(中)直有关单位生⏎态环境保护工作责任清单»). No heading or paragraph ends there."""
    marks = _QUOTATION_MARKS.findall(line)
    return bool(marks) and marks[-1] in "“«"


def _paragraphs(lines: list[str], full_width: float, widest: float | None = None) -> list[str]:
    """Wrapped lines joined: a line as wide as the page's usual full line that does not end a sentence
    continues. A numbered heading (第六章 …, 五、…) that ends short of the widest lines is a line of its own:
    it continues only when it wraps as the widest lines do."""
    out: list[str] = []
    open_line = False
    for line in lines:
        line = _SPACE_BY_CJK.sub("", line)
        if not line:
            continue
        cut_figure = out and _FIGURE_START.match(line) and (out[-1].endswith(_BEFORE_FIGURE) or (
            out[-1].endswith(_BEFORE_AMOUNT) and not _YEAR_START.match(line)))
        if (open_line or cut_figure) and out and not _ITEM_START.match(line):
            out[-1] = _join(out[-1], line)
        else:
            out.append(line)
        joined = out[-1]
        full = max(full_width, widest or 0.0) if _ITEM_START.match(line) else full_width
        open_line = ((_width(line) >= FULL_LINE * full and not line.endswith(_ENDS_PARAGRAPH))
                     or joined.count("《") > joined.count("》")  # a title wrapped inside its 《》 continues
                     or _open_quotation(line)
                     or line.endswith(_OPENS_CLAUSE))
    return out


def _usual_width(pages: list[_Page]) -> tuple[float, float]:
    """(the usual width of a full line, the width of the widest lines). The usual one is the most common
    width among the long lines: the widest tenth is pulled up by wider pages or table rows read as prose, and
    a line a character or two short of it (digits, quotes and commas set narrower) still wraps."""
    widths = sorted(_width(_SPACE_BY_CJK.sub("", line)) for page in pages for part in page.parts
                    if isinstance(part, list) for line in part if line)
    if not widths:
        return 0.0, 0.0
    widest = widths[int(0.9 * (len(widths) - 1))]
    counts = Counter(round(w) for w in widths if w >= widest / 2)
    usual = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return float(usual), widest


# --- plain text hard-wrapped as a PDF's text is (a PDF's text saved as .txt, an export's full_text) ----------

_WRAP_MIN_LINES = 8  # fewer lines tell nothing about a wrap width
_WRAP_MIN_WIDTH = 12  # a text wrapped narrower than this is a list or a table, not prose
_WRAP_FULL_SHARE = 0.45  # of the lines: about as wide as the wrap width (dev reports wrapped at 20-100: 0.53-0.94;
#                          the corpus's paragraph-a-line texts: at most 0.36)
_WRAP_WIDER_SHARE = 0.03  # of the lines: wider than the wrap width (wrapped: none but a table row; the corpus's
#                           texts: at least 0.064)
_BARE_PAGE_NUMBER = re.compile(r"\d{1,4}")


def _wrap_width(lines: list[str]) -> tuple[float, float] | None:
    """(the wrap width, the widest lines' width) of a text whose lines are cut at one width, else None.

    A text of one paragraph a line (the corpus's reports, a web page) has lines of every length; a hard-wrapped
    text has most of its lines as wide as the wrap width (a line ending before a number or a word set in ASCII
    a little short of it) and next to none wider. Page numbers and lines printed three times or more (running
    headers) are not counted. Line lengths decide first (cheap), then widths."""
    repeated = Counter(lines)
    lines = [line for line in lines if repeated[line] < 3 and not _PAGE_NUMBER.fullmatch(line)]
    if len(lines) < _WRAP_MIN_LINES:
        return None
    lengths = sorted(len(line) for line in lines)
    common = lengths[int(0.75 * (len(lengths) - 1))]  # a wrapped text's full lines are its longest quarter and more
    if common < _WRAP_MIN_WIDTH or sum(1 for n in lengths if 0.8 * common <= n <= 1.3 * common) < _WRAP_FULL_SHARE * len(lines):
        return None  # (ASCII is narrower than Chinese: lengths only nearly tell widths)
    widths = sorted(_width(_SPACE_BY_CJK.sub("", line)) for line in lines)
    # the wrap width: the widest tenth of the lines (full lines spread below it: ASCII is set narrower and a line
    # ends before a number that would not fit); a paragraph-a-line text has many lines far wider than its tenth
    usual = widths[int(0.9 * (len(widths) - 1))]
    full = sum(1 for w in widths if w >= FULL_LINE * usual)
    wider = sum(1 for w in widths if w > 1.05 * usual + 1)
    if usual < _WRAP_MIN_WIDTH or full < _WRAP_FULL_SHARE * len(lines) or wider > _WRAP_WIDER_SHARE * len(lines):
        return None
    return usual, max(w for w in widths if w <= 1.05 * usual + 1)


def _page_number_lines(lines: list[str]) -> set[int]:
    """Indices of the page numbers of a hard-wrapped text: a decorated one (— 3 —, 第3页, 3/12) always, a bare
    number only in a run of consecutive numbers (… 3 … 4 …), as a figure alone on a line (a table's cell) is not."""
    found = [(i, line) for i, line in enumerate(lines) if _PAGE_NUMBER.fullmatch(line)]
    bare = [(i, int(line)) for i, line in found if _BARE_PAGE_NUMBER.fullmatch(line)]
    out = {i for i, line in found if not _BARE_PAGE_NUMBER.fullmatch(line)}
    for (i, n), (j, m) in zip(bare, bare[1:], strict=False):
        if m == n + 1:
            out.update((i, j))
    return out


def join_wrapped_lines(lines: list[str]) -> list[str] | None:
    """The lines of a plain text hard-wrapped as a PDF's text is (pdftotext, a copy from a PDF viewer, an
    export's full_text), joined into one paragraph a line the way a PDF's lines are, page numbers and running
    headers between the pages dropped; None when the text is not hard-wrapped (one paragraph a line)."""
    widths = _wrap_width(lines)
    if widths is None:
        return None
    numbers = _page_number_lines(lines)
    pages: list[_Page] = [_Page([[]])]
    for i, line in enumerate(lines):
        if i in numbers:
            pages.append(_Page([[]]))
        else:
            pages[-1].parts[0].append(line)
    if len(pages) > 1:
        # running headers: as in a PDF (on a quarter of the pages), or short lines printed only at the edges of
        # pages, twice or more (a short text's title over its second and third pages)
        edges = Counter(line for page in pages for line in set(page.parts[0][:_EDGE_LINES] + page.parts[0][-_EDGE_LINES:]))
        everywhere = Counter(line for page in pages for line in page.parts[0])
        running = _running_lines(pages) | {line for line, n in edges.items()
                                           if n >= 2 and everywhere[line] == n and len(line) <= 40}
        first = pages[0].parts[0][:1]
        for page in pages:
            _strip_edges(page, running)
        if first and not pages[0].parts[0][0]:
            pages[0].parts[0][0] = first[0]  # the running header is the title: the text's first line keeps it once
    body = [line for page in pages for line in page.parts[0] if line]
    return _paragraphs(body, *widths)


def _repeated_header(prev: Table, nxt: Table) -> int:
    """How many leading rows of the continuation repeat the header rows of the table it continues."""
    n = 0
    while (n < min(header_rows(prev), len(nxt.cells) - 1)
           and [clean_cell(x) for x in prev.cells[n]] == [clean_cell(x) for x in nxt.cells[n]]):
        n += 1
    return n


def _repeats_a_header(prev: Table, nxt: Table) -> bool:
    heads = {clean_cell(cell) for row in prev.cells[: header_rows(prev)] for cell in row if cell and clean_cell(cell)}
    return any(clean_cell(cell) in heads for row in nxt.cells[: header_rows(nxt)] for cell in row if cell)


def _align_columns(prev: Table, nxt: Table) -> Table | None:
    """The continuation nxt laid out in prev's columns: as is when both have as many columns, else
    (a header-less continuation whose grid has a column fewer or more, e.g. a sub-label column used
    on one page only) each column moved under the column of prev it overlaps most on the page."""
    if len(prev.cells[0]) == len(nxt.cells[0]):
        return nxt
    if not prev.col_edges or not nxt.col_edges or _repeats_a_header(prev, nxt):
        return None

    def overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
        return min(a[1], b[1]) - max(a[0], b[0])

    target = [max(range(len(prev.col_edges)), key=lambda p: overlap(prev.col_edges[p], e)) for e in nxt.col_edges]
    if len(set(target)) != len(target) or any(overlap(prev.col_edges[p], e) <= 0 for p, e in zip(target, nxt.col_edges, strict=True)):
        return None
    width = len(prev.cells[0])
    cells: list[list[str | None]] = [[""] * width for _ in nxt.cells]
    origin = [[(r, c) for c in range(width)] for r in range(len(nxt.cells))]
    for r, row in enumerate(nxt.cells):
        for c, cell in enumerate(row):
            cells[r][target[c]] = cell
            orow, ocol = nxt.origin[r][c]
            origin[r][target[c]] = (orow, target[ocol])
    return Table(cells, origin, nxt.page, col_edges=prev.col_edges)


def _repeats_header_of(prev: Table | None, nxt: Table) -> bool:
    """nxt, on the page after prev with nothing between them, starts with prev's header: the same table
    continued (its grid drew other columns, so its rows were not appended to prev)."""
    if prev is None or prev.page is None or nxt.page != (prev.last_page or prev.page) + 1:
        return False

    def heads(table: Table) -> set[str]:  # the header's first row, the one a continuation repeats
        return {clean_cell(cell) for cell in table.cells[0] if cell and clean_cell(cell)}

    return len(heads(nxt)) >= 2 and heads(nxt) <= heads(prev)


def _rejoin_split_cells(prev: Table, nxt: Table) -> None:
    """A continuation repeating prev's header whose first row under it holds only the ends of cells
    wrapped over the page break (完成省 / 下达指 | 标): each goes back to the cell of prev's last row
    under the same header."""
    n_header = header_rows(prev)
    if not n_header or len(nxt.cells) < n_header + 2:
        return
    heads = [clean_cell(prev.text(n_header - 1, c)) for c in range(len(prev.cells[0]))]
    under = {c: next((k for k, h in enumerate(heads) if h and h == clean_cell(nxt.text(n_header - 1, c))), None)
             for c in range(len(nxt.cells[n_header]))}
    _rejoin_row(prev, nxt.cells[n_header], under)


_SERIAL_TEXT = re.compile(r"\d{1,3}")


def _rejoin_row(prev: Table, row: list[str | None], under: dict[int, int | None]) -> None:
    """row, the first of a continuation, holds only the ends of cells of prev's last row wrapped over the
    page break (a label's last line 比例, a figure's words 达指标): no number, figure or 约束性 of its own,
    and under each of its words a cell of prev's last row holding text. The words go back to those cells
    and the row is left empty; any other row is left as it is."""
    head_texts = {clean_cell(cell) for r in range(header_rows(prev)) for cell in prev.cells[r] if cell}
    filled = [c for c, cell in enumerate(row) if cell and clean_cell(cell)]
    last = len(prev.cells) - 1
    if not filled or last < max(header_rows(prev), 1) or any(
            is_value_cell(t := clean_cell(row[c])) or _SERIAL_TEXT.fullmatch(t) or t in head_texts
            or re.search("约束|预期", t) for c in filled):
        return
    moves = {}
    for c in filled:
        target = under.get(c)
        if target is None:
            return
        orow, ocol = prev.origin[last][target]
        if ocol != target or not clean_cell(prev.cells[orow][ocol]):
            return
        moves[(orow, ocol)] = row[c]
    for (orow, ocol), text in moves.items():
        prev.cells[orow][ocol] += "\n" + text
    for c in filled:
        row[c] = ""


def _continue_table(prev: Table, nxt: Table) -> None:
    """Rows of a table continued on the next page appended to it (its repeated header rows dropped)."""
    prev.last_page = nxt.page
    skip = _repeated_header(prev, nxt)
    if skip < len(nxt.cells):
        _rejoin_row(prev, nxt.cells[skip], {c: c for c in range(len(nxt.cells[skip]))})
    rows = nxt.cells[skip:]
    offset = len(prev.cells)
    for r, row in enumerate(rows):
        prev.cells.append(row)
        prev.origin.append([(orow - skip + offset, ocol) if orow - skip >= 0 else (offset + r, c)
                            for c, (orow, ocol) in enumerate(nxt.origin[r + skip])])


def _properties(pdf) -> dict[str, str]:
    props: dict[str, str] = {}
    try:
        meta = pdf.get_metadata_dict(skip_empty=True)
    except Exception:
        return props
    title = (meta.get("Title") or "").strip()
    if title and re.search(r"[\u4e00-\u9fff]", title):  # "Microsoft Word - 1.doc" is no title
        props["title"] = re.sub(r"^Microsoft Word\s*-\s*|\.(docx?|wps|pdf)$", "", title)
    if m := re.match(r"D:(\d{4})(\d{2})(\d{2})", meta.get("CreationDate") or ""):
        props["created"] = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return props


def _read_pages(pdf, data: bytes, numbers: list[int], pictures: dict | None = None) -> tuple[list[_Page], list[int]]:
    """The pages of pdf (numbers: their 0-based page numbers in the document) and the numbers of the
    scanned ones among them; pictures gets, for each other page showing large pictures with no
    text over them, (its tables with their boxes, the pictures' boxes)."""
    pictures = {} if pictures is None else pictures
    plumber = None
    pages: list[_Page] = []
    scanned: list[int] = []
    carry = None  # columns of a rule-less table running onto the next page
    prev_table = None  # the last table of the previous page
    for i, number in enumerate(numbers):
        if i and number != numbers[i - 1] + 1:
            carry = prev_table = None  # not the next page of the document
        pdf_page = pdf[i]
        tables = []
        ruled = _n_rules(pdf_page) >= MIN_RULES_FOR_TABLE
        if ruled or carry or pdf_tables.is_candidate(pdf_page.get_textpage().get_text_range()):
            plumber = plumber or _open_plumber(data)
        if plumber is not None and ruled:
            tables, carry = _find_tables(plumber, i, prev_table), None
            if any(_off_grid(t) for _, t in tables):  # the OCR words sit off the drawn grid: read them alone
                text_tables, text_carry = _find_text_tables(plumber, i, None)
                if text_tables:
                    tables, carry = text_tables, text_carry
        elif plumber is not None and (carry or pdf_tables.is_candidate(pdf_page.get_textpage().get_text_range())):
            tables, carry = _find_text_tables(plumber, i, carry)
        prev_table = tables[-1][1] if tables else None
        page = _read_page(pdf_page, tables)
        for part in page.parts:
            if isinstance(part, Table):
                part.page = number + 1
        if _is_scan(pdf_page, page):
            scanned.append(number)
        elif boxes := _blank_pictures(pdf_page):
            pictures[number] = (tables, boxes)
        pages.append(page)
    return pages, scanned


def _blank_pictures(pdf_page) -> list[tuple[float, float, float, float]]:
    """(left, top, right, bottom), in points from the page's top left, of the pictures covering at least
    PICTURE_SHARE of the page with (almost) no text over them."""
    import pypdfium2.raw as pdfium_c

    width, height = pdf_page.get_size()
    textpage = pdf_page.get_textpage()
    boxes = []
    for image in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        left, bottom, right, top = max(left, 0), max(bottom, 0), min(right, width), min(top, height)
        if ((right - left) * (top - bottom) >= PICTURE_SHARE * width * height
                and len("".join(textpage.get_text_bounded(left, bottom, right, top).split())) < MIN_CHARS_PER_PAGE):
            boxes.append((left, height - top, right, height - bottom))
    return boxes


_TABLE_CAPTION = re.compile(r"(?:续)?表\s?\d|专栏|指标")
CAPTION_BAND = 60  # points above a picture where its table's title (表1 主要指标) is printed


def _titled_pictures(pdf, pictures: dict) -> int:
    """How many of the pictures (not read without OCR) sit under a table's title: tables pasted as
    images, whose figures only `--ocr` reads (a map or a photo has no such title)."""
    n = 0
    for number, (_, boxes) in pictures.items():
        width, height = pdf[number].get_size()
        textpage = pdf[number].get_textpage()
        for _, top, _, _ in boxes:
            above = textpage.get_text_bounded(0, height - top, width, min(height, height - top + CAPTION_BAND))
            n += bool(_TABLE_CAPTION.search("".join(above.split())))
    return n


def _is_scan(pdf_page, page: _Page) -> bool:
    """A page with (almost) no text under an image covering most of it: a scan to OCR."""
    n_chars = sum(len(line) for part in page.parts if isinstance(part, list) for line in part)
    if n_chars >= MIN_CHARS_PER_PAGE or any(isinstance(part, Table) for part in page.parts):
        return False
    import pypdfium2.raw as pdfium_c

    width, height = pdf_page.get_size()
    for image in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = image.get_bounds()
        if (right - left) * (top - bottom) >= SCAN_IMAGE_SHARE * width * height:
            return True
    return False


class _ScanWords:
    """The phrases OCR read on a page, offered to pdf_tables the way a pdfplumber page offers its words."""

    def __init__(self, words: list[dict], width: float) -> None:
        self.words, self.width = words, width

    def extract_words(self, **_) -> list[dict]:
        return self.words


def _scan_page(words: list[dict], width: float, number: int, carry) -> tuple[_Page, object]:
    """One scanned page from its OCR phrases: tables found from word positions (pdf_tables, as on an OCR
    text layer), the other lines as prose above, between and below them, in tesseract's reading order."""
    lines: dict[tuple, list[dict]] = {}
    for w in words:
        if "cell" not in w:  # a cell of a drawn grid, read on its own, is in a grid table
            lines.setdefault(w["line"], []).append(w)
    text = [" ".join(w["text"] for w in line) for line in lines.values()]
    tables = []
    if grid := ocr.grid_tables(words):
        tables, carry = grid, None
    elif carry or pdf_tables.is_candidate("\n".join(text)):
        try:
            tables, carry = pdf_tables.find_tables(_ScanWords(words, width), carry)
        except Exception:  # a table the reader cannot make sense of: the page is still read as prose
            tables, carry = [], None
    else:
        carry = None
    page = _Page(ocr=True)
    slots: list[list[str]] = [[] for _ in range(len(tables) + 1)]
    for line, line_text in zip(lines.values(), text, strict=True):
        middle = (min(w["top"] for w in line) + max(w["bottom"] for w in line)) / 2
        if not any(bbox[1] <= middle <= bbox[3] for bbox, _ in tables):  # a table's lines are in the table
            slots[sum(1 for bbox, _ in tables if bbox[3] < middle)].append(line_text)
    page.parts.append(slots[0])
    for (_, table), after in zip(tables, slots[1:], strict=True):
        table.page = number + 1
        before, table, rest = _split_prose_rows(table)
        page.parts += [part for part in (before, table, rest) if part]
        page.parts.append(after)
    return page, carry


def _ocr_pages(pdf, scanned: list[int], name: str) -> list[_Page]:
    """The scanned pages, read by OCR (each drawn at ocr.DPI when tesseract needs it, ocr.render)."""
    images = (ocr.render(pdf[i]) for i in scanned)
    pages: list[_Page] = []
    carry = None  # columns of a table running onto the next page
    for i, (number, words) in enumerate(zip(scanned, ocr.read_scans(images, name), strict=True)):
        if i and number != scanned[i - 1] + 1:
            carry = None
        page, carry = _scan_page(words, pdf[number].get_size()[0], number, carry)
        pages.append(page)
    return pages


def _picture_tables(pdf, pictures: dict, name: str) -> dict[int, _Page]:
    """Pages with a text layer read again with the tables OCR finds in their pictures put in place
    (a picture's other text, a map's or a chart's, is left out)."""
    boxes = [(number, box) for number, (_, page_boxes) in pictures.items() for box in page_boxes]

    def crops():
        for number, box in boxes:
            yield ocr.render(pdf[number], box)

    found: dict[int, list] = {}
    for (number, (left, top, _, _)), words in zip(boxes, ocr.read_scans(crops(), name), strict=True):
        for w in words:  # from the picture's corner to the page's
            w.update(x0=w["x0"] + left, x1=w["x1"] + left, top=w["top"] + top, bottom=w["bottom"] + top)
        try:
            tables = ocr.grid_tables(words) or pdf_tables.find_tables(_ScanWords(words, pdf[number].get_size()[0]), None)[0]
        except Exception:  # a table the reader cannot make sense of: the picture is left out, as before
            tables = []
        found.setdefault(number, []).extend((bbox, _OcrTable(t.cells, t.origin, number + 1)) for bbox, t in tables)
    pages = {}
    for number, extra in found.items():
        if extra:
            pages[number] = _read_page(pdf[number], sorted(pictures[number][0] + extra, key=lambda t: t[0][1]))
            for part in pages[number].parts:
                if isinstance(part, Table):
                    part.page = number + 1
    return pages


def read_pdf(data: bytes, name: str = "", ocr_scans: bool = False) -> CleanDocument:
    """Bytes of a PDF -> CleanDocument, or LoadError (encrypted, corrupt_file, needs_ocr).

    ocr_scans: read scanned pages (no text layer), and the tables pictured on other pages, with OCR
    (loaders.ocr); else they are left out, and a document of scans only is a needs_ocr error."""
    pdf = _open(data, name)
    try:
        n_pages = len(pdf)
        pictures: dict = {}
        pages, scanned = _read_pages(pdf, data, list(range(n_pages)), pictures)
        props = _properties(pdf)
        if pictures and ocr_scans:
            for number, page in _picture_tables(pdf, pictures, name).items():
                pages[number] = page
        elif pictures and (titled := _titled_pictures(pdf, pictures)):
            props["pictured_tables"] = str(titled)
        if scanned and ocr_scans:
            for number, page in zip(scanned, _ocr_pages(pdf, scanned, name), strict=True):
                pages[number] = page
        elif scanned:
            props["scanned_pages"] = str(len(scanned))
    finally:
        pdf.close()
    n_chars = sum(len(line) for page in pages for part in page.parts if isinstance(part, list) for line in part)
    if n_pages == 0 or (n_chars < MIN_CHARS_PER_PAGE * n_pages and not any(
            isinstance(part, Table) for page in pages for part in page.parts)):
        if scanned and ocr_scans:
            raise LoadError("needs_ocr", f"{name}: OCR read {n_chars} characters on {n_pages} pages; the scan may be "
                            "too faint or not in Chinese: run OCR by hand (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and load the result")
        raise LoadError("needs_ocr", f"{name}: the PDF has no text layer ({n_chars} characters on {n_pages} pages): "
                        "it is a scan; load it with `envwh load --ocr` (or refresh --ocr; "
                        f"{ocr.HOW_TO_INSTALL}), or run OCR first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and load the result")
    return _assemble(pages, n_pages, props, name)


def _open_plumber(data: bytes):
    try:
        import pdfplumber

        return pdfplumber.open(io.BytesIO(data))
    except Exception:  # pdfminer refuses some files pdfium reads: text without tables
        return None


def _assemble(pages: list[_Page], n_pages: int, props: dict[str, str], name: str) -> CleanDocument:
    running = _running_lines(pages)
    for page in pages:
        _strip_edges(page, running)
    full_width, widest = _usual_width(pages)
    # a flat sequence: runs of prose lines and tables; a table is continued across a page break
    # when nothing but running headers and footers stands between it and the next page's table
    sequence: list = []
    pending: list[str] = []
    for page in pages:
        if isinstance(pending, _OcrLines) != page.ocr:  # text read by OCR is kept apart from a text layer's
            if pending:
                sequence.append(pending)
            pending = _OcrLines() if page.ocr else []
        for part in page.parts:
            if isinstance(part, list):
                pending.extend(line for line in part if line)
                continue
            prev = sequence[-1] if sequence else None
            # a row that lost its top rule at the page break is read as a short line above the table:
            # it does not split the table (it stays prose, after it)
            between_ok = not pending or (len(pending) <= _MAX_LINES_BETWEEN and all(len(x) <= 60 and not _TABLE_TITLE.match(x) for x in pending))
            if (between_ok and isinstance(prev, Table) and prev.page is not None
                    and part.page == (prev.last_page or prev.page) + 1
                    and (aligned := _align_columns(prev, part)) is not None):
                _continue_table(prev, aligned)
                continue
            if between_ok and isinstance(prev, Table) and _repeats_header_of(prev, part):
                _rejoin_split_cells(prev, part)
            if pending:
                sequence.append(pending)
                pending = _OcrLines() if page.ocr else []
            sequence.append(part)
    if pending:
        sequence.append(pending)
    lines: list[str] = []
    blocks: list[TableBlock] = []
    original: list[str] = []
    scripts: list[str] = []
    ocr_pages = {n for n, page in enumerate(pages, start=1) if page.ocr}
    part_lines: list[tuple[int, bool]] = []  # (first line, read by OCR) of each part
    prev_part = None
    header: dict[str, str] = {}
    prose_parts = [k for k, part in enumerate(sequence) if isinstance(part, list)]
    for k, part in enumerate(sequence):
        part_lines.append((len(lines), isinstance(part, (_OcrLines, _OcrTable)) or (isinstance(part, Table) and any(
            n in ocr_pages for n in range(part.page or 0, (part.last_page or part.page or 0) + 1)))))
        if isinstance(part, list):
            prose = [line for line in reading.normalise("\n".join(_paragraphs(part, full_width, widest)))]
            simplified, script = reading.simplify("\n".join(prose))
            scripts.append(script)
            prev_part = None
            furniture = _page_fields(simplified.split("\n"), k == prose_parts[0], k == prose_parts[-1], header)
            for i, (orig, simp) in enumerate(zip(prose, simplified.split("\n"), strict=True)):
                if i not in furniture and not reading.is_clutter(simp):
                    original.append(orig)
                    lines.append(simp)
            continue
        table = merge_split_rows(split_of_which(part))
        table.table_no = len(blocks) + 1
        title = next((line for line in reversed(lines[-2:]) if _TABLE_TITLE.match(line) or _BOX_TITLE.match(line)), "")
        table.period_end = period_end_in(title)
        if not title and blocks and _repeats_header_of(prev_part, table):
            table.period_end = blocks[-1].table.period_end  # the same table, its header repeated on the next page
        reading.normalise_cells(table.cells)
        block = render(table)
        block.char_start = sum(len(line) + 1 for line in lines)
        blocks.append(block)
        prev_part = table
        lines.extend(block.lines)
        original.extend(block.lines)
    ocr_spans = []  # (start, end) of the text read by OCR
    for (first, by_ocr), (end, _) in zip(part_lines, [*part_lines[1:], (len(lines), False)], strict=True):
        if by_ocr:
            start = sum(len(line) + 1 for line in lines[:first])
            ocr_spans.append((start, start + sum(len(line) + 1 for line in lines[first:end])))
    if not any(lines):
        raise LoadError("no_text", f"{name}: the PDF holds no body text once page numbers and running headers are removed")
    return CleanDocument(
        text="\n".join(lines), encoding="pdf", source_format="pdf",
        script="traditional" if "traditional" in scripts else "simplified",
        original_text="\n".join(original), pages=n_pages, tables=blocks, properties=props, ocr_spans=ocr_spans,
        header=header,
    )


def _page_fields(lines: list[str], top: bool, bottom: bool, header: dict[str, str]) -> set[int]:
    """Indices of a web page's header-field lines (来源:X, 时间:2026-02-03, 发布时间:…) above the document's first
    paragraph (top: the first run of prose) or below its last (bottom: the last run), as a page printed to PDF
    keeps them: page furniture, as reading.strip_page_parts drops them from a text or HTML page; their fields go
    to header (first value of a field kept)."""
    fields = reading.header_field_lines(lines, top, bottom)
    for i in sorted(fields):
        for key, value in fields[i].items():
            if value:
                header.setdefault(key, value)
    return set(fields)

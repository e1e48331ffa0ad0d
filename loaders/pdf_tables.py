"""Tables printed without rules: the indicator tables of scanned plans, whose ruled grid is part of
the page image and whose OCR text layer holds only words and their positions, and tables of a text layer
drawn without any rule (a Word table with its borders off).

Columns come from the header's year cells (2020年 | 2025年, 现状 | 目标; words stacked over lines,
基准 / 值, are one cell). Rows numbered 1, 2, 3 … take every line around their number. Rows without
numbers are told apart by the space between them, wider than between the lines of a cell (_row_blocks);
where no such space shows, a line holding a word under a value column is a row, and the label lines
wrapped above and below it join the row nearest to them. A 约束性/预期性 word right of the value columns
is the row's 属性. The table ends at a line of prose (wide, with nothing under the value columns, or
running clauses) or a note, and may continue at the top of the next page with the same columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.tables import Table

# Fonts of Chinese typesetting systems map some glyphs to private-use code points: between two digits
# it is the decimal point (93\U001001b07 = 93.7); elsewhere leader dots and the like, dropped.
_PRIVATE_USE = "\ue000-\uf8ff\U000f0000-\U0010fffd"
_PRIVATE_DECIMAL = re.compile(rf"(?<=\d)[{_PRIVATE_USE}](?=\d)")
_PRIVATE_OTHER = re.compile(rf"[{_PRIVATE_USE}]+")


# pdfium reads a hyphen ending a line after a letter or a Chinese character as U+FFFE (its mark of a word
# hyphenated there) and joins the two lines: in Chinese text it is the hyphen of a name or a range (济担-⏎纾困贷)
_PDFIUM_LINE_HYPHEN = "\ufffe"


def fix_private_use(text: str) -> str:
    return _PRIVATE_OTHER.sub("", _PRIVATE_DECIMAL.sub(".", text)).replace(_PDFIUM_LINE_HYPHEN, "-")


_HEADER_CELL = re.compile(r"(?:19|20)\d\d\s*年?(?:目标值?|现状值?|基准值?|实际值?)?|(?:规划)?(?:现状值?|基准值?|目标值?|完成值|实际值)")
_YEAR_CELL = re.compile(r"(?:19|20)\d\d\s*年")
_BINDING_WORDS = ("约束性", "预期性", "导向性")
_BINDING_HALVES = ("约束", "预期", "导向", "性")
_SERIAL = re.compile(r"\d{1,2}|[(（]\d{1,2}[)）]")
_END = re.compile(r"(?:注|备注|资料来源|数据来源)\s*[:：]|表\s?\d")
_HEADER_SPREAD = 12.0  # points between the first and last line of a header row
_LINE_TOLERANCE = 2.5  # points between the tops of words on one line
_ROW_REACH = 30.0  # points a wrapped label line may sit above or below its row
_CANDIDATE = re.compile(r"(?:19|20)\d\d\s*年[^。，,；]{0,30}?(?:19|20)\d\d\s*年")
_TABLE_WORDS = re.compile("约束性|预期性|属性|指标")
_PAGE_MARK = re.compile(r"[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d+\s*页")  # a page number, printed over a table running to the foot
_HEADING = re.compile(r"[一二三四五六七八九十]+、|第[一二三四五六七八九十\d]+[章节篇]")


_CANDIDATE_WORDS = re.compile(r"(?:基准|现状)值?\s*\n?\s*值?[^。，,；]{0,10}?目标值")


def is_candidate(page_text: str) -> bool:
    """A page whose text holds two year headers close together (2020年 ... 2025年), or 基准值 … 目标值."""
    return ((_CANDIDATE.search(page_text) is not None or _CANDIDATE_WORDS.search(page_text) is not None)
            and _TABLE_WORDS.search(page_text) is not None)


@dataclass
class Columns:
    centres: list[float]  # x of each value column
    headers: list[str]
    tolerance: float
    binding_x: float | None  # x where the 属性 column starts, if any
    left: float | None = None  # x where the first value column's header cell starts


@dataclass
class _Line:
    top: float
    bottom: float
    words: list[dict]

    @property
    def text(self) -> str:
        return "".join(w["text"] for w in self.words)


def _lines(words: list[dict]) -> list[_Line]:
    out: list[_Line] = []
    for w in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if out and abs(w["top"] - out[-1].top) <= _LINE_TOLERANCE:
            out[-1].words.append(w)
            out[-1].bottom = max(out[-1].bottom, w["bottom"])
        else:
            out.append(_Line(w["top"], w["bottom"], [w]))
    for line in out:
        line.words.sort(key=lambda w: w["x0"])
        merged: list[dict] = []
        for w in line.words:  # 2020 + 年 printed as two words
            if (merged and w["x0"] - merged[-1]["x1"] < 6 and w["text"].startswith("年")
                    and re.fullmatch(r"(?:19|20)\d\d", merged[-1]["text"])):
                merged[-1] = {**merged[-1], "text": merged[-1]["text"] + w["text"], "x1": w["x1"]}
                continue
            merged.append(dict(w))
        line.words = merged
    return out


def _centre(w: dict) -> float:
    return (w["x0"] + w["x1"]) / 2


def _overlaps(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] - 1 and b["x0"] < a["x1"] - 1


def _stacks(words: list[dict]) -> list[dict]:
    """The header's cells: words standing over one another (基准 / 值, 2020年 / 目标值, 规划 / 目标 / 完成 / 情况)
    read top to bottom as one cell, left to right."""
    stacks: list[list[dict]] = []
    for w in sorted(words, key=lambda w: w["x0"]):
        home = next((s for s in stacks if any(_overlaps(w, o) for o in s)), None)
        if home is None:
            stacks.append([w])
        else:
            home.append(w)
    out = []
    for s in stacks:
        s.sort(key=lambda w: w["top"])
        out.append({"x0": min(w["x0"] for w in s), "x1": max(w["x1"] for w in s), "words": s,
                    "text": "".join(w["text"] for w in s).replace(" ", "")})
    return out


def _header_cell(stack: dict) -> str | None:
    """The stack's text when it heads a column of figures: a year or 基准/目标/完成 value as a whole (基准值 on
    two lines), or a year on top of words that say more (2020年 / (基准年)); a stack like 规划目标完成情况
    heads a column of words."""
    if _HEADER_CELL.fullmatch(stack["text"]):
        return stack["text"]
    first = stack["words"][0]["text"].replace(" ", "")
    return first if _YEAR_CELL.fullmatch(first) else None


def _header_columns(line: _Line) -> Columns | None:
    stacks = _stacks(line.words)
    cells = [(s, text) for s in stacks if (text := _header_cell(s)) and not _runs_on(s, stacks)]
    if len(cells) < 2:
        return None
    centres = [_centre(s) for s, _ in cells]
    gaps = [b - a for a, b in zip(centres, centres[1:], strict=False)]
    return Columns(centres, [text for _, text in cells], max(12.0, min(gaps) / 2), None, cells[0][0]["x0"])


def _runs_on(stack: dict, stacks: list[dict]) -> bool:
    """A year followed a space later by words of a sentence (2020 年 全市空气质量优良天数): prose, no header."""
    nxt = min((s for s in stacks if s["x0"] >= stack["x1"]), key=lambda s: s["x0"], default=None)
    return (nxt is not None and nxt["x0"] - stack["x1"] < 6 and len(_HANZI.findall(nxt["text"])) >= 4
            and not _HEADER_CELL.fullmatch(nxt["text"]))


_HEADER_PIECE = 4  # characters of a header cell's piece printed on a line of its own (值, 属性, 情况)
_HEADER_LINES = 5  # lines a header's cells may take
_HEADER_GAP = 5.0  # points between the lines of a header


def _header_pieces(line: _Line, header: list[dict]) -> bool:
    """A line below a header's first lines holding only short pieces of its cells (值 under 基准, 属性 under
    指标) or header cells of its own (目标值 under 规划), no figure."""
    return (all(len(w["text"]) <= _HEADER_PIECE and not re.search(r"\d", w["text"]) for w in line.words)
            and any(_HEADER_CELL.fullmatch(w["text"]) or any(_overlaps(w, h) for h in header) for w in line.words))


def _column_of(w: dict, cols: Columns) -> int | None:
    c = _centre(w)
    best = min(range(len(cols.centres)), key=lambda i: abs(cols.centres[i] - c))
    return best if abs(cols.centres[best] - c) <= cols.tolerance else None


# a phrase of running prose (比率为85.1%，细颗粒物年均浓): a cell holds a figure or a few words, not a sentence's clauses
_RUNNING_TEXT = re.compile(r"[\u4e00-\u9fff\d.%]{4,}[，。；][\u4e00-\u9fff\d]{3,}")


def _is_prose(line: _Line, cols: Columns, page_width: float) -> bool:
    if _END.match(line.text):  # 注:1.…为19个: a note's figure may stand under a column
        return True
    if any(_RUNNING_TEXT.search(w["text"]) for w in line.words):  # a column of prose, not a cell
        return True
    if any(_column_of(w, cols) is not None for w in line.words):
        return False
    span = line.words[-1]["x1"] - line.words[0]["x0"]
    return (len(line.text) >= 20 and span > 0.6 * page_width) or bool(_END.match(line.text))


def find_tables(page, carry: Columns | None = None) -> tuple[list[tuple[tuple[float, float, float, float], Table]], Columns | None]:
    """(bbox, table) of the rule-less tables on a pdfplumber page, and the columns of a table that
    runs to the bottom of the page (to continue on the next one)."""
    words = [{**w, "text": fix_private_use(w["text"])} for w in page.extract_words(x_tolerance=1.5)]
    lines = [line for line in _lines([w for w in words if w["text"]]) if line.words and not _PAGE_MARK.fullmatch(line.text)]
    found: list[tuple[tuple[float, float, float, float], Table]] = []
    i = 0
    cols = carry
    start = 0 if carry else None
    while i < len(lines):
        if cols is None or start is None:
            # the header's cells may sit on lines a little apart (2020年 / 2025年目标 centred in 2-line cells)
            j = i
            while j + 1 < len(lines) and lines[j + 1].top - lines[i].top <= _HEADER_SPREAD:
                j += 1
            cols = _header_columns(_Line(lines[i].top, lines[j].bottom, [w for ln in lines[i : j + 1] for w in ln.words]))
            if cols is None:
                i += 1
                continue
            # lines below holding the rest of the header's cells (值 under 基准, 情况 under 完成)
            while (j + 1 < len(lines) and j - i < _HEADER_LINES and lines[j + 1].top - lines[j].bottom <= _HEADER_GAP
                   and _header_pieces(lines[j + 1], [w for ln in lines[i : j + 1] for w in ln.words])):
                j += 1
            cols = _header_columns(_Line(lines[i].top, lines[j].bottom, [w for ln in lines[i : j + 1] for w in ln.words])) or cols
            start = i
            i = j + 1
        # header lines just around the year line (指标属 / 性 printed on two lines) add to the header
        body: list[_Line] = []
        header_top = lines[start].top
        while i < len(lines) and not _is_prose(lines[i], cols, page.width):
            body.append(lines[i])
            i += 1
        while body and _HEADING.match(body[-1].text) and all(_column_of(w, cols) is None for w in body[-1].words):
            body.pop()  # the next section's heading (二、主要任务) below the table: prose
            i -= 1
        table = _build(lines[start] if carry is None or found else None, body, cols)
        if table is not None:
            top = min([header_top] + [ln.top for ln in body]) - 2
            bottom = max(ln.bottom for ln in body) + 2 if body else lines[start].bottom + 2
            found.append(((0, top, page.width, bottom), table))
        reached_bottom = i >= len(lines)
        carry, start, cols = (cols if reached_bottom else None), None, None
        if reached_bottom:
            return found, carry
    return found, None


def _numbered_lines(body: list[_Line], first_x: float) -> list[_Line]:
    """Lines starting with a row number left of the value columns, when the numbers count up
    (1, 2, 3 …, or restart at 1 for a new group) at one left edge; else none."""
    found = [(ln, w) for ln in body  # a group's name may stand left of the number
             if (w := next((w for w in ln.words[:2] if re.fullmatch(r"\d{1,2}", w["text"]) and w["x1"] < first_x), None))]
    if not found:
        return []
    # the column of numbers: the left edge most of them share (a stray superscript 3 stands elsewhere)
    edge = max((w["x0"] for _, w in found), key=lambda x: sum(abs(w["x0"] - x) < 8 for _, w in found))
    found = [(ln, w) for ln, w in found if abs(w["x0"] - edge) < 8]
    kept: list[tuple[_Line, int]] = []
    for ln, w in found:  # a number out of the count (a footnote's, a page's) is no row
        if not kept or int(w["text"]) in (kept[-1][1] + 1, 1):
            kept.append((ln, int(w["text"])))
    return [ln for ln, _ in kept] if len(kept) >= 3 and len(kept) >= 0.8 * len(found) else []


def _build(header: _Line | None, body: list[_Line], cols: Columns) -> Table | None:
    value_lines = [ln for ln in body if any(_column_of(w, cols) is not None for w in ln.words)]
    if len(value_lines) < 2:
        return None
    first_x = cols.centres[0] - cols.tolerance
    last_x = cols.centres[-1] + cols.tolerance
    if not _numbered_lines(body, first_x) and (blocks := _row_blocks(body, cols)):
        return _table(header, [_block_row(block, cols) for block in blocks], cols, {})
    serials = [ln.words[0] for ln in value_lines if _SERIAL.fullmatch(ln.words[0]["text"]) and ln.words[0]["x1"] < first_x]
    if len(serials) < 2 or max(w["x0"] for w in serials) - min(w["x0"] for w in serials) > 15:
        serials = []  # numbers scattered over the label column: footnote marks, not a column of row numbers
    label_left = min((w["x0"] for w in serials), default=0) - 1
    # rows numbered 1, 2, 3 …: the number sits on the row's middle line, and every line of the row
    # (a label, a value or 约束/性 wrapped over lines above and below) belongs to the nearest number
    numbered = _numbered_lines(body, first_x)
    anchored = len(numbered) >= 3
    if anchored:
        value_lines = numbered
        serials = [next(w for w in ln.words[:2] if re.fullmatch(r"\d{1,2}", w["text"])) for ln in numbered]
        label_left = min(w["x0"] for w in serials) - 1
    rows: list[dict] = [{"line": ln, "labels": [], "values": {}, "binding": ""} for ln in value_lines]
    header_extra: dict[int, list[str]] = {}
    for ln in body:
        row = min(rows, key=lambda r: (abs(r["line"].top - ln.top), -r["line"].top))
        if ln not in value_lines and abs(row["line"].top - ln.top) > _ROW_REACH:
            continue
        if ln not in value_lines and value_lines and ln.top < value_lines[0].top and header is not None:
            under = [w for w in ln.words if _column_of(w, cols) is not None]
            for w in under:  # a header word on its own line (目标值 under 2025年)
                header_extra.setdefault(_column_of(w, cols), []).append(w["text"])
            if under or ln.top - header.bottom < _ROW_REACH / 2:
                continue  # else: the first label line of the first row, wrapped above its values
        for w in ln.words:
            c = _column_of(w, cols)
            if c is not None and (ln is row["line"] or anchored):
                row["values"][c] = (row["values"].get(c, "") + w["text"]).strip()
            elif w["x0"] > last_x:
                if (any(b in w["text"] for b in _BINDING_WORDS) or ln is row["line"] or anchored
                        or w["text"] in _BINDING_HALVES):  # 约束 / 性 printed on two lines
                    row["binding"] += w["text"]
            elif serials and _SERIAL.fullmatch(w["text"]) and w["x0"] - label_left < 10:
                continue  # the row's serial number, not part of its label
            elif w["x1"] <= first_x and w["x0"] >= label_left:
                row["labels"].append((ln.top, w["x0"], w["text"]))
    if not anchored:
        rows = _join_wrapped_rows(rows)
    return _table(header, rows, cols, header_extra)


def _table(header: _Line | None, rows: list[dict], cols: Columns, header_extra: dict[int, list[str]]) -> Table:
    last_x = cols.centres[-1] + cols.tolerance
    has_binding = any(r["binding"] for r in rows)
    if header is not None:  # kept in cols, so that a continuation on the next page repeats this header
        cols.headers = [h + "".join(header_extra.get(c, [])) for c, h in enumerate(cols.headers)]
        cols.binding_x = last_x if has_binding else None
    has_binding = has_binding or cols.binding_x is not None
    head = ["指标"] + cols.headers + (["属性"] if has_binding else [])
    cells: list[list[str | None]] = [head]
    for r in rows:
        label = "".join(t for _, _, t in sorted(r["labels"]))
        label = re.sub(r"^(?:\d{1,2}|[(（]\d{1,2}[)）])(?=\D)", "", label)
        cells.append([label] + [r["values"].get(c, "") for c in range(len(cols.centres))]
                     + ([r["binding"]] if has_binding else []))
    width = len(head)
    return Table(cells, [[(r, c) for c in range(width)] for r in range(len(cells))])


_HALF_BINDING = ("约束", "预期", "导向")
_ROW_JUMP = 2.5  # points by which the space between rows must exceed the space between the lines of a cell


_HANZI = re.compile(r"[\u4e00-\u9fff]")


def _group_words(labels: list[dict]) -> set[int]:
    """ids of the words of a group column left of the labels (（2）大气环 / 境质量, a cell merged down several
    rows): its column is where the words stand that have a label of their own right of them on their line;
    every word lying within that column is the group's name, no part of a row's label."""
    def hanzi(w: dict) -> int:
        return len(_HANZI.findall(w["text"]))

    right = 0.0
    for w in labels:
        nxt = min((o for o in labels if o is not w and abs(o["top"] - w["top"]) <= _LINE_TOLERANCE and o["x0"] >= w["x1"]),
                  key=lambda o: o["x0"], default=None)
        if hanzi(w) >= 2 and nxt is not None and hanzi(nxt) >= 2 and nxt["x0"] - w["x1"] >= 3:
            right = max(right, w["x1"])
    if not right:  # no name shares a line with a label: the group column is what stands left of where most labels start
        starts = [w["x0"] for w in labels if hanzi(w) >= 2]
        edge = max(starts, key=lambda x: (sum(abs(o - x) < 3 for o in starts), -x), default=0.0)
        right = edge - 3 if sum(abs(o - edge) < 3 for o in starts) > len(starts) / 2 else 0.0
    return {id(w) for w in labels if right and w["x1"] <= right + 2 and hanzi(w) >= 1}


def _row_blocks(body: list[_Line], cols: Columns) -> list[list[dict]] | None:
    """Rows without numbers told apart by the space between them: a cell wraps its words over lines closer
    together than the space between two rows (达到国 / 家确定 / 的指标 beside a label of two lines). The words of
    each row, a group column's names left out; None when no cut gives whole rows (rows printed as close as
    the lines of a cell: the nearest-line rule of _build reads them)."""
    words = [w for ln in body for w in ln.words]
    label_x = _label_x(cols)
    group = _group_words([w for w in words if w["x1"] <= label_x])
    kept = sorted((w for w in words if id(w) not in group), key=lambda w: w["top"])
    if len(kept) < 2:
        return None
    gaps, bottom, line_top = [], kept[0]["bottom"], kept[0]["top"]
    for w in kept[1:]:  # the space above each word's line (None for a word of the line before)
        same_line = w["top"] - line_top <= _LINE_TOLERANCE
        gaps.append(None if same_line else w["top"] - bottom)
        line_top = line_top if same_line else w["top"]
        bottom = max(bottom, w["bottom"])
    ordered = sorted({round(g, 1) for g in gaps if g is not None})
    if not ordered:
        return None
    cuts = [(a + b) / 2 for a, b in zip(ordered, ordered[1:], strict=False) if b - a >= _ROW_JUMP and b > 1.0]
    cuts += [ordered[0] - 0.1] * (ordered[0] > 1.0)  # else rows of one line each, spaced apart
    for cut in cuts:  # the closest cut that splits no row and joins no two
        blocks: list[list[dict]] = [[kept[0]]]
        for w, gap in zip(kept[1:], gaps, strict=True):
            if gap is not None and gap > cut:
                blocks.append([])
            blocks[-1].append(w)
        if all(_whole_row(b, cols, label_x) for b in blocks):
            blocks = [b for b in blocks if any(_column_of(w, cols) is not None for w in b)]  # else a group's heading
            return blocks if len(blocks) >= 2 else None
    return None


_PLAIN_FIGURE = re.compile(r"[<>≤≥]?\d+(?:\.\d+)?%?")
_LABEL_TAIL = re.compile(r"[(（]|率$|比例$")  # the last line of a wrapped label: its unit, or the 率 it names


def _whole_row(block: list[dict], cols: Columns, label_x: float) -> bool:
    """Whether a block of words can be one row: a row with figures has a label, a column holds at most one
    plain figure (38 / 85.1 on two lines are two rows), 约束 / 性 are not split from each other; a block
    without figures is a heading (环境质量), not the tail of a wrapped label (保护率(%))."""
    values = [w for w in block if _column_of(w, cols) is not None]
    labels = [w for w in block if w["x1"] <= label_x]
    if not values:
        return not any(_LABEL_TAIL.search(w["text"]) for w in labels)
    figures = [_column_of(w, cols) for w in values if _PLAIN_FIGURE.fullmatch(w["text"])]
    binding = "".join(w["text"] for w in sorted(block, key=lambda w: w["top"]) if _centre(w) > cols.centres[-1]
                      and _column_of(w, cols) is None and any(b in w["text"] for b in _BINDING_HALVES))
    return bool(labels) and len(figures) == len(set(figures)) and binding not in _BINDING_HALVES


def _label_x(cols: Columns) -> float:
    """x a label's words end before: the first value column's reach or its header cell's left edge, whichever
    is further right (a label may run close up to the first column when the columns are wide apart)."""
    first_x = cols.centres[0] - cols.tolerance
    return max(first_x, (cols.left or first_x) - 6)


def _block_row(block: list[dict], cols: Columns) -> dict:
    """A row from the words of its block: each value column's words top to bottom (达到国家确定的指标,
    1.1、1.4、6、6), the label's words line by line, the 约束性/预期性 right of the value columns."""
    label_x = _label_x(cols)
    row: dict = {"line": None, "labels": [], "values": {}, "binding": ""}
    for w in sorted(block, key=lambda w: (w["top"], w["x0"])):
        c = _column_of(w, cols)
        if c is not None:
            row["values"][c] = row["values"].get(c, "") + w["text"]
        elif _centre(w) > cols.centres[-1]:
            if any(b in w["text"] for b in _BINDING_HALVES):  # a status column (完成, 达到) is no binding
                row["binding"] += w["text"]
        elif w["x1"] <= label_x:
            row["labels"].append((w["top"], w["x0"], w["text"]))
    row["labels"] = _label_lines(row["labels"])
    return row


def _label_lines(labels: list[tuple[float, float, str]]) -> list[tuple[float, float, str]]:
    """The label's words in reading order: words within a line's height of one another are one line, left
    to right (主要城市 3 空气质量 with its footnote mark lifted)."""
    out: list[tuple[float, float, str]] = []
    for top, x0, text in sorted(labels):
        line_top = out[-1][0] if out and top - out[-1][0] <= _LINE_TOLERANCE * 2 else top
        out.append((line_top, x0, text))
    return sorted(out)


def _join_wrapped_rows(rows: list[dict]) -> list[dict]:
    """Rows without numbers whose cells wrap over lines: 约束 printed on a row's first line and 性 on a
    later one mark the lines between as one row (Ⅱ类及 / 以上, 46(ug / /m3)), each cell joined top to bottom."""
    out: list[dict] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        end = next((j for j in range(i + 1, min(i + 4, len(rows))) if rows[j]["binding"]), None)
        if row["binding"] in _HALF_BINDING and end is not None and rows[end]["binding"] == "性":
            joined = {"line": row["line"], "labels": [], "values": {}, "binding": row["binding"] + "性"}
            for part in rows[i:end + 1]:
                joined["labels"] += part["labels"]
                for c, v in part["values"].items():
                    joined["values"][c] = joined["values"].get(c, "") + v
            out.append(joined)
            i = end + 1
        else:
            out.append(row)
            i += 1
    return out

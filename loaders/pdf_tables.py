"""Tables printed without rules: the indicator tables of scanned plans, whose ruled grid is part of
the page image and whose OCR text layer holds only words and their positions.

Columns come from the header's year cells (2020年 | 2025年, 现状 | 目标); a line holding a word
under one of them is a row, and the label lines wrapped above and below it (a cell centred
vertically) join the row nearest to them. A 约束性/预期性 word right of the value columns is the
row's 属性. The table ends at a line of prose (wide, with nothing under the value columns) and may
continue at the top of the next page with the same columns.
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


def fix_private_use(text: str) -> str:
    return _PRIVATE_OTHER.sub("", _PRIVATE_DECIMAL.sub(".", text))


_HEADER_CELL = re.compile(r"(?:19|20)\d\d\s*年?(?:目标值?|现状值?|基准值?|实际值?)?|现状值?|基准值?|目标值?|完成值|实际值")
_BINDING_WORDS = ("约束性", "预期性", "导向性")
_BINDING_HALVES = ("约束", "预期", "导向", "性")
_SERIAL = re.compile(r"\d{1,2}|[(（]\d{1,2}[)）]")
_END = re.compile(r"(?:注|备注|资料来源|数据来源)\s*[:：]|表\s?\d")
_HEADER_SPREAD = 12.0  # points between the first and last line of a header row
_LINE_TOLERANCE = 2.5  # points between the tops of words on one line
_ROW_REACH = 30.0  # points a wrapped label line may sit above or below its row
_CANDIDATE = re.compile(r"(?:19|20)\d\d\s*年[^。，,；]{0,30}?(?:19|20)\d\d\s*年")
_TABLE_WORDS = re.compile("约束性|预期性|属性|指标")


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


def _header_columns(line: _Line) -> Columns | None:
    cells = [w for w in line.words if _HEADER_CELL.fullmatch(w["text"].replace(" ", ""))]
    if len(cells) < 2:
        return None
    centres = [_centre(w) for w in cells]
    gaps = [b - a for a, b in zip(centres, centres[1:], strict=False)]
    return Columns(centres, [w["text"] for w in cells], max(12.0, min(gaps) / 2), None)


def _column_of(w: dict, cols: Columns) -> int | None:
    c = _centre(w)
    best = min(range(len(cols.centres)), key=lambda i: abs(cols.centres[i] - c))
    return best if abs(cols.centres[best] - c) <= cols.tolerance else None


def _is_prose(line: _Line, cols: Columns, page_width: float) -> bool:
    if any(_column_of(w, cols) is not None for w in line.words):
        return False
    span = line.words[-1]["x1"] - line.words[0]["x0"]
    return (len(line.text) >= 20 and span > 0.6 * page_width) or bool(_END.match(line.text))


def find_tables(page, carry: Columns | None = None) -> tuple[list[tuple[tuple[float, float, float, float], Table]], Columns | None]:
    """(bbox, table) of the rule-less tables on a pdfplumber page, and the columns of a table that
    runs to the bottom of the page (to continue on the next one)."""
    words = [{**w, "text": fix_private_use(w["text"])} for w in page.extract_words(x_tolerance=1.5)]
    lines = [line for line in _lines([w for w in words if w["text"]]) if line.words]
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
            start = i
            i = j + 1
        # header lines just around the year line (指标属 / 性 printed on two lines) add to the header
        body: list[_Line] = []
        header_top = lines[start].top
        while i < len(lines) and not _is_prose(lines[i], cols, page.width):
            body.append(lines[i])
            i += 1
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

"""A table a text writes one cell a line (a bulletin's pollutant table copied from a web page as plain text):

    指标            <- the header: the label column's name, then the k-1 columns' names, one a line
    2023年             (or on one line: 指标 2023年 2024年 变化)
    2024年
    变化
    PM2.5(微克/立方米)  <- then rows of k cells: a label, then k-1 figures (or a unit under a 单位 column)
    35
    32
    -8.6%

Read only where the layout leaves no doubt: a header whose first cell names the label column (指标, 项目, 污染物…)
and whose other cells are no figures, then at least two rows each of exactly one label and k-1 figures. The lines are
written back as the table's rows (cells joined by tables.CELL_SEPARATOR), the grid kept for tables.table_measures, so
that each figure is read with its row's label and its column's header (a bare number is no page number here). A
figure is never made up: a row that breaks the layout ends the table, a table of fewer than two rows is left as text.
"""

from __future__ import annotations

import re

from loaders.tables import Table, TableBlock, _unit_of, is_value_cell, render

# the first header cell: the name of the label column
_LABEL_HEADERS = frozenset(("指标", "项目", "指标名称", "监测项目", "污染物", "评价指标", "名称", "类别", "主要指标"))
_UNIT_HEADERS = frozenset(("单位", "计量单位"))
_NO_FIGURE = frozenset(("-", "—", "——", "/", "–"))  # an empty cell written as a dash
_MAX_COLUMNS = 8
_MAX_CELL = 30  # characters of a label or header cell (a sentence is no cell)
_SENTENCE = re.compile(r"[。;；，,:：]")
_ONE_LINE_HEADER = re.compile(r"\s*\|\s*|\t+|\s{1,}")


def _header_cell(text: str) -> bool:
    return 0 < len(text) <= _MAX_CELL and not _SENTENCE.search(text) and not _figure_cell(text)


def _label_cell(text: str) -> bool:
    return _header_cell(text) and text not in _NO_FIGURE


_OPENS_A_FIGURE = re.compile(r"[-+−±<>≤≥]?\s*\d")  # PM2.5, SO2 open a label, not a figure


def _figure_cell(text: str) -> bool:
    return text in _NO_FIGURE or (_OPENS_A_FIGURE.match(text) is not None and is_value_cell(text))


def _headers_at(lines: list[str], i: int) -> list[tuple[list[str], int]]:
    """Each header that may start at line i: (its cells, the lines they take)."""
    first = lines[i].strip()
    if first in _LABEL_HEADERS:  # one cell a line: the label column's name, then 1 to 7 names
        out = []
        j = i + 1
        while j < len(lines) and j - i < _MAX_COLUMNS and _header_cell(lines[j].strip()):
            j += 1
            out.append(([line.strip() for line in lines[i:j]], j - i))
        return out
    parts = [p for p in _ONE_LINE_HEADER.split(first) if p]
    if 3 <= len(parts) <= _MAX_COLUMNS and parts[0] in _LABEL_HEADERS and all(_header_cell(p) for p in parts):
        return [(parts, 1)]
    return []


def _table_at(lines: list[str], i: int) -> tuple[list[str], int, list[list[str]]] | None:
    """(header, its lines, rows) of the one reading of the lines from i as a table of at least two rows; None
    when there is none or more than one (a header of 3 names or of 4 that read as many lines: no doubt allowed)."""
    readings = []
    for header, used in _headers_at(lines, i):
        rows = _rows_at(lines, i + used, header)
        if len(rows) >= 2:
            readings.append((header, used, rows))
    return readings[0] if len(readings) == 1 else None


def _rows_at(lines: list[str], i: int, header: list[str]) -> list[list[str]]:
    """The rows of k cells from line i on, to the first that breaks the layout."""
    k = len(header)
    units = {c for c, name in enumerate(header) if name in _UNIT_HEADERS}
    rows: list[list[str]] = []
    while i + k <= len(lines):
        cells = [line.strip() for line in lines[i : i + k]]
        if not _label_cell(cells[0]) or cells[0] in _LABEL_HEADERS:
            break
        if not all(_label_cell(cell) if c in units else _figure_cell(cell) for c, cell in enumerate(cells) if c):
            break
        if not any(_figure_cell(cell) and cell not in _NO_FIGURE for c, cell in enumerate(cells) if c and c not in units):
            break
        rows.append(cells)
        i += k
    return rows


def cell_line_tables(lines: list[str]) -> tuple[list[str], list[tuple[int, TableBlock]], list[tuple[int, int]]]:
    """The lines with each table written one cell a line replaced by its rows (tables.render: cells joined by the
    table separator) and each run of label / bare figure / unit lines by one line a row; (index of its first row in
    the new lines, its block) of each table; and (first, end) of the source lines each new line stands for."""
    out: list[str] = []
    found: list[tuple[int, TableBlock]] = []
    source: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        found_here = _table_at(lines, i) if len(lines[i]) <= 80 else None
        if found_here is not None:
            header, used, rows = found_here
            table = Table.from_rows([list(header), *rows])
            table.one_cell_a_line = True
            block = render(table)
            found.append((len(out), block))
            end = i + used + len(header) * len(rows)
            out.extend(block.lines)
            source.extend([(i, end)] * len(block.lines))
            i = end
            continue
        triples = _label_figure_unit_at(lines, i)
        if triples:  # PM2.5 / 32 / 微克/立方米: one line each, written back as one (PM2.5 32微克/立方米)
            out.extend(f"{label} {figure}{unit}" for label, figure, unit in triples)
            source.extend((i + 3 * n, i + 3 * n + 3) for n in range(len(triples)))
            i += 3 * len(triples)
            continue
        out.append(lines[i])
        source.append((i, i + 1))
        i += 1
    return out, found, source


_BARE_FIGURE = re.compile(r"\d+(?:\.\d+)?")


def _label_figure_unit_at(lines: list[str], i: int) -> list[tuple[str, str, str]]:
    """At least two rows in a row of a label, a bare figure and a unit, one a line (a pollutant's name, its
    figure, its unit): the rows, else []."""
    rows = []
    while i + 3 <= len(lines):
        label, figure, unit = (line.strip() for line in lines[i : i + 3])
        if (not _label_cell(label) or label in _LABEL_HEADERS or not _BARE_FIGURE.fullmatch(figure)
                or _figure_cell(unit) or _unit_of(unit) is None):
            break
        rows.append((label, figure, unit))
        i += 3
    return rows if len(rows) >= 2 else []

"""Generated plan PDFs laid out the way other governments print their indicator tables and the corpus
does not (tests/test_pdf_unseen_layouts.py): a header repeated on every page, the target year before the
base year, a landscape page, a 单位 column next to units in the labels, two tables side by side, a table
pasted as a picture. Drawn on tests/pdf_drawing.py's canvas like tests/documents_factory.py."""

from __future__ import annotations

import re

from pdf_drawing import FONT, HEIGHT, LEFT, WIDTH, PdfCanvas
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont

HEADER = ["序号", "指标", "单位", "2020年", "2025年", "属性"]
WIDTHS = [40, 180, 70, 60, 60, 60]


def repeated_header_pdf(pages: int = 3) -> bytes:
    """One indicator table over `pages` pages, its header row printed again at the top of each page."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "表1 “十四五”生态环境保护主要指标"]) - 10
    for page in range(pages):
        rows = [HEADER] + [[str(3 * page + k + 1), f"第{3 * page + k + 1}项水质达标率", "%", f"{60 + 3 * page + k}",
                            f"{70 + 3 * page + k}", "约束性"] for k in range(3)]
        c.grid(rows, top, WIDTHS)
        c.footer(page + 1)
        c.showPage()
        top = HEIGHT - 60
    return c.pdf()


def target_first_pdf() -> bytes:
    """The target column before the base column (目标 before 基准), and plain years in that order too."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "表1 主要指标"]) - 10
    rows = [["指标", "2025年目标值", "2020年基准值", "属性"],
            ["细颗粒物年均浓度(微克/立方米)", "≤33", "38", "约束性"],
            ["森林覆盖率(%)", "45", "43.2", "预期性"]]
    top = c.grid(rows, top, [200, 90, 90, 70])
    top = c.lines(["表2 其他指标"], top - 30) - 10
    rows = [["指标", "2025年", "2020年", "属性"], ["城市生活污水集中处理率(%)", "97", "95.5", "约束性"]]
    c.grid(rows, top, [200, 90, 90, 70])
    return c.pdf()


def landscape_table_pdf() -> bytes:
    """Portrait prose, then a landscape page holding a wide table (a column for each year)."""
    c = PdfCanvas()
    c.lines(["测试市“十四五”生态环境保护规划", "一、主要目标", "到2025年，城市生活污水集中收集率达到71%。"])
    c.footer(1)
    c.showPage()
    c.setPageSize(landscape(A4))
    c.setFont(FONT, 12)
    top = c.lines(["表1 主要指标年度目标"], A4[0] - 60) - 10
    rows = [["指标", "属性", "2020年", "2021年", "2022年", "2023年", "2024年", "2025年"],
            ["空气质量优良天数比率(%)", "约束性", "85.1", "85.5", "86", "86.5", "87", "88"],
            ["地表水优良水体比例(%)", "约束性", "70", "72", "74", "76", "78", "80"]]
    c.grid(rows, top, [210, 60, 70, 70, 70, 70, 70, 70])
    c.drawCentredString(A4[1] / 2, 30, "— 2 —")
    return c.pdf()


def unit_column_pdf() -> bytes:
    """A 单位 column filled for some rows, the unit in the label's brackets for others."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "表1 主要指标"]) - 10
    rows = [HEADER,
            ["1", "森林蓄积量", "万立方米", "3200", "3400", "预期性"],
            ["2", "化学需氧量重点工程减排量(万吨)", "", "—", "[0.52]", "约束性"],
            ["3", "细颗粒物年均浓度", "微克/立方米", "38", "33", "约束性"],
            ["4", "城市黑臭水体比例", "", "5", "0", "约束性"]]
    c.grid(rows, top, WIDTHS)
    return c.pdf()


def side_by_side_pdf() -> bytes:
    """Two small ruled tables next to each other, each under its own title."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划"]) - 10
    c.drawString(LEFT, top, "表1 大气环境指标")
    c.drawString(LEFT + 250, top, "表2 水环境指标")
    top -= 14
    c.grid([["指标", "2020年", "2025年"], ["优良天数比率(%)", "86", "88"], ["PM2.5浓度(微克/立方米)", "35", "32"]],
           top, [120, 50, 50])
    grid_at(c, [["指标", "2020年", "2025年"], ["优良水体比例(%)", "70", "75"], ["劣V类水体比例(%)", "2", "0"]],
            top, LEFT + 250, [120, 50, 50])
    c.lines(["二、保障措施", "加强组织领导。"], top - 120)
    return c.pdf()


def grid_at(c, rows, top: float, left: float, widths: list[float]) -> float:
    """grid() drawn from another left edge."""
    c.saveState()
    c.translate(left - LEFT, 0)
    bottom = c.grid(rows, top, widths)
    c.restoreState()
    return bottom


def pictured_indicator_table_pdf() -> bytes:
    """A plan whose indicator table is a picture (an image of a ruled grid, no text layer over it)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (1400, 500), 255)
    draw = ImageDraw.Draw(image)
    for y in range(10, 500, 96):
        draw.line([(10, y), (1390, y)], fill=0, width=3)
    for x in (10, 600, 860, 1120, 1390):
        draw.line([(x, 10), (x, 490)], fill=0, width=3)
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "一、主要目标", "到2025年，城市生活污水集中收集率达到71%。",
                   "表1 “十四五”主要指标"])
    w = WIDTH - 2 * LEFT
    h = w * 500 / 1400
    c.drawImage(ImageReader(image), LEFT, top - h, w, h)
    c.lines(["二、保障措施", "加强组织领导。"], top - h - 30)
    return c.pdf()


def em_descent_font_pdf() -> bytes:
    """An indicator table typeset the way 书版 systems print some plans: the hanzi in one font, the Latin
    letters, digits and brackets in another whose metrics declare a descent of a whole em, so that a
    reader measures them a line below the hanzi printed beside them (and a row's figures in the grid
    row under it). Drawn with a second CID font whose /Descent is rewritten in place (same length)."""
    latin = "HeiseiMin-W3"
    pdfmetrics.registerFont(UnicodeCIDFont(latin))
    c = PdfCanvas()
    top = c.lines(["测试省“十四五”生态环境保护规划", "表1 主要指标"]) - 10
    rows = [["指标", "属性", "2020年", "2025年"], [None, "约束性", None, None], [None, "预期性", None, None]]
    c.grid(rows, top, [220, 70, 70, 70])
    pieces = [[("细颗粒物", FONT), ("(PM2.5)", latin), ("浓度", FONT), ("(ug/m3)", latin)],
              [("放射源事故年发生率", FONT), ("(", latin), ("起", FONT), ("/", latin), ("万枚", FONT), (")", latin)]]
    for r, (line, figures) in enumerate(zip(pieces, [("26", "25"), ("0", "<1.3")], strict=True), start=1):
        x, y = LEFT + 4, top - 24 * r - 20  # near the rule under the row: the figures measure below it
        for text, font in line:
            c.setFont(font, 9)
            c.drawString(x, y, text)
            x += c.stringWidth(text, font, 9)
        c.setFont(latin, 9)
        for col, figure in enumerate(figures):
            c.drawString(LEFT + 294 + 70 * col, y, figure)
    data = c.pdf()
    declared = re.search(rb"/BaseFont /" + latin.encode() + rb" /CIDSystemInfo.{0,300}?/Descent (-\d+)", data, re.S)
    start, end = declared.span(1)
    return data[:start] + b"-999"[: end - start].ljust(end - start, b"9") + data[end:]


# Tables drawn without rules (a Word table whose borders are turned off): columns stand only by whitespace,
# a cell of several lines is centred in its row, and rows stand further apart than the lines of a cell.
RULELESS_X = [62, 112, 300, 380, 450]  # left edges: group column, label, 2020, 2025, 属性
_PITCH, _ROW_SPACE = 13, 9


def _ruleless(c, rows: list[list], top: float, centred: bool = True) -> float:
    """Rows of cells (a str, a list of lines, or None) at RULELESS_X, each cell centred in its row's height
    (or at its top, Word's default); the first cell may be (name lines, rows spanned): a group's name
    merged down several rows."""
    def lines(cell) -> list[str]:
        return [] if cell is None or isinstance(cell, tuple) else [cell] if isinstance(cell, str) else cell

    c.setFont(FONT, 10)
    tops = [top]
    for row in rows:
        tops.append(tops[-1] - max(len(lines(cell)) for cell in row) * _PITCH - _ROW_SPACE)

    def draw(col: int, text_lines: list[str], y_top: float, y_bottom: float) -> None:
        y = (y_top + y_bottom + _ROW_SPACE) / 2 + len(text_lines) * _PITCH / 2 if centred else y_top
        for line in text_lines:
            if col in (2, 3):  # figures centred under their year
                c.drawCentredString(RULELESS_X[col] + 30, y - 10, line)
            else:
                c.drawString(RULELESS_X[col], y - 10, line)
            y -= _PITCH

    for r, row in enumerate(rows):
        for col, cell in enumerate(row):
            if isinstance(cell, tuple):
                draw(col, cell[0], tops[r], tops[r + cell[1]])
            else:
                draw(col, lines(cell), tops[r], tops[r + 1])
    return tops[-1]


def ruleless_table_pdf(rows: list[list], centred: bool = True) -> bytes:
    """A plan page holding one indicator table without rules: title, a header of two lines (2020年 over
    基准值), the rows, a note and prose below."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "表1 “十四五”生态环境保护主要指标"]) - 6
    top = _ruleless(c, [[None, "指标", ["2020年", "基准值"], ["2025年", "目标值"], ["指标", "属性"]]], top)
    top = _ruleless(c, rows, top, centred)
    c.lines(["注：1.细颗粒物浓度为地级城市平均值。", "二、主要任务",
             "全面加强生态环境保护，持续改善区域环境质量，推进绿色低碳发展，确保完成各项目标。"], top - 14)
    c.footer(1)
    c.showPage()
    return c.pdf()


def ruleless_table_over_two_pages_pdf(first: list[list], second: list[list]) -> bytes:
    """A rule-less indicator table whose rows run on at the top of the next page, its header not repeated."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "一、主要目标", "表1 “十四五”生态环境保护主要指标"]) - 6
    top = _ruleless(c, [[None, "指标", ["2020年", "基准值"], ["2025年", "目标值"], ["指标", "属性"]]], top)
    _ruleless(c, first, top)
    c.footer(1)
    c.showPage()
    top = _ruleless(c, second, HEIGHT - 70)
    c.lines(["二、主要任务", "全面加强生态环境保护，持续改善区域环境质量，推进绿色低碳发展，确保完成各项目标。"], top - 14)
    c.footer(2)
    c.showPage()
    return c.pdf()


def two_column_prose_pdf() -> bytes:
    """A page of prose in two columns whose lines hold years and figures spaced out as words (到 2025 年,
    33 微克/立方米) and the words a table would (指标, 约束性): no table."""
    c = PdfCanvas()
    c.lines(["测试市“十四五”生态环境保护规划", "一、主要目标"])
    left = ["2020 年 全市空气质量优良天数", "比率为 85.1 %，细颗粒物年均浓", "度为 38 微克/立方米，各项约束", "性指标全面完成。",
            "到 2025 年，细颗粒物年均浓度", "降至 33 微克/立方米以下。"]
    right = ["2025 年 地表水优良水体比例达", "到 75 %，森林覆盖率达到 41 %", "以上，城市生活污水集中收集率", "达到 71 %。",
             "到 2035 年，生态环境根本好转，", "美丽测试基本建成。"]
    c.setFont(FONT, 10.5)
    y = HEIGHT - 140
    for a, b in zip(left, right, strict=True):
        c.drawString(LEFT, y, a)
        c.drawString(310, y, b)
        y -= 18
    c.footer(1)
    c.showPage()
    return c.pdf()

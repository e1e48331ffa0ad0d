"""A unit's superscript (m³ printed as m with a raised small 3) stays on its line in the text read from a PDF:
pdfium's text layer breaks the line before and after a character set smaller and higher (64m⏎3⏎/s)."""

from __future__ import annotations

from pdf_drawing import FONT, LEFT, TOP, PdfCanvas

from loaders.pdf import read_pdf

RAISE = 5  # points above the baseline of 12-point text


def _draw(drawing: PdfCanvas, parts: list[tuple[str, bool]], top: float) -> None:
    """One line of text; the parts marked True set small and raised, as a unit's power is printed."""
    x = LEFT
    for text, raised in parts:
        size = 7 if raised else 12
        drawing.setFont(FONT, size)
        drawing.drawString(x, top + (RAISE if raised else 0), text)
        x += drawing.stringWidth(text, FONT, size)


def _pdf() -> bytes:
    drawing = PdfCanvas()
    drawing.lines(["一、水资源", "（一）河湖生态流量"])
    _draw(drawing, [("重点河流生态基流不低于64m", False), ("3", True), ("/s，万元工业增加值用水量下降到35.9m", False),
                    ("3", True), ("/万元。", False)], TOP - 66)
    _draw(drawing, [("细颗粒物年均浓度不高于30μg/m", False), ("3", True), ("，新增绿地120万m", False), ("2", True), ("。", False)],
          TOP - 88)
    _draw(drawing, [("二氧化碳（CO", False), ("2", True), ("）排放强度下降18%。", False)], TOP - 110)
    return drawing.pdf()


def test_a_units_superscript_stays_on_its_line():
    text = read_pdf(_pdf(), "plan.pdf").text
    lines = text.splitlines()
    assert "重点河流生态基流不低于64m3/s,万元工业增加值用水量下降到35.9m3/万元。" in lines
    assert "细颗粒物年均浓度不高于30μg/m3,新增绿地120万m2。" in lines
    assert "二氧化碳(CO2)排放强度下降18%。" in lines  # a subscript too

"""Test PDFs drawn with reportlab (BSD): the page setup, the font, lines of text and ruled grids in one place.

The font is reportlab's built-in Adobe CID font STSong-Light, so no font file is needed; tables are drawn
as ruled grids the way office software prints them. A drawing is a PdfCanvas: draw on it, then take
its bytes with .pdf().
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = A4
LEFT, LINE = 60, 22  # the left margin and the pitch of text lines
TOP = HEIGHT - 80  # where the first line of a page stands
ROW = 24  # the height of a grid row


class PdfCanvas(canvas.Canvas):
    """An A4 canvas drawing into memory in FONT at 12 points (the document's title set, as office software does)."""

    def __init__(self, **options) -> None:
        self._out = io.BytesIO()
        super().__init__(self._out, pagesize=A4, **options)
        self.setTitle("测试市生态环境保护规划")
        self.setFont(FONT, 12)

    def lines(self, lines: list[str], top: float = TOP) -> float:
        """Lines of text from `top` down, in FONT at 12 points; returns the height below the last one."""
        self.setFont(FONT, 12)
        for line in lines:
            self.drawString(LEFT, top, line)
            top -= LINE
        return top

    def footer(self, n: int) -> None:
        """A page number centred at the foot of the page, as plans print it: — n —."""
        self.drawCentredString(WIDTH / 2, 30, f"— {n} —")

    def grid(self, rows: list[list[str | None]], top: float, widths: list[float], merges=()) -> float:
        """A ruled table from LEFT; merges: ((r0, c0), (r1, c1)) blocks drawn as one cell (no inner rules, text
        once); None or "" draws no text. Returns the height of its bottom rule."""
        xs = [LEFT]
        for w in widths:
            xs.append(xs[-1] + w)
        ys = [top - r * ROW for r in range(len(rows) + 1)]
        covered: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        for (r0, c0), (r1, c1) in merges:
            for r in range(r0, r1 + 1):
                for col in range(c0, c1 + 1):
                    covered[(r, col)] = (r0, c0, r1, c1)
        self.setLineWidth(0.8)
        for r in range(len(rows)):
            for col in range(len(widths)):
                r0, c0, r1, c1 = covered.get((r, col), (r, col, r, col))
                if (r, col) != (r0, c0):
                    continue
                x0, x1, y_top, y_bottom = xs[c0], xs[c1 + 1], ys[r0], ys[r1 + 1]
                self.rect(x0, y_bottom, x1 - x0, y_top - y_bottom)
                if rows[r][col]:
                    self.setFont(FONT, 10)
                    self.drawString(x0 + 4, (y_top + y_bottom) / 2 - 4, rows[r][col])
        return ys[-1]

    def pdf(self) -> bytes:
        """The file's bytes; the page drawn last is closed first unless it is empty (reportlab's save)."""
        self.save()
        return self._out.getvalue()

"""Generated PDF and Word files for the edge cases of tests/test_pdf_word.py.

PDFs are drawn on tests/pdf_drawing.py's canvas (reportlab). Scans (images of pages, for OCR) are drawn
with Pillow in a CJK font of the system (fonts-noto-cjk, `make chromium`). Old binary Word files are built
byte by byte (a compound file holding a Word 97 text stream).
"""

from __future__ import annotations

import io
import struct
import subprocess

from pdf_drawing import FONT, HEIGHT, LEFT, WIDTH, PdfCanvas
from reportlab.lib.pdfencrypt import StandardEncryption


def plan_pdf() -> bytes:
    """Two pages: prose with an OCR-like spaced number and page numbers; an indicator table with a
    two-line header continued across the page break (its header row repeated)."""
    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "一、主要目标",
                   "到2025年，全市PM2.5平均浓度 37 微克/立方米，空气质量优良天",
                   "数比率达到85%。", "表1 主要指标"])
    header = [["指标", "单位", "年份", None, "属性"], [None, None, "2020年", "2025年", None]]
    merges = [((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 2), (0, 3)), ((0, 4), (1, 4))]
    widths = [170, 70, 70, 70, 70]
    rows = header + [["细颗粒物浓度", "微克/立方米", "41", "≤35", "约束性"],
                     ["森林覆盖率", "%", "30.5", "31", "预期性"]]
    top = c.grid(rows, top - 10, widths, merges)
    c.footer(1)
    c.showPage()
    rows2 = header + [["化学需氧量减排量", "万吨", "—", "[1.2]", "约束性"],
                      ["城市黑臭水体", "%", "12", "完成省下达任务", "约束性"],
                      ["地表水优良比例", "%", "80", "85左右", "约束性"]]
    top = c.grid(rows2, HEIGHT - 60, widths, merges)
    c.lines(["二、保障措施", "加强组织领导。"], top - 30)
    c.footer(2)
    return c.pdf()


def open_last_column_pdf() -> bytes:
    """An indicator table whose last column has no right rule in its body rows (its border lies off
    the page): only the header cell of that column is a closed box."""
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "表1 规划指标"]) - 10
    rows = [["指标", "属性", "2020年"], ["区域细颗粒物年均浓度", "约束性", "38"],
            ["区域森林覆盖率(%)", "约束性", "40.2"], ["区域空气优良天数比率(%)", "约束性", "80.5"]]
    c.grid(rows, top, [200, 80, 100])
    x0 = LEFT + 380
    c.rect(x0, top - 24, 100, 24)
    c.setFont(FONT, 10)
    c.drawString(x0 + 4, top - 16, "2025年目标")
    for r, value in enumerate(["33", "41", "84"], start=1):
        y = top - 24 * (r + 1)
        c.line(x0, y, x0 + 100, y)
        c.drawString(x0 + 4, y + 8, value)
    return c.pdf()


def prose_pdf(pages: int = 2, rotate: int = 0) -> bytes:
    c = PdfCanvas()
    for n in range(1, pages + 1):
        if rotate:
            c.setPageRotation(rotate)
        c.lines(["测试市人民政府办公室", f"第{n}部分 工作要点", f"到2025年，城市生活污水集中收集率达到{70 + n % 20}%。"])
        c.footer(n)
        c.showPage()
    return c.pdf()


def encrypted_pdf() -> bytes:
    c = PdfCanvas(encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.lines(["加密文件"])
    return c.pdf()


def scanned_pdf() -> bytes:
    """Pages with drawings only: what a scan without an OCR text layer looks like to a reader."""
    c = PdfCanvas()
    for _ in range(2):
        c.rect(60, 60, 400, 600, fill=1)
        c.showPage()
    return c.pdf()


def plan_docx() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "测试市生态环境工作要点"
    d.add_paragraph("测试市2025年生态环境工作要点")
    d.add_paragraph("深入打好蓝天保卫战", style="List Number")
    d.add_paragraph("全市PM2.5平均浓度控制在30微克/立方米以内。")
    d.add_paragraph("深入打好碧水保卫战", style="List Number")
    table = d.add_table(rows=4, cols=4)
    cells = [["指标", "2024年", "2025年目标", "属性"], ["空气质量优良天数比率（%）", "88.5", "≥90", "约束性"],
             ["森林覆盖率（%）", "40", "41", "预期性"], ["备注", "", "", ""]]
    for r, row in enumerate(cells):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    table.cell(3, 1).merge(table.cell(3, 3))
    d.add_paragraph("加强组织保障。")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# --- scans: pages as images, no text layer ------------------------------------------------------

SCAN_DPI = 200


def cjk_font(size: int):
    """A Pillow font with simplified Chinese glyphs (fontconfig's choice), or None when the system has none."""
    from PIL import ImageFont

    try:
        found = subprocess.run(["fc-match", "-f", "%{file}|%{index}", ":lang=zh-cn"], capture_output=True,
                               text=True, timeout=30).stdout
    except OSError:
        return None
    path, _, index = found.partition("|")
    if not path.endswith((".ttc", ".otf", ".ttf")):
        return None
    font = ImageFont.truetype(path, size, index=int(index or 0))
    return font if font.getmask("指标").getbbox() else None  # a Latin fallback font draws no hanzi


def page_image(lines: list[str], table: list[list[str]] | None = None, size: float = 12):
    """An A4 page image at SCAN_DPI: lines of text in a font of `size` points, then a ruled table, as a
    scanner sees a printed page."""
    from PIL import Image, ImageDraw

    font = cjk_font(round(size / 72 * SCAN_DPI))
    image = Image.new("L", (round(WIDTH / 72 * SCAN_DPI), round(HEIGHT / 72 * SCAN_DPI)), 255)
    draw = ImageDraw.Draw(image)
    x, y, step = SCAN_DPI, SCAN_DPI, round(size * 1.8 / 72 * SCAN_DPI)
    for line in lines:
        draw.text((x, y), line, font=font, fill=0)
        y += step
    widths = [2.8, 1.0, 1.0, 1.0]
    for row in table or []:
        left = x
        for cell, width in zip(row, widths, strict=False):
            right = left + round(width * SCAN_DPI)
            draw.rectangle([left, y, right, y + step + 10], outline=0, width=2)
            draw.text((left + 10, y + 10), cell, font=font, fill=0)
            left = right
        y += step + 10
    return image


SCAN_LINES = ["测试市“十四五”生态环境保护规划", "一、主要目标",
              "到2025年，全市细颗粒物平均浓度控制在37微克/立方米以内，", "空气质量优良天数比率达到85%。", "表1 主要指标"]
SCAN_TABLE = [["指标", "2020年", "2025年", "属性"], ["细颗粒物浓度(微克/立方米)", "41", "35", "约束性"],
              ["森林覆盖率(%)", "30.5", "31", "预期性"]]


def scan_pdf(pages: int = 1) -> bytes:
    """A scan: images of a printed plan page (prose and an indicator table), no text layer."""
    buf = io.BytesIO()
    image = page_image(SCAN_LINES, SCAN_TABLE)
    image.save(buf, "PDF", resolution=SCAN_DPI, save_all=True, append_images=[image] * (pages - 1))
    return buf.getvalue()


def text_then_scan_pdf() -> bytes:
    """Page 1 with a text layer, page 2 a scanned image of a page."""
    from reportlab.lib.utils import ImageReader

    c = PdfCanvas()
    c.lines(["测试市人民政府办公室", "一、总体要求", "到2025年，城市生活污水集中收集率达到71%。"])
    c.showPage()
    c.drawImage(ImageReader(page_image(["二、重点任务", "到2025年，全市森林覆盖率达到42%。"])), 0, 0, WIDTH, HEIGHT)
    return c.pdf()


def pictured_table_pdf() -> bytes:
    """A page with a text layer and, under its title, an indicator table pasted as a picture."""
    from reportlab.lib.utils import ImageReader

    c = PdfCanvas()
    top = c.lines(["测试市“十四五”生态环境保护规划", "一、主要目标", "到2025年，城市生活污水集中收集率达到71%。",
                   "表1 主要指标"])
    rows = round(len(SCAN_TABLE) * (12 * 1.8 / 72 * SCAN_DPI + 10)) + 10
    picture = page_image([], SCAN_TABLE).crop((SCAN_DPI - 10, SCAN_DPI - 10, round(6.9 * SCAN_DPI), SCAN_DPI + rows))
    w, h = picture.width / SCAN_DPI * 72, picture.height / SCAN_DPI * 72
    c.drawImage(ImageReader(picture), LEFT, top - h, w, h)
    c.lines(["二、保障措施", "加强组织领导。"], top - h - 30)
    return c.pdf()


# --- old binary Word (.doc) ---------------------------------------------------------------------

_SECTOR, _END, _FREE, _FATSECT = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def _directory_entry(name: str, kind: int, start: int = _END, size: int = 0, child: int = _FREE, left: int = _FREE) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    entry = raw.ljust(64, b"\0") + struct.pack("<HBB3I", len(raw), kind, 1, left, _FREE, child)
    return (entry + b"\0" * 36 + struct.pack("<IQ", start, size)).ljust(128, b"\0")


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """A compound file (OLE2, version 3) holding streams of >= 4096 bytes each (no mini stream)."""
    body, fat, entries = b"", [_FATSECT, _END], [_directory_entry("Root Entry", 5, child=1)]
    for i, (name, data) in enumerate(streams.items(), start=1):
        n = -(-len(data) // _SECTOR)
        start = len(fat)
        fat += [start + k + 1 for k in range(n - 1)] + [_END]
        entries.append(_directory_entry(name, 2, start, len(data), left=i + 1 if i < len(streams) else _FREE))
        body += data.ljust(n * _SECTOR, b"\0")
    fat += [_FREE] * (_SECTOR // 4 - len(fat))
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<5H", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<9I", 0, 1, 1, 0, 0x1000, _END, 0, _END, 0) + struct.pack("<109I", 0, *[_FREE] * 108)
    return header + struct.pack(f"<{_SECTOR // 4}I", *fat) + b"".join(entries).ljust(_SECTOR, b"\0") + body


def old_word_doc(paragraphs: list[str]) -> bytes:
    """A Word 97 (.doc) file: its text as one Unicode piece (FIB, piece table in 1Table), no formatting."""
    text = ("\r".join(paragraphs) + "\r").encode("utf-16-le")
    fc_min = 0x800
    fib = bytearray(fc_min)
    struct.pack_into("<4H", fib, 0, 0xA5EC, 0x00C1, 0, 0x0804)  # wIdent, nFib (Word 97), lid zh-CN
    struct.pack_into("<2H", fib, 0x0A, 0x0200 | 0x1000, 0x00BF)  # fWhichTblStm (1Table), fExtChar; nFibBack
    struct.pack_into("<2I", fib, 0x18, fc_min, fc_min + len(text))  # fcMin, fcMac
    struct.pack_into("<H", fib, 0x20, 14)  # csw
    struct.pack_into("<H", fib, 0x3E, 22)  # cslw
    struct.pack_into("<I", fib, 0x40, fc_min + len(text))  # cbMac
    struct.pack_into("<I", fib, 0x4C, len(text) // 2)  # ccpText
    struct.pack_into("<H", fib, 0x98, 0x5D)  # cbRgFcLcb
    pieces = struct.pack("<2I", 0, len(text) // 2) + struct.pack("<HIH", 0, fc_min, 0)  # one Unicode piece
    clx = bytes([2]) + struct.pack("<I", len(pieces)) + pieces
    struct.pack_into("<2I", fib, 0x1A2, 0, len(clx))  # fcClx, lcbClx
    return _compound_file({"WordDocument": (bytes(fib) + text).ljust(4096, b"\0"), "1Table": clx.ljust(4096, b"\0")})

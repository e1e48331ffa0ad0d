"""Stage 1 for Word: .docx bytes -> CleanDocument (paragraphs with their numbering, tables as tables).

python-docx (MIT) reads the body in order. Word's automatic numbering is not in the paragraph text,
so it is written back (一、 / (一) / 1. / (1) from the list's number format and level) for the items
stage to see. Tables go through loaders.tables like those of a PDF. Old binary .doc and WPS files
are converted to text by catdoc (Debian's catdoc, `make catdoc`; it keeps Chinese text with -d utf-8)
and read as any text file; without catdoc they are refused with a message saying how to convert them.
"""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from loaders import reading
from loaders.errors import LoadError
from loaders.records import CleanDocument
from loaders.tables import Table, TableBlock, render

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "一二三四五六七八九十"


def _chinese(n: int) -> str:
    if n <= 10:
        return _CN[n - 1]
    tens, ones = divmod(n, 10)
    return (_CN[tens - 1] if tens > 1 else "") + "十" + (_CN[ones - 1] if ones else "")


def _marker(fmt: str, level: int, n: int) -> str:
    """The number as Word prints it, in the style a Chinese document uses at that level."""
    if fmt.startswith(("chinese", "ideograph", "japaneseCounting", "taiwaneseCounting")):
        return f"{_chinese(n)}、" if level == 0 else f"({_chinese(n)})"
    if fmt == "bullet":
        return ""
    return f"{n}." if level % 2 == 0 else f"({n})"


def _number_formats(doc) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt of the document's lists."""
    try:
        numbering = doc.part.numbering_part.element
    except (NotImplementedError, KeyError, AttributeError):
        return {}
    abstract = {a.get(f"{_W}abstractNumId"): a for a in numbering.iter(f"{_W}abstractNum")}
    formats: dict[tuple[str, int], str] = {}
    for num in numbering.iter(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        a = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
        for lvl in a.iter(f"{_W}lvl") if a is not None else ():
            fmt = lvl.find(f"{_W}numFmt")
            formats[(num.get(f"{_W}numId"), int(lvl.get(f"{_W}ilvl")))] = fmt.get(f"{_W}val") if fmt is not None else "decimal"
    return formats


def _table(tbl) -> Table:
    """A Word table as a grid; a merged cell (python-docx repeats it) is written once, at its origin."""
    cells: list[list[str | None]] = []
    origin: list[list[tuple[int, int]]] = []
    first: dict = {}  # cell element -> its origin (the dict keeps lxml's proxies alive, so `in` is identity)
    for r, row in enumerate(tbl.rows):
        cells.append([])
        origin.append([])
        for c, cell in enumerate(row.cells):
            key = cell._tc
            if key in first:
                cells[r].append(None)
                origin[r].append(first[key])
            else:
                first[key] = (r, c)
                cells[r].append("\n".join(p.text for p in cell.paragraphs))
                origin[r].append((r, c))
    width = max((len(row) for row in cells), default=0)
    for r in range(len(cells)):
        origin[r] += [(r, c) for c in range(len(cells[r]), width)]
        cells[r] += [""] * (width - len(cells[r]))
    return Table(cells, origin)


def read_docx(data: bytes, name: str = "") -> CleanDocument:
    import docx
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    try:
        doc = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise LoadError("corrupt_file", f"{name}: the Word file cannot be opened ({exc}); save it again from Word or WPS as .docx") from None
    formats = _number_formats(doc)
    counters: dict[tuple[str, int], int] = {}
    lines: list[str] = []
    blocks: list[TableBlock] = []
    for child in doc.element.body.iterchildren():
        if child.tag == f"{_W}p":
            para = Paragraph(child, doc)
            text = para.text.strip()
            num = child.find(f"{_W}pPr/{_W}numPr")
            if num is None and para.style is not None and para.style.element.pPr is not None:
                num = para.style.element.pPr.find(f"{_W}numPr")  # a list style (List Number) numbers its paragraphs
            if num is not None and text:
                num_id = num.find(f"{_W}numId")
                ilvl = num.find(f"{_W}ilvl")
                key = (num_id.get(f"{_W}val") if num_id is not None else "0", int(ilvl.get(f"{_W}val")) if ilvl is not None else 0)
                counters[key] = counters.get(key, 0) + 1
                for deeper in [k for k in counters if k[0] == key[0] and k[1] > key[1]]:
                    del counters[deeper]  # a sub-list restarts under each parent item
                text = _marker(formats.get(key, "decimal"), key[1], counters[key]) + text
            for line in reading.normalise(text):
                simplified, _ = reading.simplify(line)
                if not reading.is_clutter(simplified):
                    lines.append(simplified)
        elif child.tag == f"{_W}tbl":
            table = _table(DocxTable(child, doc))
            table.table_no = len(blocks) + 1
            reading.normalise_cells(table.cells)
            block = render(table)
            block.char_start = sum(len(line) + 1 for line in lines)
            blocks.append(block)
            lines.extend(block.lines)
    if not any(lines):
        raise LoadError("no_text", f"{name}: the Word file holds no text")
    props = {}
    core = doc.core_properties
    if core.title and re.search(r"[\u4e00-\u9fff]", core.title):
        props["title"] = core.title.strip()
    if core.created:
        props["created"] = core.created.date().isoformat()
    text = "\n".join(lines)
    return CleanDocument(text=text, encoding="docx", source_format="docx", script="simplified",
                         original_text=text, tables=blocks, properties=props)


CATDOC_TIMEOUT = 120  # seconds: a damaged file must not stall the load
_CONVERT = ("save it as .docx or PDF (Word/WPS: 另存为), or convert it with "
            "`libreoffice --headless --convert-to docx FILE`, and load the result")
_HOW_TO_CONVERT = f"`make catdoc` installs the converter (apt-get install catdoc); or {_CONVERT}"


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file: Word 97-2003, WPS


def read_old_word(data: bytes, name: str = "") -> CleanDocument:
    """An old binary Word (.doc) or WPS (.wps) file (or RTF under that name) -> its text by catdoc -> the
    text path (loaders.reading). A web page or text saved under a Word name, common on government sites,
    is read as what it is (catdoc would take its UTF-8 for Latin-1)."""
    if not data.startswith(_OLE) and not data.lstrip().startswith(b"{\\rtf"):
        try:
            return reading.read_document(data, name)
        except LoadError as err:
            if err.reason != "binary_file":
                raise
            raise LoadError("unsupported_format", f"{name}: neither an old Word/WPS file (a compound file or RTF) "
                            f"nor text or HTML; {_CONVERT}") from None
    catdoc = shutil.which("catdoc")
    if catdoc is None:
        raise LoadError("unsupported_format", f"{name}: old binary Word/WPS files (.doc, .wps) need catdoc to be read, "
                        f"and it is not installed: {_HOW_TO_CONVERT}")
    with tempfile.TemporaryDirectory(prefix="envwh-doc-") as tmp:
        path = Path(tmp) / "document.doc"
        path.write_bytes(data)
        try:  # -w: one paragraph a line (no wrapping); -d utf-8: Chinese text kept
            run = subprocess.run([catdoc, "-w", "-d", "utf-8", str(path)], capture_output=True, timeout=CATDOC_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise LoadError("corrupt_file", f"{name}: catdoc took over {CATDOC_TIMEOUT} s; the file is damaged or not a "
                            f"Word/WPS document: {_HOW_TO_CONVERT}") from None
    if run.returncode != 0 or not run.stdout.strip():
        why = " ".join(run.stderr.decode("utf-8", "replace").split()) or "no text"
        raise LoadError("unsupported_format", f"{name}: catdoc could not read it ({why}); {_HOW_TO_CONVERT}")
    doc = reading.read_document(run.stdout, name)
    kind = "wps" if name.lower().endswith(".wps") else "doc"
    return dataclasses.replace(doc, encoding=kind, source_format=kind)

"""OCR of scanned PDF pages (`envwh load --ocr`): page images -> a PDF text layer, by tesseract.

tesseract (Apache-2.0) with its simplified-Chinese model (Debian: tesseract-ocr tesseract-ocr-chi-sim;
`make ocr` installs both) is called as a program, so no Python binding is needed. It gives every word
with its box (TSV); loaders/pdf.py makes pages of them like those of a PDF's text layer (lines of prose,
tables found from word positions by loaders/pdf_tables.py) and reads the document as any other PDF.
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.errors import LoadError

if TYPE_CHECKING:
    from loaders.tables import Table

LANGUAGE = "chi_sim"
DPI = 300  # tesseract's models are trained on print scanned at about 300 dpi
TIMEOUT_PER_PAGE = 120  # seconds: a stuck tesseract must not stall the load
HOW_TO_INSTALL = "`make ocr` installs tesseract and its chi_sim model (apt-get install tesseract-ocr tesseract-ocr-chi-sim)"


@functools.cache
def tesseract_version() -> str | None:
    """'tesseract 5.3.0' when tesseract and its chi_sim model are installed, else None."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30)
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if LANGUAGE not in (langs.stdout + langs.stderr).split():
        return None
    first = (version.stdout or version.stderr).splitlines()
    return first[0].strip() if first else "tesseract"


RULE_INCHES = 0.5  # a straight dark run this long is a table rule (a character's stroke is shorter)


def _runs_at_least(dark, length: int):
    """Pixels on a vertical run of dark pixels at least `length` long (sums over windows, as slices)."""
    import numpy as np

    n, width = dark.shape
    counts = np.zeros((n + 1, width), dtype=np.int32)
    np.cumsum(dark, axis=0, dtype=np.int32, out=counts[1:])
    starts = np.zeros((n + length, width), dtype=np.int32)  # starts[length + i]: rows i .. i+length-1 all dark
    starts[length : n + 1] = (counts[length:] - counts[:-length]) == length
    # a pixel lies on a run when one of the `length` windows holding it is all dark
    held = np.zeros((n + length + 1, width), dtype=np.int32)
    np.cumsum(starts, axis=0, dtype=np.int32, out=held[1:])
    return (held[length + 1 : length + 1 + n] - held[1 : 1 + n]) > 0


def _rule_masks(pixels):
    """(vertical, horizontal) at half resolution (4x faster; either diagonal of each 2x2 block holds a 1-pixel
    rule): the pixels on a straight dark run at least RULE_INCHES long."""
    import numpy as np

    h, w = (pixels.shape[0] // 2) * 2, (pixels.shape[1] // 2) * 2
    dark = pixels[:h, :w] < 200  # the grey edges of a rule too
    half = dark[::2, ::2] | dark[1::2, 1::2]
    length = round(RULE_INCHES * DPI / 2)
    return _runs_at_least(half, length), _runs_at_least(np.ascontiguousarray(half.T), length).T


def _centres(indices) -> list[int]:
    """The middle of each run of neighbouring indices (the rows or columns of one drawn rule)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i - runs[-1][1] <= 3:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(a + b) // 2 for a, b in runs]


MIN_CELL = 20  # pixels: a narrower gap between two rules holds no text
MIN_GRID_CELLS = 6
CELL_MARGIN = 4  # pixels inside a cell's rules, where a scanned rule blurs


def grid_cells(image, masks=None) -> list[tuple[int, int, int, int, int]]:
    """(left, top, right, bottom, row) in pixels of the cells of the ruled tables drawn on a page image: for each
    band between two horizontal rules, the spans between the vertical rules crossing all of it (a cell merged
    over several bands is cut at their rules). Empty when the page draws no grid. masks: _rule_masks's."""
    import numpy as np

    vertical, horizontal = masks or _rule_masks(np.asarray(image.convert("L")))
    rows = _centres(np.nonzero(horizontal.any(axis=1))[0])  # at half resolution, as the masks
    margin = CELL_MARGIN // 2
    cells = []
    for row, (top, bottom) in enumerate(itertools.pairwise(rows)):
        if 2 * (bottom - top) < MIN_CELL:
            continue
        cols = _centres(np.nonzero(vertical[top + margin : bottom - margin].all(axis=0))[0])
        cells += [(int(2 * left + CELL_MARGIN), int(2 * top + CELL_MARGIN), int(2 * right - CELL_MARGIN),
                   int(2 * bottom - CELL_MARGIN), row) for left, right in itertools.pairwise(cols) if 2 * (right - left) >= MIN_CELL]
    return cells if len(cells) >= MIN_GRID_CELLS else []


def without_rules(image, masks=None):
    """The page image with the rules of its tables erased: OCR reads a rule as | or 1 (|41 -> 141)."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image.convert("L"))
    h, w = (pixels.shape[0] // 2) * 2, (pixels.shape[1] // 2) * 2
    vertical, horizontal = masks or _rule_masks(pixels)
    found = vertical | horizontal
    if not found.any():
        return image
    rules = np.zeros(pixels.shape, dtype=bool)
    rules[:h, :w] = found.repeat(2, axis=0).repeat(2, axis=1)
    grown = rules.copy()  # and the pixels next to it, where a scanned rule blurs
    for shift in (1, 2):
        grown[shift:] |= rules[:-shift]
        grown[:-shift] |= rules[shift:]
        grown[:, shift:] |= rules[:, :-shift]
        grown[:, :-shift] |= rules[:, shift:]
    return Image.fromarray(np.where(grown, 255, pixels).astype(np.uint8))


PAGES_PER_RUN = 16  # page images on disk at a time (about 1 MB each as PNG); tesseract's model loads once a run


def read_scans(images, name: str) -> list[list[dict]]:
    """PIL images of pages rendered at DPI -> for each page, the phrases tesseract read there: dicts with
    text, x0, x1, top, bottom (points from the page's top left, like pdfplumber's words) and line (the
    line tesseract's layout analysis put it on), in tesseract's reading order."""
    if tesseract_version() is None:
        raise LoadError("needs_ocr", f"{name}: the PDF holds scanned pages and --ocr was given, but tesseract or its "
                        f"{LANGUAGE} model is not installed: {HOW_TO_INSTALL}")
    import numpy as np

    pages: list[list[dict]] = []
    batch: list = []
    for image in images:  # rendered one at a time: a page image at 300 dpi is ~9 MB in memory
        masks = _rule_masks(np.asarray(image.convert("L")))
        clean = without_rules(image, masks)
        batch.append(clean)
        if cells := grid_cells(image, masks):
            batch.append((clean, cells))
        if len(batch) >= PAGES_PER_RUN:
            pages += _read_batch(batch, name)
            batch = []
    return pages + (_read_batch(batch, name) if batch else [])


def _read_batch(batch: list, name: str) -> list[list[dict]]:
    """Pages (images) each followed, when it draws a grid, by (image, its cells): the page's phrases, with
    those inside the grid replaced by one phrase per cell read on its own. Read whole, a page without its
    rules lets tesseract run a line across neighbouring cells (a label, its figures and 约束性 in one)."""
    pages = _tesseract([item for item in batch if not isinstance(item, tuple)], name)
    out: list[list[dict]] = []
    for item in batch:
        if not isinstance(item, tuple):
            out.append(pages[len(out)])
            continue
        image, cells = item
        crops = [image.crop(cell[:4]) for cell in cells]
        read = _tesseract(crops, name, psm=6)  # 6: one block of text, as a cell is
        out[-1] = _with_cells(out[-1], cells, read)
    return out


def _with_cells(words: list[dict], cells: list[tuple], read: list[list[dict]]) -> list[dict]:
    scale = 72 / DPI
    top = min(c[1] for c in cells) * scale
    pad = CELL_MARGIN * 2

    def inside(w: dict) -> bool:  # read again in its cell
        x, y = (w["x0"] + w["x1"]) / 2 / scale, (w["top"] + w["bottom"]) / 2 / scale
        return any(c[0] - pad <= x <= c[2] + pad and c[1] - pad <= y <= c[3] + pad for c in cells)

    kept = [w for w in words if not inside(w)]
    above = [w for w in kept if w["bottom"] <= top]
    cell_phrases = []
    for (x0, y0, x1, y1, row), phrases in zip(cells, read, strict=True):
        ordered = sorted(phrases, key=lambda w: (w["top"], w["x0"]))
        # a cell's text with its box and its place in the grid ("cell": band, left and right rule in pixels)
        cell_phrases.append({"text": "".join(w["text"] for w in ordered), "x0": x0 * scale, "x1": x1 * scale,
                             "top": y0 * scale, "bottom": y1 * scale, "line": ("grid", row), "cell": (row, x0, x1)})
    return above + cell_phrases + [w for w in kept if w["bottom"] > top]


def _nearest(edges: list[int], x: int) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


EDGE_TOLERANCE = 12  # pixels between the ends of cells on one vertical rule


def grid_tables(phrases: list[dict]) -> list[tuple[tuple[float, float, float, float], Table]]:
    """Tables of the grid cells among a page's phrases (grid_cells read one by one): a column between each
    two neighbouring vertical rules, a row per band; a cell wider than a column covers the columns it
    spans. Bands without cells between them end a table."""
    from loaders.tables import Table

    cells = [w for w in phrases if "cell" in w]
    tables: list[list[dict]] = []
    for w in sorted(cells, key=lambda w: w["cell"]):
        if not tables or w["cell"][0] - tables[-1][-1]["cell"][0] > 1:
            tables.append([])
        tables[-1].append(w)
    out = []
    for group in tables:
        edges: list[int] = []
        for x in sorted(x for w in group for x in (w["cell"][1], w["cell"][2])):
            if not edges or x - edges[-1] > EDGE_TOLERANCE:
                edges.append(x)

        bands = sorted({w["cell"][0] for w in group})
        width = len(edges) - 1
        rows: list[list[str | None]] = [[None] * width for _ in bands]
        origin = [[(r, c) for c in range(width)] for r in range(len(bands))]
        for w in group:
            r, c0, c1 = bands.index(w["cell"][0]), _nearest(edges, w["cell"][1]), _nearest(edges, w["cell"][2])
            if c1 <= c0 or c0 >= width:
                continue
            rows[r][c0] = w["text"]
            for c in range(c0 + 1, min(c1, width)):
                origin[r][c] = (r, c0)
        if len(bands) >= 2 and width >= 2:
            box = (min(w["x0"] for w in group), min(w["top"] for w in group),
                   max(w["x1"] for w in group), max(w["bottom"] for w in group))
            out.append((box, Table(rows, origin)))
    return out


def _tesseract(images: list, name: str, psm: int | None = None) -> list[list[dict]]:
    with tempfile.TemporaryDirectory(prefix="envwh-ocr-") as tmp:
        paths: list[str] = []
        for i, image in enumerate(images):
            path = Path(tmp) / f"page{i:05d}.png"
            image.save(path, dpi=(DPI, DPI))
            paths.append(str(path))
        listing = Path(tmp) / "pages.txt"
        listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
        out = Path(tmp) / "ocr"
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread: the loader runs one worker per core
        cmd = [shutil.which("tesseract") or "tesseract", str(listing), str(out), "-l", LANGUAGE, "--dpi", str(DPI), *(["--psm", str(psm)] if psm else []), "tsv"]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT_PER_PAGE * len(paths))
        except subprocess.TimeoutExpired:
            raise LoadError("ocr_failed", f"{name}: tesseract took over {TIMEOUT_PER_PAGE} s a page; the scan was not read") from None
        tsv = out.with_suffix(".tsv")
        if run.returncode != 0 or not tsv.exists():
            tail = " ".join((run.stderr or "").split()[-30:])
            raise LoadError("ocr_failed", f"{name}: tesseract failed (exit {run.returncode}: {tail}); the scan was not read")
        return _phrases(tsv.read_text(encoding="utf-8"), len(paths))


PHRASE_GAP = 0.7  # words of one line closer than this share of the line's height are one phrase
# confidence (0-100) under which a word's marks at its ends are a smudge or a rule's remains, and a
# figure of two digits or more is left out rather than guessed: misread ones (15.4% -> 15.496) mostly
# come below it
_DOUBTFUL = 60
_MARKS = "\"“”'‘’|丨｜"  # what tesseract makes of a rule or a smudge next to a cell's text


def _phrases(tsv: str, n_pages: int) -> list[list[dict]]:
    """tesseract's TSV -> phrases per page. tesseract splits a run of Chinese into words with gaps of
    about half a character; joined, a line of prose is one phrase, while table cells, further apart,
    stay apart (the way pdfplumber finds the words of a printed page)."""
    lines: dict[tuple[int, int, int, int], list[dict]] = {}
    scale = 72 / DPI
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue  # only words (level 5) with text
        page, block, par, line = (int(c) for c in cols[1:5])
        left, top, width, height = (int(c) for c in cols[6:10])
        text = cols[11].strip()
        if float(cols[10]) < _DOUBTFUL:
            text = "" if sum(ch.isdigit() for ch in text) >= 2 else text.strip(_MARKS)  # 表1: a lone digit stays
        if text and 0 < page <= n_pages:
            lines.setdefault((page, block, par, line), []).append(
                {"text": text, "x0": left * scale, "x1": (left + width) * scale, "top": top * scale,
                 "bottom": (top + height) * scale, "line": (block, par, line)})
    pages: list[list[dict]] = [[] for _ in range(n_pages)]
    for (page, *_), words in lines.items():
        heights = sorted(w["bottom"] - w["top"] for w in words)
        gap = PHRASE_GAP * heights[len(heights) // 2]
        # the line's own band: brackets and commas reach above and below it, and a table reader
        # would put them on a line of their own
        top, bottom = (sorted(w[k] for w in words)[len(words) // 2] for k in ("top", "bottom"))
        phrases = pages[page - 1]
        first = len(phrases)
        for w in sorted(words, key=lambda w: w["x0"]):
            prev = phrases[-1] if len(phrases) > first else None
            if prev is not None and w["x0"] - prev["x1"] < gap:
                sep = " " if prev["text"][-1:].isascii() and w["text"][:1].isascii() else ""
                prev.update(text=prev["text"] + sep + w["text"], x1=max(prev["x1"], w["x1"]))
            else:
                phrases.append({**w, "top": top, "bottom": bottom})
    return pages

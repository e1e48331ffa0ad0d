"""OCR of scanned PDF pages (`envwh load --ocr`): page images -> a PDF text layer, by tesseract.

tesseract (Apache-2.0) with its simplified-Chinese model (Debian: tesseract-ocr tesseract-ocr-chi-sim;
`make ocr` installs both) is called as a program, so no Python binding is needed. It gives every word
with its box (TSV); loaders/pdf.py makes pages of them like those of a PDF's text layer (lines of prose,
tables found from word positions by loaders/pdf_tables.py) and reads the document as any other PDF.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from loaders.errors import LoadError

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


def without_rules(image):
    """The page image with the rules of its tables erased: OCR reads a rule as | or 1 (|41 -> 141)."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image.convert("L"))
    h, w = (pixels.shape[0] // 2) * 2, (pixels.shape[1] // 2) * 2
    dark = pixels[:h, :w] < 200  # the grey edges of a rule too
    # looked for at half resolution (4x faster): either diagonal of each 2x2 block holds a 1-pixel rule
    half = dark[::2, ::2] | dark[1::2, 1::2]
    length = round(RULE_INCHES * DPI / 2)
    found = _runs_at_least(half, length) | _runs_at_least(np.ascontiguousarray(half.T), length).T
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
    pages: list[list[dict]] = []
    batch: list = []
    for image in images:  # rendered one at a time: a page image at 300 dpi is ~9 MB in memory
        batch.append(without_rules(image))
        if len(batch) == PAGES_PER_RUN:
            pages += _tesseract(batch, name)
            batch = []
    return pages + (_tesseract(batch, name) if batch else [])


def _tesseract(images: list, name: str) -> list[list[dict]]:
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
        cmd = [shutil.which("tesseract") or "tesseract", str(listing), str(out), "-l", LANGUAGE, "--dpi", str(DPI), "tsv"]
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

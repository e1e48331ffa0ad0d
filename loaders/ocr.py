"""OCR of scanned PDF pages (`envwh load --ocr`): page images -> phrases with their boxes, by tesseract.

tesseract (Apache-2.0) with its simplified-Chinese model (Debian: tesseract-ocr tesseract-ocr-chi-sim;
`make ocr` installs both) is called as a program, so no Python binding is needed. A page goes through
four stages:

1. render      the page (or a picture on it) as a grey image at DPI;
2. find_grid   its table rules erased, and the cells of the grid they draw;
3. read_scans  the page read whole, and each grid cell again on its own (read_cells), a cell's label
               misread by a character written as the known word it is (as_known_words);
4. guard       a figure is kept only when a second, digits-only read agrees (_checked_figure), and its
               label's unit is readable (_unit_lost); else it is UNREAD, a masked figure, never a guess.
               flag_doubtful later flags figures their row makes unlikely.

loaders/pdf.py makes pages of the phrases like those of a PDF's text layer (grid_tables turns the cells
into tables; other lines are prose) and reads the document as any other PDF.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
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
PAGES_PER_RUN = 16  # page images on disk at a time (about 1 MB each as PNG); tesseract's model loads once a run


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


def read_scans(images, name: str) -> list[list[dict]]:
    """PIL images of pages rendered at DPI -> for each page, the phrases read there: dicts with text, x0, x1,
    top, bottom (points from the page's top left, like pdfplumber's words) and line (the line tesseract's
    layout analysis put it on), in reading order; a phrase of a grid cell also has "cell" (band, left and
    right rule in pixels). Pages are read PAGES_PER_RUN at a time, one at a time in memory until then."""
    if tesseract_version() is None:
        raise LoadError("needs_ocr", f"{name}: the PDF holds scanned pages and --ocr was given, but tesseract or its "
                        f"{LANGUAGE} model is not installed: {HOW_TO_INSTALL}")
    images = iter(images)
    pages: list[list[dict]] = []
    while batch := [find_grid(image) for image in itertools.islice(images, PAGES_PER_RUN)]:
        pages += _read_pages(batch, name)
    return pages


def _read_pages(pages: list[tuple], name: str) -> list[list[dict]]:
    """(image without rules, grid cells) of pages -> their phrases. A page is read whole, then its grid's cells
    one by one, their text replacing the page's phrases inside them: read whole, a page without its rules
    lets tesseract run one line across neighbouring cells (a label, its figures and 约束性 in one)."""
    whole = [_join(words) for words in _tesseract([image for image, _ in pages], name)]
    texts = iter(read_cells([image.crop(cell[:4]) for image, cells in pages for cell in cells], name))
    return [_with_cells(phrases, cells, _unit_lost(cells, [next(texts) for _ in cells])) if cells else phrases
            for phrases, (_, cells) in zip(whole, pages, strict=True)]


# --- 1. render -----------------------------------------------------------------------------------------


def render(pdf_page, box: tuple[float, float, float, float] | None = None):
    """The page, or its box (left, top, right, bottom in points from the top left), as a grey image at DPI.
    A picture with fewer dots than DPI (a table pasted at 72-96 dpi) is drawn at its own resolution and then
    enlarged with LANCZOS: enlarged by pdfium, its strokes blur and chi_sim reads 75.4 as 了.二, 80.6 as 器昌.在."""
    from PIL import Image

    width, height = pdf_page.get_size()
    left, top, right, bottom = box or (0, 0, width, height)
    scale = DPI / 72
    native = _picture_scale(pdf_page, (left, top, right, bottom))
    if native is None or native >= scale * 0.9:
        image = pdf_page.render(scale=scale, grayscale=True).to_pil()
    else:
        small = pdf_page.render(scale=native, grayscale=True).to_pil()
        image = small.resize((round(width * scale), round(height * scale)), Image.LANCZOS)
    return image.crop((round(left * scale), round(top * scale), round(right * scale), round(bottom * scale))) if box else image


def _picture_scale(pdf_page, box: tuple[float, float, float, float]) -> float | None:
    """Pixels per point of the sharpest picture over the box (None: no picture, or its size unknown)."""
    import pypdfium2.raw as pdfium_c

    height = pdf_page.get_size()[1]
    scales = []
    for image in pdf_page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, low, right, high = image.get_bounds()
        if right <= box[0] or left >= box[2] or height - low <= box[1] or height - high >= box[3]:
            continue
        try:
            px_width, px_height = image.get_px_size()
        except Exception:  # an image pdfium cannot decode: drawn at DPI
            return None
        if right - left > 1 and high - low > 1:
            scales.append(max(px_width / (right - left), px_height / (high - low)))
    return max(scales) if scales else None


# --- 2. find the grid ----------------------------------------------------------------------------------

RULE_INCHES = 0.5  # a straight dark run this long is a table rule (a character's stroke is shorter)
MIN_CELL = 20  # pixels: a narrower gap between two rules holds no text
MIN_GRID_CELLS = 6
EDGE_TOLERANCE = 12  # pixels between the ends of cells on one vertical rule
SHORT_RULE_BAND = 0.25  # inches: a band at least this tall is searched for its own short vertical rules
CELL_MARGIN = 4  # pixels inside a cell's rules, where a scanned rule blurs


def find_grid(image) -> tuple[object, list[tuple[int, int, int, int, int]]]:
    """A page image -> (the image with its table rules erased, the cells of the ruled tables it draws).
    Rules are erased because OCR reads a rule as | or 1 (|41 -> 141). A cell is (left, top, right, bottom,
    band) in pixels; no cells when the page draws no grid. Rules are looked for at half resolution (4x
    faster; either diagonal of each 2x2 block holds a 1-pixel rule)."""
    import numpy as np

    pixels = np.asarray(image.convert("L"))
    h, w = (pixels.shape[0] // 2) * 2, (pixels.shape[1] // 2) * 2
    dark = pixels[:h, :w] < 200  # the grey edges of a rule too
    dark = dark[::2, ::2] | dark[1::2, 1::2]
    length = round(RULE_INCHES * DPI / 2)
    vertical, horizontal = _runs_at_least(dark, length), _runs_at_least(np.ascontiguousarray(dark.T), length).T
    return _erase(image, pixels, vertical | horizontal), _cells(dark, vertical, horizontal)


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


def _erase(image, pixels, rules_half):
    """The image with the rules (a half-resolution mask) and the pixels next to them, where a scanned rule
    blurs, painted white."""
    import numpy as np
    from PIL import Image

    if not rules_half.any():
        return image
    h, w = rules_half.shape
    rules = np.zeros(pixels.shape, dtype=bool)
    rules[: 2 * h, : 2 * w] = rules_half.repeat(2, axis=0).repeat(2, axis=1)
    grown = rules.copy()
    for shift in (1, 2):
        grown[shift:] |= rules[:-shift]
        grown[:-shift] |= rules[shift:]
        grown[:, shift:] |= rules[:, :-shift]
        grown[:, :-shift] |= rules[:, shift:]
    return Image.fromarray(np.where(grown, 255, pixels).astype(np.uint8))


def _cells(dark, vertical, horizontal) -> list[tuple[int, int, int, int, int]]:
    """The grid's cells (full-resolution pixels) from the half-resolution masks: for each band between two
    horizontal rules, the spans between the vertical rules crossing all of it (a cell merged over several
    bands is cut at their rules)."""
    import numpy as np

    rows = _centres(np.nonzero(horizontal.any(axis=1))[0])
    margin = CELL_MARGIN // 2
    cells = []
    for row, (top, bottom) in enumerate(itertools.pairwise(rows)):
        if 2 * (bottom - top) < MIN_CELL:
            continue
        # a rule shorter than RULE_INCHES (a header row between two rows merged over the width) is a
        # column dark all through a band too tall for a character to fill
        ruled = vertical if 2 * (bottom - top) < SHORT_RULE_BAND * DPI else vertical | dark
        cols = _centres(np.nonzero(ruled[top + margin : bottom - margin].all(axis=0))[0])
        for left, right in itertools.pairwise(cols):
            if 2 * (right - left) < MIN_CELL:
                continue
            cell = (int(2 * left + CELL_MARGIN), int(2 * top + CELL_MARGIN), int(2 * right - CELL_MARGIN), int(2 * bottom - CELL_MARGIN), row)
            # no rule over it (a header cell over two rows, beside 指标|类别 split by a short rule): one cell with
            # the one above, read whole (cut, 现状值 reads FILES Fw一)
            above = next((i for i, c in enumerate(cells) if c[4] == row - 1 and abs(c[0] - cell[0]) <= EDGE_TOLERANCE
                          and abs(c[2] - cell[2]) <= EDGE_TOLERANCE), None)
            if above is not None and horizontal[max(top - 2, 0) : top + 3, left:right].any(axis=0).mean() < 0.5:
                cells[above] = (*cells[above][:3], cell[3], row - 1)
                continue
            cells.append(cell)
    return cells if len(cells) >= MIN_GRID_CELLS else []


def _centres(indices) -> list[int]:
    """The middle of each run of neighbouring indices (the rows or columns of one drawn rule)."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i - runs[-1][1] <= 3:
            runs[-1][1] = i
        else:
            runs.append([i, i])
    return [(a + b) // 2 for a, b in runs]


# --- 3. read: the page whole, its grid cells one by one ------------------------------------------------

PHRASE_GAP = 0.7  # words of one line closer than this share of the line's height are one phrase
# the figures of a cell are read a second time, alone and by a model of Latin script told to see only these
# characters: chi_sim alone reads a figure of a 72-96 dpi table as characters (56 -> 妆, 51 -> 31)
FIGURE_LANGUAGE = "eng"
FIGURE_CHARS = "0123456789.%<>"
FIGURE_PAD = 12  # pixels of white around a figure read alone: tesseract misreads glyphs touching the edge
BOX_SLACK = 3  # pixels around a word's box: tesseract's box may shave a glyph's edge (8 -> 3)
FIGURE_CELL_CHARACTERS = 4  # a cell with more Chinese characters is a label (PM2.5, (13), 2015年 name things)
BLANK_INK = 15  # pixels high: ink in a cell chi_sim read nothing in that may be a figure (a lone 0, 100)
INK_LEVEL = 170  # grey under this is ink, in a cell read again in black and white
FIGURE_AS_CHARACTERS = 2  # a cell read as this many Chinese characters or fewer may hold a figure (1.7 -> 也汉)
UNREAD = "*"  # a figure the two reads disagree on: a masked number, null with the ocr flag, never a guess
_HOLE = "\ue000"  # where a figure is unread, until the cell's text is whole (a printed * is a footnote's)
_FIGURE_RE = re.compile(r"\d+(?:[.,，．]+\d+)?")
_CELL_MISREADS = str.maketrans("〈〉", "()")  # chi_sim's reading of a table's (%) and (万吨) at 72-96 dpi


def _join(words: list[dict]) -> list[dict]:
    """A page's words (guarded) -> its phrases: text, x0, x1, top, bottom (points from the page's top left,
    like pdfplumber's words) and line. tesseract splits a run of Chinese into words with gaps of about half
    a character; joined, a line of prose is one phrase, while table cells, further apart, stay apart (the
    way pdfplumber finds the words of a printed page)."""
    lines: dict[tuple[int, int, int], list[dict]] = {}
    scale = 72 / DPI
    for w in words:
        if text := _guarded(w):
            lines.setdefault(w["line"], []).append(
                {"text": text, "x0": w["left"] * scale, "x1": w["right"] * scale, "top": w["top"] * scale,
                 "bottom": w["bottom"] * scale, "line": w["line"]})
    phrases: list[dict] = []
    for line in lines.values():
        heights = sorted(w["bottom"] - w["top"] for w in line)
        gap = PHRASE_GAP * heights[len(heights) // 2]
        # the line's own band: brackets and commas reach above and below it, and a table reader
        # would put them on a line of their own
        top, bottom = (sorted(w[k] for w in line)[len(line) // 2] for k in ("top", "bottom"))
        first = len(phrases)
        for w in sorted(line, key=lambda w: w["x0"]):
            prev = phrases[-1] if len(phrases) > first else None
            if prev is not None and w["x0"] - prev["x1"] < gap:
                sep = " " if prev["text"][-1:].isascii() and w["text"][:1].isascii() else ""
                prev.update(text=prev["text"] + sep + w["text"], x1=max(prev["x1"], w["x1"]))
            else:
                phrases.append({**w, "top": top, "bottom": bottom})
    return phrases


def read_cells(crops: list, name: str) -> list[str]:
    """The text of each cell image, read by chi_sim as one block (--psm 6). In a cell holding a figure, each
    figure is read again alone (--psm 7, digits only) and kept only when both reads agree (_cell_text);
    a cell chi_sim reads nothing in, a character or two in, or only an unread figure in, is read again as
    one line (_cells_again)."""
    cells = _tesseract(crops, name, psm=6)
    # the word of a sign chi_sim cannot read (≥ is in neither model: 全24, 委28) is split from its figure
    cells = [[part for w in words for part in _split_sign(w, crop)] if _is_figure_cell(words) else words
             for words, crop in zip(cells, crops, strict=True)]
    figures = [(i, j) for i, words in enumerate(cells) if _is_figure_cell(words)
               for j, w in enumerate(words) if _FIGURE_RE.search(w["text"])]
    again = _read_figures([_padded(crops[i].crop(_box(cells[i][j], BOX_SLACK))) for i, j in figures], name)
    second: dict[int, dict[int, str]] = {}
    for (i, j), text in zip(figures, again, strict=True):
        second.setdefault(i, {})[j] = text
    texts = [_cell_text(words, crop, second.get(i, {})) for i, (words, crop) in enumerate(zip(cells, crops, strict=True))]
    # a figure of a 72-96 dpi table chi_sim reads nothing in, or reads as a character or two (1.7 -> 也汉),
    # or that the two reads disagree on
    unsure = [i for i, (words, text) in enumerate(zip(cells, texts, strict=True)) if not words or text == UNREAD
              or (len(text.replace(UNREAD, "")) <= FIGURE_AS_CHARACTERS and any(map(_is_han, text)))]
    return _cells_again(texts, unsure, crops, name)


def _is_figure_cell(words: list[dict]) -> bool:
    """A cell holding a figure (56, ≥24, 0.25万吨, 18左右, 12 (五年累计)) rather than a label or a phrase."""
    return sum(_is_han(ch) for w in words if w["conf"] >= _DOUBTFUL for ch in w["text"]) <= FIGURE_CELL_CHARACTERS


def _read_figures(images: list, name: str) -> list[str]:
    """The second read of figures: FIGURE_LANGUAGE as one line, told to see FIGURE_CHARS only; what it reads
    nothing in (a lone 0: the told model drops it) read again by the same model told nothing."""
    config = ("-c", f"tessedit_char_whitelist={FIGURE_CHARS}")
    reads = ["".join(w["text"] for w in read) for read in _tesseract(images, name, psm=7, language=FIGURE_LANGUAGE, config=config)]
    empty = [k for k, text in enumerate(reads) if not text]
    for k, read in zip(empty, _tesseract([images[k] for k in empty], name, psm=7, language=FIGURE_LANGUAGE), strict=True):
        reads[k] = "".join(w["text"] for w in read)
    return reads


def _cell_text(words: list[dict], crop, second: dict[int, str]) -> str:
    """A cell's text from its words; second: the digits-only read of its words j holding a figure, each kept
    only when both reads agree (else UNREAD), its sign told by its shape."""
    parts: list[str] = []
    for j, word in enumerate(words):
        if j not in second:
            parts.append(_guarded(word))
            continue
        text = _checked_figure(word["text"], second[j], "".join(w["text"] for w in words[j + 1 : j + 2]))
        if _HOLE not in text and _lost_point(text, crop.crop(_box(word))):
            text = _FIGURE_RE.sub(_HOLE, text, count=1)
        if text[:1] in "<>" and (sign := comparator_shape(crop.crop(_box(word)))):
            text = sign + text[1:]  # ≥93 read >93: the models know > and < only
        elif j:
            parts[-1], text = _sign_before(words[j - 1], parts[-1], text, crop)
        parts.append(text)
    # an unread piece takes the figure's other pieces with it (46 unread, .6 read: not a figure *.6)
    text = re.sub(rf"[\d.]*{_HOLE}[\d.{_HOLE}]*", UNREAD, _glue(parts)).translate(_CELL_MISREADS).strip(_MARKS + " ")
    if len(text) == 1 and not text.isdigit() and all(w["conf"] < _DOUBTFUL for w in words):
        return ""  # a lone doubtful character in a cell is a smudge or a rule's remains (由, 人 in blank cells)
    return as_known_words(text)


def _glue(parts: list[str]) -> str:
    """A cell's parts as one text, a space only between two Latin letters or digits."""
    out = ""
    for part in parts:
        out += (" " if out[-1:].isascii() and out[-1:].isalnum() and part[:1].isascii() and part[:1].isalnum() else "") + part
    return out


def _cells_again(texts: list[str], unsure: list[int], crops: list, name: str) -> list[str]:
    """Cells whose read may have missed a figure, with ink of a glyph's height away from their rules: their
    ink read as one line by both models, the figure kept only when both read the same (else the first read);
    read in grey, then what is still unread in black and white (the grey edges of a 72-96 dpi glyph enlarged
    make both models misread some: 1.7 -> hEi; others only read in grey: a lone 0)."""
    import numpy as np

    boxes = {}
    for i in unsure:
        ink = np.asarray(crops[i].convert("L"))[3:-3, 3:-3] < 200
        rows, cols = np.nonzero(ink)
        if len(rows) and rows.max() - rows.min() >= BLANK_INK:
            boxes[i] = (cols.min() + 3, rows.min() + 3, cols.max() + 4, rows.max() + 4)
    out = list(texts)
    for colours in (lambda image: image, lambda image: image.point(lambda p: 0 if p < INK_LEVEL else 255)):
        images = [_padded(colours(crops[i].crop(box))) for i, box in boxes.items()]
        for i, one, two, image in zip(list(boxes), _tesseract(images, name, psm=7), _read_figures(images, name), images, strict=True):
            figure = "".join(w["text"] for w in one)
            if re.fullmatch(r"\d+(?:\.\d+)?%?", figure) and figure == two and not _lost_point(figure, image):
                out[i] = figure
                del boxes[i]
    return out


def _with_cells(phrases: list[dict], cells: list[tuple], texts: list[str]) -> list[dict]:
    """A page's phrases with those inside its grid replaced by one phrase a cell (its text read on its own)."""
    scale = 72 / DPI
    top = min(c[1] for c in cells) * scale
    pad = CELL_MARGIN * 2

    def inside(w: dict) -> bool:
        x, y = (w["x0"] + w["x1"]) / 2 / scale, (w["top"] + w["bottom"]) / 2 / scale
        return any(c[0] - pad <= x <= c[2] + pad and c[1] - pad <= y <= c[3] + pad for c in cells)

    kept = [w for w in phrases if not inside(w)]
    above = [w for w in kept if w["bottom"] <= top]
    cell_phrases = [{"text": text, "x0": x0 * scale, "x1": x1 * scale, "top": y0 * scale, "bottom": y1 * scale,
                     "line": ("grid", row), "cell": (row, x0, x1)} for (x0, y0, x1, y1, row), text in zip(cells, texts, strict=True)]
    return above + cell_phrases + [w for w in kept if w["bottom"] > top]


def _box(word: dict, slack: int = 0) -> tuple[int, int, int, int]:
    return max(word["left"] - slack, 0), max(word["top"] - slack, 0), word["right"] + slack, word["bottom"] + slack


def _padded(image):
    from PIL import ImageOps

    return ImageOps.expand(image, border=FIGURE_PAD, fill=255)


# --- 3b. known words: a label misread by a character written as the domain prints it -----------------

KNOWN_WORD_MIN = 5  # characters: a shorter word one misread away (硫氧化物, 氮氧化物) is too often another word
KNOWN_WORD_SHARE = 4  # at most one character in this many differs from the known word


@functools.cache
def _known_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """The words of the domain a table cell prints: indicator names and synonyms (the seeds the indicator
    matching uses) and the words of indicator tables (loaders/data/table_words.csv: 约束性, 完成省下达目标);
    and the pairs of neighbouring characters they hold."""
    import csv

    data = Path(__file__).parent / "data"
    words: set[str] = set()
    for name, column in (("seeds/indicators.csv", "name_zh"), ("seeds/indicator_synonyms.csv", "synonym"), ("table_words.csv", "word")):
        with open(data / name, encoding="utf-8", newline="") as fh:
            words |= {r[column] for r in csv.DictReader(fh) if r[column] and "…" not in r[column]}
    return tuple(sorted(words)), frozenset(w[i : i + 2] for w in words for i in range(len(w) - 1))


def as_known_words(text: str) -> str:
    """A cell's text with each run that differs from a known word (_known_words) in at most one character in
    KNOWN_WORD_SHARE written as that word: chi_sim misreads 72-96 dpi print (气氧化物 for 氮氧化物, 约来性 for
    约束性). A word shorter than KNOWN_WORD_MIN is fitted only to a whole cell of 3 characters (稳中向坏 is no
    misread of 稳中向好). Not where another known word fits as well and reads otherwise (二氧化玉: 硫 or 碳)."""
    fits = sorted(_fits(text))  # the surest first: fewest characters differing, then the longest word
    out, taken = list(text), set()
    for share, _, start, word in fits:
        span = set(range(start, start + len(word)))
        rivals = (other[i - at] != word[i - start] for differ, _, at, other in fits if differ <= share
                  for i in span if at <= i < at + len(other))
        if not span & taken and not any(rivals):
            out[start : start + len(word)] = word
            taken |= span
    return "".join(out)


def _fits(text: str):
    """(share of characters differing, -length, start, word) of the known words that fit a run of the text.
    A differing character must be a Chinese one that no known word puts beside its neighbours (二氧化碳 stays,
    though 二氧化硫 is one character away), read for a Chinese one (never a digit, a letter, a Roman numeral),
    and apart from the others (two neighbours read otherwise are another word: 市域, 国土); and the text must
    not hold the word with a character more (细上颗粒物: a character inserted, not misread)."""
    words, pairs = _known_words()

    def misread(i: int) -> bool:
        beside = [text[j : j + 2] for j in (i - 1, i) if j >= 0 and j + 2 <= len(text) and all(map(_is_han, text[j : j + 2]))]
        return _is_han(text[i]) and not any(pair in pairs for pair in beside)

    chars = set(text)
    for word in words:
        n = len(word)
        limit = n // KNOWN_WORD_SHARE if n >= KNOWN_WORD_MIN else int(n == len(text) == 3)
        if n > len(text) or (n < KNOWN_WORD_MIN and limit == 0) or sum(ch in chars for ch in word) < n - limit:
            continue  # cheap: too few of the word's characters in the text
        for start in range(len(text) - n + 1):
            differ = [i for i in range(start, start + n) if text[i] != word[i - start]]
            if len(differ) <= limit and all(misread(i) and _is_han(word[i - start]) and i - 1 not in differ for i in differ) \
                    and not _one_too_many(text, start, word):
                yield len(differ) / n, -n, start, word


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _one_too_many(text: str, start: int, word: str) -> bool:
    """Whether the word is in the text around start with one character more (细上颗粒物: 细颗粒物 with 上 inserted)."""
    n = len(word)
    around = [text[start - 1 : start + n]] if start else []
    around += [text[start : start + n + 1]] if start + n < len(text) else []
    return any(run[:k] + run[k + 1 :] == word for run in around for k in range(len(run)))


# --- 4. guard: what OCR cannot read surely is dropped or masked, never guessed --------------------------

# confidence (0-100) under which a word's marks at its ends are a smudge or a rule's remains, and a
# figure of two digits or more is left out rather than guessed: misread ones (15.4% -> 15.496) mostly
# come below it
_DOUBTFUL = 60
_MARKS = "\"“”'‘’|丨｜[]"  # what tesseract makes of a rule or a smudge next to a cell's text
SURE_CHARACTER = 90  # a character chi_sim reads at this confidence is what is printed (约35), not a sign
POINT_WIDTH = 0.1  # of the line's height: narrower marks at the foot are a digit's serif


def _guarded(word: dict) -> str:
    """A word's text; under _DOUBTFUL confidence without its marks at its ends, and empty for a figure of two
    digits or more (表1: a lone digit stays)."""
    if word["conf"] >= _DOUBTFUL:
        return word["text"]
    return "" if sum(ch.isdigit() for ch in word["text"]) >= 2 else word["text"].strip(_MARKS)


def _checked_figure(first: str, second: str, next_word: str = "") -> str:
    """A word of chi_sim holding a figure, its figure as the digits-only read sees it -> the word, its figure
    replaced by _HOLE unless both reads give the same figure, its decimal point included (at 96 dpi a point
    is two pixels, lost by one read or the other: 79.4 -> 794)."""
    found = _FIGURE_RE.search(first)
    figure = re.sub(r"[.,，．]+", ".", found.group())  # 53,3 and 53.3: a point read as a comma
    number = re.search(r"\d+(?:\.\d+)?", second)
    same = number is not None and (number.group() == figure or (  # 2025年: the box of 2025 reaches into 年
        (first[found.end() :] + next_word)[:1] == "年" and re.fullmatch(r"(?:19|20)\d\d", figure) and number.group().startswith(figure)))
    return first[: found.start()] + (figure if same else _HOLE) + first[found.end():]


def _lost_point(text: str, image) -> bool:
    """Whether a figure read without a decimal point shows one: a small blob alone at the foot of the line,
    between two digits (29.3 read 293 by both models: the point, two pixels of a 96 dpi scan, is faint)."""
    import numpy as np

    figure = _FIGURE_RE.search(text)
    if figure is None or "." in figure.group() or len(figure.group()) < 2:
        return False
    ink = np.asarray(image.convert("L")) < 200
    rows = np.nonzero(ink.any(axis=1))[0]
    if len(rows) < 4:
        return False
    top, height = rows[0], rows[-1] - rows[0] + 1
    upper = ink[top : top + round(0.6 * height)].any(axis=0)  # a digit's column reaches up there
    foot = ink[top + round(0.7 * height) :].any(axis=0) & ~ink[top : top + round(0.7 * height)].any(axis=0)
    kind = np.where(upper, 2, np.where(foot, 1, 0))  # per column: 2 digit, 1 only at the foot, 0 blank
    runs = [(int(k), len(list(g))) for k, g in itertools.groupby(kind)]
    # the point's columns: ink at the foot only, digits on both sides, and blank columns on both sides or
    # wide (a digit's foot or tail is joined to it; a blurred point may touch the next digit)
    return any(k == 1 and width >= POINT_WIDTH * height and (runs[n - 1][0] == runs[n + 1][0] == 0 or width >= 2.5 * POINT_WIDTH * height)
               and any(k == 2 for k, _ in runs[:n]) and any(k == 2 for k, _ in runs[n + 1 :])
               for n, (k, width) in enumerate(runs[1:-1], start=1))


def _split_sign(word: dict, image) -> list[dict]:
    """A word chi_sim read as a character then a figure (之80.6 for ≥80.6): the character's glyph and the
    figure as two words, cut at the first blank column after the first glyph (else the word as it is)."""
    import numpy as np

    read = re.fullmatch(r"(\D)(\d[\d.,，．]*%?)", word["text"])
    if read is None or not _is_read_sign({**word, "text": read.group(1)}):
        return [word]
    ink = (np.asarray(image.crop(_box(word)).convert("L")) < 200).any(axis=0)
    first = int(np.argmax(ink))
    blank = np.nonzero(~ink[first:])[0]
    if not ink.any() or not len(blank):
        return [word]
    cut = word["left"] + first + int(blank[0])
    return [{**word, "text": read.group(1), "right": cut}, {**word, "text": read.group(2), "left": cut}]


def _is_read_sign(word: dict) -> bool:
    """A lone character chi_sim read before a figure where a sign it does not know (≥ ≤) is printed."""
    text = word["text"]
    return len(text) == 1 and not text.isdigit() and text not in "<>＜＞≤≥~～约第" and word["conf"] < SURE_CHARACTER


def _sign_before(word: dict, read: str, figure: str, crop) -> tuple[str, str]:
    """The word before a figure (read: its text so far) and the figure -> both as kept: < > read may be ≤ ≥
    (told by shape); a character read where ≥ ≤ are printed (全) becomes the sign its shape tells, else it is
    dropped and the figure is unread with it."""
    if read in ("<", ">"):
        return comparator_shape(crop.crop(_box(word))) or read, figure
    if not _is_read_sign(word):
        return read, figure
    sign = comparator_shape(crop.crop(_box(word))) if _HOLE not in figure else None
    return (sign, figure) if sign else ("", _FIGURE_RE.sub(_HOLE, figure, count=1))


def comparator_shape(image) -> str | None:
    """≥ ≤ > < told by the shape of one glyph (a grey image of it), None for another shape: the open side
    of an angle crosses two strokes, its point one; a bar under it adds a stroke on both sides."""
    import numpy as np

    dark = np.asarray(image.convert("L")) < 200
    if dark.sum() < 10:
        return None
    inked = dark.any(axis=0)
    first = int(np.argmax(inked))
    blank = np.nonzero(~inked[first:])[0]
    dark = dark[:, first : first + int(blank[0])] if len(blank) else dark[:, first:]  # its first glyph
    rows, cols = np.nonzero(dark)
    dark = dark[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    height, width = dark.shape
    if not 0.3 <= width / height <= 1.6 or dark.mean() > 0.5:  # a sign is strokes, about square
        return None

    def crossings(share_from: float, share_to: float) -> int:  # strokes a vertical line there crosses
        counts = [int((np.diff(dark[:, c].astype(np.int8)) == 1).sum() + dark[0, c])
                  for c in range(int(width * share_from), max(int(width * share_to), int(width * share_from) + 1))]
        return max(set(counts), key=counts.count)

    left, right = crossings(0.05, 0.2), crossings(0.8, 0.95)
    sign = {(2, 1): ">", (1, 2): "<", (3, 1): "≥", (3, 2): "≥", (1, 3): "≤", (2, 3): "≤"}.get((left, right))
    point = dark[: round(0.2 * height), round(0.8 * width) :] if sign in (">", "≥") else dark[: round(0.2 * height), : round(0.2 * width)]
    return sign if sign and not point.any() else None  # the point of the angle is below its top (三 has a stroke there)


_UNIT_BRACKET = re.compile(r"[(（]([^()（）]{1,4})[)）]$")  # a label's unit, last: 减排量(万吨)


def _unit_lost(cells: list[tuple], texts: list[str]) -> list[str]:
    """The texts of a grid's cells with the figures right of a label whose unit lost a character made UNREAD:
    a bracket holding a multiplier but no known unit (万吨 read 万吃 or 万) leaves the figures' size unknown,
    and 1.7 for 1.7万吨 would be a wrong figure."""
    from loaders.numbers import MULTIPLIERS
    from loaders.tables import _unit_of

    lost = [cell for cell, text in zip(cells, texts, strict=True) if (unit := _UNIT_BRACKET.search(text))
            and unit.group(1)[0] in {m[0] for m in MULTIPLIERS} and _unit_of(unit.group(1)) is None]
    return [_FIGURE_RE.sub(UNREAD, text) if any(cell[4] == label[4] and cell[0] >= label[2] for label in lost)
            and not re.search(r"\d年", text) else text for cell, text in zip(cells, texts, strict=True)]


CHECK_RULE = "ocr_check"  # in a measure's rules: an OCR figure its row makes unlikely, to check by eye
ROW_SPREAD = 10  # two figures of one unit in a table row this many times apart: one lost its point (29.3, 293)


def flag_doubtful(measures: list) -> None:
    """Flags (never changes) the figures read by OCR that their row makes unlikely: a share over 100%, or a
    figure ROW_SPREAD times another of the same unit in the same table row (base and target of one metric)."""
    read = [m for m in measures if m.value is not None and "ocr" in (m.rules or "").split(";")]
    rows: dict[tuple, list] = {}
    for m in read:
        if m.table_no is not None:
            rows.setdefault((m.table_no, m.row_no, m.unit), []).append(m)
    for m in read:
        others = [o.value for o in rows.get((m.table_no, m.row_no, m.unit), []) if o is not m and o.value]
        if (m.unit == "percent" and m.value > 100) or (m.value and any(
                max(abs(m.value), abs(o)) >= ROW_SPREAD * min(abs(m.value), abs(o)) for o in others)):
            m.rules += f";{CHECK_RULE}"


# --- grid cells -> tables (for loaders/pdf.py) ---------------------------------------------------------


def grid_tables(phrases: list[dict]) -> list[tuple[tuple[float, float, float, float], Table]]:
    """Tables of the grid cells among a page's phrases (read_scans's "cell" phrases): a column between each
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
        band_tops = {r: min(w["top"] for w in group if w["cell"][0] == band) for r, band in enumerate(bands)}
        for w in group:
            r, c0, c1 = bands.index(w["cell"][0]), _nearest(edges, w["cell"][1]), _nearest(edges, w["cell"][2])
            if c1 <= c0 or c0 >= width:
                continue
            rows[r][c0] = w["text"]
            for r2 in [r] + [r2 for r2 in range(r + 1, len(bands)) if band_tops[r2] < w["bottom"] - 1]:  # over bands too
                for c in range(c0 if r2 > r else c0 + 1, min(c1, width)):
                    origin[r2][c] = (r, c0)
        if len(bands) >= 2 and width >= 2:
            box = (min(w["x0"] for w in group), min(w["top"] for w in group),
                   max(w["x1"] for w in group), max(w["bottom"] for w in group))
            out.append((box, Table(rows, origin)))
    return out


def _nearest(edges: list[int], x: int) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - x))


# --- running tesseract ---------------------------------------------------------------------------------


def _tesseract(images: list, name: str, psm: int | None = None, language: str | None = None,
               config: tuple[str, ...] = ()) -> list[list[dict]]:
    """The words tesseract reads on each image (_words), in one run for all of them (language: LANGUAGE)."""
    if not images:
        return []
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
        cmd = [shutil.which("tesseract") or "tesseract", str(listing), str(out), "-l", language or LANGUAGE, "--dpi", str(DPI),
               *(["--psm", str(psm)] if psm else []), *config, "tsv"]
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=TIMEOUT_PER_PAGE * len(paths))
        except subprocess.TimeoutExpired:
            raise LoadError("ocr_failed", f"{name}: tesseract took over {TIMEOUT_PER_PAGE} s a page; the scan was not read") from None
        tsv = out.with_suffix(".tsv")
        if run.returncode != 0 or not tsv.exists():
            tail = " ".join((run.stderr or "").split()[-30:])
            raise LoadError("ocr_failed", f"{name}: tesseract failed (exit {run.returncode}: {tail}); the scan was not read")
        return _words(tsv.read_text(encoding="utf-8"), len(paths))


def _words(tsv: str, n_images: int) -> list[list[dict]]:
    """tesseract's TSV -> for each image, its words: text, conf (0-100), left, top, right, bottom (pixels)
    and line (block, paragraph, line), in tesseract's reading order."""
    images: list[list[dict]] = [[] for _ in range(n_images)]
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue  # only words (level 5) with text
        page, block, par, line = (int(c) for c in cols[1:5])
        left, top, width, height = (int(c) for c in cols[6:10])
        if 0 < page <= n_images:
            images[page - 1].append({"text": cols[11].strip(), "conf": float(cols[10]), "left": left, "top": top,
                                     "right": left + width, "bottom": top + height, "line": (block, par, line)})
    return images

"""Stage 1: bytes -> CleanDocument (decode, HTML to text, simplify, normalise, de-clutter).

Steps, in order:
  1. refuse empty and binary files (LoadError empty_file / binary_file);
  2. decode: BOM, strict UTF-8, strict GB18030 / Big5 trials scored by how common
     the decoded characters are, charset-normalizer as the fallback (else undecodable);
  3. HTML (recognised by content) -> text with the stdlib parser;
  4. normalise: full-width ASCII -> ASCII, one kind of space and line ending, lines stripped
     (table borders too); pinyin glosses 生(sheng)态 dropped;
  5. traditional -> simplified with OpenCC's t2s dictionaries (fast C matchers, same result);
     then the forms t2s leaves in a traditional text (著 for 着, 批覆 for 批复: loaders/data/t2s_fixes.csv);
  6. page-header fields (索引号, 发布机构, ...) -> CleanDocument.header, removed from the text;
  7. clutter lines (loaders/data/clutter_patterns.txt) and mojibake lines of '?' removed;
  8. a body, block or line that the page repeats is kept once.
The result holds one paragraph per line; all offsets of later stages point into .text.
"""

from __future__ import annotations

import bisect
import codecs
import itertools
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import numpy as np

from loaders.errors import LoadError
from loaders.items import starts_with_number_marker
from loaders.matching import Automaton
from loaders.records import CleanDocument

DATA_DIR = Path(__file__).parent / "data"


# --- bytes: empty and binary files -------------------------------------------------

_MAGIC = [  # signatures of formats that are not text, with a name a person recognises
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc/.xls)"), (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"), (b"7z\xbc\xaf", "a 7-Zip archive"), (b"\x7fELF", "an executable"),
]
_BOMS = [  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.02  # text files may hold a stray control byte, binary files hold many
_SNIFF = 65536  # bytes looked at for the binary test


def _bom_encoding(data: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if data.startswith(bom)), None)


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


def _bomless_utf16(data: bytes) -> str | None:
    """utf-16-le/-be for UTF-16 text saved without a byte-order mark, else None.

    The byte order whose decode holds no control character and mostly common Chinese characters
    wins; a binary file's decode holds control characters or rare ones in either order.
    Text with no ASCII character at all (Chinese only) has no NUL byte: it is UTF-16 when it is
    not UTF-8 and one byte order gives common Chinese characters, better than GB18030 would.
    """
    head = data[:_SNIFF]
    if len(data) % 2:
        return None
    has_nul = b"\x00" in head
    if not has_nul:
        try:
            data.decode("utf-8")
            return None
        except UnicodeDecodeError:
            pass
    # both byte orders: a Chinese character such as 一 (U+4E00) puts its NUL on the other side than ASCII
    orders = ["utf-16-le", "utf-16-be"]
    scored = []
    for enc in orders:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if not _CONTROL_CHARS.search(text) and (rare := _rare_share(text)) < _MAX_RARE_SHARE:
            scored.append((rare, enc))
    if not scored:
        return None
    rare, enc = min(scored)
    if not has_nul:
        try:
            if _rare_share(data.decode("gb18030")) <= rare:
                return None
        except UnicodeDecodeError:
            pass
    return enc


def _check_bytes(data: bytes, name: str) -> None:
    if not data.strip():
        raise LoadError("empty_file", f"{name}: the file is empty or holds only white space; nothing to load")
    if _bom_encoding(data) or _bomless_utf16(data):
        return  # UTF-16/32 text is full of NUL bytes
    head = data[:_SNIFF]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise LoadError("binary_file", f"{name}: this is {what}, not a text or HTML document; convert it to text first")
    n_control = len(_CONTROL_BYTES.findall(head))
    if b"\x00" in head or n_control > _MAX_CONTROL_SHARE * len(head):
        raise LoadError(
            "binary_file",
            f"{name}: binary content ({n_control} control bytes in the first {len(head)} bytes); "
            "only text and HTML documents can be loaded",
        )


# --- decoding ------------------------------------------------------------------------

# Strict trials after UTF-8, in order of preference on a tie. Big5 text always decodes as
# GB18030 too (its byte ranges are a subset), so the trials are scored, not just tried.
_TRIAL_ENCODINGS = ["gb18030", "big5", "cp950", "big5hkscs"]
_MAX_DAMAGED_CHARS = 2  # replaced characters tolerated in any file ...
_MAX_DAMAGED_SHARE = 0.001  # ... or this share of a long one
_MAX_RARE_SHARE = 0.2  # a right decode of Chinese text has few characters outside the common sets
_ENCODING_FAMILY = {  # charset-normalizer names -> the supported encoding we report
    "utf_8": "utf-8", "utf_16": "utf-16", "utf_32": "utf-32", "gb18030": "gb18030", "gbk": "gb18030",
    "gb2312": "gb18030", "hz": "gb18030", "big5": "big5", "cp950": "cp950", "big5hkscs": "big5hkscs",
}


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Characters of GB2312 (all) and of Big5's symbols and frequent hanzi.

    A wrong double-byte decode produces rare hanzi, kana or private-use characters, so the
    share of characters outside this set tells a right decode from a wrong one.
    """
    chars: set[str] = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA1, 0xC7):
        for trail in list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)):
            try:
                chars.add(bytes([lead, trail]).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


@lru_cache(maxsize=1)
def _common_table() -> np.ndarray:
    """_common_chars as a lookup table over the Basic Multilingual Plane (where they all are)."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in _common_chars()]] = True
    return table


def _rare_share(text: str) -> float:
    """Share of non-ASCII characters that are not common Chinese characters or symbols (counted over the
    code points at C speed: a loop over the characters cost ~1.8 ms a document per encoding tried)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    wide = codes > 0x7F
    n_wide = int(np.count_nonzero(wide))
    if not n_wide:
        return 0.0
    common = (codes < 0x10000) & _common_table()[np.minimum(codes, 0xFFFF)]
    return int(np.count_nonzero(wide & ~common)) / n_wide


def _decode(data: bytes, name: str) -> tuple[str, str]:
    bom = _bom_encoding(data)
    if bom:
        try:
            return data.decode(bom), bom.replace("-sig", "")
        except UnicodeDecodeError as err:
            raise LoadError("undecodable", f"{name}: starts with a {bom} byte-order mark but is not valid {bom} ({err.reason} at byte {err.start})", "decode") from err
    if enc := _bomless_utf16(data):
        return data.decode(enc), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    decoded = []
    for enc in _TRIAL_ENCODINGS:
        try:
            decoded.append((_rare_share(text := data.decode(enc)), len(decoded), enc, text))
        except UnicodeDecodeError:
            continue
    if decoded and (best := min(decoded))[0] < _MAX_RARE_SHARE:
        return best[3], best[2]
    return _decode_fallback(data, name)


def _decode_fallback(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only the rare file that no strict trial decodes

    best = from_bytes(data, cp_isolation=list(_ENCODING_FAMILY)).best()
    family = _ENCODING_FAMILY.get(best.encoding) if best is not None else None
    if best is not None and family is not None:
        return str(best), family
    # A crawled page often holds a few damaged bytes (a character cut at the end of the file):
    # accept the encoding that needs the fewest replacements if they are very few.
    tolerant = []
    for enc in ["utf-8", *_TRIAL_ENCODINGS]:
        text = data.decode(enc, errors="replace")
        tolerant.append((text.count("\ufffd"), _rare_share(text), len(tolerant), enc, text))
    n_bad, rare, _, enc, text = min(tolerant)
    if n_bad <= max(_MAX_DAMAGED_CHARS, _MAX_DAMAGED_SHARE * len(text)) and rare < _MAX_RARE_SHARE:
        return text, enc
    raise LoadError(
        "undecodable",
        f"{name}: not valid UTF-8, UTF-16, GB18030/GBK or Big5 text (at best {n_bad} characters cannot be decoded); "
        "re-save it as UTF-8, or check that it is not a damaged or binary file",
        "decode",
    )


# --- HTML ------------------------------------------------------------------------------

_HTML_SIGNS = re.compile(r"<\s*(!doctype\s+html|html|head|body|meta|title)\b", re.I)
_HTML_TAGS = re.compile(r"<\s*/?\s*(p|div|br|span|table|tr|td|li|a|h[1-6])\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """HTML by content, not by file name: a document tag near the top or many markup tags."""
    return bool(_HTML_SIGNS.search(text[:4096])) or len(_HTML_TAGS.findall(text[:20000])) >= 5


class _HtmlText(HTMLParser):
    """Visible text of a page; blocks become lines, page furniture is dropped.

    Two texts are kept: `kept` drops navigation, headers, footers, forms and elements whose
    class/id names a page part (nav, footer, share, ...); `full` drops only scripts and styles.
    `full` is the fallback for a malformed page where an unclosed <nav> would swallow the body.
    """

    SKIP_ALWAYS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object"})
    SKIP_FURNITURE = frozenset({"nav", "header", "footer", "form", "select", "button", "textarea", "aside", "menu"})
    FURNITURE_NAMES = frozenset({"nav", "navbar", "menu", "breadcrumb", "crumb", "crumbs", "footer", "foot",
                                 "copyright", "share", "search", "sidebar", "toolbar"})
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                      "source", "track", "wbr"})
    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
                        "article", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "title", "center", "main"})
    CELLS = frozenset({"td", "th"})
    HEAD_ONLY = frozenset({"title", "meta", "link", "base", "script", "style", "noscript"})  # else the body began
    BREAK = "\x00"  # a block boundary; NUL never survives the binary test, so it is free to use

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.kept: list[str] = []
        self.full: list[str] = []
        self.title: list[str] = []
        self._always: list[str] = []  # stack of open skipped elements (tag names)
        self._furniture: list[str] = []
        self._in_title = False
        self._in_head = False  # </head> and <body> may be left out: any body element ends the head

    def _is_furniture(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.VOID:
            return False  # never closed: it cannot hold a page part
        if tag in self.SKIP_FURNITURE:
            return True
        names = " ".join(v or "" for k, v in attrs if k in ("class", "id"))
        return any(w in self.FURNITURE_NAMES for w in re.split(r"[\s_\-]+", names.lower()) if w)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = tag == "title"
        self._in_head = tag == "head" or (self._in_head and tag in self.HEAD_ONLY)
        if self._always:
            if tag == self._always[0]:
                self._always.append(tag)
            return
        if tag in self.SKIP_ALWAYS:
            self._always.append(tag)
            return
        if self._furniture:
            if tag == self._furniture[0]:
                self._furniture.append(tag)
        elif self._is_furniture(tag, attrs):
            self._furniture.append(tag)
        self._emit(self.BREAK if tag in self.BLOCKS else " " if tag in self.CELLS else "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("title", "head"):
            self._in_title = False
            self._in_head = self._in_head and tag == "title"
        if self._always:
            if tag == self._always[0]:
                self._always.pop()
            return
        if self._furniture and tag == self._furniture[0]:
            self._furniture.pop()
            self.full.append(self.BREAK)
            return
        self._emit(self.BREAK if tag in self.BLOCKS else " " if tag in self.CELLS else "")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        if not (self._always or self._in_head or self._in_title):
            self._emit(data)

    def _emit(self, piece: str) -> None:
        if piece:
            self.full.append(piece)
            if not self._furniture:
                self.kept.append(piece)


_SOURCE_NEWLINE = re.compile(r"[ \t\r\f\v]*\n\s*")
_WIDE_NEIGHBOUR = re.compile(r"(?<=[^\x00-\x7f])\n|\n(?=[^\x00-\x7f])")


def _join_html_text(pieces: list[str]) -> str:
    """A newline of the HTML source is white space: next to a Chinese character it joins
    the two sides (Chinese has no spaces), between ASCII words it is one space."""
    text = "".join(pieces).replace("\r", "\n")
    text = _SOURCE_NEWLINE.sub("\n", text)
    text = _WIDE_NEIGHBOUR.sub("", text).replace("\n", " ")
    return text.replace(_HtmlText.BREAK, "\n")


def html_to_text(html: str) -> tuple[str, str]:
    """(visible text with one block a line, the page <title>)."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    kept, full = _join_html_text(parser.kept), _join_html_text(parser.full)
    if len(kept.strip()) < 0.1 * len(full.strip()):  # an unclosed page part swallowed the body
        kept = full
    return kept, " ".join("".join(parser.title).split())


class CodeTable:
    """A one-to-one character mapping applied to a whole text at C speed.

    str.translate looks a dict up per character (about 0.4 µs each for Chinese text); a numpy
    lookup over the text's code points does the same work twenty times faster. A character
    mapped to "" is deleted.
    """

    def __init__(self, mapping: dict[int, str]) -> None:
        self.size = max(mapping) + 1
        self.table = np.arange(self.size, dtype=np.uint32)
        for code, target in mapping.items():
            self.table[code] = ord(target) if target else 0
        self.deletes = any(not target for target in mapping.values())

    def apply(self, text: str) -> str:
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        inside = codes < self.size
        mapped = np.where(inside, self.table[np.where(inside, codes, 0)], codes).astype("<u4")
        out = mapped.tobytes().decode("utf-32-le")
        return out.replace("\x00", "") if self.deletes else out


# --- normalisation -------------------------------------------------------------------

_WIDTH_MAP = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}  # full-width ASCII -> ASCII
_WIDTH_MAP.update({c: " " for c in (0x3000, 0x00A0, 0x202F, 0x205F, 0x1680, 0x09, *range(0x2000, 0x200B))})
_WIDTH_MAP.update({c: "\n" for c in (0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029)})
_WIDTH_MAP.update({c: "" for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, *range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F)})
_WIDTH_TABLE = CodeTable(_WIDTH_MAP)
_SPACES = re.compile(r" {2,}")
# a unit's slash spaced out between Chinese characters (40微克/ 立方米): the unit as one word
_SPACED_SLASH_RE = re.compile(r"(?<=[\u4e00-\u9fff]) ?/ ?(?=[\u4e00-\u9fff])")
# a pollutant's subscript written as a mark, subscript digits or across a line break: PM_2.5, PM₂.₅, PM\n2.5, O₃
_SUBSCRIPT_DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_POLLUTANT_RE = re.compile(
    r"(?<![A-Za-z])(PM|SO|NO|O|CO)(?:[ \t]*[_\n][ \t]*([0-9₀-₉]+(?:[.．][0-9₀-₉])?)|([₀-₉]+(?:[.．][₀-₉])?))(?![0-9A-Za-z])",
    re.IGNORECASE)
# what every match of _POLLUTANT_RE holds (each name ends in M or O): texts without it are left as they are
# (two patterns that each open with a character class scan fast; one alternation of both does not)
_POLLUTANT_HINTS = (re.compile(r"[MmOo][ \t]*[_\n]"), re.compile("[₀-₉]"))
_POLLUTANTS = frozenset({"PM2.5", "PM10", "SO2", "NO2", "O3", "CO2"})
# some documents end sentences with '.' (or '．', made '.' above): between two Chinese characters it is a full
# stop, never a decimal point or a list number (3.5, 1.); after a Chinese numeral it numbers a heading (一.总体要求).
# So is it between a Chinese character and the year opening the next sentence (…创建活动.2025年底前,…)
_CHINESE_FULL_STOP_RE = re.compile(
    r"\.(?<=[\u4e00-\u9fff]\.)(?<![一二三四五六七八九十百〇零]\.)(?=[\u4e00-\u9fff]|(?:19|20)\d\d年)")


def _pollutant(m: re.Match) -> str:
    number = (m.group(2) or m.group(3)).translate(_SUBSCRIPT_DIGITS).replace("．", ".")
    return m.group(1) + number if (m.group(1) + number).upper() in _POLLUTANTS else m.group()


_OUTER_PIPES = " |"  # cell borders of a table copied as text: "标题 | ||||"


def chinese_full_stops(text: str) -> str:
    """'.' between two Chinese characters as the full stop 。 it stands for (offsets unchanged)."""
    return _CHINESE_FULL_STOP_RE.sub("。", text)


def normalise(text: str) -> list[str]:
    """Full-width ASCII and odd spaces -> ASCII, one line ending; non-empty stripped lines
    (table borders '|' at either end of a line stripped too).

    Chinese punctuation (。、《》“”) and masking marks (*, (略)) are left as they are; a '.' between two Chinese
    characters is the full stop 。 (same offsets).
    """
    text = _WIDTH_TABLE.apply(text.replace("\r\n", "\n").replace("\r", "\n"))
    if any(hint.search(text) for hint in _POLLUTANT_HINTS):  # the full pattern is slow to scan
        text = _POLLUTANT_RE.sub(_pollutant, text)
    text = chinese_full_stops(text)
    lines = (_SPACES.sub(" ", line.strip().strip(_OUTER_PIPES)) for line in text.split("\n"))
    return [_SPACED_SLASH_RE.sub("/", line) if "/ " in line or " /" in line else line for line in lines if line]


# Some sites gloss characters with pinyin to dodge copy detection: 生(sheng)态(tai)环境, 为(wéi / wèi).
# A gloss is lower-case Latin letters holding a vowel, right after a Chinese character; they are
# removed only when a text holds several, so a lone unit such as 公顷(ha) stays. The pattern opens with the
# bracket, looking behind it for the character: a literal first character lets the engine skip to it.
_SYLLABLE = "(?=[a-zü]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]{1,6}"
_PINYIN_GLOSS = re.compile(rf"\((?<=[\u4e00-\u9fff]\(){_SYLLABLE}(?:\s*/\s*{_SYLLABLE})*\)")  # 为(wéi / wèi): every reading
_MIN_PINYIN_GLOSSES = 3


def drop_pinyin_glosses(text: str) -> str:
    glosses = _PINYIN_GLOSS.findall(text)
    return _PINYIN_GLOSS.sub("", text) if len(glosses) >= _MIN_PINYIN_GLOSSES else text


# --- traditional -> simplified ---------------------------------------------------------

_TRADITIONAL_SHARE = 0.015  # of all characters; simplified texts have ~0, traditional ones ~20%


@lru_cache(maxsize=1)
def _t2s_tables() -> tuple[Automaton, CodeTable, frozenset[str]]:
    """OpenCC's t2s dictionaries (loaded once per process) as an Aho-Corasick automaton of
    phrases and a code-point table of characters.

    The pure-Python OpenCC matcher costs half a jieba pass on a traditional document; the
    same forward-maximum matching over the same dictionaries with C matchers (Aho-Corasick,
    numpy) gives the same text (tested) at a small fraction of the cost. Every entry keeps the length of its key, so
    offsets into the simplified text also point into the original.
    """
    from opencc import OpenCC

    cc = OpenCC("t2s")
    cc.convert("")  # loads the dictionaries
    phrases = Automaton()
    chars: dict[int, str] = {}
    for group in cc._dict_chain_data:  # [(max_len, min_len, {traditional: "simplified alternatives"})]
        for _, _, mapping in group:
            for key, value in mapping.items():
                target = value.split()[0]
                if len(key) == 1:
                    chars[ord(key)] = target
                elif len(target) == len(key):
                    phrases.add_word(key, (len(key), target))
    phrases.make_automaton()
    changing = {chr(c) for c, t in chars.items() if chr(c) != t}
    for key, (_, target) in phrases.items():
        changing.update(a for a, b in zip(key, target, strict=True) if a != b)
    return phrases, CodeTable(chars), frozenset(changing)


def normalise_cells(rows: list[list[str | None]]) -> None:
    """A table's cells cleaned in place the way its text is (normalise, then simplified characters); an empty
    cell stays as it is."""
    for row in rows:
        for c, cell in enumerate(row):
            if cell:
                row[c] = t2s("\n".join(normalise(cell)))


def t2s(text: str) -> str:
    """Traditional -> simplified with OpenCC's t2s dictionaries (longest phrase first, then characters)."""
    phrases, chars, changing = _t2s_tables()
    if changing.isdisjoint(text):  # simplified text: nothing to convert
        return text
    converted = chars.apply(text)  # same length as text: phrases are patched in at their offsets
    out, pos = [], 0
    for end, (length, target) in phrases.iter_long(text):
        out += [converted[pos : end - length + 1], target]
        pos = end + 1
    out.append(converted[pos:])
    return "".join(out)


def _code_points(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def simplify(text: str) -> tuple[str, str]:
    """(text in simplified script, script of the source: traditional | simplified)."""
    converted = t2s(text)
    if converted == text:
        return text, "simplified"
    n_changed = int(np.count_nonzero(_code_points(text) != _code_points(converted)))  # same length: one per character
    if n_changed < _TRADITIONAL_SHARE * len(text):
        return converted, "simplified"
    return fix_traditional(converted), "traditional"


@lru_cache(maxsize=1)
def _traditional_fixes() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of loaders/data/t2s_fixes.csv's words (longest first: a keep word before its character) and
    what each match becomes."""
    import csv

    rows = list(csv.DictReader(_data_lines("t2s_fixes.csv")))
    to = {r["written"]: r["simplified"] if r["kind"] != "keep" else r["written"] for r in rows}
    for written, simplified in to.items():
        if len(written) != len(simplified):
            raise ValueError(f"t2s_fixes.csv: {written} -> {simplified} changes the text's length")
    return re.compile("|".join(map(re.escape, sorted(to, key=len, reverse=True)))), to


def fix_traditional(converted: str) -> str:
    """A traditional text after t2s: Taiwan's 著 for 着 (著力点 -> 着力点; 显著 stays) and 覆 for 复 (批覆 -> 批复),
    which OpenCC's t2s leaves (loaders/data/t2s_fixes.csv). Same length."""
    pattern, to = _traditional_fixes()
    return pattern.sub(lambda m: to[m.group()], converted)


# --- page-header fields and clutter ----------------------------------------------------------


def _data_lines(filename: str) -> list[str]:
    lines = (line.strip() for line in (DATA_DIR / filename).read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def _header_key_regex() -> re.Pattern[str]:
    keys = sorted(_data_lines("header_fields.txt"), key=len, reverse=True)
    alternatives = "|".join(r"\s?".join(map(re.escape, key)) for key in keys)
    return re.compile(rf"({alternatives})\s*(?:[::]|\||$)")  # "名称 | X": a table cell border separates too


_BULLET = re.compile(r"^[-•·*|]\s*")
_MAX_BARE_HEADER_CHARS = 160  # a header table row is short; body paragraphs are not tried


@lru_cache(maxsize=1)
def _bare_header_key_regex() -> re.Pattern[str]:
    """Field names followed by a space, no colon: the cells of a header table copied as text."""
    keys = sorted(_data_lines("header_fields.txt"), key=len, reverse=True)
    alternatives = "|".join(r"\s?".join(map(re.escape, key)) for key in keys)
    return re.compile(rf"(?:(?<=\s)|^)({alternatives})\s+(?=\S)")


def parse_header_line(line: str) -> dict[str, str] | None:
    """Fields of a page-header line ('文件编号:X 发布机构:Y', '名称 | X' from a table, or without
    colons when the line holds two field names or more: '发布机构 X 组配分类 Y'), or None if it is not one."""
    body = _BULLET.sub("", line)
    # the first key must open the line: a paragraph without one is not scanned for keys to the end
    keys = list(_header_key_regex().finditer(body)) if _header_key_regex().match(body) else []
    if not keys or keys[0].start() != 0:
        if len(body) > _MAX_BARE_HEADER_CHARS or " " not in body:
            return None
        keys = list(_bare_header_key_regex().finditer(body))
        if len(keys) < 2 or keys[0].start() != 0:
            return None
    fields = {}
    for key, nxt in zip(keys, [*keys[1:], None], strict=True):
        value = body[key.end() : nxt.start() if nxt else len(body)].strip(" |")
        fields[re.sub(r"\s", "", key.group(1))] = value
    return fields


_LENGTH_GUARD = re.compile(r"\(\?=\.\{0,(\d+)\}\$\)")  # a pattern opening with (?=.{0,K}$) matches lines of K characters at most


def _longest_line(pattern: str) -> int:
    """The longest line a clutter pattern can match: its length guard, else the widest match it has."""
    parsed = re._parser.parse(pattern, re.I)
    longest = parsed.getwidth()[1]
    guard = _LENGTH_GUARD.match(pattern)
    if guard and parsed[0][0] is re._constants.ASSERT:  # the guard holds for the whole pattern (no top-level |)
        longest = min(longest, int(guard.group(1)))
    return longest


@lru_cache(maxsize=1)
def _clutter_regexes() -> tuple[list[int], list[re.Pattern[str]]]:
    """Per line length, one alternation of the patterns that can match a line that long. Whether a line
    fully matches some pattern does not depend on the others, and a paragraph is no longer tried against
    the patterns guarded by a length it exceeds (they cost most: each scans the line from every position)."""
    patterns = [(p, _longest_line(p)) for p in _data_lines("clutter_patterns.txt")]
    limits = sorted({n for _, n in patterns})
    return limits, [re.compile("|".join(f"(?:{p})" for p, n in patterns if n >= limit), re.I) for limit in limits]


_MOJIBAKE_MARKS = "?\ufffd"  # what a text decoded in the wrong encoding, then saved, is left with
_MOJIBAKE_SHARE = 0.3


def is_mojibake(line: str) -> bool:
    """A line mostly made of '?' or U+FFFD: characters lost to a wrong encoding upstream."""
    n = sum(line.count(mark) for mark in _MOJIBAKE_MARKS)
    return n >= 3 and n >= _MOJIBAKE_SHARE * len(line)


def is_clutter(line: str) -> bool:
    limits, regexes = _clutter_regexes()
    i = bisect.bisect_left(limits, len(line) - line.endswith("\n"))  # $ also matches before a final newline
    return (i < len(limits) and regexes[i].fullmatch(line) is not None) or is_mojibake(line)


_PAGE_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")


MIN_PARAGRAPH_CHARS = 50  # a line this long that is not a header line is body text


def header_field_lines(lines: list[str], top: bool = True, bottom: bool = True) -> dict[int, dict[str, str]]:
    """The page-header lines (来源:X, 时间:2026-02-03) above the body's first paragraph (top) or below its last
    (bottom), by index, with their fields: read only where pages print them, so that a body line opening with 时间:
    or 来源: stays."""
    fields = [parse_header_line(line) for line in lines]
    paragraphs = [i for i, line in enumerate(lines) if fields[i] is None and len(line) >= MIN_PARAGRAPH_CHARS]
    # a spam line of keywords over the header (…在线观看,免费…) is page furniture, not the body's first paragraph
    paragraphs = list(itertools.dropwhile(lambda i: is_clutter(lines[i]), paragraphs))
    first, last = (paragraphs[0], paragraphs[-1]) if paragraphs else (len(lines), -1)
    return {i: found for i, found in enumerate(fields)
            if found is not None and ((top and i < first) or (bottom and i > last))}


def strip_page_parts(lines: list[str]) -> tuple[list[int], dict[str, str]]:
    """Indices of body lines, and the page-header fields found on the other lines (header_field_lines)."""
    fields = header_field_lines(lines)
    header: dict[str, str] = {}
    keep = []
    for i, line in enumerate(lines):
        if i in fields:
            for key, value in fields[i].items():
                if value and key not in header:
                    header[key] = value
        elif is_clutter(line):
            # a lone numeric date of the page header still tells when the page was published
            if "页面日期" not in header and (m := _PAGE_DATE.search(line)) and not re.search(r"[\u4e00-\u9fff]{2}", line):
                header["页面日期"] = "-".join((m.group(1), m.group(2).zfill(2), m.group(3).zfill(2)))
        else:
            keep.append(i)
    return keep, header


# --- repeated bodies ---------------------------------------------------------------------

_MIN_REPEAT_CHARS = 40  # a repeated run of lines this long is a copy of the body, not a refrain
_TAIL_CHARS = 40  # a paragraph this long is looked up by its end ...
_GLUED_CHARS = 20  # ... and is a copy if all but this many characters of its start match


def _repeat_key(line: str) -> str:
    return "\x00" + line[-_TAIL_CHARS:] if len(line) > _TAIL_CHARS else line


def _same_line(a: str, b: str) -> bool:
    """Equal, or copies of one long paragraph with a short tag glued onto the start of one or
    both (spam pages glue a different keyword onto each copy)."""
    if a == b:
        return True
    if min(len(a), len(b)) <= _TAIL_CHARS or abs(len(a) - len(b)) > _GLUED_CHARS:
        return False
    if starts_with_number_marker(a) or starts_with_number_marker(b):
        return False  # 一、X and 二、X are two items, not a copy with a tag
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n >= max(len(a), len(b)) - _GLUED_CHARS


def drop_repeats(lines: list[str]) -> list[int]:
    """Indices of lines to keep once a page's repetitions are removed.

    Dropped: a line equal to the line kept just before it (a title printed twice); a run
    of lines that repeats, in order, lines seen earlier and holds >= _MIN_REPEAT_CHARS
    characters (a body or a block of paragraphs printed twice, or one long paragraph).
    Short lines seen before elsewhere (a heading such as 工作任务:) are kept. Long paragraphs
    also match a copy with a short tag glued on (see _same_line).
    """
    first_seen: dict[str, int] = {}
    keep: list[int] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if keep and _same_line(lines[keep[-1]], line):
            i += 1
            continue
        j = first_seen.get(_repeat_key(line))
        if j is not None:
            k = 0
            while i + k < n and j + k < i and _same_line(lines[i + k], lines[j + k]):
                k += 1
            if sum(len(lines[i + t]) for t in range(k)) >= _MIN_REPEAT_CHARS:
                i += k
                continue
        first_seen.setdefault(_repeat_key(line), i)
        keep.append(i)
        i += 1
    return keep


# --- the stage ---------------------------------------------------------------------------


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """(text, encoding) of a text file's bytes (steps 1-2), for readers of text-based formats (loaders/exports.py)."""
    _check_bytes(data, name)
    return _decode(data, name)


# A text a publisher flattened into one line, each line end of its source (a PDF's) written as a space: 约束性 指标,
# 深 入开展. Chinese has no spaces, so there a space between two Chinese characters is a line end inside a sentence,
# and is joined (the subjects already join one, clean_subject's _BROKEN_WORD_RE; the grammar reads whole words). A text
# with lines keeps its spaces: a few stray ones are the source's, not a flattening.
_BROKEN_LINE_RE = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff])")
_FLATTENED_MIN_BREAKS = 50  # broken words in one line (a flattened report of 13 000 characters holds 326; texts with lines ≤ 4)


def unflatten(lines: list[str]) -> list[str]:
    """The one line of a flattened text with its words broken at the source's line ends joined again."""
    if len(lines) != 1 or len(_BROKEN_LINE_RE.findall(lines[0])) < _FLATTENED_MIN_BREAKS:
        return lines
    return [_BROKEN_LINE_RE.sub("", lines[0])]


def read_document(data: bytes, name: str = "") -> CleanDocument:
    """Bytes of a text or HTML file -> CleanDocument, or LoadError with a reason a person can act on."""
    text, encoding = decode_text(data, name)
    if not text.strip():
        raise LoadError("empty_file", f"{name}: the file holds only white space once decoded ({encoding}); nothing to load")
    source_format, page_title = "txt", ""
    if looks_like_html(text):
        source_format = "html"
        text, page_title = html_to_text(text)
    lines = normalise(text)
    if len(lines) >= 8:  # a text hard-wrapped as a PDF's text is: its paragraphs joined (loaders.pdf)
        from loaders.pdf import join_wrapped_lines

        lines = join_wrapped_lines(lines) or lines
    original = unflatten(drop_pinyin_glosses("\n".join(lines)).split("\n"))
    simplified_text, script = simplify("\n".join(original))
    simplified = simplified_text.split("\n")
    simplified, original, cell_tables = _cell_line_tables(simplified, original)
    body, header = strip_page_parts(simplified)
    body = [body[i] for i in drop_repeats([simplified[i] for i in body])]
    if not body or not any(ch.isalnum() for i in body for ch in simplified[i]):
        raise LoadError("no_text", f"{name}: no body text is left once page navigation, header fields and clutter are removed; check that the file is a policy document")
    if page_title:
        header.setdefault("网页标题", t2s(page_title))
    return CleanDocument(
        text="\n".join(simplified[i] for i in body),
        encoding=encoding,
        source_format=source_format,
        script=script,
        original_text="\n".join(original[i] for i in body),
        header=header,
        tables=_placed(cell_tables, body, simplified),
    )


def _cell_line_tables(simplified: list[str], original: list[str]) -> tuple[list[str], list[str], list]:
    """A table written one cell a line (loaders/text_tables.py) read before a bare figure's line is taken for a
    page number: its lines become its rows, in both scripts (a rewritten line is written as read, simplified)."""
    from loaders.text_tables import cell_line_tables

    if len(original) != len(simplified):
        return simplified, original, []
    rows, found, source = cell_line_tables(simplified)
    if len(rows) == len(simplified) and all(b - a == 1 for a, b in source):
        return simplified, original, found
    kept = [original[a] if b - a == 1 else row for row, (a, b) in zip(rows, source, strict=True)]
    return rows, kept, found


def _placed(found: list, body: list[int], lines: list[str]) -> list:
    """The blocks whose rows all stay in the body, in a row, with their offsets in the body's text."""
    where = {i: n for n, i in enumerate(body)}
    offsets = [0]
    for i in body:
        offsets.append(offsets[-1] + len(lines[i]) + 1)
    placed = []
    for first, block in found:
        n = where.get(first)
        if n is None or [body[n + k] if n + k < len(body) else None for k in range(len(block.lines))] != list(
                range(first, first + len(block.lines))):
            continue
        block.char_start = offsets[n]
        block.table.table_no = len(placed) + 1
        placed.append(block)
    return placed

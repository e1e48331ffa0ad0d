"""Stage 3: clean text -> items (the numbered hierarchy), target/outcome sections, and sentences.

Numbering schemes and the level each one gets (a level is decided by the scheme, not by position):

    1  一、 / 一.          2  (一)          3  1. / 1、 / ⒈          4  (1) / 1) / ⑴ / 2.1 (decimal)
    5  ① / 2.1.1         6  —— (dash bullet; numbered —1, —2 ... within its parent)

Plans written like regulations number by 第一章 / 第一节 / 第一条 (also 第一部分, 第一篇). These report
levels 1 / 2 / 3 of their own family and nest above the list above: 章 > 节 > 条 > 一、 > (一) > 1. ...
Inline enumerations (一是…, 二是…) are sentences of their item, never items.

A marker counts only at the start of a line (after spaces) and only if it continues the sequence of
its scheme: the first of a list must be 1 / 一 / (一) / ①, a later one must follow the previous number of
its scheme, either within the same parent or across parents (documents that number 1..33 through all
their chapters). "2023年", "5.22", "1.5万", "1+N", "一、二级" never start items.

Spans: an item runs from its marker to the start of the next item at the same or a higher level (the
end of the text at the latest), so a parent's span contains its children. Text before the first item is
the preamble, path "" and level 0. Paths join normalised markers from the root ("三/(四)/12"); a path
repeated in one document (numbering restarted, e.g. an attachment) gets "#2", "#3" on its last part.
A table of contents is no items: a marker line ending in a page number after a dot leader or in brackets
(第一节发展基础·····7, 一、指导思想(22)), and the marker lines right after a 目录 line up to a line of prose or
to the first entry's marker again (the body's own heading).

Sections: a line starting with a label such as "工作任务:" (target) or "完成情况:" (outcome) opens a
section that runs to the next label line or the next item. An item whose heading is such a label
("一、主要目标", "二、重点任务完成情况") is a section itself, and its descendants inherit the kind in
Item.section_kind. section_kind_at() answers for any offset; each Sentence carries it too.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from loaders.breaks import SENTENCE_BREAKS
from loaders.numbers import chinese_integer
from loaders.records import Item, Sentence

# Section labels: the words that tell planned work from reported results (one place, no other copies).
# 重点任务 / 主要任务 are left out on purpose: reports reuse them as headings over achievements.
TARGET_LABELS = (
    "工作任务", "目标任务", "主要目标", "工作目标", "总体目标", "年度目标", "基本目标",
    # the forward-looking part of a summary report ("2024年工作总结和2025年工作思路")
    "工作安排", "工作计划", "工作思路", "工作打算", "工作设想", "工作重点", "工作部署",
    "下一步工作", "下步工作", "下一步打算", "下一步计划", "下一步安排",
)
OUTCOME_LABELS = (
    "完成情况", "进展情况", "落实情况", "工作成效", "工作进展", "主要成效", "取得成效", "整改情况", "工作完成情况",
    "工作总结", "工作情况", "开展情况", "主要成绩", "工作成绩", "工作回顾", "质量状况", "环境状况",
)

_CN = "[一二三四五六七八九十百〇零]+"
_CN_OR_DIGITS = "[一二三四五六七八九十百〇零0-9]+"
_SPACE = "[ \t\u3000\xa0]*"
_NO_DIGIT = r"(?![0-9０-９.．])"  # "1.5万", "5.22", "1、2号" are numbers, not markers
# Decimal outlines (2.1 全省整体情况 / 2.1.1 …): a space then words, never a unit (1.5 万吨)
_DECIMAL_END = r"(?=[ \t\u3000\xa0]+(?![万亿千百倍个家吨米])[\u4e00-\u9fff])"
# One alternation, one group per scheme; tried at each line start.
_MARKER = re.compile(
    _SPACE + "(?:"
    rf"第(?P<chap>{_CN_OR_DIGITS})(?:章|部分|篇)"
    rf"|第(?P<sec>{_CN_OR_DIGITS})节"
    rf"|第(?P<art>{_CN_OR_DIGITS})条"
    rf"|(?P<cn>{_CN}){_SPACE}(?:、|[.．](?!\d))(?![一二三四五六七八九十]+[、级类])"
    rf"|[(（]{_SPACE}(?P<cnp>{_CN}){_SPACE}[)）]"
    rf"|(?P<dec3>\d{{1,2}}[.．]\d{{1,2}}[.．]\d{{1,2}}){_DECIMAL_END}"
    rf"|(?P<dec2>\d{{1,2}}[.．]\d{{1,2}}){_DECIMAL_END}"
    rf"|(?P<ar>\d{{1,3}}){_SPACE}[.．、]{_NO_DIGIT}"
    "|(?P<arx>[\u2488-\u249b])"  # ⒈ ⒉ ...
    rf"|[(（]{_SPACE}(?P<arp>\d{{1,3}}){_SPACE}[)）]"
    r"|(?P<arh>\d{1,2})[)）](?!\d)"
    "|(?P<arpx>[\u2474-\u2487])"  # ⑴ ⑵ ...
    "|(?P<circ>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])"  # ① ... ㊿
    "|(?P<dash>——|—{2,})(?!—)"
    ")"
)


def starts_with_number_marker(line: str) -> bool:
    """The line opens with a numbered item marker (一、 / (二) / 3. / ① / 2.1 / 第一章; not a —— bullet,
    which also opens subtitles): the one definition of item markers. metadata (a numbered heading is no
    title) and reading (一、X and 二、X are no copies) ask here."""
    m = _MARKER.match(line)
    return m is not None and m.group("dash") is None


_LEVEL = {"chap": 1, "sec": 2, "art": 3,
          "cn": 1, "cnp": 2, "ar": 3, "arx": 3, "dec2": 4, "dec3": 5,
          "arp": 4, "arh": 4, "arpx": 4, "circ": 5, "dash": 6}
_CHAPTER_SCHEMES = ("chap", "sec", "art")
_NEST = {kind: (level if kind in _CHAPTER_SCHEMES else level + len(_CHAPTER_SCHEMES)) for kind, level in _LEVEL.items()}
_LABEL = re.compile(
    "^" + _SPACE + r"[【\[]?(?:\d{4}年度?)?(?P<label>" + "|".join(OUTCOME_LABELS + TARGET_LABELS) + r")[】\]]?" + _SPACE + "(?:[:：]|$)",
    re.M,
)
_LINE = re.compile(r"[^\n]*")
_CONTENTS_TITLE = re.compile(r"[ \t\u3000]*目[ \t\u3000]*录[ \t\u3000]*")
# an entry of a table of contents: a heading, then its page number after a dot leader (第一节发展基础·····- 2 -) or in
# brackets (一、指导思想(22)); the chapter is numbered again where it starts, so the entry is no item of its own
_CONTENTS_ENTRY = re.compile(r"(?:(?:[.…·⋯•][ \t]*){3,}[-—–]?[ \t]*\d+|[\u4e00-\u9fff][(（]\d+[)）])[ \t]*[-—–]?[ \t]*$")


@dataclass(frozen=True)
class Section:
    """A stretch of text whose measures are targets or outcomes, as a label says."""

    char_start: int
    char_end: int
    kind: str  # "target" | "outcome"
    label: str  # the label word, e.g. "完成情况"
    item_path: str


def chinese_number(s: str) -> int | None:
    """一 -> 1, 十二 -> 12, 二十一 -> 21, 一百零二 -> 102 (loaders/numbers.py); None for anything else
    and for zero (no item is numbered 零)."""
    return chinese_integer(s) or None


def _circled_number(ch: str) -> int:
    c = ord(ch)
    if c <= 0x2473:
        return c - 0x2460 + 1
    if c <= 0x325F:
        return c - 0x3251 + 21
    return c - 0x32B1 + 36


def _parse_marker(m: re.Match) -> tuple[int, int | None, str]:
    """(level, number, normalised path part) of a marker match; number None for dash bullets."""
    kind = m.lastgroup
    raw = m.group(kind)
    level = _LEVEL[kind]
    if kind in _CHAPTER_SCHEMES:  # 第一章 / 第3条: the number in either numeral, the marker as written
        n = int(raw) if raw.isdigit() else chinese_number(raw)
        return level, n, m.group(0).strip(" \t\u3000\xa0")
    if kind == "cn":
        n = chinese_number(raw)
        return level, n, raw
    if kind == "cnp":
        return level, chinese_number(raw), f"({raw})"
    if kind == "ar":
        return level, int(raw), str(int(raw))
    if kind in ("dec2", "dec3"):  # 2.1 is the first of its list: its number is the last part
        return level, int(re.split("[.．]", raw)[-1]), raw.replace("．", ".")
    if kind == "arx":
        n = ord(raw) - 0x2488 + 1
        return level, n, str(n)
    if kind in ("arp", "arh"):
        return level, int(raw), f"({int(raw)})"
    if kind == "arpx":
        n = ord(raw) - 0x2474 + 1
        return level, n, f"({n})"
    if kind == "circ":
        return level, _circled_number(raw), raw
    return level, None, ""  # dash: numbered by position


_TERMINATORS = "".join(sorted(SENTENCE_BREAKS - {"\n"}))  # loaders/breaks.py; a line end is handled apart
_SENTENCE_CHARS = re.compile("[" + re.escape(_TERMINATORS) + r"\n《》()（）]")
_CLOSERS = "”’」』\"'"
_OPEN = {"《": "《", "(": "(", "（": "("}
_CLOSE = {"》": "《", ")": "(", "）": "("}


def _sentence_spans(text: str, first_only: bool = False) -> list[tuple[int, int]]:
    """Split on 。！？；; and line ends, not inside 《》 or parentheses (depth resets at each line end).
    first_only: stop after the first sentence (an item's heading; its line may be a long paragraph)."""
    spans: list[tuple[int, int]] = []
    depth = {"《": 0, "(": 0}
    start = 0
    for m in _SENTENCE_CHARS.finditer(text):
        ch = m.group()
        if ch in _OPEN:
            depth[_OPEN[ch]] += 1
            continue
        if ch in _CLOSE:
            depth[_CLOSE[ch]] = max(0, depth[_CLOSE[ch]] - 1)
            continue
        if ch != "\n" and (depth["《"] or depth["("]):
            continue
        end = m.end() if ch != "\n" else m.start()
        while ch != "\n" and end < len(text) and text[end] in _CLOSERS:
            end += 1
        spans.append((start, end))
        if first_only:
            return spans
        start = end
        if ch == "\n":
            start = m.end()
            depth = {"《": 0, "(": 0}
    spans.append((start, len(text)))
    return spans


@dataclass
class _Open:
    nest: int  # nesting rank of its scheme (_NEST): an item closes those of equal or deeper rank
    level: int
    part: str
    path: str
    start: int
    marker: str
    heading: str
    section_kind: str | None
    index: int  # position in the output list
    last_child: dict[int, int]


def _heading_kind(heading: str) -> str | None:
    h = heading.strip().rstrip(":：")
    if h.endswith(OUTCOME_LABELS):
        return "outcome"
    if h.endswith(TARGET_LABELS):
        return "target"
    return None


def _rstrip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def split_items(text: str) -> list[Item]:
    """The numbered items of text (plus the preamble), in document order; see the module docstring.

    A dash line with no dash sibling at the top level ("——在2024年全国工作会议上的报告" under a
    title) is a subtitle, not a one-item list: it stays in the text of what holds it.
    """
    items = _split_items(text, frozenset())
    top_dashes = [it for it in items if it.level and not it.parent_path and it.item_path.startswith("—")]
    if len(top_dashes) == 1:
        items = _split_items(text, frozenset({top_dashes[0].char_start}))
    return items


def _split_items(text: str, not_markers: frozenset[int]) -> list[Item]:
    root = _Open(0, 0, "", "", 0, "", "", None, -1, {})
    stack: list[_Open] = [root]
    global_last: dict[int, int] = {}
    used_paths: dict[str, int] = {}
    found: list[_Open] = []
    ends: list[int] = []
    contents_first: str | None = None  # in a table of contents (目录), the marker of its first entry ("" before it)
    for line in _LINE.finditer(text):
        m = _MARKER.match(text, line.start(), line.end())
        if _CONTENTS_TITLE.fullmatch(line.group()):
            contents_first = ""
            continue
        if contents_first is not None and line.group().strip():
            # entries without page numbers (目录 / 第一章… / 第一节… / …): the table ends at a line of prose or
            # where its first entry's marker comes again, the body's own heading
            if not m or (contents_first and m.group(0).strip() == contents_first):
                contents_first = None
            else:
                contents_first = contents_first or m.group(0).strip()
                continue
        if not m or _CONTENTS_ENTRY.search(line.group()):
            continue
        level, n, part = _parse_marker(m)
        if line.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000\xa0")) in not_markers:
            continue
        nest = _NEST[m.lastgroup]
        depth = len(stack)
        while stack[depth - 1].nest >= nest:
            depth -= 1
        parent = stack[depth - 1]
        if n is None:  # dash bullet: always an item, numbered within its parent
            n = parent.last_child.get(nest, 0) + 1
            part = f"—{n}"
        elif n != 1 and n != parent.last_child.get(nest, 0) + 1 and n != global_last.get(nest, 0) + 1:
            continue  # not the next number of its scheme: a number in prose, not a marker
        start = line.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t\u3000\xa0"))
        for closed in stack[depth:]:
            ends[closed.index] = _rstrip_end(text, closed.start, line.start())
        del stack[depth:]
        parent.last_child[nest] = n
        global_last[nest] = n
        path = f"{parent.path}/{part}" if parent.path else part
        if path in used_paths:
            used_paths[path] += 1
            part = f"{part}#{used_paths[path]}"
            path = f"{parent.path}/{part}" if parent.path else part
        used_paths.setdefault(path, 1)
        body_start = m.end()
        while body_start < line.end() and text[body_start] in " \t\u3000\xa0":
            body_start += 1
        first_sentence = _sentence_spans(text[body_start : line.end()], first_only=True)[0]
        heading = text[body_start : body_start + first_sentence[1]].strip().rstrip(_TERMINATORS).strip()
        kind = _heading_kind(heading) or parent.section_kind
        item = _Open(nest, level, part, path, start, text[start : m.end()].strip(), heading, kind, len(found), {})
        found.append(item)
        ends.append(len(text))
        stack.append(item)
    for still_open in stack[1:]:
        ends[still_open.index] = _rstrip_end(text, still_open.start, len(text))

    out: list[Item] = []
    first = found[0].start if found else len(text)
    pre_start = len(text) - len(text.lstrip())
    pre_end = _rstrip_end(text, 0, first)
    if pre_end > pre_start:
        out.append(Item("", 0, "", "", pre_start, pre_end))
    for it, end in zip(found, ends, strict=True):
        parent_path = it.path.rpartition("/")[0]
        out.append(Item(it.path, it.level, it.marker, it.heading, it.start, end, it.section_kind, parent_path))
    return out


def find_sections(text: str, items: list[Item]) -> list[Section]:
    """Target/outcome sections: items whose heading is a label, and label lines ("完成情况:") inside items."""
    sections = [
        Section(it.char_start, it.char_end, it.section_kind, it.heading, it.item_path)
        for it in items
        if it.level and it.section_kind and _heading_kind(it.heading)
    ]
    starts = [it.char_start for it in items]
    labels = list(_LABEL.finditer(text))
    for i, m in enumerate(labels):
        start = m.start("label")
        j = bisect.bisect_right(starts, start) - 1
        owner = items[j] if j >= 0 else None
        next_item = starts[j + 1] if j + 1 < len(starts) else len(text)
        end = min(next_item, labels[i + 1].start() if i + 1 < len(labels) else len(text))
        kind = "outcome" if m.group("label") in OUTCOME_LABELS else "target"
        sections.append(Section(start, _rstrip_end(text, start, end), kind, m.group("label"), owner.item_path if owner else ""))
    sections.sort(key=lambda s: s.char_start)
    return sections


def section_kind_at(sections: list[Section], offset: int) -> str | None:
    """Kind of the innermost section containing offset (the one that starts last), or None."""
    kind = None
    for s in sections:
        if s.char_start > offset:
            break
        if offset < s.char_end:
            kind = s.kind
    return kind


def split_sentences(text: str, items: list[Item]) -> list[Sentence]:
    """Sentences with offsets into text (markers and surrounding spaces left out), the path of the
    deepest item holding each, and the target/outcome kind of the section it sits in."""
    starts = [it.char_start for it in items]
    body_start = {it.char_start: it.char_start + len(it.marker) for it in items if it.level}
    sections = find_sections(text, items)
    out: list[Sentence] = []
    for start, end in _sentence_spans(text):
        while start < end and text[start].isspace():
            start += 1
        if start in body_start:
            start = body_start[start]
            while start < end and text[start].isspace():
                start += 1
        end = _rstrip_end(text, start, end)
        if end <= start:
            continue
        j = bisect.bisect_right(starts, start) - 1
        path = items[j].item_path if j >= 0 else ""
        out.append(Sentence(start, end, path, section_kind_at(sections, start)))
    return out

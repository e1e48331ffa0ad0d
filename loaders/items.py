"""Stage 3: clean text -> items (numbered hierarchy) and sentences.

STUB: to be replaced by the items helper.
"""

from __future__ import annotations

import re

from loaders.records import Item, Sentence


def split_items(text: str) -> list[Item]:
    return [Item(item_path="", level=0, marker="", heading="", char_start=0, char_end=len(text))]


def split_sentences(text: str, items: list[Item]) -> list[Sentence]:
    out = []
    for m in re.finditer(r"[^。；;！？\n]+[。；;！？]?", text):
        out.append(Sentence(m.start(), m.end(), ""))
    return out

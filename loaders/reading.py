"""Stage 1: bytes -> CleanDocument (decode, HTML to text, simplify, normalise, de-clutter).

STUB: to be replaced by the reading helper.
"""

from __future__ import annotations

from opencc import OpenCC

from loaders.errors import LoadError
from loaders.records import CleanDocument

_T2S = OpenCC("t2s")


def read_document(data: bytes, name: str = "") -> CleanDocument:
    if not data.strip():
        raise LoadError("empty_file", f"{name}: the file is empty")
    text = data.decode("utf-8")
    simplified = _T2S.convert(text)
    script = "traditional" if simplified != text else "simplified"
    return CleanDocument(text=simplified, encoding="utf-8", source_format="text", script=script, original_text=text)

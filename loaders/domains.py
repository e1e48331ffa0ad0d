"""Domain classification of items and measures.

STUB: to be replaced by the items helper.
"""

from __future__ import annotations


def classify_domain(text: str, headings: list[str] | None = None) -> str | None:
    return None

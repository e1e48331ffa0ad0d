"""Stage 2: clean text -> Metadata (title, issuer, number, date, region, type, year).

STUB: to be replaced by the reading helper.
"""

from __future__ import annotations

from loaders.records import Metadata


def extract_metadata(text: str) -> Metadata:
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Metadata(title, None, None, None, None, None, "plan", None)

"""Stage 4: quantified measures (targets and outcomes) from sentences.

STUB: to be replaced by the measures helper.
"""

from __future__ import annotations

from loaders.records import Item, Measure, Metadata, Sentence


def extract_measures(text: str, items: list[Item], sentences: list[Sentence], metadata: Metadata) -> list[Measure]:
    return []

"""benchmarks/formats.py's variants of one invented report give the rows of the original (the whole measure, with
builds, is `python -m benchmarks.formats`; this keeps its variants and the readers in step, in a few seconds).
Rows, not text: a web page keeps a line or two of the portal's clutter (网站首页 | 政务公开 | 办事服务) that holds no
figure. wrapped_wide is left out: a text this short, wrapped at 60, has too few full lines to tell its wrap."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from test_reading_formats import PARAGRAPHS

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not installed

from benchmarks import formats  # noqa: E402
from loaders.pipeline import process_document  # noqa: E402

TEXT = "\n".join(PARAGRAPHS * 1 + [p.replace("2024", "2025").replace("某某市", "某某县") for p in PARAGRAPHS[3:]])
TEXT_VARIANTS = [v for v in formats.VARIANTS if not v.startswith("pdf") and v != "wrapped_wide"]


def _rows(data: bytes, name: str) -> list[tuple]:
    result = process_document(data, name)
    return sorted((m["kind"], m["subject_zh"], m["value"], m["unit"], m["comparator"], m["year"], m["period"])
                  for m in result.measures)


@pytest.mark.parametrize("variant", TEXT_VARIANTS)
def test_a_text_variant_gives_the_rows_of_the_original(variant: str) -> None:
    original = _rows(TEXT.encode("utf-8"), "report.txt")
    suffix, data = formats.variant(variant.removesuffix("_named"), TEXT, "某某市", "report")
    assert len(original) >= 20
    assert _rows(data, "report" + suffix) == original

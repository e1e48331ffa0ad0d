"""The real-document gold (tests/gold/corpus) is consistent: every quote is in its document, every code exists."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import yaml

from loaders import reference
from loaders.evaluate_corpus import locate, read_gold, squeeze
from loaders.pipeline import read_any
from loaders.reading import normalise

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "gold" / "corpus"
DOCUMENTS, MEASURES, LINKS = read_gold(GOLD)


@cache
def _text(doc: str) -> tuple[str, tuple[str, list[int]]]:
    """The loaders' text, and for a PDF its raw text layer too: a quote must be in the document even where
    the loaders fail to rebuild a table (that is an extraction miss, scored by envwh evaluate-corpus)."""
    data = (CORPUS / doc).read_bytes()
    text = read_any(data, doc).text
    if doc.endswith(".pdf"):
        pages = pdfium.PdfDocument(data)
        layer = "\n".join(page.get_textpage().get_text_range() for page in pages)
        text += "\n" + "\n".join(normalise(layer))
    return text, squeeze(text)


def _codes(path: Path, column: str) -> set[str]:
    with open(path, encoding="utf-8") as fh:
        return {r[column] for r in csv.DictReader(fh)}


def test_every_annotated_document_exists_and_the_sets_are_apart():
    assert DOCUMENTS, "no annotated document"
    for doc, row in DOCUMENTS.items():
        assert (CORPUS / doc).is_file(), doc
        assert row["set"] in {"dev", "heldout"} and row["coverage"] in {"headline", "full"}, doc


def test_every_quote_is_in_the_loaders_text_of_its_document():
    missing = [(m.doc, m.quote) for m in MEASURES if locate(m.quote, *_text(m.doc)) is None]
    missing += [(ln[f"{side}_doc"], ln[f"{side}_quote"]) for ln in LINKS for side in ("target", "outcome")
                if locate(ln[f"{side}_quote"], *_text(ln[f"{side}_doc"])) is None]
    assert not missing, missing[:20]


def test_every_code_is_known():
    indicators = _codes(reference.SEEDS / "indicators.csv", "indicator")
    project = yaml.safe_load((ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    units, comparators = set(project["vars"]["units"]), set(project["vars"]["comparators"])
    bad = [(m.doc, m.quote, field) for m in MEASURES for field, ok in (
        ("indicator", m.indicator is None or m.indicator in indicators),
        # a cell in words only (完成省下达任务) has no value, so no unit or comparator either
        ("unit", m.unit in units or (m.value is None and not m.unit)),
        ("comparator", m.comparator in comparators or (m.value is None and not m.comparator)),
        ("kind", m.kind in {"target", "outcome"}),
        ("year", m.year is not None and 1990 <= m.year <= 2050),
        ("source", m.source in {"text", "table"}),
    ) if not ok]
    assert not bad, bad[:20]


@pytest.mark.parametrize("name", ["dev", "heldout"])
def test_each_set_has_gold(name):
    docs = [d for d, r in DOCUMENTS.items() if r["set"] == name]
    if name == "heldout" and not docs:
        pytest.skip("the held-out set is annotated only after the rules are final")
    assert docs and any(m.doc in docs for m in MEASURES)

"""The real-document gold (tests/gold/corpus) is consistent: every quote is in its document, every code exists."""

from __future__ import annotations

import csv
from collections.abc import Callable
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


@pytest.fixture(scope="module")
def find_quote(corpus_build) -> Callable[[str, str], bool]:
    """find_quote(doc, quote): is the quote in the loaders' text of the document (read from the session's
    corpus build, not again), or for a PDF in its raw text layer? A quote must be in the document even where
    the loaders fail to rebuild a table (that is an extraction miss, scored by envwh evaluate-corpus)."""
    loaded = {d["source_file"]: d["text"] for d in corpus_build.raw("raw_documents")}

    @cache
    def squeezed(doc: str, layer: bool) -> tuple[str, tuple[str, list[int]]]:
        if layer:
            pages = pdfium.PdfDocument((CORPUS / doc).read_bytes())
            text = "\n".join(normalise("\n".join(page.get_textpage().get_text_range() for page in pages)))
        else:  # a file not loaded under its own name (a duplicate of another) is read here
            text = loaded[doc] if doc in loaded else read_any((CORPUS / doc).read_bytes(), doc).text
        return text, squeeze(text)

    def find(doc: str, quote: str) -> bool:
        return any(locate(quote, *squeezed(doc, layer)) is not None
                   for layer in ((False, True) if doc.endswith(".pdf") else (False,)))

    return find


def _codes(path: Path, column: str) -> set[str]:
    with open(path, encoding="utf-8") as fh:
        return {r[column] for r in csv.DictReader(fh)}


def test_every_annotated_document_exists_and_the_sets_are_apart():
    assert DOCUMENTS, "no annotated document"
    for doc, row in DOCUMENTS.items():
        assert (CORPUS / doc).is_file(), doc
        assert row["set"] in {"dev", "heldout"} and row["coverage"] in {"headline", "full"}, doc


@pytest.mark.corpus
def test_every_quote_is_in_the_loaders_text_of_its_document(find_quote):
    missing = [(m.doc, m.quote) for m in MEASURES if not find_quote(m.doc, m.quote)]
    missing += [(ln[f"{side}_doc"], ln[f"{side}_quote"]) for ln in LINKS for side in ("target", "outcome")
                if not find_quote(ln[f"{side}_doc"], ln[f"{side}_quote"])]
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

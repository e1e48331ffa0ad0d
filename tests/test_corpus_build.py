"""The whole corpus (data/corpus: city 2024 and provincial 2026 government work reports, and the PDF plans)
through `envwh refresh` (the session's `corpus_build`, tests/conftest.py): it must build and publish, whatever
one document holds (issue 14: "A、B均为100%" once gave two measures one measure_id and the refresh published
nothing; and the refresh on the whole corpus, PDFs included, builds and publishes).

Also measures the document semantics on the text corpus's development documents (the held-out ones,
`set=heldout` in any batch of tests/gold/corpus, are loaded, since the build must hold for them, but never
scored): the region each file names, doc_kind work_report, and the year of the congress (2024 for
the city reports, 2026 for the provincial ones).

About 1-2 minutes (shared with test_pdf_word.py and test_corpus_gold.py): deselect with `pytest -m "not corpus"`
while iterating.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from loaders.regions import RegionIndex

ROOT = Path(__file__).resolve().parents[1]
TEXT_SETS = {"city-reports-2024": 2024, "province-reports-2026": 2026}
GOLD = ROOT / "tests" / "gold" / "corpus"
# Files whose text is not what their name says (read by a person): both hold the State Council's
# national report, which is about no province or city. Their region is expected null.
NATIONAL_TEXTS = {"city-reports-2024/襄阳.txt", "city-reports-2024/贵阳.txt"}

pytestmark = pytest.mark.corpus


def test_refresh_on_the_whole_corpus_builds_and_publishes(corpus_build):
    done = corpus_build.refresh
    # 0: all loaded; 1: published, some files not loaded (reported). 3 would be a failed build.
    assert done.returncode in (0, 1), done.stdout + done.stderr
    assert "build: published" in done.stdout, done.stdout + done.stderr
    con = duckdb.connect(str(corpus_build.db), read_only=True)
    n_files = len(corpus_build.files)
    assert {f.split("/")[0] for f in corpus_build.files} == {"pdf", *TEXT_SETS}
    n_docs = con.execute("select count(*) from marts.dim_document").fetchone()[0]
    n_errors = con.execute("select count(distinct source_file) from marts.fct_load_errors where severity = 'error'").fetchone()[0]
    n_duplicates = con.execute("select count(*) from marts.fct_load_errors where reason = 'duplicate_content'").fetchone()[0]
    assert n_docs + n_errors + n_duplicates == n_files
    assert n_docs >= 0.95 * n_files
    n_facts = con.execute("select (select count(*) from marts.fct_targets) + (select count(*) from marts.fct_outcomes)").fetchone()[0]
    assert n_facts > 10 * n_docs
    # every figure traces back to its characters: the text at its offsets is its value as written
    untraced = con.execute("select source_file, value_text, text_at_offsets from marts.mart_measure_provenance "
                           "where not offsets_match limit 5").fetchall()
    assert untraced == []


def test_measures_sharing_an_offset_get_distinct_ids(corpus_build):
    rows = duckdb.sql(f"""select measure_id, document_id, char_start
                          from read_parquet('{corpus_build.data / "raw" / "raw_measures.parquet"}')""").fetchall()
    assert len({r[0] for r in rows}) == len(rows)
    by_offset: dict[tuple[str, int], int] = {}
    for _, doc, start in rows:
        by_offset[(doc, start)] = by_offset.get((doc, start), 0) + 1
    assert max(by_offset.values()) > 1  # the corpus holds "A、B均为…" sentences: the case is exercised


def _heldout() -> set[str]:
    """Documents of every batch reserved for first-sight figures (listed even before they are annotated)."""
    out = set()
    for listing in GOLD.glob("*/documents.csv"):
        with open(listing, encoding="utf-8", newline="") as fh:
            out |= {row["doc_file"] for row in csv.DictReader(fh) if row["set"] == "heldout"}
    return out


def test_region_kind_and_year_of_development_documents(corpus_build):
    index = RegionIndex.load()
    docs = duckdb.sql(f"""select source_file, region_code, doc_kind, year
                          from read_parquet('{corpus_build.data / "raw" / "raw_documents.parquet"}')""").fetchall()
    scored = [d for d in docs if d[0].split("/")[0] in TEXT_SETS and d[0] not in _heldout()]
    right = {"region": 0, "doc_kind": 0, "year": 0}
    for source_file, region_code, doc_kind, year in scored:
        folder, name = source_file.split("/")
        stem = name.split("_")[0].removesuffix(".txt")
        # a city report's file is named after its city (吉林.txt is 吉林市, not 吉林省)
        as_city = index.get(index.resolve(stem + "市")) if folder == "city-reports-2024" else None
        named = as_city.code if as_city and as_city.level == "city" else index.resolve(stem)
        expected_region = None if source_file in NATIONAL_TEXTS else named
        right["region"] += region_code == expected_region
        right["doc_kind"] += doc_kind == "work_report"
        right["year"] += year == TEXT_SETS[folder]
    shares = {k: v / len(scored) for k, v in right.items()}
    print(f"{len(scored)} development documents: {shares}")
    assert len(scored) >= 40  # the 90 text documents less the 49 of the five held-out batches (and 贵阳, a duplicate)
    assert min(shares.values()) >= 0.95, shares


def test_evaluation_of_one_annotation_batch(corpus_build, tmp_path):
    """`envwh evaluate-corpus --batch` scores one batch folder alone (a batch annotated after a freeze)."""
    from loaders.evaluate_corpus import read_gold, run

    documents, _, _ = read_gold(GOLD)
    batch = "plans"
    expected = {d for d, r in documents.items() if r["batch"] == batch}
    result = run(ROOT / "data" / "corpus", GOLD, corpus_build.db, "dev", batch)
    assert set(result["dev"]["per_document"]) == expected
    assert {u["doc"] for u in result["unlocated_quotes"]} <= expected

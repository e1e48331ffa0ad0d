"""Snapshot of the loader's rows, to prove a refactoring changes no output.

`.venv/bin/python tests/snapshot.py` rewrites the fixtures from the current code: run it only when a change
of output is intended (a new rule), and say so in the commit. test_snapshot.py compares against them.

- sample.json: every row of the five sample documents (data/documents), as compact tuples.
- corpus.json: per text document of data/corpus (held-out documents excluded: never look at their output),
  a hash of its rows and its measure count.

Only the columns below are compared, so a column added later (e.g. `rules`) is not a difference.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script from the repository
from loaders.pipeline import process_document  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "fixtures"
SAMPLE = ROOT / "data" / "documents"
CORPUS = ROOT / "data" / "corpus"
HELDOUT = ROOT / "tests" / "gold" / "corpus" / "heldout" / "documents.csv"

DOCUMENT_COLUMNS = ("document_id", "title", "issuer", "doc_number", "published_on", "region_name", "region_code",
                    "doc_type", "year", "n_chars", "region_scope", "county_name", "county_code", "encoding", "script")
ITEM_COLUMNS = ("item_path", "level", "marker", "heading", "char_start", "char_end", "section_kind", "domain_code",
                "parent_path")
MEASURE_COLUMNS = ("char_start", "char_end", "kind", "subject_zh", "comparator", "value", "unit", "value_text",
                   "year", "is_masked", "is_change", "qualifier", "mentioned_regions", "domain_code", "item_path",
                   "sentence_start", "sentence_end")


def rows_of(path: Path, name: str) -> dict:
    """The compared columns of one document's rows (a document that fails to load: its error reasons)."""
    res = process_document(path.read_bytes(), name)
    if res.document is None:
        return {"errors": sorted(e["reason"] for e in res.errors)}
    return {
        "document": [res.document[c] for c in DOCUMENT_COLUMNS] + [hashlib.sha256(res.document["text"].encode()).hexdigest()[:16]],
        "items": [[it[c] for c in ITEM_COLUMNS] for it in res.items],
        "measures": sorted([[m[c] for c in MEASURE_COLUMNS] for m in res.measures], key=lambda r: (r[0], r[1])),
        "warnings": sorted(e["reason"] for e in res.errors),
    }


def corpus_files() -> list[tuple[Path, str]]:
    with open(HELDOUT, encoding="utf-8") as fh:
        heldout = {row["doc_file"] for row in csv.DictReader(fh)}
    files = sorted(p for p in CORPUS.rglob("*.txt"))
    return [(p, p.relative_to(CORPUS).as_posix()) for p in files if p.relative_to(CORPUS).as_posix() not in heldout]


def digest(rows: dict) -> str:
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:20]


def sample_snapshot() -> dict:
    return {p.name: rows_of(p, p.name) for p in sorted(SAMPLE.iterdir()) if p.is_file()}


def corpus_snapshot() -> dict:
    out = {}
    for path, name in corpus_files():
        rows = rows_of(path, name)
        out[name] = {"hash": digest(rows), "measures": len(rows.get("measures", []))}
    return out


def main() -> None:
    for file, snap in (("sample.json", sample_snapshot), ("corpus.json", corpus_snapshot)):
        data = snap()
        with open(HERE / file, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            fh.write("\n")
        print(f"{file}: {len(data)} documents", file=sys.stderr)


if __name__ == "__main__":
    main()

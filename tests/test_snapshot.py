"""The loader's rows equal the snapshot taken before the measures engine was restructured (issue 8).

A difference here is a change of behaviour: intended ones are made by regenerating the fixtures
(`.venv/bin/python tests/snapshot.py`) in the same commit as the rule that causes them.
"""

from __future__ import annotations

import json

import pytest
from snapshot import HERE, corpus_files, digest, rows_of, sample_snapshot


def _load(name: str) -> dict:
    with open(HERE / name, encoding="utf-8") as fh:
        return json.load(fh)


def test_sample_rows_unchanged():
    expected = _load("sample.json")
    actual = json.loads(json.dumps(sample_snapshot(), ensure_ascii=False))  # tuples -> lists, as stored
    assert sorted(actual) == sorted(expected)
    for name, rows in expected.items():
        got = actual[name]
        assert got["document"] == rows["document"], name
        assert got["items"] == rows["items"], name
        missing = [m for m in rows["measures"] if m not in got["measures"]]
        extra = [m for m in got["measures"] if m not in rows["measures"]]
        assert not missing and not extra, f"{name}: lost {missing[:5]} gained {extra[:5]}"
        assert got == rows, name


@pytest.mark.skipif(not corpus_files(), reason="no corpus text documents")
def test_corpus_rows_unchanged():
    expected = _load("corpus.json")
    changed = []
    for path, name in corpus_files():
        rows = json.loads(json.dumps(rows_of(path, name), ensure_ascii=False))
        if digest(rows) != expected.get(name, {}).get("hash"):
            changed.append((name, expected.get(name, {}).get("measures"), len(rows.get("measures", []))))
    assert sorted(expected) == sorted(name for _, name in corpus_files())
    assert not changed, f"rows changed (file, measures before, after): {changed}"


def test_every_sample_measure_names_its_kind_comparator_and_year_rules():
    from snapshot import SAMPLE

    from loaders.pipeline import process_document
    for path in sorted(SAMPLE.iterdir()):
        for m in process_document(path.read_bytes(), path.name).measures:
            kind, comparator, year = m["rules"].split(";")
            assert kind.startswith("kind_") and comparator.startswith("comparator_") and year.startswith("year_"), m
            assert (m["year"] is None) == (year == "year_unknown"), m

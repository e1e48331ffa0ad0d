"""The hand-judged audit samples (tests/gold/corpus/audits) point into their documents and are fully judged;
benchmarks/audit_sample.py draws reproducibly and scores a judged sample as described."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# benchmarks/ is not part of the installed package; `pytest` does not put the repository root on sys.path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import audit_sample  # noqa: E402
from benchmarks.reanchor import corpus_text  # noqa: E402
from loaders.reading import chinese_full_stops  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "tests" / "gold" / "corpus" / "audits").glob("*.csv"))


def test_there_are_samples():
    assert SAMPLES, "no audit sample"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_row_points_at_its_number_and_sentence_and_is_judged(path):
    rows = audit_sample.read_csv(path)
    assert rows, path
    for row in rows:
        text = corpus_text(row["document"])
        start, end = int(row["char_start"]), int(row["char_end"])
        assert text[start:end] == row["value_text"], (path.name, row["document"], start)
        # samples judged before '.' between Chinese characters was read as 。 quote the '.' as it was
        assert chinese_full_stops(row["sentence"]) in text, (path.name, row["document"], start)
        assert row["is_environmental_truth"] in {"true", "false"}, (path.name, start)
        assert row["row_right"] in {"true", "false"}, (path.name, start)
        assert row["why"].strip(), (path.name, start)


def _measure(i: int, env: bool, doc: str = "a.txt", **extra) -> dict:
    return {"document": doc, "char_start": 10 * i, "char_end": 10 * i + 2, "value_text": "5个", "sentence": "",
            "kind": "outcome", "indicator_code": None, "subject_zh": f"s{i}", "value": 5.0, "unit": "count",
            "is_environmental": env, "measure_id": f"m{i}", **extra}


def test_a_draw_is_seeded_restricted_to_the_flag_and_leaves_out_excluded_rows():
    measures = [_measure(i, env=i % 3 != 0) for i in range(60)]
    first = audit_sample.draw(measures, True, 10, seed=1)
    assert first == audit_sample.draw(list(reversed(measures)), True, 10, seed=1)  # order of input is no matter
    assert len(first) == 10 and all(m["is_environmental"] for m in first)
    assert first != audit_sample.draw(measures, True, 10, seed=2)
    excluded = {audit_sample._key(m) for m in first}
    second = audit_sample.draw(measures, True, 10, seed=1, exclude=excluded)
    assert not excluded & {audit_sample._key(m) for m in second}


def test_exclude_reads_keys_of_measure_samples_and_skips_sentence_samples(tmp_path, capsys):
    measures = [_measure(i, env=True) for i in range(3)]
    audit_sample.write_csv(measures, tmp_path / "s_old.csv")
    (tmp_path / "T_sentences.csv").write_text("sample,sid,sentence\nT,1,甲。\n", encoding="utf-8")
    keys = audit_sample.excluded_keys([tmp_path / "s_old.csv", tmp_path / "T_sentences.csv"])
    assert keys == {audit_sample._key(m) for m in measures}
    assert "T_sentences.csv: not a sample of measures" in capsys.readouterr().err


def test_score_counts_the_flag_against_the_verdicts_and_matches_rows_by_span():
    judged = [{**{k: str(v) for k, v in _measure(i, env=True).items()}, "indicator_code": "",
               "is_environmental_truth": truth, "row_right": right, "why": "x"}
              for i, (truth, right) in enumerate([("true", "true"), ("true", "false"), ("false", "true"),
                                                  ("true", "true"), ("false", "true")])]
    # the build now: row 0 and 1 flagged, row 2 flagged (wrongly), row 3 no longer flagged, row 4 gone
    now = [_measure(0, True), _measure(1, True), _measure(2, True), _measure(3, False)]
    s = audit_sample.score(judged, now)
    assert (s["tp"], s["fp"], s["fn"], s["tn"], s["missing"]) == (2, 1, 1, 1, 1)
    assert s["env_rows_right"] == 1  # row 0: judged environmental and right; row 1's row is wrong


def test_row_precision_leaves_out_rows_whose_year_or_period_changed_and_list_members_match_by_subject():
    judged = [{**{k: str(v) for k, v in _measure(i, env=True).items()}, "indicator_code": "", "year": "2020",
               "period": "", "is_environmental_truth": "true", "row_right": right, "why": "x"}
              for i, right in enumerate(["true", "false", "true"])]
    now = [_measure(0, True, year=2020, period=None), _measure(1, True, year=2020, period=None),
           _measure(2, True, year=2020, period="2016-2020")]  # row 2: its period changed since judged
    s = audit_sample.score(judged, now)
    assert (s["rows_right"], s["rows_wrong"], s["rows_changed"]) == (1, 1, 1)
    # two members of one list share the span and have no indicator: the judged one is found by its subject
    a, b = _measure(5, True, subject_zh="甲"), _measure(5, False, subject_zh="乙")
    row = {**{k: str(v) for k, v in b.items()}, "indicator_code": ""}
    assert audit_sample._same_measure(row, [a, b]) is b


def test_a_span_whose_measures_all_differ_from_the_judged_one_scores_the_same_whatever_the_scan_order():
    # two measures on one span, neither of the judged subject: the one taken must not hang on the warehouse's order
    judged = [{**{k: str(v) for k, v in _measure(7, env=True).items()}, "subject_zh": "丙", "indicator_code": "",
               "is_environmental_truth": "true", "row_right": "true", "why": "x"}]
    a = _measure(7, True, subject_zh="甲", measure_id="m7")
    b = _measure(7, False, subject_zh="乙", measure_id="m7:1")
    assert audit_sample.score(judged, [a, b]) == audit_sample.score(judged, [b, a])

"""The hand-judged link samples (tests/gold/corpus/audits/links) point into their documents and are fully judged;
benchmarks/link_sample.py lists the links no gold link credits and scores judged samples as described."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# benchmarks/ is not part of the installed package; `pytest` does not put the repository root on sys.path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import link_sample  # noqa: E402
from benchmarks.reanchor import corpus_text  # noqa: E402
from loaders.reading import chinese_full_stops  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "tests" / "gold" / "corpus" / "audits" / "links").glob("*.csv"))


def test_there_are_samples():
    assert SAMPLES, "no link sample"


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_link_points_at_its_two_numbers_and_sentences_and_is_judged(path):
    rows = link_sample.read_csv(path)
    assert rows, path
    for row in rows:
        for side in link_sample.SIDES:
            text = corpus_text(row[f"{side}_document"])
            start, end = int(row[f"{side}_char_start"]), int(row[f"{side}_char_end"])
            assert text[start:end] == row[f"{side}_value_text"], (path.name, side, row[f"{side}_document"], start)
            assert chinese_full_stops(row[f"{side}_sentence"]).strip() in text, (path.name, side, start)
        assert row["link_right"] in {"true", "false"}, (path.name, row["target_char_start"])
        assert row["attained_right"] in {"true", "false"}, (path.name, row["target_char_start"])
        assert row["why"].strip(), (path.name, row["target_char_start"])


def _link(t: int, o: int, tv: float | None, ov: float | None, attained: bool | None = True, doc: str = "d") -> dict:
    row = {"link_method": "indicator", "region_name_zh": "某市", "year": 2020, "period": None,
           "indicator_code": "x", "link_key": "x", "unit": "percent", "attained": attained}
    for side, pos, value in (("target", t, tv), ("outcome", o, ov)):
        row |= {f"{side}_document": doc, f"{side}_char_start": pos, f"{side}_char_end": pos + 2,
                f"{side}_value_text": str(value), f"{side}_value": value, f"{side}_comparator": "eq",
                f"{side}_subject_zh": "甲", f"{side}_sentence": "", f"{side}_measure_id": f"{side}{pos}"}
    return row


def _gold(t: int, o: int, tv: str, ov: str, doc: str = "d") -> dict:
    return {"target_doc": doc, "outcome_doc": doc, "target_value_text": tv, "outcome_value_text": ov,
            "target_quote": "甲", "outcome_quote": "甲", "target_positions": [t], "outcome_positions": [o]}


def test_draw_lists_the_links_no_gold_link_credits_and_leaves_out_earlier_samples():
    links = [_link(100, 110, 20, 31), _link(300, 310, 8, 12), _link(500, 510, 5, 6, doc="e")]
    gold = [_gold(100, 110, "20", "31"), _gold(300, 310, "8", "15")]  # the second gold link's outcome disagrees
    drawn = link_sample.draw(links, gold, {"d"}, exclude=set())
    assert [(r["target_char_start"], r["in_gold_documents"]) for r in drawn] == [(300, True), (500, False)]
    again = link_sample.draw(links, gold, {"d"}, exclude={link_sample.key(drawn[0])})
    assert [r["target_char_start"] for r in again] == [500]
    # since an earlier build: every link it lacked, a gold-credited one too
    new = link_sample.draw(links, gold, {"d"}, exclude=set(), since={link_sample.key(links[2])})
    assert [(r["target_char_start"], r["gold_credited"]) for r in new] == [(100, True), (300, False)]


def test_score_counts_verdicts_of_links_still_built_and_lists_the_unjudged(tmp_path):
    links = [_link(100, 110, 20, 31), _link(300, 310, 8, 12), _link(500, 510, 5, 6), _link(700, 710, 1, 2)]
    gold = [_gold(100, 110, "20", "31")]
    judged = [{**r, "link_right": verdict, "attained_right": "true", "why": "x"}
              for r, verdict in ((_link(300, 310, 8, 12), "true"), (_link(500, 510, 5, 6), "false"),
                                 (_link(900, 910, 1, 1), "true"))]  # the last is no longer built
    link_sample.write_csv(judged, tmp_path / "l.csv")
    rows = [{**r, "link_right": j["link_right"], "attained_right": "true", "why": "x"}
            for r, j in zip(link_sample.read_csv(tmp_path / "l.csv"), judged, strict=True)]
    s = link_sample.score(rows, links, gold)
    assert (s["mart"], s["gold_credited"], s["right"], s["wrong"], s["gone"]) == (4, 1, 1, 1, 1)
    # a judged link the gold credits since counts with the gold, not as gone
    later = link_sample.score(rows, links, [*gold, _gold(300, 310, "8", "12")])
    assert (later["gold_credited"], later["right"], later["gone"], later["in_gold_now"]) == (2, 0, 1, 1)
    assert [m["target_char_start"] for m in s["unjudged"]] == [700]
    assert (s["attained_right"], s["attained_judged"]) == (1, 1)

"""Recall audits (tests/gold/corpus/audits/recall/R*_sentences.csv, R*_figures.csv; benchmarks/recall_sample.py):
every sampled sentence is in its document, every judged figure is in its sentence, and the scorer counts a
miss, a wrong attribute and a right row."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from loaders.evaluate_corpus import Extracted, locate, squeeze

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # benchmarks/ is not part of the installed package
from benchmarks.recall_sample import score_sample  # noqa: E402

AUDITS = ROOT / "tests" / "gold" / "corpus" / "audits" / "recall"
SAMPLES = sorted(p.name.removesuffix("_sentences.csv") for p in AUDITS.glob("R*_sentences.csv"))


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("name", SAMPLES)
def test_every_sentence_is_judged_and_every_figure_is_in_its_sentence(name):
    sentences = {r["sid"]: r for r in _read(AUDITS / f"{name}_sentences.csv")}
    figures = _read(AUDITS / f"{name}_figures.csv")
    assert sentences and all(r["status"] == "judged" for r in sentences.values()), name
    bad = [(f["sid"], f["quote"]) for f in figures
           if f["sid"] not in sentences or locate(f["quote"], sentences[f["sid"]]["sentence"]) is None]
    assert not bad, bad[:10]
    assert all(f["kind"] in {"target", "outcome"} and f["is_environmental"] in {"true", "false"} for f in figures)


@pytest.mark.corpus
def test_every_sampled_sentence_is_in_the_loaders_text_of_its_document(corpus_build):
    texts = {d["source_file"]: d["text"] for d in corpus_build.raw("raw_documents")}
    squeezed = {doc: squeeze(text) for doc, text in texts.items()}
    missing = [(r["sid"], r["sentence"][:30]) for name in SAMPLES for r in _read(AUDITS / f"{name}_sentences.csv")
               if r["doc_file"] not in texts or locate(r["sentence"], texts[r["doc_file"]], squeezed[r["doc_file"]]) is None]
    assert not missing, missing[:10]


def _extracted(position: int, value: float, unit: str = "percent", kind: str = "outcome", year: int = 2023,
               env: bool = True, comparator: str = "eq") -> Extracted:
    return Extracted(f"m{position}", "d.txt", kind, None, comparator, value, unit, year, None, env, position)


def test_the_scorer_counts_misses_wrong_attributes_and_right_rows():
    text = "前言。全年空气优良天数比例达到90.5%，森林覆盖率提高到45%，新建污水管网120公里。"
    start = text.index("全")
    sentence = {"sid": "s1", "group": "city", "doc_file": "d.txt", "sentence_start": start,
                "sentence_end": len(text), "sentence": text[start:]}
    gold = [{"sid": "s1", "kind": "outcome", "indicator": "", "comparator": "eq", "value": v, "unit": u, "year": "2023",
             "is_environmental": "true", "quote": q, "value_text": q, "subject_zh": "", "note": ""}
            for v, u, q in (("90.5", "percent", "90.5%"), ("45", "percent", "45%"), ("120000", "m", "120公里"))]
    found = [_extracted(text.index("90.5"), 90.5),  # right
             _extracted(text.index("45%"), 45, kind="target")]  # wrong kind; 120公里 missed
    result = score_sample([sentence], gold, found, {"d.txt": text})
    assert result["total"]["figures"] == 3 and result["total"]["found"] == 2 and result["total"]["right"] == 1
    assert [m["value_text"] for m in result["misses"]] == ["120公里"]
    assert result["wrong"][0]["diffs"] == {"kind": ["outcome", "target"]}
    # a row outside the sentence never answers a figure of it
    outside = score_sample([sentence], gold[:1], [_extracted(0, 90.5)], {"d.txt": text})
    assert outside["total"]["found"] == 0


def test_a_quote_with_words_around_its_number_places_it_among_repeated_numbers():
    text = "新增专精特新企业5家、绿色工厂5家。"
    sentence = {"sid": "s1", "group": "city", "doc_file": "d.txt", "sentence_start": 0, "sentence_end": len(text),
                "sentence": text}
    found = [_extracted(text.index("5家"), 5, unit="count", env=False),
             _extracted(text.rindex("5家"), 5, unit="count")]  # the green factories', flagged
    figure = {"sid": "s1", "kind": "outcome", "indicator": "", "comparator": "eq", "value": "5", "unit": "count",
              "year": "2023", "is_environmental": "true", "value_text": "5家", "subject_zh": "", "note": ""}
    bare = score_sample([sentence], [{**figure, "quote": "5家"}], found, {"d.txt": text})
    placed = score_sample([sentence], [{**figure, "quote": "绿色工厂5家"}], found, {"d.txt": text})
    assert bare["total"]["flagged"] == 0 and placed["total"]["flagged"] == 1

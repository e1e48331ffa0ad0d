"""Recall of environmental figures on random sentences (issue 14): draw a seeded sample, score a judged one.

    python -m benchmarks.recall_sample draw  --warehouse W --seed 1 --name R1 [--city 60 --province 40 --plans 40]
    python -m benchmarks.recall_sample score --warehouse W tests/gold/corpus/audits/recall/R1

`draw` picks, with a seeded generator, sentences of the loaded corpus (city 2024 reports, provincial 2026
reports, the prose of the plans' PDFs) that hold a figure (an Arabic digit, 百分之 or a number in words with a
measure word) and a word of an environmental domain (`loaders/data/seeds/domain_keywords.csv`). It writes
`NAME_sentences.csv` (one row per sentence, its offsets in the loaders' cleaned text) and `NAME_figures.csv`,
pre-filled with the rows the warehouse extracted from each sentence (columns of the gold's `measures.csv`,
quote = the number as written). A person then judges every sentence: keeps the right rows, corrects wrong
attributes, adds every missed quantified environmental figure, drops rows that are no environmental figure,
and writes `status` (`judged`) on every sentence. Sentences already judged in another sample are not drawn
again (`--exclude`).

`score` matches the judged figures of each sentence with the rows the warehouse extracted from that sentence
(same value and unit, closest place first: loaders/evaluate_corpus.match) and prints
- recall: judged environmental figures that some extracted row answers;
- env recall: ... answered by a row the warehouse flags environmental;
- rows right: ... answered by a flagged row with kind, comparator, year and indicator right (the gold's
  indicator when the catalogue has one, else none), per group and the misses and wrong attributes.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from pathlib import Path

from loaders.evaluate_corpus import Extracted, GoldMeasure, locate, match, read_warehouse

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "loaders" / "data" / "seeds"
GROUPS = {"city": "city-reports-2024/", "province": "province-reports-2026/", "plans": "pdf/"}
SENTENCE_COLUMNS = ["sample", "sid", "group", "doc_file", "sentence_start", "sentence_end", "status", "sentence"]
FIGURE_COLUMNS = ["sample", "sid", "doc_file", "kind", "indicator", "subject_zh", "comparator", "value", "unit",
                  "value_text", "year", "period", "is_environmental", "quote", "note"]
_WORD_NUMBER = "[一二三四五六七八九十百千万两]+(?:个|项|座|家|条|处|万|亿|倍|成|公里|千米|平方|亩|吨|台|辆|所)"
FIGURE = re.compile(r"[0-9０-９]|百分之|" + _WORD_NUMBER)


def environmental_words() -> list[str]:
    with open(SEEDS / "domains.csv", encoding="utf-8") as fh:
        env = {r["domain_code"] for r in csv.DictReader(fh) if r["is_environmental"] == "true"}
    with open(SEEDS / "domain_keywords.csv", encoding="utf-8") as fh:
        words = {r["keyword"] for r in csv.DictReader(fh) if r["domain_code"] in env}
    # the plain words, beside the dictionary's compounds
    words |= {"空气", "水质", "土壤", "垃圾", "废", "碳", "能耗", "森林", "绿化", "生态", "污水", "排放", "节能"}
    return sorted(words, key=len, reverse=True)


def _sentences(text: str) -> list[tuple[int, int]]:
    from loaders.items import split_items, split_sentences

    return [(s.char_start, s.char_end) for s in split_sentences(text, split_items(text))]


def _group(doc: str) -> str | None:
    return next((g for g, prefix in GROUPS.items() if doc.startswith(prefix)), None)


def _by_doc(extracted: list[Extracted]) -> dict[str, list[Extracted]]:
    out: dict[str, list[Extracted]] = {}
    for e in extracted:
        out.setdefault(e.doc, []).append(e)
    return out


def _judged_spans(exclude: list[Path]) -> set[tuple[str, int]]:
    spans = set()
    for path in exclude:
        with open(path, encoding="utf-8") as fh:
            spans |= {(r["doc_file"], int(r["sentence_start"])) for r in csv.DictReader(fh)}
    return spans


def draw(warehouse: Path, seed: int, name: str, sizes: dict[str, int], out: Path, exclude: list[Path]) -> None:
    extracted, _, texts = read_warehouse(warehouse)
    words = environmental_words()
    env_word = re.compile("|".join(re.escape(w) for w in words))
    rows_of = _by_doc(extracted)
    details = _details(warehouse)
    table_rows: dict[str, list[int]] = {}
    for e in extracted:
        if details.get(e.measure_id, ("", "", False))[2]:
            table_rows.setdefault(e.doc, []).append(e.position)
    skip = _judged_spans(exclude)
    pool: dict[str, list[tuple[str, int, int]]] = {g: [] for g in GROUPS}
    for doc in sorted(texts):
        group = _group(doc)
        if group is None:
            continue
        text = texts[doc]
        tables = table_rows.get(doc, [])
        for start, end in _sentences(text):
            s = text[start:end]
            if len(s) < 12 or not FIGURE.search(s) or not env_word.search(s) or (doc, start) in skip:
                continue
            if any(start <= p < end for p in tables):  # a table's row: not prose (the tables have their own gold)
                continue
            pool[group].append((doc, start, end))
    rng = random.Random(seed)
    sentences, figures = [], []
    for group, n in sizes.items():
        for i, (doc, start, end) in enumerate(sorted(rng.sample(pool[group], min(n, len(pool[group]))))):
            sid = f"{name}-{group}-{i + 1:03d}"
            sentences.append({"sample": name, "sid": sid, "group": group, "doc_file": doc, "sentence_start": start,
                              "sentence_end": end, "status": "", "sentence": texts[doc][start:end]})
            for e in sorted(rows_of.get(doc, []), key=lambda e: e.position):
                if start <= e.position < end:
                    figures.append(_proposal(name, sid, doc, e, details.get(e.measure_id, ("", "", False))))
    out.mkdir(parents=True, exist_ok=True)
    _write(out / f"{name}_sentences.csv", SENTENCE_COLUMNS, sentences)
    _write(out / f"{name}_figures.csv", FIGURE_COLUMNS, figures)
    print(f"{name}: drew {len(sentences)} sentences (pool {', '.join(f'{g} {len(p)}' for g, p in pool.items())}), "
          f"{len(figures)} extracted rows pre-filled -> {out}")


def _details(warehouse: Path) -> dict[str, tuple[str, str, bool]]:
    """measure_id -> (value_text, period, read from a table)"""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute("select measure_id, value_text, period, table_no is not null from marts.fct_targets "
                           "union all select measure_id, value_text, period, table_no is not null "
                           "from marts.fct_outcomes").fetchall()
    finally:
        con.close()
    return {r[0]: (r[1] or "", r[2] or "", r[3]) for r in rows}


def _proposal(name: str, sid: str, doc: str, e: Extracted, detail: tuple[str, str, bool]) -> dict:
    value_text, period, _ = detail
    return {"sample": name, "sid": sid, "doc_file": doc, "kind": e.kind, "indicator": e.indicator or "",
            "subject_zh": e.subject, "comparator": e.comparator, "value": "" if e.value is None else f"{e.value:g}",
            "unit": e.unit, "value_text": value_text, "year": e.year or "", "period": period,
            "is_environmental": str(e.is_environmental).lower(), "quote": value_text,
            "note": "extracted"}


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def score(warehouse: Path, prefix: Path) -> dict:
    extracted, _, texts = read_warehouse(warehouse)
    return score_sample(_read(prefix.with_name(prefix.name + "_sentences.csv")),
                        _read(prefix.with_name(prefix.name + "_figures.csv")), extracted, texts)


def score_sample(sentence_rows: list[dict], figure_rows: list[dict], extracted: list[Extracted],
                 texts: dict[str, str]) -> dict:
    """The judged figures of each sentence against the rows extracted from that sentence (see the module)."""
    sentences = {r["sid"]: r for r in sentence_rows}
    figures = [f for f in figure_rows if f["is_environmental"] == "true"]
    rows_of = _by_doc(extracted)
    per_group: dict[str, dict[str, int]] = {}
    misses, wrong = [], []
    for sid, s in sentences.items():
        doc, start, end = s["doc_file"], int(s["sentence_start"]), int(s["sentence_end"])
        text = texts.get(doc, "")
        # the sentence's place may move when the loaders clean a text differently: find it again by its words
        if text[start:end] != s["sentence"]:
            found = locate(s["sentence"], text)
            start, end = (found, found + len(s["sentence"])) if found is not None else (-1, -1)
        mine = [f for f in figures if f["sid"] == sid]
        gold = [_gold(f, doc, text, start, end) for f in mine]
        pairs = match(gold, [e for e in rows_of.get(doc, []) if start <= e.position < end])
        got = {id(g): e for g, e in pairs}
        counts = per_group.setdefault(s["group"], {"sentences": 0, "figures": 0, "found": 0, "flagged": 0, "right": 0})
        counts["sentences"] += 1
        for f, g in zip(mine, gold, strict=True):
            counts["figures"] += 1
            e = got.get(id(g))
            if e is None:
                misses.append({"sid": sid, "value_text": f["value_text"], "subject": f["subject_zh"], "note": f["note"]})
                continue
            counts["found"] += 1
            diffs = {a: [getattr(g, a), getattr(e, a)] for a in ("kind", "comparator", "year", "indicator")
                     if getattr(g, a) != getattr(e, a) and (a != "comparator" or g.value is not None)}
            if not e.is_environmental:
                diffs["is_environmental"] = [True, False]
            else:
                counts["flagged"] += 1
            if diffs:
                wrong.append({"sid": sid, "value_text": f["value_text"], "subject": f["subject_zh"], "diffs": diffs,
                              "note": f["note"]})
            else:
                counts["right"] += 1
    total = {k: sum(c[k] for c in per_group.values()) for k in ("sentences", "figures", "found", "flagged", "right")}
    return {"total": _shares(total), "groups": {g: _shares(c) for g, c in per_group.items()},
            "misses": misses, "wrong": wrong}


def _shares(c: dict[str, int]) -> dict:
    n = c["figures"]
    return {**c, "recall": round(c["found"] / n, 3) if n else None,
            "env_recall": round(c["flagged"] / n, 3) if n else None,
            "rows_right": round(c["right"] / n, 3) if n else None}


def _gold(f: dict, doc: str, text: str, start: int, end: int) -> GoldMeasure:
    """A judged figure; its place is its quote's, or, when the quote holds words around the number (绿色工厂5家,
    where the sentence repeats 5家 for another thing), the number's inside the quote."""
    where = locate(f["quote"], text[start:end]) if start >= 0 else None
    inner = f["quote"].find(f["value_text"]) if f["value_text"] and f["quote"] != f["value_text"] else -1
    position = start + where + max(inner, 0) if where is not None else (start if start >= 0 else None)
    return GoldMeasure(doc=doc, kind=f["kind"], indicator=f["indicator"] or None, comparator=f["comparator"],
                       value=float(f["value"]) if f["value"] else None, unit=f["unit"],
                       year=int(f["year"]) if f["year"] else None, region=None, is_environmental=True,
                       source="text", quote=f["quote"], batch="audit", position=position)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw")
    d.add_argument("--warehouse", type=Path, required=True)
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--name", required=True)
    d.add_argument("--city", type=int, default=60)
    d.add_argument("--province", type=int, default=40)
    d.add_argument("--plans", type=int, default=40)
    d.add_argument("--out", type=Path, default=ROOT / "tests" / "gold" / "corpus" / "audits" / "recall")
    d.add_argument("--exclude", type=Path, nargs="*", default=[], help="sentences files already drawn")
    s = sub.add_parser("score")
    s.add_argument("--warehouse", type=Path, required=True)
    s.add_argument("prefix", type=Path, help="e.g. tests/gold/corpus/audits/recall/R1")
    s.add_argument("--json", type=Path)
    a = p.parse_args()
    if a.command == "draw":
        draw(a.warehouse, a.seed, a.name, {"city": a.city, "province": a.province, "plans": a.plans}, a.out, a.exclude)
        return
    result = score(a.warehouse, a.prefix)
    if a.json:
        a.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    for group, c in [*result["groups"].items(), ("total", result["total"])]:
        print(f"{group:9} {c['sentences']:3} sentences, {c['figures']:3} figures: recall {c['recall']}, "
              f"env recall {c['env_recall']}, rows right {c['right']}/{c['figures']} ({c['rows_right']})")
    for m in result["misses"]:
        print("miss ", m["sid"], m["value_text"], m["subject"], m["note"])
    for w in result["wrong"]:
        print("wrong", w["sid"], w["value_text"], w["subject"], w["diffs"], w["note"])


if __name__ == "__main__":
    main()

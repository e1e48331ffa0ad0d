"""Evaluation of the extraction against a hand-checked gold file (issue 3).

    envwh evaluate data/documents tests/gold/measures.csv [--warehouse data/warehouse.duckdb] [--json PATH]

Extracted measures are matched to gold rows by document (gold doc_file = source_file), kind, unit and
value (relative tolerance 1e-6), one to one, greedily by the distance between the gold quote and the
measure's offsets. Printed and written as JSON: precision, recall and F1 per document and overall;
on matched rows the accuracy of comparator, indicator, year and region; then misses and false positives.

With --warehouse, the measures are read from the built marts (fct_targets / fct_outcomes). Without it, the
loaders run in-process and indicators are assigned by `assign_indicator`, a Python copy of the rule of the
dbt model (int_measures_indicator_matched over the indicator_synonyms seed), which stays the reference;
tests/test_indicator_matching.py runs that model's SQL and proves both agree on the seeds' synonyms.
Masked measures (value null) are reported apart: the gold leaves them out.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from loaders import reference
from loaders.numbers import find_numbers
from loaders.pipeline import iter_documents, process_document
from loaders.reading import read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = reference.SEEDS
REL_TOL = 1e-6
_FULLWIDTH = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


@dataclass(frozen=True)
class Synonym:
    indicator: str
    synonym: str
    excluded_if: tuple[str, ...]
    unit: str
    is_change: bool = False  # the indicator is itself a change (同比减少...)
    is_reduction: bool = False  # a change named a fall (下降/降低/减少): a subject ending in a rise never matches it


def load_synonyms(seeds: Path = SEEDS) -> list[Synonym]:
    with open(seeds / "indicators.csv", encoding="utf-8") as fh:
        indicators = {r["indicator"]: r for r in csv.DictReader(fh)}
    with open(seeds / "indicator_synonyms.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = [
        Synonym(r["indicator_code"], indicator_key(r["synonym"]),
                tuple(indicator_key(x.strip()) for x in (r.get("excluded_if") or "").split("|") if x.strip()),
                indicators.get(r["indicator_code"], {}).get("unit", ""),
                str(indicators.get(r["indicator_code"], {}).get("is_change", "")).lower() == "true",
                _is_reduction(indicators.get(r["indicator_code"], {})))
        for r in rows if r["synonym"]
    ]
    return sorted(out, key=lambda s: (-len(s.synonym), s.indicator, s.synonym))


_FALL = re.compile("下降|降低|减少")
_RISE_AT_END = re.compile("(上升|增长|增加|升高|反弹)$")
# a metric's margin over its benchmark (水质优良比例优于国家考核目标 23%): no level of the metric, no indicator
_MARGIN_AT_END = re.compile("(率|例|重|度)(优于|好于|高于|低于|快于|慢于|差于)[^或]{0,12}(目标|标准|要求|水平|平均|均值|全国|全省|全市)$")


def _is_reduction(indicator: dict) -> bool:
    return str(indicator.get("is_change", "")).lower() == "true" and bool(_FALL.search(indicator.get("name_zh", "")))


def indicator_key(text: str) -> str:
    """Mirror of the macro indicator_key: lower case, 比率 / 占比 read as 比例."""
    return text.lower().replace("比率", "比例").replace("占比", "比例")


GAP = "…"  # in a synonym: any text, e.g. 化学需氧量…减排 matches 化学需氧量排放量减排 (SQL: LIKE's %)


def contains_in_order(subject: str, synonym: str) -> bool:
    """Mirror of the model's `subject like '%' || replace(synonym, '…', '%') || '%'`: the synonym's terms
    occur in the subject in their order, without overlapping."""
    start = 0
    for term in synonym.split(GAP):
        found = subject.find(term, start)
        if found < 0:
            return False
        start = found + len(term)
    return True


def metric_variants(synonym: str) -> tuple[str, ...]:
    """Mirror of the model's synonym_patterns: a synonym (in key form) as written and with its share word 比例
    as the one-character head word 率 (水质优良比例 also matches 水质优良率). Not the other way: a bare 优良率 is
    air quality, a bare 优良比例 may be anything (海域优良比例)."""
    return tuple(dict.fromkeys((synonym, synonym.replace("比例", "率"))))


def unit_family(unit: str) -> str:
    """Mirror of the macro unit_family: a land area in 亩 or in km2 is one quantity."""
    return "land_area" if unit in ("km2", "mu") else unit


def assign_indicator(subject: str, unit: str, synonyms: list[Synonym], is_change: bool = False,
                     words_only: bool = False) -> str | None:
    """Mirror of models/intermediate/int_measures_indicator_matched.sql (the reference): the longest synonym
    contained in the subject (case-insensitive, a synonym's 比例 also read as 率; a synonym's terms split by … in their
    order, with any gap), with no excluded_if term, whose indicator has the measure's
    unit (or one of its family: a land area in 亩 or km2); a year-on-year change only matches an indicator that
    is itself a change, a subject ending in a rise never a reduction, and a metric's margin over a benchmark
    nothing (a figure in words excepted). A figure in words only (no value, not masked) falls back to an indicator of another unit."""
    subject = indicator_key(subject or "")
    found = [s for s in synonyms  # sorted longest first, then by indicator code
             if any(contains_in_order(subject, v) for v in metric_variants(s.synonym)) and not any(x in subject for x in s.excluded_if) and (not is_change or s.is_change)
             and not (s.is_reduction and _RISE_AT_END.search(subject)) and (words_only or not _MARGIN_AT_END.search(subject))
             and (unit_family(s.unit) == unit_family(unit) or words_only)]
    return min(found, key=lambda s: s.unit != unit).indicator if found else None


@dataclass
class Row:
    source_file: str
    kind: str
    unit: str
    value: float | None
    comparator: str | None = None
    indicator: str | None = None
    year: int | None = None
    region: str | None = None
    subject: str = ""
    text: str = ""  # quote (gold) or sentence (extracted)
    position: int | None = None  # offset in the cleaned text
    extra: dict = field(default_factory=dict)


def read_gold(path: Path) -> list[Row]:
    with open(path, encoding="utf-8") as fh:
        return [
            Row(r["doc_file"], r["kind"], r["unit"], float(r["value"]), r["comparator"], r["indicator"] or None,
                int(r["year"]) if r["year"] else None, r["region_zh"] or None, r["subject_zh"], r["quote"])
            for r in csv.DictReader(fh)
        ]


def _texts(folder: Path) -> dict[str, str]:
    out = {}
    for path, name in iter_documents(folder):
        try:
            out[name] = read_document(path.read_bytes(), name).text
        except Exception:  # a file the loaders reject has no text to point into
            out[name] = ""
    return out


def extract_in_process(folder: Path, synonyms: list[Synonym]) -> tuple[list[Row], dict[str, str]]:
    rows, texts = [], {}
    for path, name in iter_documents(folder):
        res = process_document(path.read_bytes(), name)
        if not res.document:
            continue
        texts[name] = res.document["text"]
        region = res.document.get("region_name")
        for m in res.measures:
            rows.append(Row(name, m["kind"], m["unit"], m["value"], m["comparator"],
                            assign_indicator(m["subject_zh"], m["unit"], synonyms, m["is_change"],
                                             m["value"] is None and not m.get("is_masked")), m["year"], region,
                            m["subject_zh"], m["sentence"], m["char_start"]))
    return rows, texts


def extract_from_warehouse(warehouse: Path, folder: Path) -> tuple[list[Row], dict[str, str]]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        query = """
            select f.source_file, '{kind}' as kind, f.unit, f.value, f.comparator, f.indicator_code, f.year,
                   r.region_name_zh, f.subject_zh, f.sentence, f.char_start
            from marts.{table} f
            left join marts.dim_region r on r.region_code = f.region_code
        """
        data = []
        for kind, table in (("target", "fct_targets"), ("outcome", "fct_outcomes")):
            data += con.execute(query.format(kind=kind, table=table)).fetchall()
    finally:
        con.close()
    rows = [Row(*r[:10], position=r[10]) for r in data]
    return rows, _texts(folder)


def _locate(quote: str, value: float, text: str) -> int | None:
    """Offset of the gold number in the cleaned text: the quote's number whose value fits, else the quote."""
    from opencc import OpenCC

    simple = OpenCC("t2s").convert(quote).translate(_FULLWIDTH)
    i = text.find(simple)
    if i < 0:
        return None
    for n in find_numbers(simple):
        if any(_same_value(n.value * f, value) for f in (1, 1e-3, 1e-2, 1e3, 1e4, 1e8)):
            return i + n.start
    return i


def _same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def match(gold: list[Row], extracted: list[Row]) -> list[tuple[Row, Row]]:
    """One-to-one pairs of (gold, extracted), closest first."""
    pairs = []
    by_key: dict[tuple[str, str, str], list[Row]] = {}
    for e in extracted:
        by_key.setdefault((e.source_file, e.kind, e.unit), []).append(e)
    for gi, g in enumerate(gold):
        for ei, e in enumerate(by_key.get((g.source_file, g.kind, g.unit), [])):
            if e.value is not None and _same_value(g.value, e.value):
                dist = abs(g.position - e.position) if g.position is not None and e.position is not None else 10**9
                pairs.append((dist, gi, id(e), g, e, ei))
    pairs.sort(key=lambda p: (p[0], p[1], p[5]))
    used_g, used_e, out = set(), set(), []
    for _, gi, eid, g, e, _ in pairs:
        if gi not in used_g and eid not in used_e:
            used_g.add(gi)
            used_e.add(eid)
            out.append((g, e))
    return out


def _prf(tp: int, n_extracted: int, n_gold: int) -> dict[str, float]:
    p = tp / n_extracted if n_extracted else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "matched": tp, "extracted": n_extracted, "gold": n_gold}


def evaluate_rows(gold: list[Row], extracted: list[Row]) -> dict:
    masked = [e for e in extracted if e.value is None]
    valued = [e for e in extracted if e.value is not None]
    pairs = match(gold, valued)
    matched_g = {id(g) for g, _ in pairs}
    matched_e = {id(e) for _, e in pairs}
    docs = sorted({g.source_file for g in gold} | {e.source_file for e in valued})
    per_doc = {
        d: _prf(sum(1 for g, _ in pairs if g.source_file == d), sum(1 for e in valued if e.source_file == d),
                sum(1 for g in gold if g.source_file == d))
        for d in docs
    }
    attrs = ("comparator", "indicator", "year", "region")
    accuracy = {
        a: round(sum(1 for g, e in pairs if getattr(g, a) == getattr(e, a)) / len(pairs), 4) if pairs else 0.0
        for a in attrs
    }
    wrong = [
        {"doc": g.source_file, "quote": g.text, "field": a, "gold": getattr(g, a), "extracted": getattr(e, a),
         "subject": e.subject, "gold_indicator": g.indicator}
        for g, e in pairs for a in attrs if getattr(g, a) != getattr(e, a)
    ]
    misses = [
        {"doc": g.source_file, "kind": g.kind, "value": g.value, "unit": g.unit, "indicator": g.indicator,
         "quote": g.text}
        for g in gold if id(g) not in matched_g
    ]
    false_positives = [
        {"doc": e.source_file, "kind": e.kind, "value": e.value, "unit": e.unit, "subject": e.subject,
         "sentence": e.text.strip()[:200], "char_start": e.position}
        for e in valued if id(e) not in matched_e
    ]
    # the bar of issue 3: every gold row with an indicator found, with the right comparator, year, region, indicator
    indicator_failures = [m for m in misses if m["indicator"]] + [w for w in wrong if w["gold_indicator"]]
    return {
        "overall": _prf(len(pairs), len(valued), len(gold)),
        "per_document": per_doc,
        "accuracy_on_matched": accuracy,
        "masked_mentions": len(masked),
        "gold_indicator_failures": indicator_failures,
        "wrong_attributes": wrong,
        "misses": misses,
        "false_positives": false_positives,
    }


def run_evaluation(folder: Path, gold_path: Path, warehouse: Path | None = None) -> dict:
    gold = read_gold(gold_path)
    if warehouse:
        extracted, texts = extract_from_warehouse(warehouse, folder)
    else:
        extracted, texts = extract_in_process(folder, load_synonyms())
    for g in gold:
        g.position = _locate(g.text, g.value, texts.get(g.source_file, ""))
    result = evaluate_rows(gold, extracted)
    result["source"] = str(warehouse) if warehouse else "in-process loaders (Python indicator fallback)"
    return result


def _print(result: dict) -> None:
    echo = click.echo
    echo(f"source: {result['source']}")
    echo(f"{'document':40} {'P':>6} {'R':>6} {'F1':>6} {'match':>6} {'extr':>6} {'gold':>6}")
    for d, s in [*result["per_document"].items(), ("OVERALL", result["overall"])]:
        echo(f"{d:40} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['matched']:6} {s['extracted']:6} {s['gold']:6}")
    echo("accuracy on matched rows: " + ", ".join(f"{k} {v:.3f}" for k, v in result["accuracy_on_matched"].items()))
    echo(f"masked mentions (value null, not scored): {result['masked_mentions']}")
    for heading, key, line in _LISTS:
        echo(f"\n{heading}: {len(result[key])}")
        for row in result[key]:
            echo(f"  {line(row)}")


# The lists _print ends with: (heading, key of the result, one row's line)
_LISTS = (
    ("gold rows with an indicator missed or wrong", "gold_indicator_failures", str),
    ("wrong attributes on matched rows", "wrong_attributes",
     lambda w: f"{w['doc'][:3]} {w['field']}: gold {w['gold']} got {w['extracted']} | {w['quote']} | {w['subject']}"),
    ("misses", "misses", lambda m: f"{m['doc'][:3]} {m['kind']} {m['value']:g} {m['unit']} | {m['quote']}"),
    ("false positives", "false_positives",
     lambda f: f"{f['doc'][:3]} {f['kind']} {f['value']:g} {f['unit']} [{f['subject']}] | {f['sentence'][:120]}"),
)


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "json_path", default="data/evaluation.json", type=click.Path(path_type=Path), show_default=True,
              help="Where to write the figures as JSON.")
@click.option("--warehouse", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A built DuckDB warehouse to evaluate instead of running the loaders in-process.")
def evaluate(folder: Path, gold: Path, json_path: Path, warehouse: Path | None) -> None:
    """Score extracted measures of FOLDER against the GOLD csv (precision, recall, attribute accuracy)."""
    result = run_evaluation(folder, gold, warehouse)
    _print(result)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    click.echo(f"\nwritten: {json_path}")


if __name__ == "__main__":
    evaluate()

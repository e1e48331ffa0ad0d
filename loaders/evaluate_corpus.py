"""Evaluation of a built warehouse against the real-document gold (tests/gold/corpus, issue 14).

    envwh evaluate-corpus data/corpus tests/gold/corpus --warehouse PATH [--set dev|heldout] [--json PATH]

The gold is a folder of annotation batches (README.md there). A gold measure and an extracted one match
when they come from the same document, have the same value (relative tolerance 1e-6, after the unit's
canonical conversion) and unit, and the extracted number lies near the gold quote (a table cell lies after
its row label). Matching is one to one, closest first (a cell of the gold's kind, year and
indicator wins a tie within SAME_ROW characters; a figure before the quote counts SAME_ROW farther). Reported, per set and per document kind:

- headline: gold rows with an indicator; `fully_right` = matched with kind, indicator, comparator, year and
  region all right (the issue's "headline rows fully right"); recall of their values;
- environmental (documents annotated in full): recall of the gold's environmental rows, precision of the
  extracted rows the warehouse flags environmental, and precision and recall of that flag on matched rows;
- links: precision and recall of mart_target_attainment's pairs among annotated documents.
"""

from __future__ import annotations

import csv
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import click

REL_TOL = 1e-6
NEAR = 400  # characters between a gold quote and the extracted number that still count as the same place
SAME_ROW = 40  # characters: about the width of a table row's cells, the reach of a kind/year tie-break
ATTRIBUTES = ("kind", "indicator", "comparator", "year", "region")


@dataclass
class GoldMeasure:
    doc: str
    kind: str
    indicator: str | None
    comparator: str
    value: float | None
    unit: str
    year: int | None
    region: str | None
    is_environmental: bool
    source: str
    quote: str
    batch: str
    position: int | None = None
    positions: list[int] = field(default_factory=list)  # every place the quote occurs (a label repeated in two tables)


@dataclass
class Extracted:
    measure_id: str
    doc: str
    kind: str
    indicator: str | None
    comparator: str
    value: float | None
    unit: str
    year: int | None
    region: str | None
    is_environmental: bool
    position: int
    subject: str = ""
    sentence: str = ""
    extra: dict = field(default_factory=dict)


def _csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def read_gold(gold_dir: Path) -> tuple[dict[str, dict], list[GoldMeasure], list[dict]]:
    """Documents (doc_file -> row with its batch), measures and links of every batch folder."""
    documents, measures, links = {}, [], []
    for batch in sorted(p for p in gold_dir.iterdir() if p.is_dir()):
        for r in _csv(batch / "documents.csv"):
            if r.get("coverage"):  # listed but not annotated yet (held-out before the rules are final)
                documents[r["doc_file"]] = {**r, "batch": batch.name}
        for r in _csv(batch / "measures.csv"):
            measures.append(GoldMeasure(
                r["doc_file"], r["kind"], r["indicator"] or None, r["comparator"],
                float(r["value"]) if r["value"] else None, r["unit"], int(r["year"]) if r["year"] else None,
                r["region_zh"] or None, r.get("is_environmental", "true").lower() != "false",
                r.get("source") or "text", r["quote"], batch.name))
        links += [{**r, "batch": batch.name} for r in _csv(batch / "links.csv")]
    measures = [m for m in measures if m.doc in documents]
    return documents, measures, links


def _ignored(ch: str) -> bool:
    """Whitespace and the cell separator of a table's rendering: a row label may span cells or lines."""
    return ch.isspace() or ch == "|"


def squeeze(text: str) -> tuple[str, list[int]]:
    """The text without whitespace or cell separators, and for each kept character its offset."""
    kept = [(i, ch) for i, ch in enumerate(text) if not _ignored(ch)]
    return "".join(ch for _, ch in kept), [i for i, _ in kept]


def locate(quote: str, text: str, squeezed: tuple[str, list[int]] | None = None) -> int | None:
    """Offset in `text` of the quote, whitespace-insensitive and in simplified script (None if absent)."""
    from loaders.reading import normalise, t2s

    q = "".join(ch for ch in t2s("".join(normalise(quote))) if not _ignored(ch))
    flat, where = squeezed or squeeze(text)
    i = flat.find(q)
    return where[i] if i >= 0 and q else None


def locate_all(quote: str, text: str, squeezed: tuple[str, list[int]] | None = None) -> list[int]:
    """Every offset of the quote in `text` (same normalisation as `locate`)."""
    from loaders.reading import normalise, t2s

    q = "".join(ch for ch in t2s("".join(normalise(quote))) if not _ignored(ch))
    flat, where = squeezed or squeeze(text)
    out, i = [], flat.find(q) if q else -1
    while i >= 0:
        out.append(where[i])
        i = flat.find(q, i + 1)
    return out


def _same(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def match(gold: list[GoldMeasure], extracted: list[Extracted]) -> list[tuple[GoldMeasure, Extracted]]:
    by_doc: dict[tuple[str, str | None], list[Extracted]] = {}
    for e in extracted:
        # a figure in words only (完成省下达任务) has no value and no unit to compare: its place decides
        by_doc.setdefault((e.doc, e.unit if e.value is not None else None), []).append(e)
    candidates = []
    for gi, g in enumerate(gold):
        if g.position is None:
            continue
        for e in by_doc.get((g.doc, g.unit if g.value is not None else None), []):
            if g.value is not None and not _same(g.value, e.value):
                continue
            # a table cell follows its row label; a sentence's number sits inside or just after the quote
            # (a label printed in two tables, e.g. 十三五 and 十四五, is any of its places)
            keys = []
            for p in g.positions or [g.position]:
                dist = e.position - p
                if -NEAR // 4 <= dist <= NEAR:
                    # a number inside the quote first (a list of equal values: the one the quote holds), then the
                    # nearest; two nearby cells with the same figure (100 | 100, or two cells of words): the one
                    # of the gold's kind, year, indicator and comparator (≥90 beside >90, a table's 35 beside the
                    # prose's 不低于35%), a disagreeing cell winning only when clearly closer
                    inside = 0 <= dist < len(g.quote)
                    disagree = ((g.kind != e.kind) + (g.year != e.year) + (g.indicator != e.indicator)
                                + (g.value is not None and g.comparator != e.comparator))
                    # a number before the quote (a cell ending the row above a table row's label) is a row
                    # farther: the cells of the quote's own row follow it
                    keys.append((not inside, abs(dist) + SAME_ROW * (disagree + (dist < 0)),
                                 g.indicator != e.indicator))
            if keys:
                candidates.append((min(keys), gi, e.measure_id, g, e))
    candidates.sort(key=lambda c: (c[0], c[1], c[2]))
    used_g, used_e, pairs = set(), set(), []
    for _, gi, eid, g, e in candidates:
        if gi not in used_g and eid not in used_e:
            used_g.add(gi)
            used_e.add(eid)
            pairs.append((g, e))
    return pairs


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def score(documents: dict[str, dict], gold: list[GoldMeasure], extracted: list[Extracted],
          gold_links: list[dict], mart_links: list[dict]) -> dict:
    annotated = set(documents)
    extracted = [e for e in extracted if e.doc in annotated]
    pairs = match(gold, extracted)
    got = {id(g): e for g, e in pairs}
    headline = [g for g in gold if g.indicator]
    wrong = []
    fully_right = 0
    for g in headline:
        e = got.get(id(g))
        if e is None:
            continue
        # a figure in words only has no comparator to get right
        diffs = [a for a in ATTRIBUTES if getattr(g, a) != getattr(e, a) and (a != "comparator" or g.value is not None)]
        if diffs:
            wrong.append({"doc": g.doc, "quote": g.quote, "value": g.value,
                          "diffs": {a: [getattr(g, a), getattr(e, a)] for a in diffs}, "subject": e.subject})
        else:
            fully_right += 1
    full_docs = {d for d, r in documents.items() if r["coverage"] == "full"}
    env_gold = [g for g in gold if g.doc in full_docs and g.is_environmental]
    env_extracted = [e for e in extracted if e.doc in full_docs and e.is_environmental]
    matched_env_e = {e.measure_id for g, e in pairs if g.doc in full_docs}
    flag_pairs = [(g, e) for g, e in pairs if g.doc in full_docs and e.is_environmental]
    env_pairs = [(g, e) for g, e in pairs if g.doc in full_docs and g.is_environmental]  # for the flag's recall
    result = {
        "documents": len(annotated),
        "headline": {
            "gold": len(headline),
            "matched": sum(1 for g in headline if id(g) in got),
            "fully_right": fully_right,
            "fully_right_share": _ratio(fully_right, len(headline)),
            "value_recall": _ratio(sum(1 for g in headline if id(g) in got), len(headline)),
        },
        "environmental": {
            "documents": len(full_docs),
            "gold": len(env_gold),
            "recall": _ratio(sum(1 for g in env_gold if id(g) in got), len(env_gold)),
            "extracted": len(env_extracted),
            "precision": _ratio(sum(1 for e in env_extracted if e.measure_id in matched_env_e), len(env_extracted)),
            "flag_precision": _ratio(sum(1 for g, _ in flag_pairs if g.is_environmental), len(flag_pairs)),
            "flag_recall": _ratio(sum(1 for _, e in env_pairs if e.is_environmental), len(env_pairs)),
        },
        "links": score_links(documents, gold_links, mart_links),
        "per_document": {},
        "wrong_headline": wrong,
        "missed_headline": [{"doc": g.doc, "kind": g.kind, "indicator": g.indicator, "value": g.value,
                             "unit": g.unit, "quote": g.quote, "located": g.position is not None}
                            for g in headline if id(g) not in got],
        # the full documents' environmental rows no extracted row answers (headline ones appear in both lists)
        "missed_environmental": [{"doc": g.doc, "kind": g.kind, "indicator": g.indicator, "value": g.value,
                                  "unit": g.unit, "quote": g.quote,
                                  "located": g.position is not None}
                                 for g in env_gold if id(g) not in got],
        "false_positives_full": [{"doc": e.doc, "kind": e.kind, "value": e.value, "unit": e.unit,
                                  "subject": e.subject, "sentence": e.sentence[:160]}
                                 for e in env_extracted if e.measure_id not in matched_env_e],
    }
    for d in sorted(annotated):
        hd = [g for g in headline if g.doc == d]
        right = sum(1 for g in hd if id(g) in got) - sum(1 for w in wrong if w["doc"] == d)
        result["per_document"][d] = {"kind": documents[d].get("doc_kind"), "headline": len(hd),
                                     "matched": sum(1 for g in hd if id(g) in got), "fully_right": right}
    by_kind: dict[str, dict[str, int]] = {}
    for p in result["per_document"].values():
        k = by_kind.setdefault(p["kind"] or "other", {"documents": 0, "headline": 0, "matched": 0, "fully_right": 0})
        k["documents"] += 1
        for key in ("headline", "matched", "fully_right"):
            k[key] += p[key]
    result["by_doc_kind"] = by_kind
    return result


def score_links(documents: dict[str, dict], gold_links: list[dict], mart_links: list[dict]) -> dict:
    """Precision and recall of the mart's links among the annotated documents (`match_links`), with the gold
    links no mart link answers (`missed`) and the mart links no gold link credits (`wrong`), for reading."""
    considered = [m for m in mart_links if m["target_doc"] in documents and m["outcome_doc"] in documents]
    pairs = match_links(gold_links, considered)
    credited, found = {mi for mi, _ in pairs}, {gi for _, gi in pairs}
    right = len(credited)
    side = ("doc", "value_text", "quote")
    return {"gold": len(gold_links), "mart": len(considered), "right": right,
            "precision": _ratio(right, len(considered)), "recall": _ratio(len(found), len(gold_links)),
            "missed": [{k: g.get(k) for k in ("region_zh", "indicator", "year", *(f"{s}_{c}" for s in ("target", "outcome")
                                                                              for c in side))}
                       for gi, g in enumerate(gold_links) if gi not in found],
            "wrong": [{k: m[k] for k in m if not k.endswith("_pos")}
                      for mi, m in enumerate(considered) if mi not in credited]}


def match_links(gold_links: list[dict], mart_links: list[dict]) -> list[tuple[int, int]]:
    """(mart link index, gold link index) pairs. A mart link is right when a gold link has the same two
    documents, its quotes lie at the two measures (the same `near` rule as measures, at any place the quote
    occurs: a table's row label is often also in the text) and its values agree with the measures' where both
    are numbers. A quote the loaders' text garbles (a PDF table's "(PM ) 2.5") cannot be placed: that side must
    then agree by value, a number on both sides. Matching is one to one, the nearest unmatched gold link first:
    in a table whose rows lie a few characters apart, two mart links must not both be credited to the first
    row's gold link, and a link whose values agree goes before one with a value in words or masked."""
    def distance(g: dict, side: str, m: dict) -> int | None:
        positions, pos = g.get(f"{side}_positions", []), m[f"{side}_pos"]
        if not positions:  # unplaceable quote: the value alone, a little farther than any placed match
            return NEAR if _number(g[f"{side}_value_text"]) is not None and m.get(f"{side}_value") is not None \
                else None
        near = [abs(pos - p) for p in positions if -NEAR // 4 <= pos - p <= NEAR]
        return min(near) if near else None

    candidates = []  # (sides compared by value only in words or masked, distance, mart link, gold link)
    for mi, m in enumerate(mart_links):
        for gi, g in enumerate(gold_links):
            if (g["target_doc"], g["outcome_doc"]) != (m["target_doc"], m["outcome_doc"]) \
                    or not _agrees(g["target_value_text"], m.get("target_value")) \
                    or not _agrees(g["outcome_value_text"], m.get("outcome_value")):
                continue
            t, o = distance(g, "target", m), distance(g, "outcome", m)
            if t is not None and o is not None:
                unvalued = sum(_number(g[f"{side}_value_text"]) is None or m.get(f"{side}_value") is None
                               for side in ("target", "outcome"))
                candidates.append((unvalued, t + o, mi, gi))
    credited, found, pairs = set(), set(), []
    for _, _, mi, gi in sorted(candidates):  # one to one: agreeing values first, then the nearest
        if mi not in credited and gi not in found:
            credited.add(mi)
            found.add(gi)
            pairs.append((mi, gi))
    return pairs


def _number(value_text: str) -> float | None:
    """The number a gold link's value is written with ("≥92.1", "[10]", "↓17.71%"); None for words only
    ("达标") or a scaled number ("超7900万"), which cannot be compared with a measure's value."""
    found = re.search(r"\d+(?:\.\d+)?", value_text or "")
    return None if found is None or any(scale in value_text for scale in "万亿千") else float(found.group())


def _agrees(value_text: str, value: float | None) -> bool:
    """A gold link's value as written against a measure's value (a masked value cannot disagree). The gold
    writes the document's unit, the warehouse its canonical one: a factor of 1000 (mg/m3 -> ug/m3), of 万
    (a table's column in 万吨 / 万亩 / 万千瓦: 0.03 -> 300 t) or of 亿 (亿立方米: 3.41 -> 341000000 m3) agrees."""
    number = _number(value_text)
    return value is None or number is None or any(
        math.isclose(abs(value), number * scale, rel_tol=REL_TOL, abs_tol=1e-9)
        for scale in (1, 1000, 0.001, 10000, 100000000))


def read_warehouse(warehouse: Path) -> tuple[list[Extracted], list[dict], dict[str, str]]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cols = {r[0] for r in con.execute(
            "select column_name from information_schema.columns where table_schema = 'marts' "
            "and table_name = 'fct_targets'").fetchall()}
        env = "f.is_environmental" if "is_environmental" in cols else "true"
        rows = []
        for kind, table in (("target", "fct_targets"), ("outcome", "fct_outcomes")):
            rows += con.execute(f"""
                select f.measure_id, f.source_file, '{kind}', f.indicator_code, f.comparator, f.value, f.unit,
                       f.year, r.region_name_zh, {env}, f.char_start, f.subject_zh, f.sentence
                from marts.{table} f left join marts.dim_region r on r.region_code = f.region_code
            """).fetchall()
        extracted = [Extracted(*r[:11], subject=r[11] or "", sentence=r[12] or "") for r in rows]
        link_rows = con.execute("""
            select t.source_file, t.char_start, t.value, t.value_text, o.source_file, o.char_start, o.value,
                   o.value_text, a.link_method, a.indicator_code, a.year
            from marts.mart_target_attainment a
            join (select measure_id, source_file, char_start, value, value_text from marts.fct_targets) t
                on t.measure_id = a.target_measure_id
            join (select measure_id, source_file, char_start, value, value_text from marts.fct_outcomes) o
                on o.measure_id = a.outcome_measure_id
        """).fetchall()
        names = ("target_doc", "target_pos", "target_value", "target_value_text", "outcome_doc", "outcome_pos",
                 "outcome_value", "outcome_value_text", "link_method", "indicator", "year")
        links = [dict(zip(names, row, strict=True)) for row in link_rows]
        texts = dict(con.execute(
            "select source_file, text from marts.dim_document_text join marts.dim_document using (document_id)"
        ).fetchall()) if _has_table(con, "dim_document_text") else {}
    finally:
        con.close()
    return extracted, links, texts


def _has_table(con, name: str) -> bool:
    return bool(con.execute("select 1 from information_schema.tables where table_schema = 'marts' "
                            "and table_name = ?", [name]).fetchall())


def document_texts(folder: Path, docs: set[str]) -> dict[str, str]:
    """The loaders' cleaned text of each annotated document (offsets of the marts point into it)."""
    from loaders.pipeline import read_any

    out = {}
    for d in sorted(docs):
        try:
            out[d] = read_any((folder / d).read_bytes(), d).text
        except Exception:  # a file the loaders reject has no text to point into
            out[d] = ""
    return out


def run(folder: Path, gold_dir: Path, warehouse: Path, which: str | None = None, batch: str | None = None) -> dict:
    documents, gold, links = read_gold(gold_dir)
    if batch is not None:  # one annotation batch, e.g. the documents annotated after a given freeze of the rules
        documents = {d: r for d, r in documents.items() if r["batch"] == batch}
        gold = [g for g in gold if g.doc in documents]
        links = [ln for ln in links if ln["batch"] == batch]
    extracted, mart_links, texts = read_warehouse(warehouse)
    missing = {d for d in documents if d not in texts}
    texts |= document_texts(folder, missing)
    squeezed = {d: squeeze(t) for d, t in texts.items()}
    for g in gold:
        g.position = locate(g.quote, texts.get(g.doc, ""), squeezed.get(g.doc))
        g.positions = locate_all(g.quote, texts.get(g.doc, ""), squeezed.get(g.doc))
    for ln in links:
        ln["target_pos"] = locate(ln["target_quote"], texts.get(ln["target_doc"], ""), squeezed.get(ln["target_doc"]))
        ln["outcome_pos"] = locate(ln["outcome_quote"], texts.get(ln["outcome_doc"], ""),
                                   squeezed.get(ln["outcome_doc"]))
        for side in ("target", "outcome"):
            ln[f"{side}_positions"] = locate_all(ln[f"{side}_quote"], texts.get(ln[f"{side}_doc"], ""),
                                                 squeezed.get(ln[f"{side}_doc"]))
    sets = sorted({r["set"] for r in documents.values()}) if which is None else [which]
    result = {}
    for s in sets:
        docs = {d: r for d, r in documents.items() if r["set"] == s}
        result[s] = score(docs, [g for g in gold if g.doc in docs], extracted,
                          [ln for ln in links if ln["target_doc"] in docs and ln["outcome_doc"] in docs], mart_links)
    scored = {d for d, r in documents.items() if which is None or r["set"] == which}
    result["unlocated_quotes"] = [{"doc": g.doc, "quote": g.quote} for g in gold
                                  if g.position is None and g.doc in scored]
    return result


def _print(result: dict) -> None:
    echo = click.echo
    for s, r in result.items():
        if s == "unlocated_quotes":
            continue
        h, env, ln = r["headline"], r["environmental"], r["links"]
        echo(f"== {s}: {r['documents']} documents")
        echo(f"headline rows fully right {h['fully_right']}/{h['gold']} ({h['fully_right_share']}), "
             f"value recall {h['value_recall']}")
        echo(f"environmental measures ({env['documents']} documents in full): recall {env['recall']} "
             f"of {env['gold']}, precision {env['precision']} of {env['extracted']}, "
             f"is_environmental precision {env['flag_precision']}, recall {env['flag_recall']}")
        echo(f"links: precision {ln['precision']} ({ln['right']}/{ln['mart']}), recall {ln['recall']} of {ln['gold']}")
        for k, p in sorted(r["by_doc_kind"].items()):
            echo(f"  {k:15} {p['documents']:3} documents: headline rows fully right {p['fully_right']}/{p['headline']}, "
                 f"value recall {_ratio(p['matched'], p['headline'])}")
        for d, p in r["per_document"].items():
            echo(f"  {d:60} {p['kind'] or '':15} headline {p['fully_right']:3}/{p['headline']:3} "
                 f"(matched {p['matched']})")
    echo(f"gold quotes not found in the loaders' text: {len(result.get('unlocated_quotes', []))}")


@click.command("evaluate-corpus")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--warehouse", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A warehouse built from FOLDER (envwh refresh FOLDER --data-dir ...).")
@click.option("--set", "which", type=click.Choice(["dev", "heldout"]), default=None,
              help="Only one set of the gold (default: each set apart).")
@click.option("--batch", default=None, help="Only one annotation batch (a folder of GOLD, e.g. heldout2).")
@click.option("--json", "json_path", default="data/evaluation-corpus.json", type=click.Path(path_type=Path),
              show_default=True, help="Where to write the figures, misses and wrong rows as JSON.")
def evaluate_corpus(folder: Path, gold: Path, warehouse: Path, which: str | None, batch: str | None,
                    json_path: Path) -> None:
    """Score a warehouse built from the real corpus FOLDER against the GOLD folder (tests/gold/corpus)."""
    if batch is not None and not (gold / batch).is_dir():
        raise click.BadParameter(f"no batch folder {batch!r} in {gold}", param_hint="--batch")
    result = run(folder, gold, warehouse, which, batch)
    _print(result)
    json_path.parent.mkdir(parents=True, exist_ok=True)
    json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    click.echo(f"written: {json_path}")

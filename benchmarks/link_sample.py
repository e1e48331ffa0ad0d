"""Audit of the attainment links no gold link holds (issue 14): link precision on pairs nobody has looked at.

The gold (`tests/gold/corpus/*/links.csv`) credits a mart link the way `envwh evaluate-corpus` does (same two
documents, quotes at the two measures, values agreeing: `loaders.evaluate_corpus.match_links`). Every other link of
`marts.mart_target_attainment` is listed for judging by hand:

    python -m benchmarks.link_sample draw --warehouse W --out tests/gold/corpus/audits/links/l1_links.csv \
        [--exclude tests/gold/corpus/audits/links/*.csv] [--since EARLIER_W]

(`--since`: every link of W that the earlier build lacks, those a gold link credits too: what a change added)

then fill its empty columns reading both sentences: `link_right` (true/false: same region, same indicator or
subject, same year or period end, a target and the outcome that answers it, never its own baseline),
`attained_right` (true/false: is `attained` what the two figures say) and a short `why`. `in_gold_documents` is
true when both documents are annotated: the gold then says no such pair exists (read it anyway, the gold can miss
one). Score judged samples against any warehouse (links matched by both measures' document, offsets and value as
written):

    python -m benchmarks.link_sample score tests/gold/corpus/audits/links/*.csv --warehouse W
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from benchmarks import audit_sample
from loaders.evaluate_corpus import locate_all, match_links, read_gold, squeeze

SIDES = ("target", "outcome")
SIDE_COLUMNS = ("document", "char_start", "char_end", "value_text", "comparator", "value", "subject_zh", "sentence",
                "measure_id")
LINK_COLUMNS = ("link_method", "region_name_zh", "year", "period", "indicator_code", "link_key", "unit", "attained")
JUDGED_COLUMNS = ("link_right", "attained_right", "why")
COLUMNS = (*LINK_COLUMNS, *(f"{s}_{c}" for s in SIDES for c in SIDE_COLUMNS), "in_gold_documents", "gold_credited",
           *JUDGED_COLUMNS)


def read_links(warehouse: Path) -> tuple[list[dict], dict[str, str]]:
    """Every link of the mart with both measures' place and words, and the text of every document."""
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        side = {s: ", ".join(f"{s[0]}.{'source_file' if c == 'document' else c} as {s}_{c}" for c in SIDE_COLUMNS)
                for s in SIDES}
        cursor = con.execute(f"""
            select {", ".join(f"a.{c}" for c in LINK_COLUMNS)}, {side["target"]}, {side["outcome"]}
            from marts.mart_target_attainment a
            join marts.fct_targets t on t.measure_id = a.target_measure_id
            join marts.fct_outcomes o on o.measure_id = a.outcome_measure_id
            order by t.source_file, t.char_start, o.source_file, o.char_start""")
        names = [d[0] for d in cursor.description]
        links = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        texts = dict(con.execute("select source_file, text from marts.dim_document_text "
                                 "join marts.dim_document using (document_id)").fetchall())
    finally:
        con.close()
    return links, texts


def gold_links(gold_dir: Path, texts: dict[str, str]) -> tuple[list[dict], set[str]]:
    """The gold links of every batch with their quotes placed in the build's texts, and the annotated documents."""
    documents, _, links = read_gold(gold_dir)
    squeezed = {d: squeeze(t) for d, t in texts.items()}
    for ln in links:
        for s in SIDES:
            doc = ln[f"{s}_doc"]
            ln[f"{s}_positions"] = locate_all(ln[f"{s}_quote"], texts.get(doc, ""), squeezed.get(doc))
    return links, set(documents)


def _as_match(link: dict) -> dict:
    """A mart link in the shape `match_links` reads."""
    return {f"{s}_{k}": link[f"{s}_{c}"] for s in SIDES
            for k, c in (("doc", "document"), ("pos", "char_start"), ("value", "value"))}


def unmatched(links: list[dict], gold: list[dict]) -> list[dict]:
    """The mart links no gold link credits."""
    credited = {mi for mi, _ in match_links(gold, [_as_match(m) for m in links])}
    return [m for mi, m in enumerate(links) if mi not in credited]


def key(row: dict) -> tuple:
    """A link by its two measures' document, offsets and value as written."""
    return tuple((str(row[f"{s}_document"]), int(row[f"{s}_char_start"]), int(row[f"{s}_char_end"]),
                  str(row[f"{s}_value_text"])) for s in SIDES)


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _text(value) -> str:
    """A value as the CSV writes it: empty for null, true/false for a boolean."""
    return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def write_csv(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _text(row.get(c)) for c in COLUMNS})


def draw(links: list[dict], gold: list[dict], annotated: set[str], exclude: set[tuple],
         since: set[tuple] | None = None) -> list[dict]:
    """The links to judge: credited by no gold link and in no earlier sample; with `since` (the links of an
    earlier build), every link that build lacked, the gold's too (`gold_credited` says which)."""
    open_links = {key(m) for m in unmatched(links, gold)}
    chosen = [m for m in links if key(m) not in since] if since is not None else \
        [m for m in links if key(m) in open_links]
    return [{**m, "in_gold_documents": m["target_document"] in annotated and m["outcome_document"] in annotated,
             "gold_credited": key(m) not in open_links}
            for m in chosen if key(m) not in exclude]


def score(judged: list[dict], links: list[dict], gold: list[dict]) -> dict:
    """The judged links against a build: how many it still holds, right and wrong, and its links neither the gold
    nor the judged samples answer (`unjudged`: to draw and judge next); a judged link a gold link credits now
    counts with the gold (`in_gold_now`). A link whose attained changed since it
    was judged counts by its link verdict; `attained_right` then says nothing and is left out."""
    now = {key(m): m for m in unmatched(links, gold)}
    built = {key(m) for m in links}
    out = {"mart": len(links), "gold_credited": len(links) - len(now), "judged": 0, "present": 0, "right": 0,
           "wrong": 0, "attained_right": 0, "attained_judged": 0, "gone": 0, "in_gold_now": 0}
    seen = set()
    for row in judged:
        verdict = audit_sample.verdict(row["link_right"])
        if verdict is None or key(row) in seen:
            continue
        seen.add(key(row))
        out["judged"] += 1
        m = now.get(key(row))
        if m is None:  # no longer built, or a gold link credits it now (the gold's verdict counts)
            out["in_gold_now" if key(row) in built else "gone"] += 1
            continue
        out["present"] += 1
        out["right" if verdict else "wrong"] += 1
        if verdict and _text(m["attained"]) == row["attained"] and audit_sample.verdict(row["attained_right"]) is not None:
            out["attained_judged"] += 1
            out["attained_right"] += audit_sample.verdict(row["attained_right"])
    out["unjudged"] = [m for k, m in now.items() if k not in seen]
    return out


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.3f}" if den else f"{num}/0"


def _report(s: dict) -> str:
    lines = [f"mart links {s['mart']}: gold credits {s['gold_credited']}; judged samples hold {s['present']} "
             f"({s['right']} right, {s['wrong']} wrong; {s['gone']} judged links no longer built, "
             f"{s['in_gold_now']} credited by the gold now); "
             f"unjudged {len(s['unjudged'])}",
             f"  judged link precision {_ratio(s['right'], s['present'])}; whole-mart link precision "
             f"{_ratio(s['gold_credited'] + s['right'], s['mart'])} (gold credited or judged right; unjudged count as "
             f"wrong); attained right "
             f"{_ratio(s['attained_right'], s['attained_judged'])} of the right links judged on the same attained"]
    lines += [f"  unjudged: {m['link_method']} {m['region_name_zh']} {m['year']} {m['indicator_code'] or m['link_key']}"
              f" {m['target_document']}@{m['target_char_start']} {m['target_value_text']} -> "
              f"{m['outcome_document']}@{m['outcome_char_start']} {m['outcome_value_text']}" for m in s["unjudged"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=("draw", "score"))
    parser.add_argument("samples", nargs="*", type=Path, help="judged samples to score")
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--gold", type=Path, default=Path("tests/gold/corpus"))
    parser.add_argument("--exclude", nargs="*", type=Path, default=[], help="samples whose links to leave out")
    parser.add_argument("--since", type=Path, help="draw: every link this earlier warehouse lacks (gold's too)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    links, texts = read_links(args.warehouse)
    gold, annotated = gold_links(args.gold, texts)
    if args.action == "draw":
        if not args.out:
            parser.error("draw needs --out")
        exclude = {key(r) for p in args.exclude for r in read_csv(p)}
        since = {key(m) for m in read_links(args.since)[0]} if args.since else None
        rows = draw(links, gold, annotated, exclude, since)
        write_csv(rows, args.out)
        print(f"{len(rows)} links -> {args.out}")
        return 0
    if not args.samples:
        parser.error("score needs judged samples")
    print(_report(score([r for p in args.samples for r in read_csv(p)], links, gold)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

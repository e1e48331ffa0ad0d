"""Audit samples of the warehouse's measures (issue 14): precision of `is_environmental` and of the rows on
broad random draws, judged by hand, instead of on the few documents the gold annotates in full.

Draw a sample (seeded and reproducible: measures ordered by a hash of the seed and their measure_id):

    python -m benchmarks.audit_sample --draw --warehouse W --scope city --env true --n 120 --seed 1 \
        --out tests/gold/corpus/audits/s1_city_env.csv [--exclude OTHER.csv ...]

then fill its three empty columns by hand, reading the sentence:
`is_environmental_truth` (true/false: does the figure describe environmental quality, pollution, emissions,
ecology, resource and energy efficiency, green energy's share?), `row_right` (true/false: is the figure a
measure and are its value, unit, kind (target/outcome), year or period, comparator and indicator right?) and a short `why`. Score a judged sample against
any warehouse (rows matched by document, offsets and value as written):

    python -m benchmarks.audit_sample --score tests/gold/corpus/audits/s1_*.csv --warehouse W
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections.abc import Iterable
from pathlib import Path

# the kinds of document a sample is drawn from, by dim_document's columns
SCOPES = {
    "city": "d.doc_kind = 'work_report' and d.region_scope in ('city', 'county')",
    "province": "d.doc_kind = 'work_report' and d.region_scope = 'province'",
    "plan": "d.doc_type = 'plan'",
}
LOADER_COLUMNS = ("kind", "indicator_code", "subject_zh", "value", "unit", "is_environmental")
# what else decides whether a row is right (year, comparator, period); samples drawn before they were added lack them
ROW_COLUMNS = ("year", "comparator", "period", "is_change", "rules")
JUDGED_COLUMNS = ("is_environmental_truth", "row_right", "why")
COLUMNS = ("document", "char_start", "char_end", "value_text", "sentence", *LOADER_COLUMNS, *ROW_COLUMNS,
           "measure_id", *JUDGED_COLUMNS)


def read_measures(warehouse: Path, scope: str | None = None) -> list[dict]:
    """Every target and outcome of the warehouse (of one scope of document), as dicts of COLUMNS' names."""
    import duckdb

    where = SCOPES[scope] if scope else "true"
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cursor = con.execute(" union all ".join(f"""
            select f.source_file, f.char_start, f.char_end, f.value_text, f.sentence, '{kind}', f.indicator_code,
                   f.subject_zh, f.value, f.unit, f.is_environmental, f.year, f.comparator, f.period, f.is_change,
                   f.rules, f.measure_id
            from marts.{table} f join marts.dim_document d using (document_id) where {where}"""
            for kind, table in (("target", "fct_targets"), ("outcome", "fct_outcomes"))))
        names = ("document", "char_start", "char_end", "value_text", "sentence", *LOADER_COLUMNS, *ROW_COLUMNS,
                 "measure_id")
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    finally:
        con.close()


def _key(row: dict) -> tuple[str, int, int, str]:
    return row["document"], int(row["char_start"]), int(row["char_end"]), str(row["value_text"])


def _order(seed: int, measure_id: str) -> str:
    return hashlib.sha256(f"{seed}:{measure_id}".encode()).hexdigest()


def excluded_keys(paths: Iterable[Path]) -> set[tuple]:
    """The keys of the measures of earlier samples. A file of another kind beside them (a recall sample of
    sentences in tuning/, caught by a glob) has no measure keys: it is skipped with a message."""
    keys: set[tuple] = set()
    for path in paths:
        rows = read_csv(path)
        if rows and "document" not in rows[0]:
            print(f"--exclude {path}: not a sample of measures (no document column), skipped", file=sys.stderr)
            continue
        keys |= {_key(r) for r in rows}
    return keys


def draw(measures: Iterable[dict], env: bool, n: int, seed: int, exclude: set[tuple] = frozenset()) -> list[dict]:
    """n measures flagged `env`, the first by the hash of (seed, measure_id), leaving out the keys of exclude;
    in document and offset order, for reading."""
    pool = [m for m in measures if bool(m["is_environmental"]) == env and _key(m) not in exclude]
    picked = sorted(pool, key=lambda m: _order(seed, m["measure_id"]))[:n]
    return sorted(picked, key=lambda m: (m["document"], m["char_start"]))


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({**{c: "" for c in JUDGED_COLUMNS}, **row,
                             "is_environmental": str(bool(row["is_environmental"])).lower()})


def verdict(text: str | None) -> bool | None:
    """A judged column's verdict: true, false, or None when not judged."""
    return {"true": True, "false": False}.get((text or "").strip().lower())


def _ratio(num: int, den: int) -> str:
    return f"{num}/{den} = {num / den:.3f}" if den else f"{num}/0"


def score(judged: list[dict], measures: list[dict]) -> dict:
    """Figures of one judged sample against a warehouse's measures: the flag's precision and recall, and the
    precision of the environmental rows (judged environmental and right, among the rows flagged environmental).
    A row whose loader columns changed since it was judged is counted apart for row precision."""
    found: dict[tuple, list[dict]] = {}
    for m in sorted(measures, key=lambda m: m["measure_id"]):  # a span's first measure must not hang on the scan order
        found.setdefault(_key(m), []).append(m)
    out = {"rows": 0, "judged": 0, "missing": 0, "tp": 0, "fp": 0, "fn": 0, "tn": 0,
           "env_rows_right": 0, "env_rows_changed": 0, "rows_right": 0, "rows_wrong": 0, "rows_changed": 0}
    for row in judged:
        out["rows"] += 1
        truth = verdict(row["is_environmental_truth"])
        if truth is None:
            continue
        out["judged"] += 1
        now = _same_measure(row, found.get(_key(row), []))
        if now is None:  # the build no longer extracts it
            out["missing"] += 1
            out["fn" if truth else "tn"] += 1
            continue
        flagged = bool(now["is_environmental"])
        out[("tp" if truth else "fp") if flagged else ("fn" if truth else "tn")] += 1
        changed = _changed(row, now)
        out["rows_changed" if changed else "rows_right" if verdict(row["row_right"]) else "rows_wrong"] += 1
        if flagged and truth:
            if changed:
                out["env_rows_changed"] += 1
            elif verdict(row["row_right"]):
                out["env_rows_right"] += 1
    return out


def _changed(row: dict, now: dict) -> bool:
    """Whether the build gives the judged row other columns than it was judged on (its verdict then says nothing)."""
    def text(value) -> str:
        return "" if value is None else str(value).lower() if isinstance(value, bool) else str(value)
    return any(text(now[c]) != row[c] for c in ("kind", "indicator_code", "value", "unit", "year", "comparator", "period")
               if c in row)


def _same_measure(row: dict, candidates: list[dict]) -> dict | None:
    """The measure of a judged row among those of its span (one figure may stand for several indicators:
    甲、乙均达95%): the one of the same indicator, else of the same subject, else the first."""
    def same(m: dict, column: str) -> bool:
        return (m[column] or "") == row[column]
    for m in candidates:  # a list's members share the span and (often no) indicator: the subject tells them apart
        if same(m, "indicator_code") and same(m, "subject_zh"):
            return m
    for column in ("indicator_code", "subject_zh"):
        for m in candidates:
            if same(m, column):
                return m
    return candidates[0] if candidates else None


def _report(name: str, s: dict) -> str:
    flagged = s["tp"] + s["fp"]
    return (f"{name}: {s['judged']}/{s['rows']} judged, {s['missing']} no longer extracted; "
            f"flagged env {flagged} (tp {s['tp']}, fp {s['fp']}), not flagged {s['fn'] + s['tn']} "
            f"(fn {s['fn']}, tn {s['tn']})\n"
            f"  flag precision {_ratio(s['tp'], flagged)}; flag recall {_ratio(s['tp'], s['tp'] + s['fn'])}; "
            f"env row precision {_ratio(s['env_rows_right'], flagged - s['env_rows_changed'])}"
            + (f" ({s['env_rows_changed']} env rows changed since judged, left out)" if s["env_rows_changed"] else "")
            + f"\n  row precision (any flag) {_ratio(s['rows_right'], s['rows_right'] + s['rows_wrong'])}"
            + (f" ({s['rows_changed']} rows changed since judged, left out)" if s["rows_changed"] else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--draw", action="store_true", help="draw a sample into --out")
    action.add_argument("--score", nargs="+", type=Path, metavar="CSV", help="score judged samples")
    parser.add_argument("--warehouse", type=Path, required=True)
    parser.add_argument("--scope", choices=sorted(SCOPES), help="kind of document to draw from")
    parser.add_argument("--env", choices=("true", "false"), help="draw measures flagged environmental or not")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--exclude", nargs="*", type=Path, default=[], help="samples whose rows to leave out")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if args.draw:
        if not (args.scope and args.env and args.out):
            parser.error("--draw needs --scope, --env and --out")
        exclude = excluded_keys(args.exclude)
        rows = draw(read_measures(args.warehouse, args.scope), args.env == "true", args.n, args.seed, exclude)
        write_csv(rows, args.out)
        print(f"{len(rows)} rows -> {args.out}")
        return 0
    measures = read_measures(args.warehouse)
    total: dict[str, int] = {}
    for path in args.score:
        s = score(read_csv(path), measures)
        print(_report(path.name, s))
        total = {k: total.get(k, 0) + v for k, v in s.items()}
    if len(args.score) > 1:
        print(_report("all (mixes strata: read the per-sample lines)", total))
    return 0


if __name__ == "__main__":
    sys.exit(main())

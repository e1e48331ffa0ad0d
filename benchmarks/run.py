"""The benchmark of issues 5 and 12:  python -m benchmarks.run [--quick | --sizes 10,100,1000,10000 | --corpus-only]

For each corpus size N it generates N synthetic documents (benchmarks/synthetic.py) into
benchmarks/out/N/docs, then measures
  - the loader (a child process: `envwh load --workers W --full`): documents/s,
    characters/s, CPU seconds and the peak RSS of its whole process tree;
  - the baseline: one bare jieba.lcut pass over the same text, single process, jieba initialised first;
  - `dbt build` into benchmarks/out/N/warehouse.duckdb: wall time, peak RSS, file size;
  - five typical analyst queries on the marts: median latency over several runs, read-only connection.
Then it times the real corpus data/corpus (benchmarks/corpus.py; `--corpus-only` runs that part alone, in a
few minutes; `--no-corpus` skips it). It prints a table and rewrites benchmarks/RESULTS.md (after every size, so a long run that is cut off still
leaves what finished); with `--merge` the sizes it runs add or replace their rows among those saved in
benchmarks/out/results.json, and the other sizes' rows are kept. Nothing is written outside benchmarks/out/ except RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.corpus import corpus_markdown, run_corpus, write_block
from benchmarks.report import (
    RESULTS_MD,
    fmt,
    goals,
    growth,
    kept_notes,
    machine,
    markdown,
    print_table,
    say,
    table_rows,
)
from benchmarks.stages import (
    SizeResult,
    count_rows,
    dbt_command,
    dbt_env,
    dbt_node_times,
    incremental_refresh,
    jieba_baseline,
    loader_command,
    measured_stamp,
    profile_loader,
    run_measured,
    stage_times,
    time_queries,
    workers_identical,
)
from benchmarks.synthetic import OUT_ROOT, REPO, CorpusGenerator, load_regions, load_samples, write_corpus

RESULTS_JSON = OUT_ROOT / "results.json"
DEFAULT_SIZES = [10, 100, 1000, 10000]
QUICK_SIZES = [10, 100]
BASELINE_MAX_DOCS = 1000  # the jieba rate is measured on at most this many documents of the corpus

_BASELINES: dict[int, dict] = {}


def run_size(n: int, args, gen: CorpusGenerator) -> SizeResult:
    work = OUT_ROOT / str(n)
    docs, raw, db = work / "docs", work / "raw", work / "warehouse.duckdb"
    res = SizeResult(n, workers=args.workers, load_avg_start=os.getloadavg(), measured=measured_stamp())
    say(f"\n== N = {n}: generating into {docs.relative_to(REPO)}")
    corpus = write_corpus(docs, n, generator=gen)
    res.chars, res.bytes = corpus["chars"], corpus["bytes"]

    shutil.rmtree(raw, ignore_errors=True)
    cmd = loader_command(docs, raw, args.workers)
    res.loader_cmd = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd)).replace(f"{REPO}/", "")
    say(f"   loader ({args.workers} workers) ...")
    stats = run_measured(cmd, work / "load.log")
    res.load = asdict(stats)
    res.docs_loaded, res.measures_loaded, res.files_failed = count_rows(raw)
    res.load_completed = stats.returncode >= 0 and res.docs_loaded is not None
    if stats.returncode != 0:
        res.problems.append(f"loader exited with {stats.returncode} ({res.files_failed} files failed): "
                            + " | ".join(stats.log.strip().splitlines()[-2:])[:600])

    nb = min(n, args.baseline_max_docs)
    say(f"   jieba baseline on {nb} documents ...")
    if nb not in _BASELINES:  # corpora nest, so the first nb documents are the same text at every N
        _BASELINES[nb] = asdict(jieba_baseline(gen, nb))
    res.baseline = _BASELINES[nb]

    if args.skip_dbt:
        return res
    for path in (db, db.with_name(db.name + ".wal")):
        path.unlink(missing_ok=True)
    say("   dbt build ...")
    stats = run_measured(dbt_command(work), work / "dbt.log", env=dbt_env(raw, db, args.duckdb_memory))
    res.dbt = asdict(stats)
    res.dbt_nodes = dbt_node_times(work / "target" / "run_results.json")
    if stats.returncode != 0:
        res.problems.append(f"dbt build exited with {stats.returncode}: " + _dbt_failure_summary(stats.log))
    if db.exists():
        res.db_bytes = db.stat().st_size
        say("   queries ...")
        try:
            res.queries, res.query_params = time_queries(db, args.repeats)
        except Exception as exc:  # noqa: BLE001 - e.g. the file is not a DuckDB database
            res.problems.append(f"queries: {exc}")
    if args.incremental_docs and res.dbt_ok():
        say(f"   incremental refresh of {args.incremental_docs} new documents, then a full build beside it ...")
        res.incremental = inc = incremental_refresh(work, docs, raw, db, gen, n, args.incremental_docs, args.workers)
        say(f"   refresh ({inc['mode']}): {inc['refresh']['wall_s']:.1f} s wall, {inc['refresh']['cpu_s']:.1f} s CPU; "
            f"full build: {inc['full_build']['wall_s']:.1f} s wall, {inc['full_build']['cpu_s']:.1f} s CPU")
        if res.incremental["log"]:
            res.problems.append("incremental refresh: " + res.incremental["log"].replace("\n", " | ")[-400:])
    res.load_avg_end = os.getloadavg()
    return res


def merge_sizes(kept: list[SizeResult], new: list[SizeResult]) -> list[SizeResult]:
    """The rows of one table: each size of `new` replaces or adds its row among `kept`, ordered by N."""
    by_n = {r.n: r for r in kept} | {r.n: r for r in new}
    return [by_n[n] for n in sorted(by_n)]


def saved_results() -> dict:
    return json.loads(RESULTS_JSON.read_text(encoding="utf-8")) if RESULTS_JSON.exists() else {}


def _dbt_failure_summary(log: str) -> str:
    lines = [ln for ln in log.splitlines() if re.search(r"ERROR|FAIL|Error|Done\.", ln)]
    return " | ".join(lines[-6:])[:800]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="comma-separated corpus sizes")
    p.add_argument("--quick", action="store_true", help=f"sizes {QUICK_SIZES} only")
    p.add_argument("--seed", type=int, default=2024)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="loader processes (default: cores)")
    p.add_argument("--repeats", type=int, default=7, help="timed runs of each query")
    p.add_argument("--baseline-max-docs", type=int, default=BASELINE_MAX_DOCS)
    p.add_argument("--profile-docs", type=int, default=100, help="cProfile the loader on this many documents (0: no)")
    p.add_argument("--check-workers", type=int, default=100,
                   help="compare loader output with 1 and --workers workers on this many documents (0: no)")
    p.add_argument("--corpus-only", action="store_true", help="time the real corpus data/corpus only (minutes)")
    p.add_argument("--no-corpus", action="store_true", help="synthetic sizes only")
    p.add_argument("--incremental-docs", type=int, default=10,
                   help="after each size, refresh this many new documents in incrementally, beside a full build (0: no)")
    p.add_argument("--skip-dbt", action="store_true", help="loader and baseline only")
    p.add_argument("--duckdb-memory", help="DuckDB memory_limit of the builds, e.g. 8GB (default: profiles.yml's 1GB, "
                   "which runs out of memory at 100 000 documents)")
    p.add_argument("--no-write", action="store_true", help="print only; write neither RESULTS.md nor results.json")
    p.add_argument("--merge", action="store_true",
                   help="keep the rows of the other sizes saved in results.json (e.g. --sizes 100000 --merge)")
    p.add_argument("--rewrite-report", action="store_true",
                   help="measure nothing: rewrite RESULTS.md from benchmarks/out/results.json (e.g. after editing notes)")
    args = p.parse_args(argv)
    args.sizes = QUICK_SIZES if args.quick else sorted(int(s) for s in args.sizes.split(",") if s.strip())
    args.command_line = "python -m benchmarks.run" + ("" if argv is None and len(sys.argv) <= 1 else
                                                       " " + " ".join(argv if argv is not None else sys.argv[1:]))
    return args


def rewrite_report() -> int:
    saved = saved_results()
    args = argparse.Namespace(**saved["run"])
    results = [SizeResult(**r) for r in saved["sizes"]]
    RESULTS_MD.write_text(markdown(results, saved["machine"], args, saved["workers_identical"], saved["profile"],
                                   saved["pending"], saved["started"], kept_notes()), encoding="utf-8")
    say(f"rewritten: {RESULTS_MD.relative_to(REPO)} from {RESULTS_JSON.relative_to(REPO)}")
    return 0


def corpus(args: argparse.Namespace) -> int:
    say(f"\n== real corpus data/corpus ({args.workers} loader workers)")
    res = run_corpus(args.workers, skip_dbt=args.skip_dbt)
    block = corpus_markdown(res, machine())
    say(block)
    if not args.no_write:
        (OUT_ROOT / "corpus").mkdir(parents=True, exist_ok=True)
        (OUT_ROOT / "corpus" / "results.json").write_text(json.dumps(res, indent=1, default=str))
        write_block(RESULTS_MD, block)
        say(f"written: corpus block of {RESULTS_MD.relative_to(REPO)}")
    failed = [k for k in ("load_all", "load_pdf", "dbt") if res.get(k) and res[k]["returncode"]]
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.duckdb_memory:  # for the refresh's `envwh` builds too, which take the environment as it is
        os.environ["ENVWH_DUCKDB_MEMORY"] = args.duckdb_memory
    if args.rewrite_report and args.corpus_only:  # the corpus block from its saved figures
        res = json.loads((OUT_ROOT / "corpus" / "results.json").read_text(encoding="utf-8"))
        write_block(RESULTS_MD, corpus_markdown(res, machine()))
        return 0
    if args.rewrite_report:
        return rewrite_report()
    if args.corpus_only:
        return corpus(args)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mach = machine()
    notes = kept_notes()
    say(f"benchmark: sizes {args.sizes}, seed {args.seed}, {args.workers} loader workers; "
        f"{mach['cpu']}, {mach['cores']} cores, {mach['ram_gib']} GiB")
    gen = CorpusGenerator(load_samples(), load_regions(), args.seed)
    OUT_ROOT.mkdir(parents=True, exist_ok=True)
    results: list[SizeResult] = []
    saved = saved_results() if args.merge else {}
    kept = [SizeResult(**r) for r in saved.get("sizes", [])]
    invariance, profile = saved.get("workers_identical"), saved.get("profile")

    def report() -> None:
        if args.no_write:
            return
        pending = [n for n in args.sizes if n not in {r.n for r in results}]
        run = {k: getattr(args, k) for k in ("command_line", "repeats", "baseline_max_docs")}
        table = merge_sizes(kept, results)
        RESULTS_JSON.write_text(json.dumps({"machine": mach, "run": run, "started": started, "pending": pending,
                                            "sizes": [asdict(r) for r in table],
                                            "workers_identical": invariance, "profile": profile},
                                           ensure_ascii=False, indent=1, default=str))
        RESULTS_MD.write_text(markdown(table, mach, args, invariance, profile, pending, started, notes),
                              encoding="utf-8")

    if args.check_workers and args.workers > 1:
        say(f"\n== loader output with 1 and {args.workers} workers on {args.check_workers} documents")
        invariance = workers_identical(args.check_workers, gen, [1, args.workers])
        say(f"   {invariance}")
    if args.profile_docs:
        say(f"\n== cProfile of the loader on {args.profile_docs} documents")
        profile = profile_loader(gen, args.profile_docs)
        profile["stage_times"] = stage_times(gen, args.profile_docs)
        for stage, t in profile["stage_times"]["stages"].items():
            say(f"   {t['share']:6.1%}  {stage}  (stage, no profiler)")
        for r in profile["by_own"][:10]:
            say(f"   {r['own_share']:6.1%}  {r['function']}  <- {r['main_caller']}")
    for n in args.sizes:
        results.append(run_size(n, args, gen))
        say("")
        print_table(table_rows(results))
        report()
    if not args.no_corpus:
        corpus(args)
    say("")
    for g in growth(merge_sizes(kept, results)):
        say(f"time per document, N {g['from']:,} -> {g['to']:,}: load × {fmt(g['load_wall'], '.2f')} "
            f"(CPU × {fmt(g['load_cpu'], '.2f')}), dbt build × {fmt(g['dbt_wall'], '.2f')} "
            f"(CPU × {fmt(g['dbt_cpu'], '.2f')})")
    for goal, measured, verdict in goals(merge_sizes(kept, results), invariance):
        say(f"{verdict:>14}  {goal}: {measured}")
    if not args.no_write:
        say(f"\nwritten: {RESULTS_MD.relative_to(REPO)} and {RESULTS_JSON.relative_to(REPO)}")
    return 0 if all(r.load_ok() and (args.skip_dbt or r.dbt_ok()) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""The benchmark's report: the table, the growth ratios, the goals of issue 5 and benchmarks/RESULTS.md."""

from __future__ import annotations

import json
import os
import platform
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path

import psutil

from benchmarks.stages import QUERIES, SizeResult
from benchmarks.synthetic import REPO

RESULTS_MD = REPO / "benchmarks" / "RESULTS.md"
NOTES_BEGIN, NOTES_END = "<!-- notes: kept when the benchmark rewrites this file -->", "<!-- /notes -->"

# Goals of issues 5 and 12 on a 2-core machine (issue 12 raised the first two and added the refresh).
GOAL_JIEBA_RATIO = 2.0
GOAL_TOTAL_S_10K = 90.0
GOAL_REFRESH_S_10K = 20.0  # 10 new documents refreshed into a warehouse of 10 000
GOAL_PEAK_RSS_10K = 2 * 1024**3
GOAL_QUERY_MS = 200.0
GOAL_GROWTH = 1.2  # per-document time may not rise by more than this factor from one size to the next




def machine() -> dict:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass

    def version(pkg: str) -> str:
        try:
            return importlib_metadata.version(pkg)
        except importlib_metadata.PackageNotFoundError:
            return "not installed"

    return {
        "cpu": cpu, "cores": os.cpu_count(), "ram_gib": round(psutil.virtual_memory().total / 1024**3, 1),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        **{pkg: version(pkg) for pkg in ("duckdb", "dbt-core", "dbt-duckdb", "jieba", "pyarrow")},
    }


def fmt(x, spec: str = ",.0f", none: str = "—") -> str:
    return none if x is None else format(x, spec)


def mib(x) -> str:
    return "—" if x is None else f"{x / 1024**2:,.0f} MiB"


def table_rows(results: list[SizeResult]) -> list[list[str]]:
    header = ["N", "chars", "load s", "docs/s", "chars/s", "× jieba/core", "× jieba (CPU)", "load peak RSS",
              "dbt build s", "dbt peak RSS", "load+build s", "warehouse", *QUERIES]
    rows = [header]
    for r in results:
        q = [("err" if "error" in r.queries.get(k, {}) else fmt(r.queries.get(k, {}).get("median_ms"), ".1f"))
             for k in QUERIES]
        rows.append([
            f"{r.n:,}", f"{r.chars:,}", fmt(r.load and r.load["wall_s"], ".1f"), fmt(r.docs_per_s(), ",.1f"),
            fmt(r.chars_per_s()), fmt(r.jieba_ratio(), ".2f"), fmt(r.jieba_ratio_cpu(), ".2f"),
            mib(r.load and r.load["peak_tree_rss"]), fmt(r.dbt and r.dbt["wall_s"], ".1f"),
            mib(r.dbt and r.dbt["peak_tree_rss"]), fmt(r.total_s(), ".1f"), mib(r.db_bytes), *q,
        ])
    return rows


def growth(results: list[SizeResult]) -> list[dict]:
    """Ratio of time per document from one size to the next, for the load and dbt build, on wall and CPU time."""
    def ratio(a: dict | None, b: dict | None, na: int, nb: int, key: str) -> float | None:
        return (b[key] / nb) / (a[key] / na) if a and b and a[key] and b[key] else None

    out = []
    for a, b in zip(results, results[1:], strict=False):
        load_a, load_b = (a.load, b.load) if a.load_ok() and b.load_ok() else (None, None)
        dbt_a, dbt_b = (a.dbt, b.dbt) if a.dbt_ok() and b.dbt_ok() else (None, None)
        out.append({"from": a.n, "to": b.n,
                    **{f"{stage}_{key.split('_')[0]}": ratio(x, y, a.n, b.n, key)
                       for stage, x, y in (("load", load_a, load_b), ("dbt", dbt_a, dbt_b))
                       for key in ("wall_s", "cpu_s")}})
    return out


def goals(results: list[SizeResult], invariance: dict | None) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) for each goal of issues 5 and 12."""
    by_n = {r.n: r for r in results}
    big = by_n.get(10000)
    largest = max((r for r in results if r.load_ok()), key=lambda r: r.n, default=None)
    out = []

    ratio = largest.jieba_ratio() if largest else None
    cpu_ratio = largest.jieba_ratio_cpu() if largest else None
    verdict = _verdict(ratio is not None and ratio >= GOAL_JIEBA_RATIO, ratio is None)
    if verdict != "met" and cpu_ratio is not None and cpu_ratio >= GOAL_JIEBA_RATIO:
        verdict = "met on CPU time only (see the machine's load)"
    out.append((f"loader ≥ {GOAL_JIEBA_RATIO:.1f}× bare jieba per core",
                f"{fmt(ratio, '.2f')}× on wall time per worker, {fmt(cpu_ratio, '.2f')}× on CPU time "
                f"(N = {largest.n:,}; other work kept {largest.load['others_cores']:.1f} of "
                f"{os.cpu_count()} cores busy during the load)" if largest else "no loader run",
                verdict))

    total = big.total_s() if big else None
    out.append((f"10 000 documents loaded and built in < {GOAL_TOTAL_S_10K:.0f} s",
                f"{fmt(total, '.0f')} s (load {fmt(big.load and big.load['wall_s'], '.0f')} s + dbt build "
                f"{fmt(big.dbt and big.dbt['wall_s'], '.0f')} s; CPU seconds: load "
                f"{fmt(big.load and big.load['cpu_s'], '.0f')}, dbt build {fmt(big.dbt and big.dbt['cpu_s'], '.0f')})"
                if big else "10 000 not run / not finished",
                _verdict(total is not None and total < GOAL_TOTAL_S_10K, total is None)))

    inc = big.incremental if big else None
    out.append((f"{inc['added'] if inc else 10} new documents refreshed into 10 000 in < {GOAL_REFRESH_S_10K:.0f} s",
                f"{inc['refresh']['wall_s']:.1f} s ({inc['mode']}; CPU {inc['refresh']['cpu_s']:.0f} s), full build "
                f"of the same raw tables {inc['full_build']['wall_s']:.1f} s (CPU {inc['full_build']['cpu_s']:.0f} s)"
                if inc else "10 000 not run / not finished",
                _verdict(bool(inc) and inc["mode"] == "incremental" and inc["refresh"]["wall_s"] < GOAL_REFRESH_S_10K,
                         not inc)))

    peaks = [x["peak_tree_rss"] for x in (big.load, big.dbt) if x] if big else []
    peak = max(peaks) if peaks else None
    verdict = _verdict(peak is not None and peak < GOAL_PEAK_RSS_10K and big.load_ok() and big.dbt_ok(), peak is None)
    if verdict == "met" and peak >= 2e9:
        verdict = "met only if 2 GB means 2 GiB (over 2×10⁹ bytes)"
    out.append(("peak memory < 2 GB at 10 000 documents (RSS of the whole process tree)",
                f"loader {mib(big.load and big.load['peak_tree_rss'])}, dbt build "
                f"{mib(big.dbt and big.dbt['peak_tree_rss'])} ({fmt(peak and peak / 1e9, '.2f')} GB)"
                if big else "10 000 not run / not finished", verdict))

    qs = big.queries if big else {}
    slowest = max((v["median_ms"] for v in qs.values() if "median_ms" in v), default=None)
    failed = [k for k, v in qs.items() if "error" in v]
    out.append(("every mart query < 200 ms at 10 000 documents",
                (f"slowest median {fmt(slowest, '.1f')} ms" + (f"; failed: {', '.join(failed)}" if failed else ""))
                if qs else "no queries at 10 000",
                _verdict(bool(qs) and not failed and slowest is not None and slowest < GOAL_QUERY_MS, not qs)))

    steps = [g for g in growth(results) if g["from"] >= 100]

    def worst(key: str) -> float | None:
        return max((g[key] for g in steps if g[key] is not None), default=None)

    def within(*keys: str) -> bool:
        return all(worst(k) is None or worst(k) <= GOAL_GROWTH for k in keys)

    verdict = _verdict(within("load_wall", "dbt_wall"), worst("load_wall") is None)
    if verdict != "met" and worst("load_cpu") is not None and within("load_cpu", "dbt_cpu"):
        verdict = "met on CPU time only (see the machine's load)"
    out.append((f"time per document not rising with N (from N = 100 on; step ratio ≤ {GOAL_GROWTH})",
                f"worst step ratio on wall time: load {fmt(worst('load_wall'), '.2f')}, dbt build "
                f"{fmt(worst('dbt_wall'), '.2f')}; on CPU time: load {fmt(worst('load_cpu'), '.2f')}, "
                f"dbt build {fmt(worst('dbt_cpu'), '.2f')}", verdict))

    if invariance:
        same = invariance.get("identical")
        out.append(("loader output identical whatever the number of workers",
                    f"workers {invariance['workers']} on {invariance.get('documents')} documents: "
                    f"identical rows in order = {same}, as sets = {invariance.get('identical_ignoring_order')}"
                    + (f" ({invariance['error']})" if invariance.get("error") else ""),
                    _verdict(bool(same), same is None)))
    return out


def _verdict(met: bool, unknown: bool) -> str:
    return "not measured" if unknown else ("met" if met else "**not met**")


def markdown(results: list[SizeResult], mach: dict, args, invariance: dict | None, profile: dict | None,
             pending: list[int], started: str, notes: str) -> str:
    rows = table_rows(results)
    md = ["# Benchmark results (issue 5)", "",
          f"Generated by `{args.command_line}` — started {started}, written "
          f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}. Regenerate with `make benchmark`"
          + ("; the rows of sizes run at other times (`--merge`) say when in the column *measured*."
             if len({r.measured for r in results}) > 1 else "."), "",
          "## Machine", "",
          f"- CPU: {mach['cpu']}, {mach['cores']} cores; RAM {mach['ram_gib']} GiB; {mach['os']}",
          f"- Python {mach['python']}, duckdb {mach['duckdb']}, dbt-core {mach['dbt-core']}, "
          f"dbt-duckdb {mach['dbt-duckdb']}, jieba {mach['jieba']}, pyarrow {mach['pyarrow']}",
          "- The machine is shared: the load average and the cores other work kept busy during each load are "
          "in the last table; figures on wall time are pessimistic when that is high.", "",
          "## Results", "",
          "Loader = `" + (results[0].loader_cmd if results else "?") + "`; throughput on wall time. "
          "`× jieba/core` = loader characters/s per worker ÷ characters/s of one bare `jieba.lcut` pass "
          f"(single process, initialised before timing, on at most {args.baseline_max_docs:,} documents of the "
          "same corpus); `× jieba (CPU)` = the same on CPU seconds. Query columns: median ms of "
          f"{args.repeats} runs after a warm-up, read-only connection.", ""]
    md += _md_table(rows)
    if pending:
        md += ["", f"**Not finished / not run:** N = {', '.join(f'{n:,}' for n in pending)}."]
    md += ["", "### Growth", "", "Ratio of time per document from one size to the next (1.0 = linear; < 1 = "
           "fixed costs being amortised):", ""]
    md += _md_table([["from N", "to N", "load (wall)", "load (CPU)", "dbt build (wall)", "dbt build (CPU)"]] +
                    [[f"{g['from']:,}", f"{g['to']:,}", *(fmt(g[k], ".2f") for k in
                                                          ("load_wall", "load_cpu", "dbt_wall", "dbt_cpu"))]
                     for g in growth(results)])
    md += ["", "### Load on the machine and details", ""]
    md += _md_table([["N", "load avg at start", "others' cores during load", "CPU s (load)",
                      "CPU s (load, main process)", "docs loaded",
                      "files failed", "measures", "baseline docs", "jieba chars/s", "query parameters", "measured"]] +
                    [[f"{r.n:,}", " ".join(f"{x:.2f}" for x in r.load_avg_start),
                      fmt(r.load and r.load["others_cores"], ".2f"), fmt(r.load and r.load["cpu_s"], ".1f"),
                      fmt(r.load and r.load.get("main_cpu_s"), ".1f"),
                      fmt(r.docs_loaded, ","), fmt(r.files_failed, ","), fmt(r.measures_loaded, ","),
                      fmt(r.baseline and r.baseline["docs"], ","),
                      fmt(r.baseline and r.baseline["chars"] / r.baseline["wall_s"], ",.0f"),
                      json.dumps(r.query_params, ensure_ascii=False), r.measured or "—"] for r in results])
    md += dbt_nodes_section(results)
    md += incremental_section(results)
    problems = [f"- N = {r.n:,}: {p}" for r in results for p in r.problems]
    errors = [f"- N = {r.n:,}, {k}: {v['error']}" for r in results for k, v in r.queries.items() if "error" in v]
    if problems or errors:
        md += ["", "### Problems", "", *problems, *errors]
    md += ["", "## Goals of issues 5 and 12", ""]
    md += _md_table([["goal", "measured", "verdict"]] + [list(g) for g in goals(results, invariance)])
    md += ["", "## Queries", ""]
    md += [f"- `{k}`: {desc}" for k, (desc, _) in QUERIES.items()]
    if profile:
        md += ["", "## Loader hot spots"]
    if profile and profile.get("stage_times"):
        st = profile["stage_times"]
        md += ["",
               f"Exclusive wall time of each stage of `process_document` over {st['documents']} synthetic documents, "
               f"single process, no profiler ({st['total_s']:.2f} s in all, "
               f"{st['total_s'] / st['documents'] * 1000:.1f} ms per document):", ""]
        md += _md_table([["stage", "s", "share"]] +
                        [[f"`{k}`", f"{v['s']:.2f}", f"{v['share']:.1%}"] for k, v in st["stages"].items()])
    if profile:
        md += ["",
               f"cProfile of `process_document` over {profile['documents']} synthetic documents "
               f"({profile['failures']} raised), single process "
               f"({profile['wall_s']:.1f} s under the profiler). Own time = time in the function itself; "
               "share = of all profiled time; the profiler inflates functions called very often. Main caller = "
               "the loader function on whose behalf the time is spent (heaviest caller chain).", ""]
        md += _md_table([["function", "calls", "own s", "own share", "cumulative share", "main caller"]] +
                        [[f"`{r['function']}`", f"{r['calls']:,}", f"{r['own_s']:.2f}", f"{r['own_share']:.1%}",
                          f"{r['cum_share']:.1%}", f"`{r['main_caller']}`"] for r in profile["by_own"][:15]])
        md += ["", "Loader functions by cumulative time:", ""]
        md += _md_table([["function", "calls", "cumulative s", "cumulative share"]] +
                        [[f"`{r['function']}`", f"{r['calls']:,}", f"{r['cum_s']:.2f}", f"{r['cum_share']:.1%}"]
                         for r in profile["by_cum_loaders"][:15]])
    from benchmarks.corpus import kept_block

    if corpus_block := kept_block(RESULTS_MD):  # the real corpus is timed apart (--corpus-only)
        md += ["", corpus_block]
    md += ["", "## Notes", "", NOTES_BEGIN, notes.strip() or "(none)", NOTES_END, ""]
    return "\n".join(md)


def dbt_nodes_section(results: list[SizeResult], top: int = 8) -> list[str]:
    """The slowest nodes of dbt build at the largest N, with their time at every N (is any superlinear?)."""
    built = [r for r in results if r.dbt_nodes]
    if not built:
        return []
    largest = built[-1].dbt_nodes
    names = sorted(largest, key=lambda k: -largest[k])[:top]
    md = ["", "### dbt build: slowest nodes", "",
          "Execution seconds from dbt's run_results.json (nodes run two at a time, so they add up to more than "
          "the wall time). A node whose time grows faster than N is a scaling risk.", ""]
    return md + _md_table([["node", *(f"N = {r.n:,}" for r in built)]] +
                          [[f"`{k}`", *(fmt(r.dbt_nodes.get(k), ".2f") for r in built)] for k in names])


def incremental_section(results: list[SizeResult]) -> list[str]:
    """Issue 12: k new documents refreshed into the warehouse of N, against a full build of the same raw tables."""
    done = [r for r in results if r.incremental]
    if not done:
        return []
    md = ["", "### Incremental refresh (issue 12)", "",
          "`envwh refresh` of k new documents into the warehouse of N just built (incremental load, then a build "
          "starting from a copy of the published file that re-builds only the new documents and their regions, "
          "tests on the whole warehouse, publication), and `envwh build --full` of the same raw tables beside it.", ""]
    return md + _md_table([["N", "k new", "build mode", "refresh wall s", "refresh CPU s", "refresh peak RSS",
                            "full build wall s", "full build CPU s", "full build peak RSS"]] +
                          [[f"{r.n:,}", str(r.incremental["added"]), r.incremental["mode"],
                            fmt(r.incremental["refresh"]["wall_s"], ".1f"), fmt(r.incremental["refresh"]["cpu_s"], ".1f"),
                            mib(r.incremental["refresh"]["peak_tree_rss"]),
                            fmt(r.incremental["full_build"]["wall_s"], ".1f"),
                            fmt(r.incremental["full_build"]["cpu_s"], ".1f"),
                            mib(r.incremental["full_build"]["peak_tree_rss"])] for r in done])


def _md_table(rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    return out + ["| " + " | ".join(r) + " |" for r in rows[1:]]


def kept_notes() -> str:
    if not RESULTS_MD.exists():
        return ""
    text = RESULTS_MD.read_text(encoding="utf-8")
    if NOTES_BEGIN in text and NOTES_END in text:
        notes = text.split(NOTES_BEGIN, 1)[1].split(NOTES_END, 1)[0].strip()
        return "" if notes == "(none)" else notes
    return ""


def print_table(rows: list[list[str]]) -> None:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        say("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))


def say(msg: str) -> None:
    print(msg, flush=True)

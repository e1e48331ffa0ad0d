"""The benchmark of issue 5:  python -m benchmarks.run [--quick | --sizes 10,100,1000,10000]

For each corpus size N it generates N synthetic documents (benchmarks/synthetic.py) into
benchmarks/out/N/docs, then measures
  - the loader (a child process: `envwh load`, with --workers when the CLI has it): documents/s,
    characters/s, CPU seconds and the peak RSS of its whole process tree;
  - the baseline: one bare jieba.lcut pass over the same text, single process, jieba initialised first;
  - `dbt build` into benchmarks/out/N/warehouse.duckdb: wall time, peak RSS, file size;
  - five typical analyst queries on the marts: median latency over several runs, read-only connection.
It prints a table and rewrites benchmarks/RESULTS.md (after every size, so a long run that is cut off still
leaves what finished). Nothing is written outside benchmarks/out/ except RESULTS.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path

import psutil

from benchmarks.synthetic import OUT_ROOT, REPO, CorpusGenerator, load_regions, load_samples, write_corpus

RESULTS_MD = REPO / "benchmarks" / "RESULTS.md"
RESULTS_JSON = OUT_ROOT / "results.json"
BIN = Path(sys.executable).parent
DEFAULT_SIZES = [10, 100, 1000, 10000]
QUICK_SIZES = [10, 100]
BASELINE_MAX_DOCS = 1000  # the jieba rate is measured on at most this many documents of the corpus
NOTES_BEGIN, NOTES_END = "<!-- notes: kept when the benchmark rewrites this file -->", "<!-- /notes -->"

# Goals of issue 5 on a 2-core machine.
GOAL_JIEBA_RATIO = 1.0
GOAL_TOTAL_S_10K = 300.0
GOAL_PEAK_RSS_10K = 2 * 1024**3
GOAL_QUERY_MS = 200.0
GOAL_GROWTH = 1.2  # per-document time may not rise by more than this factor from one size to the next


# --------------------------------------------------------------------------- measuring a child process


@dataclass
class ProcessStats:
    wall_s: float
    cpu_s: float  # user + system of the child and everything it waited for
    peak_tree_rss: int  # largest sum of RSS over the process and its descendants, sampled every 50 ms
    others_cores: float  # average number of cores busy with other work on the machine meanwhile
    returncode: int
    log: str  # tail of stderr/stdout


def run_measured(cmd: list[str], log_path: Path, env: dict | None = None, cwd: Path = REPO) -> ProcessStats:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    before_children = os.times()
    busy_before = _busy_seconds()
    start = time.perf_counter()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        peak = _sample_peak_rss(proc)
        returncode = proc.wait()
    wall = time.perf_counter() - start
    after_children = os.times()
    cpu = (after_children.children_user - before_children.children_user) + (
        after_children.children_system - before_children.children_system)
    others = max(0.0, (_busy_seconds() - busy_before - cpu) / wall) if wall > 0 else 0.0
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    return ProcessStats(wall, cpu, peak.value, others, returncode, tail)


@dataclass
class _Peak:
    value: int = 0


def _sample_peak_rss(proc: subprocess.Popen, every_s: float = 0.05) -> _Peak:
    peak = _Peak()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while proc.poll() is None:
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
            except psutil.Error:
                break
            peak.value = max(peak.value, total)
            time.sleep(every_s)

    threading.Thread(target=sample, daemon=True).start()
    return peak


def _busy_seconds() -> float:
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


# --------------------------------------------------------------------------- the stages


def cli_options() -> str:
    return subprocess.run([str(BIN / "envwh"), "load", "--help"], capture_output=True, text=True, cwd=REPO).stdout


def loader_command(docs: Path, raw: Path, workers: int) -> list[str]:
    options = cli_options()
    if "--workers" in options:
        # --full: parse everything (no reuse of an earlier load); -q: no progress bars in the log.
        extra = [o for o in ("--full", "--quiet") if o in options]
        return [str(BIN / "envwh"), "load", str(docs), "--out", str(raw), "--workers", str(workers), *extra]
    # Until the CLI has its process pool: the same process_document in a pool of our own.
    code = f"from benchmarks.run import pool_load; pool_load({str(docs)!r}, {str(raw)!r}, {workers})"
    return [sys.executable, "-c", code]


def _init_worker() -> None:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()


def _process_path(path: str) -> object:
    from loaders.pipeline import process_document

    return process_document(Path(path).read_bytes(), Path(path).name)


def pool_load(docs: str, raw: str, workers: int) -> None:
    """Interim loader for the benchmark: process_document in a process pool, results in file order."""
    import multiprocessing

    from loaders.writing import write_table

    paths = sorted(str(p) for p in Path(docs).iterdir() if p.is_file())
    tables: dict[str, list[dict]] = {"raw_documents": [], "raw_items": [], "raw_measures": [], "raw_load_errors": []}
    with multiprocessing.get_context("fork").Pool(workers, initializer=_init_worker) as pool:
        for res in pool.imap(_process_path, paths, chunksize=4):
            if res.document:
                tables["raw_documents"].append(res.document)
            tables["raw_items"] += res.items
            tables["raw_measures"] += res.measures
            tables["raw_load_errors"] += res.errors
    for table, rows in tables.items():
        write_table(rows, table, Path(raw))
    print(f"documents: {len(tables['raw_documents'])}, measures: {len(tables['raw_measures'])}")


@dataclass
class Baseline:
    docs: int
    chars: int
    wall_s: float
    cpu_s: float

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.wall_s if self.wall_s else 0.0


def jieba_baseline(gen: CorpusGenerator, n: int) -> Baseline:
    """One bare jieba.lcut pass over the text of the first n documents (jieba initialised before timing)."""
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [gen.document(i).text for i in range(n)]
    wall = cpu = 0.0
    for text in texts:
        w0, c0 = time.perf_counter(), time.process_time()
        jieba.lcut(text)
        wall += time.perf_counter() - w0
        cpu += time.process_time() - c0
    return Baseline(n, sum(map(len, texts)), wall, cpu)


def dbt_env(raw: Path, db: Path) -> dict:
    env = dict(os.environ)
    env.update(ENVWH_RAW_DIR=str(raw.resolve()), ENVWH_DUCKDB_PATH=str(db.resolve()), DBT_PROFILES_DIR=str(REPO))
    env.pop("ENVWH_DUCKDB_MEMORY", None)
    return env


def dbt_command(work: Path) -> list[str]:
    return [str(BIN / "dbt"), "build", "--target-path", str(work / "target"), "--log-path", str(work / "logs")]


# --------------------------------------------------------------------------- the analyst queries

# Each query names its parameters; parameters are chosen from the warehouse before timing.
QUERIES = {
    "pm25_city_ranking": (
        "PM2.5 targets of cities for a year, best first",
        """select region_name_zh, province_name_zh, comparator, value
           from {s}.mart_region_comparison
           where indicator_code = 'pm25_concentration' and kind = 'target' and region_level = 'city' and year = $year
           order by value, region_name_zh""",
    ),
    "attainment_by_province": (
        "share of targets attained, by province",
        """select r.province_name_zh, count(*) as n, avg(case when a.attained then 1.0 else 0.0 end) as rate
           from {s}.mart_target_attainment a join {s}.dim_region r on r.region_code = a.region_code
           group by r.province_name_zh order by rate desc, n desc""",
    ),
    "domain_shares_of_region": (
        "domain shares of one region's documents for a year",
        """select domain_code, sum(n_tasks) as n_tasks, sum(n_tasks) / sum(sum(n_tasks)) over () as share,
                  sum(n_targets) as n_targets
           from {s}.mart_domain_focus where region_code = $region and year = $year
           group by domain_code order by n_tasks desc""",
    ),
    "cities_stricter_than_province": (
        "city targets stricter than their province's for the same indicator and year",
        """select c.region_name_zh, c.indicator_code, c.year, c.value as city_value, p.value as province_value
           from {s}.mart_region_comparison c
           join {s}.mart_region_comparison p
             on p.region_name_zh = c.province_name_zh and p.region_level = 'province'
            and p.indicator_code = c.indicator_code and p.year = c.year and p.kind = 'target'
           join {s}.dim_indicator i on i.indicator_code = c.indicator_code
           where c.region_level = 'city' and c.kind = 'target'
             and ((i.better = 'lower' and c.value < p.value) or (i.better = 'higher' and c.value > p.value))
           order by c.indicator_code, c.year, c.region_name_zh""",
    ),
    "long_tail_targets_of_domain": (
        "the 20 most frequent long-tail targets (no indicator code) of a domain",
        """select subject_zh, unit, count(*) as n, median(value) as median_value
           from {s}.fct_targets where indicator_code is null and domain_code = $domain
           group by subject_zh, unit order by n desc, subject_zh limit 20""",
    ),
}


def query_parameters(con, schema: str) -> dict:
    def one(sql: str, default):
        try:
            row = con.execute(sql.format(s=schema)).fetchone()
            return row[0] if row and row[0] is not None else default
        except Exception:  # noqa: BLE001 - a missing table shows up when the query itself is timed
            return default

    return {
        "year": one("select year from {s}.mart_region_comparison where year is not null "
                    "group by year order by count(*) desc, year limit 1", 2023),
        "region": one("select region_code from {s}.mart_domain_focus where region_code is not null "
                      "group by region_code order by count(*) desc, region_code limit 1", ""),
        "domain": one("select domain_code from {s}.fct_targets where indicator_code is null and domain_code is not null "
                      "group by domain_code order by count(*) desc, domain_code limit 1", ""),
    }


def time_queries(db: Path, repeats: int) -> tuple[dict[str, dict], dict]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        found = con.execute("select table_schema from information_schema.tables "
                            "where table_name = 'mart_region_comparison' limit 1").fetchone()
        schema = found[0] if found else "marts"
        params = query_parameters(con, schema)
        results: dict[str, dict] = {}
        for name, (_, sql) in QUERIES.items():
            sql = sql.format(s=schema)
            used = {k: v for k, v in params.items() if f"${k}" in sql}
            try:
                rows = len(con.execute(sql, used).fetchall())  # warm-up, not timed
                times = []
                for _ in range(repeats):
                    t0 = time.perf_counter()
                    con.execute(sql, used).fetchall()
                    times.append((time.perf_counter() - t0) * 1000)
                results[name] = {"median_ms": statistics.median(times), "max_ms": max(times), "rows": rows}
            except Exception as exc:  # noqa: BLE001 - reported in the table, the other queries still run
                results[name] = {"error": f"{type(exc).__name__}: {str(exc).splitlines()[0][:200]}"}
        return results, params
    finally:
        con.close()


# --------------------------------------------------------------------------- one corpus size


@dataclass
class SizeResult:
    n: int
    chars: int = 0
    bytes: int = 0
    workers: int = 0
    loader_cmd: str = ""
    load: dict | None = None  # ProcessStats
    load_completed: bool = False  # the raw tables were written (some files may have failed)
    docs_loaded: int | None = None
    measures_loaded: int | None = None
    files_failed: int | None = None
    baseline: dict | None = None  # Baseline
    dbt: dict | None = None  # ProcessStats
    db_bytes: int | None = None
    queries: dict = field(default_factory=dict)
    query_params: dict = field(default_factory=dict)
    load_avg_start: tuple = ()
    load_avg_end: tuple = ()
    problems: list[str] = field(default_factory=list)

    # derived figures -------------------------------------------------------
    def docs_per_s(self) -> float | None:
        return self.n / self.load["wall_s"] if self.load_ok() else None

    def chars_per_s(self) -> float | None:
        return self.chars / self.load["wall_s"] if self.load_ok() else None

    def jieba_ratio(self) -> float | None:
        """Loader characters/s per worker core, as a multiple of the bare jieba pass on one core."""
        if not self.load_ok() or not self.baseline:
            return None
        return self.chars_per_s() / max(1, self.workers) / (self.baseline["chars"] / self.baseline["wall_s"])

    def jieba_ratio_cpu(self) -> float | None:
        """The same on CPU seconds (robust to other work on the machine): loader chars per CPU-s / jieba's."""
        if not self.load_ok() or not self.baseline or not self.load["cpu_s"]:
            return None
        return (self.chars / self.load["cpu_s"]) / (self.baseline["chars"] / self.baseline["cpu_s"])

    def load_ok(self) -> bool:
        return bool(self.load) and self.load_completed

    def dbt_ok(self) -> bool:
        return bool(self.dbt) and self.dbt["returncode"] == 0

    def total_s(self) -> float | None:
        return self.load["wall_s"] + self.dbt["wall_s"] if self.load_ok() and self.dbt_ok() else None


def count_rows(raw: Path) -> tuple[int | None, int | None, int | None]:
    """Rows of raw_documents and raw_measures, and files that failed (errors, not warnings)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    def path(table: str) -> Path:
        return raw / f"{table}.parquet"

    def rows(table: str) -> int | None:
        return pq.ParquetFile(path(table)).metadata.num_rows if path(table).exists() else None

    failed = None
    if path("raw_load_errors").exists():
        severity = pq.read_table(path("raw_load_errors"), columns=["severity"])["severity"]
        failed = pc.sum(pc.equal(severity, "error")).as_py() or 0
    return rows("raw_documents"), rows("raw_measures"), failed


_BASELINES: dict[int, dict] = {}


def run_size(n: int, args, gen: CorpusGenerator) -> SizeResult:
    work = OUT_ROOT / str(n)
    docs, raw, db = work / "docs", work / "raw", work / "warehouse.duckdb"
    res = SizeResult(n, workers=args.workers, load_avg_start=os.getloadavg())
    say(f"\n== N = {n}: generating into {docs.relative_to(REPO)}")
    corpus = write_corpus(docs, n, generator=gen)
    res.chars, res.bytes = corpus["chars"], corpus["bytes"]

    shutil.rmtree(raw, ignore_errors=True)
    cmd = loader_command(docs, raw, args.workers)
    res.loader_cmd = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))
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
    stats = run_measured(dbt_command(work), work / "dbt.log", env=dbt_env(raw, db))
    res.dbt = asdict(stats)
    if stats.returncode != 0:
        res.problems.append(f"dbt build exited with {stats.returncode}: " + _dbt_failure_summary(stats.log))
    if db.exists():
        res.db_bytes = db.stat().st_size
        say("   queries ...")
        try:
            res.queries, res.query_params = time_queries(db, args.repeats)
        except Exception as exc:  # noqa: BLE001 - e.g. the file is not a DuckDB database
            res.problems.append(f"queries: {exc}")
    res.load_avg_end = os.getloadavg()
    return res


def _dbt_failure_summary(log: str) -> str:
    lines = [ln for ln in log.splitlines() if re.search(r"ERROR|FAIL|Error|Done\.", ln)]
    return " | ".join(lines[-6:])[:800]


# --------------------------------------------------------------------------- worker invariance and profile


def workers_identical(n: int, gen: CorpusGenerator, workers: list[int]) -> dict:
    """Load the same corpus with each worker count; compare the raw tables (load timestamps aside)."""
    import pyarrow.parquet as pq

    work = OUT_ROOT / f"workers_{n}"
    docs = work / "docs"
    write_corpus(docs, n, generator=gen)
    contents = {}
    for w in workers:
        raw = work / f"raw_{w}"
        shutil.rmtree(raw, ignore_errors=True)
        stats = run_measured(loader_command(docs, raw, w), work / f"load_{w}.log")
        if stats.returncode < 0 or not (raw / "raw_documents.parquet").exists():
            return {"workers": workers, "identical": None, "error": f"loader with {w} workers wrote no tables"}
        tables = {}
        for path in sorted(raw.glob("*.parquet")):
            t = pq.read_table(path)
            tables[path.stem] = t.drop_columns([c for c in ("occurred_at",) if c in t.column_names]).to_pylist()
        contents[w] = tables
    first = contents[workers[0]]
    same_order = all(c == first for c in contents.values())
    as_sets = all({k: sorted(map(repr, v)) for k, v in c.items()} == {k: sorted(map(repr, v)) for k, v in first.items()}
                  for c in contents.values())
    return {"workers": workers, "identical": same_order, "identical_ignoring_order": as_sets, "documents": n}


def profile_loader(gen: CorpusGenerator, n: int, top: int = 20) -> dict:
    """cProfile of process_document over n documents, single process; the functions with most own time."""
    import jieba

    from loaders.pipeline import process_document

    jieba.setLogLevel(60)
    jieba.initialize()
    datas = [(d.data, d.name) for d in gen.documents(n)]
    process_document(*datas[0])  # first-use initialisation of the stages is not what we profile
    prof = cProfile.Profile()
    failures = 0
    t0 = time.perf_counter()
    prof.enable()
    for data, name in datas:
        try:
            process_document(data, name)
        except Exception:  # noqa: BLE001 - a loader bug on one file must not stop the benchmark
            failures += 1
    prof.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(prof, stream=io.StringIO())
    entry = next((v[3] for k, v in stats.stats.items() if k[2] == "process_document"), 0.0)
    total = max(stats.total_tt, entry)
    rows = []
    for key, (_cc, ncalls, tt, ct, _callers) in stats.stats.items():
        rows.append({"function": _label(key), "calls": ncalls,
                     "own_s": tt, "own_share": tt / total if total else 0, "cum_s": ct,
                     "cum_share": ct / total if total else 0, "main_caller": _loader_caller(stats.stats, key)})
    by_own = sorted(rows, key=lambda r: -r["own_s"])[:top]
    by_cum = sorted((r for r in rows if "loaders" in r["function"]), key=lambda r: -r["cum_s"])[:top]
    return {"documents": n, "failures": failures, "wall_s": wall, "profiled_s": total,
            "by_own": by_own, "by_cum_loaders": by_cum}


def _label(key: tuple) -> str:
    filename, line, func = key
    return f"{_short(filename)}:{line}({func})"


def _loader_caller(table: dict, key: tuple) -> str:
    """The loaders/ function on whose behalf `key` spends most time (following the heaviest caller up),
    so that a builtin such as re.findall or dataclasses' asdict is charged to the loader code calling it."""
    seen = {key}
    while key in table:
        callers = {k: v for k, v in table[key][4].items() if k not in seen}
        if not callers:
            break
        key = max(callers, key=lambda k: callers[k][3])
        seen.add(key)
        if "/loaders/" in key[0]:
            return _label(key)
    return ""


def _short(filename: str) -> str:
    for marker in ("/site-packages/", str(REPO) + "/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename.rsplit("/", 1)[-1] if "/" in filename else filename


# --------------------------------------------------------------------------- report


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


def growth(results: list[SizeResult]) -> list[tuple[int, int, float | None, float | None]]:
    """(N before, N, ratio of load time per document, ratio of dbt build time per document)."""
    out = []
    for a, b in zip(results, results[1:], strict=False):
        load = (b.load["wall_s"] / b.n) / (a.load["wall_s"] / a.n) if a.load_ok() and b.load_ok() else None
        dbt = (b.dbt["wall_s"] / b.n) / (a.dbt["wall_s"] / a.n) if a.dbt_ok() and b.dbt_ok() else None
        out.append((a.n, b.n, load, dbt))
    return out


def goals(results: list[SizeResult], invariance: dict | None) -> list[tuple[str, str, str]]:
    """(goal, measured, verdict) for each goal of issue 5."""
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
    out.append(("10 000 documents loaded and built in < 5 min",
                f"{fmt(total, '.0f')} s (load {fmt(big.load and big.load['wall_s'], '.0f')} s + dbt build "
                f"{fmt(big.dbt and big.dbt['wall_s'], '.0f')} s)" if big else "10 000 not run / not finished",
                _verdict(total is not None and total < GOAL_TOTAL_S_10K, total is None)))

    peaks = [x["peak_tree_rss"] for x in (big.load, big.dbt) if x] if big else []
    peak = max(peaks) if peaks else None
    out.append(("peak memory < 2 GB at 10 000 documents",
                f"loader {mib(big.load and big.load['peak_tree_rss'])}, dbt {mib(big.dbt and big.dbt['peak_tree_rss'])}"
                if big else "10 000 not run / not finished",
                _verdict(peak is not None and peak < GOAL_PEAK_RSS_10K and big.load_ok() and big.dbt_ok(), peak is None)))

    qs = big.queries if big else {}
    slowest = max((v["median_ms"] for v in qs.values() if "median_ms" in v), default=None)
    failed = [k for k, v in qs.items() if "error" in v]
    out.append(("every mart query < 200 ms at 10 000 documents",
                (f"slowest median {fmt(slowest, '.1f')} ms" + (f"; failed: {', '.join(failed)}" if failed else ""))
                if qs else "no queries at 10 000",
                _verdict(bool(qs) and not failed and slowest is not None and slowest < GOAL_QUERY_MS, not qs)))

    steps = [g for g in growth(results) if g[0] >= 100]
    worst = max((g[2] for g in steps if g[2] is not None), default=None)
    worst_dbt = max((g[3] for g in steps if g[3] is not None), default=None)
    out.append(("time per document not rising with N (from N = 100 on)",
                f"worst step ratio: load {fmt(worst, '.2f')}, dbt build {fmt(worst_dbt, '.2f')}",
                _verdict(worst is not None and worst <= GOAL_GROWTH and (worst_dbt is None or worst_dbt <= GOAL_GROWTH),
                         worst is None)))

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
          f"{datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}. Regenerate with `make benchmark`.", "",
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
    md += _md_table([["from N", "to N", "load", "dbt build"]] +
                    [[f"{a:,}", f"{b:,}", fmt(lr, ".2f"), fmt(dr, ".2f")] for a, b, lr, dr in growth(results)])
    md += ["", "### Load on the machine and details", ""]
    md += _md_table([["N", "load avg at start", "others' cores during load", "CPU s (load)", "docs loaded",
                      "files failed", "measures", "baseline docs", "jieba chars/s", "query parameters"]] +
                    [[f"{r.n:,}", " ".join(f"{x:.2f}" for x in r.load_avg_start),
                      fmt(r.load and r.load["others_cores"], ".2f"), fmt(r.load and r.load["cpu_s"], ".1f"),
                      fmt(r.docs_loaded, ","), fmt(r.files_failed, ","), fmt(r.measures_loaded, ","),
                      fmt(r.baseline and r.baseline["docs"], ","),
                      fmt(r.baseline and r.baseline["chars"] / r.baseline["wall_s"], ",.0f"),
                      json.dumps(r.query_params, ensure_ascii=False)] for r in results])
    problems = [f"- N = {r.n:,}: {p}" for r in results for p in r.problems]
    errors = [f"- N = {r.n:,}, {k}: {v['error']}" for r in results for k, v in r.queries.items() if "error" in v]
    if problems or errors:
        md += ["", "### Problems", "", *problems, *errors]
    md += ["", "## Goals of issue 5", ""]
    md += _md_table([["goal", "measured", "verdict"]] + [list(g) for g in goals(results, invariance)])
    md += ["", "## Queries", ""]
    md += [f"- `{k}`: {desc}" for k, (desc, _) in QUERIES.items()]
    if profile:
        md += ["", "## Loader hot spots", "",
               f"cProfile of `process_document` over {profile['documents']} synthetic documents "
               f"({profile['failures']} raised), single process "
               f"({profile['wall_s']:.1f} s under the profiler). Own time = time in the function itself; "
               "share = of all profiled time.", ""]
        md += _md_table([["function", "calls", "own s", "own share", "cumulative share", "main caller"]] +
                        [[f"`{r['function']}`", f"{r['calls']:,}", f"{r['own_s']:.2f}", f"{r['own_share']:.1%}",
                          f"{r['cum_share']:.1%}", f"`{r['main_caller']}`"] for r in profile["by_own"][:15]])
        md += ["", "Loader functions by cumulative time:", ""]
        md += _md_table([["function", "calls", "cumulative s", "cumulative share"]] +
                        [[f"`{r['function']}`", f"{r['calls']:,}", f"{r['cum_s']:.2f}", f"{r['cum_share']:.1%}"]
                         for r in profile["by_cum_loaders"][:15]])
    md += ["", "## Notes", "", NOTES_BEGIN, notes.strip() or "(none)", NOTES_END, ""]
    return "\n".join(md)


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


# --------------------------------------------------------------------------- main


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
    p.add_argument("--skip-dbt", action="store_true", help="loader and baseline only")
    p.add_argument("--no-write", action="store_true", help="print only; do not rewrite benchmarks/RESULTS.md")
    args = p.parse_args(argv)
    args.sizes = QUICK_SIZES if args.quick else sorted(int(s) for s in args.sizes.split(",") if s.strip())
    args.command_line = "python -m benchmarks.run" + ("" if argv is None and len(sys.argv) <= 1 else
                                                       " " + " ".join(argv if argv is not None else sys.argv[1:]))
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    mach = machine()
    notes = kept_notes()
    say(f"benchmark: sizes {args.sizes}, seed {args.seed}, {args.workers} loader workers; "
        f"{mach['cpu']}, {mach['cores']} cores, {mach['ram_gib']} GiB")
    gen = CorpusGenerator(load_samples(), load_regions(), args.seed)
    OUT_ROOT.mkdir(parents=True, exist_ok=True)
    results: list[SizeResult] = []
    invariance = profile = None

    def report() -> None:
        pending = [n for n in args.sizes if n not in {r.n for r in results}]
        RESULTS_JSON.write_text(json.dumps({"machine": mach, "sizes": [asdict(r) for r in results],
                                            "workers_identical": invariance, "profile": profile},
                                           ensure_ascii=False, indent=1, default=str))
        if not args.no_write:
            RESULTS_MD.write_text(markdown(results, mach, args, invariance, profile, pending, started, notes),
                                  encoding="utf-8")

    if args.check_workers and args.workers > 1:
        say(f"\n== loader output with 1 and {args.workers} workers on {args.check_workers} documents")
        invariance = workers_identical(args.check_workers, gen, [1, args.workers])
        say(f"   {invariance}")
    if args.profile_docs:
        say(f"\n== cProfile of the loader on {args.profile_docs} documents")
        profile = profile_loader(gen, args.profile_docs)
        for r in profile["by_own"][:10]:
            say(f"   {r['own_share']:6.1%}  {r['function']}  <- {r['main_caller']}")
    for n in args.sizes:
        results.append(run_size(n, args, gen))
        say("")
        print_table(table_rows(results))
        report()
    say("")
    for a, b, lr, dr in growth(results):
        say(f"time per document, N {a:,} -> {b:,}: load × {fmt(lr, '.2f')}, dbt build × {fmt(dr, '.2f')}")
    for goal, measured, verdict in goals(results, invariance):
        say(f"{verdict:>14}  {goal}: {measured}")
    if not args.no_write:
        say(f"\nwritten: {RESULTS_MD.relative_to(REPO)} and {RESULTS_JSON.relative_to(REPO)}")
    return 0 if all(r.load_ok() and (args.skip_dbt or r.dbt_ok()) for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())

"""The measurements of the benchmark: a child process (wall, CPU, peak RSS of its tree), the loader, the
jieba baseline, dbt build, the analyst queries, worker invariance and the loader's profile."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

from benchmarks.synthetic import OUT_ROOT, REPO, CorpusGenerator, write_corpus

BIN = Path(sys.executable).parent


# --------------------------------------------------------------------------- measuring a child process


@dataclass
class ProcessStats:
    wall_s: float
    cpu_s: float  # user + system of the child and everything it waited for
    peak_tree_rss: int  # largest sum of PSS (RSS where no PSS) over the process and its descendants, every 50 ms
    others_cores: float  # average number of cores busy with other work on the machine meanwhile
    returncode: int
    log: str  # tail of stderr/stdout
    main_cpu_s: float = 0.0  # CPU of the top process alone (last sample): a serial part limits the speed-up
    peak_processes: int = 0  # most processes seen in the tree at once


def run_measured(cmd: list[str], log_path: Path, env: dict | None = None, cwd: Path = REPO) -> ProcessStats:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    before_children = os.times()
    busy_before = _busy_seconds()
    start = time.perf_counter()
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        tree = _sample_tree(proc)
        returncode = proc.wait()
    wall = time.perf_counter() - start
    after_children = os.times()
    cpu = (after_children.children_user - before_children.children_user) + (
        after_children.children_system - before_children.children_system)
    others = max(0.0, (_busy_seconds() - busy_before - cpu) / wall) if wall > 0 else 0.0
    tail = log_path.read_text(encoding="utf-8", errors="replace")[-3000:]
    return ProcessStats(wall, cpu, tree.peak_rss, others, returncode, tail, tree.main_cpu_s, tree.peak_processes)


@dataclass
class _Tree:
    peak_rss: int = 0
    peak_processes: int = 0
    main_cpu_s: float = 0.0


def _resident(p: psutil.Process) -> int:
    """A process's share of resident memory: PSS where the system gives it, so that pages a forked worker
    shares with its parent (the loader's dictionaries, raw tables read before the fork) count once in the
    tree's sum, not once per process as RSS would; RSS elsewhere."""
    try:
        return p.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return p.memory_info().rss


def _sample_tree(proc: subprocess.Popen, every_s: float = 0.05) -> _Tree:
    """Sample, in a thread, the RSS summed over the process tree and the top process's own CPU time."""
    tree = _Tree()

    def sample() -> None:
        try:
            root = psutil.Process(proc.pid)
        except psutil.NoSuchProcess:
            return
        while proc.poll() is None:
            try:
                procs = [root, *root.children(recursive=True)]
                times = root.cpu_times()
                tree.main_cpu_s = times.user + times.system
            except psutil.Error:
                break
            total = 0
            for p in procs:
                try:
                    total += _resident(p)
                except psutil.Error:
                    pass
            tree.peak_rss = max(tree.peak_rss, total)
            tree.peak_processes = max(tree.peak_processes, len(procs))
            time.sleep(every_s)

    threading.Thread(target=sample, daemon=True).start()
    return tree


def _busy_seconds() -> float:
    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


# --------------------------------------------------------------------------- the stages


def cli_options() -> str:
    return subprocess.run([str(BIN / "envwh"), "load", "--help"], capture_output=True, text=True, cwd=REPO).stdout


def loader_command(docs: Path, raw: Path, workers: int) -> list[str]:
    """`envwh load` with its process pool; --full parses everything (no reuse of an earlier load),
    --quiet keeps progress bars out of the log."""
    options = cli_options()
    extra = [o for o in ("--full", "--quiet") if o in options]
    return [str(BIN / "envwh"), "load", str(docs), "--out", str(raw), "--workers", str(workers), *extra]


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


def dbt_env(raw: Path, db: Path, duckdb_memory: str | None = None) -> dict:
    """The build's environment: profiles.yml's DuckDB memory_limit unless `duckdb_memory` (100 000 documents need more)."""
    env = dict(os.environ)
    env.update(ENVWH_RAW_DIR=str(raw.resolve()), ENVWH_DUCKDB_PATH=str(db.resolve()), DBT_PROFILES_DIR=str(REPO))
    env.pop("ENVWH_DUCKDB_MEMORY", None)
    if duckdb_memory:
        env["ENVWH_DUCKDB_MEMORY"] = duckdb_memory
    return env


def dbt_command(work: Path) -> list[str]:
    return [str(BIN / "dbt"), "build", "--target-path", str(work / "target"), "--log-path", str(work / "logs")]


def dbt_node_times(run_results: Path) -> dict[str, float]:
    """Execution seconds of every model, test and seed of the build, from dbt's run_results.json."""
    if not run_results.exists():
        return {}
    results = json.loads(run_results.read_text(encoding="utf-8")).get("results", [])
    def name(unique_id: str) -> str:  # model.envwh.fct_targets -> model:fct_targets
        kind, _project, rest = unique_id.split(".", 2)
        return f"{kind}:{rest}"

    return {name(r["unique_id"]): r["execution_time"] for r in results}


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
    dbt_nodes: dict = field(default_factory=dict)  # model/test name -> execution seconds in dbt build
    queries: dict = field(default_factory=dict)
    query_params: dict = field(default_factory=dict)
    load_avg_start: tuple = ()
    load_avg_end: tuple = ()
    problems: list[str] = field(default_factory=list)
    incremental: dict | None = None  # incremental_refresh(): k new documents refreshed in, and a full build beside
    measured: str = ""  # when and on which commit this size ran (rows of several runs can share one table)

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


def measured_stamp() -> str:
    """'2026-11-29 20:07 UTC, aa04a15': the start of a size's run and the commit of the code it ran."""
    from datetime import UTC, datetime

    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=REPO)
    commit = head.stdout.strip() if head.returncode == 0 else "commit unknown"
    return f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {commit}"


def count_rows(raw: Path) -> tuple[int | None, int | None, int | None]:
    """Rows of raw_documents and raw_measures, and files that failed (errors, not warnings)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from loaders.writing import raw_rows

    def path(table: str) -> Path:
        return raw / f"{table}.parquet"

    def rows(table: str) -> int | None:  # over the table's parts (loaders/writing.py)
        return raw_rows(raw, table) if path(table).exists() else None

    failed = None
    if path("raw_load_errors").exists():
        severity = pq.read_table(path("raw_load_errors"), columns=["severity"])["severity"]
        failed = pc.sum(pc.equal(severity, "error")).as_py() or 0
    return rows("raw_documents"), rows("raw_measures"), failed

def incremental_refresh(work: Path, docs: Path, raw: Path, db: Path, gen: CorpusGenerator, n: int, added: int,
                        workers: int) -> dict:
    """Issue 12: `added` new documents refreshed into the warehouse of n documents just built (`envwh refresh`:
    incremental load and incremental build from a copy of it), then a full build of the same raw tables
    beside it (`envwh build --full`)."""
    from loaders import publish

    # the warehouse the plain `dbt build` just made stands as the published one of this very project
    publish._update_record(db, publication={"build_fingerprint": publish.build_fingerprint(raw)})
    for i in range(n, n + added):  # the next documents of the same generator: new names, new texts
        doc = gen.document(i)
        (docs / doc.name).write_bytes(doc.data)
    envwh = str(BIN / "envwh")
    refresh = run_measured([envwh, "refresh", str(docs), "--raw-dir", str(raw), "--db", str(db),
                            "--workers", str(workers), "--quiet"], work / "refresh.log")
    full_db = work / "full" / db.name
    shutil.rmtree(full_db.parent, ignore_errors=True)
    full = run_measured([envwh, "build", "--raw-dir", str(raw), "--db", str(full_db), "--full", "--quiet"],
                        work / "full_build.log")
    shutil.rmtree(full_db.parent, ignore_errors=True)
    mode = next((ln.split("(", 1)[1].split(";", 1)[0] for ln in refresh.log.splitlines()
                 if ln.startswith("build: published") and "(" in ln), "failed")
    return {"added": added, "mode": mode, "refresh": {k: v for k, v in asdict(refresh).items() if k != "log"},
            "full_build": {k: v for k, v in asdict(full).items() if k != "log"},
            "log": "" if refresh.returncode == 0 and full.returncode == 0 else (refresh.log + full.log)[-600:]}


# --------------------------------------------------------------------------- worker invariance and profile


def workers_identical(n: int, gen: CorpusGenerator, workers: list[int], attempts: int = 3) -> dict:
    """Load the same corpus with each worker count, then with the first again; compare the raw tables (load
    timestamps aside). When the two loads with the same count differ, the loader's code changed meanwhile (the
    tree is shared with people editing it): try again, and say so if it never settles."""
    from loaders.writing import RAW_TABLES, read_raw

    work = OUT_ROOT / f"workers_{n}"
    docs = work / "docs"
    write_corpus(docs, n, generator=gen)

    def load(w: int, tag: str) -> dict | None:
        raw = work / f"raw_{tag}"
        shutil.rmtree(raw, ignore_errors=True)
        stats = run_measured(loader_command(docs, raw, w), work / f"load_{tag}.log")
        if stats.returncode < 0 or not (raw / "raw_documents.parquet").exists():
            return None
        tables = {}
        for table in RAW_TABLES:  # a load from scratch writes one part a table; read them all anyway
            t = read_raw(raw, table)
            tables[table] = t.drop_columns([c for c in ("occurred_at",) if c in t.column_names]).to_pylist()
        return tables

    def as_sets(tables: dict) -> dict:
        return {k: sorted(map(repr, v)) for k, v in tables.items()}

    for attempt in range(1, attempts + 1):
        runs = [(w, load(w, f"{w}_{i}")) for i, w in enumerate([*workers, workers[0]])]
        if any(t is None for _, t in runs):
            failed = next(w for w, t in runs if t is None)
            return {"workers": workers, "identical": None, "error": f"loader with {failed} workers wrote no tables"}
        reference, *others, again = (t for _, t in runs)
        if again != reference:
            continue
        return {"workers": workers, "documents": n, "attempts": attempt,
                "identical": all(t == reference for t in others),
                "identical_ignoring_order": all(as_sets(t) == as_sets(reference) for t in others)}
    return {"workers": workers, "documents": n, "identical": None,
            "error": f"two loads with {workers[0]} worker(s) differed in each of {attempts} attempts "
                     "(the loader's code was changing)"}


# What process_document calls, as (module, attribute): timed without a profiler's distortion.
STAGES = [("loaders.reading", "read_document"), ("loaders.metadata", "extract_metadata"),
          ("loaders.items", "split_items"), ("loaders.items", "split_sentences"),
          ("loaders.domains", "classify_items"), ("loaders.measures", "extract_measures"),
          ("loaders.domains", "classify_measure"), ("loaders.pipeline", "asdict")]


def stage_times(gen: CorpusGenerator, n: int) -> dict:
    """Exclusive wall time of each stage of process_document over n documents, single process, no profiler.

    A stage called from inside another is charged to itself only. "other" is what process_document does
    around them (hashing, building rows)."""
    import importlib

    import jieba

    from loaders import pipeline

    jieba.setLogLevel(60)
    jieba.initialize()
    datas = [(d.data, d.name) for d in gen.documents(n)]
    pipeline.process_document(*datas[0])  # first-use initialisation is not a per-document cost
    spent = {f"{m.rsplit('.', 1)[1]}.{f}": 0.0 for m, f in STAGES}
    stack: list[float] = []  # time of nested stages, per open stage
    originals = []

    def timed(label: str, fn):
        def wrapper(*args, **kwargs):
            stack.append(0.0)
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                elapsed = time.perf_counter() - t0
                nested = stack.pop()
                spent[label] += elapsed - nested
                if stack:
                    stack[-1] += elapsed
        return wrapper

    for module_name, attr in STAGES:
        module = importlib.import_module(module_name)
        if hasattr(module, attr):
            originals.append((module, attr, getattr(module, attr)))
            setattr(module, attr, timed(f"{module_name.rsplit('.', 1)[1]}.{attr}", getattr(module, attr)))
    try:
        t0 = time.perf_counter()
        for data, name in datas:
            try:
                pipeline.process_document(data, name)
            except Exception:  # noqa: BLE001 - counted in the profile; here only the time matters
                pass
        total = time.perf_counter() - t0
    finally:
        for module, attr, fn in originals:
            setattr(module, attr, fn)
    spent["other"] = total - sum(spent.values())
    return {"documents": n, "total_s": total,
            "stages": {k: {"s": v, "share": v / total} for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}}


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

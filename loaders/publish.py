"""Safe publication of the DuckDB warehouse: build a new file, test it, swap it in atomically.

DuckDB lets one process write a file or many read it, never both. Analysts and BI tools keep
data/warehouse.duckdb open read-only, so the build never touches it: dbt builds (and tests) a
new file in a private folder next to it, data/.building-warehouse.duckdb/warehouse.duckdb, which carries
the same file name so that DuckDB's catalog name, which views refer to, is the same before and
after the move. Only when every model and test passes is it renamed onto the published path
(os.replace: atomic on one file system). A reader that already holds the old file keeps reading
it; a new reader opens the new one. A failed build deletes its folder and leaves the published
file untouched.

An incremental build (the default of `envwh build` and `refresh`; issue 12) starts from a copy of the
published file in the same private folder, never from the file itself, so readers keep a complete
warehouse until the swap: dbt then re-builds only what changed documents can move (macros/
incremental_refresh.sql). It is full instead when nothing is published, when --full asks for it, or when
the models, seeds, loader version or dbt versions differ from those of the published build
(build_fingerprint, kept in the publication record).
Because those are the same, an incremental build also skips the seeds, the models built from seeds
alone and the unit tests, and its row-level data tests read only the rows it re-built
(INCREMENTAL_SELECTION, macros/overrides/get_where_subquery.sql). dbt keeps its parsed project between
builds in data/.warehouse.duckdb.dbt/ (dbt_state_dir), so a build parses only what changed.
DuckDB keeps deleted rows (dbt runs it without its vacuum: rewriting every row group that lost a row
made each refresh rewrite the large tables whole) and freed blocks inside the file, so an incremental
build that leaves more than COMPACT_FREE_SHARE of it unused is copied into a fresh file (compact) before
the swap.

A read-write client (an analyst's session, a BI tool's default) would poison this: its write-ahead
log, warehouse.duckdb.wal, is found by name, so a WAL left beside the published path would be
replayed onto the next warehouse. So publication refuses while a client holds the file read-write
(kind "writer_attached"), and removes whatever DuckDB kept beside the old file (.wal, .tmp) before
the swap: nothing of the old file survives it.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
from tqdm import tqdm

from loaders.faults import fault_point
from loaders.writing import exclusive_lock, fsync_dir, raw_set_problem

PROJECT_ROOT = Path(__file__).resolve().parents[1]  # holds dbt_project.yml and profiles.yml
BUILDING_PREFIX = ".building-"


@dataclass
class BuildOutcome:
    ok: bool
    summary: str = ""  # e.g. dbt's "Done. PASS=120 WARN=0 ERROR=0 SKIP=0 TOTAL=120"
    error_lines: list[str] = field(default_factory=list)  # why it failed, as dbt said it


# A builder writes a complete warehouse to db_path from the Parquet in raw_dir.
Builder = Callable[[Path, Path], BuildOutcome]


@dataclass
class PublishResult:
    ok: bool
    published: Path
    outcome: BuildOutcome
    reason: str = ""
    kind: str = "published"  # or build_failed, not_portable, writer_attached, disk_full
    mode: str = "full"  # or incremental: started from a copy of the published warehouse
    compaction: dict | None = None  # sizes before/after when an incremental build was compacted


class RawSetTorn(RuntimeError):
    """The raw tables are not the output of one load (a load was killed between its renames)."""


_DISK_FULL = re.compile(r"No space left on device|Disk quota exceeded|disk is full|ENOSPC", re.I)
LEFTOVER_SUFFIXES = (".wal", ".tmp")  # what DuckDB keeps beside a database file: its log and spill folder


@contextmanager
def warehouse_lock(published: Path) -> Iterator[None]:
    """One load, build or refresh at a time per published file (raises writing.Locked)."""
    with exclusive_lock(published.parent / f".{published.name}.lock", "a load, build or refresh of this warehouse"):
        yield


_PROGRESS = re.compile(r"\b(\d+) of (\d+) (OK|PASS|WARN|ERROR|FAIL|SKIP)\b")
_TIMESTAMP = re.compile(r"^\d\d:\d\d:\d\d\s*")


def _dbt_executable() -> str:
    if chosen := os.environ.get("ENVWH_DBT"):  # another dbt (the crash tests use a fast stand-in)
        return chosen
    beside = Path(sys.executable).parent / "dbt"  # the venv's dbt, even when the venv is not activated
    return str(beside) if beside.exists() else (shutil.which("dbt") or "dbt")


# DuckDB's error when a query needs more than profiles.yml's memory_limit: said plainly, with the remedy.
OUT_OF_MEMORY_HINT = ("DuckDB ran out of its memory limit (profiles.yml: ENVWH_DUCKDB_MEMORY, default 1GB, enough "
                      "for about 10 000 documents): set ENVWH_DUCKDB_MEMORY higher (8GB built 100 000 documents) "
                      "and run the refresh again; the published warehouse is unchanged.")


def dbt_error_lines(output: list[str]) -> list[str]:
    """The part of dbt's output that says why it failed."""
    lines = [_TIMESTAMP.sub("", line.rstrip()) for line in output]
    hint = [OUT_OF_MEMORY_HINT] if any("Out of Memory" in x for x in lines) else []
    for i, line in enumerate(lines):
        if line.startswith("Completed with") or line.startswith("Encountered an error"):
            tail = [x for x in lines[i:] if x.strip() and not x.startswith("Done.")]
            return tail[:40] + hint
    flagged = [x for x in lines if re.search(r"Error|ERROR|FAIL|Failure", x)]
    return (flagged or [x for x in lines if x.strip()])[-40:] + hint


_FAILED_CHECKS = re.compile(r"Failure in test (column_checks_\S+)")
_COMPILED_AT = re.compile(r"compiled code at (\S+\.sql)")


def failed_check_lines(db_path: Path, output: list[str], project_dir: Path = PROJECT_ROOT) -> list[str]:
    """What each failed `column_checks` test found, read from its compiled query on the build: dbt's message names
    only the test (one node holds every check of a model), its rows name the column and the check."""
    lines: list[str] = []
    test = None
    for line in output:
        if m := _FAILED_CHECKS.search(line):
            test = m.group(1)
        elif test and (m := _COMPILED_AT.search(line)):
            path = Path(m.group(1)) if Path(m.group(1)).is_absolute() else project_dir / m.group(1)
            try:
                con = duckdb.connect(str(db_path), read_only=True)
                try:
                    rows = con.execute(path.read_text(encoding="utf-8")).fetchall()
                finally:
                    con.close()
            except (OSError, duckdb.Error) as exc:
                lines.append(f"{test}: its failing rows could not be read ({exc})")
            else:
                lines += [f"{test}: {check} of {column}: {n} failing row{'s' * (n != 1)}" for column, check, n in rows]
            test = None
    return lines


def dbt_state_dir(published: Path) -> Path:
    """Where dbt keeps its target folder between builds of one published file: its parsed project
    (partial_parse.msgpack) lets the next build skip most of the parsing, and run_results.json says what
    each node took. Private to this warehouse, so builds of other data folders do not invalidate it."""
    return published.parent / f".{published.name}.dbt"


# What an incremental build leaves out (issue 12): it runs only when the models, macros, seeds and
# versions are those of the published build (build_fingerprint), so the seeds, the models built from
# seeds alone, their tests and the unit tests (they test the SQL, not the data) would give what the
# published build gave. It selects what descends from the raw tables; the rest is in the copy already.
INCREMENTAL_SELECTION = ["--select", "source:*+", "--exclude-resource-type", "unit_test", "seed"]


def dbt_build(db_path: Path, raw_dir: Path, project_dir: Path = PROJECT_ROOT, progress: bool = False,
              incremental: bool = False, state_dir: Path | None = None) -> BuildOutcome:
    """`dbt build` (seeds, models and their tests) into db_path, reading the Parquet of raw_dir.

    incremental: db_path is a copy of the published warehouse (build_and_publish); build only what the raw
    tables can move, and let the row-level data tests check only the rows of the refresh scope
    (macros/overrides/get_where_subquery.sql). state_dir: dbt's target folder (dbt_state_dir)."""
    env = {
        **os.environ,
        "ENVWH_RAW_DIR": str(raw_dir.resolve()),
        "ENVWH_DUCKDB_PATH": str(db_path.resolve()),
        "ENVWH_BUILD_MODE": "incremental" if incremental else "full",
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",  # no network from scheduled jobs
        "DBT_USE_COLORS": "false",
    }
    cmd = [_dbt_executable(), "build", "--project-dir", str(project_dir), "--profiles-dir", str(project_dir)]
    if state_dir is not None:
        cmd += ["--target-path", str(state_dir / "target")]
    if incremental:
        cmd += INCREMENTAL_SELECTION
    output: list[str] = []
    bar = tqdm(total=None, unit="node", desc="dbt build", disable=not progress, leave=False)
    try:
        proc = subprocess.Popen(cmd, cwd=project_dir, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, errors="replace")
    except OSError as exc:
        return BuildOutcome(False, error_lines=[f"cannot run dbt: {exc}"])
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            output.append(line)
            if m := _PROGRESS.search(line):
                bar.total = int(m.group(2))
                bar.update(1)
        returncode = proc.wait()
    finally:
        bar.close()
        if proc.poll() is None:  # we are being stopped (Ctrl-C, SIGTERM): do not leave dbt running
            proc.terminate()
            proc.wait(timeout=30)
    done = next((_TIMESTAMP.sub("", x).strip() for x in reversed(output) if "Done. PASS=" in x), "")
    if returncode != 0:
        errors = dbt_error_lines(output) + failed_check_lines(db_path, output, project_dir)
        return BuildOutcome(False, done, errors or [f"dbt exited with code {returncode}"])
    return BuildOutcome(True, done)


dbt_build.incremental = True  # dbt's incremental models build on a copy of the published warehouse


def builds_on_a_copy(builder: Builder) -> bool:
    """Whether builder can start from a copy of the published warehouse: dbt can; a stand-in (a test's fake
    builder, or ENVWH_DBT) writes a warehouse from nothing and gets a full build."""
    return bool(getattr(builder, "incremental", False)) and not os.environ.get("ENVWH_DBT")


def check_portable(db_path: Path, building_dir: Path) -> list[str]:
    """Problems that would break the file once moved: views naming the build folder, views that do not bind.

    Opens the file read-write once, which also checkpoints any write-ahead log into it.
    """
    problems = []
    escaped = str(building_dir).replace("'", "''")  # how a path appears inside a view's SQL text
    con = duckdb.connect(str(db_path))
    try:
        con.execute("checkpoint")
        views = con.execute("select schema_name, view_name, sql from duckdb_views() where not internal").fetchall()
        for schema, view, sql in views:
            if str(building_dir) in (sql or "") or escaped in (sql or ""):
                problems.append(f'view {schema}.{view} refers to the build folder {building_dir}')
            try:
                con.execute(f'select * from "{schema}"."{view}" limit 0')
            except duckdb.Error as exc:
                problems.append(f"view {schema}.{view} does not bind: {exc}")
    finally:
        con.close()
    wal = db_path.with_name(db_path.name + ".wal")
    if wal.exists():
        problems.append(f"{wal} remains after checkpoint")
    return problems


# An incremental build deletes and re-inserts rows in a copy of the published file. dbt runs DuckDB without
# its vacuum (profiles.yml: max_vacuum_tasks 0), so the deleted rows stay stored, marked deleted, and
# blocks of replaced tables are freed: without compaction the warehouse grows at every refresh (issue 12).
# Rewriting it costs about as much as copying every table, so it is done only once a quarter of the file
# is unused (free blocks, or rows deleted but kept): the file stays under 4/3 of its compact size, and a
# small refresh rarely pays the copy.
COMPACT_FREE_SHARE = 0.25


def free_share(db_path: Path) -> float:
    """Share of the file that holds nothing: its free blocks (pragma database_size), or its rows deleted but
    still stored (estimated_size counts them, count(*) does not), whichever is larger."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        total, free = con.execute("select total_blocks, free_blocks from pragma_database_size()").fetchone()
        tables = con.execute("select schema_name, table_name, estimated_size from duckdb_tables() "
                             "where not internal").fetchall()
        stored = sum(n for _, _, n in tables)
        live = sum(con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0] for s, t, _ in tables)
    finally:
        con.close()
    deleted = 1 - live / stored if stored else 0.0
    return max(free / total if total else 0.0, deleted)


def compact(db_path: Path) -> dict:
    """Rewrite db_path into a fresh file without its free blocks, then move that onto db_path.

    COPY FROM DATABASE keeps schemas, tables, views, macros and the comments dbt persists (persist_docs);
    the source is attached under its own catalog name, so views keep naming the catalog they bind to.
    db_path is a build file, never the published one; on an error the fresh file is removed and db_path
    is left as it was."""
    fresh_dir = db_path.parent / "compacting"
    fresh_dir.mkdir(exist_ok=True)
    fresh = fresh_dir / db_path.name
    before = db_path.stat().st_size
    con = duckdb.connect()
    try:
        con.execute(f"attach '{_quoted(db_path)}' as \"{db_path.stem}\" (read_only)")
        con.execute(f"attach '{_quoted(fresh)}' as compacted")
        con.execute(f'copy from database "{db_path.stem}" to compacted')
        con.execute("checkpoint compacted")
        con.execute("detach compacted")
        con.close()
        os.replace(fresh, db_path)
    finally:
        con.close()
        shutil.rmtree(fresh_dir, ignore_errors=True)
    return {"size_before": before, "size_after": db_path.stat().st_size}


def _quoted(path: Path) -> str:
    return str(path.resolve()).replace("'", "''")


def _remove_stale_builds(folder: Path) -> None:
    """Folders of builds that were killed; call only while holding the warehouse lock."""
    for stale in folder.glob(BUILDING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)


def record_path(published: Path) -> Path:
    return published.with_name(published.name + ".json")


def attached_writer(published: Path) -> str | None:
    """DuckDB's message when a client holds the published file read-write, else None."""
    if not published.exists():
        return None
    try:
        duckdb.connect(str(published), read_only=True).close()
    except duckdb.IOException as exc:
        message = str(exc).splitlines()[0]
        if "lock" in message.lower():
            return message
        raise
    return None


def _remove_leftovers(published: Path) -> list[Path]:
    """The old file's WAL and spill folder: replayed onto the new file, they would change it."""
    removed = []
    for suffix in LEFTOVER_SUFFIXES:
        path = published.with_name(published.name + suffix)
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.exists() or path.is_symlink():
            path.unlink()
        else:
            continue
        removed.append(path)
    return removed


def published_documents(published: Path) -> int:
    """Documents of the published warehouse, as its record says (0 when nothing is published)."""
    if not published.exists():
        return 0
    return int(read_record(published).get("publication", {}).get("raw_rows", {}).get("raw_documents", 0))


def build_fingerprint(raw_dir: Path, project_dir: Path = PROJECT_ROOT) -> str:
    """What an incremental build relies on being unchanged: models, macros, seeds, project files, the
    loader version of the raw set and the versions of dbt and DuckDB."""
    from importlib import metadata

    import yaml  # comes with dbt

    digest = hashlib.sha256()
    project = yaml.safe_load((project_dir / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    folders = [project_dir / folder for key in ("model-paths", "macro-paths", "seed-paths", "test-paths")
               for folder in project.get(key, [])]  # wherever the project keeps them
    files = [project_dir / "dbt_project.yml", project_dir / "profiles.yml"]
    files += sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.is_file())
    for path in files:
        if path.exists():
            digest.update(str(path.relative_to(project_dir)).encode() + b"\0" + path.read_bytes() + b"\0")
    versions = [raw_loader_version(raw_dir) or ""]
    for package in ("dbt-core", "dbt-duckdb", "duckdb"):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("")
    digest.update("|".join(versions).encode())
    return digest.hexdigest()[:32]


def incremental_start(published: Path, raw_dir: Path) -> str | None:
    """Why the next build must be full, or None when it may start from a copy of the published file."""
    if not published.exists():
        return "nothing is published"
    publication = read_record(published).get("publication", {})
    if publication.get("build_fingerprint") != build_fingerprint(raw_dir):
        return "the models, seeds, loader or dbt changed since the published build"
    if attached_writer(published):
        return "a client holds the published file read-write"
    return None


def build_and_publish(raw_dir: Path, published: Path, builder: Builder | None = None,
                      max_shrink: float | None = None, incremental: bool = False) -> PublishResult:
    """Build and test a new warehouse beside the published one; swap it in only if everything passed.

    The caller holds warehouse_lock(published). Raises RawSetTorn for a torn raw set and
    pipeline.ShrinkRefused when the documents would drop by more than max_shrink.
    """
    from loaders.pipeline import check_shrink

    published = published.resolve()
    raw_dir = raw_dir.resolve()
    builder = builder or dbt_build
    if (raw_dir / "raw_documents.parquet").exists() and (problem := raw_set_problem(raw_dir)):
        raise RawSetTorn(f"{raw_dir}: {problem}; run `envwh load` (or refresh) to load them again")
    check_shrink("publishing", published_documents(published), raw_counts(raw_dir).get("raw_documents", 0),
                 max_shrink)
    published.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(published.parent)
    # One name per published file (we hold its lock): dbt's profile, which names the file it builds, stays
    # the same from one build to the next, so dbt can reuse its parsed project (dbt_state_dir).
    building_dir = published.parent / f"{BUILDING_PREFIX}{published.name}"
    building_dir.mkdir()
    target = building_dir / published.name  # same name: same DuckDB catalog name after the move
    mode = "full"
    try:
        on_a_copy = builds_on_a_copy(builder)
        if incremental and on_a_copy and (why_full := incremental_start(published, raw_dir)) is None:
            shutil.copyfile(published, target)  # the published file itself is never written
            mode = "incremental"
        elif incremental and on_a_copy:
            mode = f"full ({why_full})"
        if on_a_copy:
            outcome = builder(target, raw_dir, incremental=mode == "incremental", state_dir=dbt_state_dir(published))
        else:
            outcome = builder(target, raw_dir)
        fault_point("build:built")
        if not outcome.ok:
            if any(_DISK_FULL.search(line) for line in outcome.error_lines):
                return _failed(published, outcome, "disk full during the build", "disk_full")
            return _failed(published, outcome, "the build or its tests failed")
        if not target.exists():
            return _failed(published, outcome, f"the build reported success but wrote no {target.name}")
        problems = check_portable(target, building_dir)
        if problems:
            outcome = BuildOutcome(False, outcome.summary, problems)
            return _failed(published, outcome, "the built warehouse would not work once moved", "not_portable")
        compaction = None
        if mode == "incremental" and (share := free_share(target)) > COMPACT_FREE_SHARE:
            try:
                fault_point("build:compacting")
                compaction = {"free_share": round(share, 3), **compact(target)}
            except (duckdb.Error, OSError) as exc:
                # The uncompacted file passed every test: publish it (a refresh is not withheld for want of
                # housekeeping) and say why; the next incremental build tries again.
                compaction = {"free_share": round(share, 3), "error": str(exc).splitlines()[0]}
            # only a new file needs checking again: after a failed compaction the tested file is unchanged
            if "error" not in compaction and (problems := check_portable(target, building_dir)):
                outcome = BuildOutcome(False, outcome.summary, problems)
                return _failed(published, outcome, "the compacted warehouse would not work once moved",
                               "not_portable")
        tables = table_counts(target)
        if writer := attached_writer(published):
            return _failed(published, BuildOutcome(False, outcome.summary, [writer]),
                           f"a client holds {published.name} read-write (an analyst's session or a BI tool "
                           "not set to read-only); close it, or let it write to a scratch database "
                           "(docs/operations.md); its writes would be lost", "writer_attached")
        fault_point("build:checked")
        _remove_leftovers(published)  # first: a reader opening the new file must find no old WAL
        os.replace(target, published)
        fsync_dir(published.parent)
        fault_point("build:swapped")
        _write_record(published, raw_dir, outcome, tables, mode, compaction)
        return PublishResult(True, published, outcome, mode=mode, compaction=compaction)
    finally:
        shutil.rmtree(building_dir, ignore_errors=True)


def _failed(published: Path, outcome: BuildOutcome, reason: str, kind: str = "build_failed") -> PublishResult:
    _update_record(published, last_failure={
        "failed_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "reason": reason,
        "error_lines": outcome.error_lines[:10],
    })
    return PublishResult(False, published, outcome, reason, kind)


def table_counts(db_path: Path) -> dict[str, int]:
    return {f"{s}.{t}": n for s, t, n in published_tables(db_path)}


def record_run(published: Path, command: str, started_at: str, exit_code: int, outcome: str, reason: str) -> None:
    """The last run of a writing command, whatever its outcome, for `envwh status`."""
    _update_record(published, last_run={
        "command": command, "started_at": started_at,
        "finished_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "exit_code": exit_code, "outcome": outcome, "reason": reason,
    })


def _write_record(published: Path, raw_dir: Path, outcome: BuildOutcome, tables: dict[str, int],
                  mode: str = "full", compaction: dict | None = None) -> None:
    """When and from what the warehouse was published (a failure since then is recorded too)."""
    _update_record(published, last_failure=None, publication={
        "published_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "warehouse": str(published),
        "raw_dir": str(raw_dir),
        "raw_rows": raw_counts(raw_dir),
        "loader_version": raw_loader_version(raw_dir),
        "dbt": outcome.summary,
        "build_mode": mode,
        "compaction": compaction,  # unused share and file sizes before/after, when the build was compacted
        "build_fingerprint": build_fingerprint(raw_dir),  # an incremental build needs the same one
        "tables": tables,  # shown by `envwh status` when the file cannot be opened
    })


def read_record(published: Path) -> dict:
    """The JSON beside the warehouse that `envwh status` reads: {publication, last_failure}."""
    try:
        return json.loads(record_path(published).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _update_record(published: Path, **fields: dict | None) -> None:
    record = {**read_record(published), **fields}
    path = record_path(published)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        tmp.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def raw_counts(raw_dir: Path) -> dict[str, int]:
    """Rows of each raw table present in raw_dir, over its parts; -1 when one cannot be read."""
    from loaders.writing import RAW_TABLES, raw_rows

    counts = {}
    for table in RAW_TABLES:
        if (raw_dir / f"{table}.parquet").exists():
            try:
                counts[table] = raw_rows(raw_dir, table)
            except OSError:
                counts[table] = -1
    return counts


def raw_loader_version(raw_dir: Path) -> str | None:
    import pyarrow.parquet as pq

    from loaders.pipeline import VERSION_KEY

    path = raw_dir / "raw_documents.parquet"
    if not path.exists():
        return None
    value = (pq.read_schema(path).metadata or {}).get(VERSION_KEY.encode())
    return value.decode() if value else None


def published_tables(published: Path) -> list[tuple[str, str, int]]:
    """(schema, table, rows) of every table of the published file, opened read-only like any analyst."""
    con = duckdb.connect(str(published), read_only=True)
    try:
        tables = con.execute("select schema_name, table_name from duckdb_tables() where not internal "
                             "order by schema_name, table_name").fetchall()
        return [(s, t, con.execute(f'select count(*) from "{s}"."{t}"').fetchone()[0]) for s, t in tables]
    finally:
        con.close()

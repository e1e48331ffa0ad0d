"""Safe publication: build beside the published file, swap only when complete, never disturb readers.

Most tests use a tiny fake builder (a function writing a DuckDB file) so they stay fast; the last
ones check the real `envwh refresh` of the sample corpus (the session's `sample_build`) and run a real
`envwh build` whose dbt tests fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import ENVWH, ROOT

from loaders import publish
from loaders.publish import BuildOutcome, build_and_publish, warehouse_lock
from loaders.writing import Locked, load_id_of, write_table

ROWS = 2000


def fake_builder(version: int, ok: bool = True, slow: float = 0.0, view_sql: str | None = None):
    """Writes marts.t with ROWS rows of `version` in several transactions (a partial file would show fewer)."""

    def build(db_path: Path, raw_dir: Path) -> BuildOutcome:
        con = duckdb.connect(str(db_path))
        con.execute("create schema marts")
        con.execute("create table marts.t (version integer, i integer)")
        for start in range(0, ROWS, ROWS // 4):
            con.execute("insert into marts.t select ?, range from range(?, ?)", [version, start, start + ROWS // 4])
            time.sleep(slow)
        con.execute(view_sql or "create view marts.v as select max(version) as version, count(*) as n from marts.t")
        con.close()
        if not ok:
            return BuildOutcome(False, "Done. PASS=1 ERROR=1", ["Failure in test not_null_t_i (models/x.yml)",
                                                                "Got 3 results, configured to fail if != 0"])
        return BuildOutcome(True, "Done. PASS=2")

    return build


def read_view(db: Path) -> tuple[int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select version, n from marts.v").fetchone()
    finally:
        con.close()


@pytest.fixture
def published(tmp_path: Path) -> Path:
    db = tmp_path / "data" / "warehouse.duckdb"
    (tmp_path / "raw").mkdir()
    assert build_and_publish(tmp_path / "raw", db, fake_builder(1)).ok
    return db


def leftovers(db: Path) -> list[Path]:
    return list(db.parent.glob(publish.BUILDING_PREFIX + "*"))


def test_successful_build_is_swapped_in_and_its_views_work(published):
    assert read_view(published) == (1, ROWS)
    result = build_and_publish(published.parent.parent / "raw", published, fake_builder(2))
    assert result.ok and result.published == published
    assert read_view(published) == (2, ROWS)  # the view still binds at the published path
    assert not leftovers(published)
    record = json.loads(publish.record_path(published).read_text())
    assert record["publication"]["dbt"] == "Done. PASS=2" and record["publication"]["published_at"]


def test_failed_build_leaves_the_published_file_untouched(published):
    before = published.read_bytes()
    result = build_and_publish(published.parent.parent / "raw", published, fake_builder(2, ok=False))
    assert not result.ok
    assert "Failure in test not_null_t_i" in result.outcome.error_lines[0]
    assert published.read_bytes() == before
    assert read_view(published) == (1, ROWS)
    assert not leftovers(published)  # the partial file is deleted
    record = publish.read_record(published)
    assert "not_null_t_i" in record["last_failure"]["error_lines"][0] and record["publication"]
    assert build_and_publish(published.parent.parent / "raw", published, fake_builder(3)).ok
    assert publish.read_record(published)["last_failure"] is None  # cleared by the next success


def test_builder_that_raises_leaves_no_partial_file(published):
    def broken(db_path: Path, raw_dir: Path) -> BuildOutcome:
        duckdb.connect(str(db_path)).close()
        raise RuntimeError("dbt crashed")

    before = published.read_bytes()
    with pytest.raises(RuntimeError):
        build_and_publish(published.parent.parent / "raw", published, broken)
    assert published.read_bytes() == before and not leftovers(published)


def test_view_pointing_at_the_build_folder_is_refused(published):
    def sneaky(db_path: Path, raw_dir: Path) -> BuildOutcome:
        (db_path.parent / "side.csv").write_text("a\n1\n")
        return fake_builder(2, view_sql=f"create view marts.v as select 2 as version, count(*) as n "
                                        f"from read_csv('{db_path.parent}/side.csv')")(db_path, raw_dir)

    before = published.read_bytes()
    result = build_and_publish(published.parent.parent / "raw", published, sneaky)
    assert not result.ok and "build folder" in result.outcome.error_lines[0]
    assert published.read_bytes() == before


def test_stale_build_folder_of_a_killed_build_is_removed(published):
    stale = published.parent / f"{publish.BUILDING_PREFIX}99999"
    stale.mkdir()
    (stale / "warehouse.duckdb").write_bytes(b"half a file")
    assert build_and_publish(published.parent.parent / "raw", published, fake_builder(2)).ok
    assert not stale.exists()


def test_one_build_at_a_time(published):
    with warehouse_lock(published):
        with pytest.raises(Locked, match=str(os.getpid())):
            with warehouse_lock(published):
                pass
    with warehouse_lock(published):  # released on exit
        pass


def test_reader_holding_the_old_file_keeps_reading_it(published):
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert build_and_publish(published.parent.parent / "raw", published, fake_builder(2)).ok
        assert con.execute("select version, n from marts.v").fetchone() == (1, ROWS)
    finally:
        con.close()
    assert read_view(published) == (2, ROWS)


READER = r"""
import sys, time, duckdb, pathlib
db, stop, sql, pause = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3], float(sys.argv[4])
while not stop.exists():
    try:
        con = duckdb.connect(db, read_only=True)
        try:
            print("OK", *con.execute(sql).fetchone(), flush=True)
        finally:
            con.close()
    except Exception as exc:
        print("ERR", type(exc).__name__, str(exc).replace("\n", " "), flush=True)
    time.sleep(pause)
"""


def start_reader(db: Path, stop: Path, sql: str, pause: float = 0.005) -> tuple[subprocess.Popen, str]:
    """A reader process querying every `pause` seconds, returned once it has answered its first query (so it
    overlaps what follows)."""
    reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), sql, str(pause)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return reader, reader.stdout.readline().strip()


def stop_reader(reader: tuple[subprocess.Popen, str], stop: Path) -> list[str]:
    proc, first = reader
    stop.touch()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return [first, *out.splitlines()]


def test_reader_process_sees_old_or_new_complete_warehouse_never_a_partial_one(published, tmp_path):
    stop = tmp_path / "stop"
    reader = start_reader(published, stop, "select version, n from marts.v")
    try:
        for version in (2, 3):
            assert build_and_publish(tmp_path / "raw", published, fake_builder(version, slow=0.05)).ok
        assert not build_and_publish(tmp_path / "raw", published, fake_builder(4, ok=False, slow=0.05)).ok
        time.sleep(0.3)
    finally:
        lines = stop_reader(reader, stop)
    assert lines and not [x for x in lines if x.startswith("ERR")], [x for x in lines if x.startswith("ERR")][:3]
    seen = [tuple(map(int, x.split()[1:])) for x in lines]
    assert {n for _, n in seen} == {ROWS}  # every answer complete
    assert seen[0][0] == 1 and seen[-1][0] == 3  # saw the old and the new warehouse
    assert {v for v, _ in seen} <= {1, 2, 3}  # never the failed build


# --- the real thing: dbt on the sample corpus --------------------------------------------------

needs_dbt = pytest.mark.skipif(not (ROOT / "dbt_project.yml").exists(), reason="no dbt project yet")


@pytest.fixture
def dbt_env(tmp_path, monkeypatch) -> dict[str, str]:
    """Keep dbt's target/ and logs/ out of the shared work tree."""
    monkeypatch.setenv("DBT_TARGET_PATH", str(tmp_path / "target"))
    monkeypatch.setenv("DBT_LOG_PATH", str(tmp_path / "logs"))
    return dict(os.environ)


@needs_dbt
def test_refresh_with_dbt_publishes_a_warehouse_whose_views_work_where_it_was_moved(sample_build):
    assert "build: published" in sample_build.refresh.stdout
    assert not leftovers(sample_build.db)
    # every view of the moved file binds and answers, opened read-only like a BI tool
    con = duckdb.connect(str(sample_build.db), read_only=True)
    try:
        views = con.execute("select schema_name, view_name, sql from duckdb_views() where not internal").fetchall()
        assert views
        for schema, view, sql in views:
            assert publish.BUILDING_PREFIX not in sql
            con.execute(f'select * from "{schema}"."{view}" limit 1').fetchall()
        assert con.execute("select count(*) from marts.fct_targets").fetchone()[0] > 0
    finally:
        con.close()


@needs_dbt
def test_failed_dbt_build_leaves_the_published_warehouse_untouched_while_a_reader_queries(
        sample_build, tmp_path, dbt_env):
    data = tmp_path / "analyst's data"  # a quote in the path must not break the SQL dbt writes
    shutil.copytree(sample_build.data, data)
    db = data / "warehouse.duckdb"
    before = db.read_bytes()
    # a build whose dbt tests fail: two documents with one id (a source test: dbt skips all that reads them)
    documents = pq.read_table(data / "raw" / "raw_documents.parquet").to_pylist()
    write_table([documents[0], *documents], "raw_documents", data / "raw",  # the same load id: a tampered,
                load_id=load_id_of(data / "raw" / "raw_measures.parquet"))  # not a torn, set
    stop = tmp_path / "stop"
    reader = start_reader(db, stop, "select count(*), count(*) filter (where table_name = 'fct_targets') "
                                    "from information_schema.tables", pause=0.1)  # dbt takes seconds
    try:
        failed = subprocess.run([str(ENVWH), "build", "--data-dir", str(data), "--quiet"],
                                cwd=tmp_path, env=dbt_env, capture_output=True, text=True, timeout=600)
    finally:
        lines = stop_reader(reader, stop)
    assert failed.returncode == 3, failed.stdout + failed.stderr
    assert "left untouched" in failed.stderr and "document_id" in failed.stderr
    assert db.read_bytes() == before
    assert not leftovers(db)
    assert not [x for x in lines if x.startswith("ERR")], [x for x in lines if x.startswith("ERR")][:3]
    assert {int(x.split()[2]) for x in lines} == {1}  # the published warehouse, whole, all along


@needs_dbt
@pytest.mark.parametrize("change", ["add column note varchar", "alter column heading type integer using 0"])
def test_an_incremental_build_fails_when_a_table_no_longer_has_its_models_columns(sample_build, tmp_path, dbt_env,
                                                                                  change):
    """An incremental refresh appends the model's rows to the published table in one statement
    (macros/overrides/incremental.sql, issue 12) and, as on_schema_change='fail' did, refuses a table whose
    columns are not those the model selects, even one an insert by name would fill with nulls."""
    data = tmp_path / "data"
    shutil.copytree(sample_build.data, data)
    db = data / "warehouse.duckdb"
    con = duckdb.connect(str(db))
    con.execute(f"alter table marts.fct_tasks {change}")
    con.close()
    before = db.read_bytes()
    failed = subprocess.run([str(ENVWH), "build", "--data-dir", str(data), "--quiet"],
                            cwd=tmp_path, env=dbt_env, capture_output=True, text=True, timeout=600)
    assert failed.returncode == 3, failed.stdout + failed.stderr
    assert 'schema of "' in failed.stderr and 'fct_tasks" changed' in failed.stderr, failed.stderr
    assert db.read_bytes() == before


def _refresh_that_frees_blocks(db_path: Path, raw_dir: Path, incremental: bool = False, **_) -> BuildOutcome:
    """Stands in for dbt: a full build writes a table; an incremental one deletes most of its rows in the copy."""
    con = duckdb.connect(str(db_path))
    if incremental:
        con.execute("delete from t where a % 3 <> 0")
    else:
        con.execute("create table t as select range as a, 'row ' || range as b from range(300000)")
    con.close()
    return BuildOutcome(True, "fake")


_refresh_that_frees_blocks.incremental = True  # type: ignore[attr-defined]


@pytest.mark.parametrize("fault", ["", "enospc@build:compacting"])
def test_an_incremental_build_with_free_blocks_is_compacted_before_publication(tmp_path, monkeypatch, fault):
    raw, published = tmp_path / "raw", tmp_path / "warehouse.duckdb"
    raw.mkdir()
    assert build_and_publish(raw, published, _refresh_that_frees_blocks, incremental=True).mode.startswith("full")
    monkeypatch.setenv("ENVWH_FAULT", fault)

    result = build_and_publish(raw, published, _refresh_that_frees_blocks, incremental=True)

    assert result.ok and result.mode == "incremental" and result.compaction["free_share"] > publish.COMPACT_FREE_SHARE
    assert publish.read_record(published)["publication"]["compaction"] == result.compaction
    assert publish.table_counts(published) == {"main.t": 100000}
    if fault:  # a failed compaction publishes the tested, uncompacted file and says why
        assert "No space left" in result.compaction["error"]
        assert publish.free_share(published) > publish.COMPACT_FREE_SHARE
    else:
        assert result.compaction["size_after"] < result.compaction["size_before"]
        assert publish.free_share(published) < publish.COMPACT_FREE_SHARE
        assert published.stat().st_size == result.compaction["size_after"]


def test_out_of_memory_of_duckdb_is_said_with_its_remedy():
    """A build that outgrows profiles.yml's memory_limit names the variable to raise; other failures do not."""
    oom = ["12:00:01  1 of 9 ERROR creating sql table model main.int_measures_resolved",
           "12:00:01  Completed with 1 error, 0 partial successes, and 0 warnings:",
           "12:00:01  Runtime Error in model int_measures_resolved",
           "12:00:01    Out of Memory Error: could not allocate block of size 256.0 KiB (953.6 MiB/953.6 MiB used)"]
    lines = publish.dbt_error_lines(oom)
    assert lines[-1] == publish.OUT_OF_MEMORY_HINT and "ENVWH_DUCKDB_MEMORY" in lines[-1]
    assert any("Out of Memory Error" in x for x in lines[:-1])
    other = oom[:3] + ["12:00:01    Binder Error: column x not found"]
    assert publish.OUT_OF_MEMORY_HINT not in publish.dbt_error_lines(other)


def test_a_failed_column_checks_test_is_told_by_its_column_and_check(tmp_path):
    """dbt names only the failing test (one column_checks node holds every check of a model): the refresh reads
    the test's compiled query on the build and says which column and check failed."""
    import duckdb

    from loaders.publish import failed_check_lines

    db = tmp_path / "build.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table t as select * from (values ('a', null), ('b', 'kw'), ('b', 't')) v(id, unit)")
    con.close()
    compiled = tmp_path / "target" / "column_checks_t.sql"
    compiled.parent.mkdir()
    compiled.write_text("select 'unit' as column_name, 'not_null' as check_name, count(*) as n_failing_rows "
                        "from t where unit is null having count(*) > 0 union all "
                        "select 'id', 'unique', count(*) from (select id from t group by id having count(*) > 1) "
                        "having count(*) > 0", encoding="utf-8")
    output = ["12:00:00  Failure in test column_checks_t (models/x.yml)",
              "12:00:00    Got 2 results, configured to fail if != 0",
              f"12:00:00    compiled code at {compiled}",
              "12:00:00  Failure in test not_null_t_id (models/x.yml)",
              f"12:00:00    compiled code at {tmp_path / 'target' / 'not_null_t_id.sql'}"]
    assert failed_check_lines(db, output) == ["column_checks_t: not_null of unit: 1 failing row",
                                              "column_checks_t: unique of id: 1 failing row"]

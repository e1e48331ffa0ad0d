"""The six data-loss paths of issue 13, each reproduced first, then fixed.

1. a read-write client's WAL poisons later warehouses; 2. a folder whose every file fails empties the
warehouse; 3. a torn raw set is never repaired; 4. a full disk exits 1 (= "published") with a traceback;
5. `envwh load` ignores a running refresh's lock; 6. smaller input problems (tests/test_bad_inputs.py).
"""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from conftest import plan_text, rows, run_load
from test_publish import ROWS, fake_builder, read_view

from loaders import cli, publish
from loaders.publish import BuildOutcome, build_and_publish, warehouse_lock


def invoke(*args: str):
    return CliRunner().invoke(cli.main, list(args))


def fake_dbt(db_path: Path, raw_dir: Path, progress: bool = False) -> BuildOutcome:
    """A warehouse whose marts are the raw rows: fast, and shows what was loaded."""
    con = duckdb.connect(str(db_path))
    con.execute("create schema marts")
    for table in ("documents", "measures"):
        con.execute(f"create table marts.{table} as select * from read_parquet(?)",
                    [str(raw_dir / f"raw_{table}*.parquet")])  # as dbt's sources: every part
    con.close()
    return BuildOutcome(True, "Done. PASS=1")


def published_documents(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute("select source_file from marts.documents order by 1").fetchall()]
    finally:
        con.close()


# --- 1. a read-write client --------------------------------------------------------------------

WRITER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
con.execute("delete from marts.t where i < 7")
print("ready", flush=True)
sys.stdin.readline()
"""


def start_writer(db: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read()
    return proc


def test_read_write_client_is_detected_and_its_wal_never_reaches_a_new_warehouse(tmp_path):
    db = tmp_path / "data" / "warehouse.duckdb"
    (tmp_path / "raw").mkdir()
    assert build_and_publish(tmp_path / "raw", db, fake_builder(1)).ok
    writer = start_writer(db)  # an analyst's read-write session that deleted rows
    try:
        refused = build_and_publish(tmp_path / "raw", db, fake_builder(2))
        assert not refused.ok and refused.kind == "writer_attached"
        assert "read-write" in refused.reason
        status = invoke("status", "--db", str(db), "--raw-dir", str(tmp_path / "raw"))
        assert status.exit_code == 0, status.output
        assert "read-write" in status.stdout and "marts.t" in status.stdout  # counts from the record
    finally:
        writer.kill()  # killed: its WAL stays behind, as after a crash or a BI tool's hard stop
        writer.wait()
    assert db.with_name(db.name + ".wal").exists()
    assert build_and_publish(tmp_path / "raw", db, fake_builder(2)).ok
    assert not db.with_name(db.name + ".wal").exists()
    assert read_view(db) == (2, ROWS)  # no row of the new warehouse lost to the old WAL
    assert read_view(db) == (2, ROWS)  # nor for the next reader


def test_scratch_database_takes_analysts_writes_and_leaves_the_warehouse_alone(tmp_path):
    """The documented recipe: write in a scratch file, attach the warehouse read-only."""
    db = tmp_path / "data" / "warehouse.duckdb"
    (tmp_path / "raw").mkdir()
    assert build_and_publish(tmp_path / "raw", db, fake_builder(1)).ok
    scratch = duckdb.connect(str(tmp_path / "data" / "scratch.duckdb"))
    scratch.execute(f"attach '{db}' as wh (read_only)")
    scratch.execute("create table mine as select * from wh.marts.t where i < 10")
    with pytest.raises(duckdb.Error):
        scratch.execute("delete from wh.marts.t")
    assert build_and_publish(tmp_path / "raw", db, fake_builder(2)).ok  # the attached reader does not block it
    scratch.close()
    assert read_view(db) == (2, ROWS)
    assert not db.with_name(db.name + ".wal").exists()


# --- 2. shrinking inputs -------------------------------------------------------------------------

def test_folder_whose_every_file_fails_is_refused_and_the_warehouse_kept(make_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "dbt_build", fake_dbt)
    data = tmp_path / "data"
    folder = make_folder({f"{i}.txt": plan_text(extra=f"（三）第{i}项。\n") for i in range(5)})
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    before = (data / "warehouse.duckdb").read_bytes()
    raw_before = (data / "raw" / "raw_documents.parquet").read_bytes()
    shutil.rmtree(folder)
    make_folder({"junk.bin": bytes(range(256)) * 8, "empty.txt": b""})  # files that will always fail
    result = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert result.exit_code == cli.EXIT_SHRINK, result.output
    assert "--allow-shrink" in result.stderr
    assert (data / "warehouse.duckdb").read_bytes() == before
    assert (data / "raw" / "raw_documents.parquet").read_bytes() == raw_before
    status = invoke("status", "--data-dir", str(data))
    assert "refresh" in status.stdout and f"exit {cli.EXIT_SHRINK}" in status.stdout


# --- 3. torn raw set ------------------------------------------------------------------------------

def test_torn_raw_set_is_detected_and_repaired_by_the_next_load(make_folder, tmp_path):
    raw = tmp_path / "raw"
    folder = make_folder({"a.txt": plan_text("浙江省"), "b.txt": plan_text("安徽省", 2024)})
    run_load(folder, raw)
    old_measures = (raw / "raw_measures.parquet").read_bytes()
    make_folder({"b.txt": plan_text("安徽省", 2024, pm25=31)})  # b changes: new document id
    run_load(folder, raw)
    # a load killed between the renames: raw_documents and raw_items new, raw_measures old
    (raw / "raw_measures.parquet").write_bytes(old_measures)
    summary = run_load(folder, raw)
    fresh = tmp_path / "fresh"
    run_load(folder, fresh, incremental=False)
    for table in ("raw_documents", "raw_items", "raw_measures"):
        assert (raw / f"{table}.parquet").read_bytes() == (fresh / f"{table}.parquet").read_bytes(), table
    assert summary.parsed == 2


# --- 4. a full disk -------------------------------------------------------------------------------

def test_disk_full_is_a_clear_failure_with_the_previous_warehouse_intact(make_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "dbt_build", fake_dbt)
    data = tmp_path / "data"
    folder = make_folder({"a.txt": plan_text()})
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    before = (data / "warehouse.duckdb").read_bytes()
    raw_before = {p.name: p.read_bytes() for p in (data / "raw").glob("raw_*.parquet")}
    make_folder({"b.txt": plan_text("安徽省", 2024)})

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    result = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert result.exit_code == cli.EXIT_DISK_FULL, result.output
    assert "disk full" in result.stderr.lower() and "Traceback" not in result.output
    assert (data / "warehouse.duckdb").read_bytes() == before
    assert {p.name: p.read_bytes() for p in (data / "raw").glob("raw_*.parquet")} == raw_before
    assert not list((data / "raw").glob(".raw_*.tmp"))
    monkeypatch.undo()
    status = invoke("status", "--data-dir", str(data))
    assert "disk full" in status.stdout.lower() and f"exit {cli.EXIT_DISK_FULL}" in status.stdout


# --- 5. one lock for every writing command -------------------------------------------------------

@pytest.mark.parametrize("command", ["load", "build", "refresh"])
def test_every_writing_command_respects_the_warehouse_lock(make_folder, tmp_path, command):
    folder = make_folder({"a.txt": plan_text()})
    data = tmp_path / "data"
    run_load(folder, data / "raw")
    before = (data / "raw" / "raw_documents.parquet").read_bytes()
    make_folder({"b.txt": plan_text("安徽省", 2024)})
    args = [command, *([str(folder)] if command != "build" else []), "--data-dir", str(data)]
    with warehouse_lock((data / "warehouse.duckdb").resolve()):
        result = invoke(*args)
    assert result.exit_code == cli.EXIT_LOCKED, result.output
    assert (data / "raw" / "raw_documents.parquet").read_bytes() == before
    assert [d["source_file"] for d in rows(data / "raw", "raw_documents")] == ["a.txt"]


# --- readers during 20 refresh cycles -------------------------------------------------------------

def test_twenty_refresh_cycles_with_readers_querying_read_only(tmp_path):
    """Two reader processes query without pause while 20 builds swap in (every 5th one fails)."""
    from test_publish import start_reader, stop_reader

    db = tmp_path / "data" / "warehouse.duckdb"
    (tmp_path / "raw").mkdir()
    assert build_and_publish(tmp_path / "raw", db, fake_builder(1)).ok
    stops = [tmp_path / f"stop{i}" for i in range(2)]
    readers = [start_reader(db, stop, "select version, n from marts.v") for stop in stops]
    published = {1}
    try:
        for version in range(2, 22):
            ok = version % 5 != 0
            result = build_and_publish(tmp_path / "raw", db, fake_builder(version, ok=ok, slow=0.01))
            assert result.ok == ok
            published |= {version} if ok else set()
    finally:
        lines = [line for reader, stop in zip(readers, stops, strict=True) for line in stop_reader(reader, stop)]
    errors = [x for x in lines if x.startswith("ERR")]
    assert not errors, errors[:3]
    seen = [tuple(map(int, x.split()[1:])) for x in lines]
    assert {n for _, n in seen} == {ROWS}  # every answer from a complete warehouse
    assert {v for v, _ in seen} <= published  # never a failed build
    assert len({v for v, _ in seen}) > 2  # the readers really overlapped the swaps
    assert read_view(db) == (21, ROWS)
    assert not list(db.parent.glob(".building-*")) and not db.with_name(db.name + ".wal").exists()


def test_shrink_guard_share_and_allow_shrink(make_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "dbt_build", fake_dbt)
    data = tmp_path / "data"
    folder = make_folder({f"{i}.txt": plan_text(extra=f"（三）第{i}项。\n") for i in range(10)})
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    (folder / "0.txt").unlink()
    (folder / "1.txt").unlink()  # 20 %: allowed by default
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    (folder / "2.txt").unlink()
    (folder / "3.txt").unlink()  # 25 % of 8
    refused = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert refused.exit_code == cli.EXIT_SHRINK and "from 8 to 6 documents" in refused.stderr
    assert len(published_documents(data / "warehouse.duckdb")) == 8
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1", "--max-shrink", "0.3").exit_code == 0
    for name in ("4.txt", "5.txt", "6.txt", "7.txt", "8.txt"):
        (folder / name).unlink()
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1",
                  "--allow-shrink").exit_code == 0
    assert published_documents(data / "warehouse.duckdb") == ["9.txt"]
    assert invoke("build", "--data-dir", str(data)).exit_code == 0  # nothing shrinks: built again


def test_build_refuses_to_publish_a_shrunk_raw_set(make_folder, tmp_path, monkeypatch):
    """`load --allow-shrink` then a plain `build`: the build's own guard compares with what is published."""
    monkeypatch.setattr(publish, "dbt_build", fake_dbt)
    data = tmp_path / "data"
    folder = make_folder({f"{i}.txt": plan_text(extra=f"（三）第{i}项。\n") for i in range(5)})
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    for i in range(4):
        (folder / f"{i}.txt").unlink()
    assert invoke("load", str(folder), "--data-dir", str(data), "--workers", "1", "--allow-shrink").exit_code == 0
    refused = invoke("build", "--data-dir", str(data))
    assert refused.exit_code == cli.EXIT_SHRINK and "publishing would drop from 5 to 1" in refused.stderr
    assert len(published_documents(data / "warehouse.duckdb")) == 5


def test_allow_empty_empties_on_purpose(make_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "dbt_build", fake_dbt)
    data = tmp_path / "data"
    folder = make_folder({"a.txt": plan_text()})
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    (folder / "a.txt").unlink()
    assert invoke("refresh", str(folder), "--data-dir", str(data)).exit_code == cli.EXIT_USAGE
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--allow-empty").exit_code == 0
    assert published_documents(data / "warehouse.duckdb") == []


def test_torn_raw_set_is_refused_by_build_and_shown_by_status(make_folder, tmp_path, monkeypatch):
    monkeypatch.setattr(publish, "dbt_build", fake_dbt)
    data = tmp_path / "data"
    folder = make_folder({"a.txt": plan_text()})
    assert invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    old_items = (data / "raw" / "raw_items.parquet").read_bytes()
    make_folder({"b.txt": plan_text("安徽省", 2024)})
    assert invoke("load", str(folder), "--data-dir", str(data), "--workers", "1").exit_code == 0
    (data / "raw" / "raw_items.parquet").write_bytes(old_items)
    assert "TORN" in invoke("status", "--data-dir", str(data)).stdout
    assert invoke("build", "--data-dir", str(data)).exit_code == cli.EXIT_RAW_TORN
    repaired = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert repaired.exit_code == 0 and "parsed again" in repaired.stderr
    assert "TORN" not in invoke("status", "--data-dir", str(data)).stdout


def test_os_error_and_internal_error_have_their_own_codes_and_records(make_folder, tmp_path, monkeypatch):
    data = tmp_path / "data"
    folder = make_folder({"a.txt": plan_text()})

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(data / "raw"))

    def bug(*args, **kwargs):
        raise KeyError("oops")

    for fake, code in ((denied, cli.EXIT_IO), (bug, cli.EXIT_INTERNAL)):
        monkeypatch.setattr(cli, "load_folder", fake)
        result = invoke("refresh", str(folder), "--data-dir", str(data))
        assert result.exit_code == code, result.output
        status = invoke("status", "--data-dir", str(data))
        assert f"FAILED (exit {code})" in status.stdout


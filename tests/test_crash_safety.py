"""A loader killed mid-write leaves the previous Parquet files intact and readable."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import duckdb
import pyarrow.parquet as pq
from conftest import ENVWH, RAW_TABLES, file_bytes, plan_text, run_load

from loaders.writing import TEMP_GLOB


def big_folder(tmp_path, n: int = 3000):
    big = tmp_path / "big"
    big.mkdir()
    for i in range(n):  # distinct content, so none is a duplicate of another
        (big / f"{i:05d}.txt").write_text(plan_text("江苏省", 2000 + i % 30, 20 + i / 100, f"（二）第{i}号补充要求。\n"))
    return big


def size_of(path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:  # renamed into place between glob and stat
        return 0


def start_and_stop_mid_write(big, raw, sig: int, workers: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(ENVWH), "load", str(big), "--raw-dir", str(raw), "--workers", str(workers), "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        # mid-write: at least one row group of a new table has reached its temp file
        while not any(size_of(p) > 4 for p in raw.glob(TEMP_GLOB)):
            assert proc.poll() is None, "the loader finished before it could be stopped; make the folder bigger"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        os.kill(proc.pid, sig)
        proc.wait(timeout=60)
    finally:
        proc.kill()
        proc.wait()
    return proc


def test_sigkill_mid_write_keeps_previous_files(make_folder, tmp_path):
    raw = tmp_path / "raw"
    run_load(make_folder({"a.txt": plan_text("浙江省"), "b.txt": plan_text("安徽省", 2024)}), raw)
    before = file_bytes(raw)
    big = big_folder(tmp_path)

    proc = start_and_stop_mid_write(big, raw, signal.SIGKILL, workers=1)
    assert proc.returncode == -signal.SIGKILL
    assert list(raw.glob(TEMP_GLOB)), "the kill should have left a partial temp file behind"

    assert file_bytes(raw) == before
    for table in RAW_TABLES:
        pq.read_table(raw / f"{table}.parquet")  # readable
    con = duckdb.connect()
    assert con.execute(f"select count(*) from read_parquet('{raw}/raw_documents.parquet')").fetchone()[0] == 2

    # the next load cleans up after the killed one
    summary = run_load(big.parent / "docs", raw)
    assert summary.loaded == 2
    assert not list(raw.glob(TEMP_GLOB))


def test_sigterm_stops_cleanly(make_folder, tmp_path):
    """A scheduler's SIGTERM unwinds the load: previous files intact, its temp files removed."""
    raw = tmp_path / "raw"
    run_load(make_folder({"a.txt": plan_text("浙江省")}), raw)
    before = file_bytes(raw)
    proc = start_and_stop_mid_write(big_folder(tmp_path, 2000), raw, signal.SIGTERM, workers=2)
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr.read()
    assert file_bytes(raw) == before
    assert not list(raw.glob(TEMP_GLOB))

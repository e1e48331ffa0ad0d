"""A refresh killed at every stage boundary in turn (ENVWH_FAULT, no timing): the published warehouse is
always the old or the new complete one, and the next refresh gives exactly what a clean one gives.

dbt is replaced by a fast stand-in (ENVWH_DBT) whose marts are the raw rows, so each run takes about a
second and the test shows what was loaded; the real dbt build is covered in test_publish.py.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import ENVWH, plan_text

from loaders import faults

FAKE_DBT = '''
import os, duckdb
raw = os.environ["ENVWH_RAW_DIR"]
con = duckdb.connect(os.environ["ENVWH_DUCKDB_PATH"])
con.execute("create schema marts")
for t in ("documents", "measures"):
    con.execute(f"create table marts.{t} as select * from read_parquet(?)", [f"{raw}/raw_{t}*.parquet"])  # as dbt's sources: every part
con.close()
print("Done. PASS=1 WARN=0 ERROR=0 SKIP=0 NO-OP=0 TOTAL=1")
'''
BOUNDARIES = [p for p in faults.POINTS if p != "write"]
V1 = {"a.txt": plan_text("浙江省"), "b.txt": plan_text("安徽省", 2024), "c.txt": plan_text("江西省", 2025)}
V2 = {"a.txt": plan_text("浙江省"), "b.txt": plan_text("安徽省", 2024, pm25=31), "d.txt": plan_text("福建省", 2023)}
V3 = {**V1, "e.txt": plan_text("江苏省", 2023)}  # a document added: the load writes it as a delta part beside the base


def write_folder(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("faults")
    dbt = base / "fake-dbt"
    dbt.write_text(f"#!{sys.executable}\n{FAKE_DBT}")
    dbt.chmod(0o755)
    w = {"env": {**os.environ, "ENVWH_DBT": str(dbt)}, "v1": write_folder(base / "v1", V1),
         "v2": write_folder(base / "v2", V2), "v3": write_folder(base / "v3", V3), "data_v1": base / "data_v1"}
    assert refresh(w, w["v1"], w["data_v1"]).returncode == 0
    w["expected_v1"] = content(w["data_v1"])
    fresh = base / "fresh_v2"
    assert refresh(w, w["v2"], fresh).returncode == 0
    w["expected_v2"] = content(fresh)
    assert w["expected_v1"] != w["expected_v2"]
    assert refresh(w, w["v3"], base / "fresh_v3").returncode == 0
    w["expected_v3"] = content(base / "fresh_v3")
    return w


def refresh(world: dict, folder: Path, data: Path, fault: str | None = None) -> subprocess.CompletedProcess:
    env = {**world["env"], **({"ENVWH_FAULT": fault} if fault else {})}
    return subprocess.run([str(ENVWH), "refresh", str(folder), "--data-dir", str(data), "--workers", "1", "--quiet"],
                          env=env, capture_output=True, text=True, timeout=300)


def content(data: Path) -> list[tuple]:
    """What a reader sees: each published document with its number of measures."""
    con = duckdb.connect(str(data / "warehouse.duckdb"), read_only=True)
    try:
        return con.execute("select d.source_file, d.document_id, count(m.measure_id) from marts.documents d "
                           "left join marts.measures m using (document_id) group by all order by 1").fetchall()
    finally:
        con.close()


def leftovers(data: Path) -> list[Path]:
    return [*data.glob(".building-*"), *data.glob("raw/.raw_*.tmp"), *data.glob("*.wal")]


@pytest.mark.parametrize("point", BOUNDARIES)
def test_refresh_killed_at_a_stage_boundary(world, tmp_path, point):
    data = tmp_path / "data"
    shutil.copytree(world["data_v1"], data)
    killed = refresh(world, world["v2"], data, f"kill@{point}")
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert content(data) in (world["expected_v1"], world["expected_v2"])  # old or new, complete
    status = subprocess.run([str(ENVWH), "status", "--data-dir", str(data)], capture_output=True, text=True)
    assert status.returncode == 0, status.stdout + status.stderr

    again = refresh(world, world["v2"], data)
    assert again.returncode == 0, again.stdout + again.stderr
    assert content(data) == world["expected_v2"]
    assert not leftovers(data)


@pytest.mark.parametrize("point", [p for p in BOUNDARIES if p.startswith("load:")])
def test_refresh_writing_a_delta_part_killed_at_a_load_boundary(world, tmp_path, point):
    data = tmp_path / "data"
    shutil.copytree(world["data_v1"], data)
    killed = refresh(world, world["v3"], data, f"kill@{point}")
    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert content(data) == world["expected_v1"]  # killed in the load: nothing new published
    build = subprocess.run([str(ENVWH), "build", "--data-dir", str(data), "--quiet"], env=world["env"],
                           capture_output=True, text=True, timeout=300)
    # a delta renamed before raw_load_errors published it is a torn set: refused; once published, it is the new set
    torn = point in ("load:renamed:raw_documents", "load:renamed:raw_items", "load:renamed:raw_measures")
    assert build.returncode == (8 if torn else 0), build.stdout + build.stderr
    published = point == "load:renamed:raw_load_errors"
    assert content(data) == world["expected_v3" if published else "expected_v1"]
    again = refresh(world, world["v3"], data)
    assert again.returncode == 0, again.stdout + again.stderr
    assert content(data) == world["expected_v3"]
    assert sorted(p.name for p in (data / "raw").glob("raw_measures*.parquet")) == [
        "raw_measures.1.parquet", "raw_measures.parquet"]
    assert not leftovers(data)


@pytest.mark.parametrize("point", ["write", "build:built", "build:checked"])
def test_disk_full_at_a_stage_is_exit_7_with_the_warehouse_intact(world, tmp_path, point):
    data = tmp_path / "data"
    shutil.copytree(world["data_v1"], data)
    before = (data / "warehouse.duckdb").read_bytes()
    full = refresh(world, world["v2"], data, f"enospc@{point}")
    assert full.returncode == 7, full.stdout + full.stderr
    assert "disk full" in full.stderr and "Traceback" not in full.stderr
    assert (data / "warehouse.duckdb").read_bytes() == before
    assert not leftovers(data)
    status = subprocess.run([str(ENVWH), "status", "--data-dir", str(data)], capture_output=True, text=True)
    assert "FAILED (exit 7): disk full" in status.stdout

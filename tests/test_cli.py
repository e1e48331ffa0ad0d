"""The `envwh` command line: help, summary line, exit codes, locking, status."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import plan_text, rows

from loaders import cli, publish
from loaders.publish import BuildOutcome, warehouse_lock

COMMANDS = ["load", "build", "refresh", "status", *(["evaluate"] if "evaluate" in cli.main.commands else [])]


def invoke(*args: str):
    return CliRunner().invoke(cli.main, list(args))


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_every_command_has_help(command):
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Usage: main" in result.output or "Usage: envwh" in result.output
    for c in (COMMANDS if not command else []):
        assert c in result.output


def test_load_prints_one_summary_line_and_exit_1_when_a_file_failed(make_folder, tmp_path):
    folder = make_folder({"a.txt": plan_text(), "b.txt": plan_text("安徽省", 2024), "empty.txt": ""})
    result = invoke("load", str(folder), "--data-dir", str(tmp_path / "data"), "--workers", "1")
    assert result.exit_code == cli.EXIT_FILES_FAILED
    summary = [line for line in result.stdout.splitlines() if line.startswith("load:")]
    assert len(summary) == 1
    assert "2 documents loaded" in summary[0] and "1 failed" in summary[0] and " measures" in summary[0]
    assert "empty.txt" in result.stderr and "empty_file" in result.stderr
    assert len(rows(tmp_path / "data" / "raw", "raw_documents")) == 2


def test_load_exit_0_and_quiet_hides_warnings(make_folder, tmp_path):
    folder = make_folder({"a.txt": plan_text(), "a_copy.txt": plan_text()})
    loud = invoke("load", str(folder), "--raw-dir", str(tmp_path / "raw"), "--workers", "1")
    quiet = invoke("load", str(folder), "--raw-dir", str(tmp_path / "raw"), "--workers", "1", "--quiet")
    assert loud.exit_code == quiet.exit_code == cli.EXIT_OK
    assert "duplicate_content" in loud.stderr and "duplicate_content" not in quiet.stderr
    assert "1 duplicates skipped" in quiet.stdout


def test_empty_input_folder_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    result = invoke("load", str(tmp_path / "empty"), "--raw-dir", str(tmp_path / "raw"))
    assert result.exit_code == cli.EXIT_USAGE
    assert "no documents" in result.stderr
    assert not (tmp_path / "raw").exists()


def test_missing_folder_is_a_usage_error(tmp_path):
    assert invoke("load", str(tmp_path / "nope")).exit_code == cli.EXIT_USAGE


def test_locked_warehouse_exit_4(make_folder, tmp_path):
    folder = make_folder({"a.txt": plan_text()})
    data = tmp_path / "data"
    data.mkdir()
    with warehouse_lock((data / "warehouse.duckdb").resolve()):
        result = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert result.exit_code == cli.EXIT_LOCKED
    assert "already running" in result.stderr
    assert not (data / "raw").exists()  # nothing was loaded


def fake_dbt(ok: bool):
    def build(db_path: Path, raw_dir: Path, progress: bool = False) -> BuildOutcome:
        import duckdb

        con = duckdb.connect(str(db_path))
        con.execute("create schema marts; create table marts.fct_targets as select 42 as value")
        con.close()
        return BuildOutcome(ok, "Done. PASS=1", [] if ok else ["Failure in test accepted_values_x (models/x.yml)"])

    return build


def test_refresh_build_failure_exit_3_and_published_untouched(make_folder, tmp_path, monkeypatch):
    folder = make_folder({"a.txt": plan_text()})
    data = tmp_path / "data"
    monkeypatch.setattr(publish, "dbt_build", fake_dbt(True))
    ok = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert ok.exit_code == cli.EXIT_OK, ok.output
    assert "build: published" in ok.stdout
    before = (data / "warehouse.duckdb").read_bytes()

    monkeypatch.setattr(publish, "dbt_build", fake_dbt(False))
    failed = invoke("refresh", str(folder), "--data-dir", str(data), "--workers", "1")
    assert failed.exit_code == cli.EXIT_BUILD_FAILED
    assert "left untouched" in failed.stderr and "accepted_values_x" in failed.stderr
    assert (data / "warehouse.duckdb").read_bytes() == before
    status = invoke("status", "--data-dir", str(data))
    assert status.exit_code == 0 and "last build FAILED" in status.stdout and "accepted_values_x" in status.stdout


def test_status_reports_what_is_published(make_folder, tmp_path, monkeypatch):
    data = tmp_path / "data"
    nothing = invoke("status", "--data-dir", str(data))
    assert nothing.exit_code == 1 and "nothing" in nothing.stdout
    monkeypatch.setattr(publish, "dbt_build", fake_dbt(True))
    invoke("refresh", str(make_folder({"a.txt": plan_text()})), "--data-dir", str(data), "--workers", "1")
    result = invoke("status", "--data-dir", str(data))
    assert result.exit_code == 0
    assert "marts.fct_targets" in result.stdout and "1 rows" in result.stdout
    assert "raw_documents 1" in result.stdout


def test_build_without_raw_tables_is_a_usage_error(tmp_path):
    result = invoke("build", "--data-dir", str(tmp_path))
    assert result.exit_code == cli.EXIT_USAGE and "envwh load" in result.stderr

"""The benchmark's table: a run of one size adds or replaces its row and keeps the others (--merge)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not installed

from benchmarks.report import growth, markdown  # noqa: E402
from benchmarks.run import merge_sizes  # noqa: E402
from benchmarks.stages import SizeResult  # noqa: E402


def size(n: int, load_cpu: float, measured: str) -> SizeResult:
    stats = {"wall_s": load_cpu, "cpu_s": load_cpu, "peak_tree_rss": 1, "others_cores": 0.0, "returncode": 0}
    return SizeResult(n, chars=10 * n, load=stats, load_completed=True, docs_loaded=n, dbt=dict(stats),
                      load_avg_start=(1.0, 1.0, 1.0), measured=measured)


def test_a_size_replaces_its_row_and_keeps_the_others_in_order():
    kept = [size(10, 1.0, "old"), size(10000, 300.0, "old"), size(1000, 30.0, "old")]
    table = merge_sizes(kept, [size(100000, 4000.0, "new"), size(1000, 25.0, "new")])
    assert [(r.n, r.measured) for r in table] == [(10, "old"), (1000, "new"), (10000, "old"), (100000, "new")]


def test_the_merged_table_has_the_new_growth_step_and_says_when_each_row_ran():
    table = merge_sizes([size(10000, 300.0, "2026-11-23 15:44 UTC, 1111111")],
                        [size(100000, 4500.0, "2026-11-29 20:07 UTC, aa04a15")])
    step = growth(table)[-1]
    assert (step["from"], step["to"]) == (10000, 100000)
    assert abs(step["load_cpu"] - 1.5) < 1e-9  # 45 ms per document after 30 ms
    args = argparse.Namespace(command_line="python -m benchmarks.run --sizes 100000 --merge", baseline_max_docs=1000,
                              repeats=7)
    mach = dict.fromkeys(("cpu", "cores", "ram_gib", "os", "python", "duckdb", "dbt-core", "dbt-duckdb", "jieba",
                          "pyarrow"), "x")
    md = markdown(table, mach, args, None, None, [], "2026-11-29 20:07 UTC", "")
    assert "| 10,000 | 100,000 |" in md
    assert "2026-11-23 15:44 UTC, 1111111" in md and "2026-11-29 20:07 UTC, aa04a15" in md
    assert "column *measured*" in md


def test_the_build_takes_profiles_memory_limit_unless_one_is_given(monkeypatch, tmp_path):
    from benchmarks.stages import dbt_env

    monkeypatch.setenv("ENVWH_DUCKDB_MEMORY", "3GB")  # a shell's setting does not leak into the measured build
    assert "ENVWH_DUCKDB_MEMORY" not in dbt_env(tmp_path / "raw", tmp_path / "w.duckdb")
    assert dbt_env(tmp_path / "raw", tmp_path / "w.duckdb", "8GB")["ENVWH_DUCKDB_MEMORY"] == "8GB"

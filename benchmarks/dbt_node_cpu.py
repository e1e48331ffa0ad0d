"""CPU seconds per dbt node of one build (issue 12): where a build's CPU goes, SQL or dbt's own Python.

run_results.json gives each node's wall time, which on a shared machine is mostly the other work on the cores.
This runs `dbt build` in-process with one dbt thread and adds the process's CPU time (every thread's, DuckDB's
included) around each SQL statement to the node its query comment names; what is left is dbt's Python
(parsing, compiling, per-node bookkeeping). It builds into a copy of DB, which it leaves beside it.

    .venv/bin/python -m benchmarks.dbt_node_cpu --db PUBLISHED/warehouse.duckdb --raw-dir RAW --incremental \
        --work /tmp/SLOT      # the same --work again: dbt's parse is warm, as in a daily job
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import time
from collections import Counter
from pathlib import Path

from loaders import publish

NODE_ID = re.compile(r'"node_id": "([^"]+)"')


def process_cpu() -> float:
    times = os.times()
    return times.user + times.system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="warehouse to start from (copied)")
    parser.add_argument("--raw-dir", type=Path, required=True)
    parser.add_argument("--work", type=Path, required=True, help="folder of the copy and of dbt's target")
    parser.add_argument("--incremental", action="store_true", help="as envwh build does from a published file")
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    build_db = args.work / "build.duckdb"
    shutil.copyfile(args.db, build_db)
    os.environ.update(ENVWH_RAW_DIR=str(args.raw_dir.resolve()), ENVWH_DUCKDB_PATH=str(build_db.resolve()),
                      ENVWH_BUILD_MODE="incremental" if args.incremental else "full",
                      DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    os.chdir(publish.PROJECT_ROOT)

    from dbt.adapters.duckdb.environments import local  # noqa: PLC0415 (dbt's import is slow: only when run)
    from dbt.cli.main import dbtRunner  # noqa: PLC0415

    per_node: Counter = Counter()
    execute = local.DuckDBCursorWrapper.execute

    def timed_execute(self, sql, bindings=None):
        node = (m.group(1) if (m := NODE_ID.search(sql)) else "(no node: begin, commit)")
        start = process_cpu()
        try:
            return execute(self, sql, bindings)
        finally:
            per_node[node] += process_cpu() - start

    local.DuckDBCursorWrapper.execute = timed_execute
    project = str(publish.PROJECT_ROOT)
    cmd = ["build", "--project-dir", project, "--profiles-dir", project, "--target-path", str(args.work / "target"),
           "--threads", "1", "--quiet"]
    if args.incremental:
        cmd += publish.INCREMENTAL_SELECTION
    cpu0, wall0 = process_cpu(), time.time()
    result = dbtRunner().invoke(cmd)
    total, sql = process_cpu() - cpu0, sum(per_node.values())
    by_kind = Counter()
    for node, seconds in per_node.items():
        by_kind[node.split(".")[0]] += seconds
    print(json.dumps({"ok": result.success, "wall_s": round(time.time() - wall0, 1), "cpu_s": round(total, 1),
                      "sql_cpu_s": round(sql, 1), "dbt_python_cpu_s": round(total - sql, 1),
                      "sql_cpu_s_by_kind": {k: round(v, 2) for k, v in by_kind.most_common()}}))
    for node, seconds in per_node.most_common(args.top):
        print(f"{seconds:7.2f}  {node}")


if __name__ == "__main__":
    main()

"""The Spark engine against the DuckDB default: same marts, and what each costs (README "Scaling out").

    .venv/bin/python -m benchmarks.spark                  # the sample corpus (data/documents)
    .venv/bin/python -m benchmarks.spark --synthetic 1000 # 1 000 synthetic documents (benchmarks/out/)

For one corpus: load it with local worker processes and with the Spark job, build the DuckDB target from
the first and the `spark` target from the second (`dbt build`, every test), compare every mart row for
row, and print the times. Work files go to benchmarks/out/spark/. tests/test_spark_parity.py uses the
same helpers on the sample corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "out" / "spark"
FLOAT_DIGITS = 9  # floating values agree within 9 significant digits (sums may round differently)


def local_spark_session(work_dir: Path, master: str = "local[2]"):
    """A local Spark session for a whole run: in-memory catalog, warehouse under work_dir. dbt's
    `session` method (profiles.yml, target spark) picks up this running session."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers import envwh from this environment
    return (SparkSession.builder.master(master).appName("envwh")
            .config("spark.sql.catalogImplementation", "in-memory")
            .config("spark.sql.warehouse.dir", str(work_dir / "spark-warehouse"))
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.driver.memory", "3g")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.log.level", "ERROR")
            .getOrCreate())


def spark_dbt_build(raw_dir: Path, work_dir: Path, extra: list[str] | None = None):
    """`dbt build --target spark` in this process (so on the running Spark session), reading raw_dir.
    Returns dbt's result; target/ and logs/ go under work_dir."""
    from dbt.cli.main import dbtRunner

    saved = {k: os.environ.get(k) for k in ("ENVWH_RAW_DIR", "DBT_SEND_ANONYMOUS_USAGE_STATS")}
    os.environ.update(ENVWH_RAW_DIR=str(raw_dir.resolve()), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    try:
        return dbtRunner().invoke([
            "build", "--target", "spark", "--project-dir", str(REPO), "--profiles-dir", str(REPO),
            "--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs"), "--quiet",
            *(extra or []),
        ])
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def failures(result) -> list[str]:
    return [f"{r.node.unique_id}: {r.status} {r.message}" for r in (result.result or [])
            if str(r.status) not in {"success", "pass"}]


def normalised(value):
    """A cell in a form both engines' drivers agree on."""
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.{FLOAT_DIGITS}g}")
    if isinstance(value, dt.datetime):  # DuckDB gives aware datetimes, Spark naive ones in local time
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, list | tuple):
        return tuple(normalised(v) for v in value)
    return value


def compare_marts(duck_path: Path, spark, limit: int = 5) -> tuple[int, list[str]]:
    """Every table of the DuckDB schema `marts` against the Spark database `marts`, as multisets of rows
    (ordering aside). Returns (rows compared, problems)."""
    import duckdb

    con = duckdb.connect(str(duck_path), read_only=True)
    try:
        marts = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
        on_spark = {t.name for t in spark.catalog.listTables("marts")}
        problems = [f"{m}: not built on Spark" for m in marts if m not in on_spark]
        compared = 0
        for mart in (m for m in marts if m in on_spark):
            columns = [r[0] for r in con.execute(
                "select column_name from information_schema.columns where table_schema = 'marts' "
                "and table_name = ? order by ordinal_position", [mart]).fetchall()]
            spark_columns = spark.table(f"marts.{mart}").columns
            if sorted(columns) != sorted(spark_columns):
                problems.append(f"{mart}: columns differ: {sorted(set(columns) ^ set(spark_columns))}")
                continue
            duck = Counter(tuple(map(normalised, r)) for r in con.execute(
                "select " + ", ".join(f'"{c}"' for c in columns) + f" from marts.{mart}").fetchall())
            sparks = Counter(tuple(map(normalised, r)) for r in spark.sql(
                "select " + ", ".join(f"`{c}`" for c in columns) + f" from marts.{mart}").collect())
            only_duck, only_spark = duck - sparks, sparks - duck
            if only_duck or only_spark:
                problems.append(
                    f"{mart} ({duck.total()} rows on DuckDB, {sparks.total()} on Spark):\n  "
                    + "\n  ".join([f"only in DuckDB: {r}" for r in list(only_duck.elements())[:limit]]
                                  + [f"only in Spark: {r}" for r in list(only_spark.elements())[:limit]]))
            compared += duck.total()
        return compared, problems
    finally:
        con.close()


def run(docs: Path, work: Path) -> dict:
    from loaders import publish
    from loaders.pipeline import LoadOptions, load_folder
    from loaders.spark_load import spark_results

    work.mkdir(parents=True, exist_ok=True)
    times: dict[str, float] = {}

    def timed(name, f):
        start = time.perf_counter()
        value = f()
        times[name] = round(time.perf_counter() - start, 1)
        return value

    n_docs = timed("load_local", lambda: load_folder(
        docs, work / "raw_local", LoadOptions(workers=os.cpu_count() or 1, incremental=False))).loaded
    spark = timed("spark_session", lambda: local_spark_session(work))
    timed("load_spark", lambda: load_folder(
        docs, work / "raw_spark", LoadOptions(incremental=False), parse=spark_results(docs, spark)))
    duck = timed("build_duckdb", lambda: publish.dbt_build(work / "warehouse.duckdb", work / "raw_local"))
    if not duck.ok:
        raise SystemExit("dbt build (DuckDB) failed:\n" + "\n".join(duck.error_lines))
    result = timed("build_spark", lambda: spark_dbt_build(work / "raw_spark", work))
    if not result.success:
        raise SystemExit("dbt build --target spark failed:\n" + "\n".join(failures(result)))
    compared, problems = compare_marts(work / "warehouse.duckdb", spark)
    return {"documents": n_docs, **times, "rows_compared": compared, "problems": problems}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.spark", description=__doc__.split("\n\n")[0])
    p.add_argument("--synthetic", type=int, default=0, help="N synthetic documents instead of the sample corpus")
    p.add_argument("--seed", type=int, default=2024)
    args = p.parse_args(argv)
    if args.synthetic:
        from benchmarks.synthetic import write_corpus

        work = OUT / str(args.synthetic)
        docs = work / "docs"
        write_corpus(docs, args.synthetic, seed=args.seed)
    else:
        work, docs = OUT / "sample", REPO / "data" / "documents"
    figures = run(docs, work)
    print(" | ".join(f"{k}: {v}" for k, v in figures.items() if k != "problems"))
    for problem in figures["problems"]:
        print(problem)
    return 1 if figures["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())

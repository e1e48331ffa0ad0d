"""The same warehouse on DuckDB and on Spark (README "Scaling out").

The sample corpus is loaded twice, by local worker processes and by the Spark job
(`envwh load --engine spark`), then built twice, with `dbt build` on the default DuckDB target and on
the `spark` target (every seed, model, data and unit test), and every mart is compared row for row.
Rows are compared as multisets (ordering aside); floating values agree within FLOAT_DIGITS significant
digits. Only such a comparison finds the silent differences between engines (a regex flag read as a
position, NULLs sorting first, an empty seed cell read as 'None'); the data tests pass either way.
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections import Counter
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from conftest import RAW_TABLES, ROOT

from loaders import publish
from loaders.pipeline import LoadOptions, load_folder
from loaders.spark_load import spark_results

pytestmark = pytest.mark.spark

SAMPLE = ROOT / "data" / "documents"
FLOAT_DIGITS = 9  # relative tolerance about 1e-9: sums and divisions may round differently per engine


def normalised(value):
    """A cell in a form both engines' drivers agree on."""
    if isinstance(value, float):
        return None if math.isnan(value) else float(f"{value:.{FLOAT_DIGITS}g}")
    if isinstance(value, dt.datetime):  # DuckDB gives aware datetimes, Spark naive ones in local time
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, list | tuple):
        return tuple(normalised(v) for v in value)
    return value


def differences(duck_rows: list[tuple], spark_rows: list[tuple], limit: int = 5) -> list[str]:
    duck, spark = Counter(duck_rows), Counter(spark_rows)
    only_duck, only_spark = duck - spark, spark - duck
    return ([f"only in DuckDB: {r}" for r in list(only_duck.elements())[:limit]]
            + [f"only in Spark: {r}" for r in list(only_spark.elements())[:limit]])


@pytest.fixture(scope="module")
def raw_dirs(spark, tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("parity")
    local, on_spark = base / "raw_local", base / "raw_spark"
    load_folder(SAMPLE, local, LoadOptions(workers=1))
    load_folder(SAMPLE, on_spark, LoadOptions(), parse=spark_results(SAMPLE, spark))
    return local, on_spark


def test_spark_job_writes_the_same_raw_tables(raw_dirs):
    local, on_spark = raw_dirs
    for table in RAW_TABLES:
        a, b = pq.read_table(local / f"{table}.parquet"), pq.read_table(on_spark / f"{table}.parquet")
        assert a.schema == b.schema, table
        assert a.num_rows == b.num_rows and a.equals(b), f"{table} differs between the local and the Spark load"
    assert pq.read_table(local / "raw_measures.parquet").num_rows > 100  # the sample has real content


@pytest.fixture(scope="module")
def warehouses(spark, raw_dirs, tmp_path_factory):
    """The DuckDB warehouse (built from the local load) and the Spark one (from the Spark load)."""
    from dbt.cli.main import dbtRunner

    local, on_spark = raw_dirs
    base = tmp_path_factory.mktemp("warehouses")
    duck_path = base / "warehouse.duckdb"
    outcome = publish.dbt_build(duck_path, local)
    assert outcome.ok, "\n".join(outcome.error_lines)

    saved = {k: os.environ.get(k) for k in ("ENVWH_RAW_DIR", "DBT_SEND_ANONYMOUS_USAGE_STATS")}
    os.environ.update(ENVWH_RAW_DIR=str(on_spark.resolve()), DBT_SEND_ANONYMOUS_USAGE_STATS="false")
    try:
        result = dbtRunner().invoke([
            "build", "--target", "spark", "--project-dir", str(ROOT), "--profiles-dir", str(ROOT),
            "--target-path", str(base / "target"), "--log-path", str(base / "logs"), "--quiet",
        ])
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    failed = [f"{r.node.unique_id}: {r.status} {r.message}" for r in (result.result or [])
              if str(r.status) not in {"success", "pass"}]
    assert result.success, f"dbt build --target spark failed: {failed or result.exception}"
    return duck_path, spark


def test_every_mart_is_the_same_on_duckdb_and_spark(warehouses):
    duck_path, spark = warehouses
    con = duckdb.connect(str(duck_path), read_only=True)
    marts = [r[0] for r in con.execute(
        "select table_name from information_schema.tables where table_schema = 'marts' order by 1").fetchall()]
    assert len(marts) >= 10
    spark_marts = {t.name for t in spark.catalog.listTables("marts")}
    assert set(marts) <= spark_marts, f"missing on Spark: {set(marts) - spark_marts}"
    problems, compared = [], 0
    for mart in marts:
        columns = [r[0] for r in con.execute(
            "select column_name from information_schema.columns where table_schema = 'marts' "
            "and table_name = ? order by ordinal_position", [mart]).fetchall()]
        spark_columns = spark.table(f"marts.{mart}").columns
        if sorted(columns) != sorted(spark_columns):
            problems.append(f"{mart}: columns differ: {sorted(set(columns) ^ set(spark_columns))}")
            continue
        select = ", ".join(f"`{c}`" for c in columns)
        duck_rows = [tuple(map(normalised, r)) for r in con.execute(
            "select " + select.replace("`", '"') + f" from marts.{mart}").fetchall()]
        spark_rows = [tuple(map(normalised, r)) for r in spark.sql(f"select {select} from marts.{mart}").collect()]
        if diff := differences(duck_rows, spark_rows):
            problems.append(f"{mart} ({len(duck_rows)} rows on DuckDB, {len(spark_rows)} on Spark):\n  "
                            + "\n  ".join(diff))
        compared += len(duck_rows)
    con.close()
    assert not problems, "marts differ between DuckDB and Spark:\n" + "\n".join(problems)
    assert compared > 500  # a comparison of empty marts proves nothing

"""The same warehouse on DuckDB and on Spark (README "Scaling out").

The sample corpus is loaded twice, by local worker processes and by the Spark job
(`envwh load --engine spark`), then built twice, with `dbt build` on the default DuckDB target and on
the `spark` target (every seed, model, data and unit test), and every mart is compared row for row
(benchmarks/spark.py: rows as multisets, ordering aside; floating values within 9 significant digits).
Only such a comparison finds the silent differences between engines (a regex flag read as a position,
NULLs sorting first, an empty seed cell read as 'None'): the data tests pass either way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import RAW_TABLES, ROOT

from loaders import publish
from loaders.pipeline import LoadOptions, load_folder
from loaders.spark_load import spark_results

# benchmarks/ is not part of the installed package; `pytest` does not put the repository root on sys.path.
sys.path.insert(0, str(ROOT))

from benchmarks.spark import compare_marts, failures, spark_dbt_build  # noqa: E402

pytestmark = pytest.mark.spark

SAMPLE = ROOT / "data" / "documents"


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


def test_every_mart_is_the_same_on_duckdb_and_spark(spark, raw_dirs, tmp_path_factory):
    local, on_spark = raw_dirs
    base = tmp_path_factory.mktemp("warehouses")
    duck_path = base / "warehouse.duckdb"
    outcome = publish.dbt_build(duck_path, local)
    assert outcome.ok, "\n".join(outcome.error_lines)
    result = spark_dbt_build(on_spark, base)
    assert result.success, f"dbt build --target spark failed: {failures(result) or result.exception}"

    compared, problems = compare_marts(duck_path, spark)
    assert not problems, "marts differ between DuckDB and Spark:\n" + "\n".join(problems)
    assert compared > 500  # a comparison of empty marts proves nothing

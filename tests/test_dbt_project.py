"""The dbt project on its own: YAML coverage of the public contract, and a build on a tiny raw set.

The build test writes a handful of raw rows (through the loaders' own Parquet writer, so the schema
is the contract's), runs `dbt build` into a private warehouse and checks what the marts make of
them: masked numbers kept without a value, unknown regions reported, ranks, attainment.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from loaders.writing import write_table

ROOT = Path(__file__).resolve().parents[1]
DBT = Path(sys.executable).with_name("dbt")

# The public interface of ../shared/DESIGN.md: these columns must exist (more are allowed).
CONTRACT = {
    "dim_region": "region_code region_name_zh region_name_en region_level province_code province_name_zh longitude latitude",
    "dim_indicator": "indicator_code domain_code name_zh name_en unit better",
    "dim_domain": "domain_code name_zh name_en",
    "dim_year": "year five_year_plan",
    "dim_document": "document_id source_file title issuer region_code doc_type year published_on script",
    "fct_targets": "measure_id document_id source_file region_code year domain_code indicator_code subject_zh "
    "comparator value unit value_text sentence char_start char_end item_path",
    "fct_outcomes": "measure_id document_id source_file region_code year domain_code indicator_code subject_zh "
    "comparator value unit value_text sentence char_start char_end item_path",
    "fct_tasks": "task_id document_id region_code year domain_code item_path heading text n_measures",
    "mart_region_comparison": "indicator_code year region_code kind region_name_zh region_level province_name_zh "
    "comparator value unit rank",
    "mart_target_attainment": "region_code year indicator_code target_comparator target_value outcome_value unit "
    "attained gap target_measure_id outcome_measure_id",
    "mart_domain_focus": "document_id domain_code region_code year n_tasks share_of_tasks n_targets n_outcomes",
}


def _model_yaml() -> dict[str, dict]:
    models = {}
    for path in (ROOT / "models").rglob("_*.yml"):
        for model in yaml.safe_load(path.read_text("utf-8")).get("models", []):
            models[model["name"]] = model
    return models


def test_every_model_and_column_is_documented():
    models = _model_yaml()
    sql_models = {p.stem for p in (ROOT / "models").rglob("*.sql")}
    assert sql_models - set(models) == set(), "models without YAML"
    for name, model in models.items():
        assert model.get("description"), f"{name} has no description"
        for column in model.get("columns", []):
            assert column.get("description"), f"{name}.{column['name']} has no description"


def test_marts_carry_the_design_contract():
    models = _model_yaml()
    for name, columns in CONTRACT.items():
        model = models[name]
        assert model["config"]["contract"]["enforced"] is True, f"{name} must enforce its contract"
        declared = [c["name"] for c in model["columns"]]
        missing = [c for c in columns.split() if c not in declared]
        assert missing == [], f"{name} lacks {missing}"
        assert all(c.get("data_type") for c in model["columns"]), f"{name}: a column has no data_type"


PREFIXES = {"staging": ("stg_",), "intermediate": ("int_",), "marts": ("dim_", "fct_", "mart_")}


def test_one_yaml_per_folder_beside_its_models_and_names_by_layer():
    """The layout of the README: each folder of models holds one `_<folder>__models.yml` describing exactly
    its own models, and a model's prefix says its layer (staging stg_, intermediate int_, marts dim_/fct_/mart_)."""
    for folder in {p.parent for p in (ROOT / "models").rglob("*.sql")}:
        sql = {p.stem for p in folder.glob("*.sql")}
        yamls = list(folder.glob("_*__models.yml"))
        assert [y.name for y in yamls] == [f"_{folder.name}__models.yml"], folder
        described = {m["name"] for m in yaml.safe_load(yamls[0].read_text("utf-8")).get("models", [])}
        assert described == sql, (folder, described ^ sql)
        layer = folder.relative_to(ROOT / "models").parts[0]
        assert all(name.startswith(PREFIXES[layer]) for name in sql), (folder, sql)


def test_every_raw_source_declares_its_freshness():
    for path in (ROOT / "models").rglob("_*__sources.yml"):
        for source in yaml.safe_load(path.read_text("utf-8"))["sources"]:
            default = source.get("config", {}).get("freshness")
            for table in source["tables"]:
                config = table.get("config", {})
                freshness = config.get("freshness", default)
                if "freshness" in config and freshness is None:
                    continue  # explicitly without (a table whose newest row says nothing of the load)
                assert freshness and freshness.get("warn_after") and freshness.get("error_after"), table["name"]
                assert config.get("loaded_at_field") or source.get("config", {}).get("loaded_at_field"), table["name"]


# --- a build on a tiny raw set -------------------------------------------------------------------

PROVINCE, CITY, OTHER_PROVINCE = "320000", "320400", "330000"  # any codes of the region seed


def _document(document_id: str, region_code: str | None, doc_type: str, region_name: str | None = None) -> dict:
    return {
        "document_id": document_id, "source_file": f"{document_id}.txt", "script": "simplified",
        "source_format": "txt", "doc_type": doc_type, "year": 2023, "region_code": region_code,
        "region_name": region_name, "title": document_id, "text": "……",
    }


def _measure(document_id: str, start: int, kind: str, subject: str, comparator: str, value: float | None,
             unit: str, item_path: str = "一/1") -> dict:
    return {
        "measure_id": f"{document_id}:{start}", "document_id": document_id, "item_path": item_path,
        "kind": kind, "subject_zh": subject, "comparator": comparator, "value": value, "unit": unit,
        "value_text": "*" if value is None else str(value), "sentence": f"{subject}{value}",
        "char_start": start, "char_end": start + 2, "is_masked": value is None, "is_change": False,
    }


def _item(document_id: str, path: str, parent: str, level: int, domain: str | None) -> dict:
    return {
        "item_id": f"{document_id}:{path}", "document_id": document_id, "item_path": path,
        "parent_path": parent, "level": level, "marker": path, "heading": path, "text": path,
        "char_start": 0, "char_end": 1, "domain_code": domain,
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A folder holding raw/, warehouse.duckdb and target/ (with the compiled analyses)."""
    work = tmp_path_factory.mktemp("dbt")
    raw = work / "raw"
    plan, report, city, other, lost = "plan", "report", "cityplan", "otherplan", "lostplan"
    write_table([
        _document(plan, PROVINCE, "plan"), _document(report, PROVINCE, "report"),
        _document(city, CITY, "plan"), _document(other, OTHER_PROVINCE, "plan"),
        _document(lost, None, "plan", region_name="某某"),
    ], "raw_documents", raw)
    write_table([
        _item(plan, "一", "", 1, "air"), _item(plan, "一/1", "一", 3, "air"),
        _item(plan, "一/2", "一", 3, "air"), _item(plan, "二", "", 1, "water"),
    ], "raw_items", raw)
    write_table([
        _measure(plan, 10, "target", "PM2.5平均浓度", "le", 30, "ug_m3"),
        _measure(plan, 20, "target", "空气质量优良天数比率", "ge", None, "percent"),
        _measure(plan, 30, "target", "新建污水管网长度", "ge", 100, "km", item_path="二"),
        _measure(report, 10, "outcome", "PM2.5平均浓度", "eq", 31, "ug_m3"),
        _measure(report, 30, "outcome", "新建污水管网长度", "eq", 120, "km"),
        # One task of the report: its target and the outcome that restates it (入河排污口) link;
        # the other outcome of the task, about something else, does not.
        _measure(report, 50, "target", "2023年整治入河排污口", "ge", 100, "count", item_path="二"),
        _measure(report, 60, "outcome", "全省完成入河排污口整治", "eq", 120, "count", item_path="二"),
        _measure(report, 70, "outcome", "新建美丽河湖", "eq", 30, "count", item_path="二"),
        _measure(city, 10, "target", "PM2.5平均浓度", "le", 25, "ug_m3"),
        _measure(other, 10, "target", "PM2.5平均浓度", "lt", 28, "ug_m3"),
        _measure(lost, 10, "target", "PM2.5平均浓度", "le", 20, "ug_m3"),
    ], "raw_measures", raw)
    write_table([{"source_file": "empty.txt", "stage": "read", "severity": "error", "reason": "empty_file",
                  "message": "empty.txt is empty", "occurred_at": "2026-01-01T00:00:00+00:00"}],
                "raw_load_errors", raw)
    db_path = work / "warehouse.duckdb"
    env = {**os.environ, "ENVWH_RAW_DIR": str(raw), "ENVWH_DUCKDB_PATH": str(db_path)}
    # Private target and log folders: other dbt runs may share the project folder.
    private = ["--target-path", str(work / "target"), "--log-path", str(work / "logs"), "--quiet"]
    # dbt unit tests read their own fixtures, not these rows: the session's sample build runs them.
    for command in (["build", "--exclude", "test_type:unit"], ["compile", "--select", "resource_type:analysis"]):
        result = subprocess.run([str(DBT), *command, *private], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    return work


@pytest.fixture(scope="module")
def warehouse(built: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(built / "warehouse.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def analyses(built: Path) -> dict[str, str]:
    return {p.stem: p.read_text("utf-8") for p in (built / "target" / "compiled").rglob("analyses/*.sql")}


def test_views_work_under_another_file_name(built: Path, tmp_path: Path, monkeypatch):
    # A BI tool may open a copy, or attach the file under its own alias: views must not name the
    # build's catalog, and staging views must read the raw Parquet by absolute path.
    copy = tmp_path / "copied_elsewhere.duckdb"
    shutil.copy(built / "warehouse.duckdb", copy)
    monkeypatch.chdir(tmp_path)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        views = con.execute("select schema_name, view_name from duckdb_views() where not internal").fetchall()
        assert {schema for schema, _ in views} >= {"staging", "intermediate"}
        for schema, view in views:
            con.execute(f'select * from "{schema}"."{view}" limit 1').fetchall()
    finally:
        con.close()


def test_every_analysis_runs(warehouse, analyses):
    assert set(analyses) == {p.stem for p in (ROOT / "analyses").glob("*.sql")}
    for sql in analyses.values():
        warehouse.execute(sql).fetchall()


def test_city_stricter_than_province_analysis(warehouse, analyses):
    sql = analyses["city_stricter_than_province"]
    rows = warehouse.execute(f"select city_value, province_value, city_is_stricter from ({sql})").fetchall()
    # The city's PM2.5 target (le 25) is below its province's (le 30): stricter.
    assert rows == [(25.0, 30.0, True)]


def test_masked_target_is_kept_without_a_value(warehouse):
    rows = warehouse.execute(
        "select value, is_masked from marts.fct_targets where measure_id = 'plan:20'"
    ).fetchall()
    assert rows == [(None, True)]


def test_unknown_region_is_reported_not_guessed(warehouse):
    assert warehouse.execute("select region_code from marts.dim_document where document_id = 'lostplan'").fetchall() == [(None,)]
    reported = warehouse.execute("select measure_id, reason from marts.mart_measures_without_region").fetchall()
    assert reported == [("lostplan:10", "region_not_in_seed")]
    assert warehouse.execute("select count(*) from marts.fct_load_errors where reason = 'empty_file'").fetchone() == (1,)


def test_ranks_lower_pm25_first_within_each_level(warehouse):
    rows = warehouse.execute(
        """select region_code, region_level, rank from marts.mart_region_comparison
           where indicator_code = 'pm25_concentration' and kind = 'target' order by region_level, rank"""
    ).fetchall()
    assert rows == [(CITY, "city", 1), (OTHER_PROVINCE, "province", 1), (PROVINCE, "province", 2)]


def test_attainment_links_indicator_subject_and_task(warehouse):
    rows = warehouse.execute(
        """select link_method, link_key, target_measure_id, outcome_measure_id, attained, gap
           from marts.mart_target_attainment where region_code = ? order by link_method""",
        [PROVINCE],
    ).fetchall()
    # PM2.5 le 30 -> 31 missed by 1 (lower is better); pipes ge 100 km -> 120 reached by 20;
    # outfalls ge 100 -> 120 within one task of the report.
    assert rows == [
        ("indicator", "indicator:pm25_concentration", "plan:10", "report:10", False, -1.0),
        ("subject_exact", "subject:新建污水管网长度|km", "plan:30", "report:30", True, 20.0),
        ("task_similar", "task:report:二", "report:50", "report:60", True, 20.0),
    ]


def test_domain_focus_counts_leaf_tasks(warehouse):
    rows = warehouse.execute(
        "select domain_code, n_tasks, share_of_tasks, n_targets from marts.mart_domain_focus "
        "where document_id = 'plan' order by domain_code"
    ).fetchall()
    # 一 has two sub-items, so its tasks are 一/1 and 一/2; 二 is a task of its own.
    assert rows == [("air", 2, pytest.approx(2 / 3), 2), ("water", 1, pytest.approx(1 / 3), 1)]


def _project_vars() -> dict:
    return yaml.safe_load((ROOT / "dbt_project.yml").read_text("utf-8"))["vars"]


def _loader_codes(file: str, column: str) -> set[str]:
    with (ROOT / "loaders" / "data" / file).open(encoding="utf-8") as fh:
        return {row[column] for row in csv.DictReader(fh)} - {"none"}  # "none": not a measure


def test_dbt_accepts_every_unit_and_comparator_the_loaders_emit():
    project = _project_vars()
    assert _loader_codes("units.csv", "unit") - set(project["units"]) == set()
    assert _loader_codes("comparators.csv", "comparator") - set(project["comparators"]) == set()

"""The gold bar of issue 3: the sample corpus against the hand-checked measures."""

from pathlib import Path

import pytest

from loaders.evaluate import Row, Synonym, assign_indicator, evaluate_rows, run_evaluation

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "measures.csv"
DOCUMENTS = ROOT / "data" / "documents"


@pytest.fixture(scope="module")
def result():
    return run_evaluation(DOCUMENTS, GOLD)


def test_recall_and_precision_meet_the_bar(result):
    overall = result["overall"]
    assert overall["recall"] >= 0.95, result["misses"]
    assert overall["precision"] >= 0.90, result["false_positives"]


def test_every_gold_row_with_an_indicator_is_found_right(result):
    assert result["gold_indicator_failures"] == []


def test_every_document_is_scored(result):
    assert set(result["per_document"]) == {p.name for p in DOCUMENTS.iterdir()}


SYNONYMS = [  # as load_synonyms stores them: lower-cased, longest first
    Synonym("pm25_concentration", "pm2.5浓度", (), "ug_m3"),
    Synonym("good_air_days_ratio", "优良天数比率", ("扣除",), "percent"),
    Synonym("surface_water_good_ratio", "优ⅲ比例", (), "percent"),
    Synonym("surface_water_excellent_ratio", "优ⅱ比例", (), "percent"),
    Synonym("moderate_pollution_days_reduction", "中度污染天数", (), "percent", is_change=True),
]


def test_indicator_needs_synonym_unit_and_no_veto():
    assert assign_indicator("全市PM2.5浓度", "ug_m3", SYNONYMS) == "pm25_concentration"
    assert assign_indicator("全市PM2.5浓度", "percent", SYNONYMS) is None
    assert assign_indicator("优良天数比率(扣除沙尘)", "percent", SYNONYMS) is None
    assert assign_indicator("国考断面优Ⅱ比例", "percent", SYNONYMS) == "surface_water_excellent_ratio"


def test_a_change_only_matches_a_change_indicator():
    assert assign_indicator("单位面积PM2.5浓度同比下降", "ug_m3", SYNONYMS, is_change=True) is None
    assert assign_indicator("中度污染天数同比减少", "percent", SYNONYMS, is_change=True) == "moderate_pollution_days_reduction"


def test_longest_synonym_wins():
    synonyms = sorted([Synonym("a", "比例", (), "percent"), Synonym("b", "优ⅲ比例", (), "percent")],
                      key=lambda s: -len(s.synonym))
    assert assign_indicator("断面优Ⅲ比例", "percent", synonyms) == "b"


def _row(value, position, kind="target", unit="count", **kw):
    return Row("d.txt", kind, unit, value, position=position, **kw)


def test_matching_is_one_to_one_by_kind_unit_value_and_nearest_quote():
    gold = [_row(1, 10, comparator="ge"), _row(1, 40, comparator="eq"), _row(5, 70, unit="percent")]
    extracted = [_row(1, 42, comparator="eq"), _row(1, 12, comparator="ge"), _row(1, 90),
                 _row(5, 70, kind="outcome", unit="percent"), _row(None, 80)]
    res = evaluate_rows(gold, extracted)
    assert res["overall"]["matched"] == 2
    assert res["overall"]["extracted"] == 4  # the masked mention is not scored
    assert res["accuracy_on_matched"]["comparator"] == 1.0
    assert [m["value"] for m in res["misses"]] == [5]
    assert len(res["false_positives"]) == 2


def test_value_tolerance_is_relative():
    gold = [_row(34640000000, 0, unit="yuan")]
    assert evaluate_rows(gold, [_row(34640000000.01, 0, unit="yuan")])["overall"]["matched"] == 1
    assert evaluate_rows(gold, [_row(34650000000, 0, unit="yuan")])["overall"]["matched"] == 0


def test_warehouse_rows_are_read_from_the_marts(tmp_path):
    import duckdb

    from loaders.evaluate import extract_from_warehouse

    db = tmp_path / "w.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create schema marts")
    con.execute("create table marts.dim_region (region_code varchar, region_name_zh varchar)")
    con.execute("insert into marts.dim_region values ('320000', '江苏省')")
    for table, value in (("fct_targets", 47.0), ("fct_outcomes", 51.0)):
        con.execute(f"""create table marts.{table} (source_file varchar, unit varchar, value double,
            comparator varchar, indicator_code varchar, year integer, region_code varchar, subject_zh varchar,
            sentence varchar, char_start integer)""")
        con.execute(f"insert into marts.{table} values ('a.txt', 'percent', {value}, 'eq', "
                    "'rural_sewage_treatment_rate', 2023, '320000', '农村生活污水治理率', 's', 3)")
    con.close()
    folder = tmp_path / "docs"
    folder.mkdir()
    rows, _ = extract_from_warehouse(db, folder)
    assert sorted((r.kind, r.value, r.region, r.position) for r in rows) == [
        ("outcome", 51.0, "江苏省", 3), ("target", 47.0, "江苏省", 3)]


def test_indicator_rows_with_a_wrong_attribute_or_missing_fail_the_bar():
    gold = [_row(26, 0, unit="ug_m3", comparator="lt", indicator="pm25_concentration", year=2023),
            _row(92, 50, unit="percent", comparator="gt", indicator="good_air_days_ratio", year=2023),
            _row(5, 90, comparator="eq")]
    extracted = [_row(26, 1, unit="ug_m3", comparator="le", indicator="pm25_concentration", year=2023),
                 _row(5, 90, comparator="ge")]
    failures = evaluate_rows(gold, extracted)["gold_indicator_failures"]
    assert sorted(f.get("field", "missed") for f in failures) == ["comparator", "missed"]


def test_a_rise_never_matches_a_reduction():
    """单位GDP二氧化碳排放同比上升3.74%: a change's direction must agree with the indicator's."""
    synonyms = [Synonym("co2_cut", "单位gdp二氧化碳排放", (), "percent", is_change=True, is_reduction=True)]
    assert assign_indicator("单位GDP二氧化碳排放同比上升", "percent", synonyms, True) is None
    assert assign_indicator("单位GDP二氧化碳排放同比下降", "percent", synonyms, True) == "co2_cut"


def test_a_list_of_renewable_sources_of_a_capacity_is_the_renewable_capacity():
    """新增光伏、风电并网装机233兆瓦: the listed sources together are the catalogue's renewable capacity; one source
    alone (风电发电项目装机, after 分别) is a part of it, not the indicator."""
    from loaders.evaluate import load_synonyms

    synonyms = load_synonyms()
    assert assign_indicator("新增光伏、风电并网装机", "kw", synonyms) == "renewable_power_capacity"
    assert assign_indicator("风电、光伏发电装机", "kw", synonyms) == "renewable_power_capacity"
    assert assign_indicator("风电发电项目装机", "kw", synonyms) is None
    assert assign_indicator("风电、光伏装机占比", "percent", synonyms) is None

"""Indicator matching has one rule in two languages: models/intermediate/int_measures_indicator_matched.sql
(the reference, in the warehouse) and evaluate.assign_indicator (the in-process evaluation). This test runs
the model's SQL in DuckDB over the seeds and proves both give the same indicator for every synonym of the
seeds, alone, inside a longer subject, next to each of its excluded terms, with a unit of its own and a
foreign one, as a change and not, and for every subject the loaders find in the sample documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb

from loaders import reference
from loaders.evaluate import GAP, assign_indicator, contains_in_order, load_synonyms

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "intermediate" / "int_measures_indicator_matched.sql"
KEY_MACRO = ROOT / "macros" / "indicator_key.sql"  # expanded here as dbt would
FAMILY_MACRO = ROOT / "macros" / "unit_family.sql"


def _sql_matches(con: duckdb.DuckDBPyConnection, subjects: list[tuple], words_only: bool = False) -> list[str | None]:
    con.execute("create or replace table measures (measure_id varchar, subject_zh varchar, unit varchar, is_change boolean, "
                "value double, document_id varchar, is_masked boolean)")
    con.executemany("insert into measures values (?, ?, ?, ?, ?, 'd', false)",
                    [(str(i), *s, None if words_only else 1.0) for i, s in enumerate(subjects)])
    tables = {"stg_raw__measures": "select * from measures",
              "indicators": f"select * from read_csv('{reference.seed('indicators.csv')}', header=true, all_varchar=true)",
              "indicator_synonyms": f"select * from read_csv('{reference.seed('indicator_synonyms.csv')}', header=true, all_varchar=true)"}
    sql = re.sub(r"\{\{\s*ref\('(\w+)'\)\s*\}\}", lambda m: f"({tables[m.group(1)]})", MODEL.read_text(encoding="utf-8"))
    # a full build, as dbt renders it: no incremental config, every measure in the refresh scope
    sql = re.sub(r"\{\{\s*config\(.*?\)\s*\}\}(?=\s*with\b)", "", sql, flags=re.S)
    sql = re.sub(r"\{\{\s*in_refresh_scope\([^)]*\)\s*\}\}", "true", sql)
    key = re.search(r"%}\s*(.*?)\s*\{%-? endmacro", KEY_MACRO.read_text(encoding="utf-8"), re.S).group(1)
    sql = re.sub(r"\{\{\s*indicator_key\((['\"])(.*?)\1\)\s*\}\}", lambda m: key.replace("{{ expression }}", m.group(2)), sql)
    family = re.search(r"%}\s*(.*?)\s*\{%-? endmacro", FAMILY_MACRO.read_text(encoding="utf-8"), re.S).group(1)
    sql = re.sub(r"\{\{\s*unit_family\((['\"])(.*?)\1\)\s*\}\}", lambda m: family.replace("{{ expression }}", m.group(2)), sql)
    # the cross-database list macros, as their DuckDB implementations (macros/cross_db/lists.sql) render them
    sql = re.sub(r"\{\{\s*unnest_list\(split_string\('(\w+)', '(.)'\)\)\s*\}\}", r"unnest(string_split(\1, '\2'))", sql)
    # and the regex macro (macros/cross_db/regex.sql) as DuckDB renders it
    sql = re.sub(r"\{\{\s*regexp_contains\('([\w.]+)',\s*'([^']*)'\)\s*\}\}", r"regexp_matches(\1, '\2')", sql)
    sql = sql.replace("coalesce(is_change, false)", "coalesce(is_change = 'true', false)")  # seeds as text here
    rows = dict(con.execute(f"select measure_id, indicator_code from ({sql})").fetchall())
    return [rows[str(i)] for i in range(len(subjects))]


def _cases() -> list[tuple[str, str, bool]]:
    synonyms = load_synonyms()
    units = sorted({s.unit for s in synonyms})
    cases = []
    for s in synonyms:
        filled = s.synonym.replace(GAP, "排放量")  # a gapped synonym with text in its gap
        for subject in (s.synonym, s.synonym.upper(), "全省" + s.synonym + "年均", filled, "全省" + filled + "年均",
                        s.synonym + "同比上升", s.synonym + "增长",
                        *(x + s.synonym for x in s.excluded_if)):
            for unit in (s.unit, units[(units.index(s.unit) + 1) % len(units)]):
                cases += [(subject, unit, False), (subject, unit, True)]
    sample = json.loads((ROOT / "tests" / "fixtures" / "sample.json").read_text(encoding="utf-8"))
    for doc in sample.values():
        for m in doc.get("measures", []):
            cases.append((m[3], m[6], m[10]))  # subject_zh, unit, is_change (snapshot.MEASURE_COLUMNS)
    return cases


def test_python_and_sql_assign_the_same_indicator():
    cases = _cases()
    synonyms = load_synonyms()
    python = [assign_indicator(subject, unit, synonyms, change) for subject, unit, change in cases]
    sql = _sql_matches(duckdb.connect(), cases)
    assert sum(p is not None for p in python) > len(synonyms)  # the cases do match indicators
    differ = [(c, p, s) for c, p, s in zip(cases, python, sql, strict=True) if p != s]
    assert not differ, differ[:10]


def test_the_three_words_for_a_share_match_one_synonym_in_both_languages():
    """比率 / 占比 / 比例 are one word to the matcher (macro indicator_key): a synonym written with one
    matches a subject written with another, in SQL as in Python."""
    cases = [("县级城市饮用水水源地水质优良比率", "percent", False), ("县级城市饮用水水源地水质优良占比", "percent", False)]
    python = [assign_indicator(s, u, load_synonyms(), c) for s, u, c in cases]
    assert python == ["drinking_water_source_compliance"] * 2
    assert _sql_matches(duckdb.connect(), cases) == python


def test_a_land_area_matches_its_indicator_in_mu_or_in_km2_and_a_rise_in_points_its_change():
    synonyms = load_synonyms()
    cases = [("新增治理水土流失", "mu", False), ("新增治理水土流失", "km2", False), ("新增治理水土流失", "m2", False),
             ("国考断面优良水体比例提高", "percentage_point", True)]
    expected = ["soil_erosion_control_area", "soil_erosion_control_area", None, "surface_water_improvement_ratio"]
    assert [assign_indicator(s, u, synonyms, c) for s, u, c in cases] == expected
    assert _sql_matches(duckdb.connect(), cases) == expected


def test_table_wordings_of_indicators_match():
    """Row labels of plan tables that name a catalogue indicator in other words."""
    synonyms = load_synonyms()
    cases = {("全区医疗废物无害化处理率", "percent"): "medical_waste_safe_disposal_rate",
             ("万元生产总值用水量降低率", "percent"): "water_intensity_reduction",
             ("小流域水质好于Ⅲ类比例", "percent"): "surface_water_good_ratio",
             ("小流域水质劣Ⅴ类比例", "percent"): "surface_water_worse_v_ratio",
             # a basin's monitored sections (小流域省控断面, 长江水系（国控断面）): the basin is the sub-area
             ("小流域省控断面优良(达到或优于Ⅲ类)比例", "percent"): "surface_water_good_ratio",
             ("长江水系(国控断面)水质优良率", "percent"): "surface_water_good_ratio",
             ("珠江水系水质优良比例", "percent"): "surface_water_good_ratio",
             ("长江水系劣Ⅴ类水质比例", "percent"): "surface_water_worse_v_ratio",
             ("河湖水系连通水质优良", "percent"): None,  # a works project, not the share of good sections
             ("城市人均公共绿地面积", "m2"): "park_green_area_per_capita",
             # the compliance of a water body's function zones (水环境功能区)
             ("水环境功能区水质达标率", "percent"): "water_function_zone_compliance_rate",
             ("近岸海域水环境功能区达标率", "percent"): None,
             ("声环境功能区夜间达标率", "percent"): "noise_night_compliance_rate",
             # noise: day and night compliance of function zones, areal and road-traffic levels are four indicators
             ("功能区噪声监测点次昼间达标率", "percent"): "noise_day_compliance_rate",
             ("夜间噪声达标率", "percent"): "noise_night_compliance_rate",
             ("城市区域噪声昼间平均等效声级值", "db"): "noise_day_equivalent_level",
             ("道路交通噪声昼间平均等效声级值", "db"): "road_traffic_noise_level",
             ("道路交通噪声控制在", "db"): "road_traffic_noise_level",
             ("道路交通噪声夜间平均等效声级", "db"): None,
             ("城市道路交通噪声监测点", "count"): None}
    for (subject, unit), code in cases.items():
        assert assign_indicator(subject, unit, synonyms) == code, subject
    sql_cases = [(s, u, False) for s, u in cases]
    assert _sql_matches(duckdb.connect(), sql_cases) == list(cases.values())


def test_a_figure_in_words_only_takes_the_indicator_its_label_names_whatever_the_unit():
    """完成省下达指标 in a row 主要大气污染物排放量减少(%) | 氮氧化物: no number whose unit could disagree."""
    synonyms = load_synonyms()
    cases = [("氮氧化物排放量减少", "percent", False), ("PM2.5平均浓度", "percent", False), ("森林覆盖率", "percent", False)]
    python = [assign_indicator(s, u, synonyms, c, words_only=True) for s, u, c in cases]
    # a row of the indicator's own unit keeps it (PM2.5 % is the change indicator, not the concentration)
    assert python == ["nox_reduction", "pm25_concentration_reduction", "forest_coverage"]
    assert _sql_matches(duckdb.connect(), cases, words_only=True) == python
    assert assign_indicator("氮氧化物排放量减少", "percent", synonyms) is None  # a figure: its unit must agree
    assert _sql_matches(duckdb.connect(), cases[:1]) == [None]


def test_a_gapped_synonym_matches_its_terms_in_order_with_any_text_between_in_both_languages():
    """化学需氧量…减排 or 农膜…处置: the terms in their order, any text between (排放量, （国控断面）...), never reversed."""
    synonyms = load_synonyms()
    cases = [("化学需氧量排放量减排", "t", False), ("化学需氧量减排", "t", False), ("处置农膜率", "percent", False),
             ("治理沙化土地", "mu", False), ("城市空气质量达到国家标准比例", "percent", False),
             ("化学需氧量和氨氮排放量减排", "t", False)]
    expected = ["cod_reduction", "cod_reduction", None, "desertification_control_area", "good_air_days_ratio",
                None]  # two pollutants in one subject: each pattern's guard names the others
    python = [assign_indicator(s, u, synonyms, c) for s, u, c in cases]
    assert python == expected
    assert _sql_matches(duckdb.connect(), cases) == python
    assert contains_in_order("甲乙丙", "甲…丙") and not contains_in_order("甲丙", "甲丙…丙")  # terms never overlap


def test_no_synonym_holds_a_like_wildcard():
    """The model matches with LIKE: a % or _ in a synonym would be a wildcard in SQL but a letter in Python."""
    assert not [s.synonym for s in load_synonyms() if "%" in s.synonym or "_" in s.synonym]


def test_an_intensity_cut_written_as_a_reduction_of_carbon_dioxide_matches_the_intensity():
    """单位生产总值二氧化碳减排: per unit of output, so the intensity's fall, never a tonnage of CO2 cut."""
    synonyms = load_synonyms()
    cases = [("单位地区生产总值二氧化碳减排", "percent", False), ("二氧化碳减排", "percent", False)]
    expected = ["co2_intensity_reduction", None]
    assert [assign_indicator(s, u, synonyms, c) for s, u, c in cases] == expected
    assert _sql_matches(duckdb.connect(), cases) == expected


def _both(cases: list[tuple[str, str, bool]]) -> list[str | None]:
    """The indicator of each (subject, unit, is_change), asserting SQL and Python agree."""
    python = [assign_indicator(s, u, load_synonyms(), c) for s, u, c in cases]
    assert _sql_matches(duckdb.connect(), cases) == python
    return python


def test_a_share_written_with_the_one_character_head_word_matches_a_synonym_written_with_bili():
    """水质优良比例 in the seeds, 水质优良率 in the text: 率 is the same head word. Not the other way round:
    a bare 优良率 is air quality, but a bare 优良比例 (of a bay) may be anything."""
    cases = [("全县河道水质优良率", "percent", False), ("某湾优良比例", "percent", False)]
    assert _both(cases) == ["surface_water_good_ratio", None]


def test_a_basin_is_a_scope_of_the_surface_water_share_but_sea_water_is_another_object():
    """某江流域 / 某江水系 / 小流域 narrow the sections (a sub-area), they do not change the indicator;
    a bathing beach's sea water is no surface water."""
    cases = [("某江流域国控断面水质优良比例", "percent", False), ("某江水系(省控断面)水质优良率", "percent", False),
             ("小流域市控断面优良(达到或优于Ⅲ类)比例", "percent", False), ("某湾海水浴场水质优良率", "percent", False)]
    assert _both(cases) == ["surface_water_good_ratio"] * 3 + [None]


def test_object_and_head_metric_match_with_other_words_between():
    """人均…绿地 (公共绿地, the older name of 公园绿地), 村…垃圾…覆盖率 and 农村…污水…覆盖率 (a rural service's
    coverage, 收转运 or 处理 between), 造林种草 (planting trees and grass is afforestation); a facility's
    coverage (处理设施覆盖率) is not the treatment rate."""
    cases = [("县城人均公共绿地面积", "m2", False), ("乡村垃圾收转运处理覆盖率", "percent", False),
             ("农村生活污水收集处理覆盖率", "percent", False), ("农村生活污水处理设施覆盖率", "percent", False),
             ("某工程造林种草", "mu", False)]
    assert _both(cases) == ["park_green_area_per_capita", "rural_waste_treatment_rate", "rural_sewage_treatment_rate",
                            None, "afforestation_area"]


def test_a_function_zone_share_and_rural_works_done_per_village_match_without_rivers_into_the_sea():
    """水环境功能区水质达标率 is the water-function-zone rate; 农村生活污水治理行政村 / 农村垃圾有效治理行政村
    (the share of villages with the work done) are the rural rates; 入海河流 (rivers into the sea) are a set
    of their own, not the region's surface water."""
    cases = [("某县水环境功能区水质达标率", "percent", False), ("农村生活污水治理行政村", "percent", False),
             ("农村垃圾有效治理行政村", "percent", False), ("入海河流断面水质优良比例", "percent", False)]
    assert _both(cases) == ["water_function_zone_compliance_rate", "rural_sewage_treatment_rate",
                            "rural_waste_treatment_rate", None]


def test_grid_connected_green_power_rural_refuse_land_by_use_and_drinking_water_sections():
    """并网装机 (grid-connected) and 绿色电力 / 绿电 (green power) are renewable capacity, never its share or
    green-power trading; 农村垃圾…处理率 is the rural waste rate, which never takes a subject from the sewage rate;
    农用地 is (contaminated) farmland and any other 用地 (工业用地, 商住用地) construction land; 饮用水断面 are the
    drinking-water sources' monitoring sections."""
    cases = [("某县新能源并网装机", "kw", False), ("绿色电力并网装机容量", "kw", False), ("绿电装机占比", "percent", False),
             ("某县绿电交易装机", "kw", False), ("农村垃圾无害化处理率", "percent", False),
             ("农村污水垃圾处理率", "percent", False), ("某县农用地安全利用率", "percent", False),
             ("商住用地安全利用率", "percent", False), ("国控断面水质达标、饮用水断面", "percent", False)]
    assert _both(cases) == ["renewable_power_capacity", "renewable_power_capacity", None, None,
                            "rural_waste_treatment_rate", "rural_sewage_treatment_rate", "contaminated_farmland_safe_use_rate",
                            "key_construction_land_safe_use_rate", "drinking_water_source_compliance"]


def test_the_good_water_share_written_adjective_first_matches_but_not_of_the_sea():
    """优良水质比例 (the adjective before 水质) is the same share as 水质优良比例; of coastal waters it is theirs."""
    cases = [("地表水国控断面优良水质比例", "percent", False), ("近岸海域优良水质比例", "percent", False),
             ("空气优良水质比例", "percent", False)]
    assert _both(cases) == ["surface_water_good_ratio", "nearshore_water_good_ratio", None]


def test_livestock_waste_rural_sewage_treated_grassland_cover_and_a_fall_of_the_heavy_pollution_share():
    """Wordings of plans of several provinces (audit P6): 畜禽(规模)养殖废弃物…利用率 is the livestock manure rate,
    农村生活污水有效处理比例 / 得到有效处理的行政村比例 the rural sewage rate, 草地综合植被覆盖率 the grassland cover;
    the fall of the heavy-pollution share (重污染天数比例下降) is a change, not the share's level."""
    cases = [("畜禽规模养殖废弃物综合利用率", "percent", False), ("畜禽养殖废弃物综合利用设施", "percent", False),
             ("全市农村生活污水有效处理比例", "percent", False), ("农村生活污水得到有效处理的行政村比例", "percent", False),
             ("草地综合植被覆盖率", "percent", False), ("全市重污染天数比例下降", "percent", False),
             ("全市重污染天数比例", "percent", False)]
    assert _both(cases) == ["livestock_manure_utilization_rate", None, "rural_sewage_treatment_rate",
                            "rural_sewage_treatment_rate", "grassland_vegetation_cover", None, "heavy_pollution_days_ratio"]


def test_a_basin_function_rate_and_a_row_naming_the_disposal_without_its_rate():
    """重点流域功能达标率 (a basin's water-function compliance, a plan table's row per basin) is the
    water-function-zone rate, but not of the sea or of soil; a plan's row 工业危险废物处置 | % | 安全可控 names
    the hazardous-waste disposal rate without its 率 (as 重点建设用地安全利用 names its rate), never a
    disposal capacity (万吨/年) or a site."""
    cases = [("某区重点流域功能达标率(某溪)", "percent", False), ("近岸海域功能达标率", "percent", False),
             ("土壤环境质量功能达标率", "percent", False), ("某区工业危险废物处置", "percent", False),
             ("危险废物处置利用率", "percent", False), ("全市危险废物处置能力", "t_per_year", False),
             ("危险废物处置场", "count", False)]
    assert _both(cases) == ["water_function_zone_compliance_rate", None, None, "hazardous_waste_safe_disposal_rate",
                            "hazardous_waste_safe_disposal_rate", None, None]
    words = [("某区工业危险废物处置", "percent", False), ("危险废物处置能力", "percent", False)]
    python = [assign_indicator(s, u, load_synonyms(), c, words_only=True) for s, u, c in words]
    assert python == ["hazardous_waste_safe_disposal_rate", None]
    assert _sql_matches(duckdb.connect(), words, words_only=True) == python

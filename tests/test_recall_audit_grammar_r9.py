"""Grammar of the recall round 9 (figures in words, R6–R8 and the tuning sample T9,
tests/gold/corpus/audits/): classes looked for in documents of several provinces. Every sentence is invented."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, extract
from relevance_helper import flag

from loaders.evaluate import assign_indicator, load_synonyms


def words_rows(text):
    """(subject, unit, indicator) of each figure in words of the text."""
    synonyms = load_synonyms()
    return [(m.subject_zh, m.unit, assign_indicator(m.subject_zh, m.unit, synonyms, words_only=True))
            for m in extract(text, CITY_PLAN) if m.value is None and not m.is_masked]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of metrics whose second ends 指数 (an environmental index) or 降低值 (the value of a cut)
        ("到2025年,林木覆盖率、生态质量指数完成省上下达要求。",
         [("林木覆盖率", "percent", "forest_coverage"), ("生态质量指数", "index", "ecological_quality_index")]),
        ("到2025年,单位地区生产总值能源消耗降低值、单位地区生产总值二氧化碳排放降低值达到省下达要求。",
         [("单位地区生产总值能源消耗降低值", "percent", "energy_intensity_reduction"),
          ("单位地区生产总值二氧化碳排放降低值", "percent", "co2_intensity_reduction")]),
        ("到2025年,生态环境状况指数、生态保护红线面积完成省下达目标。",
         [("生态环境状况指数", "index", "ecological_quality_index"),
          ("生态保护红线面积", "km2", "ecological_redline_area")]),
    ],
)
def test_each_metric_of_a_list_before_a_figure_in_words_gets_its_row(text, expected):
    assert words_rows(text) == expected


def test_a_price_index_in_a_list_of_goals_is_no_metric_of_the_environment():
    rows = words_rows("到2025年,居民消费价格指数、节能减排指标控制在国家和省下达的计划范围内。")
    assert [r[2] for r in rows] == ["energy_intensity_reduction"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the list names the pollutants itself: a past plan's SO2, not the 14th plan's VOCs; the intensity beside them
        ("“十三五”期间,二氧化硫、氮氧化物、化学需氧量和氨氮四项主要污染物排放量和单位GDP二氧化碳排放量均完成“十三五”目标。",
         [("二氧化硫排放量减少", "percent", "so2_reduction"), ("氮氧化物排放量减少", "percent", "nox_reduction"),
          ("化学需氧量排放量减少", "percent", "cod_reduction"), ("氨氮排放量减少", "percent", "nh3n_reduction"),
          ("单位GDP二氧化碳排放量", "percent", "co2_intensity_reduction")]),
        # a quoted period between the issuer and the goal
        ("“十三五”期间,化学需氧量、氨氮、二氧化硫和氮氧化物四项主要污染物总量控制超额完成省上下达的“十三五”减排目标。",
         [("化学需氧量总量控制", "t", "cod_reduction"), ("氨氮总量控制", "t", "nh3n_reduction"),
          ("二氧化硫总量控制", "t", "so2_reduction"), ("氮氧化物总量控制", "t", "nox_reduction")]),
    ],
)
def test_pollutants_named_before_their_collective_term_are_its_members(text, expected):
    assert words_rows(text) == expected


def test_a_collective_term_without_named_members_keeps_the_plans_own():
    rows = words_rows("到2025年,完成省下达的主要污染物减排目标任务。")
    assert sorted(r[2] for r in rows) == ["cod_reduction", "nh3n_reduction", "nox_reduction", "vocs_reduction"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主要预期目标是:单位生产总值二氧化碳排放降低目标与国家“十五五”考核目标统筹衔接。",
         [("单位生产总值二氧化碳排放降低目标", "percent", "co2_intensity_reduction")]),
        ("主要目标是:单位地区生产总值能耗降低目标与省下达目标相衔接。",
         [("单位地区生产总值能耗降低目标", "percent", "energy_intensity_reduction")]),
        # goals in general tied to a plan's: no metric, no figure
        ("这些目标符合全市经济增长预期,与全市“十四五”规划目标相衔接。", []),
    ],
)
def test_a_goal_tied_to_the_level_aboves_is_a_figure_in_words(text, expected):
    assert words_rows(text) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("完成退化草原治理30万亩,建成生态景观廊道60公里。", "60公里", True),
        ("建成生态街巷40条,打通断头路9条。", "40条", True),
        ("打造沿江生态走廊15公里。", "15公里", True),
        ("建设滨河生态景观带8公里。", "8公里", True),
        # a corridor of the economy or of tourism is not the environment's
        ("建设生态经济走廊2条。", "2条", False),
        ("建成文化旅游廊道3条。", "3条", False),
    ],
)
def test_ecological_corridors_and_lanes_built_are_greening(sentence, number, expected):
    assert flag(sentence, number) is expected


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        # a short name listed after 、 is its number's subject, even with more words after 和
        ("较2015年削减比例为:二氧化硫2%、氨氮10%和化学需氧量5%。", ["二氧化硫", "氨氮", "化学需氧量"]),
        ("削减比例为:氮氧化物8%、氨氮6%和二氧化碳排放强度下降15%。", ["氮氧化物", "氨氮", "二氧化碳排放强度下降"]),
    ],
)
def test_a_short_listed_name_is_its_figures_subject(text, subjects):
    assert [m.subject_zh for m in extract(text, CITY_PLAN)] == subjects


def test_a_bare_verb_before_a_count_still_yields_to_the_noun_after_it():
    found = extract("完成改造120个、推动30家企业开展清洁生产审核。", CITY_PLAN)
    assert [m.subject_zh for m in found][1:] == ["企业开展清洁生产审核"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two levels setting one goal (国家和省 / 国省), a goal noun 指标, an intensity named 能源消耗
        ("到2025年,单位地区生产总值能源消耗、单位地区生产总值二氧化碳排放下降率完成国家和省下达的任务。",
         [("单位地区生产总值能源消耗", "percent", "energy_intensity_reduction"),
          ("单位地区生产总值二氧化碳排放下降率", "percent", "co2_intensity_reduction")]),
        ("到2025年,单位国内生产总值能源消耗完成国省下达目标任务。",
         [("单位国内生产总值能源消耗", "percent", "energy_intensity_reduction")]),
        ("到2025年,单位国内生产总值二氧化碳排放降低完成省下达指标。",
         [("单位国内生产总值二氧化碳排放降低", "percent", "co2_intensity_reduction")]),
        # the pollutants listed before a goal of their cut
        ("到2025年,化学需氧量、氨氮、氮氧化物完成上级下达的减排任务。",
         [("化学需氧量减排", "t", "cod_reduction"), ("氨氮减排", "t", "nh3n_reduction"),
          ("氮氧化物减排", "t", "nox_reduction")]),
        # a requirement of the level above, without 考核
        ("到2025年,单位地区生产总值能耗降幅达到国家要求。",
         [("单位地区生产总值能耗降幅", "percent", "energy_intensity_reduction")]),
        ("到2025年,农膜回收率达到国家、省要求。", [("农膜回收率", "percent", "plastic_film_recovery_rate")]),
        # the safe use of construction land, its rate left unsaid
        ("到2025年,重点建设用地安全利用完成省上下达要求。",
         [("重点建设用地安全利用", "percent", "key_construction_land_safe_use_rate")]),
        # 满足 as 完成 / 达到
        ("到2025年,单位地区生产总值二氧化碳排放下降率满足省下达指标要求。",
         [("单位地区生产总值二氧化碳排放下降率", "percent", "co2_intensity_reduction")]),
        # no metric before the requirement: no figure
        ("到2025年,各项工作达到国家要求。", []),
    ],
)
def test_goals_set_by_the_levels_above_in_other_words(text, expected):
    assert words_rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 完成了: the aspect particle is no part of the metric the goal names
        ("“十三五”期间,完成了省下达受污染耕地安全利用任务。",
         [("受污染耕地安全利用", "percent", "contaminated_farmland_safe_use_rate")]),
        ("全面完成了市十届人大二次会议确定的各项目标任务。", []),
    ],
)
def test_a_goal_completed_in_the_perfect_names_its_metric(text, expected):
    assert words_rows(text) == expected

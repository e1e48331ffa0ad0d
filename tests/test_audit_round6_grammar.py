"""Grammar of the classes left on the after-samples S6, P7 and R8 (tests/gold/corpus/audits/README.md): compound
comparators (大于等于, 小于或等于) read as the bound they state, verbs of work done, compound units of the 次 kind
(亩次, 人次) never read as their base unit, and environmental words of solid waste and beaches. Every sentence is
invented for the test."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, CITY_REPORT, by_value_text, extract
from relevance_helper import flag

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document

PLAN = CITY_PLAN
SYNONYMS = load_synonyms()


def measures(text):
    return extract(text, PLAN)


def by_text(text):
    return by_value_text(text, PLAN)


@pytest.mark.parametrize(
    ("text", "value_text", "comparator"),
    [
        ("城市污水处理率大于等于95%。", "95%", "ge"),
        ("森林覆盖率大于或等于40%。", "40%", "ge"),
        ("优良水体比例高于或等于80%。", "80%", "ge"),
        ("细颗粒物浓度小于等于35微克/立方米。", "35微克/立方米", "le"),
        ("单位GDP能耗小于或等于0.5吨标准煤。", "0.5吨标准煤", "le"),
        ("劣V类水体比例低于或等于5%。", "5%", "le"),
        ("二氧化硫排放量不超出3万吨。", "3万吨", "le"),
        ("城市污水处理率大于95%。", "95%", "gt"),  # the plain word keeps its strict bound
    ],
)
def test_a_compound_comparator_reads_as_the_bound_it_states(text, value_text, comparator):
    assert by_text(text)[value_text].comparator == comparator


BODIES_SET_UP_IN_THE_REVIEW = """某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,全市建成环境应急物资储备库12个,配套成立应急救援队伍12支。组建流域执法队伍5支,设立生态环境法庭3个。
培育环保龙头企业8家,引进节能环保项目20个,开工污水处理项目14个,认定绿色工厂30家。
全市森林覆盖率达到45%,有自然保护区8个。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
"""


def test_bodies_set_up_in_a_review_are_a_total_over_the_last_plan():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(BODIES_SET_UP_IN_THE_REVIEW.encode("utf-8"), "plan.txt").measures}
    for done in ("12支", "5支", "3个", "8家", "20个", "14个", "30家"):
        assert got[done] == ("outcome", 2030, "2026-2030"), done
    for level in ("45%", "8个"):  # levels and stocks at the period's end
        assert got[level] == ("outcome", 2030, None), level


@pytest.mark.parametrize(
    ("text", "value_text", "value"),
    [
        ("全年开展病虫害飞防作业30万亩次。", "30万亩次", 3e5),  # operations on an area, not 300 000 mu
        ("完成林业有害生物防治2000公顷次。", "2000公顷次", 2000.0),
        ("检查企业1200家次。", "1200家次", 1200.0),
        ("出动执法船舶45艘次。", "45艘次", 45.0),
        ("出动无人机巡查300架次。", "300架次", 300.0),
        ("检查运输车辆500车次。", "500车次", 500.0),
    ],
)
def test_a_compound_unit_of_times_is_a_count_never_its_base_unit(text, value_text, value):
    m = by_text(text)[value_text]
    assert (m.unit, m.value) == ("count", value)


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("推进无废城市建设,处置利用氰化尾渣80万吨以上。", "80万吨"),
        ("综合利用冶炼渣120万吨。", "120万吨"),
        ("电石渣综合利用率达到95%。", "95%"),
        ("新增赤泥综合利用能力50万吨。", "50万吨"),
        ("开展岸线清洁行动,累计清洁海滩面积约40万平方米。", "40万平方米"),
        ("整治受损岸滩12公里。", "12公里"),
    ],
)
def test_solid_waste_and_beaches_are_environmental(sentence, number):
    assert flag(sentence, number) is True


@pytest.mark.parametrize(
    ("subject", "unit", "indicator"),
    [
        ("国省考核断面水质优良比例较2015年提升", "percentage_point", "surface_water_improvement_ratio"),
        ("全市优良水体比例较基准年提高", "percentage_point", "surface_water_improvement_ratio"),
        ("地表水好于Ⅲ类水体比例较“十三五”末提升", "percentage_point", "surface_water_improvement_ratio"),
        ("近岸海域水质优良比例较2015年提升", "percentage_point", None),  # the sea's share, not surface water
        ("国省考核断面水质优良比例达到", "percent", "surface_water_good_ratio"),  # the level stays the level
    ],
)
def test_a_rise_of_the_good_water_share_since_a_base_year_is_the_improvement_indicator(subject, unit, indicator):
    assert assign_indicator(subject, unit, SYNONYMS) == indicator


REPORT = CITY_REPORT


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        ("全市新能源装机新增300万千瓦、达到900万千瓦。", "900万千瓦", "全市新能源装机"),
        ("基础设施投资增长12.5%、达86.4亿元。", "86.4亿元", "基础设施投资"),
        ("清洁能源装机同比增加200万千瓦、达到1500万千瓦。", "1500万千瓦", "清洁能源装机"),
        ("污水处理率提高3个百分点、达到96%。", "96%", "污水处理率"),
        ("工业增加值增长8%、达到500亿元。", "500亿元", "工业增加值"),  # a change word inside the metric stays
    ],
)
def test_a_level_reached_after_a_change_is_of_the_metric_not_of_the_change(text, value_text, subject):
    assert by_value_text(text, REPORT)[value_text].subject_zh == subject


@pytest.mark.parametrize(
    ("text", "dropped", "kept"),
    [
        ("入选全国美丽河湖优秀案例2个。", "2个", None),
        ("3项生态修复经验为全国首创,新建公园5个。", "3项", "5个"),
        ("获评全省生态文明建设典型案例4个,治理河道12公里。", "4个", "12公里"),
        ("入选国家级自然保护区名录2处。", None, "2处"),  # things listed in a register are still counted
    ],
)
def test_distinctions_counted_are_no_measure(text, dropped, kept):
    got = set(by_value_text(text, REPORT))
    assert dropped not in got
    assert kept is None or kept in got

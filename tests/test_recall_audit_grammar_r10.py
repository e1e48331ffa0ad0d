"""Grammar of the recall round 10 (tuning sample T11 and the S11 audit, tests/gold/corpus/audits/): classes looked
for in documents of several provinces. Every sentence is invented."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, CITY_REPORT, PLAN_FIELDS, by_value_text, extract, flags

from loaders.evaluate import assign_indicator, load_synonyms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an item with its own work verb or classifier: the closing 以上 is the last item's alone
        ("2024年,建设村级污水处理设施50个、新改建农村户厕3000户以上。", {"50个": "eq", "3000户以上": "ge"}),
        ("2024年,新建污水提升泵站3座、改造雨污管网25处以上。", {"3座": "eq", "25处以上": "ge"}),
        ("2024年,二季度完工率达到40%、三季度75%以上。", {"40%": "eq", "75%以上": "ge"}),  # a rate: no count
        # two counts of one classifier, the later item a noun and no work of its own: the sample gold shares 以上
        ("2024年,新增低碳园区5个、低碳社区60个以上。", {"5个": "ge", "60个以上": "ge"}),
        ("2024年,完成石漠化治理30平方公里、水土流失治理150平方公里以上。",
         {"30平方公里": "eq", "150平方公里以上": "ge"}),
        # a list of bare numbers after one subject shares it
        ("2024年,化学需氧量、氨氮排放量分别削减2000吨、300吨以上。", {"2000吨": "ge", "300吨以上": "ge"}),
        ("2024年,城市、县城污水处理率分别达到95%、90%以上。", {"95%": "ge", "90%以上": "ge"}),
    ],
)
def test_a_closing_yishang_is_not_shared_across_an_item_of_its_own(text, expected):
    got = by_value_text(text, CITY_REPORT)
    assert {k: got[k].comparator for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        # money granted in a clause of its own is the money of the environmental works the clause before names
        ("入选城市黑臭水体治理示范城市,获3亿元中央资金支持。", "3亿元", True),
        ("某湖获批建设省级幸福河湖,获中央奖补资金5000万元。", "5000万元", True),
        # … and not when that clause names other works, or nothing
        ("入选国家文化和旅游消费试点城市,获3亿元中央资金支持。", "3亿元", False),
        ("全市上下主动出击,共获上级补助资金80亿元。", "80亿元", False),
    ],
)
def test_money_granted_is_the_money_of_the_works_named_before(text, number, expected):
    assert flags(text)[number] is expected


@pytest.mark.parametrize(
    ("subject", "expected"),
    [
        ("城镇污水收集率", "urban_sewage_collection_rate"),  # written without 生活 or 集中
        ("中心城区污水收集率", "urban_sewage_collection_rate"),
        ("农村生活污水收集率", None),  # rural sewage is no urban indicator
        ("城镇污水收集处理率", None),  # collection and treatment in one rate: neither indicator
    ],
)
def test_sewage_collection_rate_written_short(subject, expected):
    assert assign_indicator(subject, "percent", load_synonyms()) == expected


def test_mei_counts_things_like_any_classifier():
    got = by_value_text("2020年,收贮废旧放射源56枚,安全收贮率100%。", CITY_PLAN)
    assert (got["56枚"].value, got["56枚"].unit) == (56, "count")
    assert flags("全年收贮废旧放射源56枚。", PLAN_FIELDS)["56枚"] is True
    assert by_value_text("放射源辐射事故年发生率低于1.3起/万枚。", CITY_PLAN)["1.3起/万枚"].unit == "events_per_10k_sources"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023年,新能源发电量50.2亿度、占全社会用电量的40%。", {"50.2亿度": 5.02e9}),
        ("全年节约用电30万度。", {"30万度": 3e5}),
        ("探索35度以上坡耕地综合治理。", {}),  # an angle
        ("我市位于北纬40度。", {}),
    ],
)
def test_du_is_a_kilowatt_hour_after_wan_or_yi_only(text, expected):
    got = {k: m for k, m in by_value_text(text, CITY_REPORT).items() if m.unit == "kwh"}
    assert {k: m.value for k, m in got.items()} == expected
    assert all(flags(text)[k] for k in expected if "发电量" in text)


@pytest.mark.parametrize(
    ("text", "number", "value", "unit"),
    [
        ("2023年,完成80多万户散煤取暖清洁化治理。", "80多万户", 8e5, "count"),
        ("2025年,完成林草生态治理600多万亩。", "600多万亩", 6e6, "mu"),
        ("2023年,城市污水日处理能力新增30余万吨。", "30余万吨", 3e5, "t_per_day"),
    ],
)
def test_a_multiplier_after_the_hedge_multiplies_the_number(text, number, value, unit):
    got = by_value_text(text, CITY_REPORT)[number]
    assert (got.value, got.unit, got.comparator) == (value, unit, "ge")
    assert flags(text)[number] is True


def test_zhan_counts_lamps():
    text = "2024年,实施2.6万盏路灯节能改造。"
    got = by_value_text(text, CITY_REPORT)["2.6万盏"]
    assert (got.value, got.unit) == (26000, "count") and flags(text)["2.6万盏"] is True


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年,全市农膜回收率、秸秆综合利用率达到国家及某省要求。",
         [("全市农膜回收率", "percent", "plastic_film_recovery_rate"),
          ("秸秆综合利用率", "percent", "straw_utilization_rate")]),
        ("到2025年,大陆自然岸线保有率完成上级管控目标。",
         [("大陆自然岸线保有率", "percent", "natural_shoreline_retention_rate")]),
        ("2024年,农村生活垃圾收运体系覆盖率达到省级要求。",
         [("农村生活垃圾收运体系覆盖率", "percent", "rural_waste_treatment_rate")]),
        ("到2025年,受污染耕地安全利用率达到省级下达指标。",
         [("受污染耕地安全利用率", "percent", "contaminated_farmland_safe_use_rate")]),
        ("到2025年,营运车辆单位运输周转量二氧化碳排放下降比例完成上级分解任务要求。",
         [("营运车辆单位运输周转量二氧化碳排放下降比例", "percent", None)]),
    ],
)
def test_the_level_above_in_other_words_sets_a_figure_in_words(text, expected):
    synonyms = load_synonyms()
    rows = [(m.subject_zh, m.unit, assign_indicator(m.subject_zh, m.unit, synonyms, words_only=True))
            for m in extract(text, CITY_PLAN) if m.value is None and not m.is_masked]
    assert rows == expected


def test_a_level_reached_with_no_goal_is_no_figure_in_words():
    assert [m for m in extract("2018年所有县(市、区)均达到省级标准。", CITY_PLAN) if m.value is None] == []


def test_a_figure_in_words_reads_to_its_last_word():
    got = [m.value_text for m in extract("到2025年,水质优良率达省下达目标要求。", CITY_PLAN) if m.value is None]
    assert got == ["达省下达目标要求"]

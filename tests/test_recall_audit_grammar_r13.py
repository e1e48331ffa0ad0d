"""Grammar of the recall round 10 (R13's and T18's classes, tests/gold/corpus/audits/): a total invested before 的,
a water's class written before 水质, and the others below. Every sentence is invented."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, CITY_REPORT, extract, flags


def _rows(text: str, meta=CITY_REPORT) -> list[tuple]:
    return [(m.subject_zh, m.value, m.unit, m.comparator) for m in extract(text, meta)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the total invested in the things counted right before it: their sum, no condition on each of them
        ("推动25个总投资120亿元的湿地修复等重点项目,建设沿河绿色长廊。",
         [("湿地修复等重点项目", 25.0, "count", "eq"), ("湿地修复等重点项目总投资", 1.2e10, "yuan", "eq")]),
        ("推进甲光伏等9个年度计划总投资88亿元的新能源项目。",
         [("新能源项目", 9.0, "count", "eq"), ("新能源项目总投资", 8.8e9, "yuan", "eq")]),
        # a bound after 总投资 bounds that total, not a class of things (超300亿元的数据中心 stays a class)
        ("总投资超300亿元的某某风光基地加快建设。", [("某某风光基地总投资", 3e10, "yuan", "gt")]),
        # the things a total is of are named after its 的, past their count
        ("完成总投资12.5亿元的60个海绵城市项目。",
         [("海绵城市项目总投资", 1.25e9, "yuan", "eq"), ("海绵城市项目", 60.0, "count", "eq")]),
    ],
)
def test_total_invested_before_its_things(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # the total's flag is that of the things after its 的, past their count
        ("推动25个总投资120亿元的湿地修复等重点项目。", "120亿元", True),
        ("推动25个总投资120亿元的湿地修复等重点项目。", "25个", True),
        ("完成总投资12.5亿元的60个海绵城市项目。", "12.5亿元", True),
        ("总投资超300亿元的某某新能源基地加快建设。", "300亿元", True),
        ("实施总投资800亿元的100个省级重点项目。", "800亿元", False),
        ("推进6个年度计划总投资20亿元的文旅产业项目。", "6个", False),
    ],
)
def test_total_invested_is_flagged_by_its_things(text, figure, expected):
    assert flags(text)[figure] is expected


def test_a_bound_on_a_size_before_things_stays_a_class():
    assert _rows("严控年综合能耗超过1万吨标准煤的数据中心。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a water's class written before 水质, the water named before the verb: a figure in words
        ("治理沙化土地9.5万亩,某河干流某段连续5年保持Ⅱ类水质。",
         [("治理沙化土地", 95000.0, "mu", "eq"), ("某河干流某段水质", None, "index", "eq")]),
        ("确保某江干流某段稳定达到Ⅱ类水质标准。", [("某江干流某段水质", None, "index", "eq")]),
        ("甲湖、乙河稳定达到Ⅲ类水质,达到水环境功能区要求。", [("甲湖、乙河水质", None, "index", "eq")]),
        # not a share of waters of a class, a class with its rate after it, a change of class, or no water named
        ("省考断面达到或优于Ⅲ类水质比例达到90%。", [("省考断面达到或优于Ⅲ类水质比例", 90.0, "percent", "eq")]),
        ("某断面提升为Ⅱ类水质,水环境持续改善。", []),
        ("某江水质逐年好转,2020年达到Ⅱ类水质。", []),
    ],
)
def test_water_class_written_before_its_water(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the drinking-water sources counted before their compliance rate are a monitored network's size
        ("2020年,9个集中式饮用水水源地水质达标率为100%。", [9.0, 100.0]),
        ("11处县级饮用水源地水质达标率100%。", [11.0, 100.0]),
        # places a rate is taken over are still no figure
        ("生活垃圾分类三县城区覆盖率超70%。", [70.0]),
    ],
)
def test_drinking_sources_counted_before_their_rate(text, expected):
    assert [r[1] for r in _rows(text, CITY_PLAN)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # better than the level above's goal, in words
        ("推动河长制全面见效,省考以上断面优良比例优于某省下达目标。", [("省考以上断面优良比例", "优于某省下达目标")]),
        ("地表水好于Ⅲ类水体比例、小流域水质好于Ⅲ类比例优于省下达的考核目标,持续巩固治理成果。",
         [("地表水好于Ⅲ类水体比例", "优于省下达的考核目标"), ("小流域水质好于Ⅲ类比例", "优于省下达的考核目标")]),
    ],
)
def test_better_than_the_goal_above_in_words(text, expected):
    assert [(m.subject_zh.removeprefix("2025年"), m.value_text) for m in extract(text, CITY_PLAN)] == expected


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # a bare 水质达标率 after a clause naming drinking-water sources is their compliance rate
        ("持续推进饮用水水源地规范化建设,水质达标率稳定保持100%。", "饮用水水源地水质达标率"),
        ("地表水型饮用水源地水质监测结果均达到Ⅲ类标准,水质达标率100%。", "地表水型饮用水源地水质达标率"),
        # ... not after other waters
        ("某河断面水质保持稳定,水质达标率100%。", "水质达标率"),
    ],
)
def test_bare_water_compliance_after_drinking_sources(text, subject):
    from loaders.evaluate import assign_indicator, load_synonyms

    [m] = extract(text, CITY_PLAN)
    assert m.subject_zh == subject
    expected = "drinking_water_source_compliance" if "饮用" in subject else None
    assert assign_indicator(m.subject_zh, "percent", load_synonyms(), False) == expected


def test_better_than_the_yearly_goal_in_words():
    # the same, against the year's own goal (年控目标) with no issuer
    rows = [(m.subject_zh, m.value_text, m.unit) for m in extract("打好蓝天保卫战,PM2.5平均浓度优于年控目标。", CITY_REPORT)]
    assert rows == [("PM2.5平均浓度", "优于年控目标", "ug_m3")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 超 / 逾 before a round figure in words bound it strictly, as 超 before digits and 超过 do (the gold's gt)
        ("实施年度投资超百亿元的治湖项目。", "gt"),
        ("旅游收入逾千亿元。", "gt"),
        ("服务业占比超三成。", "gt"),
        ("旅游收入超500亿元。", "gt"),
        # 上 (上万人) and a trailing 多 or 余 stay at least
        ("吸纳就业上万人。", "ge"),
        ("新增就业1.2万余人。", "ge"),
    ],
)
def test_exceeding_a_round_figure_is_gt(text, expected):
    [m] = extract(text, CITY_REPORT)
    assert m.comparator == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cogeneration plant's heating radius bounds the zone where small boilers close: no figure
        ("关停整合30万千瓦及以上热电联产电厂15公里供热半径范围内的燃煤锅炉。", []),
        ("基本完成热电联产电厂20公里供暖半径内的小热电机组关停整合。", []),
        # a length of work stays
        ("治理修复岸线46公里。", [46.0]),
    ],
)
def test_heating_radius_is_no_figure(text, expected):
    assert [r[1] for r in _rows(text, CITY_PLAN)] == expected



@pytest.mark.parametrize(
    ("text", "subject"),
    [
        # the sites of a monitoring network counted before their rate: the count's subject is the sites
        ("30个国省考断面水质优良比例连续4年保持100%。", "国省考断面"),
        ("15个国考断面全部达标。", "国考断面"),
        ("9个集中式饮用水水源地年均水质达标率为100%。", "集中式饮用水水源地"),
    ],
)
def test_sites_counted_before_their_rate_name_the_count(text, subject):
    counts = [m for m in extract(text, CITY_REPORT) if m.unit == "count"]
    assert [m.subject_zh for m in counts] == [subject]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of metrics sharing one ending whose first item opens with a qualifier: each item takes it, one row each
        ("到2025年,三大粮食作物化肥、农药利用率持续稳定在40%以上。",
         [("三大粮食作物化肥利用率", 40.0, "percent", "ge"), ("三大粮食作物农药利用率", 40.0, "percent", "ge")]),
        ("到2025年,全省主要农作物化肥、农药利用率均提高到43%。",
         [("全省主要农作物化肥利用率", 43.0, "percent", "eq"), ("全省主要农作物农药利用率", 43.0, "percent", "eq")]),
        ("到2025年,主要经济作物秸秆、农膜综合利用率达到90%。",
         [("主要经济作物秸秆综合利用率", 90.0, "percent", "eq"), ("主要经济作物农膜综合利用率", 90.0, "percent", "eq")]),
        # not a qualifier that lists (国控和省控), nor names of unlike length (信息化、数字化服务): one row as written
        ("到2025年,国控和省控河流、水库断面水质达标率达到100%。",
         [("国控和省控河流、水库断面水质达标率", 100.0, "percent", "eq")]),
        ("到2025年,制造业领域信息化、数字化服务覆盖率超95%。",
         [("制造业领域信息化、数字化服务覆盖率", 95.0, "percent", "gt")]),
    ],
)
def test_qualifier_of_a_long_first_item_is_shared(text, expected):
    assert _rows(text, CITY_PLAN) == expected

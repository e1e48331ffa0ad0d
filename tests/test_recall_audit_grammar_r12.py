"""Grammar of the recall round 12 (R11's classes, tests/gold/corpus/audits/): an index or score with no unit, and
environmental words the dictionary lacked. Every sentence is invented."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, CITY_REPORT, extract, flags


def _rows(text: str, meta=CITY_REPORT) -> list[tuple]:
    return [(m.subject_zh, m.value, m.unit, m.comparator, m.kind, m.year) for m in extract(text, meta)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a score has no unit to write: the number ending its clause is its value, the start of 从A提升至B none
        ("生态环境公众满意度从82.5提升至90.3。", [("生态环境公众满意度", 90.3, "index", "eq", "outcome", 2024)]),
        ("公众对生态环境满意度由85.1提高到88.2。", [("公众对生态环境满意度", 88.2, "index", "eq", "outcome", 2024)]),
        # an index right after its name, or after its verb, with its Latin short name in brackets
        ("2023年,全市空气质量综合指数3.41,同比改善5.2%。",
         [("全市空气质量综合指数", 3.41, "index", "eq", "outcome", 2023),
          ("全市空气质量综合指数同比改善", 5.2, "percent", "eq", "outcome", 2023)]),
        ("全市生态质量指数(EQI)为66.8,生态质量为二类。", [("全市生态质量指数(EQI)", 66.8, "index", "eq", "outcome", 2024)]),
        ("到2025年,生态环境状况指数保持在70以上。", [("生态环境状况指数", 70.0, "index", "ge", "target", 2025)]),
    ],
)
def test_index_or_score_without_a_unit(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "城市空气质量综合指数排名全省第3位。",  # a rank, no value
        "居民消费价格指数控制在103以内。",  # a bound written with 以内 is not read here
        "综合绩效指数提高1.46,居全省前列。",  # a change with no unit: not read
        "全市生态环境质量指数较2015年提升。",
    ],
)
def test_index_without_a_value_of_its_own_is_no_figure(text):
    assert [r for r in _rows(text) if r[2] == "index"] == []


def test_index_in_a_plan_review():
    assert _rows("2020年,全市环境空气质量综合指数为4.12。", CITY_PLAN) == [
        ("全市环境空气质量综合指数", 4.12, "index", "eq", "outcome", 2020)]


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # the permeable ground of a sponge city (可透水地面, 透水铺装) is urban water management, like 海绵城市 itself
        ("实施海绵城市项目12项,可透水地面面积比例大于35%。", "35%"),
        ("新增海绵城市面积200万平方米,可透水地面占比达到38%以上。", "38%以上"),
        ("完成道路透水铺装面积12万平方米。", "12万平方米"),
    ],
)
def test_permeable_ground_of_a_sponge_city_is_environmental(text, figure):
    assert flags(text)[figure] is True



@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # green hydrogen is made with renewable power: its output and capacity are a renewable source's
        ("绿氢产量突破2万吨。", "2万吨", True),
        ("建成绿氢产能5万吨。", "5万吨", True),
        # an output of another product stays the economy's
        ("钢材产量突破200万吨。", "200万吨", False),
    ],
)
def test_green_hydrogen_is_a_renewable_source(text, figure, expected):
    assert flags(text)[figure] is expected


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # pumped storage (抽水蓄能) is energy storage like 储能, though its words do not hold 储能
        ("开工建设5个抽水蓄能电站。", "5个"),
        ("抓好3个在建抽水蓄能项目建设。", "3个"),
        ("推动2个站点纳入国家抽水蓄能中长期规划。", "2个"),
    ],
)
def test_pumped_storage_is_energy_storage(text, figure):
    assert flags(text)[figure] is True


@pytest.mark.parametrize(
    ("text", "figure", "expected"),
    [
        # a rate named by its ending alone is of the thing the clause before names
        ("新能源投资增长60%、装机规模增长30%,利用率达95.5%。", "95.5%", True),
        ("办结中央生态环保督察交办案件300件,办结率98.5%。", "98.5%", True),
        # ... which may be no environmental thing
        ("办理人大代表建议300件,办结率100%。", "100%", False),
        ("新增高新技术企业30家,占比25%。", "25%", False),
    ],
)
def test_bare_rate_is_of_the_clause_before(text, figure, expected):
    assert flags(text)[figure] is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure's own rank after it, past 、, leaves the figure a figure and out of its subject
        ("累计入库EOD项目12个、居全省第一。", [("入库EOD项目", 12.0)]),
        ("新增省级绿色工厂15家、数量居全省第2位。", [("省级绿色工厂", 15.0)]),
        ("新增生态文明示范村8个、居全市第3位,总数达40个、居全市第1位。", [("生态文明示范村", 8.0), ("总数", 40.0)]),
        # the peer group of a rank, and how many items rank, are no figures
        ("空气质量在全国168个重点城市中排名第20位。", []),
        ("6项工作名列全省第一、2项工作名列全省第二。", []),
    ],
)
def test_figure_with_its_own_rank_after(text, expected):
    assert [(r[0], r[1]) for r in _rows(text)] == expected


@pytest.mark.parametrize(
    "subject",
    ["清洁能源总装机", "全市新能源和可再生能源发电总装机", "形成新能源和可再生能源总装机容量", "风光总装机规模"],
)
def test_total_capacity_of_clean_sources_is_renewable_capacity(subject):
    from loaders.evaluate import assign_indicator, load_synonyms

    # the total (总装机) of clean, renewable or wind and solar sources, as 新能源总装机; not a share of all sources
    assert assign_indicator(subject, "kw", load_synonyms(), False) == "renewable_power_capacity"
    assert assign_indicator(subject + "占比", "percent", load_synonyms(), False) is None

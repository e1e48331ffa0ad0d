"""Grammar of the work reports' audit round 7 (tests/gold/corpus/audits/README.md, "Work reports, round 7"): a figure
flagged environmental because an environmental word sits in another item of its list, not in what the figure counts
(S9: city squares after parks, resettlement housing, a high-voltage line, dilapidated houses beside clean heating,
certified farm products after a brand holding 净土), and words of industry or farming read as the environment's (电磁,
森林康养, 草原羊). Every sentence is invented for the test; the flag is read as the loader reads it in a work report."""

from __future__ import annotations

import pytest
from extraction_helper import PLAN_FIELDS as PLAN
from extraction_helper import flags


@pytest.mark.parametrize(
    ("text", "value_text"),
    [
        # the item counts a thing of its own after its number: the parks before it are other items'
        ("今年新建改造12个公园、30个游园、5个城市广场。", "5个"),
        ("实施20公里雨污管网改造、3.5公里高压线路迁改工程。", "3.5公里"),
        ("河湖生态修复片区完成800户搬迁、20万平方米安置房建设。", "20万平方米"),
        # the item names its thing before its number
        ("改造农村公路100公里、清洁取暖2000户、危房300户。", "300户"),
        ("培育“净土某县”品牌产品8个、“三品一标”产品6个。", "6个"),
        ("新建公园10个、建成广场5个。", "5个"),  # a verb and a noun of its own
    ],
)
def test_a_list_item_naming_a_thing_of_its_own_is_not_its_neighbours(text, value_text):
    assert flags(text)[value_text] is False


@pytest.mark.parametrize(
    ("text", "value_text"),
    [
        # the item names nothing of its own: a verb, a metric or the supporting works of the item before
        ("营造红树林500亩、修复800亩。", "800亩"),
        ("雨污分流改造累计开工点位300处、完工120处。", "120处"),
        ("新建农村卫生户厕5000座、普及率达90%。", "90%"),
        ("建成污水处理厂3座、配套管网40公里。", "40公里"),
        ("光伏装机规模达300万千瓦、发电量占比20%。", "20%"),
        # a work verb opening the list is every item's
        ("绿化村屯50个、公路80公里、河流20公里。", "20公里"),
        # an item holding an environmental word, even one too weak to decide alone, stays with its list
        ("新增新能源乘用车1万辆、电动重卡300辆。", "300辆"),
        ("建设森林步道100公里、碧道60公里。", "60公里"),
        ("启动建设零碳园区10个、绿色(低碳)工厂50家。", "50家"),
    ],
)
def test_a_list_item_naming_nothing_of_its_own_keeps_its_neighbours(text, value_text):
    assert flags(text)[value_text] is True


def test_a_plans_figure_still_takes_the_clause():
    # in an environmental plan a neutral item is environmental anyway; a neighbour naming the economy still decides
    assert flags("新建公园10个、城市广场4个。", PLAN)["4个"] is True


@pytest.mark.parametrize(
    ("text", "value_text", "environmental"),
    [
        ("推动30万吨新能源电磁材料项目投产。", "30万吨", False),  # 电磁 alone: an industry's technology
        ("建成电磁辐射环境自动监测站12个。", "12个", True),
        ("获批省级森林康养基地2个。", "2个", False),  # forest wellness: tourism
        ("加工追溯草原羊20万只。", "20万只", False),  # livestock, not the grassland
    ],
)
def test_words_of_industry_tourism_and_livestock(text, value_text, environmental):
    assert flags(text)[value_text] is environmental


@pytest.mark.parametrize(
    ("text", "value_text", "environmental"),
    [
        # a quoted name before 品牌 / 产品 is a brand's: its 净土, 碧水 name no campaign
        ("新增“净土某县”农产品15个。", "15个", False),
        ("培育“碧水某县”区域公用品牌3个。", "3个", False),
        # a quoted campaign's name before other words still says what the figure is about
        ("建成“无废城市”细胞120个。", "120个", True),
    ],
)
def test_a_brands_quoted_name_names_no_topic(text, value_text, environmental):
    assert flags(text)[value_text] is environmental

"""Grammar of the work reports' audit round 8 (tests/gold/corpus/audits/README.md, "Work reports, round 8"): a word of a
natural resource (森林, 海洋, 草原, 矿山) before the head noun of a firm or business (人家, 牧场, 企业, 产业) is a modifier:
it decides nothing (S10's forest homestays and marine ranches, S9's mining firms), and the rest of the clause or the
document does; the resource alone or before a work (森林抚育, 海洋生态修复, 矿山修复) stays environmental. Every sentence is invented for the test; the flag is read
as the loader reads it in a work report."""

from __future__ import annotations

import pytest
from extraction_helper import PLAN_FIELDS as PLAN
from extraction_helper import flags


@pytest.mark.parametrize(
    ("text", "value_text"),
    [
        ("新创建森林人家12家。", "12家"),
        ("国家级海洋牧场达到8处。", "8处"),
        ("重点矿山企业投入3.2亿元推进智能化建设。", "3.2亿元"),
        ("培育海洋产业集群4个。", "4个"),
    ],
)
def test_a_resource_before_a_head_of_a_business_is_a_modifier(text, value_text):
    assert flags(text)[value_text] is False


@pytest.mark.parametrize(
    ("text", "value_text"),
    [
        ("完成森林抚育3万亩。", "3万亩"),
        ("创建省级森林村庄6个。", "6个"),
        ("实施海洋生态修复项目5个。", "5个"),
        ("完成历史遗留矿山修复1200亩。", "1200亩"),
        ("草原综合植被盖度达到85%。", "85%"),
    ],
)
def test_a_resource_heading_its_own_works_stays_environmental(text, value_text):
    assert flags(text)[value_text] is True


def test_firms_of_a_resource_in_an_environmental_plan_are_the_plans():
    # the firms name no topic; the plan's own subject (monitoring of mines) does
    assert flags("强化矿区监管,在线监控系统覆盖80家矿山企业。", PLAN)["80家"] is True
    assert flags("强化矿区监管,在线监控系统覆盖80家矿山企业。")["80家"] is False


@pytest.mark.parametrize(
    ("text", "value_text", "environmental"),
    [
        # a product head joined by 及/和 to an energy technology: both are the industry's products
        ("某硅业10万吨多晶硅及光伏一体化项目建成投产。", "10万吨", False),
        ("某新航动力电池和储能项目完成投资12亿元。", "12亿元", False),
        # energy technologies alone, or joined to each other, stay the climate's
        ("新增分布式光伏和储能装机30万千瓦。", "30万千瓦", True),
    ],
)
def test_an_energy_word_joined_to_a_product_is_a_product(text, value_text, environmental):
    assert flags(text)[value_text] is environmental

"""An installed capacity is a stock: what a year adds to it (新增…装机N千瓦, 装机新增N千瓦, 新增处理能力N吨/日) is a
change of the capacity, which the catalogue's installed-capacity indicator does not measure; the level the
capacity reaches stays a level. Made-up sentences."""

from __future__ import annotations

import pytest
from extraction_helper import loaded_measures

REPORT = """某市2031年政府工作报告
——2031年1月10日在某市第十届人民代表大会第三次会议上
各位代表：
一、2030年工作回顾
过去一年，全市风电装机新增42万千瓦、达到310万千瓦，新增光伏、风电并网装机156兆瓦，新增污水处理能力4万吨/日。
新能源发电装机达到520万千瓦。
"""


@pytest.fixture(scope="module")
def measures() -> dict[str, dict]:
    return loaded_measures(REPORT, "r.txt")


@pytest.mark.parametrize("value_text", ["42万千瓦", "156兆瓦", "4万吨/日"])
def test_an_addition_to_a_capacity_is_a_change(measures, value_text):
    assert measures[value_text]["is_change"] is True


@pytest.mark.parametrize("value_text", ["310万千瓦", "520万千瓦"])
def test_the_capacity_reached_is_a_level(measures, value_text):
    assert measures[value_text]["is_change"] is False

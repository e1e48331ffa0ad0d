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

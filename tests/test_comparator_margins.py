"""A comparator before a benchmark (高于省定目标 / 低于全国平均水平) compares with the benchmark: the number
after it is the margin (eq), while a comparator right before the number bounds it. Made-up sentences."""

from __future__ import annotations

from loaders.pipeline import process_document

REPORT = """某市2031年政府工作报告
——2031年1月10日在某市第十届人民代表大会第三次会议上
各位代表：
一、2030年工作回顾
过去一年，河流、近岸海域优良水体比例分别高于省定目标8.6个和1.9个百分点，优良天数比例低于全国平均水平2个百分点。
PM2.5浓度低于35微克/立方米，城市污水处理率超过95%。
"""


def test_a_number_after_a_benchmark_is_a_margin_and_one_after_the_comparator_a_bound():
    got = {m["value_text"]: m["comparator"] for m in process_document(REPORT.encode("utf-8"), "r.txt").measures}
    assert got["8.6个"] == got["1.9个百分点"] == got["2个百分点"] == "eq"
    assert got["35微克/立方米"] == "lt" and got["95%"] == "gt"

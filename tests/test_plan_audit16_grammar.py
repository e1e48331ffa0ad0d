"""Grammar of the plans' audit P16 (tests/gold/corpus/audits/p16_plan_env.csv), each class grepped over the whole
corpus (plans, city and provincial work reports) before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document

PLAN = """某省“十六五”生态环境保护规划
第一章 发展基础
"""


def _measures(text: str, name: str = "plan.txt") -> dict[str, dict]:
    return {m["value_text"]: m for m in process_document(text.encode("utf-8"), name).measures}


def test_a_change_against_the_end_of_a_plan_period_continues_the_level_stated_before_it():
    got = _measures(PLAN + "“十五五”期间,全省臭氧平均浓度降至41微克/立方米、较“十四五”时期末下降12.6%,"
                    "海水优良比例达到80.5%,比十四五末提高9.2个百分点。\n")
    assert got["12.6%"]["subject_zh"].startswith("全省臭氧平均浓度"), got["12.6%"]["subject_zh"]
    assert got["9.2个百分点"]["subject_zh"].startswith("海水优良比例"), got["9.2个百分点"]["subject_zh"]
"""Grammar of the plans' audit P8 and of the tuning sample p9_plan_tuning (tests/gold/corpus/audits/), classes
found in plans of several provinces: a year the sentence states in a five-year review is that year's, even the
period's last; a sentence opening on the last plan's period (“十三五”期间) is part of the review.
Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document


def _rows(plan: str) -> dict[str, tuple]:
    return {m["value_text"]: (m["kind"], m["year"], m["period"])
            for m in process_document(plan.encode("utf-8"), "plan.txt").measures}


def test_a_year_the_sentence_states_in_a_review_is_that_years_not_the_periods():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 发展基础
依法查处环境违法行为,2030年共办理行政处罚案件86件,罚款760万元。截至2030年底,累计罚款3100万元。
2026-2030年累计新增造林4.2万亩。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""")
    assert got["760万元"] == ("outcome", 2030, None)  # 2030年共…: that year alone, though 罚款 is work done
    assert got["3100万元"] == ("outcome", 2030, "2026-2030")  # 截至2030年底,累计: the run up to it
    assert got["4.2万亩"] == ("outcome", 2030, "2026-2030")  # the range written: the period


def test_a_sentence_opening_on_the_last_plans_period_is_part_of_its_review():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 总体要求
到2035年,全市优良天数比例达到90%。
第二章 主要任务
“十五五”期间,全市总计争取上级农村环境整治专项资金2.47亿元,全市森林覆盖率达到41.5%。
“十四五”期间,全市争取资金1.2亿元。
全市争取资金3.5亿元。
""")
    assert got["2.47亿元"] == ("outcome", 2030, "2026-2030")  # a total over the last plan
    assert got["41.5%"] == ("outcome", 2030, None)  # a level at its end
    assert got["1.2亿元"][2] is None  # an earlier plan's period: not this plan's review
    assert got["3.5亿元"][2] is None  # no lead: the task chapter's own reading

"""Grammar behind the attainment links (issue 14, link audit L1: tests/gold/corpus/audits/links): what a measure
must say for a link to pair it right. Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document

FIVE_YEAR_PLAN = """某市“十六五”生态环境保护规划
第一章 发展基础与形势
“十五五”期间,全市生态环境质量持续改善。
第二章 总体要求
到2035年,治理沙化土地3.2万亩,新增水土流失综合治理面积450平方公里,实施规模化防沙治沙8万公顷。
到2035年,完成坝上地区造林60万亩,每年完成草原种草改良5万亩。
到2035年,生态保护红线面积不低于1200平方公里,湿地面积稳定在30万亩。
"""


def test_land_worked_by_a_five_year_plans_end_is_its_total_over_the_plan():
    # a year's work in a report (治理沙化土地2万亩 of one year) never answers the plan's five-year total
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(FIVE_YEAR_PLAN.encode("utf-8"), "plan.txt").measures}
    assert got["3.2万亩"] == ("target", 2035, "2031-2035")
    assert got["450平方公里"] == ("target", 2035, "2031-2035")
    assert got["8万公顷"] == ("target", 2035, "2031-2035")
    assert got["60万亩"] == ("target", 2035, "2031-2035")
    assert got["5万亩"] == ("target", 2035, None)  # 每年: a year's work
    # an area's level at the plan's end names no work: no period
    assert got["1200平方公里"] == ("target", 2035, None)
    assert got["30万亩"] == ("target", 2035, None)

"""Grammar of the plans' audit P5 (tests/gold/corpus/audits/p5_plan_env.csv), classes found in plans of several
provinces: 约 joined to its verb (约为, 约占) is approximate, indicators counted with 个 or as goals and the bare
counts of some of them, a deadline within a five-year plan's own years, chapters numbered again in each part, a
new-industrialisation base (industry) beside green parks (environment). Every sentence is invented for the test."""

from __future__ import annotations

from relevance_helper import flag

from loaders.measures import extract_measures
from loaders.pipeline import process_document
from loaders.records import Metadata

PLAN = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)


def _found(sentence: str) -> dict[str, str]:
    return {m.value_text: m.comparator for m in extract_measures(sentence, [], [], PLAN)}


def test_about_joined_to_its_verb_is_approximate():
    got = _found("全省工业碳排放量占比约为70%,风电约占全省装机的18%,光伏发电量为50亿千瓦时。")
    assert got == {"70%": "approx", "18%": "approx", "50亿千瓦时": "eq"}


def test_indicators_counted_with_ge_or_as_goals_are_no_measures():
    assert list(_found("规划共设置主要指标20个,其中约束性指标12个、预期性指标8项,完成治理项目15项。")) == ["15项"]
    assert list(_found("列入规划的14项预期目标如期实现,建成污水处理厂3个。")) == ["3个"]


def test_a_bare_count_of_some_of_the_indicators_counted_is_no_measure():
    assert list(_found("某规划设置五个方面19项指标,已完成18项,1项(森林覆盖率)未完成,新建公园3个。")) == ["3个"]
    assert list(_found("六项监测指标同比2030年有3项反弹,10项约束性指标有9项已按期完成。")) == []
    kept = _found("全市考核指标全部达标,完成治理项目15项,新建公园3个。")  # no indicators counted: counts stay
    assert list(kept) == ["15项", "3个"]


FIVE_YEAR_PLAN = """某市“十六五”生态环境保护规划
某市人民政府
2032年1月14日
第一章 发展基础
“十五五”期间,全市优良天数比例达到85%。
第二章 主要任务
推进农村生活污水治理。2031年年底前,符合条件的改厕村庄50%完成规范升级。2035年年底前,全部完成。
2029年底前,全市完成污水管网建设100公里。
"""


def test_a_deadline_within_the_plans_own_years_is_a_goal_even_before_publication():
    got = {m["value_text"]: (m["kind"], m["year"])
           for m in process_document(FIVE_YEAR_PLAN.encode("utf-8"), "plan.txt").measures}
    assert got["50%"] == ("target", 2031)  # the plan's first year, published the next January
    assert got["100公里"] == ("outcome", 2029)  # a deadline before the plan's years is history
    assert got["85%"] == ("outcome", 2030)


PARTS_NUMBERED_AGAIN = """某市“十六五”生态环境保护规划
目录
第一章 发展基础
第二章 指导思想
第一章 生态修复
第一篇 总体要求
第一章 发展基础
“十五五”期间,全市森林覆盖率达到45%。
第二章 指导思想
坚持生态优先、绿色发展。
第二篇 主要任务
第一章 生态修复
实施自然保护地建设项目,设置拦网118公里,建设面积200亩。
"""


def test_chapters_numbered_again_in_each_part_are_tasks_not_the_review():
    got = {m["value_text"]: (m["kind"], m["year"])
           for m in process_document(PARTS_NUMBERED_AGAIN.encode("utf-8"), "plan.txt").measures}
    assert got["45%"] == ("outcome", 2030)  # the review, after a table of contents
    assert got["118公里"] == ("target", 2035)
    assert got["200亩"] == ("target", 2035)


def test_a_new_industrialisation_base_is_industry_and_a_green_park_beside_it_green():
    sentence = "新增国家级新型工业化产业示范基地1个、国家级绿色园区2个,国家级绿色工厂3个。"
    assert [flag(sentence, n, True) for n in ("1个", "2个", "3个")] == [False, True, True]
    assert flag("累计创建国家级绿色园区12个,认定专精特新企业30家。", "12个") is True


WORKS_OF_THE_LAST_PLAN = """某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,系统推进河湖生态治理,清退湖区圩区30.5平方千米,建设生态河道80条、绿道120公里。
全市重点建设用地安全利用率为100%,超过建设用地标准的地块面积12万平方米,国家生态文明建设示范区5个。
第二章 总体要求
到2035年,空气质量优良天数比例达到90%。
"""


def test_works_built_or_cleared_in_a_review_are_totals_over_the_last_plan():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(WORKS_OF_THE_LAST_PLAN.encode("utf-8"), "plan.txt").measures}
    assert got["30.5平方千米"] == ("outcome", 2030, "2026-2030")
    assert got["80条"] == ("outcome", 2030, "2026-2030")
    assert got["120公里"] == ("outcome", 2030, "2026-2030")
    assert got["100%"] == ("outcome", 2030, None)  # 建设用地 is land zoned for building: a level
    assert got["12万平方米"] == ("outcome", 2030, None)
    assert got["5个"] == ("outcome", 2030, None)  # a title held (生态文明建设示范区), not works built


GOALS_OF_CHANGE = """某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,全市优良天数比例达到85%。
第二章 主要目标
到2035年,单位地区生产总值能耗下降13.5%,重点行业重金属污染物排放量下降5%,化肥使用量逐年下降2%,
氨排放总量较2030年削减8%。到2033年,散煤用量减少50%,森林覆盖率达到40%。
"""


def test_a_goal_of_change_by_the_plans_last_year_is_over_the_plans_years():
    got = {m["value_text"]: (m["year"], m["period"])
           for m in process_document(GOALS_OF_CHANGE.encode("utf-8"), "plan.txt").measures}
    assert got["13.5%"] == (2035, "2031-2035")  # no base year written: the plan's base
    assert got["5%"] == (2035, "2031-2035")
    assert got["8%"] == (2035, "2031-2035")  # the base named
    assert got["2%"] == (2035, None)  # 逐年: each year's change
    assert got["50%"] == (2033, None)  # a year on the way, not the plan's end
    assert got["40%"] == (2033, None)  # a level


YEARS_OF_ITS_OWN = """某省“十六五”生态环境保护规划
某省人民政府
2031年12月20日
第一章 发展基础
“十五五”期间,全省优良天数比例达到85%,2029年建成污水处理厂12座。
第二章 主要任务
散煤替代工程。2031年全省散煤替代7.6万户,2032—2035年按计划实施。
2029年,全省完成土壤详查点位500个。
"""


def test_a_year_within_a_five_year_plans_own_years_is_a_goal_in_its_tasks():
    got = {m["value_text"]: (m["kind"], m["year"])
           for m in process_document(YEARS_OF_ITS_OWN.encode("utf-8"), "plan.txt").measures}
    assert got["7.6万户"] == ("target", 2031)  # the plan's first year, not before it was published
    assert got["500个"] == ("outcome", 2029)  # before the plan's years: history
    assert got["12座"] == ("outcome", 2029)

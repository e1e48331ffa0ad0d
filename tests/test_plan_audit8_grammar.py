"""Grammar of the plans' audit P8 and of the tuning sample p9_plan_tuning (tests/gold/corpus/audits/), classes
found in plans of several provinces: a year the sentence states in a five-year review is that year's, even the
period's last; a sentence opening on the last plan's period (“十三五”期间) is part of the review.
Every sentence is invented for the test."""

from __future__ import annotations

from loaders.measures import extract_measures
from loaders.pipeline import process_document
from loaders.records import Metadata


def _rows(plan: str) -> dict[str, tuple]:
    return {m["value_text"]: (m["kind"], m["year"], m["period"])
            for m in process_document(plan.encode("utf-8"), "plan.txt").measures}


def test_a_year_the_sentence_states_in_a_review_is_that_years_not_the_periods():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 发展基础
依法查处环境违法行为,2030年共办理行政处罚案件86件,罚款760万元。截至2030年底,累计罚款3100万元。
2030年全市天然气消费量52亿立方米,年均增长4.6%。
2026-2030年累计新增造林4.2万亩。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""")
    assert got["760万元"] == ("outcome", 2030, None)  # 2030年共…: that year alone, though 罚款 is work done
    assert got["3100万元"] == ("outcome", 2030, "2026-2030")  # 截至2030年底,累计: the run up to it
    assert got["4.2万亩"] == ("outcome", 2030, "2026-2030")  # the range written: the period
    assert got["4.6%"] == ("outcome", 2030, "2026-2030")  # 年均: an average over the period's years


def test_a_sentence_opening_on_the_last_plans_period_is_part_of_its_review():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 总体要求
到2035年,全市优良天数比例达到90%。
第二章 主要任务
“十五五”期间,全市总计争取上级农村环境整治专项资金2.47亿元,全市森林覆盖率达到41.5%。
“十五五”以来,全市需投入资金8.6亿元,投入运营的作业车辆231辆。
“十四五”期间,全市争取资金1.2亿元。
全市争取资金3.5亿元。
""")
    assert got["2.47亿元"] == ("outcome", 2030, "2026-2030")  # a total over the last plan
    assert got["41.5%"] == ("outcome", 2030, None)  # a level at its end
    assert got["8.6亿元"][2] is None and got["231辆"][2] is None  # 投入 (需投入, 投入运营): no work done over it
    assert got["1.2亿元"][2] is None  # an earlier plan's period: not this plan's review
    assert got["3.5亿元"][2] is None  # no lead: the task chapter's own reading


def test_a_mass_of_standard_coal_or_of_emissions_per_unit_is_an_intensity():
    plan = Metadata("t", None, None, "2031-06-01", "某市", "510100", "plan", 2035)
    got = {m.value_text: (m.value, m.unit) for m in extract_measures(
        "到2035年,单位GDP二氧化碳排放降至0.45吨/万元,吨钢综合能耗降至540千克标准煤/吨,吨碱能耗强度下降到325千克标准煤,"
        "单位产品能耗0.3吨标准煤/吨,万元GDP能耗0.35千克标准煤/万元,全市能耗总量控制在120万吨标准煤,"
        "年综合能耗5000吨标准煤以上企业节能8万吨标准煤。", [], [], plan)}
    assert got["0.45吨/万元"] == (0.45, "t_per_10k_yuan")
    assert got["540千克标准煤/吨"] == (540, "kgce_per_t")
    assert got["325千克标准煤"] == (325, "kgce_per_t")  # 吨碱能耗: per ton of product, the unit's '/吨' unwritten
    assert got["0.3吨标准煤/吨"] == (300, "kgce_per_t")
    assert got["0.35千克标准煤/万元"] == (0.00035, "tce_per_10k_yuan")
    assert got["120万吨标准煤"] == (1_200_000, "tce") and got["8万吨标准煤"] == (80_000, "tce")  # masses stay masses


def test_lines_a_pdf_broke_after_a_semicolon_keep_the_statements_date():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 发展基础
生态建设成效明显。截至2029年底,全市林地面积12.5万公顷,占国土面积20.4%;城市建成区绿化覆盖率27.1%;
园林绿地面积850公顷,人均公共绿地面积9.2平方米。
全市建成污水处理厂12座。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""")
    assert got["850公顷"][1] == 2029 and got["9.2平方米"][1] == 2029  # the chain's 截至2029年底
    assert got["12座"][1] == 2030  # a new statement: the review's year


def test_devices_fitted_to_diesel_trucks_are_not_trucks_eliminated():
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    assert assign_indicator("柴油货车安装OBD设备", "count", synonyms) is None
    assert assign_indicator("重型柴油货车加装远程在线监控", "count", synonyms) is None
    assert assign_indicator("淘汰老旧柴油货车", "count", synonyms) == "diesel_trucks_eliminated"


def test_a_year_of_the_clause_before_a_semicolon_is_not_the_next_clauses():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 发展基础
蓝天保卫战成效显现。全市12台在役燃煤机组于2028年底全部完成超低排放改造;完成钢铁、水泥等重点行业深度治理项目41个,重点行业全部执行特别排放限值。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""")
    # 于2028年底 dates the units retrofitted, not the projects of the clause after the ';': the review's work
    assert got["41个"] == ("outcome", 2030, "2026-2030")

"""Grammar of the plans' audit P10 (tests/gold/corpus/audits/p10_plan_env.csv) and the classes left by S11, grepped over
the corpus first: a range whose unit is written at both ends, the size class of machines counted, the quoted names of
kinds counted, the peer group of a rank. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import PLAN_FIELDS, flags

from loaders.pipeline import process_document


def _rows(text: str, name: str = "plan.txt") -> dict[str, tuple]:
    return {m["value_text"]: (m["value"], m["unit"], m["kind"], m["year"], m["comparator"])
            for m in process_document(text.encode("utf-8"), name).measures}


PLAN = """某市“十六五”生态环境保护规划
第一章 主要任务
"""


def test_a_range_with_its_unit_at_both_ends_is_one_figure():
    got = _rows(PLAN + "到2035年,各县空气质量优良天数比例在91.2%—93.5%,工业增加值增长4%-6%,完成造林2万亩、3万亩,"
                "建设1号-4号泊位,单位产值能耗下降8%~7%。\n")
    assert got["91.2%—93.5%"][::4] == (91.2, "ge")  # the range's low end and the range's comparator
    assert "93.5%" not in got and "6%" not in got  # the high end is no figure of its own
    assert got["4%-6%"][0] == 4.0
    assert "2万亩" in got and "3万亩" in got  # a list is no range
    assert "8%" in got and "7%" in got  # a falling pair is no range


def test_the_size_class_of_machines_counted_is_no_figure():
    got = _rows(PLAN + "到2035年,淘汰燃煤锅炉(城区5台35蒸吨以下),改造供热锅炉(城区8台20—40蒸吨,城外12台10蒸吨及以下),"
                "淘汰城区10—35蒸吨/小时燃煤锅炉,累计淘汰燃煤锅炉600台2100蒸吨,拆除锅炉(7台共180.5蒸吨)。\n")
    assert {"35蒸吨以下", "20—40蒸吨", "10蒸吨及以下", "10—35蒸吨/小时"}.isdisjoint(got)  # the size of each
    assert {"5台", "8台", "12台", "600台", "7台"} <= got.keys()  # the machines counted stay
    assert got["2100蒸吨"][0] == 2100 and got["180.5蒸吨"][0] == 180.5  # their total capacity, no bound: a figure


def test_the_quoted_names_of_kinds_counted_are_no_figure():
    got = _rows(PLAN + "到2035年,全面落实“划界”“立牌”“整治”三项重点任务,完成“清河”“净岸”两项行动,建成“无废园区”“无废工厂”"
                "8个,对3个门类12个大类行业企业开展排查,完成“清河”“净岸”“护林”两项任务。\n")
    assert "三项" not in got  # the number of the kinds named in quotes
    assert "8个" in got  # things built after quoted names: counted (the count is not theirs)
    assert "3个" not in got  # 门类: kinds of industry counted
    assert "两项" in got  # a count that differs from the names listed says something of its own


def test_the_peer_group_of_a_rank_is_no_figure():
    got = _rows("""某市2024年政府工作报告
一、2023年工作回顾
中心城区优良天数率居全省21个重点城市第2,改善幅度位列全国168个城市第15位,新建口袋公园12个。
""", "report.txt")
    assert "21个" not in got and "168个" not in got
    assert got["12个"][2:4] == ("outcome", 2023)


def test_funds_sought_in_a_review_are_obtained_not_planned():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 发展基础
推进排污权交易,争取省级平台收储排污权指标金额600万元。争取到转移支付资金3亿元。成功争取监测站点调整,新建6个水质自动监测站。
争取到2035年新建监测站5个。全市森林覆盖率达到41.5%。
第二章 主要目标
到2035年,争取新增专项资金2亿元,全市优良天数比例达到90%。
""")
    assert got["600万元"][2:4] == ("outcome", 2030) and got["3亿元"][2:4] == ("outcome", 2030)  # funds obtained
    assert got["6个"][2:4] == ("outcome", 2030)  # 成功争取: done
    assert got["5个"][2:4] == ("target", 2035)  # 争取到2035年: a goal by a year
    assert got["2亿元"][2:4] == ("target", 2035)  # funds sought in the plan's own goals


def test_money_invested_in_a_review_is_spent_over_its_years():
    got = {m["value_text"]: (m["year"], m["period"]) for m in process_document("""某市“十六五”生态环境保护规划
第一章 发展基础
完成了18个乡镇污水处理厂建设,投资5.2亿元。投入污染源普查经费300万元。仪器设备资产总额约900万元。尚需投入资金2亿元。
全市森林覆盖率达到41.5%。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""".encode(), "plan.txt").measures}
    assert got["5.2亿元"] == (2030, "2026-2030") and got["300万元"] == (2030, "2026-2030")  # money spent in the review
    assert got["900万元"] == (2030, None)  # assets held: a level at the period's end
    assert got["2亿元"][1] is None  # 需投入: money still needed, nothing spent


def test_forestry_before_a_business_names_no_environment():
    report = flags("培育家庭农场13个、林业产业园区2个,完成林业有害生物防治面积12万亩,建成森林步道8公里。")
    assert report == {"13个": False, "2个": False, "12万亩": True, "8公里": True}  # 林业 alone still decides
    plan = flags("培育林业产业园区2个,完成林业有害生物防治面积12万亩。", PLAN_FIELDS)
    assert plan == {"2个": True, "12万亩": True}  # in an environmental plan the document decides


def test_the_radius_a_service_is_counted_over_is_no_figure():
    got = _rows(PLAN + "到2035年,公园绿地500米服务半径覆盖率达到90%,按照主要公园绿地1公里的服务半径推进公园建设,新建公园12个。\n")
    assert "500米" not in got and "1公里" not in got
    assert got["90%"][0] == 90 and "12个" in got


def test_forest_grown_by_closing_land_is_work_done_over_the_review():
    got = {m["value_text"]: m["period"] for m in process_document("""某市“十六五”生态环境保护规划
第一章 发展基础
完成人工造林12.5万亩,封山育林8.6万亩,森林覆盖率达到41.5%。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""".encode(), "plan.txt").measures}
    assert got["12.5万亩"] == got["8.6万亩"] == "2026-2030"
    assert got["41.5%"] is None  # a level at the period's end


def test_natural_gas_supplied_is_energy_supply_its_share_the_energy_structure():
    got = flags("到2025年,天然气消费量达到145亿立方米,天然气年供应能力达到15亿立方米,新建天然气长输管线300公里,"
                "天然气消费比重达到8%以上,完成天然气替代燃煤锅炉12台。", PLAN_FIELDS)
    assert got == {"145亿立方米": False, "15亿立方米": False, "300公里": False, "8%以上": True, "12台": True}

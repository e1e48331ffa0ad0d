"""Grammar of the provincial work reports' audit round 6 (tuning draw tests/gold/corpus/audits/tuning/s7_province_tuning.csv
and S6's provincial rows), classes found in the reports of several provinces. Every sentence is invented for the test
(later years, no real region)."""

from __future__ import annotations

from loaders.pipeline import process_document


def rows(text: str) -> dict[str, tuple]:
    """value_text -> (kind, year, period) of each measure the loaders read."""
    return {m["value_text"]: (m["kind"], m["year"], m["period"])
            for m in process_document(text.encode("utf-8"), "report.txt").measures}


OPENING = """2031年某省政府工作报告
——2031年1月20日在某省第十五届人民代表大会第五次会议上
各位代表：
现在，我代表省人民政府向大会报告工作，请予审议。
一、2030年工作和“十五五”发展回顾
一年来，主要做了以下工作。全省新增造林12万亩。
2030年是“十五五”收官之年。回望“十五五”，我们走过了不平凡的历程。
"""


def test_a_paragraph_opening_on_this_five_years_reviews_the_period_also_after_a_dash():
    got = rows(OPENING + "——这五年，绿色转型纵深推进。全省PM2.5平均浓度下降11.5%，新建绿色工厂320家，优良天数比率超过85%。\n"
               "这五年，我们守护绿水青山，治理水土流失面积1.2万平方公里。\n"
               "过去的五年，我们累计完成营造林860万亩。\n"
               "二、“十六五”时期主要目标任务\n")
    assert got["12万亩"] == ("outcome", 2030, None)
    for flow in ("11.5%", "320家", "1.2万平方公里", "860万亩"):
        assert got[flow] == ("outcome", 2030, "2026-2030"), flow
    assert got["85%"] == ("outcome", 2030, None)  # a level at the period's end


def test_a_figure_in_words_naming_the_plan_that_ends_this_year_is_over_its_years():
    got = rows(OPENING.replace("全省新增造林12万亩。", "单位生产总值能耗累计降幅完成“十五五”任务，提前完成“十五五”主要污染物"
                               "减排目标任务，“十五五”末森林覆盖率达到32%。单位地区生产总值二氧化碳排放降低完成国家下达任务。"))
    assert got["完成“十五五”任务"] == ("outcome", 2030, "2026-2030")
    assert got["提前完成“十五五”主要污染物减排目标任务"][2] == "2026-2030"
    assert got["完成国家下达任务"][2] is None  # no plan named: the year's
    assert got["32%"] == ("outcome", 2030, None)  # a level at the plan's end


def test_a_paragraph_opening_on_the_plan_since_after_a_preface_reviews_the_period():
    got = rows(OPENING + "各位代表！“十五五”以来，我们迎难而上，单位GDP能耗下降率等约束性指标全部完成，居民人均可支配收入年均增长5%。\n")
    assert got["全部完成"][2] == "2026-2030"
    assert got["5%"][2] == "2026-2030"


def test_green_loans_are_the_banks_figures():
    from relevance_helper import flag

    sentence = "累计创建绿色园区12个、绿色工厂133家，碳市场累计成交4753万吨，绿色贷款余额超过6800亿元，新增绿色信贷120亿元。"
    assert flag(sentence, "133家") and flag(sentence, "4753万吨")
    assert not flag(sentence, "6800亿元")
    assert not flag(sentence, "120亿元")
    assert not flag("新建绿色建筑2171万平方米，绿色转型贷款余额突破1万亿元。", "1万亿元")


def test_the_new_three_exported_are_trade():
    from relevance_helper import flag

    sentence = "电动汽车、锂电池、光伏产品“新三样”出口年均增长18%，光伏发电装机达到500万千瓦。"
    assert not flag(sentence, "18%")
    assert flag(sentence, "500万千瓦")
    assert not flag("“新三样”产品出口额增长24.5%。", "24.5%")


def test_the_level_a_change_reached_in_a_five_year_review_has_no_period():
    got = rows(OPENING + "五年来，黑土地耕层厚度提升3.5%、达到21厘米，森林覆盖率提高1.5个百分点、达到40.5%，新能源装机新增800万千瓦、达到3000万千瓦。\n")
    assert got["3.5%"][2] == got["1.5个百分点"][2] == got["800万千瓦"][2] == "2026-2030"
    assert got["21厘米"] == got["40.5%"] == got["3000万千瓦"] == ("outcome", 2030, None)


def test_two_mountains_practice_bases_are_ecology():
    from relevance_helper import flag

    assert flag("9个县（区）获评“两山”实践创新基地。", "9个")
    assert flag("创建国家两山实践创新基地1个。", "1个")


def test_water_replenished_and_schools_extended_over_a_reviewed_period_are_totals():
    got = rows(OPENING + "五年来，我们守护绿水青山，向湖泊流域生态补水35亿立方米，新改扩建各类学校120所，全省高校达到60所。\n")
    assert got["35亿立方米"][2] == got["120所"][2] == "2026-2030"
    assert got["60所"][2] is None


def test_deep_treatment_of_polluters_is_the_environments():
    from relevance_helper import flag

    assert flag("强化石化行业VOCs综合治理，完成40座成品油储罐深度治理。", "40座")
    assert flag("实施电力、水泥等行业深度治理项目25个。", "25个")


def test_the_year_a_rise_started_from_does_not_date_the_level_reached():
    got = rows(OPENING + "五年来，城乡居民人均可支配收入从2026年的46000元和16000元分别提高到58000元和23000元。\n")
    assert got["58000元"][1] == got["23000元"][1] == 2030
    assert got["46000元"][1] == 2026
    got = rows(OPENING + "五年来，经济增速2027年以来连续12个季度高于全国平均水平，规模以上工业企业从1800户增加到3300户，新增绿色工厂26个。\n")
    assert got["3300户"][1] == got["26个"][1] == 2030  # a run since 2027, not the figures' year

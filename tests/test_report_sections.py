"""Work-report sections (loaders/measures/sections.py): review of the past year and of a five-year period,
goals of the next period and the plan of the year, read from headings and paragraph leads. The texts are
made up (later years, no real region) so that no rule can lean on a corpus line."""

from __future__ import annotations

import pytest

from loaders.measures.sections import plan_period
from loaders.pipeline import process_document


def rows(text: str) -> dict[str, tuple]:
    """value_text -> (kind, year, period, kind rule) of each measure the loaders read."""
    out = {}
    for m in process_document(text.encode("utf-8"), "report.txt").measures:
        out[m["value_text"]] = (m["kind"], m["year"], m["period"], m["rules"].split(";")[0])
    return out


SPEECH = """2031年某省政府工作报告
——2031年1月20日在某省第十五届人民代表大会第五次会议上
各位代表：
现在，我代表省人民政府向大会报告工作，请予审议。
一、“十五五”时期和2030年工作回顾
五年来，全省森林覆盖率达到30.5%，单位地区生产总值能耗累计下降14.2%。
刚刚过去的2030年，城市空气质量优良天数比率为88.6%。
二、“十六五”时期主要目标任务
“十六五”时期经济社会发展的主要目标是：细颗粒物浓度降至25微克/立方米。
三、2031年重点工作
今年经济社会发展的主要预期目标是：单位地区生产总值能耗降低2.5%左右。力争到2033年，森林覆盖率达到31%。
四、全面加强政府自身建设
新建污水管网200公里。
"""


def test_a_speech_reviews_the_past_year_and_period_and_plans_the_next_period_and_this_year():
    got = rows(SPEECH)
    assert got["30.5%"][:3] == ("outcome", 2030, None)  # a level at the period's end
    assert got["14.2%"][:3] == ("outcome", 2030, "2026-2030")  # a change over the reviewed period
    assert got["88.6%"][:3] == ("outcome", 2030, None)
    assert got["25微克/立方米"][:3] == ("target", 2035, "2031-2035")  # the next plan's goal
    assert got["2.5%左右"][:3] == ("target", 2031, None)  # this year's expected goal
    assert got["31%"][:3] == ("target", 2033, None)  # a later year the sentence states
    assert got["200公里"][:3] == ("target", 2031, None)  # a heading naming no time keeps the plan
    assert got["14.2%"][3] == "kind_work_report_lead_period_review"


def test_unnumbered_headings_and_leads_date_a_report_without_its_congress_line():
    got = rows("各位代表：\n2029年工作回顾\n过去一年，全市新增造林1.2万亩。\n"
               "2030年工作安排\n全市经济社会发展主要预期目标是：空气质量优良天数比率达到90%以上。\n")
    assert got["1.2万亩"][:2] == ("outcome", 2029)
    assert got["90%以上"][:2] == ("target", 2030)


def test_a_report_that_lost_its_line_breaks_still_has_parts():
    got = rows("各位代表： 现在，我代表市人民政府向大会报告工作。一、2029年工作回顾 一年来，城镇污水处理率达到96%。"
               "二、2030年工作安排 今年，城镇污水处理率提高到97%。")
    assert got["96%"][:2] == ("outcome", 2029)
    assert got["97%"][:2] == ("target", 2030)


def test_a_plan_citing_a_work_report_has_no_report_sections():
    got = rows("2030年某市生态环境工作要点\n一、总体要求\n认真落实市政府工作报告要求。\n"
               "二、主要目标\n2030年，细颗粒物浓度控制在30微克/立方米以下。\n")
    kind, year, period, rule = got["30微克/立方米以下"]
    assert (kind, year, period) == ("target", 2030, None) and not rule.startswith("kind_work_report")


@pytest.mark.parametrize(("ordinal", "years"), [("一", (2006, 2010)), ("四", (2021, 2025)), ("五", (2026, 2030))])
def test_plan_periods_by_their_ordinal(ordinal, years):
    assert plan_period(ordinal) == years


PLAN = """某市“十六五”生态环境保护规划
目录
第一章 发展基础与形势
第二章 总体要求
第一章 发展基础与形势
一、“十五五”生态环境保护成效
“十五五”期间，累计完成120个建制村的农村环境综合整治，城市生活污水处理率达到96%。2030年，空气质量优良天数比例为88%，较2025年上升6.5个百分点。力争到2035年，森林覆盖率达到40%。
二、存在的主要问题
部分区县3个监测点位土壤镉浓度超标。
第二章 总体要求
到2035年，细颗粒物年均浓度降至25微克/立方米。
第三章 主要任务
新建污水管网200公里。
"""


def test_a_five_year_plan_opens_on_its_review_of_the_last_period_and_plans_from_its_goals():
    got = rows(PLAN)
    assert got["120个"][:3] == ("outcome", 2030, "2026-2030")  # work done over the reviewed period
    assert got["96%"][:3] == ("outcome", 2030, None)  # a level at the period's end
    assert got["6.5个百分点"][:3] == ("outcome", 2030, "2026-2030")  # a change since its first year
    assert got["3个"][:2] == ("outcome", 2030)  # the situation it leaves
    assert got["40%"][:2] == ("target", 2035)  # a goal stated in the review stays one
    assert got["25微克/立方米"][:2] == ("target", 2035)
    assert got["200公里"][:2] == ("target", 2035)
    assert got["120个"][3] == "kind_plan_review_heading"


def test_a_plan_issued_by_a_forwarding_notice_takes_the_title_it_names():
    text = ("某政办发„2031 ‟7号\n各县区人民政府，市直各部门：\n《某市“十六五”生态环境保护规划》已经市政府常务会议"
            "审议通过，现印发给你们，请认真组织实施。\n第一章 发展基础与形势\n城市生活污水处理率达到96%。\n")
    result = process_document(text.encode("utf-8"), "plan.txt")
    assert result.document["title"] == "某市“十六五”生态环境保护规划"
    assert (result.document["doc_kind"], result.document["year"]) == ("five_year_plan", 2035)
    assert result.measures[0]["is_environmental"] is True


def test_an_annual_mean_and_a_year_on_year_change_in_a_review_are_no_figures_over_the_period():
    got = rows(PLAN.replace("城市生活污水处理率达到96%。",
                            "二氧化硫年均浓度为9微克/立方米，二氧化氮浓度同比下降4.5%。"))
    assert got["9微克/立方米"][:3] == ("outcome", 2030, None)
    assert got["4.5%"][:3] == ("outcome", 2030, None)


def test_a_level_a_review_says_was_raised_to_is_no_figure_over_the_period():
    got = rows(SPEECH.replace("全省森林覆盖率达到30.5%", "全省森林覆盖率提高到30.5%，水土保持率提升至66.2%"))
    assert got["30.5%"][:3] == ("outcome", 2030, None)
    assert got["66.2%"][:3] == ("outcome", 2030, None)
    assert got["14.2%"][:3] == ("outcome", 2030, "2026-2030")  # 累计下降: still a change over the period


@pytest.mark.parametrize("heading", ["“十六五”面临的机遇和挑战", "“十五五”规划实施情况", "生态环境现状"])
def test_a_plan_chapter_right_after_the_review_on_the_situation_or_the_review_goes_on_with_it(heading):
    text = PLAN.replace("二、存在的主要问题\n", f"第二章 {heading}\n").replace("第二章 总体要求", "第三章 总体要求")
    text = text.replace("第三章 主要任务", "第四章 主要任务\n第五章 筑牢生态安全基础\n新建湿地公园4个。")
    got = rows(text)
    assert got["3个"][:2] == ("outcome", 2030)  # the chapter right after the review
    assert got["25微克/立方米"][:2] == ("target", 2035)
    assert got["4个"][:2] == ("target", 2035)  # 基础 in a task chapter opens no review


def test_numbers_of_a_plans_glossary_are_no_measures():
    text = PLAN + "附件\n名词解释\n1.三场一通道：三场是指鱼类产卵场、索饵场、越冬场。\n2.千吨万人：供水人口在10000人以上的水源地。\n"
    values = {m["value_text"] for m in process_document(text.encode("utf-8"), "plan.txt").measures}
    assert "10000人" not in values and "200公里" in values


PLAN_REVIEW = """某市“十六五”生态环境保护规划
第一章 发展基础与面临形势
第一节 “十五五”生态环境保护成效显著
全市细颗粒物平均浓度降至28微克/立方米，较“十四五”时期末下降20%。2028年完成造林3.5万亩。治理水土流失120平方公里。
污水管网长度从2027年的3000公里增加到2031年的4000公里。
第二章 主要目标
到2035年，地表水优良比例达到95%。
"""


def test_a_year_stated_in_a_plans_review_dates_its_own_sentence_only():
    got = rows(PLAN_REVIEW)
    assert got["28微克/立方米"][:2] == ("outcome", 2030)  # 十六五 (2031-2035): the review's base year is 2030
    assert got["20%"][:3] == ("outcome", 2030, "2026-2030")  # 较“十四五”时期末: a baseline, not its year
    assert got["3.5万亩"][:2] == ("outcome", 2028)  # a year of the reviewed period the sentence states
    assert got["120平方公里"][:2] == ("outcome", 2030)  # ... holds for its sentence only
    assert got["4000公里"][:2] == ("outcome", 2031)  # the plan's first year, stated, dates the figure
    assert got["95%"][:2] == ("target", 2035)


PLAN_DEADLINES = """某市“十六五”生态环境保护规划
某市人民政府办公室
2031年6月1日
第三章 主要任务
2032年底前，城市清洁取暖率达到93%。到2033年年底，全市完成新改建排水管网100公里。
2030年底前，全市已淘汰燃煤锅炉120台。
"""


def test_a_deadline_in_a_five_year_plan_is_a_goal_unless_it_passed_before_the_plan_was_published():
    got = rows(PLAN_DEADLINES)
    assert got["93%"][:2] == ("target", 2032) and got["93%"][3] == "kind_plan_deadline"
    assert got["100公里"][:2] == ("target", 2033)
    assert got["120台"][:2] == ("outcome", 2030)  # published in 2031: that deadline is history

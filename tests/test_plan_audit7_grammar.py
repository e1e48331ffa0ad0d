"""Grammar of the plans' audit P7 and of the tuning sample p8_plan_tuning (tests/gold/corpus/audits/), classes
found in plans of several provinces: the five-year amounts of a plan's table whose period the cell does not write
(an emission amount's cut in a target column, a reduction amount in the base year's column); the count of the
kinds of work or industry a list closed by 等 names (甲、乙、丙等3个主导产业).
Every table and sentence is invented for the test."""

from __future__ import annotations

from loaders.measures import extract_measures
from loaders.pipeline import process_document
from loaders.records import Metadata
from loaders.tables import Table, render, table_measures


def _measures(rows, doc_year=2025):
    return table_measures(render(Table.from_rows(rows)), doc_year)


def test_a_share_on_the_row_of_an_emission_amount_is_the_last_plans_cut():
    rows = [["指标", "单位", "2015年", "2020年(实际)", "2020年(目标)"],
            ["二氧化硫排放量", "万吨", "5.10", "4.20", "12.5%"],
            ["总磷排放量", "吨", "310", "280", "≤300"],
            ["城市污水处理率", "%", "90", "95", "95%"]]
    got = {(m.subject_zh, m.year, m.kind): (m.value, m.unit, m.period) for m in _measures(rows)}
    assert got[("二氧化硫排放量", 2020, "target")] == (12.5, "percent", "2016-2020")
    assert got[("二氧化硫排放量", 2020, "outcome")] == (42000, "t", None)  # the amount itself: that year's level
    assert got[("总磷排放量", 2020, "target")] == (300, "t", None)  # a cap on the amount, no cut
    assert got[("城市污水处理率", 2020, "target")][2] is None  # a rate's level, whatever its unit


def test_an_amount_of_reduction_in_the_base_year_column_is_the_last_plans_tally():
    rows = [["指标", "2020年现状值", "2025年目标值", "属性"],
            ["化学需氧量重点工程减排量(万吨)", "1.26", "0.48", "约束性"]]
    got = {m.year: (m.kind, m.value, m.period) for m in _measures(rows)}
    assert got[2020] == ("outcome", 12600, "2016-2020")
    assert got[2025] == ("target", 4800, "2021-2025")


def test_the_count_of_the_kinds_a_list_closed_by_deng_names_is_no_measure():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = [m.value_text for m in extract_measures(
        "发展光电子、装备制造、食品加工等3个主导产业,开展节水增效、节水降损等2项重点行动,改造东路、西路等12条道路,"
        "建成甲站、乙站等2个观测站点,推进甲县、乙县2个县试点,建设甲区、乙区等2个产业园,"
        "划定甲水库、乙水库等5个水库、丙水库等3个水库保护区。", [], [], plan)]
    assert got == ["12条", "2个", "2个", "2个", "5个", "3个"]  # things built or worked on stay counted  # 12 roads in all (two named); places doing the work counted without 等 stay


def test_what_a_figure_is_computed_on_is_no_figure():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = [m.value_text for m in extract_measures(
        "注:①按照新调整的30个国控点位现状值统计。生态空间占国土面积比例为21.5%(国土面积按9100平方公里计算);"
        "2030年水质比例现状值按照考核断面(27个)计算。按照计划新建监测点位12个。", [], [], plan)]
    assert got == ["21.5%", "12个"]  # the sites and the area the shares are computed on are dropped


REVIEW = """某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,主城区消减86.5平方公里污水管网空白区,升级保护420平方公里湿地自然保护区,营造红树林1200亩,退耕还林3.2万亩。
设置环境监管网格1800个,布设土壤采样点420个,审批建设项目75个,罚款860万元,移送案件12起,办结信访件930件。
全市湿地保护率达到60%。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
"""


def test_more_verbs_of_work_done_in_a_review_make_totals_over_the_last_plan():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(REVIEW.encode("utf-8"), "plan.txt").measures}
    for done in ("86.5平方公里", "420平方公里", "1200亩", "3.2万亩", "1800个", "420个", "75个", "860万元", "12起", "930件"):
        assert got[done] == ("outcome", 2030, "2026-2030"), done
    assert got["60%"] == ("outcome", 2030, None)


def test_a_key_project_row_whose_word_reduction_the_pdf_moved_is_still_the_plans_tally():
    rows = [["指标", "", "2020年", "2025年目标"],
            ["主要污染物重点工程", "总磷", "—", "210"],
            ["重点工程数量(个)", "", "12", "30"]]
    got = {(m.subject_zh, m.year): m.period for m in _measures(rows)}
    assert got[("主要污染物重点工程总磷", 2025)] == "2021-2025"
    assert got[("重点工程数量", 2025)] is None  # projects counted, no pollutant's reduction


def test_the_share_of_a_sector_of_the_economy_is_not_environmental():
    plan = """某市“十六五”生态环境保护规划
第一章 发展基础
2030年,三次产业比例达到10.6:40.2:49.2,第三产业比2025年提高了6.2个百分点,森林覆盖率提高了2.1个百分点。
"""
    got = {m["value_text"]: m["is_environmental"] for m in process_document(plan.encode("utf-8"), "plan.txt").measures}
    assert got == {"6.2个百分点": False, "2.1个百分点": True}


def test_capacity_added_in_a_review_is_a_total_and_profits_are_the_economy():
    plan = """某市“十六五”生态环境保护规划
第一章 发展基础
新兴产业利润总额占比达到45.2%。增加污水处理能力25万吨/日,全市污水处理能力增加到120万吨/日。
战略性新兴产业占工业增加值比重达80%以上,节能环保产业增加值突破900亿元。
"""
    got = {m["value_text"]: (m["is_environmental"], m["period"])
           for m in process_document(plan.encode("utf-8"), "plan.txt").measures}
    assert got["45.2%"] == (False, None) and got["25万吨/日"] == (True, "2026-2030") and got["120万吨/日"] == (True, None)
    assert got["80%以上"][1] is None and got["900亿元"][1] is None  # 增加值, value added: a level, no work done


def test_a_cell_saying_reduction_makes_its_row_a_reduction_whatever_its_label():
    rows = [["指标", "", "2015年", "2020年目标值", "2020年实际值"],
            ["主要大", "二氧化硫", "减排12%", "3%", "8.5%"],
            ["森林覆盖率", "", "58%", "59%", "60%"]]
    got = {(m.subject_zh, m.year, m.kind): (m.value, m.period) for m in _measures(rows)}
    assert got[("主要大二氧化硫", 2015, "outcome")] == (12, "2011-2015")
    assert got[("主要大二氧化硫", 2020, "target")] == (3, "2016-2020")
    assert got[("主要大二氧化硫", 2020, "outcome")] == (8.5, "2016-2020")
    assert got[("森林覆盖率", 2020, "outcome")] == (60, None)


def test_what_the_work_starts_from_is_no_figure():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = [m.value_text for m in extract_measures(
        "到2035年,在甲区、乙区等既有3座门站的基础上,新建2座门站。在现有的5个监测站点基础上完善监测网络,基础上新增站点4个。",
        [], [], plan)]
    assert got == ["2座", "4个"]

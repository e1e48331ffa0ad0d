"""Grammar of the plans' audit P4 (tests/gold/corpus/audits/p4_*.csv), classes found in plans of several
provinces: a noun that opens like a flow word (建成区), a level reached (提升达到), a standard named by a labelled
list, indicators counted with the noun first, a stage or round named with 二次/三次, lists counted by a policy, and a
total power capacity of all sources. Every sentence is invented for the test."""

from __future__ import annotations

from relevance_helper import flag

from loaders.measures import extract_measures
from loaders.pipeline import process_document
from loaders.records import Metadata

PLAN = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)


REVIEW = """某市“十六五”生态环境保护规划
第一章 发展基础与形势
“十五五”期间,全市建成区绿化覆盖率达到45%,建成污水处理厂3座。县级集中式饮用水水源地水质达标率全面提升达到98%,
森林覆盖率较2025年提升2个百分点。农村生活污水治理率达到60%,督察问题整改完成率达99%,二氧化硫排放量减少率为18%。
第二章 总体要求
到2035年,空气质量优良天数比例达到90%。
"""


def test_a_level_in_a_review_is_no_flow_over_the_period():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"], m["is_change"])
           for m in process_document(REVIEW.encode("utf-8"), "plan.txt").measures}
    assert got["45%"] == ("outcome", 2030, None, False)  # 建成区 is the built-up area, not 建成 (built)
    assert got["3座"] == ("outcome", 2030, "2026-2030", False)  # work done over the period still is
    assert got["98%"] == ("outcome", 2030, None, False)  # 提升达到98%: the level reached
    assert got["2个百分点"][3] is True  # a change stays one
    assert got["60%"][2] is None and got["99%"][2] is None  # a rate of work done is a level
    assert got["18%"][2] == "2026-2030"  # a rate of change is over the period


def test_a_standard_named_by_a_labelled_list_is_no_measure():
    found = extract_measures("全面执行居住建筑80%、公共建筑75%节能标准,城镇新建建筑中绿色建筑占比达到90%。", [], [], PLAN)
    assert [m.value_text for m in found] == ["90%"]


def test_indicators_counted_with_the_noun_first_are_no_measures():
    found = extract_measures("规划共设置主要指标20项,其中约束性指标12项、预期性指标8项,完成治理项目15项。", [], [], PLAN)
    assert [m.value_text for m in found] == ["15项"]


def test_a_stage_or_round_named_with_a_numeral_is_no_count():
    found = extract_measures("完成200座加油站油气回收三次改造,推进储油库油气三次回收,推动园区二次开发,"
                             "全年开展联合执法三次。", [], [], PLAN)
    assert [m.value_text for m in found] == ["200座", "三次"]


def test_lists_a_policy_counts_are_no_measures():
    found = extract_measures("推进监督执法两个“正面清单”制度化,建立危险废物“三个清单”,建成“无废园区”3个。", [], [], PLAN)
    assert [m.value_text for m in found] == ["3个"]
    # the places, not the quoted name, counted (全省16个州(市), all of the province's, is no figure: audit P6)
    kept = extract_measures("完成16个州(市)督察“全覆盖”。", [], [], PLAN)
    assert [m.value_text for m in kept] == ["16个"]


def test_a_total_power_capacity_of_all_sources_is_not_environmental():
    sentence = "全省发电装机1.8亿千瓦,可再生能源发电装机突破9000万千瓦。"
    assert flag(sentence, "1.8亿千瓦") is False
    assert flag(sentence, "9000万千瓦") is True


def test_stone_coal_mines_restored_are_ecology_not_coal_mining():
    assert flag("全面完成18家石煤矿山整治和修复。", "18家") is True
    assert flag("关闭退出煤矿12处。", "12处") is False


def test_names_holding_a_numeral_are_no_counts():
    found = extract_measures("保护三台山、五台山等生态空间,实施八家子河等支流整治,落实扬尘治理六个百分百要求,"
                             "做足山水林田三篇文章,严格落实省委十项规定,新建三座山塘,本市是全国十四个亿吨级重点煤炭能源"
                             "工业基地之一,建成湿地公园两个。", [], [], PLAN)
    assert [m.value_text for m in found] == ["三座", "两个"]

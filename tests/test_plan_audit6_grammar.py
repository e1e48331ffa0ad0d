"""Grammar of the plans' audit P6 (tests/gold/corpus/audits/p6_plan_env.csv), classes found in plans of several
provinces: verbs of work done in a plan's review (消除, 制修订, 安装, 划定, 开展, 核发, 查处, 出台…) and the parts of a total (其中…)
are totals over the last plan's years; '.' written as the full stop between Chinese characters ends a sentence.
Every sentence is invented for the test."""

from __future__ import annotations

from loaders.measures import extract_measures
from loaders.pipeline import process_document
from loaders.reading import normalise
from loaders.records import Metadata

WORKS_OF_THE_LAST_PLAN = """某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,全市消除劣Ⅴ类水体湖库36座,制修订地方标准15项,划定乡镇级饮用水水源保护区41个。
组织开展了涉危企业、尾矿库等9项专项执法检查。建成生态公园27处,其中国家级4处、省级23处。
核发排污许可证1260张,查处环境违法案件385件,出台地方标准12项。
全市86座污水处理厂完成提标改造,312家企业安装在线监控设施,9个断面水质稳定达标。
全市森林覆盖率达到45%,城市污水处理率达到96.5%,有自然保护区8个。
新增经营主体12万户,其中民营企业占96%。划定占市域面积21.5%的生态保护红线,黑臭水体全部完成整治,消除比例100%。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
"""


def test_work_done_in_a_review_is_a_total_over_the_last_plan():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(WORKS_OF_THE_LAST_PLAN.encode("utf-8"), "plan.txt").measures}
    for done in ("36座", "15项", "41个", "9项", "27处", "4处", "23处", "1260张", "385件", "12项", "86座", "312家"):
        assert got[done] == ("outcome", 2030, "2026-2030"), done
    for level in ("45%", "96.5%", "8个", "9个", "96%", "21.5%", "100%"):  # levels and stocks at the period's end
        assert got[level] == ("outcome", 2030, None), level


def test_a_full_stop_written_as_a_point_between_chinese_characters_ends_a_sentence():
    text = "实施锅炉改造.对化工、造纸等12个行业开展审核.全省PM2.5浓度下降3.5%,1.建设公园2个.一.总体要求"
    assert normalise(text) == ["实施锅炉改造。对化工、造纸等12个行业开展审核。全省PM2.5浓度下降3.5%,1.建设公园2个。一.总体要求"]


PLAN_WITH_POINTS = """某省“十六五”生态环境保护规划
第一章 主要任务
燃煤锅炉改造工程.改造燃煤锅炉40台.对钢铁、焦化等6个行业开展清洁生产审核.
"""


def test_a_subject_does_not_run_across_a_point_full_stop():
    got = {m["value_text"]: m["subject_zh"]
           for m in process_document(PLAN_WITH_POINTS.encode("utf-8"), "plan.txt").measures}
    assert got["40台"].endswith("燃煤锅炉") and "工程" not in got["40台"]


def test_a_bare_rate_with_its_modifier_takes_the_work_of_the_clause_before_after_an_adverb():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = {m.value_text: m.subject_zh
           for m in extract_measures("持续推动畜禽粪污资源化利用,综合利用率达到95%以上,配套率达到100%。", [], [], plan)}
    assert got == {"95%以上": "畜禽粪污资源化利用综合利用率", "100%": "配套率"}


def test_a_rate_of_things_already_built_is_no_work_done():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = {m.value_text: m.kind for m in extract_measures(
        "确保已建污水处理设施运行率达到85%以上。全省已建成污水处理厂120座。", [], [], plan)}
    assert got == {"85%以上": "target", "120座": "outcome"}


def test_the_count_of_industries_just_listed_is_no_measure():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = [m.value_text for m in extract_measures(
        "对钢铁、焦化、造纸等12个重点行业开展清洁生产审核,完成钢铁、焦化等企业改造30家,建设产业园区等5个项目。", [], [], plan)]
    assert got == ["30家", "5个"]


MILESTONES = """某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,全市优良天数比例达到85%。
第二章 主要任务
到2032年底,完成入海河流排污口整治。确保入海监测断面水质100%达标,新建污水管网50公里。
到2035年,全市森林覆盖率达到45%。新建公园12个。
"""


def test_a_milestone_year_of_a_five_year_plan_binds_its_own_sentence_only():
    got = {m["value_text"]: (m["kind"], m["year"])
           for m in process_document(MILESTONES.encode("utf-8"), "plan.txt").measures}
    assert got["100%"] == ("target", 2035) and got["50公里"] == ("target", 2035)  # not 2032 of the sentence before
    assert got["45%"] == ("target", 2035) and got["12个"] == ("target", 2035)


NEW_SIX_INDUSTRIES = """某市“十六五”生态环境保护规划
第一章 发展基础
积极培育和发展农业“新六产”,建设农业“新六产”示范县8个、示范主体74家,推进一二三产业融合发展示范园3个,建成污水处理厂5座。
"""


def test_agricultures_new_six_industries_are_the_farm_economy():
    got = {m["value_text"]: m["is_environmental"]
           for m in process_document(NEW_SIX_INDUSTRIES.encode("utf-8"), "plan.txt").measures}
    assert got == {"8个": False, "74家": False, "3个": False, "5座": True}


def test_all_the_regions_divisions_are_no_figure():
    plan = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)
    got = [m.value_text for m in extract_measures(
        "2030年,全市7县区PM2.5浓度均达到国家二级标准,实现全省12个市州督察全覆盖,全市建成污水处理厂9座,"
        "7个县区建成垃圾焚烧厂,完成全市6个区级水源地整治。", [], [], plan)]
    assert got == ["9座", "7个", "6个"]


REVIEW_WITH_YEARS = """某市“十六五”生态环境保护规划
一、工作情况
2030年,全市完成河道整治。争取专项资金3.6亿元。
二、主要任务
到2033年底,完成河道整治。新建公园12个。
"""


def test_a_year_before_the_plan_goes_on_in_its_review_and_a_figure_of_each_year_is_no_total():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(REVIEW_WITH_YEARS.encode("utf-8"), "plan.txt").measures}
    assert got["3.6亿元"][:2] == ("outcome", 2030)  # history before the plan's years: its year goes on
    assert got["12个"] == ("target", 2035, None)  # a milestone of the plan's years does not
    text = WORKS_OF_THE_LAST_PLAN.replace("全市森林覆盖率", "每年开展环保宣传活动120场,全市森林覆盖率")
    each_year = {m["value_text"]: m["period"] for m in process_document(text.encode("utf-8"), "plan.txt").measures}
    assert each_year["120场"] is None

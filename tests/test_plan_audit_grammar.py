"""Grammar of the plans' audit P3 (tests/gold/corpus/audits/p3_*.csv): what the flag missed in plans of
several provinces (waste generated, ecological accounting, farmland named by its soil, intensities per unit
of output, a year's output before the noun it measures), the years a change since a stated year covers, the
five-year totals and the work done over a reviewed period, and bounds that say which things a rule is about.
Every sentence is invented for the test."""

from __future__ import annotations

import pytest
import relevance_helper

from loaders.measures import extract_measures
from loaders.pipeline import process_document
from loaders.records import Metadata

PLAN = Metadata("t", None, None, "2031-06-01", "某省", "510000", "plan", 2035)


def flag(sentence: str, number: str, environmental_document: bool = True) -> bool:
    """The flag in a plan whose title names the environment, unless told otherwise."""
    return relevance_helper.flag(sentence, number, environmental_document)


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # waste generated is no year's output (年产生量 is not 年产)
        ("全市工业危险废物产生量大,2030年产生量超过120万吨。", "120万吨", True),
        # a year's output names what is counted; the noun after the number says what of
        ("建成年产5万吨污泥综合利用项目。", "5万吨", True),
        ("建成年产30万吨锂电池项目。", "30万吨", False),
        ("新增1家年产值超百亿元的企业。", "1家", False),
        # the ecosystem's product is ecological accounting, the region's product the economy's
        ("全市生态系统生产总值达到5000亿元。", "5000亿元", True),
        ("全市地区生产总值达到5000亿元。", "5000亿元", False),
        # farmland named by its soil is soil; farmland alone is agriculture's
        ("实施黑土耕地保护利用面积300万亩。", "300万亩", True),
        ("划定镉污染耕地风险管控区域800亩。", "800亩", True),
        ("耕地保有量稳定在300万亩。", "300万亩", False),
        # an intensity per unit of output is resource efficiency
        ("全市单位GDP建设用地使用面积下降12%。", "12%", True),
        # renewable heating is green energy's share; heat supply, tap water and farm tourism are not
        ("可再生能源供热面积占比达到15%。", "15%", True),
        ("城市集中供热面积达到1亿平方米。", "1亿平方米", False),
        ("全省农村自来水普及率达到90%。", "90%", False),
        ("建成休闲农业示范点10个。", "10个", False),
        # rural-development designations are the programme's, in a plan too
        ("“十六五”期间,建成美丽宜居村庄700个。", "700个", False),
        ("建成特色田园乡村50个。", "50个", False),
    ],
)
def test_a_plans_figure_is_environmental_by_its_own_words(sentence, number, expected):
    assert flag(sentence, number) is expected


def test_an_intensity_and_the_ecosystems_product_are_environmental_in_a_work_report_too():
    assert flag("单位地区生产总值建设用地下降4%。", "4%", environmental_document=False) is True
    assert flag("全市生态系统生产总值增长6%。", "6%", environmental_document=False) is True


def test_a_change_since_a_stated_year_covers_the_years_after_it():
    got = {m.value_text: m.period for m in extract_measures(
        "到2035年,万元地区生产总值用水量较2030年下降10%,化肥施用量较上年下降1%,农药使用量比2030年分别下降5%。"
        "到2033年,单位工业增加值能耗较2030年下降8%。", [], [], PLAN)}
    assert got == {"10%": "2031-2035", "1%": None, "5%": "2031-2035", "8%": "2031-2033"}


FIVE_YEAR_PLAN = """某市“十六五”生态环境保护规划
第一章 发展基础与形势
“十五五”期间,全市拆除燃煤锅炉40台,取缔散乱污企业120家。2030年,臭氧浓度较2027年上升9.5%。
第二章 总体要求
到2035年,氮氧化物、化学需氧量重点工程减排量分别达到1.2万吨、0.8万吨。
"""


def test_a_five_year_plans_work_done_and_reduction_totals_cover_their_period():
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(FIVE_YEAR_PLAN.encode("utf-8"), "plan.txt").measures}
    assert got["40台"] == ("outcome", 2030, "2026-2030")  # work done over the reviewed period
    assert got["120家"] == ("outcome", 2030, "2026-2030")
    assert got["9.5%"] == ("outcome", 2030, "2028-2030")  # a change since the year it names
    assert got["1.2万吨"] == ("target", 2035, "2031-2035")  # a prose reduction total of the plan
    assert got["0.8万吨"] == ("target", 2035, "2031-2035")


@pytest.mark.parametrize(
    "sentence",
    [
        "支持大宗货物年货运量150万吨以上的工矿企业接入铁路专用线。",
        "城市建成区禁止新建每小时35蒸吨以下的燃煤锅炉。",
        "2500吨/日以下的水泥熟料生产线全部整合退出。",
        "汽油年销量5000吨以上的加油站全部安装油气回收在线监控。",
    ],
)
def test_a_bound_on_a_quantity_of_the_things_after_it_is_no_measure(sentence):
    assert extract_measures(sentence, [], [], PLAN) == []


def test_a_bound_on_no_quantity_still_measures_the_work():
    found = extract_measures("每年推动200万平方米以上的既有居住建筑节能改造。", [], [], PLAN)
    assert [(m.value, m.comparator) for m in found] == [(2000000, "ge")]


def test_a_year_after_a_plans_publication_is_a_goal_on_the_way():
    found = extract_measures("力争到2035年,全市空气质量优良天数比例达到90%。2032年,至少有1个区实现生活垃圾分类全覆盖。"
                             "2030年,全市建成污水处理厂3座。", [], [], PLAN)
    assert [(m.value_text, m.kind) for m in found] == [("90%", "target"), ("1个", "target"), ("3座", "outcome")]


def test_a_count_of_indicators_is_no_measure():
    found = extract_measures("规划共设置18项环境保护指标,总磷、溶解氧两项指标未能稳定达标,完成整治项目20项。", [], [], PLAN)
    assert [m.value_text for m in found] == ["20项"]


def test_ideas_and_structures_counted_by_a_plan_are_no_measures():
    found = extract_measures("建立联合调查、信息共享四项机制,构建市、县、乡、村四个层级的监管体系,建成污水处理厂三座,"
                             "形成10项制度创新成果。", [], [], PLAN)
    assert [m.value_text for m in found] == ["三座", "10项"]


def test_the_sessions_of_a_party_committee_are_named_not_counted():
    found = extract_measures("全面落实省委十一届八次、九次、十次全会精神,全年开展执法检查120次。", [], [], PLAN)
    assert [m.value_text for m in found] == ["120次"]

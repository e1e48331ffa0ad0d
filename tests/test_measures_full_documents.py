"""Classes of environmental figures missed or invented in the documents annotated in full (issue 14).

Every sentence is written for the test, not quoted from a document.
"""

import pytest

from loaders.measures import extract_measures
from loaders.records import Metadata

PLAN = Metadata("t", None, None, "2022-03-01", "湖南省", "430000", "plan", 2022)
REPORT = Metadata("t", None, None, "2024-01-20", "桂林市", "450300", "report", 2023)


def measures(text, meta=PLAN):
    return extract_measures(text, [], [], meta)


def test_a_figure_counted_over_the_list_before_it_holds_for_each():
    found = measures("市控断面水质达标率、城镇污水处理率实现“两个100%”。", REPORT)
    assert [(m.subject_zh, m.value, m.unit) for m in found] == [
        ("市控断面水质达标率", 100, "percent"), ("城镇污水处理率", 100, "percent")]


def test_a_counted_figure_without_its_list_is_a_slogan():
    assert measures("施工工地全面落实扬尘治理“五个100%”。", REPORT) == []
    # the count must equal the list's length: three rates do not make “两个100%”
    assert measures("甲率、乙率、丙率实现“两个100%”。", REPORT) == []


@pytest.mark.parametrize(
    "text",
    [
        "划定并严守城市开发边界等三条控制线。",
        "落实三区三线管控要求。",
        "完成二氧化硫等4项主要污染物减排任务。",
    ],
)
def test_a_number_inside_a_name_or_counting_a_named_set_is_no_measure(text):
    assert measures(text, REPORT) == []


def test_a_boiler_size_class_with_its_hour_written_out():
    assert measures("全面淘汰10蒸吨/小时及以下燃煤锅炉。") == []
    assert [(m.value, m.unit) for m in measures("淘汰燃煤锅炉150蒸吨/小时。", REPORT)] == [(150, "steam_t_per_h")]


@pytest.mark.parametrize(
    "text",
    [
        "推动年销售汽油量大于3000吨的加油站安装油气回收在线监控。",
        "对年用能超过5000吨标准煤的企业开展节能监察。",
        "禁止销售厚度小于0.02毫米的农用地膜。",
    ],
)
def test_a_strict_bound_before_de_and_a_noun_says_which_things_a_rule_covers(text):
    assert measures(text) == []


def test_a_strict_bound_that_is_a_figure_stays():
    assert [(m.value, m.comparator) for m in measures("固体废物综合利用量超过300万吨。")] == [(3_000_000, "gt")]
    assert [m.value for m in measures("超过60%的行政村完成污水治理。")] == [60]  # a share of the things
    assert [m.value for m in measures("实现处理量超过50万吨的目标。")] == [500_000]


def test_an_energy_saving_standard_named_by_its_figure_is_no_measure():
    assert measures("新建住宅执行80%节能设计标准,公共建筑执行70%的节能标准。") == []
    assert measures("新建建筑执行节能75%的设计标准。") == []
    # a share of buildings meeting a standard is a figure
    assert [m.value for m in measures("城镇新建建筑100%执行绿色建筑标准。")] == [100]


def test_two_short_names_joined_by_he_share_the_rate_after_them():
    found = measures("林地和建设用地安全利用率均保持在较高水平,农用地和建设用地安全利用率100%。", REPORT)
    assert [m.subject_zh for m in found] == ["农用地安全利用率", "建设用地安全利用率"]
    # two levels of government name one network of sections: one figure
    assert len(measures("国家和省考核断面水质优良率保持100%。", REPORT)) == 1


def test_the_size_of_one_machine_is_a_specification():
    assert measures("全国首台套12兆瓦海上风机成功下线。", REPORT) == []
    found = measures("淘汰单台10蒸吨燃煤锅炉35台。", REPORT)
    assert [(m.value, m.unit) for m in found] == [(35, "count")]
    # a share of both together is one figure; 和 inside a word or joining two grades of a rate splits nothing
    assert len(measures("风电和光伏装机占比达到40%。", REPORT)) == 1
    assert len(measures("和美乡村建成率达到60%。", REPORT)) == 1
    assert len(measures("群众满意和基本满意率达到98%。", REPORT)) == 1


def test_the_first_to_pass_a_line_states_its_own_figure():
    found = measures("高新区成为全省首个产值突破1000亿元的园区。", REPORT)
    assert [(m.value, m.comparator) for m in found] == [(100_000_000_000, "gt")]


def test_a_respectively_list_of_different_units_takes_its_subjects_in_order():
    found = measures("臭氧浓度、优良天数比例分别为150微克/立方米、91.2%。", REPORT)
    assert [(m.subject_zh, m.unit) for m in found] == [("臭氧浓度", "ug_m3"), ("优良天数比例", "percent")]
    # without 分别 the clause says nothing of which subject each number is
    found = measures("植树造林、新建绿道1.2万亩、50公里。", REPORT)
    assert [m.subject_zh for m in found][0] == "植树造林、新建绿道"

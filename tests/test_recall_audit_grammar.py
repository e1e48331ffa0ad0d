"""Grammar found missing or wrong by the recall audit R3 (tests/gold/corpus/audits/recall/) and then looked for in
documents of several provinces. Every sentence is invented for the test."""

import pytest
from relevance_helper import flag

from loaders.items import split_items, split_sentences
from loaders.measures import extract_measures
from loaders.records import Metadata

PLAN = Metadata("t", None, None, "2022-02-01", "某省", "510000", "plan", 2021)


def measures(text):
    items = split_items(text)
    return extract_measures(text, items, split_sentences(text, items), PLAN)


@pytest.mark.parametrize(
    "text",
    [
        "到2025年,农村生活污水治理率达到考核要求。",
        "到2025年,城市空气质量优良天数比率达到国家考核要求。",
        "到2025年,地表水优良水体比例完成省上下达要求。",
    ],
)
def test_a_rate_that_meets_the_assessed_requirement_is_a_figure_in_words(text):
    found = measures(text)
    assert [(m.kind, m.value, m.unit, m.year, m.is_masked) for m in found] == [("target", None, "percent", 2025, False)]


def test_a_requirement_without_a_metric_is_no_figure():
    assert measures("到2025年,各项工作达到考核要求。") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("县级城市建成区不再新建35蒸吨/小时以下的燃煤锅炉。", []),
        ("年综合能耗150万吨以上的企业开展节能诊断。", []),
        ("支持货物运输量150万吨以上的企业建设专用线。", []),
        ("对禁燃区内每小时20蒸吨以下的燃煤锅炉实施改造,完成改造锅炉80蒸吨。", ["80蒸吨"]),
        # a goal or task after 的 is the figure's own
        ("到2025年,完成营造林100万亩以上的任务。", ["100万亩以上"]),
        ("每年推动200万平方米以上的既有居住建筑节能改造。", ["200万平方米以上"]),
    ],
)
def test_a_bound_before_which_things_names_a_size_class(text, kept):
    assert [m.value_text for m in measures(text)] == kept


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # in a plan whose title names the environment, a figure's own words of another field still decide
        ("到2023年,全市轨道交通营运里程达到310公里。", "310公里", False),
        ("力争培育1个国家级战略性新兴产业集群。", "1个", False),
        ("到2025年,可再生能源供热面积达到10%以上。", "10%以上", True),
        ("到2025年,城市道路机械化清扫率达到90%。", "90%", True),
    ],
)
def test_a_plans_figure_of_another_field_is_not_environmental(sentence, number, expected):
    assert flag(sentence, number, environmental_document=True) is expected

"""Grammar found missing or wrong by the recall audit R4 (tests/gold/corpus/audits/recall/) and then looked for in
documents of several provinces. Every sentence is invented for the test."""

import pytest
from extraction_helper import CITY_REPORT, extract
from relevance_helper import flag

from loaders import semantics
from loaders.evaluate import assign_indicator, load_synonyms

REPORT = CITY_REPORT


def measures(text):
    return extract(text, REPORT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pollutant's code, alone or with 指标, names its concentration; 控制 / 年控 before the goal is no metric
        ("全面完成上级下达的PM10指标和重污染天数控制任务。", [("PM10浓度", "ug_m3"), ("重污染天数", "days")]),
        ("确保完成PM2.5年控目标任务。", [("PM2.5浓度", "ug_m3")]),
        # a list of metrics before the goal: a figure in words for each
        ("确保完成城区空气质量优良天数比率、细颗粒物(PM2.5)平均浓度目标。",
         [("城区空气质量优良天数比率", "percent"), ("细颗粒物(PM2.5)平均浓度", "ug_m3")]),
    ],
)
def test_a_figure_in_words_names_each_pollutant_metric(text, expected):
    found = measures(text)
    assert [(m.subject_zh, m.unit) for m in found] == expected
    assert all(m.value is None and not m.is_masked for m in found)


def test_a_task_naming_no_metric_stays_no_figure():
    assert measures("确保完成省下达的招商引资控制任务。") == []


def test_a_quota_after_a_bound_is_an_amount_not_a_size_class():
    assert [m.value_text for m in measures("全年盘活5万吨标准煤以上用能指标。")] == ["5万吨标准煤以上"]
    assert [m.value_text for m in measures("淘汰10蒸吨以上燃煤锅炉3台。")] == ["3台"]


def test_a_share_opening_its_clause_on_zhan_divides_the_figure_before():
    found = measures("2023年,全县煤炭消费120万吨标准煤,占全县能源消费总量的61.2%。")
    share = [m for m in found if m.unit == "percent"]
    assert [m.subject_zh for m in share] == ["全县煤炭消费占全县能源消费总量"]
    assert assign_indicator(share[0].subject_zh, "percent", load_synonyms()) == "coal_consumption_share"
    # a share with its own numerator keeps it
    own = measures("2023年,全县用电量80亿千瓦时,清洁能源发电占全县发电量的40%。")
    assert [m.subject_zh for m in own if m.unit == "percent"] == ["清洁能源发电占全县发电量"]


@pytest.mark.parametrize(
    ("subject", "unit", "expected"),
    [("新增新能源规模", "kw", "renewable_power_capacity"), ("可再生能源规模", "kw", "renewable_power_capacity"),
     ("新能源规模", "percent", None)],
)
def test_the_size_of_new_energy_in_kw_is_renewable_capacity(subject, unit, expected):
    assert assign_indicator(subject, unit, load_synonyms()) == expected


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("加快建设2座5万千瓦光热电站和光热产业园。", "2座", True),  # the count's noun is past the size, before 和
        ("争取创建国家生态工业示范园区1家。", "1家", True),
        ("新建省级生态工业园区3个。", "3个", True),
        ("推进生态工业产业集群,产值突破200亿元。", "200亿元", False),  # 生态工业 alone is an industry
        ("完成治理干热河谷1.2万亩。", "1.2万亩", True),
        ("争取能耗指标50万吨标准煤。", "50万吨标准煤", True),  # an energy-use quota (the gold's convention)
        ("建设5个和美乡村示范片区。", "5个", False),  # 和 inside a word cuts nothing
    ],
)
def test_words_of_r4_decide_a_work_reports_flag(sentence, number, expected):
    assert flag(sentence, number) is expected


def test_the_counted_noun_keeps_words_with_he_inside():
    sentence = "建成3个碳中和示范园区。"
    assert semantics._counted(sentence, sentence.index("3个") + 2) == "碳中和示范园区"


def test_a_count_of_two_nouns_joined_by_he_reads_on_when_the_first_says_nothing():
    assert flag("3个地区和园区入选国家低碳试点。", "3个") is True

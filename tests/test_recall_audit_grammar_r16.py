"""Grammar of the recall round 11 (brief G16: R15's, T23's and the brief's classes, tests/gold/corpus/audits/).
Every sentence is invented."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, CITY_REPORT, extract


def _rows(text: str, meta=CITY_REPORT) -> list[tuple]:
    return [(m.subject_zh, m.value, m.unit, m.comparator) for m in extract(text, meta)]


@pytest.mark.parametrize(
    "text",
    [
        # a count in words right after the names it counts: it names them, it measures nothing
        "围绕水环境改善、固废减量、生态修复三项重点任务,全面推进各项工作。",
        "推进臭氧污染防治、柴油货车治理两个“三年行动计划”,持续改善空气质量。",
        # a programme's own numeral after its quoted name
        "启动开展“美丽河湖攻坚年”六项行动,协同开展宣传活动。",
    ],
)
def test_a_count_in_words_of_the_names_before_is_no_figure(text):
    assert _rows(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an Arabic count after a name is of work done (R11: 暖民心行动49项), and a count beyond the names stays
        ("完成“清废”行动12项,整治问题点位30个。",
         [("“清废”行动", 12.0, "count", "eq"), ("整治问题点位", 30.0, "count", "eq")]),
        ("实施水环境改善、固废减量五项重点任务。", [("水环境改善、固废减量", 5.0, "count", "eq")]),
    ],
)
def test_counts_of_work_stay(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize("subject", ["非化石能源装机", "非化石能源装机规模", "新增非化石能源发电装机"])
def test_capacity_of_non_fossil_sources_is_renewable_capacity(subject):
    from loaders.evaluate import assign_indicator, load_synonyms

    # the capacity of non-fossil sources, as 清洁能源装机 (R15: 其中非化石能源装机1000万千瓦); not its share
    assert assign_indicator(subject, "kw", load_synonyms(), False) == "renewable_power_capacity"
    assert assign_indicator(subject + "占比", "percent", load_synonyms(), False) is None


def test_a_dot_before_the_year_opening_a_sentence_is_a_full_stop():
    from extraction_helper import loaded_measures

    # T24 (a plan that ends sentences with '.'): the year after the dot opens a sentence of its own, the figure is
    # of that year, not of the 2035 goal the sentence before names
    got = loaded_measures("某市生态环境保护规划\n锚定2035年美丽海湾建设远景目标,分批次推进美丽海湾建设.2025年底前,"
                          "力争建成5个美丽海湾.2023年底前,完成3个入海河口整治.\n")
    assert (got["5个"]["year"], got["3个"]["year"]) == (2025, 2023)


@pytest.mark.parametrize(
    "text",
    [
        # the size that admits the things named (households of a settlement, beds of a clinic), no figure
        "完善农村生活污水治理设施,达到50户以上的聚居点,建设污水处理设施。",
        "建立小型养老机构(30张床位以下)生活垃圾的收集转运体系。",
    ],
)
def test_a_size_class_of_the_things_named_is_no_figure(text):
    assert _rows(text, CITY_PLAN) == []


def test_a_count_in_brackets_without_a_bound_stays():
    assert _rows("淘汰某县燃煤锅炉(6台),建成污水处理厂2座。", CITY_PLAN) == [
        ("淘汰某县燃煤锅炉", 6.0, "count", "eq"), ("污水处理厂", 2.0, "count", "eq")]

"""Grammar of the recall round 11 (R10's miss, tests/gold/corpus/audits/): several metrics stated with one value.
Every sentence is invented."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_PLAN, extract


def _rows(text: str) -> list[tuple]:
    return [(m.subject_zh, m.value, m.comparator, m.kind, m.year) for m in extract(text, CITY_PLAN)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a metric whose word holds 及 or 与 (普及率, 及时率, 参与率) is one item of the list, not two
        ("到2025年,农村卫生厕所普及率和示范村无害化厕所普及率均达90%以上。",
         [("农村卫生厕所普及率", 90.0, "ge", "target", 2025), ("示范村无害化厕所普及率", 90.0, "ge", "target", 2025)]),
        ("到2025年,城镇燃气普及率、农村自来水普及率均达到98%。",
         [("城镇燃气普及率", 98.0, "eq", "target", 2025), ("农村自来水普及率", 98.0, "eq", "target", 2025)]),
        ("到2025年,突发环境事件应急处置及时率、公众参与率均达到100%。",
         [("突发环境事件应急处置及时率", 100.0, "eq", "target", 2025), ("公众参与率", 100.0, "eq", "target", 2025)]),
        # 都 like 均; a city named 成都 is no marker
        ("到2025年,城市污水处理率和城市生活垃圾无害化处理率都达到100%。",
         [("城市污水处理率", 100.0, "eq", "target", 2025), ("城市生活垃圾无害化处理率", 100.0, "eq", "target", 2025)]),
        ("到2025年,成都空气质量优良天数比例达到80%。", [("成都空气质量优良天数比例", 80.0, "eq", "target", 2025)]),
        # 全部 like 均 (R15: A率、B率全部达到…)
        ("到2025年,受污染林地安全利用率、污染场地安全利用率全部达到92%以上。",
         [("受污染林地安全利用率", 92.0, "ge", "target", 2025), ("污染场地安全利用率", 92.0, "ge", "target", 2025)]),
        # a head written once for both: each takes it
        ("到2025年,城市及农村自来水普及率均达到99%。",
         [("城市自来水普及率", 99.0, "eq", "target", 2025), ("农村自来水普及率", 99.0, "eq", "target", 2025)]),
        # 分别 with as many values pairs them in order
        ("到2025年,城市和农村自来水普及率分别达到99%和95%。",
         [("城市自来水普及率", 99.0, "eq", "target", 2025), ("农村自来水普及率", 95.0, "eq", "target", 2025)]),
        # a fixed phrase of rank or timeliness is no list
        ("到2025年,县级及以上城市集中式饮用水水源水质达标率达到100%。",
         [("县级及以上城市集中式饮用水水源水质达标率", 100.0, "eq", "target", 2025)]),
        ("到2025年,环境信访办结及时率达到100%。", [("环境信访办结及时率", 100.0, "eq", "target", 2025)]),
    ],
)
def test_metrics_sharing_one_value_take_a_row_each(text, expected):
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of rates sharing its ending, stated in words: each takes the words
        ("到2025年,受污染耕地、受污染地块安全利用率达到省级下达指标。",
         [("受污染耕地安全利用率", None, "eq", "target", 2025), ("受污染地块安全利用率", None, "eq", "target", 2025)]),
        ("到2025年,受污染耕地和建设用地安全利用率完成省下达目标。",
         [("受污染耕地安全利用率", None, "eq", "target", 2025), ("建设用地安全利用率", None, "eq", "target", 2025)]),
        # an amount of its own (粮食产量) takes no rate; a last item listing again is not read here: one row as written
        ("2024年,粮食产量、单位地区生产总值能耗降低率完成省下达目标任务。",
         [("粮食产量、单位地区生产总值能耗降低率", None, "eq", "target", 2024)]),
        ("到2025年,化肥、农药使用量和利用率达到国家要求。", [("化肥、农药使用量和利用率", None, "eq", "target", 2025)]),
        # the levels of one monitoring network with no 均 / 分别: one network's rate, as the corpus gold reads it
        ("2024年,国控、省控断面水质优良率力争保持100%。", [("国控、省控断面水质优良率", 100.0, "eq", "target", 2024)]),
        # one place in brackets lists nothing
        ("到2025年,县(市、区)饮用水水源地达标率达到省定要求。",
         [("县(市、区)饮用水水源地达标率", None, "eq", "target", 2025)]),
    ],
)
def test_a_list_of_rates_stated_in_words_takes_a_row_each(text, expected):
    assert _rows(text) == expected


def test_a_name_longer_than_the_last_things_shares_the_whole_rate_word():
    # 农村自来水、卫生户厕普及率超过98%、85%: the first rate is 农村自来水普及率, not 农村自来水及率
    got = [(m.subject_zh, m.value) for m in extract("2025年,农村自来水、卫生户厕普及率超过98%、85%。", CITY_PLAN)]
    assert got == [("农村自来水普及率", 98.0), ("卫生户厕普及率", 85.0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # places named one by one before a service's rate: each place's rate is of the whole service
        ("到2025年,城市和县城污水处理率分别达到98%以上。",
         [("城市污水处理率", 98.0), ("县城污水处理率", 98.0)]),
        ("到2025年,城市、县城、重点建制镇污水处理率分别达到95%、90%、75%。",
         [("城市污水处理率", 95.0), ("县城污水处理率", 90.0), ("重点建制镇污水处理率", 75.0)]),
        ("2023年,主城区、县城、乡镇生活污水处理率分别达到95.3%、88%、71%。",
         [("主城区生活污水处理率", 95.3), ("县城生活污水处理率", 88.0), ("乡镇生活污水处理率", 71.0)]),
        # the hedge of a goal before the comparator is no part of the metric, and the list still splits
        ("到2025年,城市和县城再生水利用率力争达到30%。", [("城市再生水利用率", 30.0), ("县城再生水利用率", 30.0)]),
        ("到2025年,全省湿地保护率力争达到60%以上。", [("全省湿地保护率", 60.0)]),
    ],
)
def test_places_listed_before_a_rate_share_the_whole_service(text, expected):
    assert [(m.subject_zh, m.value) for m in extract(text, CITY_PLAN)] == expected

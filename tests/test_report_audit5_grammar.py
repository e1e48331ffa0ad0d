"""Grammar of the work reports' audit S5 (tests/gold/corpus/audits/s5_*.csv), classes found in reports of several
provinces: energy and power units kept apart, intensities per kWh or per 10 000 yuan never a mass, a size class
(30万吨级), a run of ratings (连续4次), honours counted, a comparator never read across a clause break, the whole
region before 完成, a count after a verb of remediation, a word split by a line break, trailing adverbs (继续), a
number held by each of a list (A和B各1家), and the flags of rural-revitalisation models, stakes (参股) and smart
factories. Every sentence is invented for the test."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_REPORT, by_value_text, extract
from relevance_helper import flag

from loaders import semantics

REPORT = CITY_REPORT


def measures(text):
    return extract(text, REPORT)


def by_text(text):
    return by_value_text(text, REPORT)


@pytest.mark.parametrize(
    ("text", "value_text", "unit", "value"),
    [
        ("新建电化学储能50吉瓦时。", "50吉瓦时", "kwh", 5e7),  # energy, not the power 50吉瓦
        ("新建储能电站200兆瓦时。", "200兆瓦时", "kwh", 2e5),
        ("新增储能规模1200kWh。", "1200kWh", "kwh", 1200.0),  # not 1200 kW
        ("新建充电桩功率120kW。", "120kW", "kw", 120.0),
        ("全年发电8亿千瓦时。", "8亿千瓦时", "kwh", 8e8),
        ("全年发电量达到300万千瓦时。", "300万千瓦时", "kwh", 3e6),
        ("新增光伏装机20万千瓦。", "20万千瓦", "kw", 2e5),
    ],
)
def test_energy_and_power_stay_apart(text, value_text, unit, value):
    m = by_text(text)[value_text]
    assert (m.unit, m.value) == (unit, value)


@pytest.mark.parametrize(
    ("text", "value_text", "unit", "value"),
    [
        ("火电度电排放二氧化碳0.6千克。", "0.6千克", "g_per_kwh", 600.0),  # CO2 per kWh, not 0.0006 t
        ("供电煤耗降至295克/千瓦时。", "295克/千瓦时", "g_per_kwh", 295.0),
        ("单位GDP能耗降至0.38吨标准煤。", "0.38吨标准煤", "tce_per_10k_yuan", 0.38),
        ("万元工业增加值用水量降至15立方米。", "15立方米", "m3_per_10k_yuan", 15.0),
        ("全年节约能源5万吨标准煤。", "5万吨标准煤", "tce", 5e4),  # an amount saved stays a mass
    ],
)
def test_an_intensity_is_never_a_mass(text, value_text, unit, value):
    m = by_text(text)[value_text]
    assert (m.unit, m.value) == (unit, value)


def test_a_size_class_written_with_ji_is_no_measure():
    found = measures("建成5万吨级通用泊位2个,开工100兆瓦级压缩空气储能项目,全年完成造林3万亩。")
    assert [m.value_text for m in found] == ["2个", "3万亩"]


def test_a_run_of_ratings_and_honours_won_are_no_counts():
    found = measures("某河禁渔连续3次获评全国优秀,某湖同时获得两项国家级生态殊荣,全年开展联合执法5次。")
    assert [m.value_text for m in found] == ["5次"]


def test_things_to_do_are_no_counts_but_livelihood_projects_are():
    found = measures("紧紧围绕四件大事,突出抓好矿山整治和渔船改造2件事,办好10件民生实事。")
    assert [m.value_text for m in found] == ["10件"]


def test_the_length_of_a_thing_named_is_no_measure():
    found = measures("全长约120公里的沿江生态廊道全线贯通,幸福河湖总长度超过800公里,新建绿道全长60公里。")
    assert [m.value_text for m in found] == ["800公里", "60公里"]


def test_a_comparator_is_never_read_across_a_clause_break():
    m = by_text("某河干流达到Ⅱ类水质,12条支流全部达到优良水质。")["12条"]
    assert m.subject_zh.startswith("支流")
    assert "comparator_default" in m.rules


def test_what_the_whole_region_did_is_the_subject():
    assert by_text("全市完成人工造林2.5万亩。")["2.5万亩"].subject_zh == "人工造林"
    assert by_text("今年全省完成矿山修复800公顷。")["800公顷"].subject_zh == "矿山修复"
    assert by_text("全面整治320个入河排污口。")["320个"].subject_zh == "入河排污口"  # the noun after the count
    assert by_text("入河排污口整治320个。")["320个"].subject_zh == "入河排污口整治"


def test_a_line_break_inside_a_word_and_a_trailing_adverb_leave_the_subject():
    found = measures("受污染耕地和建设用地安全利 用率继续保持在100%,污水集中收集率稳定在75%以上,"
                     "8个地下水点位水质保持稳定。")
    assert [m.subject_zh for m in found] == ["受污染耕地安全利用率", "建设用地安全利用率", "污水集中收集率",
                                             "地下水点位水质保持稳定"]  # after the number, 稳定 is the state


def test_a_number_held_by_each_of_a_list():
    found = measures("新增省级绿色工厂和智能工厂各2家,新改建农村公路、旅游公路各100公里。")
    assert [(m.value_text, m.subject_zh) for m in found] == [
        ("2家", "省级绿色工厂"), ("2家", "智能工厂"), ("100公里", "新改建农村公路"), ("100公里", "旅游公路")]


def _flag_of(sentence, number, subject):
    at = sentence.index(number)
    return semantics.relevance(subject, semantics._clause(sentence, at), sentence, at, False, at + len(number))[0]


def test_flags_of_rural_models_stakes_and_smart_factories():
    assert not flag("创建公园示范乡镇5个、乡村振兴示范村12个。", "12个")
    assert flag("创建公园示范乡镇5个、乡村振兴示范村12个。", "5个")  # parks stay the environment's
    assert not flag("社会资本参与海上风电项目参股比例不低于15%。", "15%")
    sentence = "新增省级绿色工厂和智能工厂各2家。"
    assert _flag_of(sentence, "2家", "省级绿色工厂") and not _flag_of(sentence, "2家", "智能工厂")

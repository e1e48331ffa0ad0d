"""Wordings met in government work reports, each on a made-up sentence: 超 as a bound, 保持率 as a noun,
pollutant names with their subscript written as a mark, a subscript digit or across a line break, and a
count of places that only frames the rate taken over them."""

from __future__ import annotations

import pytest

from loaders.pipeline import process_document
from loaders.reading import normalise


def measures(text: str) -> dict[str, dict]:
    return {m["value_text"]: m for m in process_document(text.encode("utf-8"), "t.txt").measures}


def test_chao_before_a_number_is_a_lower_bound():
    got = measures("2030年，全市风电光伏装机规模超3600万千瓦，城市污水处理率超96%。")
    assert [(m["value"], m["comparator"]) for m in got.values()] == [(36000000, "gt"), (96, "gt")]


def test_baochilv_is_a_metric_not_the_comparator_baochi():
    got = measures("2030年，全省水土保持率达到58.2%，森林覆盖率保持在40%以上。")
    assert got["58.2%"]["subject_zh"].endswith("水土保持率") and got["58.2%"]["comparator"] == "eq"
    assert got["40%以上"]["comparator"] == "ge"


@pytest.mark.parametrize(("written", "read"), [
    ("细颗粒物(PM_2.5)年均浓度", "细颗粒物(PM2.5)年均浓度"),
    ("PM₂.₅平均浓度", "PM2.5平均浓度"),
    ("细颗粒物(PM\n2.5)浓度", "细颗粒物(PM2.5)浓度"),
    ("O₃浓度", "O3浓度"),
    ("PM_10浓度", "PM10浓度"),
    ("COD排放量", "COD排放量"),  # no subscript: left alone
    ("建设CO 2个项目", "建设CO 2个项目"),  # a space alone joins nothing: 2个 is a count
])
def test_pollutant_subscripts_are_read_as_plain_digits(written, read):
    assert "\n".join(normalise(written)) == read


def test_a_count_of_places_frames_the_rate_taken_over_them():
    got = measures("2030年工作安排\n今年，生活垃圾分类在两县城区的覆盖率超80%，建成污水厂12座运行负荷率超过60%。")
    assert got["80%"]["comparator"] == "gt"  # the rate stays, over the places counted
    assert "两县" not in got  # the places are no target of their own
    assert "60%" not in got  # a condition on the plants just counted stays an attribute


@pytest.mark.parametrize("part", ["一、2029年工作回顾", "二、2030年工作安排"])
def test_a_count_of_monitored_sections_framing_their_rate_is_the_networks_size_in_a_review_and_a_plan(part):
    """The sample gold's convention (全省210个地表水国考断面水质优Ⅲ比例为92.9%: 210 sections, an outcome count):
    a monitoring network's sites counted are a figure beside their rate; a run of quarters is not."""
    got = measures(f"各位代表：\n{part}\n7个考核断面水质优良率达100%，垃圾分类连续6个季度居全省第一，"
                   "12个省控监测点位水质95%达标。\n")
    assert list(got) == ["7个", "100%", "12个", "95%"]
    assert (got["7个"]["unit"], got["7个"]["value"]) == ("count", 7)


@pytest.mark.parametrize(("part", "kind"), [("一、2029年工作回顾", "outcome"), ("二、2030年工作安排", "target")])
def test_drinking_sources_meeting_their_standard_in_words_is_their_compliance_rate(part, kind):
    got = measures(f"各位代表：\n{part}\n甲断面、乡村饮用水水源地水质全部达标，推动乙断面和丙饮用水源地水质持续稳定达标，"
                   "4个国考断面水质全部达标。\n")
    words = [(m["subject_zh"], m["kind"], m["unit"]) for m in got.values() if m["value"] is None]
    assert words == [("乡村饮用水水源地水质达标率", kind, "percent"), ("丙饮用水源地水质达标率", kind, "percent")]
    assert got["4个"]["value"] == 4  # the sections' 达标 is no share: their count stays


def test_a_list_of_metrics_splits_at_its_commas_before_words_holding_a_conjunction():
    got = measures("2030年，全县卫生厕所普及率、污水治理率分别提高到91%、62%，A地和B地的绿化率及覆盖率分别为30%、40%、50%。")
    assert got["91%"]["subject_zh"].endswith("卫生厕所普及率") and got["62%"]["subject_zh"] == "污水治理率"


def test_corpus_matching_pairs_each_gold_quote_with_the_number_it_holds():
    """Equal values listed side by side (A达100%,B达100%): each gold row takes the number inside its own
    quote, not the previous one that happens to sit nearer its start; equal positions go by indicator."""
    from loaders.evaluate_corpus import Extracted, GoldMeasure, match

    def gold(quote, pos, indicator):
        return GoldMeasure("d", "outcome", indicator, "eq", 100.0, "percent", 2030, None, True, "text", quote, "b", pos)

    def got(mid, pos, indicator):
        return Extracted(mid, "d", "outcome", indicator, "eq", 100.0, "percent", 2030, None, True, pos)

    a, b = gold("甲河断面水质优良率达100%", 0, "x"), gold("乙地水源地水质达标比例达100%", 16, "y")
    c, d = gold("丙、丁水质达标率均为100%", 40, "z"), gold("丙、丁水质达标率均为100%", 40, "w")
    pairs = match([a, b, c, d], [got("e1", 12, "x"), got("e2", 30, "y"), got("e3", 50, "w"), got("e4", 50, "z")])
    assert {(g.indicator, e.measure_id) for g, e in pairs} == {("x", "e1"), ("y", "e2"), ("z", "e4"), ("w", "e3")}


def test_a_speech_for_the_city_government_written_short_names_its_level():
    from loaders.metadata import _speaker_level

    assert _speaker_level("各位代表：\n现在，我代表市政府向大会报告工作，请予审议。") == "city"
    assert _speaker_level("各位代表：\n我代表省人民政府向大会报告工作。") == "province"


def test_a_figure_in_quotation_marks_is_stressed_not_quoted():
    got = measures("2030年，全县饮用水水源地水质达标率连续三年保持“百分之百”。")
    assert got["百分之百"]["value"] == 100 and got["百分之百"]["unit"] == "percent"


def test_a_concentration_written_with_its_volume_first():
    got = measures("2030年，细颗粒物、可吸入颗粒物平均浓度分别控制在每立方米28微克、50微克以内。")
    assert [(m["value"], m["unit"], m["comparator"]) for m in got.values()] == [(28, "ug_m3", "le"), (50, "ug_m3", "le")]


def test_a_figure_stated_in_words_after_its_metric_is_kept_without_a_value():
    got = measures("各位代表：\n一、2029年工作回顾\n过去一年，单位地区生产总值能耗下降率等约束性指标全部完成。\n"
                   "二、2030年工作安排\n今年主要预期目标是：单位地区生产总值二氧化碳排放降低完成国家下达任务，"
                   "细颗粒物浓度完成省下达目标，新增就业完成任务。\n")
    rows = {m["value_text"]: (m["kind"], m["year"], m["value"], m["unit"], m["is_masked"]) for m in got.values()}
    assert rows == {"全部完成": ("outcome", 2029, None, "percent", False),
                    "完成国家下达任务": ("target", 2030, None, "percent", False),
                    "完成省下达目标": ("target", 2030, None, "ug_m3", False)}  # 新增就业 names no metric: no figure


def test_a_closing_yishang_is_not_shared_across_an_item_with_its_own_verb():
    got = measures("2030年，全县甲率达60%、乙率达70%以上；新增A站20个、B站30个以上。")
    assert got["60%"]["comparator"] == "eq" and got["70%以上"]["comparator"] == "ge"
    assert got["20个"]["comparator"] == "ge"  # a bare list item still shares the closing 以上


def test_a_bare_rate_is_a_rate_of_the_work_its_previous_clause_names():
    got = measures("2030年，健全农村厕所粪污收运体系，覆盖率达85%。")
    assert got["85%"]["subject_zh"] == "农村厕所粪污收运体系覆盖率"


def test_a_domestic_service_takes_the_rural_scope_its_sentence_names():
    got = measures("2030年，推进农村人居环境整治，实现卫生厕所普及率达90%、生活污水治理率达40%。"
                   "城市建成区生活污水处理率达97%。")
    assert got["40%"]["subject_zh"] == "农村生活污水治理率"
    assert got["97%"]["subject_zh"] == "城市建成区生活污水处理率"  # an urban sentence keeps its own place


def test_rates_listed_with_one_value_share_it_without_jun():
    got = process_document("2029年，甲河断面水质优良比例、乙湖水源地水质达标率连续3年保持100%。".encode(), "t.txt").measures
    assert sorted(m["subject_zh"] for m in got) == ["乙湖水源地水质达标率", "甲河断面水质优良比例"]
    assert {m["value"] for m in got} == {100}


def test_shouci_after_a_metric_is_no_part_of_it():
    got = measures("2029年，市控断面水质达标率首次达到96%。")
    assert got["96%"]["subject_zh"] == "市控断面水质达标率"


def test_a_count_placing_one_thing_in_a_group_and_a_count_of_systems_are_no_measures():
    got = measures("2029年，甲湖湿地公园成为全国首批12个国家湿地公园之一，建成8个监测站，构建监测、预警、评估3个体系。")
    assert sorted(got) == ["8个"]


def test_a_length_in_centimetres_is_read_in_metres():
    got = measures("2029年，黑土地耕作层厚度达到30.5厘米。")
    assert got["30.5厘米"]["value"] == 0.305 and got["30.5厘米"]["unit"] == "m"


def test_words_naming_their_metric_inside_keep_it_as_the_subject():
    got = measures("各位代表：\n二、2030年工作安排\n今年主要预期目标是：地区生产总值增长5%左右，"
                   "完成国家下达的单位地区生产总值二氧化碳排放降低任务，完成国家下达的能耗强度降低目标，"
                   "超额完成国家下达的大气污染防治攻坚目标。\n")
    rows = {m["subject_zh"]: (m["value"], m["unit"], m["kind"]) for m in got.values() if m["value"] is None}
    assert rows == {"单位地区生产总值二氧化碳排放降低": (None, "percent", "target"),
                    "能耗强度降低": (None, "percent", "target")}  # 攻坚目标 names no metric: no figure


@pytest.mark.parametrize(("sentence", "environmental"), [
    ("2029年，实施草原牛追溯2万头以上。", False),  # a product traced, though 草原 is an ecology word
    ("2029年，为300户边远牧户新能源转网电。", False),
    ("2029年，全市火电总装机规模达到800万千瓦。", False),
    ("2029年，退化草原修复治理20万亩。", True),
])
def test_green_looking_words_in_economy_and_society_figures(sentence, environmental):
    from loaders.semantics import measure_semantics

    m = next(iter(process_document(sentence.encode(), "t.txt").measures))
    assert measure_semantics(m, {"title": "政府工作报告", "doc_kind": "work_report"})["is_environmental"] is environmental


def test_places_counted_inside_a_rate_leave_its_subject_whole():
    got = measures("2030年工作安排\n今年，生活垃圾分类两区城区覆盖率超60%。")
    assert got["60%"]["subject_zh"] == "生活垃圾分类城区覆盖率" and got["60%"]["comparator"] == "gt"


def test_a_figure_in_words_for_the_main_pollutants_holds_for_each_of_them():
    got = process_document("各位代表：\n一、2029年工作回顾\n五年来，提前完成“十四五”主要污染物减排目标任务，完成造林绿化目标任务。\n"
                           .encode(), "t.txt").measures
    assert sorted(m["subject_zh"] for m in got) == ["化学需氧量减排", "挥发性有机物减排", "氨氮减排", "氮氧化物减排"]
    assert {(m["value"], m["unit"], m["kind"]) for m in got} == {(None, "t", "outcome")}


def test_a_share_written_before_the_things_it_counts_is_the_rate_of_the_work_done():
    got = measures("2030年，城市污水处理率达98%，60%以上的农村生活污水得到有效治理。")
    assert got["60%以上"]["subject_zh"] == "农村生活污水有效治理率" and got["60%以上"]["comparator"] == "ge"
    assert got["98%"]["subject_zh"] == "城市污水处理率"


def test_a_bare_rate_after_its_work_writes_their_shared_word_once():
    got = measures("2030年，加强农村厕所粪污治理，实现治理率90%。")
    assert got["90%"]["subject_zh"] == "农村厕所粪污治理率"


def test_a_line_of_work_done_in_words_is_no_figure_and_a_collective_term_holds_for_each_member():
    got = process_document("各位代表：\n一、2029年工作回顾\n完成省下达造林绿化目标任务，完成国家下达的能耗双控和主要污染物减排目标。\n"
                           .encode(), "t.txt").measures
    assert [m["subject_zh"] for m in got] == ["能耗强度", "化学需氧量减排", "氨氮减排", "氮氧化物减排", "挥发性有机物减排"]


@pytest.mark.parametrize(("sentence", "subjects"), [
    ("节能减排降碳控制在自治区下达目标内", ["能耗强度", "碳排放强度"]),
    ("节能减排完成省控目标", ["能耗强度"]),
    ("城镇新增就业、节能减排和碳排放强度下降完成省定任务", ["能耗强度", "碳排放强度下降"]),
    ("完成省下达的节能减排降碳约束性指标和环境质量改善目标", ["能耗强度", "碳排放强度"]),
    ("减排降碳控制在国家下达目标内", ["碳排放强度"]),
    ("细颗粒物浓度、优良水体比例完成国家下达目标", ["细颗粒物浓度", "优良水体比例"]),
    ("单位GDP能耗、生态环境质量指标完成省下达年度目标任务", ["单位GDP能耗、生态环境质量指标"]),
    ("甲优良天数比率和乙水质优良率均完成省下达的目标任务", ["甲优良天数比率", "乙水质优良率"]),
    ("丙综合利用率达到省定目标", ["丙综合利用率"]),
    ("万元地区生产总值能耗控制在市政府下达目标以内", ["万元地区生产总值能耗"]),
    ("甲平均浓度、乙天数比例达到省考核要求", ["甲平均浓度", "乙天数比例"]),
    ("丙天数比率、丁水质优良率达省下达目标要求", ["丙天数比率", "丁水质优良率"]),
    ("单位产值能耗和某某价格指数控制在省调控范围内", ["单位产值能耗"]),  # the index names no metric in words
    ("节能减排指标控制在国家和省下达的计划范围内", ["能耗强度"]),
    ("完成某某普查任务和省下达的节能减排、环境保护等任务", ["能耗强度"]),  # 和 repeats 完成 for the second goal
])
def test_a_target_in_words_set_by_the_level_above_holds_for_each_indicator_a_collective_work_names(sentence, subjects):
    got = process_document(f"各位代表：\n二、2030年工作安排\n今年主要预期目标是：地区生产总值增长5%，{sentence}。\n"
                           .encode(), "t.txt").measures
    words = [m for m in got if m["value"] is None]
    assert [m["subject_zh"] for m in words] == subjects
    assert {(m["kind"], m["year"], m["is_masked"]) for m in words} == {("target", 2030, False)}


def test_each_metric_listed_before_a_target_in_words_keeps_its_own_unit():
    got = process_document("各位代表：\n二、2030年工作安排\n甲平均浓度、乙天数比例达到省考核要求。\n".encode(), "t.txt").measures
    assert [(m["subject_zh"], m["unit"]) for m in got] == [("甲平均浓度", "ug_m3"), ("乙天数比例", "percent")]


def test_a_target_in_words_of_the_level_above_needs_a_metric_or_a_collective_work():
    got = process_document("各位代表：\n二、2030年工作安排\n粮食产量完成省定任务，城镇登记失业率控制在省定目标以内。\n"
                           .encode(), "t.txt").measures
    assert [(m["subject_zh"], m["value"], m["unit"]) for m in got] == [("城镇登记失业率", None, "percent")]


def test_a_quoted_count_of_figures_holds_for_each_item_of_the_list_before_it():
    got = process_document("各位代表：\n一、2029年工作回顾\n甲断面水质优良率、乙水源地水质达标率、丙达标率首次实现“三个100%”，"
                           "全部学生吃上营养餐，实现“两个100%”。\n".encode(), "t.txt").measures
    assert [(m["subject_zh"], m["value"], m["kind"]) for m in got] == [
        ("甲断面水质优良率", 100, "outcome"), ("乙水源地水质达标率", 100, "outcome"), ("丙达标率", 100, "outcome")]


def test_a_figure_in_words_after_a_fall_a_list_or_a_standard_met():
    got = measures("各位代表：\n一、2029年工作回顾\n过去一年，单位生产总值能耗累计降幅完成“十四五”任务。\n"
                   "二、2030年工作安排\n今年主要预期目标是：完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务。"
                   "确保受污染耕地安全利用率稳定达标，新增A站达标排放。\n")
    rows = {m["value_text"]: (m["kind"], m["subject_zh"], m["value"], m["unit"]) for m in got.values()}
    assert rows == {"完成“十四五”任务": ("outcome", "单位生产总值能耗累计降幅", None, "percent"),
                    "完成国家下达的粮食生产、单位生产总值二氧化碳减排目标任务":
                        ("target", "单位生产总值二氧化碳减排", None, "percent"),  # an intensity: cut in percent
                    "稳定达标": ("target", "受污染耕地安全利用率", None, "percent")}  # 达标排放 is no rate


def test_areas_and_volumes_written_in_latin_letters():
    got = measures("2030年，城市人均公共绿地面积达到13.61m2，新建调蓄池5000m³，处理规模2万m3/d，PM2.5浓度35μg/m3。\n")
    assert {k: (m["value"], m["unit"]) for k, m in got.items()} == {
        "13.61m2": (13.61, "m2"), "5000m³": (5000, "m3"), "2万m3/d": (20000, "m3_per_day"), "35μg/m3": (35, "ug_m3")}


def test_a_capacity_named_by_its_head_alone_is_of_the_energy_source_named_before_it():
    got = measures("2024年，风光发电提速，装机总量达到120万千瓦；新增光伏并网30万千瓦，装机规模达90万千瓦。"
                   "全年新增装机容量50万千瓦。")
    assert got["120万千瓦"]["subject_zh"] == "风光装机总量"
    assert got["90万千瓦"]["subject_zh"] == "光伏装机规模"  # the source named last before it
    assert got["50万千瓦"]["subject_zh"] == "装机容量"  # no source in its sentence: left as it is


def test_a_list_of_works_done_shares_the_first_items_remediation_verb():
    got = measures("2024年，治理河道20公里、水土流失30平方公里，整治矿山12座。全市新增绿道8公里、水土流失40平方公里。")
    assert got["30平方公里"]["subject_zh"] == "治理水土流失"
    assert got["30平方公里"]["unit"] == "km2"
    assert got["40平方公里"]["subject_zh"] == "水土流失"  # 新增 is no remediation verb: nothing to share


def test_a_listed_name_takes_the_recovery_rate_of_the_next_one():
    got = measures("2024年，农膜、农药包装物回收利用率分别保持在91%、86%以上。")
    assert got["91%"]["subject_zh"] == "农膜回收利用率"


def test_a_place_inside_another_figures_subject_does_not_scope_the_next_service():
    got = measures("到2030年，城市生活污水处理率提高到98%以上，农村生活污水治理率提升至80%，生活垃圾无害化处理率100%。")
    assert got["100%"]["subject_zh"] == "生活垃圾无害化处理率"
    assert got["80%"]["subject_zh"] == "农村生活污水治理率"


def test_a_rural_list_keeps_its_scope_and_a_works_list_shares_its_verb_only_over_lands():
    got = measures("2024年，农村卫生厕所普及率、生活污水治理率分别提高到88%、71%。"
                   "整治低效用地1200亩、腾出用能空间5万吨标准煤。")
    assert got["71%"]["subject_zh"] == "农村生活污水治理率"  # 农村 frames the list, no sibling service's own
    assert got["5万吨标准煤"]["subject_zh"] == "腾出用能空间"  # not a land treated: no verb shared


def test_a_bare_rate_listed_after_a_rate_of_something_is_a_rate_of_that_thing():
    text = "2024年，省控断面水质达标率、优良率均为100%。"
    got = {m["subject_zh"] for m in process_document(text.encode("utf-8"), "t.txt").measures}
    assert got == {"省控断面水质达标率", "省控断面水质优良率"}
def test_ji_yishang_is_a_rank_not_a_list_and_a_bare_rate_is_of_the_thing_of_the_rate_before_it():
    got = process_document("各位代表：\n一、2029年工作回顾\n甲断面水质优良比例、县级及以上水源地水质达标比例均保持100%。"
                           "乙断面水质达标率、优良率100%。建成区绿化覆盖率达40.7%。\n".encode(), "t.txt").measures
    assert [m["subject_zh"] for m in got] == ["甲断面水质优良比例", "县级及以上水源地水质达标比例",
                                              "乙断面水质达标率", "乙断面水质优良率", "建成区绿化覆盖率"]


def test_two_lands_joined_by_he_share_a_rate_and_a_listed_metric_keeps_its_modifier():
    got = process_document("各位代表：\n一、2029年工作回顾\n受污染耕地和建设用地安全利用率100%。"
                           "甲膜、乙包装物回收利用率保持在90%、85%以上。\n".encode(), "t.txt").measures
    assert [m["subject_zh"] for m in got] == ["受污染耕地安全利用率", "建设用地安全利用率",
                                              "甲膜回收利用率", "乙包装物回收利用率"]


def test_words_holding_a_chinese_numeral_are_no_count():
    got = measures("2030年，做强汽车零部件产业，防止二次污染，优化三次产业结构，出台十条措施，"
                   "完成氮氧化物等4项主要污染物减排工程，新建公园5个。")
    assert [(m["value_text"], m["value"]) for m in got.values()] == [("5个", 5)]


def test_grain_in_jin_a_fleet_in_deadweight_tonnes_and_containers_in_teu():
    got = measures("2030年，粮食产量稳定在760亿斤以上，收购价高于市场价1元/斤，船队运力24万载重吨，吞吐量335万标箱。")
    assert [(m["value_text"], m["value"], m["unit"]) for m in got.values()] == [
        ("760亿斤以上", 38000000, "t"), ("24万载重吨", 240000, "t"), ("335万标箱", 3350000, "count")]


def test_work_done_over_a_reviewed_five_year_period_carries_the_period_and_a_level_does_not():
    text = ("某省2026年政府工作报告\n各位代表：\n一、“十四五”时期工作回顾\n这五年，生态环境持续改善。实施历史遗留矿山修复12万亩，"
            "改造城镇老旧小区3000个，创建生态文明建设示范区8个，森林覆盖率达到40%。\n二、2026年工作安排\n今年，完成造林10万亩。\n")
    got = {m["value_text"]: (m["year"], m["period"]) for m in process_document(text.encode(), "t.txt").measures}
    assert got == {"12万亩": (2025, "2021-2025"), "3000个": (2025, "2021-2025"), "8个": (2025, "2021-2025"),
                   "40%": (2025, None), "10万亩": (2026, None)}


def test_a_level_named_with_a_flow_word_or_after_a_change_keeps_no_period_and_a_flow_keeps_it():
    text = ("某省2026年政府工作报告\n各位代表：\n一、“十四五”时期工作回顾\n这五年，农村卫生厕所普及率、生活污水治理率"
            "分别提高到88%、87.5%，城市建成区绿地率达到40.4%，外送电量年均增长6%、绿电占比超三成，建成区内新建公园12个，"
            "治理河道30公里、湖泊5个，新建居住区养老设施配建率达到100%。\n")
    got = {m["value_text"]: m["period"] for m in process_document(text.encode(), "t.txt").measures}
    assert got == {"88%": None, "87.5%": None, "40.4%": None, "6%": "2021-2025", "三成": None,
                   "12个": "2021-2025", "30公里": "2021-2025", "5个": "2021-2025", "100%": None}


@pytest.mark.parametrize(("reviewed", "period"), [("2025", "2021-2025"), ("2023", None)])
def test_a_cumulative_change_in_the_review_of_a_plans_last_year_is_over_the_plan(reviewed, period):
    text = (f"某省{int(reviewed) + 1}年政府工作报告\n各位代表：\n一、{reviewed}年工作回顾\n过去一年，全区能耗强度累计下降17.3%，"
            "单位GDP能耗下降3%。\n")
    got = {m["value_text"]: m["period"] for m in process_document(text.encode(), "t.txt").measures}
    assert got == {"17.3%": period, "3%": None}  # a change of the year alone keeps its year


def test_names_holding_a_count_ratios_per_ten_thousand_and_sizes_of_settlements_are_no_figures():
    got = measures("2030年，落实省委省政府十项规定精神和清洁能源十八条、民营经济十条等政策，支持五株科技扩产，"
                   "每万城镇常住人口配备18名社区工作者，每千人口拥有托位4.5个，20户以上自然村全部通硬化路，"
                   "引进培育2户以上跨境电商规模企业，建设四个生物多样性保护区，新建公园5个。")
    assert list(got) == ["2户以上", "四个", "5个"]


def test_basis_points_are_hundredths_of_a_percentage_point():
    got = measures("2030年，融资成本下降10个基点。")
    assert [(m["value"], m["unit"], m["is_change"]) for m in got.values()] == [(0.1, "percentage_point", True)]


def test_a_verb_of_work_after_a_change_word_makes_the_figure_work_done_not_a_change():
    got = measures("2029年工作回顾\n去年，精准提升造林1.6万亩，森林覆盖率提升2个百分点，PM2.5浓度下降了5%。")
    assert [(m["value_text"], m["is_change"]) for m in got.values()] == [
        ("1.6万亩", False), ("2个百分点", True), ("5%", True)]


def test_a_margin_over_a_benchmark_names_the_benchmark_in_its_subject():
    got = measures("2029年工作回顾\n去年，国控河流、近岸海域优良水体比例分别高于省定目标28.6个和21.9个百分点，"
                   "机械化率达到95%、高于全国平均水平18.3个百分点，森林覆盖率高于40%。")
    assert [m["subject_zh"] for m in got.values()][1:] == [
        "近岸海域优良水体比例高于省定目标", "机械化率", "机械化率高于全国平均水平", "森林覆盖率"]

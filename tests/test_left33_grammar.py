"""The classes the outside probes O3 and O4 left (left33): each on a made-up sentence."""

from __future__ import annotations

from loaders.pipeline import process_document


def _result(text: str, name: str = "t.txt"):
    return process_document(text.encode("utf-8"), name)


def _measures(text: str, name: str = "t.txt") -> list[dict]:
    return _result(text, name).measures


def _subjects(text: str, value_text: str) -> list[str]:
    return [m["subject_zh"] for m in _measures(text) if m["value_text"] == value_text]


def test_a_province_name_read_inside_a_waters_section_is_no_region():
    # 外环河北段: the northern section of the river 外环河, not 河北; a water named in full before it (大运河) keeps its 河北 section
    text = "某市城区水系整治进展\n2023年，外环河北段完成清淤整治2.5公里，新建截污管网12公里。\n"
    assert _result(text).document["region_name"] is None
    text = "大运河河北段生态修复进展\n2023年，完成河道清淤整治2.5公里。\n"
    assert _result(text).document["region_name"] == "河北省"
    for title in ("某省高铁河南段建设进展", "某管道二线湖北段建设进展"):  # a line or a road named in full before it
        assert _result(title + "\n2023年，完成绿化造林2.5万亩。\n").document["region_name"] in ("河南省", "湖北省"), title


def test_citation_marks_are_no_part_of_a_subject():
    # [4][9] - opening a digest's line, ^[3] / [1] after a word: the marks of a page's sources or notes
    assert _subjects("[4][9] - 全市森林覆盖率达到45.2%。", "45.2%") == ["全市森林覆盖率"]
    assert _subjects("全市新增“绿色工厂”^[3]12家，“无废细胞”[7]建成36个。", "12家") == ["全市新增“绿色工厂”"]
    assert _subjects("全市新增“绿色工厂”^[3]12家，“无废细胞”[7]建成36个。", "36个") == ["“无废细胞”建成"]


def _words_goals(text: str) -> list[tuple[str, str]]:
    return [(m["subject_zh"], m["unit"]) for m in _measures(text) if m["value"] is None and not m["is_masked"]]


def test_a_words_goal_after_metrics_counted_as_indicators_holds_for_each():
    # A率、B率、C浓度三项(约束性)指标完成 / 达到省下达任务目标: each metric listed has its goal in words (its own unit)
    want = [("空气质量优良天数比率", "percent"), ("重污染天数比率", "percent"), ("PM2.5浓度", "ug_m3")]
    for text in ("某县空气质量优良天数比率、重污染天数比率、PM2.5浓度三项约束性指标完成省下达目标任务。",
                 "某县空气质量优良天数比率、重污染天数比率、PM2.5浓度等三项指标均达到省下达任务目标。",
                 "某县空气质量优良天数比率、重污染天数比率、PM2.5浓度达到省下达任务目标。"):
        assert [(s.removeprefix("某县"), u) for s, u in _words_goals(text)] == want, text
    # counted alone after their figures, the indicators name no goal of their own
    text = "全县空气质量优良天数比率为80.1%，PM2.5平均浓度为38微克/立方米，两项指标达到省下达任务目标。"
    assert _words_goals(text) == []
    assert {m["value_text"] for m in _measures(text)} == {"80.1%", "38微克/立方米"}


def test_a_grades_days_in_the_bracket_after_the_good_days_total_are_that_grades():
    # 优良天数294天(优86天,良208天): the days of 优 and of 良 are no good-days figure (only the total is)
    text = "2023年，全市空气质量优良天数291天（优80天，良211天），轻度污染天数60天。"
    assert _subjects(text, "291天") == ["全市空气质量优良天数"]
    assert _subjects(text, "80天") == ["全市空气质量优天数"]
    assert _subjects(text, "211天") == ["全市空气质量良天数"]


def test_a_count_opening_its_clause_with_its_things_is_no_item_of_the_count_before():
    # …“无废细胞”3500余个,26个区县实现…: 26 counts the districts and counties after it, not the cells before
    text = "全市累计建成“无废细胞”1800余个，17个区县实现农村黑臭水体动态清零。"
    assert _subjects(text, "1800余个") == ["全市累计建成“无废细胞”"]
    assert _subjects(text, "17个")[0].startswith("区县")
    # a list of counts (分别 …, …) stays one list
    text = "甲区、乙区分别新建公厕12座，8座。"
    assert _subjects(text, "8座") != _subjects(text, "12座")


def test_figures_stated_for_a_run_or_list_of_zone_classes_are_each_classs():
    # 1~3(3a、3b)类功能区昼间达标率分别为A、B、C、D: each figure its class (the bracket splits the last class)
    text = "全市1~3(3a、3b)类功能区昼间达标率分别为92.5%、93.4%、96.0%、97.7%。"
    assert [_subjects(text, v)[0] for v in ("92.5%", "93.4%", "96.0%", "97.7%")] == [
        "全市1类功能区昼间达标率", "全市2类功能区昼间达标率", "全市3a类功能区昼间达标率", "全市3b类功能区昼间达标率"]
    text = "全市Ⅰ~Ⅲ类功能区夜间达标率分别为81.5%、82.5%、83.5%。"
    assert _subjects(text, "82.5%") == ["全市Ⅱ类功能区夜间达标率"]
    text = "全市0类、1类、2类功能区昼间达标率分别为71.5%、72.5%、73.5%。"  # classes listed, the words after the last shared
    assert _subjects(text, "71.5%") == ["全市0类功能区昼间达标率"]


def test_night_after_day_keeps_the_thing_measured():
    # 夜间 / 昼间 after a figure of the other part of the day: the same noise level or rate, at night (or by day)
    text = "全市区域声环境昼间平均等效声级为52.7分贝、夜间为44.6分贝。"
    assert _subjects(text, "44.6分贝") == ["全市区域声环境夜间平均等效声级"]
    text = "全市道路交通声环境昼间平均等效声级为65.7分贝，夜间平均等效声级57.6分贝。"
    assert _subjects(text, "57.6分贝") == ["全市道路交通声环境夜间平均等效声级"]
    text = "全市区域声环境昼间、夜间平均等效声级分别为52.7分贝、44.6分贝。"
    assert (_subjects(text, "52.7分贝"), _subjects(text, "44.6分贝")) == (
        ["全市区域声环境昼间平均等效声级"], ["全市区域声环境夜间平均等效声级"])
    text = "全市1~3类功能区昼间达标率分别为92.5%、93.4%、96.0%，夜间达标率分别为81.5%、82.5%、83.5%。"
    assert _subjects(text, "83.5%") == ["全市3类功能区夜间达标率"]


def test_a_county_named_with_its_province_in_a_pages_body_is_the_countys_city():
    # 福建省光泽县 in the opening of a page with no region in its title: the county (of 南平市), not the province
    for text in ("生态环境保护工作总结\n2023年，福建省光泽县坚持生态优先，全县森林覆盖率达到78.5%。\n",
                 "绿水青山就是金山银山\n近年来，福建省光泽县大力推进生态文明建设。全县森林覆盖率达到78.5%。\n"):
        document = _result(text).document
        assert (document["region_name"], document["region_scope"]) == ("南平市", "county"), text


def test_a_subject_is_the_thing_measured_not_the_time_and_place_opening_it():
    # 2022年全市… / 目前累计完成… / 截至目前共完成…: the time (and the whole region after it) say when and where, the
    # document and the year hold them
    text = "2022年全市空气质量优良天数比率为86.3%。目前累计完成农村改厕2.7万户。截至目前共完成河道清淤16公里。"
    assert _subjects(text, "86.3%") == ["空气质量优良天数比率"]
    assert _subjects(text, "2.7万户") == ["农村改厕"]
    assert _subjects(text, "16公里") == ["河道清淤"]
    # words of their own after the time stay (全市域: the whole area, a scope word)
    assert _subjects("2022年全市域污水处理率达到97%。", "97%") == ["全市域污水处理率"]


def test_a_two_character_county_right_after_its_provinces_full_name_is_the_county():
    # a county of two characters (no mention of its own elsewhere: 攸县 is a common pair of characters) right after its
    # province's full name is the county too
    document = _result("湖南省攸县扎实推进生态环境保护\n2023年，全县森林覆盖率达到58.5%。\n").document
    assert (document["region_name"], document["county_name"]) == ("株洲市", "攸县")

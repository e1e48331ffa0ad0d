"""Work reports, round 15 (reports15): S16's and held-out 4 / 5's classes, each on a made-up sentence."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document

SYNONYMS = load_synonyms()


def _measures(text: str) -> list[dict]:
    return process_document(text.encode("utf-8"), "t.txt").measures


def _measure(text: str, value_text: str) -> dict:
    return next(m for m in _measures(text) if m["value_text"] == value_text)


def _indicator(text: str, value_text: str) -> str | None:
    m = _measure(text, value_text)
    return assign_indicator(m["subject_zh"], m["unit"], SYNONYMS)


def test_points_after_higher_than_a_named_rate_are_the_margin():
    # 高于<the rate compared with>N个百分点: the margin between two rates (eq), as after 全省 / 目标
    text = "2029年，某县外贸稳中有进，服务贸易增速高于货物贸易增速3.6个百分点，绿色贷款增速低于各项贷款0.8个百分点。"
    assert _measure(text, "3.6个百分点")["comparator"] == "eq"
    assert _measure(text, "0.8个百分点")["comparator"] == "eq"
    # a bound stays one: 高于 right before the figure, or a share in percent
    assert _measure("2029年，力争某项比例高于3%。", "3%")["comparator"] == "gt"


def test_a_change_word_inside_a_name_is_no_change():
    # 增加值 is value added; a noun right after 提升 / 改善 names the work or the money (职业技能提升培训, 品质提升项目)
    text = ("2029年，某县第二产业增加值503.4亿元，民营经济增加值达99.9亿元、增长6%，开展职业技能提升培训600人次以上，"
            "实施城镇品质提升项目53个，投入民生保障和改善资金13多亿元。")
    assert not _measure(text, "503.4亿元")["is_change"]
    assert not _measure(text, "99.9亿元")["is_change"]
    assert _measure(text, "6%")["is_change"]
    assert not _measure(text, "600人次以上")["is_change"]
    assert not _measure(text, "53个")["is_change"]
    assert not _measure(text, "13多亿元")["is_change"]
    # a filler after the change word still says a change
    assert _measure("2029年，某县营业收入增长超10%，占比提高了2个百分点。", "10%")["is_change"]


def test_a_water_named_in_full_before_a_water_quality_rate_shares_it():
    # 集中式饮用水水源地、主要流域国省控断面水质达标率保持100%: the drinking sources' compliance rate and the sections'
    got = _measures("2029年，某市集中式饮用水水源地、重点流域省控断面水质达标率保持100%，近岸海域水质稳中向好。")
    subjects = sorted(m["subject_zh"] for m in got if m["value_text"] == "100%")
    assert len(subjects) == 2 and subjects[1] == "重点流域省控断面水质达标率"
    assert assign_indicator(subjects[0], "percent", SYNONYMS) == "drinking_water_source_compliance"


def test_no_heavy_pollution_days_is_zero_days():
    # 确保全年无重污染天气: a target of 0 heavily polluted days (held-out 5's convention); 基本消除 stays no measure
    m = _measure("今年主要目标：加强扬尘治理，确保全年无重污染天气，空气质量优良天数比率达96%以上。", "无")
    assert (m["value"], m["unit"], m["kind"]) == (0.0, "days", "target")
    assert assign_indicator(m["subject_zh"], m["unit"], SYNONYMS) == "heavy_pollution_days"
    assert not [m for m in _measures("2029年，某市基本消除重污染天气。") if m["unit"] == "days"]


def test_a_count_of_binding_indicators_met_is_an_outcome():
    # 生态环境9项约束性指标全面完成: how many goals were met; a plan's list of indicators (设置约束性指标17项) stays none
    m = _measure("2028年工作回顾。过去一年，某市生态环境8项约束性指标全面完成，空气质量持续改善。", "8项")
    assert (m["value"], m["unit"], m["kind"], m["is_environmental"]) == (8.0, "count", "outcome", True)
    assert not [m for m in _measures("规划共设置约束性指标17项，预期性指标4项。") if m["unit"] == "count"]


def test_an_item_number_opening_a_subject_is_no_part_of_it():
    # 十件民生实事 written as one paragraph: 2.…。8.…。 / ⑦…; not a decimal
    text = "今年将办好十件民生实事。2.新建公办幼儿园9所。8.实施农村道路安全防护工程100公里。⑦除险加固小型水库11座。"
    assert _measure(text, "9所")["subject_zh"] == "新建公办幼儿园"
    assert _measure(text, "100公里")["subject_zh"] == "农村道路安全防护工程"
    assert _measure(text, "11座")["subject_zh"] == "除险加固小型水库"
    # and a short subject keeps its words when a bracketed part follows the figure (新增托位6870个(其中普惠托位5505个))
    assert _measure("2023年工作回顾。②新增托位687个(其中普惠托位555个),新建成中小学98所。", "687个")["subject_zh"] == "托位"


def test_green_cover_added_in_mu_and_forest_land_newly_made_are_afforestation():
    # 新增绿化覆盖面积4000亩 (held-out 5 临沂, as the dev gold's 云南 新增绿化面积), 新造和修复提升林地 (东营), 生态廊道绿化
    # N亩 (淄博); an urban green cover (城市园林绿化覆盖面积, m2) and a nursery's forest land stay none
    assert assign_indicator("新增绿化覆盖面积", "mu", SYNONYMS) == "afforestation_area"
    assert assign_indicator("新造和修复提升林地", "mu", SYNONYMS) == "afforestation_area"
    assert assign_indicator("某河滩区生态廊道绿化", "mu", SYNONYMS) == "afforestation_area"
    assert assign_indicator("城市园林绿化覆盖面积", "m2", SYNONYMS) is None
    assert assign_indicator("绿化苗木基地", "mu", SYNONYMS) is None
    assert assign_indicator("用林地", "mu", SYNONYMS) is None


def test_a_text_flattened_into_one_line_has_its_broken_words_joined():
    # a publisher wrote each line end of its source as a space, in one line: 约束性 指标 is one word again
    filler = "".join(f"第{k}项工作扎实 推进，群众满意度持续 提升。" for k in range(30))
    text = (f"各位代表：现在，我代表市人民政府向大会报告工作。{filler}今年主要预期目标是：粮食产量稳定；"
            "全面完成节能减排降碳和环境质量改善约束性 指标。")
    assert "\n" not in text
    got = process_document(text.encode(), "t.txt")
    assert sorted(m["subject_zh"] for m in got.measures if m["value"] is None) == ["碳排放强度", "能耗强度"]
    # a text with lines keeps a stray space
    assert "约束性 指标" in process_document(("标题\n" + text).encode(), "t.txt").document["text"]

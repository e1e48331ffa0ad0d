"""Grammar of indicator tables (issue 14): units named only by the indicator, cells with a scope note or a
comparator word printed before the number, and a water class an OCR layer moved away from its 类.
The tables are generated here (paraphrased rows), never copied from a corpus document."""

from loaders.tables import Table, fix_label, indicator_unit, parse_cell, render, table_measures


def _measures(rows, doc_year=2025):
    return table_measures(render(Table.from_rows(rows)), doc_year)


def test_a_row_without_unit_takes_the_unit_of_the_indicator_it_names():
    rows = [["指标", "2020年", "2025年", "属性"],
            ["全区细颗粒物年平均浓度", "41", "≤33", "约束性"],
            ["某某工作推进情况", "12", "15", "预期性"]]
    got = {(m.subject_zh, m.year): m for m in _measures(rows)}
    assert got[("全区细颗粒物年平均浓度", 2025)].unit == "ug_m3"
    assert got[("全区细颗粒物年平均浓度", 2025)].comparator == "le"
    assert got[("全区细颗粒物年平均浓度", 2020)].kind == "outcome"
    assert got[("某某工作推进情况", 2025)].unit == "index"  # nothing names a unit: kept dimensionless


def test_a_change_row_takes_the_unit_of_the_change_indicator():
    assert indicator_unit("城区PM2.5年平均浓度下降幅度").unit == "percent"
    assert indicator_unit("城区PM2.5年平均浓度").unit == "ug_m3"
    assert indicator_unit("与指标无关的一行") is None


def test_a_scope_note_after_the_number_leaves_the_value():
    cv = parse_cell("21.4（省控断面）")
    assert cv is not None and cv.value == 21.4 and cv.comparator == "eq"
    assert parse_cell("完成上级下达任务") is None


def test_a_comparator_word_printed_before_its_number():
    assert parse_cell("左右88").comparator == "approx"
    assert parse_cell("以上75").comparator == "ge"
    assert parse_cell("以上75").value == 75


def test_a_water_class_moved_away_from_its_class_word_goes_back():
    assert fix_label("全市地表水达到或好于类水体比例Ⅲ") == "全市地表水达到或好于Ⅲ类水体比例"
    assert fix_label("地下水点位类水比例Ⅴ(%)") == "地下水点位Ⅴ类水比例(%)"
    assert fix_label("国考断面劣Ⅴ类水体比例") == "国考断面劣Ⅴ类水体比例"  # already right: unchanged
    assert fix_label("森林覆盖率(%)") == "森林覆盖率(%)"


def test_a_moved_class_numeral_reaches_the_measure_subject():
    rows = [["指标", "2020年", "2025年"], ["地表水好于类水体比例Ⅲ(%)", "70.5", "75"]]
    assert {m.subject_zh for m in _measures(rows)} == {"地表水好于Ⅲ类水体比例"}


def test_a_year_with_its_role_in_brackets_heads_a_column():
    rows = [["序号", "指标", "2020(现状值)", "2025(目标值)"], ["1", "区域森林覆盖率(%)", "31.2", "32"]]
    got = {(m.kind, m.year, m.value) for m in _measures(rows)}
    assert got == {("outcome", 2020, 31.2), ("target", 2025, 32.0)}


def test_a_last_column_without_right_rule_is_read_from_its_words():
    from documents_factory import open_last_column_pdf

    from loaders import pipeline

    res = pipeline.safe_process(open_last_column_pdf(), "样例市“十四五”生态环境保护规划.pdf")
    got = {(m["subject_zh"], m["kind"], m["year"], m["value"]) for m in res.measures if m["table_no"]}
    assert ("区域细颗粒物年均浓度", "target", 2025, 33.0) in got
    assert ("区域森林覆盖率", "target", 2025, 41.0) in got
    assert ("区域森林覆盖率", "outcome", 2020, 40.2) in got


def test_slashed_subjects_with_as_many_figures_give_one_measure_each():
    rows = [["指标", "2020年", "2025年"], ["湿地保护率(%)", "50", "55"], ["重点保护鸟/兽种数保护率(%)", "81/74", "≥85/80"]]
    got = sorted((m.year, m.value, m.comparator, m.value_text) for m in _measures(rows) if "/" in m.subject_zh)
    assert got == [(2020, 74.0, "eq", "74"), (2020, 81.0, "eq", "81"), (2025, 80.0, "eq", "80"), (2025, 85.0, "ge", "≥85")]
    rows = [["指标", "2020年"], ["湿地保护率(%)", "50"], ["单位工业增加值用水量", "12/13"]]
    assert [m.value for m in _measures(rows) if m.subject_zh.startswith("单位")] == [None]  # a slash the label does not announce: no figure invented


def test_an_ocr_moved_subscript_and_class_go_back_in_place():
    assert fix_label("城区PM年均浓度 10") == "城区PM10年均浓度"
    assert fix_label("城区细颗粒物(PM )浓度 2.5") == "城区细颗粒物(PM2.5)浓度"
    assert fix_label("区域地表水好于类Ⅲ水体的比例") == "区域地表水好于Ⅲ类水体的比例"
    assert fix_label("林地保有率10") == "林地保有率10"  # no PM: a trailing number stays


def test_two_figures_in_one_cell_are_not_joined():
    assert parse_cell("<1.5 88") is None
    assert parse_cell("≤1.5").value == 1.5


def test_a_boxed_table_title_dates_target_and_completed_columns():
    import io

    from documents_factory import HEIGHT, _canvas, _text, grid

    from loaders import pipeline

    buf = io.BytesIO()
    c = _canvas(buf)
    top = _text(c, ["样例市“十四五”生态环境保护规划", "一、回顾。", "专栏“十三五”主要指标完成情况"], HEIGHT - 80)
    grid(c, [["规划指标", "目标值", "完成值"], ["区域森林覆盖率(%)", "40", "41.5"], ["区域湿地保护率(%)", "50", "52"]],
         top - 10, [200, 100, 100])
    c.showPage()
    c.save()
    res = pipeline.safe_process(buf.getvalue(), "样例市“十四五”生态环境保护规划.pdf")
    got = {(m["kind"], m["year"], m["value"]) for m in res.measures if m["table_no"] and "森林" in m["subject_zh"]}
    assert got == {("target", 2020, 40.0), ("outcome", 2020, 41.5)}


def test_a_value_cell_merged_down_over_rows_holds_for_each_row():
    rows = [["指标", "2020年", "2025年"],
            ["甲污染物排放削减比例(%)", "12.5", "达到上级要求"],
            ["乙污染物排放削减比例(%)", "10.1", None],
            ["森林覆盖率(%)", "30", "31"]]
    got = {(m.subject_zh, m.year): m for m in _measures(rows)}
    assert got[("乙污染物排放削减比例", 2025)].value is None
    assert got[("乙污染物排放削减比例", 2025)].value_text == "达到上级要求"
    assert got[("乙污染物排放削减比例", 2025)].char_start == got[("甲污染物排放削减比例", 2025)].char_start
    assert got[("乙污染物排放削减比例", 2020)].value == 10.1
    assert ("森林覆盖率", 2025) in got and len(got) == 6


def test_a_year_with_qingkuang_heads_the_column_of_what_was_reached():
    rows = [["指标", "2015年现状", "2020年目标", "2020年情况", "完成情况"],
            ["城区污水处理率(%)", "80", "90", "93.5", "完成"]]
    got = {(m.kind, m.year, m.value) for m in _measures(rows)}
    assert got == {("outcome", 2015, 80.0), ("target", 2020, 90.0), ("outcome", 2020, 93.5)}


def test_a_label_is_written_into_the_text_as_printed():
    block = render(Table.from_rows([["指标", "2025年"], ["城区细颗粒物(PM )浓度 2.5", "30"],
                                    ["地表水好于类水体比例Ⅲ(%)", "80"]]))
    assert "城区细颗粒物(PM2.5)浓度 | 30" in block.lines
    assert "地表水好于Ⅲ类水体比例(%) | 80" in block.lines


def test_a_pm_size_left_inside_the_label_goes_back_after_pm():
    assert fix_label("城区细颗粒物(PM )浓度2.5 (μg/m3)") == "城区细颗粒物(PM2.5)浓度(μg/m3)"
    assert fix_label("城区细颗粒物(PM )浓度(μ 2.5 g/m3)") == "城区细颗粒物(PM2.5)浓度(μg/m3)"
    assert fix_label("可吸入颗粒物年均浓度(PM ) 10") == "可吸入颗粒物年均浓度(PM10)"
    assert fix_label("PM2.5浓度 10") == "PM2.5浓度 10"  # no bare PM: nothing moves


def test_a_footnote_mark_or_counting_note_after_the_figure_leaves_the_value():
    assert parse_cell("5120[1]").value == 5120
    assert parse_cell("[2300.5]1)").value == 2300.5 and parse_cell("[2300.5]1)").is_total
    assert parse_cell("61.5#").value == 61.5
    assert parse_cell("47(以9个省考断面计)").value == 47
    assert parse_cell("3.1 (较2018年)").value == 3.1
    assert parse_cell("35%(其后与上级重新签订的责任目标为30.5)") is None  # a second figure: not one value


def test_a_change_with_its_baseline_before_the_figure():
    cv = parse_cell("较2016年下降18.25")
    assert cv is not None and cv.value == 18.25
    assert parse_cell("较2016年下降") is None


def test_a_row_label_without_metric_takes_the_wording_of_its_group_label():
    from loaders.tables import compose_label
    assert compose_label(["主要水污染物排放量减少", "氨氮"]) == "氨氮排放量减少"
    assert compose_label(["主要污染物重点工程减排量(吨)", "氮氧化物"]) == "氮氧化物重点工程减排量(吨)"
    assert compose_label(["生活污水集中处理率", "县城"]) == "县城生活污水集中处理率"
    assert compose_label(["环境质量", "森林覆盖率"]) == "环境质量森林覆盖率"  # a row naming its own metric
    rows = [["指标", None, "2020年", "2025年"], ["主要大气污染物排放量减少(%)", "二氧化硫", "12", "10"]]
    assert {m.subject_zh for m in _measures(rows)} == {"二氧化硫排放量减少"}


def test_a_cell_naming_each_figure_gives_one_measure_per_name():
    rows = [["指标", "2020年", "2025年"],
            ["森林覆盖率(%)", "40", "41"],
            ["主要污染物重点工程减排量(万吨)", "—", "二氧化硫 1.5 氮氧化物0.62"]]
    got = {m.subject_zh: m for m in _measures(rows) if m.subject_zh != "森林覆盖率"}
    assert set(got) == {"二氧化硫重点工程减排量", "氮氧化物重点工程减排量"}
    assert got["氮氧化物重点工程减排量"].value == 6200 and got["氮氧化物重点工程减排量"].unit == "t"
    assert got["二氧化硫重点工程减排量"].value_text == "1.5"


def test_a_five_year_total_column_and_a_change_since_a_year_carry_their_period():
    rows = [["指标", "2020年", "2025年", "五年累计"],
            ["氨氮重点工程减排量(万吨)", "-", "-", "0.04"],
            ["单位地区生产总值能源消耗降低(%)", "较2015年下降12.5", "完成上级下达目标", "-"]]
    got = {(m.subject_zh, m.year, m.kind): m for m in _measures(rows)}
    total = got[("氨氮重点工程减排量", 2025, "target")]
    assert total.value == 400 and total.period == "2021-2025"
    change = got[("单位地区生产总值能源消耗降低", 2020, "outcome")]
    assert change.value == 12.5 and change.period == "2016-2020"


def test_a_circled_footnote_mark_is_no_part_of_a_label():
    assert fix_label("城市空气质量优良天数比率② (%)") == "城市空气质量优良天数比率(%)"
    rows = [["指标", "2020年", "2025年"], ["地表水劣Ⅴ类水体比例③ (%)", "1.2①", "0"]]
    block = render(Table.from_rows(rows))
    assert block.lines[1] == "地表水劣Ⅴ类水体比例(%) | 1.2 | 0"
    assert {m.subject_zh for m in table_measures(block, 2025)} == {"地表水劣Ⅴ类水体比例"}


def test_a_class_numeral_in_latin_letters_moved_after_its_label_goes_back():
    assert fix_label("全市地表水劣类水体比例V") == "全市地表水劣V类水体比例"
    assert fix_label("地表水好于类水体比例III(%)") == "地表水好于III类水体比例(%)"
    assert fix_label("类水体比例VOCs") == "类水体比例VOCs"  # a Latin word, not a numeral


def test_a_unit_moved_out_of_its_brackets_goes_back_in():
    assert fix_label("重点工程减排量 万吨( )") == "重点工程减排量(万吨)"
    assert fix_label("城市黑臭水体比例()") == "城市黑臭水体比例()"  # 例 ends 比例: not the unit 例
    rows = [["指标", None, "2020年", "2025年"], ["森林覆盖率(%)", None, "40", "41"],
            ["二氧化硫", "重点工程减排量 万吨( )", "—", "[1.2]"]]
    got = [m for m in _measures(rows) if m.subject_zh.startswith("二氧化硫")]
    assert [(m.value, m.unit, m.period) for m in got] == [(12000, "t", "2021-2025")]


def test_a_cell_naming_the_part_its_only_figure_is_about():
    rows = [["指标", "2020年", "2025年"], ["森林覆盖率(%)", "40", "41"], ["生态质量指数(EQI)", "陆域60.5", "稳中向好"]]
    got = {(m.subject_zh, m.year): m for m in _measures(rows)}
    assert got[("陆域生态质量指数(EQI)", 2020)].value == 60.5
    assert got[("生态质量指数(EQI)", 2025)].value is None
    assert parse_cell("不低于90").comparator == "ge"  # a comparator word is no name


def test_a_figure_with_the_figures_of_its_parts_in_brackets():
    rows = [["指标", "2015年", "2020年"], ["森林覆盖率(%)", "30", "31"],
            ["县城污水处理率(%)", "74", "90以上(甲县91.5、乙县93)"]]
    got = {(m.subject_zh, m.year): (m.value, m.comparator) for m in _measures(rows)}
    assert got[("县城污水处理率", 2020)] == (90, "ge")
    assert got[("甲县县城污水处理率", 2020)] == (91.5, "eq") and got[("乙县县城污水处理率", 2020)] == (93, "eq")

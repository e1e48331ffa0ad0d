"""Grammar of indicator tables (issue 14): units named only by the indicator, cells with a scope note or a
comparator word printed before the number, and a water class an OCR layer moved away from its 类.
The tables are generated here (paraphrased rows), never copied from a corpus document."""

from pdf_drawing import FONT, HEIGHT, LEFT, PdfCanvas

from loaders.tables import CellValue, Table, fix_label, indicator_unit, parse_cell, render, table_measures

PLAN_FILE = "样例市“十四五”生态环境保护规划.pdf"  # a file name that names no real region


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
    assert parse_cell("48(以50个考核断面计)").value == 48  # a note with figures of its own
    assert parse_cell("16.66 (较2015年)").value == 16.66


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

    res = pipeline.safe_process(open_last_column_pdf(), PLAN_FILE)
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
    from loaders import pipeline

    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "一、回顾。", "专栏“十三五”主要指标完成情况"])
    c.grid([["规划指标", "目标值", "完成值"], ["区域森林覆盖率(%)", "40", "41.5"], ["区域湿地保护率(%)", "50", "52"]],
           top - 10, [200, 100, 100])
    res = pipeline.safe_process(c.pdf(), PLAN_FILE)
    got = {(m["kind"], m["year"], m["value"]) for m in res.measures if m["table_no"] and "森林" in m["subject_zh"]}
    assert got == {("target", 2020, 40.0), ("outcome", 2020, 41.5)}


def test_a_value_cell_merged_down_over_several_rows_gives_each_row_its_value():
    rows = [["序号", "指标", "2020年", "2025年", "属性"],
            ["1", "单位地区生产总值能源消耗降低(%)", "12", "完成上级下达任务", "约束性"],
            ["2", "单位地区生产总值二氧化碳排放降低(%)", "15", None, "约束性"],
            ["3", "非化石能源占一次能源消费比重(%)", "20", "25", "预期性"]]
    got = {(m.subject_zh, m.year): m.value_text for m in _measures(rows)}
    assert got[("单位地区生产总值二氧化碳排放降低", 2025)] == "完成上级下达任务"
    assert got[("单位地区生产总值二氧化碳排放降低", 2020)] == "15"


def test_a_label_split_over_grid_rows_joins_its_numbered_row():
    from loaders.tables import merge_split_rows

    rows = [["类别", "序号", "指标", "2020年", "2025年", "属性"],
            ["", "", "区域地表水达到或好于Ⅲ类", "", "", ""],
            ["", "1", "", "70.5", "75", "约束性"],
            ["", "", "水体比例(%)", "", "完成上级", ""],
            ["水", "2", "区域城市黑臭水体比例(%)", "-", "", "预期性"],
            ["", "", "", "", "下达任务", ""],
            ["", "3", "区域农村生活污水治理率(%)", "40", "60", "预期性"],
            ["", "4", "区域生态保护红线面积(平方公里)", "—", "不减少", "约束性"]]
    merged = merge_split_rows(Table.from_rows(rows))
    assert [r[2] for r in merged.cells[1:]] == [
        "区域地表水达到或好于Ⅲ类\n水体比例(%)", "区域城市黑臭水体比例(%)", "区域农村生活污水治理率(%)", "区域生态保护红线面积(平方公里)"]
    got = {(m.subject_zh, m.year): m.value_text for m in table_measures(render(merged), 2025)}
    assert got[("区域地表水达到或好于Ⅲ类水体比例", 2025)] == "75"
    assert got[("区域城市黑臭水体比例", 2025)] == "完成上级下达任务"  # a value cell wrapped below its row


def test_sub_rows_of_a_group_stay_rows():
    from loaders.tables import merge_split_rows

    rows = [["序号", "指标", "", "2020年", "2025年"],
            ["1", "区域重点工程减排量(吨)", "化学需氧量", "—", "1200"],
            [None, None, "氨氮", "—", "80"],
            ["2", "区域森林覆盖率(%)", "", "40", "41"]]
    table = Table.from_rows(rows)
    assert merge_split_rows(table).cells == table.cells


def test_footnote_marks_after_a_figure():
    assert parse_cell("10809[1]").value == 10809
    assert parse_cell("[2669.9]1)").is_total
    assert parse_cell("67.2#").value == 67.2


def _two_page_table(first_rows, first_widths, next_rows, next_widths, words_right=()) -> bytes:
    """A ruled table on page 1 continued on page 2 without its header; words_right: cells printed
    right of page 2's grid, with no rules (a column that lost its rules at the page break)."""
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "表1 规划指标"])
    c.grid(first_rows, top - 10, first_widths)
    c.showPage()
    c.grid(next_rows, HEIGHT - 60, next_widths)
    c.setFont(FONT, 10)
    for r, word in enumerate(words_right):
        c.drawString(LEFT + sum(next_widths) + 4, HEIGHT - 60 - 24 * r - 16, word)
    return c.pdf()


def _pdf_measures(data: bytes) -> set[tuple]:
    from loaders import pipeline

    res = pipeline.safe_process(data, PLAN_FILE)
    return {(m["subject_zh"], m["kind"], m["year"], m["value_text"]) for m in res.measures if m["table_no"]}


def test_a_continued_table_whose_last_column_lost_its_rules_keeps_that_column():
    first = [["序号", "指标", "2020年", "2025年"], ["1", "区域细颗粒物年均浓度", "38", "33"], ["2", "区域森林覆盖率(%)", "40.2", "41"]]
    nxt = [["3", "区域湿地保护率(%)", "50"], ["4", "区域黑臭水体比例(%)", "0"], ["5", "区域水土保持率(%)", "70"]]
    got = _pdf_measures(_two_page_table(first, [40, 200, 80, 80], nxt, [40, 200, 80], words_right=["55", "完成上级任务", "72"]))
    assert ("区域湿地保护率", "target", 2025, "55") in got
    assert ("区域黑臭水体比例", "target", 2025, "完成上级任务") in got
    assert ("区域湿地保护率", "outcome", 2020, "50") in got


def test_a_continued_table_with_a_column_fewer_is_laid_out_under_the_first_page_columns():
    first = [["序号", "指标", "", "2020年", "2025年"], ["1", "区域重点工程减排量(吨)", "氨氮", "—", "80"],
             ["2", "区域森林覆盖率(%)", "", "40.2", "41"]]
    nxt = [["3", "区域湿地保护率(%)", "50", "55"], ["4", "区域草原综合植被盖度(%)", "60", "61"]]
    got = _pdf_measures(_two_page_table(first, [40, 160, 60, 80, 80], nxt, [40, 220, 80, 80]))
    assert ("区域湿地保护率", "target", 2025, "55") in got
    assert ("区域草原综合植被盖度", "outcome", 2020, "60") in got


def test_ocr_moved_superscripts_years_and_ascii_classes_go_back():
    assert fix_label("区域细颗粒物(PM )浓度(微克2.5 /立方米)") == "区域细颗粒物(PM2.5)浓度(微克/立方米)"
    assert fix_label("区域细颗粒物浓度3 ( μg/m )") == "区域细颗粒物浓度( μg/m3)"
    assert fix_label("区域氨氮排放量较年下降比例2015") == "区域氨氮排放量较2015年下降比例"
    assert fix_label("区域地表水劣类水体比例V") == "区域地表水劣V类水体比例"
    assert fix_label("区域生态质量指数(EQI)") == "区域生态质量指数(EQI)"  # letters of a word are no class



def _ruleless_table_page():
    """A PDF page drawn with words only (no rules, as an OCR layer): title and the header row of a plan's
    indicator table; returns the canvas and the header line's height."""
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "表1 规划指标"]) - 20
    c.setFont(FONT, 10)
    for x, word in ((130, "指标"), (292, "2020年"), (372, "2025年"), (450, "属性")):
        c.drawString(x, top, word)
    return c, top


def _ruleless_line(c, y: float, *words: str) -> None:
    """One printed line of words under _ruleless_table_page's header: label, 2020, 2025 and binding, as many
    as given."""
    for x, word in zip((100, 300, 380, 450), words, strict=False):
        c.drawString(x, y, word)


def _close_page(c, y: float) -> bytes:
    """Prose below the table (so the table ends), then the file's bytes."""
    c.lines(["二、主要任务。全面加强生态环境保护，持续改善区域环境质量，推进绿色低碳发展，确保完成各项目标。"], y - 20)
    return c.pdf()


def test_a_table_without_rules_keeps_each_numbered_row_whole():
    """An OCR-like page: words only, no rules; labels and a value wrapped above and below the line
    holding the row's number."""
    c, top = _ruleless_table_page()
    rows = [  # (number, label lines above / on / below, 2020 lines, 2025 lines, binding)
        ("1", ["", "区域森林覆盖率(%)", ""], ["", "40.2", ""], ["", "41", ""], "约束性"),
        ("2", ["区域地表水达到或好于Ⅲ类", "", "水体比例(%)"], ["", "70.5", ""], ["", "75", ""], "约束性"),
        ("3", ["", "区域城市黑臭水体比例(%)", ""], ["", "-", ""], ["完成上级", "", "下达任务"], "预期性"),
        ("4", ["", "区域湿地保护率(%)", ""], ["", "50", ""], ["", "55", ""], "预期性"),
    ]
    y = top - 40
    for number, labels, base, goal, binding in rows:
        c.drawString(70, y, number)
        c.drawString(450, y, binding)
        for dy, label, b, g in zip((9, 0, -9), labels, base, goal, strict=True):
            _ruleless_line(c, y + dy, label, b, g)
        y -= 36
    got = _pdf_measures(_close_page(c, y))
    assert ("区域地表水达到或好于Ⅲ类水体比例", "target", 2025, "75") in got
    assert ("区域城市黑臭水体比例", "target", 2025, "完成上级下达任务") in got
    assert ("区域森林覆盖率", "outcome", 2020, "40.2") in got


def test_a_group_name_merged_down_the_rows_is_no_part_of_the_subject():
    rows = [["序号", "指标", "", "2020年", "2025年"],
            ["1", "环境质量", "区域森林覆盖率(%)", "40", "41"],
            ["2", None, "区域湿地保护率(%)", "50", "55"],
            ["3", None, "区域草原综合植被盖度(%)", "60", "61"],
            ["4", None, "区域水土保持率(%)", "70", "72"]]
    assert {m.subject_zh for m in _measures(rows)} == {"区域森林覆盖率", "区域湿地保护率", "区域草原综合植被盖度", "区域水土保持率"}
    rows[1][1] = "区域重点工程减排量(万吨)"  # a label with a unit names a quantity, not a group
    rows[1][2] = "化学需氧量"
    got = {(m.subject_zh, m.unit) for m in _measures(rows) if m.value == 41 * 10000}
    assert got == {("化学需氧量区域重点工程减排量", "t")}  # the row's own name in its group's wording


def test_a_year_column_of_what_was_reached_is_read_as_outcomes():
    rows = [["指标", "2015年现状", "2020年目标", "2020年情况", "完成情况"],
            ["区域森林覆盖率(%)", "38", "40", "41.2", "完成"]]
    got = {(m.kind, m.year, m.value) for m in _measures(rows, 2020)}
    assert got == {("outcome", 2015, 38.0), ("target", 2020, 40.0), ("outcome", 2020, 41.2)}


def test_words_printed_off_the_drawn_grid_are_read_as_a_table_without_rules():
    """An OCR layer off the rules drawn under it: cells of the grid would hold the figures of two
    rows, so the words are read by their own lines."""
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "表1 规划指标"]) - 10
    rows = [["序号", "指标", "2020年", "2025年"], ["1", "区域森林覆盖率(%)", "40.2", "41"],
            ["2", "区域湿地保护率(%)", "50", "55"], ["3", "区域水土保持率(%)", "70", "72"],
            ["4", "区域草原综合植被盖度(%)", "60", "61"]]
    xs = [LEFT, LEFT + 40, LEFT + 240, LEFT + 320, LEFT + 400]
    for r in range(len(rows)):
        for col in range(4):
            c.rect(xs[col], top - 24 * (r + 1), xs[col + 1] - xs[col], 24)
    c.setFont(FONT, 10)
    for r, row in enumerate(rows):
        for col, word in enumerate(row):
            c.drawString(xs[col] + 4, top - 16 * r - 18, word)  # lines closer than the rules
    c.lines(["二、主要任务。全面加强生态环境保护，持续改善区域环境质量，推进绿色低碳发展，确保完成各项目标。"], top - 160)
    got = _pdf_measures(c.pdf())
    assert ("区域湿地保护率", "target", 2025, "55") in got
    assert ("区域森林覆盖率", "outcome", 2020, "40.2") in got
    assert len(got) == 8


def test_slashed_totals_named_figures_and_changes_since_a_year():
    rows = [["指标", "2020年", "2025年"], ["区域森林覆盖率(%)", "40", "41"],
            ["区域氮氧化物、化学需氧量重点工程减排量(万吨)", "—", "[1.2/ 0.3]"],
            ["区域主要污染物重点工程减排量(万吨)", "—", "氮氧化物1.28氨氮0.33"],
            ["区域单位地区生产总值能源消耗降低(%)", "较2015年下降14.5", "13"]]
    got = {(m.subject_zh, m.value, m.value_text, m.period) for m in _measures(rows) if m.value is not None}
    assert ("区域氮氧化物、化学需氧量重点工程减排量", 3000.0, "0.3", "2021-2025") in got
    assert ("区域氨氮重点工程减排量", 3300.0, "0.33", "2021-2025") in got
    assert ("区域单位地区生产总值能源消耗降低", 14.5, "较2015年下降14.5", "2016-2020") in got
    # a reduction in a table of a five-year plan counts over its five years; a level does not
    assert ("区域单位地区生产总值能源消耗降低", 13.0, "13", "2021-2025") in got
    rows[-1][1] = "3.1"  # the base year's rate of reduction: the five years of the plan before
    assert {m.period for m in _measures(rows) if m.value == 3.1} == {"2016-2020"}
    assert ("区域森林覆盖率", 41.0, "41", None) in got


def test_a_column_of_changes_since_a_year():
    rows = [["指标", "2015年", "2020年", "2020年较2015年"], ["区域二氧化硫年平均浓度(微克/立方米)", "23", "15", "↓34.78%"]]
    got = {(m.year, m.value, m.unit, m.period) for m in _measures(rows, 2020)}
    assert (2020, 34.78, "percent", "2016-2020") in got


def test_a_change_since_the_year_before_is_that_years_own():
    rows = [["指标", "2020年", "2025年"], ["区域单位地区生产总值二氧化碳排放下降率(%)", "2.9 (较2019年)", "完成省下达指标"],
            ["区域单位地区生产总值能源消耗降低(%)", "16.66 (较2015年)", "—"], ["区域森林覆盖率(%)", "40", "41"]]
    got = {(m.subject_zh, m.year, m.value, m.period) for m in _measures(rows) if m.value is not None}
    # a table of a five-year plan (2020 | 2025), where a bare rate in the base year's column counts five years
    assert ("区域单位地区生产总值二氧化碳排放下降率", 2020, 2.9, None) in got
    assert ("区域单位地区生产总值能源消耗降低", 2020, 16.66, "2016-2020") in got


def test_a_unit_printed_out_of_its_brackets_goes_back_in():
    assert fix_label("区域森林蓄积量亿立方米( )") == "区域森林蓄积量(亿立方米)"
    assert fix_label("区域国考断面水质优良比例( )") == "区域国考断面水质优良比例( )"


def test_a_five_year_total_column_is_a_target_over_the_plan_period():
    rows = [["指标", "2020年", "2025年", "五年累计"], ["区域细颗粒物年均浓度(微克/立方米)", "32", "30", "-"],
            ["区域氨氮重点工程减排量(万吨)", "-", "-", "0.03"], ["区域能源消耗降低(%)", "16.6(较2015年)", "-", "/*"]]
    got = {(m.subject_zh, m.kind, m.year, m.value, m.period) for m in _measures(rows)}
    assert got == {("区域细颗粒物年均浓度", "outcome", 2020, 32.0, None), ("区域细颗粒物年均浓度", "target", 2025, 30.0, None),
                   ("区域氨氮重点工程减排量", "target", 2025, 300.0, "2021-2025"),
                   ("区域能源消耗降低", "outcome", 2020, 16.6, "2016-2020")}


def test_an_of_which_line_in_a_merged_label_labels_the_second_row():
    from loaders.tables import split_of_which

    rows = [["指标", "2020年目标", "2020年实现"], ["区域断面水质优良比例\n其中：国控断面优良比例", "83", "100"],
            [None, "90", "95"], ["区域森林覆盖率(%)", "40", "41"]]
    got = {(m.subject_zh, m.kind, m.value) for m in table_measures(render(split_of_which(Table.from_rows(rows))), 2021)}
    assert ("区域断面水质优良比例", "target", 83.0) in got
    assert ("其中：国控断面优良比例", "outcome", 95.0) in got


def test_a_binding_word_printed_over_two_lines_in_a_table_without_rules():
    c, top = _ruleless_table_page()
    y = top - 40
    for label, base, goal, binding in (("区域森林覆盖率(%)", "40.2", "41", ("约束", "性")),
                                       ("区域湿地保护率(%)", "50", "55", ("预期", "性"))):
        _ruleless_line(c, y, label, base, goal)
        c.drawString(450, y + 8, binding[0])
        c.drawString(455, y - 8, binding[1])
        y -= 40
    data = _close_page(c, y)
    from loaders import pipeline

    res = pipeline.safe_process(data, PLAN_FILE)
    got = {(m["subject_zh"], m["year"], m["binding"]) for m in res.measures if m["table_no"]}
    assert ("区域森林覆盖率", 2025, "binding") in got
    assert ("区域湿地保护率", 2020, "expected") in got


def test_a_continued_row_that_lost_its_top_rule_stays_in_the_table():
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "表1 规划指标"])
    widths = [40, 200, 80, 80]
    c.grid([["序号", "指标", "2020年", "2025年"], ["1", "区域森林覆盖率(%)", "40.2", "41"]], top - 10, widths)
    c.showPage()
    c.setFont(FONT, 10)
    x = LEFT
    for word, w in zip(["2", "区域湿地保护率(%)", "50", "55"], widths, strict=True):  # no rule above this row
        c.drawString(x + 4, HEIGHT - 76, word)
        x += w
    c.grid([["3", "区域水土保持率(%)", "70", "72"], ["4", "区域草原综合植被盖度(%)", "60", "61"],
            ["5", "区域自然岸线保有率(%)", "35", "35"]], HEIGHT - 84, widths)
    got = _pdf_measures(c.pdf())
    assert ("区域湿地保护率", "target", 2025, "55") in got
    assert ("区域水土保持率", "outcome", 2020, "70") in got

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


def test_a_reduction_in_a_plan_table_covers_the_plan_period_of_its_column():
    rows = [["指标", "2020年", "2025年", "属性"],
            ["化学需氧量排放总量减少(%)", "14.3", "完成省下达指标", "约束性"],
            ["化学需氧量排放量(吨)", "53254", "50000", "约束性"],
            ["单位地区生产总值能源消耗降低(%)", "16.2", "完成省下达指标", "约束性"],
            ["氨氮重点工程减排量(吨)", "1200", "1500", "约束性"],
            ["总磷重点工程减排量(吨)", "30", "[150]", "约束性"],
            ["氮氧化物减少(%)", "27.4", "完成省定目标", "约束性"],
            ["细颗粒物浓度下降(%)", "12", "完成省定目标", "约束性"]]
    got = {(m.subject_zh, m.year): m.period for m in _measures(rows)}
    assert got[("氮氧化物减少", 2025)] == "2021-2025"  # a pollutant's total, named by the pollutant
    assert got[("细颗粒物浓度下降", 2025)] is None  # a concentration is no emission total
    # a rate of reduction in the base year's column is the previous plan's; in the target year's the plan's
    assert got[("化学需氧量排放总量减少", 2020)] == "2016-2020"
    assert got[("化学需氧量排放总量减少", 2025)] == "2021-2025"  # words standing for an emission quota
    assert got[("单位地区生产总值能源消耗降低", 2020)] == "2016-2020"
    assert got[("单位地区生产总值能源消耗降低", 2025)] is None  # words for an intensity: no total
    # an amount of reduction in the base year's column is the previous plan's, as the target's is the plan's; but
    # where the row marks its five-year target [ ], the base year's plain amount is that year's own
    assert got[("氨氮重点工程减排量", 2020)] == "2016-2020"
    assert got[("总磷重点工程减排量", 2020)] is None and got[("总磷重点工程减排量", 2025)] == "2021-2025"
    assert got[("氨氮重点工程减排量", 2025)] == "2021-2025"
    assert got[("化学需氧量排放量", 2020)] is None and got[("化学需氧量排放量", 2025)] is None  # a level


def test_a_power_unit_in_latin_letters_after_a_multiplier():
    rows = [["指标", "2020年", "2025年"], ["区域清洁能源装机总量(万KW)", "3637", "≥7500"]]
    got = {(m.year, m.value, m.unit) for m in _measures(rows)}
    assert got == {(2020, 36370000.0, "kw"), (2025, 75000000.0, "kw")}


def test_cells_wrapped_over_lines_of_a_row_without_number_join_where_its_binding_word_does():
    """No row numbers: 约束 on a row's first line and 性 on its second mark both lines as one row, whose
    values wrapped over them (Ⅱ类及 / 以上) join."""
    c, top = _ruleless_table_page()
    y = top - 40
    for labels, base, goal, binding in ((("区域湿地", "保护率(%)"), ("50", ""), ("55", ""), ("预期", "性")),
                                        (("区域出境断面", "水质类别"), ("Ⅱ类及", "以上"), ("Ⅱ类及", "以上"), ("约束", "性"))):
        for dy, label, b, g, w in zip((0, -14), labels, base, goal, binding, strict=True):
            _ruleless_line(c, y + dy, label, b, g, w)
        y -= 44
    got = _pdf_measures(_close_page(c, y))
    assert ("区域出境断面水质类别", "target", 2025, "Ⅱ类及以上") in got
    assert ("区域湿地保护率", "outcome", 2020, "50") in got


def test_a_figure_with_its_own_unit_in_brackets_takes_that_unit():
    rows = [["指标", "2015年", "2020年"], ["区域细颗粒物浓度下降比例(%)", "46(ug/m3)", "28.1"]]
    got = {(m.year, m.value, m.unit) for m in _measures(rows, 2020)}
    assert got == {(2015, 46.0, "ug_m3"), (2020, 28.1, "percent")}


def test_an_ocr_moved_oxide_subscript_goes_back_after_its_formula():
    assert fix_label("SO排放总量削减比例2") == "SO2排放总量削减比例"
    assert fix_label("CO排放降低2") == "CO2排放降低"
    assert fix_label("NOx排放总量削减比例") == "NOx排放总量削减比例"  # NOx has no subscript to restore
    assert fix_label("ISO认证比例2") == "ISO认证比例2"  # the O of a longer word is no formula


def test_a_cell_with_the_figure_of_a_part_after_qizhong():
    rows = [["指标", "2020年", "2025年"], ["区域森林覆盖率(%)", "40", "41"],
            ["区域挥发性有机物重点工程减排量(吨)", "--", "680,其中机动车2025年目标为280"]]
    got = {(m.subject_zh, m.value, m.value_text) for m in _measures(rows) if "森林" not in m.subject_zh}
    assert got == {("区域挥发性有机物重点工程减排量", 680.0, "680"), ("机动车区域挥发性有机物重点工程减排量", 280.0, "280")}


def _pages_of_grids(pages, title="表1 规划指标", words_right=()) -> bytes:
    """One ruled grid a page ((rows, widths) each), the first under a title; words_right: words printed
    right of the first grid, one a row and without rules (a column the grid leaves out)."""
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", title]) - 10
    for n, (rows, widths) in enumerate(pages):
        c.grid(rows, top, widths)
        if n == 0:
            c.setFont(FONT, 10)
            for r, word in enumerate(words_right):
                c.drawString(LEFT + sum(widths) + 6, top - 24 * r - 16, word)
        c.showPage()
        top = HEIGHT - 60
    return c.pdf()


def test_a_binding_column_printed_right_of_the_grid_gives_each_row_its_binding():
    from loaders import pipeline

    rows = [["序号", "指标", "2020年", "2025年"], ["1", "区域森林覆盖率(%)", "40.2", "41"],
            ["2", "区域湿地保护率(%)", "50", "55"], ["3", "区域细颗粒物年均浓度", "38", "33"]]
    data = _pages_of_grids([(rows, [40, 200, 80, 80])], words_right=["属性", "约束性", "预期性", "约束性"])
    res = pipeline.safe_process(data, PLAN_FILE)
    got = {(m["subject_zh"], m["year"], m["binding"]) for m in res.measures if m["table_no"]}
    assert ("区域森林覆盖率", 2025, "binding") in got
    assert ("区域湿地保护率", 2020, "expected") in got
    assert ("区域细颗粒物年均浓度", 2025, "binding") in got


def test_a_table_continued_with_its_header_repeated_keeps_its_period_and_its_split_cell():
    from loaders import pipeline

    first = [["指标", "2020年目标", "2020年实现", "属性"], ["区域森林覆盖率(%)", "40", "40.2", "约束性"],
             ["区域单位GDP能耗降低率(%)", "完成省下", "—", "约束性"]]
    nxt = [["指标", "", "2020年目标", "2020年实现", "属性"], ["", "", "达指标", "", ""],
           ["区域化学需氧量排放量削减比例(%)", "", "14.7", "15.1", "约束性"],
           ["区域氨氮排放量削减比例(%)", "", "14.8", "15.2", "约束性"]]
    data = _pages_of_grids([(first, [200, 80, 80, 60]), (nxt, [160, 40, 80, 80, 60])], title="表1 “十三五”规划指标完成情况")
    res = pipeline.safe_process(data, PLAN_FILE)
    got = {(m["subject_zh"], m["kind"], m["year"], m["value_text"], m["period"]) for m in res.measures if m["table_no"]}
    assert ("区域单位GDP能耗降低率", "target", 2020, "完成省下达指标", None) in got
    assert ("区域化学需氧量排放量削减比例", "outcome", 2020, "15.1", "2016-2020") in got
    assert ("区域氨氮排放量削减比例", "target", 2020, "14.8", "2016-2020") in got


def test_a_change_verb_before_the_figure_and_a_change_noted_after_it_leave_the_figure():
    assert parse_cell("减排16%").value == 16.0  # the row's reduction, its verb first
    assert parse_cell("削减 6.08%").value == 6.08
    assert parse_cell("47(-18%)").value == 47.0  # the target concentration, and the cut it makes
    assert parse_cell("减排16%以下减少") is None  # words after the figure: not a bare figure
    got = _measures([["指标", "单位", "2015年", "2020年目标"], ["区域二氧化硫排放量", "%", "减排16%", "减排10%"],
                     ["区域细颗粒物年均浓度", "ug/m3", "57", "47(-18%)"]], doc_year=2020)
    assert {(m.subject_zh, m.year, m.value, m.unit) for m in got} >= {
        ("区域二氧化硫排放量", 2015, 16.0, "percent"), ("区域细颗粒物年均浓度", 2020, 47.0, "ug_m3")}


def test_words_leading_into_a_figure_leave_it_with_the_comparator_after_it():
    assert parse_cell("稳定保持在70%以上") == CellValue(70.0, "ge", "%", False)  # a level held
    assert parse_cell("年增长20%以上") == CellValue(20.0, "ge", "%", False)  # a yearly change
    assert parse_cell("年均增长9%").comparator == "eq"
    assert parse_cell("减排16%以上").value == 16.0
    assert parse_cell("保持在高位") is None  # no figure: words


def test_a_level_in_brackets_on_a_reduction_row_is_the_concentration_the_reduction_leads_to():
    got = _measures([["指标", "单位", "2020年", "2025年", "属性"],
                     ["区域细颗粒物年均浓度下降", "%", "(38)", "7.9(35)", "约束性"],
                     ["区域森林覆盖率", "%", "(38)", "40", "约束性"], ["区域湿地保护率", "%", "50", "55", "预期性"],
                     ["区域优良天数比例", "%", "90", "92", "约束性"]])
    rows = {(m.subject_zh, m.kind, m.year, m.value, m.unit, m.period) for m in got}
    assert ("区域细颗粒物年均浓度", "outcome", 2020, 38.0, "ug_m3", None) in rows  # (38): the level only
    assert ("区域细颗粒物年均浓度下降", "target", 2025, 7.9, "percent", "2021-2025") in rows
    assert ("区域细颗粒物年均浓度", "target", 2025, 35.0, "ug_m3", None) in rows
    assert not any(m.subject_zh == "区域森林覆盖率" and m.value == 38.0 for m in got)  # no reduction: not a level


def test_sub_areas_under_a_merged_metric_label_take_the_metric():
    t = Table.from_rows([["序号", "指标分类", "指标名称", None, "2020年", "2025年"],
                         ["1", "水环境", "地表水", "区域断面优良比例(%)", "80", "85"],
                         ["2", None, None, "区域劣Ⅴ类断面比例(%)", "0", "0"],
                         ["3", None, "黑臭水体消除比例", "区域城市建成区", "100", "巩固提升"],
                         ["4", None, None, "区域县城建成区", "90", "基本消除"],
                         ["5", "生态", "区域森林覆盖率(%)", None, "40", "41"]])
    t.origin[5][3] = (5, 2)  # the label spans both label columns
    got = {(m.subject_zh, m.year, m.value_text) for m in table_measures(render(t), 2025)}
    assert ("区域城市建成区黑臭水体消除比例", 2020, "100") in got
    assert ("区域县城建成区黑臭水体消除比例", 2025, "基本消除") in got
    assert ("区域劣Ⅴ类断面比例", 2025, "0") in got  # 地表水 names no metric: no part of the subject
    assert ("区域森林覆盖率", 2025, "41") in got


def test_a_cell_restating_its_rate_and_a_comparator_after_the_figure():
    got = _measures([["指标", "2015年", "2020年"], ["区域城镇生活污水集中处理率(%)", "城市(含县城)污水处理率82%", "≥90%"],
                     ["区域放射源事故年发生率(起/万枚)", "0", "1.3<"]], doc_year=2020)
    assert {(m.subject_zh, m.year, m.value, m.comparator) for m in got} >= {
        ("区域城镇生活污水集中处理率", 2015, 82.0, "eq"), ("区域放射源事故年发生率", 2020, 1.3, "lt")}


def test_the_last_line_of_a_label_on_the_next_page_joins_its_row():
    from loaders.pdf import _continue_table

    first = Table.from_rows([["序号", "指标", "2020年", "2025年"], ["1", "区域森林覆盖率(%)", "40", "41"],
                             ["2", "县级及以上城市空气质量优良天数", "93.4", "93.6"]])
    nxt = Table.from_rows([["", "比例(%)", "", ""], ["3", "区域湿地保护率(%)", "50", "55"]])
    _continue_table(first, nxt)
    got = {(m.subject_zh, m.year, m.value_text) for m in table_measures(render(first), 2025)}
    assert ("县级及以上城市空气质量优良天数比例", 2020, "93.4") in got
    assert ("区域湿地保护率", 2025, "55") in got


def test_a_minus_sign_on_a_reduction_row_gives_the_reduction_its_size():
    t = Table.from_rows([["类别", "指标", "2020年实际", "2020年目标"], ["主要污染物减排", "区域化学需氧量", "12.5%", "-10.5%"],
                         [None, "区域氨氮", "-12.48%", "-10.1%"], [None, "区域二氧化硫", "14%", "-14%"],
                         ["环境质量", "区域气温距平", "-0.5", "-0.3"]])
    got = {(m.subject_zh, m.kind, m.value) for m in table_measures(render(t), 2020)}
    assert {("区域化学需氧量", "target", 10.5), ("区域氨氮", "outcome", 12.48), ("区域二氧化硫", "target", 14.0)} <= got
    assert ("区域气温距平", "target", -0.3) in got  # no reduction named: the sign stays


def test_figures_named_in_the_cell_give_one_measure_each():
    got = _measures([["指标", "2015年", "2020年目标"], ["区域森林覆盖率(%)", "40", "41"],
                     ["区域重点河流(甲河、乙河)功能达标率和Ⅲ类水质比例", "甲河:100%;83.3%\n乙河:90%;95%", "甲河: 100%;≥ 85%\n乙河:100%;≥95%"],
                     ["区域近岸海域功能区达标比例", "近岸海域达标率71.4%,丙湾水域达标率100%", "≥72%"]], doc_year=2020)
    found = {(m.subject_zh, m.year, m.value, m.comparator) for m in got}
    assert {("区域重点河流功能达标率(甲河)", 2015, 100.0, "eq"), ("Ⅲ类水质比例(甲河)", 2020, 85.0, "ge"),
            ("Ⅲ类水质比例(乙河)", 2015, 95.0, "eq"), ("近岸海域达标率", 2015, 71.4, "eq"),
            ("丙湾水域达标率", 2015, 100.0, "eq")} <= found
    block = render(Table.from_rows([["指标", "2015年"], ["区域森林覆盖率(%)", "40"], ["区域重点河流(甲河、乙河)功能达标率和Ⅲ类水质比例", "甲河:100%;83.3%"]]))
    text = "\n".join(block.lines)
    assert [text[m.char_start:m.char_end] for m in table_measures(block, 2020)] == ["40", "100%", "83.3%"]


def test_a_row_naming_only_a_place_takes_the_metric_of_the_category_it_sits_under():
    """某类水体消除比例 merged down over 市区建成区 | 县城建成区: each row measures that metric in its place;
    a category naming no metric (环境质量) stays out of the subject."""
    rows = [["序号", "分类", "指标", "2020年", "2025年"],
            ["1", "环境质量", "区域森林覆盖率(%)", "40", "41"],
            ["2", None, "区域湿地保护率(%)", "50", "55"],
            ["3", "黑臭水体消除比例(%)", "市区建成区", "90", "100"],
            ["4", None, "县城建成区", "80", "95"],
            ["5", "生态修复", "区域水土保持率(%)", "70", "72"]]
    got = {m.subject_zh for m in _measures(rows)}
    assert got == {"区域森林覆盖率", "区域湿地保护率", "市区建成区黑臭水体消除比例", "县城建成区黑臭水体消除比例",
                   "区域水土保持率"}


def test_a_cell_restating_its_rate_with_a_clause_after_the_figure_gives_the_figure():
    """工业固体废物综合利用率85%且无危险废物排放； in the base year's column: the row's rate restated, its figure,
    then a clause with no figure of its own; the figure is the base year's value (it was read as a sentence
    and lost). A clause holding a figure of its own is no such clause: the cell is not cut."""
    c = PdfCanvas()
    top = c.lines(["样例市“十四五”生态环境保护规划", "表1 “十三五”规划指标完成情况"])
    c.grid([["指标", "2015年", "2020年目标值", "2020年实际值"],
            ["区域固废综合利用率", "固废综合利用率85%且无危废排放;", "≥90%", "90%"],
            ["区域污水集中处理率", "污水处理率82%,其中县城60%", "≥90%", "93.5%"],
            ["区域森林覆盖率", "59.8%", "≥60%", "60.2%"], ["区域湿地保护率", "50%", "≥52%", "53%"]],
           top - 10, [130, 210, 90, 90])
    got = _pdf_measures(c.pdf())
    assert ("区域固废综合利用率", "outcome", 2015, "85%") in got
    assert ("区域固废综合利用率", "target", 2020, "≥90%") in got
    assert ("区域污水集中处理率", "outcome", 2015, "82%") not in got  # 其中县城60%: a figure of its own

"""Indicator tables laid out as other governments print them and the corpus does not (generated PDFs,
tests/unseen_layouts_factory.py): each gives the right rows, or a clear warning instead of wrong numbers."""

from __future__ import annotations

import pytest
import unseen_layouts_factory as factory

from loaders import pipeline

NAME = "测试市“十四五”生态环境保护规划.pdf"


def _cells(data: bytes) -> dict[tuple[str, int], dict]:
    res = pipeline.safe_process(data, NAME)
    assert res.document is not None, res.errors
    return {(m["subject_zh"], m["year"]): m for m in res.measures if m["table_no"] is not None}


def _row(m: dict) -> tuple:
    return m["kind"], m["value"], m["unit"], m["comparator"], m["binding"], m["period"]


def test_a_header_repeated_on_every_page_is_read_once_and_every_row_once():
    res = pipeline.safe_process(factory.repeated_header_pdf(pages=3), NAME)
    text = res.document["text"]
    assert text.count("2020年 | 2025年") == 1
    table = [m for m in res.measures if m["table_no"] is not None]
    assert {m["table_no"] for m in table} == {1}  # one table over three pages
    assert len(table) == 18 and len({(m["subject_zh"], m["year"]) for m in table}) == 18
    assert {m["value"] for m in table if m["year"] == 2020} == set(range(60, 69))
    assert all(m["kind"] == ("outcome" if m["year"] == 2020 else "target") for m in table)


def test_target_column_before_base_column():
    cells = _cells(factory.target_first_pdf())
    assert _row(cells[("细颗粒物年均浓度", 2025)]) == ("target", 33, "ug_m3", "le", "binding", None)
    assert _row(cells[("细颗粒物年均浓度", 2020)]) == ("outcome", 38, "ug_m3", "eq", "binding", None)
    assert _row(cells[("森林覆盖率", 2020)])[:2] == ("outcome", 43.2)
    # plain years in that order too: the later one is the target whatever its place
    assert _row(cells[("城市生活污水集中处理率", 2025)])[:2] == ("target", 97)
    assert _row(cells[("城市生活污水集中处理率", 2020)])[:2] == ("outcome", 95.5)


def test_landscape_page_with_a_goal_for_each_year_of_the_plan():
    cells = _cells(factory.landscape_table_pdf())
    air = {year: cells[("空气质量优良天数比率", year)] for year in range(2020, 2026)}
    assert _row(air[2020]) == ("outcome", 85.1, "percent", "eq", "binding", None)  # the base year
    assert [air[y]["kind"] for y in range(2021, 2026)] == ["target"] * 5  # a plan's yearly goals
    assert [air[y]["value"] for y in range(2021, 2026)] == [85.5, 86, 86.5, 87, 88]
    assert {m["page"] for m in cells.values()} == {2}


def test_unit_column_units_in_labels_and_a_share_without_unit():
    cells = _cells(factory.unit_column_pdf())
    assert _row(cells[("森林蓄积量", 2025)])[:3] == ("target", 34_000_000, "m3")  # 万立方米 in the 单位 column
    assert _row(cells[("化学需氧量重点工程减排量", 2025)]) == ("target", 5200, "t", "eq", "binding", "2021-2025")
    assert _row(cells[("细颗粒物年均浓度", 2020)])[:3] == ("outcome", 38, "ug_m3")
    assert _row(cells[("城市黑臭水体比例", 2020)])[:3] == ("outcome", 5, "percent")  # a 比例 is a share
    assert ("化学需氧量重点工程减排量", 2020) not in cells  # — is no value


def test_two_tables_side_by_side_keep_their_own_rows():
    res = pipeline.safe_process(factory.side_by_side_pdf(), NAME)
    table = {(m["subject_zh"], m["year"]): m for m in res.measures if m["table_no"] is not None}
    assert {k: (m["table_no"], m["value"]) for k, m in table.items()} == {
        ("优良天数比率", 2020): (1, 86), ("优良天数比率", 2025): (1, 88),
        ("PM2.5浓度", 2020): (1, 35), ("PM2.5浓度", 2025): (1, 32),
        ("优良水体比例", 2020): (2, 70), ("优良水体比例", 2025): (2, 75),
        ("劣V类水体比例", 2020): (2, 2), ("劣V类水体比例", 2025): (2, 0)}
    assert table[("PM2.5浓度", 2025)]["unit"] == "ug_m3" and table[("劣V类水体比例", 2020)]["kind"] == "outcome"


def test_an_indicator_table_printed_as_a_picture_gives_a_needs_ocr_warning_not_numbers():
    res = pipeline.safe_process(factory.pictured_indicator_table_pdf(), NAME)
    assert [m["value"] for m in res.measures] == [71]  # the prose only
    warnings = [e for e in res.errors if e["reason"] == "needs_ocr"]
    assert [e["severity"] for e in warnings] == ["warning"]
    assert "1 table printed as a picture was not read" in warnings[0]["message"] and "--ocr" in warnings[0]["message"]


def test_a_picture_without_a_table_title_gives_no_warning():
    from documents_factory import text_then_scan_pdf

    res = pipeline.safe_process(text_then_scan_pdf(), NAME)  # a scanned page: its own warning, not this one
    assert not [e for e in res.errors if "printed as a picture" in e["message"]]


@pytest.mark.parametrize("row, label, values", [
    (0, "细颗粒物(PM2.5)浓度(ug/m3)", [("outcome", 2020, 26, "ug_m3"), ("target", 2025, 25, "ug_m3")]),
    (1, "放射源事故年发生率(起/万枚)", [("outcome", 2020, 0, "events_per_10k_sources"),
                                     ("target", 2025, 1.3, "events_per_10k_sources")]),
])
def test_a_font_declaring_an_em_of_descent_keeps_its_figures_and_letters_in_their_row(row, label, values):
    # read as declared, (PM2.5) falls a line below 细颗粒物…浓度 and the figures into the next grid row
    res = pipeline.safe_process(factory.em_descent_font_pdf(), NAME)
    lines = [line for line in res.document["text"].split("\n") if " | 约束性" in line or " | 预期性" in line]
    assert lines[row].split(" | ")[0] == label
    subject = label.split("(起")[0].split("(ug")[0]
    got = [(m["kind"], m["year"], m["value"], m["unit"]) for m in res.measures if m["subject_zh"] == subject]
    assert got == values


# Tables drawn without rules (tests/unseen_layouts_factory.ruleless_table_pdf): a Word table whose borders are off.
_GROUP = (["环境", "质量"], 3)  # a group's name merged down three rows, left of the labels


def test_a_table_without_rules_reads_its_rows_and_leaves_the_group_column_out():
    rows = [[_GROUP, "细颗粒物年均浓度(微克/立方米)", "38", "33", "约束性"],
            [None, "空气质量优良天数比率(%)", "85.1", "88", "约束性"],
            [None, "地表水优良水体比例(%)", "70", "75", "约束性"],
            ["生态保护", None, None, None, None],  # a heading row: no figures, no row
            [None, "森林覆盖率(%)", "40.2", "41", "预期性"]]
    cells = _cells(factory.ruleless_table_pdf(rows))
    assert set(cells) == {(s, y) for s in ("细颗粒物年均浓度", "空气质量优良天数比率", "地表水优良水体比例", "森林覆盖率")
                          for y in (2020, 2025)}
    assert _row(cells[("细颗粒物年均浓度", 2020)]) == ("outcome", 38, "ug_m3", "eq", "binding", None)
    assert _row(cells[("空气质量优良天数比率", 2025)]) == ("target", 88, "percent", "eq", "binding", None)
    assert _row(cells[("森林覆盖率", 2025)]) == ("target", 41, "percent", "eq", "expected", None)


@pytest.mark.parametrize("centred", [True, False], ids=["cells centred", "cells at the top of the row"])
def test_a_table_without_rules_joins_a_label_wrapped_over_two_lines(centred):
    rows = [[_GROUP, ["地表水国控断面达到或好于", "Ⅲ类水体比例(%)"], "70", "75", "约束性"],
            [None, "森林覆盖率(%)", "40.2", "41", "预期性"],
            [None, ["城市生活污水集中收集", "率(%)"], "60", "70", "预期性"]]
    cells = _cells(factory.ruleless_table_pdf(rows, centred))
    assert _row(cells[("地表水国控断面达到或好于Ⅲ类水体比例", 2025)]) == ("target", 75, "percent", "eq", "binding", None)
    assert _row(cells[("城市生活污水集中收集率", 2020)]) == ("outcome", 60, "percent", "eq", "expected", None)
    assert _row(cells[("森林覆盖率", 2020)])[:2] == ("outcome", 40.2)
    assert len(cells) == 6


def test_a_table_without_rules_joins_cells_wrapped_over_two_lines():
    """A target in words over two lines, a figure per pollutant over two lines (each pollutant its subject),
    约束 / 性 over two lines."""
    rows = [[_GROUP, "森林覆盖率(%)", "40.2", "41", "预期性"],
            [None, ["化学需氧量、氨氮两项主要", "污染物排放量下降比例(%)"], "—", ["8.5、", "9.0"], ["约束", "性"]],
            [None, "城市黑臭水体比例(%)", "5", ["达到省下达", "目标"], "约束性"]]
    res = pipeline.safe_process(factory.ruleless_table_pdf(rows), NAME)
    table = [(m["subject_zh"], m["year"], m["kind"], m["value"], m["value_text"], m["binding"])
             for m in res.measures if m["table_no"] is not None]
    assert ("化学需氧量排放量下降比例", 2025, "target", 8.5, "8.5", "binding") in table
    assert ("氨氮排放量下降比例", 2025, "target", 9.0, "9.0", "binding") in table
    assert ("城市黑臭水体比例", 2025, "target", None, "达到省下达目标", "binding") in table
    assert ("城市黑臭水体比例", 2020, "outcome", 5.0, "5", "binding") in table
    assert len(table) == 6  # — is no figure


def test_a_table_without_rules_runs_on_to_the_next_page_under_the_same_columns():
    first = [[_GROUP, "细颗粒物年均浓度(微克/立方米)", "38", "33", "约束性"],
             [None, "空气质量优良天数比率(%)", "85.1", "88", "约束性"],
             [None, ["地表水国控断面达到或好于", "Ⅲ类水体比例(%)"], "70", "75", "约束性"]]
    second = [[None, ["城市生活污水集中收集", "率(%)"], "60", ["达到省下达", "目标"], "预期性"],
              [None, "森林覆盖率(%)", "40.2", "41", "预期性"]]
    res = pipeline.safe_process(factory.ruleless_table_over_two_pages_pdf(first, second), NAME)
    cells = {(m["subject_zh"], m["year"]): m for m in res.measures if m["table_no"] is not None}
    assert len(cells) == 10 and {m["table_no"] for m in cells.values()} == {1}
    assert _row(cells[("森林覆盖率", 2025)]) == ("target", 41, "percent", "eq", "expected", None)
    assert cells[("城市生活污水集中收集率", 2025)]["value_text"] == "达到省下达目标"
    text = res.document["text"]
    assert "— 1 —" not in text and "—1—" not in text  # the page number over the table is no row
    assert text.index("森林覆盖率") < text.index("二、主要任务")  # the next section's heading stays prose, after the table


def test_two_columns_of_prose_with_years_and_figures_are_no_table():
    res = pipeline.safe_process(factory.two_column_prose_pdf(), NAME)
    assert [m for m in res.measures if m["table_no"] is not None] == []
    assert " | " not in res.document["text"]
    assert {85.1, 38.0, 33.0} <= {m["value"] for m in res.measures}  # the prose's figures are still read

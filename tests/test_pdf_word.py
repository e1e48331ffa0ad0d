"""PDF and Word reading: text layer, tables as measures, bad files as load errors (generated fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rows, run_load
from documents_factory import encrypted_pdf, plan_docx, plan_pdf, prose_pdf, scanned_pdf
from pdf_drawing import PdfCanvas

from loaders import pipeline
from loaders.tables import Table, parse_cell, render, table_measures

ROOT = Path(__file__).resolve().parents[1]
CORPUS_PDFS = sorted((ROOT / "data" / "corpus" / "pdf").glob("*.pdf"))


def _load(data: bytes, name: str) -> pipeline.DocumentResult:
    return pipeline.safe_process(data, name)


def _table_measures(res: pipeline.DocumentResult) -> dict[tuple[str, str], dict]:
    return {(m["subject_zh"], m["value_text"]): m for m in res.measures if m["table_no"] is not None}


@pytest.fixture(scope="module")
def plan() -> pipeline.DocumentResult:
    return _load(plan_pdf(), "plan.pdf")


def test_pdf_text_drops_page_numbers_and_invented_spaces(plan):
    text = plan.document["text"]
    assert "PM2.5平均浓度37微克/立方米,空气质量优良天数比率达到85%。" in text  # wrapped line rejoined
    assert "—" not in text.replace("| — |", "")  # the footers — 1 — and — 2 — are gone
    assert plan.document["source_format"] == "pdf" and plan.document["pages"] == 2
    assert plan.document["title"] == "测试市“十四五”生态环境保护规划"


def test_table_cells_become_measures_with_year_and_kind_from_the_header(plan):
    cells = _table_measures(plan)
    base, goal = cells[("细颗粒物浓度", "41")], cells[("细颗粒物浓度", "≤35")]
    assert (base["kind"], base["year"], base["value"], base["unit"]) == ("outcome", 2020, 41, "ug_m3")
    assert (goal["kind"], goal["year"], goal["comparator"], goal["binding"]) == ("target", 2025, "le", "binding")
    assert cells[("森林覆盖率", "31")]["binding"] == "expected"
    assert cells[("地表水优良比例", "85左右")]["comparator"] == "approx"


def test_table_across_a_page_break_is_one_table(plan):
    cells = _table_measures(plan)
    total = cells[("化学需氧量减排量", "[1.2]")]  # first row on the second page
    assert (total["table_no"], total["page"], total["period"], total["value"], total["unit"]) == (1, 1, "2021-2025", 12000, "t")
    assert plan.document["text"].count("2020年 | 2025年") == 1  # the repeated two-line header is dropped


def test_words_in_a_value_cell_give_a_null_value_not_an_invented_one(plan):
    words = _table_measures(plan)[("城市黑臭水体", "完成省下达任务")]
    assert words["value"] is None and words["kind"] == "target"


def test_table_offsets_point_at_the_cell_and_prose_does_not_count_it_twice(plan):
    text = plan.document["text"]
    for m in plan.measures:
        assert text[m["char_start"] : m["char_end"]] == m["value_text"]
    in_table = [m for m in plan.measures if m["table_no"] is None and "|" in m["sentence"]]
    assert not in_table
    assert len({m["char_start"] for m in plan.measures}) == len(plan.measures)


def test_lone_numbers_inside_tables_survive():
    table = Table.from_rows([["指标", "2020年", "2025年"], ["森林覆盖率(%)", "30", "31"]])
    block = render(table)
    assert block.lines == ["指标 | 2020年 | 2025年", "森林覆盖率(%) | 30 | 31"]
    assert [(m.kind, m.year, m.value) for m in table_measures(block, 2025)] == [("outcome", 2020, 30), ("target", 2025, 31)]


@pytest.mark.parametrize(("cell", "value", "comparator", "total"), [
    ("≤35", 35, "le", False), ("[10]", 10, "eq", True), ("85.2%", 85.2, "eq", False),
    ("30左右", 30, "approx", False), ("49①", 49, "eq", False), ("≥ 90", 90, "ge", False),
])
def test_parse_cell(cell, value, comparator, total):
    got = parse_cell(cell)
    assert (got.value, got.comparator, got.is_total) == (value, comparator, total)


def test_parse_cell_refuses_words():
    assert parse_cell("完成省下达任务") is None
    assert parse_cell("680,其中机动车2025年目标为280") is None


def test_the_drawing_helper_closes_the_last_page_once_whether_shown_or_not():
    page = ["测试市人民政府办公室", "一、工作要点", "到2025年，城市生活污水集中收集率达到71%。"]
    for show_last in (False, True):
        c = PdfCanvas()
        c.lines(page)
        c.showPage()
        c.lines(page)
        if show_last:
            c.showPage()
        assert _load(c.pdf(), "two.pdf").document["pages"] == 2


def test_rotated_pages_are_read():
    res = _load(prose_pdf(pages=2, rotate=90), "rotated.pdf")
    assert sorted(m["value"] for m in res.measures) == [71, 72]


def test_huge_pdf_loads_every_page():
    res = _load(prose_pdf(pages=300), "huge.pdf")
    assert res.document["pages"] == 300 and len(res.measures) == 300


@pytest.mark.parametrize(("data", "reason"), [
    (encrypted_pdf(), "encrypted"), (scanned_pdf(), "needs_ocr"), (plan_pdf()[:400], "corrupt_file"),
    (b"%PDF-1.7\n" + b"\x00garbage" * 50, "corrupt_file"),
])
def test_bad_pdfs_give_a_clear_error(data, reason):
    res = _load(data, "bad.pdf")
    assert res.document is None
    assert [e["reason"] for e in res.errors] == [reason]
    assert "bad.pdf" in res.errors[0]["message"]


@pytest.mark.parametrize("name", ["old.doc", "old.wps"])
def test_old_word_files_say_how_to_convert(name):
    res = _load(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, name)
    assert [e["reason"] for e in res.errors] == ["unsupported_format"]
    assert ".docx" in res.errors[0]["message"]


def test_docx_numbering_and_table_round_trip():
    res = _load(plan_docx(), "plan.docx")
    text = res.document["text"]
    assert "1.深入打好蓝天保卫战" in text and "2.深入打好碧水保卫战" in text
    assert res.document["source_format"] == "docx"
    cells = _table_measures(res)
    base, goal = cells[("空气质量优良天数比率", "88.5")], cells[("空气质量优良天数比率", "≥90")]
    assert (base["kind"], base["year"], goal["kind"], goal["year"], goal["unit"]) == ("outcome", 2024, "target", 2025, "percent")
    assert goal["binding"] == "binding" and goal["page"] is None and (goal["row_no"], goal["col_no"]) == (2, 3)
    assert text[goal["char_start"] : goal["char_end"]] == "≥90"
    assert any(m["value_text"].startswith("30") and m["table_no"] is None for m in res.measures)  # prose still read


def test_a_bad_file_never_stops_the_others(make_folder, raw_dir):
    folder = make_folder({"a.pdf": encrypted_pdf(), "b.pdf": plan_pdf(),
                          "c.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600})
    summary = run_load(folder, raw_dir)
    assert summary.parsed == 1 and summary.failed == 2
    errors = rows(raw_dir, "raw_load_errors")
    assert {e["reason"] for e in errors if e["severity"] == "error"} == {"encrypted", "unsupported_format"}
    measures = rows(raw_dir, "raw_measures")
    assert {m["row_no"] for m in measures if m["table_no"] == 1} >= {3, 4, 5, 6, 7}


@pytest.mark.corpus
def test_every_corpus_pdf_loads(corpus_build):
    """Every PDF of data/corpus loads through `envwh refresh` (the session's corpus build): a document row,
    and no load error of severity error."""
    pdfs = {f"pdf/{path.name}" for path in CORPUS_PDFS}
    loaded = {d["source_file"] for d in corpus_build.raw("raw_documents")}
    failed = {e["source_file"]: e["reason"] for e in corpus_build.raw("raw_load_errors")
              if e["source_file"] in pdfs and e["severity"] == "error"}
    assert not failed
    assert pdfs - loaded == set()
    assert len(CORPUS_PDFS) == 31


def test_base_target_and_done_columns_take_their_years_from_the_table_title():
    table = Table.from_rows([["指标", "基准值", "目标值", "完成值"], ["森林覆盖率(%)", "7.3", "7.5", "7.5"]])
    table.period_end = 2020  # 表1 “十三五”主要指标及完成情况
    got = [(m.kind, m.year, m.value) for m in table_measures(render(table), 2025)]
    assert got == [("outcome", 2015, 7.3), ("target", 2020, 7.5), ("outcome", 2020, 7.5)]


def test_unit_with_a_multiplier_and_a_unit_column():
    table = Table.from_rows([["指标", "单位", "2020年", "2025年"], ["化学需氧量排放量", "万吨", "1.5", "[1.2]"]])
    base, total = table_measures(render(table), 2025)
    assert (base.value, base.unit, total.period) == (15000, "t", "2021-2025")


@pytest.mark.parametrize(("years", "kinds"), [
    (["2015年", "2016年", "2017年"], ["outcome", "outcome", "outcome"]),  # a series of what was reached
    (["2020年", "2023年", "2025年"], ["outcome", "target", "target"]),  # a base year, then goals
])
def test_kind_of_plain_year_columns(years, kinds):
    table = Table.from_rows([["指标", *years], ["森林覆盖率(%)", "30", "31", "32"]])
    assert [m.kind for m in table_measures(render(table), None)] == kinds


def test_a_line_cut_between_a_comparator_and_its_figure_continues():
    from loaders.pdf import _paragraphs
    lines = ["——水质持续改善。断面水质优良比例不低于", "88.5%,劣Ⅴ类水体全面消除。", "一、总体要求为", "1.加强治理"]
    assert _paragraphs(lines, 60) == ["——水质持续改善。断面水质优良比例不低于88.5%,劣Ⅴ类水体全面消除。",
                                      "一、总体要求为", "1.加强治理"]
    assert _paragraphs(["空气质量明显改善", "2025年底前完成"], 60) == ["空气质量明显改善", "2025年底前完成"]


def test_parse_cell_reads_square_and_cubic_metres_in_latin_letters():
    assert [(c.value, c.comparator, c.unit_surface) for c in map(parse_cell, ["≥12m2", "13.61m2", "5000m3"])] == [
        (12, "ge", "m2"), (13.61, "eq", "m2"), (5000, "eq", "m3")]

"""Grammar behind the attainment links (issue 14, link audit L1: tests/gold/corpus/audits/links): what a measure
must say for a link to pair it right. Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document

FIVE_YEAR_PLAN = """某市“十六五”生态环境保护规划
第一章 发展基础与形势
“十五五”期间,全市生态环境质量持续改善。
第二章 总体要求
到2035年,治理沙化土地3.2万亩,新增水土流失综合治理面积450平方公里,实施规模化防沙治沙8万公顷。
到2035年,完成坝上地区造林60万亩,每年完成草原种草改良5万亩。
到2035年,生态保护红线面积不低于1200平方公里,湿地面积稳定在30万亩。
"""


def test_land_worked_by_a_five_year_plans_end_is_its_total_over_the_plan():
    # a year's work in a report (治理沙化土地2万亩 of one year) never answers the plan's five-year total
    got = {m["value_text"]: (m["kind"], m["year"], m["period"])
           for m in process_document(FIVE_YEAR_PLAN.encode("utf-8"), "plan.txt").measures}
    assert got["3.2万亩"] == ("target", 2035, "2031-2035")
    assert got["450平方公里"] == ("target", 2035, "2031-2035")
    assert got["8万公顷"] == ("target", 2035, "2031-2035")
    assert got["60万亩"] == ("target", 2035, "2031-2035")
    assert got["5万亩"] == ("target", 2035, None)  # 每年: a year's work
    # an area's level at the plan's end names no work: no period
    assert got["1200平方公里"] == ("target", 2035, None)
    assert got["30万亩"] == ("target", 2035, None)


def _review_table_docx(note: str) -> bytes:
    """A five-year plan whose review table gives one actual of the year before the base year, marked and noted."""
    import io

    import docx

    d = docx.Document()
    d.add_paragraph("某市“十五五”生态环境保护规划")
    d.add_paragraph("第一章 发展基础")
    table = d.add_table(rows=4, cols=4)
    cells = [["指标", "单位", "2025年目标", "2025年完成情况"], ["森林覆盖率", "%", "40", "41.2"],
             ["生态质量指数(EI)", "", "60", "62.5#"], ["单位地区生产总值二氧化碳排放降低", "%", "[18]", "[16.3]#"]]
    for r, row in enumerate(cells):
        for col, text in enumerate(row):
            table.cell(r, col).text = text
    d.add_paragraph(note)
    d.add_paragraph("第二章 总体要求")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_cell_a_table_note_dates_to_another_year_is_of_that_year():
    # 注:带#的指标为2024年实际完成情况: the marked actual is of 2024 and never answers the 2025 target of its row
    got = {m["value_text"]: (m["year"], m["period"], m["rules"]) for m in process_document(
        _review_table_docx("注:①[]内为五年累计值;②带#的指标为2024年实际完成情况。"), "plan.docx").measures}
    assert got["41.2"][0] == 2025
    assert got["62.5#"] == (2024, None, "year_in_table_note")
    assert got["[16.3]#"][:2] == (2024, "2021-2024")
    assert got["[18]"][:2] == (2025, "2021-2025")
    # the sign alone before its year (备注:#为2024年数据) dates it too
    got = {m["value_text"]: m["year"] for m in process_document(
        _review_table_docx("备注:#为2024年数据。"), "plan.docx").measures}
    assert got["62.5#"] == 2024
    # a note that dates nothing (a changed scope) leaves the column's year
    got = {m["value_text"]: m["year"] for m in process_document(
        _review_table_docx("注:带#的指标统计口径有调整。"), "plan.docx").measures}
    assert got["62.5#"] == 2025

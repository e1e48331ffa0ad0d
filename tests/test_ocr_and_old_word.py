"""Scanned PDF pages read with OCR (`--ocr`, tesseract chi_sim) and old binary Word files (.doc/.wps,
catdoc), on generated files: a scan drawn with a CJK font, a Word 97 file built byte by byte.

tesseract, catdoc and the CJK font are Debian packages the Makefile installs (`make ocr`, `make catdoc`,
`make chromium`); without them these tests skip, except on CI (CI=true), where a missing tool is a
broken setup and fails.
"""

from __future__ import annotations

import os
import shutil

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import rows, run_load
from documents_factory import (
    cjk_font,
    old_word_doc,
    page_image,
    pictured_table_pdf,
    scan_pdf,
    text_then_scan_pdf,
)

from loaders import cli, ocr, pipeline, word


def _need(missing: bool, what: str) -> None:
    if missing:
        if os.environ.get("CI"):  # CI installs it (make test): missing there is a broken setup, not a skip
            pytest.fail(f"{what} is missing")
        pytest.skip(f"{what} is missing")


@pytest.fixture(scope="module")
def font() -> None:
    _need(cjk_font(20) is None, "a CJK font to draw the scans (make chromium: fonts-noto-cjk)")


@pytest.fixture(scope="module")
def tesseract(font) -> None:
    _need(ocr.tesseract_version() is None, "tesseract with its chi_sim model (make ocr)")


@pytest.fixture(scope="module")
def catdoc() -> None:
    _need(shutil.which("catdoc") is None, "catdoc (make catdoc)")


def _by_value(res: pipeline.DocumentResult) -> dict[float, dict]:
    return {m["value"]: m for m in res.measures if m["value"] is not None}


def test_a_scan_without_ocr_is_a_needs_ocr_error_saying_how_to_enable_it(font):
    res = pipeline.safe_process(scan_pdf(), "scan.pdf")
    assert res.document is None
    assert [e["reason"] for e in res.errors] == ["needs_ocr"]
    assert "--ocr" in res.errors[0]["message"] and "make ocr" in res.errors[0]["message"]


def test_ocr_reads_the_prose_and_the_table_of_a_scan_and_flags_its_figures(tesseract):
    res = pipeline.safe_process(scan_pdf(), "scan.pdf", ocr=True)
    assert res.document is not None, res.errors
    text = res.document["text"]
    assert "细颗粒物平均浓度控制在37微克/立方米以内" in text  # no space invented between Chinese characters
    found = _by_value(res)
    prose = found[37]
    assert (prose["kind"], prose["year"], prose["unit"], prose["table_no"]) == ("target", 2025, "ug_m3", None)
    assert found[85]["unit"] == "percent"
    base, goal = found[41], found[31]  # table cells: year and kind from the column headers
    assert (base["kind"], base["year"], base["table_no"], base["page"]) == ("outcome", 2020, 1, 1)
    assert (goal["kind"], goal["year"]) == ("target", 2025)
    for m in res.measures:
        assert "ocr" in m["rules"].split(";")
        assert text[m["char_start"] : m["char_end"]] == m["value_text"]


def test_only_figures_of_scanned_pages_carry_the_ocr_flag(tesseract):
    without = pipeline.safe_process(text_then_scan_pdf(), "mixed.pdf")
    assert [m["value"] for m in without.measures] == [71]  # the text layer loads; the scan is left out ...
    assert [(e["reason"], e["severity"]) for e in without.errors if e["stage"] == "read"] == [("needs_ocr", "warning")]
    assert "1 scanned page without a text layer was left out" in without.errors[0]["message"]
    res = pipeline.safe_process(text_then_scan_pdf(), "mixed.pdf", ocr=True)  # ... unless asked for
    found = _by_value(res)
    assert "ocr" not in (found[71]["rules"] or "").split(";")
    assert "ocr" in found[42]["rules"].split(";")
    assert not [e for e in res.errors if e["reason"] == "needs_ocr"]


def test_a_table_pasted_as_a_picture_on_a_text_page_is_read_in_place(tesseract):
    without = pipeline.safe_process(pictured_table_pdf(), "picture.pdf")
    assert [m["value"] for m in without.measures] == [71]  # without --ocr the picture is not read
    res = pipeline.safe_process(pictured_table_pdf(), "picture.pdf", ocr=True)
    text = res.document["text"]
    assert text.index("表1主要指标") < text.index("细颗粒物浓度") < text.index("二、保障措施")  # where the picture is
    found = _by_value(res)
    assert "ocr" not in found[71]["rules"].split(";")
    assert (found[41]["kind"], found[41]["year"], found[41]["table_no"], found[41]["rules"]) == ("outcome", 2020, 1, "ocr")
    assert (found[31]["kind"], found[31]["year"]) == ("target", 2025)


def test_scans_are_read_in_batches_and_each_page_keeps_its_number(tesseract, monkeypatch):
    monkeypatch.setattr(ocr, "PAGES_PER_RUN", 1)  # a tesseract run per page
    res = pipeline.safe_process(scan_pdf(pages=2), "scan.pdf", ocr=True)
    assert res.document["pages"] == 2
    assert sorted({(m["page"], m["table_no"]) for m in res.measures if m["table_no"]}) == [(1, 1), (2, 2)]


def test_a_failing_tesseract_is_an_ocr_failed_error(tesseract, monkeypatch):
    monkeypatch.setattr(ocr, "LANGUAGE", "no_such_model")
    res = pipeline.safe_process(scan_pdf(), "scan.pdf", ocr=True)
    assert [e["reason"] for e in res.errors] == ["ocr_failed"] and "tesseract failed" in res.errors[0]["message"]


def test_tesseract_words_become_phrases_and_doubtful_figures_are_left_out():
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    words = [(1, "森林", 100, 95), (2, "覆盖率", 170, 95), (3, "”", 420, 40), (4, "30.5", 500, 92),  # a cell gap
             (5, "15.496", 700, 8), (6, "1", 900, 25)]  # 15.4% misread, at low confidence; a lone digit
    tsv = "\n".join([head] + [f"5\t1\t1\t1\t1\t{n}\t{left}\t300\t60\t60\t{conf}\t{text}" for n, text, left, conf in words])
    page = ocr._join(ocr._words(tsv, 1)[0])
    assert [w["text"] for w in page] == ["森林覆盖率", "30.5", "1"]
    assert (page[0]["x0"], page[0]["x1"]) == pytest.approx((100 * 72 / ocr.DPI, 230 * 72 / ocr.DPI))  # points


def test_table_rules_are_erased_before_ocr_and_the_text_is_kept(font):
    from PIL import ImageDraw

    text = page_image(["森林覆盖率达到42%。"])
    ruled = text.copy()
    ImageDraw.Draw(ruled).rectangle([150, 600, 1500, 900], outline=0, width=3)  # a cell's rules, away from the text
    assert np.array_equal(np.asarray(ocr.find_grid(ruled)[0]), np.asarray(text))
    assert ocr.find_grid(text)[0] is text  # nothing to erase


def test_ocr_without_tesseract_is_a_needs_ocr_error_saying_how_to_install_it(font, monkeypatch):
    monkeypatch.setattr(ocr, "tesseract_version", lambda: None)
    res = pipeline.safe_process(scan_pdf(), "scan.pdf", ocr=True)
    assert [e["reason"] for e in res.errors] == ["needs_ocr"]
    assert "make ocr" in res.errors[0]["message"] and "tesseract-ocr-chi-sim" in res.errors[0]["message"]


def test_load_ocr_flag_and_switching_it_parses_the_files_again(tesseract, make_folder, tmp_path):
    folder = make_folder({"scan.pdf": scan_pdf(), "note.txt": "测试市2025年工作要点\n全市森林覆盖率达到42%。"})
    data = tmp_path / "data"
    result = CliRunner().invoke(cli.main, ["load", str(folder), "--data-dir", str(data), "--workers", "1", "--ocr"])
    assert result.exit_code == 0, result.output
    raw = data / "raw"
    assert any("ocr" in (m["rules"] or "") for m in rows(raw, "raw_measures"))
    again = run_load(folder, raw)  # without --ocr: not the rows of the OCR load
    assert again.parsed == 1 and again.unchanged == 0 and again.failed == 1
    assert [e["reason"] for e in rows(raw, "raw_load_errors") if e["severity"] == "error"] == ["needs_ocr"]


@pytest.mark.parametrize("name", ["plan.doc", "plan.wps"])
def test_old_word_files_are_read_through_catdoc(catdoc, name):
    data = old_word_doc(["测试市2025年生态环境工作要点", "一、深入打好蓝天保卫战",
                         "全市PM2.5平均浓度控制在30微克/立方米以内,空气质量优良天数比率达到88%。"])
    res = pipeline.safe_process(data, name)
    assert res.document is not None, res.errors
    assert res.document["source_format"] == name.rsplit(".", 1)[1]
    assert "一、深入打好蓝天保卫战" in res.document["text"].split("\n")  # one paragraph a line, Chinese kept
    assert sorted(m["value"] for m in res.measures) == [30, 88]


def test_old_word_without_catdoc_says_how_to_convert(monkeypatch):
    monkeypatch.setattr(word.shutil, "which", lambda name: None)
    res = pipeline.safe_process(old_word_doc(["测试"]), "old.doc")
    assert [e["reason"] for e in res.errors] == ["unsupported_format"]
    assert "make catdoc" in res.errors[0]["message"] and ".docx" in res.errors[0]["message"]


def test_a_web_page_saved_under_a_word_name_is_read_as_html():
    page = "<html><body><p>测试市2025年工作要点</p><p>全市森林覆盖率达到42%。</p></body></html>".encode()
    res = pipeline.safe_process(page, "notice.doc")
    assert res.document["source_format"] == "html" and [m["value"] for m in res.measures] == [42]
    binary = pipeline.safe_process(b"\x00\x01\x02WPS" * 200, "old.wps")  # neither a compound file nor text
    assert [e["reason"] for e in binary.errors] == ["unsupported_format"] and ".docx" in binary.errors[0]["message"]


def _grid_image(widths: list[int], heights: list[int], spans: dict[int, list[int]] | None = None):
    """A white page image with a ruled grid; spans[r] lists the inner vertical rules missing in row r."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(image)
    xs = [200 + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [400 + sum(heights[:i]) for i in range(len(heights) + 1)]
    for y in ys:
        draw.line([(xs[0], y), (xs[-1], y)], fill=0, width=3)
    for r, (top, bottom) in enumerate(zip(ys, ys[1:], strict=False)):
        for i, x in enumerate(xs):
            if i not in (spans or {}).get(r, []):
                draw.line([(x, top), (x, bottom)], fill=0, width=3)
    return image


def test_the_cells_of_a_drawn_grid_are_found_row_by_row_with_merged_cells_whole():
    image = _grid_image([600, 300, 300, 250], [120, 120, 120], spans={0: [2, 3]})  # a header cell over 3 columns
    _, cells = ocr.find_grid(image)
    assert [sum(1 for c in cells if c[4] == row) for row in sorted({c[4] for c in cells})] == [2, 4, 4]
    wide = next(c for c in cells if c[4] == min(c[4] for c in cells) and c[0] > 700)
    assert wide[2] - wide[0] > 800  # one cell over the three value columns
    assert ocr.find_grid(page_image(["森林覆盖率达到42%。"]) if cjk_font(20) else _grid_image([600], [120]))[1] == []


def test_grid_cells_read_one_by_one_make_a_table_with_their_spans():
    def cell(row, x0, x1, text):
        return {"text": text, "x0": x0 * 0.24, "x1": x1 * 0.24, "top": row * 30.0, "bottom": row * 30.0 + 28,
                "line": ("grid", row), "cell": (row, x0, x1)}

    words = [cell(0, 200, 800, "指标"), cell(0, 800, 1400, "2020年 2025年"),
             cell(1, 200, 800, "森林覆盖率(%)"), cell(1, 803, 1100, "40.2"), cell(1, 1100, 1398, "41"),
             cell(2, 198, 800, "湿地保护率(%)"), cell(2, 800, 1100, "50"), cell(2, 1100, 1400, ""),
             {"text": "表1 主要指标", "x0": 50, "x1": 120, "top": 5, "bottom": 15, "line": (1, 1, 1)}]
    ((box, table),) = ocr.grid_tables(words)
    assert table.cells == [["指标", "2020年 2025年", None], ["森林覆盖率(%)", "40.2", "41"], ["湿地保护率(%)", "50", ""]]
    assert table.origin[0][2] == (0, 1)  # the header cell spans both value columns
    assert box[1] == 0 and box[3] == pytest.approx(88)
    assert ocr.grid_tables(words[-1:]) == []  # no grid cells: no table


def _low_dpi_table_pdf(rows: list[list[str]], dpi: int = 96) -> bytes:
    """A scanned page of only a ruled table, at `dpi` (the 72-96 dpi of tables pasted as pictures)."""
    import io

    from PIL import Image, ImageDraw

    font = cjk_font(round(11 / 72 * dpi))
    image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), 255)
    draw = ImageDraw.Draw(image)
    widths, height = [3.2, 1.0, 1.0], round(0.42 * dpi)
    top = dpi
    for r, row in enumerate(rows):
        left = round(0.8 * dpi)
        for text, width in zip(row, widths, strict=True):
            right = left + round(width * dpi)
            draw.rectangle([left, top + r * height, right, top + (r + 1) * height], outline=0, width=1)
            draw.text((left + 6, top + r * height + round(0.1 * dpi)), text, font=font, fill=0)
            left = right
    buf = io.BytesIO()
    image.save(buf, "PDF", resolution=dpi)
    return buf.getvalue()


LOW_DPI_TABLE = [["指标", "2020年", "2025年"], ["细颗粒物浓度(微克/立方米)", "29.3", "27.5"],
                 ["空气质量优良天数比例(%)", "75.4", "≥80.6"], ["地表水质量劣V类水体比例(%)", "13", "≤4.3"],
                 ["森林覆盖率(%)", "41.6", "44.4"], ["生态保护红线占国土面积比例(%)", "21.87", "19.46"]]


_SIGNS = {"≥": "ge", "≤": "le"}


@pytest.mark.parametrize("dpi", [72, 96])
def test_a_table_scanned_at_72_to_96_dpi_gives_its_figures_or_masks_them_never_a_wrong_one(tesseract, dpi):
    res = pipeline.safe_process(_low_dpi_table_pdf(LOW_DPI_TABLE, dpi), "scan.pdf", ocr=True)
    cells = [m for m in res.measures if m["table_no"] is not None]
    printed = {(r, c): text for r, row in enumerate(LOW_DPI_TABLE, start=1) for c, text in enumerate(row, start=1) if r > 1 and c > 1}
    right = 0
    for m in cells:
        assert "ocr" in m["rules"].split(";")
        written = printed[m["row_no"], m["col_no"]]
        if m["value"] is None:  # unsure: masked, never guessed
            assert m["is_masked"] and m["value_text"].strip("≥≤<>") == "*", m
        else:  # a figure read is the printed one, its sign too (≥ ≤: in neither model, told by their shape)
            assert (m["value"], m["comparator"]) == (float(written.lstrip("≥≤")), _SIGNS.get(written[0], "eq")), m
            right += 1
    assert right >= 8, [(m["value_text"], m["row_no"], m["col_no"]) for m in cells]  # of 10 (at 96 dpi, read by chi_sim alone: 2)
    assert {m["year"] for m in cells} == {2020, 2025}


def test_a_figure_is_kept_only_when_both_reads_agree_on_it():
    unread = ocr._HOLE
    assert ocr._checked_figure("79.4", "79.4") == "79.4"
    assert ocr._checked_figure("53,3", "53.3") == "53.3"  # a point read as a comma
    assert ocr._checked_figure("79.4", "794") == unread  # the point lost by one read
    assert ocr._checked_figure("51", "31") == unread
    assert ocr._checked_figure("0.25万吨", "0.25") == "0.25万吨"
    assert ocr._checked_figure("2025", "20254", "年") == "2025"  # the box of a year in a header reaches into 年
    assert ocr._checked_figure("25", "254", "万") == unread  # ... a figure's does not pass so


def _glyph(text: str, size: int = 40):
    from PIL import Image, ImageDraw

    image = Image.new("L", (size * len(text) + 20, size + 30), 255)
    ImageDraw.Draw(image).text((10, 5), text, font=cjk_font(size), fill=0)
    return image


def test_a_sign_chi_sim_cannot_read_is_told_by_its_shape(font):
    assert [ocr.comparator_shape(_glyph(sign)) for sign in "≥≤><"] == ["≥", "≤", ">", "<"]
    assert [ocr.comparator_shape(_glyph(other)) for other in ("全", "三", "8")] == [None, None, None]


def test_a_decimal_point_both_reads_lost_is_seen_in_the_image(font):
    from PIL import Image

    def blurred(text: str):  # drawn at 96 dpi, enlarged as ocr.render does
        small = _glyph(text, 14)
        return small.resize((small.width * 3, small.height * 3), Image.LANCZOS)

    assert ocr._lost_point("293", blurred("29.3"))
    assert not ocr._lost_point("293", blurred("293"))
    assert not ocr._lost_point("11", blurred("11"))
    assert not ocr._lost_point("29.3", blurred("29.3"))  # read with its point


def test_figures_their_row_makes_unlikely_are_flagged_never_changed():
    from loaders.records import Measure

    def cell(value, unit="percent", row=1, rules="ocr"):
        return Measure("target", "x", "eq", value, unit, str(value), 0, 1, 0, 1, "", 2025, rules=rules,
                       table_no=1, row_no=row, col_no=2)

    lost_point, base, share, fine, other_row, text_layer = (
        cell(293, "ug_m3"), cell(29.3, "ug_m3"), cell(794, row=2), cell(75.8, row=3), cell(2.9, row=4), cell(300, rules="x"))
    ocr.flag_doubtful([lost_point, base, share, fine, other_row, text_layer])
    assert [m.rules for m in (lost_point, base, share, fine, other_row, text_layer)] == [
        "ocr;ocr_check", "ocr;ocr_check", "ocr;ocr_check", "ocr", "ocr", "x"]
    assert (lost_point.value, share.value) == (293, 794)


def test_a_cell_no_rule_crosses_is_one_cell_over_two_bands_and_covers_them_in_the_table():
    from PIL import ImageDraw

    image = _grid_image([400, 400, 400], [100, 100, 120, 120])
    draw = ImageDraw.Draw(image)
    for left, right in ((603, 997), (1003, 1397)):  # the rule under the header, kept only over the first column
        draw.rectangle([left, 498, right, 502], fill=255)
    _, cells = ocr.find_grid(image)
    header = sorted(c for c in cells if c[4] == 0)
    assert [c[3] - c[1] > 150 for c in header] == [False, True, True]  # 指标 | 类别 split; the others whole
    assert sum(1 for c in cells if c[4] == 1) == 1  # only the split column's lower half is a cell of its own

    def phrase(c, text):
        return {"text": text, "x0": c[0] * 0.24, "x1": c[2] * 0.24, "top": c[1] * 0.24, "bottom": c[3] * 0.24,
                "line": ("grid", c[4]), "cell": (c[4], c[0], c[2])}

    texts = iter(["指标", "2020年", "2025年", "类别", "森林覆盖率(%)", "40.2", "41", "湿地保护率(%)", "50", "52"])
    ((_, table),) = ocr.grid_tables([phrase(c, next(texts)) for c in sorted(cells, key=lambda c: (c[4], c[0]))])
    assert table.cells[:2] == [["指标", "2020年", "2025年"], ["类别", None, None]]
    assert table.text(1, 2) == "2025年"  # the header over both bands


def test_a_label_one_misread_away_from_a_known_word_is_written_as_that_word():
    # misreads of chi_sim in the 72-96 dpi indicator tables of the corpus, and what they print
    assert ocr.as_known_words("气氧化物排放总量减少(%)") == "氮氧化物排放总量减少(%)"
    assert ocr.as_known_words("单位她区生产总值二氧化矿排放降低(%)") == "单位地区生产总值二氧化碳排放降低(%)"
    assert ocr.as_known_words("(16)受污染耕雹安全利用率(%)") == "(16)受污染耕地安全利用率(%)"
    assert [ocr.as_known_words(cell) for cell in ("约来性", "预莽性", "完成当下达目标")] == ["约束性", "预期性", "完成省下达目标"]
    # what is printed so stays: a word the dictionaries lack but whose characters sit so in known words, two
    # characters side by side (another word), a character inserted, two words fitting as well, a short word
    for printed in ("二氧化碳排放", "生态保护红线占市域面积比例(%)", "细上颗粒物(PM2.5)", "二氧化玉排放总量", "硫氧化物", "稳中向坏"):
        assert ocr.as_known_words(printed) == printed


def test_the_figures_of_a_row_whose_unit_lost_a_character_are_unread():
    cells = [(0, 0, 100, 50, 3), (100, 0, 400, 50, 3), (400, 0, 500, 50, 3), (500, 0, 600, 50, 3),
             (0, 50, 100, 90, 4), (100, 50, 400, 90, 4), (400, 50, 500, 90, 4), (500, 50, 600, 90, 4)]
    texts = ["15", "化学需氧量重点工程减排量(万)", ">1.7", "约束性", "16", "氨氮重点工程减排量(万吨)", "0.12", "约束性"]
    assert ocr._unit_lost(cells, texts) == ["15", "化学需氧量重点工程减排量(万)", ">*", "约束性", *texts[4:]]
    assert ocr._unit_lost(cells, [*texts[:1], "挥发性有机物重点工程减排量(万吃)", *texts[2:]])[2] == ">*"


def test_a_scanned_table_whose_labels_lost_a_character_gives_the_known_label_or_masks_its_figures(tesseract):
    # printed as OCR misreads them: a character of a known word, the 吨 of 万吨
    rows = [["指标", "2020年", "2025年"], ["气氧化物排放总量减少(%)", "12", "15"],
            ["化学需氧量重点工程减排量(万)", "1.7", "2.1"], ["二氧化碳排放强度降低(%)", "18", "20"],
            ["氨氮重点工程减排量(万吨)", "1.7", "2.1"]]
    res = pipeline.safe_process(_low_dpi_table_pdf(rows, 96), "scan.pdf", ocr=True)
    by_row = {}
    for m in res.measures:
        if m["table_no"] is not None:
            by_row.setdefault(m["row_no"], []).append(m)
    assert all(m["subject_zh"].startswith("氮氧化物排放总量减少") for m in by_row[2]), by_row[2]
    assert [(m["value"], m["is_masked"]) for m in by_row[3]] == [(None, True), (None, True)]  # not 1.7 and 2.1 t
    assert all(m["subject_zh"].startswith("二氧化碳排放强度降低") and m["value"] is not None for m in by_row[4]), by_row[4]
    # read whole, chi_sim makes 1.7 two characters (也汉): such a cell is read again, in black and white
    assert [m["value"] for m in by_row[5] if m["col_no"] == 2] == [17000]
    assert all(m["value"] in (17000, 21000) or m["is_masked"] for m in by_row[5]), by_row[5]  # masked, never a guess

"""Data exports (CSV/TSV/JSON/JSONL whose text field holds the document) read like the text file they hold:
same text, same measures at the same offsets (loaders/exports.py); bad exports are clear load errors."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest
from exports_factory import PROVINCE_REPORTS, csv_export, json_export, report_record

from loaders import pipeline, reading
from loaders.pipeline import LoadOptions, load_folder

REPORT = PROVINCE_REPORTS / "江苏省_2026_政府工作报告.txt"
needs_corpus = pytest.mark.skipif(not REPORT.exists(), reason="the corpus is not checked out")

MEASURE_KEYS = ("char_start", "char_end", "kind", "value", "unit", "value_text", "subject_zh", "comparator", "year",
                "is_environmental", "domain_code")


def measures(res: pipeline.DocumentResult) -> list[tuple]:
    return [tuple(m[k] for k in MEASURE_KEYS) for m in res.measures]


@functools.cache
def as_text(path: Path = REPORT) -> pipeline.DocumentResult:
    return pipeline.process_document(path.read_bytes(), path.name)


def assert_same_document(got: pipeline.DocumentResult, want: pipeline.DocumentResult, source_format: str) -> None:
    assert [e["reason"] for e in got.errors] == [e["reason"] for e in want.errors]
    assert got.document["text"] == want.document["text"]
    assert got.document["source_format"] == source_format
    for column in ("title", "region_code", "year", "doc_kind", "published_on"):
        assert got.document[column] == want.document[column], column
    assert len(want.measures) > 20  # a real report: the comparison means something
    assert measures(got) == measures(want)


@needs_corpus
def test_a_csv_with_a_full_text_column_loads_the_measures_of_its_text_file_at_the_same_offsets():
    got = pipeline.process_document(csv_export([report_record(REPORT)]), "2026_江苏省_政府工作报告.csv")
    assert_same_document(got, as_text(), "csv")
    assert got.document["encoding"] == "utf-8"
    assert "full_text" not in got.document["text"] and "https://" not in got.document["text"]


@needs_corpus
@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_json_and_json_lines_load_the_measures_of_their_text_file(suffix):
    data = json_export([report_record(REPORT)], lines=suffix == ".jsonl")
    assert_same_document(pipeline.process_document(data, f"report{suffix}"), as_text(), "json")


@needs_corpus
def test_a_json_object_wrapping_its_records_and_nested_fields_is_read():
    record = report_record(REPORT)
    records = [{"meta": {"title": record["title"]}, "content": record["full_text"].split("\n")}]
    wrapped = {"code": 0, "result": {"total": 1, "list": records}}
    got = pipeline.process_document(json.dumps(wrapped, ensure_ascii=False).encode(), "export.json")
    assert_same_document(got, as_text(), "json")


@needs_corpus
@pytest.mark.parametrize(("encoding", "detected"), [("gbk", "gb18030"), ("utf-16", "utf-16"), ("utf-8-sig", "utf-8")])
def test_a_csv_in_another_encoding_loads_the_measures_of_its_text_file(encoding, detected):
    got = pipeline.process_document(csv_export([report_record(REPORT)], encoding=encoding), "report.csv")
    assert got.document["encoding"] == detected
    assert_same_document(got, as_text(), "csv")


@needs_corpus
def test_a_csv_without_a_header_row_keeps_its_first_part():
    lines = report_record(REPORT)["full_text"].split("\n")
    data = csv_export([{"text": "\n".join(lines[i : i + 20])} for i in range(0, len(lines), 20)])
    headerless = data.split(b"\r\n", 1)[1]  # the header row "text" removed: the first row is text, not names
    assert_same_document(pipeline.process_document(headerless, "report.csv"), as_text(), "csv")


@needs_corpus
def test_parts_of_one_document_in_several_multi_line_rows_are_joined_in_order():
    record = report_record(REPORT)
    lines = record["full_text"].split("\n")
    thirds = [lines[: len(lines) // 3], lines[len(lines) // 3 : 2 * len(lines) // 3], lines[2 * len(lines) // 3 :]]
    rows = [{**record, "part": str(i), "full_text": "\n".join(part)} for i, part in enumerate(thirds, 1)]
    data = csv_export(rows, encoding="utf-8-sig", delimiter="\t")  # a TSV saved by Excel: with a byte-order mark
    assert data.count(b"\n") > 50  # every field spans many lines
    assert_same_document(pipeline.process_document(data, "report.tsv"), as_text(), "csv")


def test_quoted_fields_keep_their_commas_quotes_and_line_breaks():
    text = '某市2024年生态环境工作要点\n一、空气质量\nPM2.5平均浓度下降到30微克/立方米,优良天数比例达到85%以上。\n他说"好"。'
    data = csv_export([{"id": "1", "content": text}])
    assert b'""' in data and data.count(b'"') > 2
    doc = pipeline.read_any(data, "x.csv")
    assert doc.text == text and doc.source_format == "csv"


def test_html_in_the_text_field_is_cleaned_like_an_html_file():
    page = ("<html><head><title>某市2024年生态环境工作要点</title></head><body><div class='nav'>首页 | 新闻</div>"
            "<h1>某市2024年生态环境工作要点</h1><p>一、空气质量</p><p>PM2.5平均浓度下降到30微克/立方米。</p>"
            "<p>优良天数比例达到85%以上。</p></body></html>")
    doc = pipeline.read_any(csv_export([{"url": "https://example.org/a.html", "html": page}]), "scrape.csv")
    assert doc.text == reading.read_document(page.encode(), "scrape.html").text
    assert "<p>" not in doc.text and "PM2.5平均浓度下降到30微克/立方米" in doc.text
    assert doc.source_format == "csv"


TEXT_SAYING_NOTHING = "一、空气质量\nPM2.5平均浓度下降到30微克/立方米,优良天数比例达到85%以上。\n二、水环境\n地表水优良比例达到90%。"


def test_the_other_columns_are_properties_used_only_where_the_text_says_nothing():
    data = csv_export([{"province": "浙江省", "city": "嘉兴", "title": "嘉兴市2024年生态环境工作要点",
                        "date": "2024/3/5", "year": "2024", "正文": TEXT_SAYING_NOTHING}])
    res = pipeline.process_document(data, "export.csv")
    doc = res.document
    assert (doc["title"], doc["published_on"], doc["year"]) == ("嘉兴市2024年生态环境工作要点", "2024-03-05", 2024)
    assert (doc["region_code"], doc["region_scope"]) == ("330400", "city")  # the finest region the columns name
    assert doc["text"] == TEXT_SAYING_NOTHING
    named = pipeline.process_document(csv_export([{"province": "浙江省", "正文": "湖州市" + TEXT_SAYING_NOTHING}]), "e.csv")
    assert named.document["region_code"] == "330500"  # the text names its city: the column does not override it


def test_without_a_named_text_column_the_column_of_the_longest_values_is_the_text():
    long_text = "某市2024年生态环境工作要点\n" + "\n".join(f"({n})第{n}个县区的PM2.5平均浓度下降到{30 - n}微克/立方米,"
                                                   "优良天数比例达到85%以上。" for n in range(1, 9))
    doc = pipeline.read_any(csv_export([{"编号": "7", "text": "", "报告": long_text, "备注": "已核对"}]), "x.csv")
    assert doc.text == long_text


def test_a_file_of_several_documents_loads_the_first_and_names_the_others_in_a_warning():
    rows = [{"title": "甲市2024年生态环境工作要点", "text": TEXT_SAYING_NOTHING},
            {"title": "乙市2024年生态环境工作要点", "text": "PM2.5平均浓度下降到28微克/立方米。"},
            {"title": "丙市2024年生态环境工作要点", "text": "地表水优良比例达到95%。"}]
    res = pipeline.process_document(csv_export(rows), "many.csv")
    assert res.document["text"] == TEXT_SAYING_NOTHING
    warning = next(e for e in res.errors if e["reason"] == "multiple_documents")
    assert warning["severity"] == "warning"
    assert "holds 3 documents" in warning["message"] and "乙市2024年" in warning["message"] and "丙市2024年" in warning["message"]
    assert "row 3" in warning["message"] and "row 4" in warning["message"]  # as a spreadsheet numbers them


BAD_EXPORTS = [
    ("header_only.csv", b"title,full_text\r\n", "empty_export"),
    ("empty_text.csv", csv_export([{"title": "甲", "full_text": ""}, {"title": "乙", "full_text": " "}]), "empty_export"),
    ("no_text.jsonl", json_export([{"title": "甲", "content": ""}], lines=True), "empty_export"),
    ("unterminated.csv", b'title,full_text\n"a","PM2.5\xe5\xb9\xb3\xe5\x9d\x87\n', "malformed_export"),
    ("broken.json", b'[{"title": "a", "text": "PM2.5"', "malformed_export"),
    ("broken.jsonl", b'{"text": "PM2.5"}\n{"text": \n', "malformed_export"),
    ("nothing.json", b"[]", "empty_export"),
    ("blank.csv", b"\n\n", "empty_file"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_EXPORTS, ids=[b[0] for b in BAD_EXPORTS])
def test_a_bad_export_is_a_clear_load_error(name, data, reason):
    res = pipeline.safe_process(data, name)
    assert res.document is None
    assert [(e["reason"], e["severity"]) for e in res.errors] == [(reason, "error")]
    assert name in res.errors[0]["message"]


NOT_DOCUMENTS = [
    ("manifest.csv", csv_export([{"file": "a.txt", "repository": "x/y", "path": "docs/a.txt"}])),
    ("figures.json", json.dumps([{"region": "甲市", "pm25": 30}, {"region": "乙市", "pm25": 28}]).encode()),
]


@pytest.mark.parametrize(("name", "data"), NOT_DOCUMENTS, ids=[n for n, _ in NOT_DOCUMENTS])
def test_a_table_without_text_is_skipped_with_a_warning(name, data):
    res = pipeline.safe_process(data, name)
    assert res.document is None
    assert [(e["reason"], e["severity"]) for e in res.errors] == [("no_text_column", "warning")]
    assert name in res.errors[0]["message"] and "not a document" in res.errors[0]["message"]


def test_a_manifest_beside_the_documents_is_no_failure(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, data in NOT_DOCUMENTS:
        (folder / name).write_bytes(data)
    (folder / "good.txt").write_text("某市2024年水生态环境工作要点\n地表水优良比例达到92%。", encoding="utf-8")
    errors: list[dict] = []
    summary = load_folder(folder, tmp_path / "raw", LoadOptions(workers=1), report=errors.append)
    assert (summary.loaded, summary.failed) == (1, 0)
    assert sorted(e["source_file"] for e in errors if e["reason"] == "no_text_column") == sorted(n for n, _ in NOT_DOCUMENTS)


def test_bad_exports_never_stop_the_others(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, data, _ in BAD_EXPORTS:
        (folder / name).write_bytes(data)
    (folder / "good.jsonl").write_bytes(json_export([{"title": "某市2024年生态环境工作要点", "text": TEXT_SAYING_NOTHING}], lines=True))
    (folder / "good.txt").write_text("某市2024年水生态环境工作要点\n地表水优良比例达到92%。", encoding="utf-8")
    errors: list[dict] = []
    summary = load_folder(folder, tmp_path / "raw", LoadOptions(workers=1), report=errors.append)
    assert summary.loaded == 2 and summary.failed == len(BAD_EXPORTS)
    assert {e["source_file"] for e in errors if e["severity"] == "error"} == {name for name, _, _ in BAD_EXPORTS}


@pytest.mark.corpus
@needs_corpus
def test_every_provincial_report_as_its_publishers_csv_loads_the_measures_of_its_text_file():
    for path in sorted(PROVINCE_REPORTS.glob("*.txt")):
        record = report_record(path)
        got = pipeline.process_document(csv_export([record]), f"{record['year']}_{record['province']}_政府工作报告.csv")
        want = pipeline.process_document(path.read_bytes(), path.name)
        assert got.document["text"] == want.document["text"], path.name
        assert measures(got) == measures(want), path.name

"""Bad input never stops the load: each case gets a clear row in raw_load_errors and the good file still loads."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from conftest import plan_text, rows, run_load

from loaders import pipeline
from loaders.pipeline import DEFAULT_MAX_BYTES

GOOD = {"good.txt": plan_text()}


def errors_of(raw, source_file: str) -> list[dict]:
    return [e for e in rows(raw, "raw_load_errors") if e["source_file"] == source_file]


def assert_good_loaded(raw) -> None:
    assert [d["source_file"] for d in rows(raw, "raw_documents")] == ["good.txt"]


def assert_error_row(raw, source_file: str, reason: str, severity: str = "error") -> dict:
    found = errors_of(raw, source_file)
    assert [e["reason"] for e in found] == [reason], found
    e = found[0]
    assert e["severity"] == severity
    assert source_file in e["message"] and len(e["message"]) > len(source_file) + 10  # says what is wrong
    assert e["occurred_at"] and e["stage"]
    return e


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty_file"),
        ("blank.txt", b"  \n\r\n\t ", "empty_file"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary_file"),
        ("zeros.txt", b"abc\x00\x00\x00\x01\x02def" * 50, "binary_file"),
        ("garbage.txt", b"\xfe\xfa text \xff\xff\x80\x81" * 20, "undecodable"),
    ],
)
def test_unloadable_file_is_reported_and_others_load(make_folder, raw_dir, name, content, reason):
    summary = run_load(make_folder({**GOOD, name: content}), raw_dir)
    assert_good_loaded(raw_dir)
    assert_error_row(raw_dir, name, reason)
    assert (summary.loaded, summary.failed) == (1, 1)
    assert any(e["source_file"] == name for e in summary.reported)


def test_file_over_the_size_limit_is_not_read(make_folder, raw_dir):
    big = plan_text(extra="（二）加强管理。\n" * 200)
    summary = run_load(make_folder({**GOOD, "big.txt": big}), raw_dir, max_bytes=len(big.encode()) - 1)
    assert_good_loaded(raw_dir)
    e = assert_error_row(raw_dir, "big.txt", "too_large")
    assert e["stage"] == "size" and e["content_sha256"] is None
    assert summary.failed == 1


def test_html_page_loads_as_html(make_folder, raw_dir):
    body = "".join(f"<p>{line}</p>" for line in plan_text(region="江苏省").splitlines())
    page = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>通知</title></head><body>{body}</body></html>"
    summary = run_load(make_folder({**GOOD, "page.html": page}), raw_dir)
    docs = {d["source_file"]: d for d in rows(raw_dir, "raw_documents")}
    assert set(docs) == {"good.txt", "page.html"}
    assert docs["page.html"]["source_format"] == "html"
    assert "<p>" not in docs["page.html"]["text"]
    assert not [e for e in errors_of(raw_dir, "page.html") if e["severity"] == "error"]
    assert summary.failed == 0


def test_document_without_region_or_year_loads_with_nulls_and_warnings(make_folder, raw_dir):
    vague = "关于进一步加强环境保护工作的通知\n一、加强组织领导。\n二、压实工作责任。\n"
    summary = run_load(make_folder({**GOOD, "vague.txt": vague}), raw_dir)
    docs = {d["source_file"]: d for d in rows(raw_dir, "raw_documents")}
    assert docs["vague.txt"]["region_code"] is None and docs["vague.txt"]["year"] is None
    found = errors_of(raw_dir, "vague.txt")
    assert sorted(e["reason"] for e in found) == ["no_region", "no_year"]
    assert {e["severity"] for e in found} == {"warning"}
    assert summary.failed == 0 and summary.warnings >= 2


def test_same_bytes_under_two_names_load_once(make_folder, raw_dir):
    summary = run_load(make_folder({**GOOD, "good_copy.txt": GOOD["good.txt"]}), raw_dir)
    assert_good_loaded(raw_dir)  # the first name in file order wins
    e = assert_error_row(raw_dir, "good_copy.txt", "duplicate_content", severity="warning")
    assert "good.txt" in e["message"].replace("good_copy.txt", "")
    assert (summary.duplicates, summary.failed) == (1, 0)


def test_same_text_in_another_encoding_loads_once(make_folder, raw_dir):
    folder = make_folder({**GOOD, "good_gbk.txt": GOOD["good.txt"].encode("gb18030")})
    summary = run_load(folder, raw_dir)
    assert_good_loaded(raw_dir)
    assert_error_row(raw_dir, "good_gbk.txt", "duplicate_content", severity="warning")
    assert summary.duplicates == 1


def test_unexpected_exception_in_a_stage_is_caught_per_file(make_folder, raw_dir, monkeypatch):
    real = pipeline.measures.extract_measures

    def fragile(text, *args):
        if "爆" in text:
            raise ZeroDivisionError("simulated bug")
        return real(text, *args)

    monkeypatch.setattr(pipeline.measures, "extract_measures", fragile)
    summary = run_load(make_folder({**GOOD, "trigger.txt": plan_text(region="安徽省", extra="爆\n")}), raw_dir)
    assert_good_loaded(raw_dir)
    e = assert_error_row(raw_dir, "trigger.txt", "internal_error")
    assert "ZeroDivisionError" in e["message"] and "simulated bug" in e["message"]
    assert e["stage"] == "pipeline"  # innermost frame inside loaders/ (the fake stage lives in this test)
    assert summary.failed == 1


def test_a_chunk_of_files_gives_what_each_file_gives_alone(tmp_path, monkeypatch):
    """Workers parse consecutive files together and send their rows as one table per raw table; sliced back
    per file they are what each file alone gives, with unreadable, too large, empty and reused files between."""
    samples = sorted((Path(__file__).resolve().parents[1] / "data" / "documents").iterdir())
    (tmp_path / "empty.txt").write_bytes(b"")
    tasks = [(str(p), p.name, DEFAULT_MAX_BYTES, None) for p in samples]
    tasks[1:1] = [(str(tmp_path / "gone.txt"), "gone.txt", DEFAULT_MAX_BYTES, None),
                  (str(tmp_path / "empty.txt"), "empty.txt", DEFAULT_MAX_BYTES, None)]
    tasks.insert(4, (str(samples[0]), "too_large.txt", 10, None))
    monkeypatch.setattr(pipeline, "_reusable", {samples[2].name: hashlib.sha256(samples[2].read_bytes()).hexdigest()})
    alone = [pipeline.load_file(task) for task in tasks]
    chunked = list(pipeline.load_chunk(tasks).file_results())
    assert [r.source_file for r in chunked] == [r.source_file for r in alone]
    for got, want in zip(chunked, alone, strict=True):
        assert (got.content_sha256, got.errors, got.document_id, got.reused) == \
            (want.content_sha256, want.errors, want.document_id, want.reused)
        assert (got.tables is None) == (want.tables is None)
        for table in pipeline.ROW_TABLES if got.tables else ():
            assert got.tables[table].equals(want.tables[table]), (got.source_file, table)
    assert sum(r.tables is not None for r in chunked) == len(samples) - 1  # all samples but the reused one
    assert sum(r.reused for r in chunked) == 1 and sum(bool(r.errors) for r in chunked) >= 3
    assert all(r.tables["raw_measures"].num_rows for r in chunked if r.tables)  # each sample has measures

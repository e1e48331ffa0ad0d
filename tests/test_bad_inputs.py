"""Bad-input classes, as a hostile operator or a broken crawler would produce them.

Each class either loads (supported input) or gets one clear row in raw_load_errors; in every case the
good file beside it still loads and nothing else is touched. Files that must fail are ones that will stay
bad (junk bytes, empty files), never formats that may become loadable (PDF, Office files).
"""

from __future__ import annotations

import os
import random
import re
import stat

import pytest
from click.testing import CliRunner
from conftest import plan_text, rows, run_load

from loaders import cli

GOOD = {"good.txt": plan_text()}
TEXT = plan_text("安徽省", 2024)  # another document, so it is no duplicate of good.txt
CJK_ONLY = re.sub(r"[ -~]", "", TEXT).replace("\n", "。")  # no ASCII at all: its UTF-16 has no NUL byte
rng = random.Random(13)

LOADS = "loaded"
BAD_CLASSES = [  # (name, content, expected reason or LOADS)
    ("empty.txt", b"", "empty_file"),
    ("blank.txt", b"  \n\r\n\t ", "empty_file"),
    ("newlines.txt", b"\n" * 50, "empty_file"),
    ("bom_only.txt", b"\xef\xbb\xbf", "empty_file"),
    ("utf16_bom_only.txt", b"\xff\xfe", "empty_file"),
    ("ideographic_spaces.txt", "\u3000\u3000\n\u3000".encode(), "empty_file"),
    ("png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary_file"),
    ("jpeg.txt", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "binary_file"),
    ("gzip.txt", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, "binary_file"),
    ("elf.txt", b"\x7fELF\x02\x01\x01" + bytes(512), "binary_file"),
    ("random.txt", bytes(rng.randrange(256) for _ in range(4096)), "binary_file"),
    ("nul_text.txt", b"abc\x00\x00\x00\x01\x02def" * 50, "binary_file"),
    ("garbage.txt", b"\xfe\xfa text \xff\xff\x80\x81" * 20, "undecodable"),
    ("empty_page.html", b"<html><head><title></title></head><body><div></div></body></html>", "no_text"),
    ("script_only.html", b"<html><body><script>var x = 1;</script><style>p{}</style></body></html>", "no_text"),
    ("punctuation.html", "<html><body><p>&nbsp;</p><p>\u2014</p><p>...</p></body></html>".encode(), "no_text"),
    ("punctuation.txt", "……——。。、\n".encode(), "no_text"),
    ("utf16le_no_bom.txt", TEXT.encode("utf-16-le"), LOADS),
    ("utf16be_no_bom.txt", TEXT.encode("utf-16-be"), LOADS),
    ("utf16le_no_bom_cjk_only.txt", CJK_ONLY.encode("utf-16-le"), LOADS),
    ("utf16be_no_bom_cjk_only.txt", CJK_ONLY.encode("utf-16-be"), LOADS),
    ("utf16_bom.txt", TEXT.encode("utf-16"), LOADS),
    ("utf32_bom.txt", TEXT.encode("utf-32"), LOADS),
    ("utf8_bom.txt", b"\xef\xbb\xbf" + TEXT.encode(), LOADS),
    ("gb18030.txt", TEXT.encode("gb18030"), LOADS),
    ("big5.txt", plan_text("臺灣省", 2024).replace("浙江", "").encode("big5", errors="replace"), LOADS),
    ("crlf.txt", TEXT.replace("\n", "\r\n").encode(), LOADS),
    ("cr_only.txt", TEXT.replace("\n", "\r").encode(), LOADS),
    ("one_long_line.txt", (TEXT.replace("\n", "") * 50).encode(), LOADS),
    ("cut_mid_character.txt", TEXT.encode()[:-1] + "环".encode()[:2], LOADS),
    ("gbk_page_no_charset.html", f"<html><body><p>{TEXT}</p></body></html>".encode("gb18030"), LOADS),
    ("name with 'quote' and spaces.txt", TEXT.encode(), LOADS),
    ("名称 中文.txt", TEXT.encode(), LOADS),
    ("n" * 200 + ".txt", TEXT.encode(), LOADS),
    ("line\nbreak.txt", TEXT.encode(), LOADS),
    ("escape\x1b[31m.txt", TEXT.encode(), LOADS),
    ("sub/dir/deep.txt", TEXT.encode(), LOADS),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_CLASSES, ids=[c[0][:40] for c in BAD_CLASSES])
def test_bad_input_class(make_folder, raw_dir, name, content, expected):
    summary = run_load(make_folder({**GOOD, name: content}), raw_dir)
    docs = sorted(d["source_file"] for d in rows(raw_dir, "raw_documents"))
    errors = [e for e in rows(raw_dir, "raw_load_errors") if e["source_file"] == name and e["severity"] == "error"]
    if expected == LOADS:
        assert docs == sorted(["good.txt", name]) and not errors, errors
        assert summary.failed == 0
    else:
        assert docs == ["good.txt"]
        assert [e["reason"] for e in errors] == [expected], errors
        assert summary.failed == 1


def test_file_name_that_is_not_utf8_loads_under_an_escaped_name(tmp_path, raw_dir):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text(plan_text())
    with open(os.fsencode(folder) + b"/bad\xff\xfe.txt", "wb") as fh:
        fh.write(TEXT.encode())
    run_load(folder, raw_dir)
    names = sorted(d["source_file"] for d in rows(raw_dir, "raw_documents"))
    assert names == ["bad\\xff\\xfe.txt", "good.txt"]


def test_hidden_files_are_skipped(make_folder, raw_dir):
    summary = run_load(make_folder({**GOOD, ".hidden.txt": TEXT, ".git/x.txt": TEXT}), raw_dir)
    assert summary.files == 1 and summary.loaded == 1


def test_symlink_to_a_file_outside_the_folder_is_not_read(make_folder, tmp_path, raw_dir):
    secret = tmp_path / "secret.txt"
    secret.write_text(TEXT)
    folder = make_folder(GOOD)
    (folder / "link.txt").symlink_to(secret)
    summary = run_load(folder, raw_dir)
    assert [d["source_file"] for d in rows(raw_dir, "raw_documents")] == ["good.txt"]
    errors = [e for e in rows(raw_dir, "raw_load_errors") if e["source_file"] == "link.txt"]
    assert [e["reason"] for e in errors] == ["outside_folder"] and "--follow-symlinks" in errors[0]["message"]
    assert summary.failed == 1
    assert "安徽" not in " ".join(e["message"] for e in rows(raw_dir, "raw_load_errors"))
    run_load(folder, tmp_path / "raw2", follow_symlinks=True)  # unless asked for
    assert sorted(d["source_file"] for d in rows(tmp_path / "raw2", "raw_documents")) == ["good.txt", "link.txt"]


def test_symlinked_folder_outside_is_not_followed(make_folder, tmp_path, raw_dir):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "x.txt").write_text(TEXT)
    folder = make_folder(GOOD)
    (folder / "linked").symlink_to(outside)
    run_load(folder, raw_dir)
    assert [d["source_file"] for d in rows(raw_dir, "raw_documents")] == ["good.txt"]


def test_symlink_inside_the_folder_is_a_duplicate_of_its_target(make_folder, raw_dir):
    folder = make_folder({**GOOD, "b.txt": TEXT})
    (folder / "z_link.txt").symlink_to(folder / "b.txt")
    summary = run_load(folder, raw_dir)
    assert sorted(d["source_file"] for d in rows(raw_dir, "raw_documents")) == ["b.txt", "good.txt"]
    assert summary.duplicates == 1


def test_broken_symlink_is_unreadable(make_folder, tmp_path, raw_dir):
    folder = make_folder(GOOD)
    (folder / "dangling.txt").symlink_to(folder / "gone.txt")
    summary = run_load(folder, raw_dir)
    errors = [e for e in rows(raw_dir, "raw_load_errors") if e["source_file"] == "dangling.txt"]
    assert [e["reason"] for e in errors] in (["unreadable"], ["outside_folder"])
    assert summary.loaded == 1


def test_raw_files_respect_the_umask(make_folder, raw_dir):
    old = os.umask(0o077)
    try:
        run_load(make_folder(GOOD), raw_dir)
    finally:
        os.umask(old)
    for path in raw_dir.glob("raw_*.parquet"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_file_names_cannot_forge_a_log_line(make_folder, tmp_path):
    forged = "x\nbuild: published OK\n.txt"
    folder = make_folder({**GOOD, forged: b"", "ok\r.txt": b"\x00" * 40})
    result = CliRunner().invoke(cli.main, ["load", str(folder), "--data-dir", str(tmp_path / "data"),
                                           "--workers", "1"])
    lines = result.output.splitlines()
    assert not [x for x in lines if x.startswith("build:")], lines
    assert any("x\\nbuild: published OK\\n.txt" in x for x in lines)
    assert not [x for x in lines if "\r" in x]


def test_original_among_duplicates_is_the_one_loaded_before(make_folder, raw_dir):
    folder = make_folder({"report.txt": TEXT})
    run_load(folder, raw_dir)
    make_folder({"a_copy_of_report.txt": TEXT})  # sorts before the original
    summary = run_load(folder, raw_dir)
    assert [d["source_file"] for d in rows(raw_dir, "raw_documents")] == ["report.txt"]
    dup = [e for e in rows(raw_dir, "raw_load_errors") if e["reason"] == "duplicate_content"]
    assert [e["source_file"] for e in dup] == ["a_copy_of_report.txt"]
    assert summary.duplicates == 1


def test_original_among_new_duplicates_is_the_first_name(make_folder, raw_dir):
    run_load(make_folder({"b.txt": TEXT, "a.txt": TEXT, "c.txt": TEXT}), raw_dir)
    assert [d["source_file"] for d in rows(raw_dir, "raw_documents")] == ["a.txt"]


def test_original_loaded_before_with_other_bytes_keeps_its_name(make_folder, raw_dir):
    """Same text in another encoding: the document loaded before keeps its file name."""
    folder = make_folder({"report.txt": TEXT})
    run_load(folder, raw_dir)
    make_folder({"a_gbk.txt": TEXT.encode("gb18030")})
    run_load(folder, raw_dir)
    assert [d["source_file"] for d in rows(raw_dir, "raw_documents")] == ["report.txt"]


def test_original_that_changed_lets_its_former_copy_load(make_folder, raw_dir):
    folder = make_folder({"report.txt": TEXT})
    run_load(folder, raw_dir)
    make_folder({"a_copy.txt": TEXT, "report.txt": plan_text("江西省", 2025)})
    run_load(folder, raw_dir)
    assert sorted(d["source_file"] for d in rows(raw_dir, "raw_documents")) == ["a_copy.txt", "report.txt"]

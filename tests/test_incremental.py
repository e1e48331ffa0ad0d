"""Idempotent, incremental and deterministic loading.

The raw tables mirror the input folder: the same folder gives the same rows, whatever was loaded before,
and a load from scratch the same bytes whatever the number of workers. A refresh writes only its new and
changed documents' rows, as a new part of each row table (loaders/writing.py).
"""

from __future__ import annotations

import shutil

from conftest import file_bytes, plan_text, rows, run_load

from loaders import pipeline, writing

KEYS = {"raw_documents": "document_id", "raw_items": "item_id", "raw_measures": "measure_id"}


def by_key(raw, table: str) -> list[dict]:
    """A raw table's rows over its parts, ordered by their key: what dbt's sources read, whatever the parts."""
    return sorted(rows(raw, table), key=lambda r: r[KEYS[table]])

FILES = {
    "zj.txt": plan_text("浙江省", 2023, 26),
    "ah.txt": plan_text("安徽省", 2024, 36.8),
    "vague.txt": "关于进一步加强环境保护工作的通知\n一、加强组织领导。\n",  # warnings
    "empty.txt": "",  # an error
    "sub/js.txt": plan_text("江苏省", 2023, 33),
}


def test_loading_twice_gives_identical_bytes(make_folder, tmp_path):
    folder = make_folder(FILES)
    run_load(folder, tmp_path / "raw")
    first = file_bytes(tmp_path / "raw")
    second_summary = run_load(folder, tmp_path / "raw")
    assert file_bytes(tmp_path / "raw") == first  # errors too: a repeated error keeps its first occurred_at
    assert second_summary.unchanged == 4 and second_summary.parsed == 0
    run_load(folder, tmp_path / "elsewhere", incremental=False)
    assert file_bytes(tmp_path / "elsewhere")["raw_measures"] == first["raw_measures"]
    assert file_bytes(tmp_path / "elsewhere")["raw_documents"] == first["raw_documents"]


def test_ids_derive_from_content(make_folder, raw_dir):
    run_load(make_folder(FILES), raw_dir)
    docs = rows(raw_dir, "raw_documents")
    for d in docs:
        text_id = pipeline.hashlib.sha256(d["text"].encode()).hexdigest()[:16]
        assert d["document_id"] == text_id
    ids = {d["document_id"] for d in docs}
    assert {m["document_id"] for m in rows(raw_dir, "raw_measures")} <= ids
    assert all(m["measure_id"] == f"{m['document_id']}:{m['char_start']}" for m in rows(raw_dir, "raw_measures"))


def test_one_or_two_workers_give_identical_output(make_folder, tmp_path):
    folder = make_folder({**FILES, **{f"more/{i:02d}.txt": plan_text("浙江省", 2020 + i % 5, 20 + i) for i in range(8)}})
    run_load(folder, tmp_path / "one", workers=1, batch_docs=3)
    run_load(folder, tmp_path / "two", workers=2, batch_docs=3)
    one, two = file_bytes(tmp_path / "one"), file_bytes(tmp_path / "two")
    for table in ("raw_documents", "raw_items", "raw_measures"):
        assert one[table] == two[table], table
    strip = [{k: v for k, v in e.items() if k != "occurred_at"} for e in rows(tmp_path / "one", "raw_load_errors")]
    assert strip == [{k: v for k, v in e.items() if k != "occurred_at"} for e in rows(tmp_path / "two", "raw_load_errors")]


def test_an_incremental_load_gives_the_workers_only_the_files_to_parse(make_folder, tmp_path, monkeypatch):
    """With workers, a load that may reuse rows reads and hashes the files in the parent: the pool gets the new and
    changed files alone (not a result to send back for every unchanged one), and the rows are those of one worker."""
    folder = make_folder({f"{i:02d}.txt": plan_text("江苏省", 2015 + i, 30 + i) for i in range(12)})
    for out in ("one", "two"):
        run_load(folder, tmp_path / out, workers=1)
    make_folder({"03.txt": plan_text("浙江省", 2030, 40), "new.txt": plan_text("福建省", 2023, 22)})
    run_load(folder, tmp_path / "one", workers=1)
    log, parse_bytes = tmp_path / "parsed.log", pipeline._parse_bytes

    def logged(name, data):  # run by the forked workers (the pool pickles load_chunk by its name)
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{name}\n")
        return parse_bytes(name, data)

    monkeypatch.setattr(pipeline, "_parse_bytes", logged)
    summary = run_load(folder, tmp_path / "two", workers=2)
    assert (summary.parsed, summary.unchanged) == (2, 11)
    assert sorted(log.read_text(encoding="utf-8").split()) == ["03.txt", "new.txt"]
    one, two = file_bytes(tmp_path / "one"), file_bytes(tmp_path / "two")
    for table in ("raw_documents", "raw_items", "raw_measures"):
        assert one[table] == two[table], table


def test_adding_a_document_parses_only_it(make_folder, raw_dir, tmp_path, monkeypatch):
    folder = make_folder(FILES)
    run_load(folder, raw_dir)
    before = {d["source_file"]: d for d in rows(raw_dir, "raw_documents")}
    make_folder({"new.txt": plan_text("福建省", 2023, 22)})
    parsed: list[str] = []
    real = pipeline.process_document
    monkeypatch.setattr(pipeline, "process_document", lambda data, name, *options: parsed.append(name) or real(data, name, *options))
    summary = run_load(folder, raw_dir)
    assert "new.txt" in parsed and not {"zj.txt", "ah.txt", "sub/js.txt", "vague.txt"} & set(parsed)
    assert (summary.parsed, summary.unchanged) == (1, 4)
    after = {d["source_file"]: d for d in rows(raw_dir, "raw_documents")}
    assert set(after) - set(before) == {"new.txt"}
    assert all(after[name] == before[name] for name in before)
    # the same folder loaded from scratch gives the same rows as the incremental load
    run_load(folder, tmp_path / "fresh", incremental=False)
    for table in ("raw_documents", "raw_items", "raw_measures"):
        assert by_key(tmp_path / "fresh", table) == by_key(raw_dir, table), table


def test_removed_document_loses_its_rows(make_folder, raw_dir):
    folder = make_folder(FILES)
    run_load(folder, raw_dir)
    gone = next(d["document_id"] for d in rows(raw_dir, "raw_documents") if d["source_file"] == "ah.txt")
    (folder / "ah.txt").unlink()
    summary = run_load(folder, raw_dir)
    assert summary.removed == 1 and "1 removed" in summary.line()
    assert "ah.txt" not in {d["source_file"] for d in rows(raw_dir, "raw_documents")}
    assert gone not in {m["document_id"] for m in rows(raw_dir, "raw_measures")}
    assert gone not in {i["document_id"] for i in rows(raw_dir, "raw_items")}
    assert "ah.txt" not in {e["source_file"] for e in rows(raw_dir, "raw_load_errors")}


def test_changed_document_is_parsed_again(make_folder, raw_dir):
    folder = make_folder(FILES)
    run_load(folder, raw_dir)
    old = {d["source_file"]: d["document_id"] for d in rows(raw_dir, "raw_documents")}
    make_folder({"zj.txt": plan_text("浙江省", 2023, 25)})
    summary = run_load(folder, raw_dir)
    assert summary.parsed == 1
    new = {d["source_file"]: d["document_id"] for d in rows(raw_dir, "raw_documents")}
    assert new["zj.txt"] != old["zj.txt"]
    assert old["zj.txt"] not in {m["document_id"] for m in rows(raw_dir, "raw_measures")}


def test_another_loader_version_parses_everything(make_folder, raw_dir, monkeypatch):
    folder = make_folder(FILES)
    run_load(folder, raw_dir)
    monkeypatch.setattr(pipeline, "LOADER_VERSION", "0000000000000000")
    summary = run_load(folder, raw_dir)
    assert (summary.parsed, summary.unchanged) == (4, 0)


def test_renamed_folder_entries_follow_the_folder(make_folder, raw_dir):
    folder = make_folder(FILES)
    run_load(folder, raw_dir)
    shutil.move(folder / "zj.txt", folder / "zj_renamed.txt")
    summary = run_load(folder, raw_dir)
    names = {d["source_file"] for d in rows(raw_dir, "raw_documents")}
    assert "zj_renamed.txt" in names and "zj.txt" not in names
    assert summary.removed == 1


def test_jieba_dictionary_loads_at_most_once_per_process(make_folder, tmp_path, monkeypatch):
    import os

    import jieba

    log = tmp_path / "dictionary_loads.txt"
    real = jieba.Tokenizer.initialize

    def logged(self, dictionary=None):
        if not self.initialized:
            with open(log, "a") as fh:
                fh.write(f"{os.getpid()}\n")
        return real(self, dictionary)

    # forked workers inherit the patches; jieba.initialize is a bound method taken at import, patch it too
    monkeypatch.setattr(jieba.Tokenizer, "initialize", logged)
    monkeypatch.setattr(jieba, "initialize", lambda *args, **kwargs: jieba.dt.initialize(*args, **kwargs))
    monkeypatch.setattr(jieba.dt, "initialized", False)
    folder = make_folder({f"{i:02d}.txt": plan_text("浙江省", 2015 + i, 20 + i) for i in range(12)})
    run_load(folder, tmp_path / "raw", workers=2, incremental=False)
    pids = log.read_text().split()
    assert os.getpid() not in map(int, pids)  # the parent does not parse
    assert 1 <= len(pids) == len(set(pids)) <= 2  # each worker once


def test_rows_sha256_fingerprints_the_rows_written(make_folder, raw_dir):
    """raw_documents.rows_sha256, which int_documents_changed compares between builds instead of hashing
    every raw row, is the hash of exactly the rows written for the document: any of them changed changes it."""
    run_load(make_folder(FILES), raw_dir)
    items, measures = rows(raw_dir, "raw_items"), rows(raw_dir, "raw_measures")
    docs = rows(raw_dir, "raw_documents")
    assert len({d["rows_sha256"] for d in docs}) == len(docs)
    for doc in docs:
        result = pipeline.DocumentResult(doc["source_file"], dict(doc),
                                         [i for i in items if i["document_id"] == doc["document_id"]],
                                         [m for m in measures if m["document_id"] == doc["document_id"]])
        assert pipeline.rows_sha256(result) == doc["rows_sha256"], doc["source_file"]
        result.document["source_file"] = "renamed.txt"  # a renamed file
        assert pipeline.rows_sha256(result) != doc["rows_sha256"]
        result.document["source_file"] = doc["source_file"]
        if result.measures:
            last = result.measures[-1]
            result.measures[-1] = {**last, "value": (last["value"] or 0) + 1}  # a figure read otherwise
            assert pipeline.rows_sha256(result) != doc["rows_sha256"]
            result.measures.pop()  # a figure no longer read
            assert pipeline.rows_sha256(result) != doc["rows_sha256"]


def test_previous_rows_are_read_by_row_group_and_found_by_runs(tmp_path):
    """The load reads the previous tables a row group at a time (memory bounded by a group, not the table):
    a run of rows spanning two groups, one row, no rows; a document's rows found as runs, also when split."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"document_id": ["a", "a", "b", "b", "b", "c"], "n": [0, 1, 2, 3, 4, 5]})
    pq.write_table(table, tmp_path / "t.parquet", row_group_size=2)
    groups = pipeline._RowGroups(tmp_path / "t.parquet")
    assert groups.rows(2, 3).to_pydict() == {"document_id": ["b", "b", "b"], "n": [2, 3, 4]}  # groups 2 and 3
    assert groups.rows(5, 1).column("n").to_pylist() == [5]
    assert groups.rows(1, 1).column("n").to_pylist() == [1]  # back to an earlier group
    empty = groups.rows(0, 0)
    assert empty.num_rows == 0 and empty.schema.names == ["document_id", "n"]
    assert pipeline._runs(table.column("document_id")) == {"a": [(0, 2)], "b": [(2, 3)], "c": [(5, 1)]}
    assert pipeline._runs(pa.chunked_array([["a", "b"], ["a"]])) == {"a": [(0, 1), (2, 1)], "b": [(1, 1)]}


def parts(raw) -> dict[str, list[str]]:
    return {t: [p.name for p in writing.parts_on_disk(raw, t).values()] for t in KEYS}


def assert_same_as_fresh(folder, raw, tmp_path) -> None:
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    run_load(folder, fresh, incremental=False)
    for table in KEYS:
        assert by_key(raw, table) == by_key(fresh, table), table
    strip = sorted(repr({k: v for k, v in e.items() if k != "occurred_at"}) for e in rows(raw, "raw_load_errors"))
    assert strip == sorted(repr({k: v for k, v in e.items() if k != "occurred_at"}) for e in rows(fresh, "raw_load_errors"))
    assert writing.raw_set_problem(raw) is None


MANY = {f"{i:02d}.txt": plan_text("浙江省", 2015 + i % 10, 20 + i) for i in range(12)}


def test_a_refresh_writes_only_its_new_documents_as_a_part(make_folder, raw_dir, tmp_path):
    folder = make_folder(MANY)
    run_load(folder, raw_dir)
    base = file_bytes(raw_dir)
    make_folder({"new.txt": plan_text("福建省", 2023, 22)})
    summary = run_load(folder, raw_dir)
    assert (summary.parsed, summary.unchanged) == (1, 12)
    for table in KEYS:  # the base untouched, the new document's rows beside it
        assert file_bytes(raw_dir)[table] == base[table], table
        assert parts(raw_dir)[table] == [f"{table}.parquet", f"{table}.1.parquet"]
    assert [d["source_file"] for d in writing.read_raw(raw_dir, "raw_documents").slice(12).to_pylist()] == ["new.txt"]
    assert summary.items == len(rows(raw_dir, "raw_items")) and summary.measures == len(rows(raw_dir, "raw_measures"))
    assert_same_as_fresh(folder, raw_dir, tmp_path)
    again = file_bytes(raw_dir), parts(raw_dir)
    assert run_load(folder, raw_dir).parsed == 0 and (file_bytes(raw_dir), parts(raw_dir)) == again  # idempotent


def test_a_changed_or_removed_document_rewrites_only_the_part_holding_it(make_folder, raw_dir, tmp_path):
    folder = make_folder(MANY)
    run_load(folder, raw_dir)
    base = file_bytes(raw_dir)
    make_folder({"new1.txt": plan_text("福建省", 2023, 22), "new2.txt": plan_text("江西省", 2023, 28)})
    run_load(folder, raw_dir)
    make_folder({"new1.txt": plan_text("福建省", 2023, 21)})  # an edit of a document of the delta
    summary = run_load(folder, raw_dir)
    assert summary.parsed == 1
    assert parts(raw_dir)["raw_measures"] == ["raw_measures.parquet", "raw_measures.2.parquet"]  # delta 1 rewritten
    assert file_bytes(raw_dir)["raw_measures"] == base["raw_measures"]
    assert_same_as_fresh(folder, raw_dir, tmp_path)
    (folder / "new2.txt").unlink()  # a removal in the delta
    shutil.move(folder / "new1.txt", folder / "renamed.txt")  # a rename
    summary = run_load(folder, raw_dir)
    assert summary.removed == 2 and summary.parsed == 1
    assert parts(raw_dir)["raw_items"] == ["raw_items.parquet", "raw_items.3.parquet"]
    assert_same_as_fresh(folder, raw_dir, tmp_path)
    (folder / "03.txt").unlink()  # a removal in the base: one base again, as a load from scratch writes it
    run_load(folder, raw_dir)
    assert parts(raw_dir)["raw_documents"] == ["raw_documents.parquet"]
    assert_same_as_fresh(folder, raw_dir, tmp_path)
    assert file_bytes(raw_dir)["raw_measures"] == file_bytes(tmp_path / "fresh")["raw_measures"]


def test_parts_are_merged_before_they_pass_the_bound(make_folder, raw_dir, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "MAX_PARTS", 3)
    folder = make_folder({f"{i:02d}.txt": plan_text("浙江省", 2000 + i, 20 + i) for i in range(20)})
    run_load(folder, raw_dir)
    seen = []
    for i in range(6):  # a document a refresh: deltas 1, 2, then the third merges them into one delta, ...
        make_folder({f"new{i}.txt": plan_text("福建省", 2000 + i, 30 + i)})
        run_load(folder, raw_dir)
        seen.append(len(parts(raw_dir)["raw_items"]))
        assert_same_as_fresh(folder, raw_dir, tmp_path)
    assert seen == [2, 3, 2, 3, 2, 3]
    make_folder({"new6.txt": plan_text("福建省", 2006, 36)})  # the deltas would hold 7 of 27: one base again
    run_load(folder, raw_dir)
    assert parts(raw_dir)["raw_items"] == ["raw_items.parquet"]
    assert_same_as_fresh(folder, raw_dir, tmp_path)


def test_a_load_stopped_between_its_renames_is_refused_then_undone(make_folder, raw_dir, tmp_path, monkeypatch):
    folder = make_folder(MANY)
    run_load(folder, raw_dir)
    make_folder({"new.txt": plan_text("福建省", 2023, 22)})

    def stop(point: str) -> None:
        if point == "load:renamed:raw_items":
            raise KeyboardInterrupt  # as a kill: nothing after this point runs
    monkeypatch.setattr(writing, "fault_point", stop)
    try:
        run_load(folder, raw_dir)
    except KeyboardInterrupt:
        pass
    monkeypatch.undo()
    assert "raw_items.1.parquet" in parts(raw_dir)["raw_items"]  # a part no load published
    assert "published together" in writing.raw_set_problem(raw_dir)  # dbt's glob would read it: build refuses
    summary = run_load(folder, raw_dir)
    assert (summary.parsed, summary.unchanged, summary.repaired) == (1, 12, "")  # the set before it was intact
    assert_same_as_fresh(folder, raw_dir, tmp_path)

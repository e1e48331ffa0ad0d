"""An incremental build gives exactly the rows of a full rebuild (issue 12).

A warehouse is built in full from the sample documents and a few generated plans, then the folder
changes (a document added in a region that already has one, one edited, one renamed, one deleted) and
the warehouse is refreshed twice from the same raw tables: incrementally, from a copy of the published
file, and in full into another file. Every table of both must hold the same rows.

It also checks what the incremental build left out (seeds, unit tests, rows outside the scope for
row-level tests). Three dbt builds: about a minute.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import duckdb
import pytest
import yaml
from conftest import plan_text, run_load

from loaders import pipeline, publish, writing

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "data" / "documents").glob("*.txt"))


def _tables(db: Path) -> list[tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("select schema_name, table_name from duckdb_tables() where not internal "
                           "order by all").fetchall()
    finally:
        con.close()


def _differences(a: Path, b: Path, skip: frozenset[str] = frozenset()) -> dict[str, tuple[int, int]]:
    """Table -> (rows only in a, rows only in b), for every table that differs (a multiset comparison);
    skip: columns left out (the time a load met an error differs between two loads)."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{a}' as a (read_only)")
        con.execute(f"attach '{b}' as b (read_only)")
        diffs = {}
        for schema, table in _tables(a):
            if table == "int_documents_changed":  # says what the build re-built: differs by design
                continue
            columns = ", ".join(f'"{c}"' for (c,) in con.execute(
                "select column_name from duckdb_columns() where database_name = 'a' and schema_name = ? "
                "and table_name = ? order by column_index", [schema, table]).fetchall() if c not in skip)
            only_a, only_b = (con.execute(f'select count(*) from (select {columns} from {x}."{schema}"."{table}" '
                                          f'except all select {columns} from {y}."{schema}"."{table}")').fetchone()[0]
                              for x, y in (("a", "b"), ("b", "a")))
            if only_a or only_b:
                diffs[f"{schema}.{table}"] = (only_a, only_b)
        return diffs
    finally:
        con.close()


def _build(raw: Path, published: Path, incremental: bool) -> publish.PublishResult:
    result = publish.build_and_publish(raw, published, publish.dbt_build, incremental=incremental)
    assert result.ok, result.outcome.error_lines
    return result


def _node_kinds(db: Path) -> Counter:
    """Nodes of the last build of db by kind (model, seed, test, unit_test), from dbt's run_results.json."""
    results = json.loads((publish.dbt_state_dir(db) / "target" / "run_results.json").read_text(encoding="utf-8"))
    return Counter(result["unique_id"].split(".")[0] for result in results["results"])


def _compiled_test(db: Path, name: str, folder: str = "run") -> str:
    """The SQL a data test of the last build of db ran (folder "compiled": the test's own query, which returns
    the failures, without dbt's count of them around it)."""
    return next((publish.dbt_state_dir(db) / "target" / folder).rglob(f"{name}.sql")).read_text(encoding="utf-8")


def _compiled_check(db: Path, model: str, check: str) -> str:
    """The parts of the compiled column_checks test of model (data-tests/generic/test_column_checks.sql: one
    select per check, joined by union all) that run one kind of check (not_null, unique, relationships, ...)."""
    parts = _compiled_test(db, f"column_checks_{model}", "compiled").split("union all")
    found = [part for part in parts if f"'{check}' as check_name" in part]
    assert found, (model, check)
    return "\n".join(found)


def _compiled_model(db: Path, path: str) -> str:
    """The select a model of the last build of db ran (path under models/)."""
    return (publish.dbt_state_dir(db) / "target" / "compiled" / "envwh" / "models" / path).read_text(encoding="utf-8")


def _failures_with_a_duplicate(db: Path, copy: Path, test_sql: str) -> set[tuple[str, str]]:
    """(column, check) pairs a compiled column_checks test of marts.fct_targets reports on a copy of db where a
    row of the refresh scope is copied to a document outside it."""
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    try:
        con.execute("insert into marts.fct_targets select * replace ((select document_id from "
                    "intermediate.int_documents_changed where not in_refresh_scope and status = 'unchanged' "
                    "limit 1) as document_id) from marts.fct_targets where document_id in (select document_id "
                    "from intermediate.int_documents_changed where status <> 'unchanged') limit 1")
        return {(column, check) for column, check, _ in con.execute(test_sql).fetchall()}
    finally:
        con.close()


def _failing_checks(db: Path, copy: Path, test_sql: str, assignments: str) -> set[tuple[str, str]]:
    """(column, check) pairs a compiled column_checks test of marts.fct_targets reports
    on a copy of db where one row of the refresh scope is updated with assignments ("" leaves the rows as built)."""
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    try:
        if assignments:
            con.execute(f"update marts.fct_targets set {assignments} where measure_id = (select min(measure_id) "
                        "from marts.fct_targets where document_id in (select document_id from "
                        "intermediate.int_documents_changed where status <> 'unchanged'))")
        return {(column, check) for column, check, _ in con.execute(test_sql).fetchall()}
    finally:
        con.close()


def _combination_failures(db: Path, copy: Path, test_sql: str, duplicate: str = "") -> set[tuple[str, str]]:
    """(columns, check) pairs a compiled column_checks test of intermediate.int_measures_resolved reports on a copy
    of db where (duplicate "ranks") two measures of unchanged documents of a region touched, ranked in one group, are
    given the same rank: rows the post-hook ranks again, outside the documents re-built; or (duplicate "outside") a
    ranked measure of a re-built document is given the combination of a ranked measure of a document outside the
    refresh scope: the semi join must reach that row. "" leaves the rows as built."""
    shutil.copyfile(db, copy)
    con = duckdb.connect(str(copy))
    try:
        if duplicate == "ranks":
            scope = ("document_id in (select document_id from intermediate.int_documents_changed "
                     "where in_refresh_scope and status = 'unchanged')")
            pair = con.execute(
                "select min(measure_id), max(measure_id) from intermediate.int_measures_resolved "
                f"where preference_rank is not null and {scope} group by region_code, year, link_key, kind "
                "having count(*) > 1 order by 1 limit 1").fetchone()
            assert pair, "no group of two ranked measures of unchanged documents in a region touched"
            con.execute("update intermediate.int_measures_resolved set preference_rank = (select preference_rank "
                        "from intermediate.int_measures_resolved where measure_id = ?) where measure_id = ?", pair)
        elif duplicate == "outside":
            ranked = "select measure_id from intermediate.int_measures_resolved where preference_rank is not null"
            rebuilt = ("document_id in (select document_id from intermediate.int_documents_changed "
                       "where status <> 'unchanged')")
            outside = ("document_id in (select document_id from intermediate.int_documents_changed "
                       "where not in_refresh_scope)")
            pair = con.execute(f"select (select min(measure_id) from ({ranked} and {rebuilt})), "
                               f"(select min(measure_id) from ({ranked} and {outside}))").fetchone()
            assert None not in pair, "no ranked measure of a re-built document, or none outside the scope"
            con.execute("update intermediate.int_measures_resolved as rebuilt set region_code = other.region_code, "
                        "year = other.year, link_key = other.link_key, kind = other.kind, "
                        "preference_rank = other.preference_rank from intermediate.int_measures_resolved as other "
                        "where rebuilt.measure_id = ? and other.measure_id = ?", pair)
        return {(column, check) for column, check, _ in con.execute(test_sql).fetchall()}
    finally:
        con.close()


def _preferences_moved(before: Path, after: Path) -> int:
    """Measures of documents unchanged by the refresh whose preference rank or is_preferred (in int_measures_resolved
    and in fct_targets / fct_outcomes) differs between the published warehouse and the refreshed one."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{before}' as a (read_only)")
        con.execute(f"attach '{after}' as b (read_only)")
        unchanged = "(select document_id from b.intermediate.int_documents_changed where status = 'unchanged')"
        moved = con.execute(
            "select count(*) from a.intermediate.int_measures_resolved as x join b.intermediate.int_measures_resolved "
            f"as y using (measure_id) where x.document_id in {unchanged} "
            "and (x.preference_rank is distinct from y.preference_rank)").fetchone()[0]
        facts = sum(con.execute(
            f"select count(*) from a.marts.{table} as x join b.marts.{table} as y using (measure_id) "
            f"where x.document_id in {unchanged} and x.is_preferred <> y.is_preferred").fetchone()[0]
            for table in ("fct_targets", "fct_outcomes"))
        return min(moved, facts)
    finally:
        con.close()


def _statuses(db: Path) -> dict[str, int]:
    """Documents per status, and "in_scope": how many of them the incremental build re-built."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = dict(con.execute("select status, count(*) from intermediate.int_documents_changed "
                                  "group by status").fetchall())
        counts["in_scope"] = con.execute("select count(*) from intermediate.int_documents_changed "
                                         "where in_refresh_scope").fetchone()[0]
        return counts
    finally:
        con.close()


def _catalog(db: Path) -> dict[str, list[tuple]]:
    """Schemas, views, macros and the comments dbt persists: what compaction must keep."""
    queries = {
        "schemas": "select schema_name from duckdb_schemas() where not internal",
        "tables": "select schema_name, table_name, comment from duckdb_tables() where not internal",
        "views": "select schema_name, view_name, comment, sql from duckdb_views() where not internal",
        "columns": "select schema_name, table_name, column_name, comment from duckdb_columns() where not internal",
        "macros": "select schema_name, function_name from duckdb_functions() where not internal",
    }
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {kind: sorted(map(tuple, con.execute(sql).fetchall()), key=repr) for kind, sql in queries.items()}
    finally:
        con.close()


def test_compaction_drops_free_blocks_and_keeps_the_catalog(tmp_path):
    """compact() rewrites a file whose deleted rows left free blocks; views still bind under its name."""
    db = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create schema main_marts")
    con.execute("create table main_marts.t as select range as a, 'row ' || range as b from range(300000)")
    con.execute("comment on table main_marts.t is 'a table'")
    con.execute("comment on column main_marts.t.a is 'a column'")
    con.execute("create view main_marts.v as select * from warehouse.main_marts.t where a > 5")
    con.execute("comment on view main_marts.v is 'a view'")
    con.execute("create macro main_marts.plus_one(x) as x + 1")
    con.execute("delete from main_marts.t where a % 3 <> 0")
    con.execute("checkpoint")
    con.close()
    catalog, share = _catalog(db), publish.free_share(db)
    assert share > publish.COMPACT_FREE_SHARE

    sizes = publish.compact(db)

    assert sizes["size_after"] < sizes["size_before"]
    assert publish.free_share(db) < publish.COMPACT_FREE_SHARE
    assert _catalog(db) == catalog
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*), max(main_marts.plus_one(a)) from main_marts.v").fetchone() == (99998, 299998)
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["warehouse.duckdb"]  # no fresh file left behind


def test_rows_deleted_without_vacuum_count_as_unused_and_compaction_drops_them(tmp_path):
    """dbt builds without DuckDB's vacuum (profiles.yml): deleted rows stay stored and free no block, so
    free_share must count them, or a refreshed warehouse would never be compacted."""
    db = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(db), config={"max_vacuum_tasks": 0})
    con.execute("create table t as select range as a, 'row ' || range as b from range(300000)")
    con.execute("checkpoint")
    con.execute("delete from t where a % 3 <> 0")
    con.execute("checkpoint")
    con.close()
    assert publish.free_share(db) == pytest.approx(2 / 3, abs=0.01)

    publish.compact(db)

    assert publish.free_share(db) < 0.01
    assert publish.table_counts(db) == {"main.t": 100000}


def test_incremental_refresh_gives_the_rows_of_a_full_rebuild(make_folder, tmp_path, monkeypatch):
    folder = make_folder({
        **{f"samples/{p.name}": p.read_bytes() for p in SAMPLES},
        "zj_2023.txt": plan_text("浙江省", 2023, 26),
        "js_2023.txt": plan_text("江苏省", 2023, 33),
        "ah_old_name.txt": plan_text("安徽省", 2023, 35),
        # no region can be read: unchanged, it is in no touched region (its scope is false, never null)
        "no_region.txt": "工作方案\n\n2023年PM2.5平均浓度控制在30微克/立方米以内。\n",
    })
    raw = tmp_path / "raw"
    run_load(folder, raw)
    incremental_db = tmp_path / "incremental" / "warehouse.duckdb"
    assert _build(raw, incremental_db, incremental=True).mode.startswith("full")  # nothing published yet
    tables_before = _tables(incremental_db)

    (folder / "zj_2024.txt").write_text(plan_text("浙江省", 2024, 25), encoding="utf-8")  # added
    # same region and year, signed after the sample of that region: its figures are preferred, the unchanged ones move
    (folder / "zj_2023_again.txt").write_text(plan_text("浙江省", 2023, 28, extra="2023年4月1日\n"), encoding="utf-8")
    (folder / "js_2023.txt").write_text(plan_text("江苏省", 2023, 31), encoding="utf-8")  # edited
    (folder / "ah_old_name.txt").rename(folder / "ah_new_name.txt")  # renamed
    reencoded = sorted((folder / "samples").glob("*.txt"))[0]  # the same text in other bytes: the same document_id
    reencoded.write_bytes(reencoded.read_text(encoding="utf-8").encode("gb18030"))
    deleted = sorted((folder / "samples").glob("*.txt"))[-1]
    deleted.unlink()  # deleted
    run_load(folder, raw)

    published = incremental_db.read_bytes()
    threshold = publish.COMPACT_FREE_SHARE
    monkeypatch.setattr(publish, "COMPACT_FREE_SHARE", -1.0)  # compact even this small refresh: compare it below
    refreshed = _build(raw, incremental_db, incremental=True)
    assert refreshed.mode == "incremental"
    assert refreshed.compaction and "error" not in refreshed.compaction, refreshed.compaction
    assert publish.read_record(incremental_db)["publication"]["compaction"] == refreshed.compaction
    assert publish.free_share(incremental_db) < threshold
    full_db = tmp_path / "full" / "warehouse.duckdb"
    _build(raw, full_db, incremental=False)

    # what the incremental build left out: the seeds and unit tests (same seeds and SQL as the published
    # build), and for a row-level test the rows outside the refresh scope; a test across rows reads them all
    incremental_nodes, full_nodes = _node_kinds(incremental_db), _node_kinds(full_db)
    assert incremental_nodes["seed"] == incremental_nodes["unit_test"] == 0, incremental_nodes
    assert full_nodes["seed"] and full_nodes["unit_test"] and full_nodes["test"] > incremental_nodes["test"] > 0
    # (fct_targets is re-built per document: its scope is the documents that are not unchanged)
    assert "status <> 'unchanged'" in _compiled_test(incremental_db, "column_checks_fct_targets")
    # each check of the merged test reads what its own test would: the row-level ones the scope
    assert "status <> 'unchanged'" in _compiled_check(incremental_db, "fct_targets", "not_null")
    assert "status <> 'unchanged'" in _compiled_check(incremental_db, "fct_targets", "expression_is_true")
    # a relationship is scoped only when its parent is not re-built (dim_year: from vars alone; dim_region and
    # dim_domain: from the seeds), each relationship of the merged test by its own parent: fct_targets'
    # document_id names dim_document, which is re-built, so that one reads every row
    assert "status <> 'unchanged'" in _compiled_test(incremental_db,
                                                     "relationships_fct_targets_year__year__ref_dim_year_")
    relationships = {part.split("' as column_name")[0].rsplit("'", 1)[-1]: part for part in
                     _compiled_test(incremental_db, "column_checks_fct_targets", "compiled").split("union all")
                     if "'relationships' as check_name" in part}
    assert "int_documents_changed" not in relationships["document_id"]
    assert "status <> 'unchanged'" in relationships["region_code"]
    assert "status <> 'unchanged'" in relationships["domain_code"]
    # (dim_document is re-built per document: its scope is the documents that are not unchanged)
    assert "status <> 'unchanged'" in _compiled_check(incremental_db, "dim_document", "relationships")
    # staging is not built from int_documents_changed: its tests may run before it is re-built, so they read every row
    assert "int_documents_changed" not in _compiled_test(incremental_db, "column_checks_stg_raw__measures")
    assert "int_documents_changed" not in _compiled_test(incremental_db, "unique_stg_raw__measures_measure_id")
    # a combination of columns is checked on the rows (of its `where`) holding a combination of a row the build may
    # have changed: every row of the refresh scope's documents, the unchanged ones too (the post-hook ranks them
    # again), so a duplicate rank among those is found
    combination_sql = _compiled_check(incremental_db, "int_measures_resolved", "unique_combination_of_columns")
    assert "in_refresh_scope" in combination_sql and "semi join" in combination_sql
    assert "preference_rank is not null" in combination_sql
    assert "int_documents_changed" not in _compiled_check(full_db, "int_measures_resolved",
                                                          "unique_combination_of_columns")
    resolved_sql = _compiled_test(incremental_db, "column_checks_int_measures_resolved", "compiled")
    combination = ("region_code, year, link_key, kind, preference_rank", "unique_combination_of_columns")
    assert _combination_failures(incremental_db, tmp_path / "ranks.duckdb", resolved_sql) == set()
    assert _combination_failures(incremental_db, tmp_path / "ranks.duckdb", resolved_sql, "ranks") == {combination}
    # and a re-built row whose combination is that of a row outside the scope (the semi join reads that row too)
    assert _combination_failures(incremental_db, tmp_path / "ranks.duckdb", resolved_sql, "outside") == {
        combination}
    # unique reads the rows holding a key of the scope's rows: a duplicate of a re-built row is still found,
    # even when the copy sits outside the scope
    unique_sql = _compiled_check(incremental_db, "fct_targets", "unique")
    assert "status <> 'unchanged'" in unique_sql
    checks_sql = _compiled_test(incremental_db, "column_checks_fct_targets", "compiled")
    assert _failures_with_a_duplicate(incremental_db, tmp_path / "duplicate.duckdb", checks_sql) == {
        ("measure_id", "unique")}
    # a table re-built whole (a ranking across regions) may change rows outside the scope: its tests read them all
    assert "int_documents_changed" not in _compiled_test(incremental_db, "column_checks_mart_region_comparison")
    assert "int_documents_changed" not in _compiled_test(full_db, "column_checks_fct_targets")
    # the merged test (data-tests/generic/test_column_checks.sql) fails on a broken row of the scope,
    # naming each broken column and check, and passes on the rows as built
    assert _failing_checks(incremental_db, tmp_path / "broken.duckdb", checks_sql, "") == set()
    assert _failing_checks(incremental_db, tmp_path / "broken.duckdb", checks_sql,
                           "unit = null, comparator = 'about', char_start = -1, binding = 'soft'") == {
        ("unit", "not_null"), ("comparator", "accepted_values"), ("char_start", "not_negative"),
        ("binding", "accepted_values")}
    # its relationships, column by column (a row of the scope: with a document of no build it is outside the
    # scope that the relationships to dimensions of the seeds read, and the check of document_id reports it)
    assert _failing_checks(incremental_db, tmp_path / "broken.duckdb", checks_sql,
                           "document_id = 'no such document'") == {("document_id", "relationships")}
    assert _failing_checks(incremental_db, tmp_path / "broken.duckdb", checks_sql,
                           "region_code = '000000', domain_code = 'no_domain', indicator_code = 'no_indicator'") == {
        ("region_code", "relationships"), ("domain_code", "relationships"), ("indicator_code", "relationships")}
    assert _failing_checks(incremental_db, tmp_path / "broken.duckdb", checks_sql,
                           "region_code = null, indicator_code = null") == set()  # null passes, as in dbt's test

    # a model whose rows are each its document's alone re-builds only the documents that changed, one that links
    # the measures of a region re-builds the regions touched (macros/incremental_refresh.sql); the measures and
    # their facts re-build the documents that changed and rank the regions touched again (post-hooks,
    # macros/preference_rank.sql); the equality with the full build below covers all three, zj_2023 (unchanged,
    # in a region touched) included
    assert "status <> 'unchanged'" in _compiled_model(incremental_db, "marts/core/fct_tasks.sql")
    assert "status <> 'unchanged'" in _compiled_model(incremental_db, "marts/core/fct_targets.sql")
    assert "status <> 'unchanged'" in _compiled_model(incremental_db, "intermediate/int_measures_resolved.sql")
    assert "status <> 'unchanged'" not in _compiled_model(incremental_db,
                                                          "intermediate/links/int_targets_outcomes_linked_by_key.sql")
    # and the row-level tests of a model re-built per document read only the documents it re-built
    assert "status <> 'unchanged'" in _compiled_test(incremental_db, "column_checks_fct_tasks")
    assert "status <> 'unchanged'" in _compiled_check(incremental_db, "fct_tasks", "unique")
    # the ranks of unchanged documents' measures did move (so the post-hooks were needed, and did their work)
    before = tmp_path / "published.duckdb"
    before.write_bytes(published)
    assert _preferences_moved(before, incremental_db) > 0

    statuses = _statuses(incremental_db)
    # new: 2 added + the edited one's new text; removed: the deleted one + the edited one's old text;
    # changed: the renamed one and the re-encoded one (their raw rows differ, their document_id does not)
    assert statuses.get("new") == 3 and statuses.get("removed") == 2 and statuses.get("changed") == 2, statuses
    assert statuses.get("unchanged") == len(SAMPLES) - 2 + 2, statuses  # the other samples, zj_2023, no_region
    # zj_2023 is unchanged but shares its region with a new document: re-built; the untouched samples are not
    assert 3 + 2 + 2 + 1 <= statuses["in_scope"] < sum(v for k, v in statuses.items() if k != "in_scope"), statuses
    assert _tables(incremental_db) == _tables(full_db) == tables_before
    assert _differences(incremental_db, full_db) == {}
    assert _catalog(incremental_db) == _catalog(full_db)  # views, comments, macros survived the compaction
    assert published != incremental_db.read_bytes()  # the refresh did change the warehouse


def test_a_refresh_over_raw_parts_gives_the_rows_of_a_build_from_one_load(make_folder, tmp_path, monkeypatch):
    """The raw row tables as parts (a base and deltas, loaders/writing.py): dbt's sources read every part, so a
    warehouse refreshed from a raw set of three parts holds the rows of one built from a load from scratch."""
    monkeypatch.setattr(pipeline, "MAX_DELTA_SHARE", 1.0)  # keep the deltas of so small a folder as deltas
    folder = make_folder({f"samples/{p.name}": p.read_bytes() for p in SAMPLES})
    raw = tmp_path / "raw"
    run_load(folder, raw)
    db = tmp_path / "parts" / "warehouse.duckdb"
    _build(raw, db, incremental=True)
    (folder / "zj_2023.txt").write_text(plan_text("浙江省", 2023, 26), encoding="utf-8")  # delta 1
    (folder / "zj_2024.txt").write_text(plan_text("浙江省", 2024, 25), encoding="utf-8")
    run_load(folder, raw)
    (folder / "zj_2023.txt").write_text(plan_text("浙江省", 2023, 24), encoding="utf-8")  # delta 1 rewritten: 2
    (folder / "js_2023.txt").write_text(plan_text("江苏省", 2023, 33), encoding="utf-8")
    run_load(folder, raw)
    (folder / "ah_2023.txt").write_text(plan_text("安徽省", 2023, 35), encoding="utf-8")  # delta 3
    run_load(folder, raw)
    assert [p.name for p in writing.parts_on_disk(raw, "raw_measures").values()] == [
        "raw_measures.parquet", "raw_measures.2.parquet", "raw_measures.3.parquet"]
    assert _build(raw, db, incremental=True).mode == "incremental"
    fresh_raw = tmp_path / "fresh_raw"
    run_load(folder, fresh_raw, incremental=False)
    full_db = tmp_path / "full" / "warehouse.duckdb"
    _build(fresh_raw, full_db, incremental=False)
    assert _differences(db, full_db, skip=frozenset({"occurred_at"})) == {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from marts.dim_document").fetchone()[0] == len(SAMPLES) + 4
    finally:
        con.close()


def test_a_changed_model_forces_a_full_build(tmp_path):
    """The copy of the published warehouse is reused only when models, seeds, loader and dbt are unchanged."""
    raw = tmp_path / "raw"
    raw.mkdir()
    published = tmp_path / "warehouse.duckdb"
    duckdb.connect(str(published)).close()
    publish._update_record(published, publication={"build_fingerprint": publish.build_fingerprint(raw)})
    assert publish.incremental_start(published, raw) is None
    project = tmp_path / "project"  # the same project with one model edited
    shutil.copytree(ROOT / "models", project / "models")
    project_yml = yaml.safe_load((ROOT / "dbt_project.yml").read_text(encoding="utf-8"))
    for key in ("macro-paths", "seed-paths", "test-paths"):
        for name in project_yml.get(key, []):
            if (ROOT / name).is_dir():
                shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "dbt_project.yml", project)
    shutil.copy(ROOT / "profiles.yml", project)
    assert publish.build_fingerprint(raw, project) == publish.build_fingerprint(raw)
    with next((project / "models").rglob("dim_year.sql")).open("a", encoding="utf-8") as fh:
        fh.write("\n-- edited\n")
    publish._update_record(published, publication={"build_fingerprint": publish.build_fingerprint(raw, project)})
    assert "changed" in publish.incremental_start(published, raw)

"""What analysts see (issue 10) on the sample corpus: coverage, provenance, labels, comments in DuckDB,
read-only queries, exports and the static report in headless Chromium.

The published warehouse of the five sample documents is the session's `sample_build` (tests/conftest.py).
"""

from __future__ import annotations

import csv
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import yaml

from loaders.export import export_marts
from loaders.report.browser import chromium_path, visit
from loaders.report.build import anchor, build_report

ROOT = Path(__file__).resolve().parents[1]
ENVWH = Path(sys.executable).with_name("envwh")
DOC_KINDS = {"annual_plan", "five_year_plan", "work_report", "progress_report", "bulletin",
             "rectification_report", "other"}


@pytest.fixture(scope="module")
def published(sample_build) -> Path:
    return sample_build.db


@pytest.fixture(scope="module")
def con(published: Path):
    connection = duckdb.connect(str(published), read_only=True)
    yield connection
    connection.close()


def rows(con, sql: str, *params) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


# --- comments in DuckDB (persist_docs) -----------------------------------------------------------

def test_every_mart_table_and_column_carries_its_description(con):
    tables = rows(con, "select table_name, comment from duckdb_tables() where schema_name = 'marts'")
    assert len(tables) >= 15
    assert [t for t, comment in tables if not (comment or "").strip()] == []
    columns = rows(con, "select table_name, column_name, comment from duckdb_columns() where schema_name = 'marts'")
    assert [(t, c) for t, c, comment in columns if not (comment or "").strip()] == []
    offsets = dict(((t, c), comment) for t, c, comment in columns)
    assert "0-based" in offsets[("mart_measure_provenance", "char_start")]
    assert "end-exclusive" in offsets[("mart_measure_provenance", "char_end")]


# --- coverage ------------------------------------------------------------------------------------

def test_coverage_has_a_row_for_every_region_year_and_kind(con):
    n_regions = rows(con, "select count(*) from marts.dim_region")[0][0]
    first, last = rows(con, "select min(year), max(year) from marts.dim_document")[0]
    n_rows, n_kinds = rows(con, "select count(*), count(distinct doc_kind) from marts.mart_coverage")[0]
    assert n_kinds == len(DOC_KINDS)
    assert n_rows == n_regions * (last - first + 1) * len(DOC_KINDS)
    # absence is explicit: a region with no document still has its rows, with zero documents
    empty = rows(con, "select count(*), sum(n_documents) from marts.mart_coverage c "
                      "where not exists (select 1 from marts.dim_document d where d.region_code = c.region_code)")[0]
    assert empty[0] > 0 and empty[1] == 0


def test_coverage_lists_every_document_with_its_measures(con):
    documents = rows(con, "select document_id, region_code, year, doc_kind from marts.dim_document "
                          "where region_code is not null and year is not null")
    assert documents
    for document_id, region, year, kind in documents:
        (ids, n_docs), = rows(con, "select document_ids, n_documents from marts.mart_coverage "
                                   "where region_code = ? and year = ? and doc_kind = ?", region, year, kind)
        assert document_id in ids.split(",") and n_docs == len(ids.split(","))
    totals = rows(con, "select sum(n_targets), sum(n_outcomes), sum(n_documents) from marts.mart_coverage")[0]
    expected = rows(con, """
        select (select count(*) from marts.fct_targets t join marts.dim_document d using (document_id)
                where d.region_code is not null and d.year is not null),
               (select count(*) from marts.fct_outcomes o join marts.dim_document d using (document_id)
                where d.region_code is not null and d.year is not null),
               (select count(*) from marts.dim_document where region_code is not null and year is not null)""")[0]
    assert totals == expected
    assert rows(con, "select count(*) from marts.mart_coverage where n_documents = 0 "
                     "and coverage_status <> 'no_document'")[0][0] == 0


# --- provenance ----------------------------------------------------------------------------------

def test_every_number_reads_back_from_the_document_text(con):
    n_measures = rows(con, "select (select count(*) from marts.fct_targets) + (select count(*) from marts.fct_outcomes)")[0][0]
    checked = rows(con, """
        select p.measure_id, p.value_text, p.context_highlighted,
               substring(t.text, p.char_start + 1, p.char_end - p.char_start) as at_offsets
        from marts.mart_measure_provenance p join marts.dim_document_text t using (document_id)""")
    assert len(checked) == n_measures > 300
    for measure_id, value_text, highlighted, at_offsets in checked:
        assert at_offsets == value_text, measure_id
        assert f"【{value_text}】" in highlighted, measure_id
    assert rows(con, "select count(*) from marts.dim_document_text")[0][0] == \
        rows(con, "select count(*) from marts.dim_document")[0][0]


# --- labels --------------------------------------------------------------------------------------

def test_every_code_shown_has_its_labels(con):
    missing_comparators = rows(con, """
        select distinct comparator from (select comparator from marts.fct_targets union all
                                         select comparator from marts.fct_outcomes)
        where comparator not in (select comparator_code from marts.dim_comparator)""")
    assert missing_comparators == []
    units = set(yaml.safe_load((ROOT / "dbt_project.yml").read_text("utf-8"))["vars"]["units"])
    assert units - {u for (u,) in rows(con, "select unit_code from marts.dim_unit")} == set()
    assert {k for (k,) in rows(con, "select doc_kind_code from marts.dim_doc_kind")} == DOC_KINDS
    assert rows(con, "select count(*) from marts.dim_document where doc_kind not in "
                     "(select doc_kind_code from marts.dim_doc_kind)")[0][0] == 0
    for table in ("dim_comparator", "dim_unit", "dim_doc_kind"):
        assert rows(con, f"select count(*) from marts.{table} where name_zh is null or name_en is null")[0][0] == 0


def test_marts_showing_a_region_show_its_english_name(con):
    for table in ("mart_target_attainment", "mart_region_comparison", "mart_coverage"):
        n, named = rows(con, f"select count(*), count(region_name_en) from marts.{table} where region_code is not null")[0]
        assert n > 0 and named == n, table
    for table in ("mart_target_attainment", "mart_region_comparison", "dim_region"):
        n, named = rows(con, f"select count(*), count(province_name_en) from marts.{table} where province_name_zh is not null")[0]
        assert n > 0 and named == n, table
    assert rows(con, "select province_name_en from marts.dim_region where region_code = '320400'") == [("Jiangsu",)]


# --- envwh query: read-only, while a reader holds the file ---------------------------------------

def test_query_runs_while_a_read_only_reader_is_attached(published: Path):
    before = hashlib.sha256(published.read_bytes()).hexdigest()
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); "
         "print('ready', flush=True); time.sleep(120)", str(published)], stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "ready"
        result = subprocess.run([str(ENVWH), "query", "pm25_league_table", "--db", str(published), "--format", "csv"],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        table = list(csv.DictReader(result.stdout.splitlines()))
        assert {r["region_name_zh"] for r in table} >= {"江苏省", "常州市"}
        assert reader.poll() is None  # the reader kept its connection
    finally:
        reader.kill()
        reader.wait()
    assert hashlib.sha256(published.read_bytes()).hexdigest() == before


def test_query_refuses_an_unknown_analysis(published: Path):
    result = subprocess.run([str(ENVWH), "query", "no_such_question", "--db", str(published)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 2 and "pm25_league_table" in result.stderr


# --- envwh export --------------------------------------------------------------------------------

def test_export_writes_every_mart_in_three_formats(published: Path, con, tmp_path: Path):
    from openpyxl import load_workbook

    tables = [t for (t,) in rows(con, "select table_name from duckdb_tables() where schema_name = 'marts'")]
    files = export_marts(published, tmp_path)
    assert {f.name for f in files} == {f"{t}.{fmt}" for t in tables for fmt in ("csv", "parquet", "xlsx")}
    for table in ("dim_region", "fct_targets", "mart_coverage"):
        n = rows(con, f"select count(*) from marts.{table}")[0][0]
        raw = (tmp_path / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
        body = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
        assert len(body) - 1 == n
        assert body[0] == [d[0] for d in con.execute(f"select * from marts.{table} limit 0").description]
        assert pq.read_metadata(tmp_path / f"{table}.parquet").num_rows == n
        sheet = load_workbook(tmp_path / f"{table}.xlsx", read_only=True)[table]
        assert sum(1 for _ in sheet.iter_rows()) - 1 == n
    assert "江苏省" in (tmp_path / "dim_region.csv").read_text("utf-8-sig")


# --- envwh report --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def site(published: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report") / "report"
    build_report(published, out)
    return out


def charted_indicators(con) -> list[str]:
    """The indicators of the comparison mart with at least one figure: those whose page draws bars."""
    return [i for (i,) in rows(con, "select distinct indicator_code from marts.mart_region_comparison where value is not null")]


def test_report_has_a_profile_with_charts_for_every_region_with_data(site: Path, con):
    regions = [r for (r,) in rows(con, "select distinct region_code from marts.dim_document where region_code is not null")]
    assert regions
    for code in regions:
        html = (site / "regions" / f"{code}.html").read_text("utf-8")
        assert "<svg" in html, code
    charted = charted_indicators(con)
    assert charted
    for code in charted:
        assert "<svg" in (site / "indicators" / f"{code}.html").read_text("utf-8"), code
    # an indicator stated only in words (完成国家下达的目标: value null) has its page and its rows, no bars to draw
    for code, value_text in rows(con, """select indicator_code, any_value(value_text) from marts.mart_region_comparison
                                        group by indicator_code having count(value) = 0"""):
        assert value_text in (site / "indicators" / f"{code}.html").read_text("utf-8"), code
    index = (site / "index.html").read_text("utf-8")
    for section in ("map", "coverage", "strictness", "attainment", "focus", "indicators"):
        assert f'id="{section}"' in index


def test_every_number_links_to_its_highlighted_sentence(site: Path, con):
    links = 0
    for page in site.rglob("*.html"):
        for target, fragment in re.findall(r'href="([^"#]*documents/[^"#]+\.html)#([^"]+)"', page.read_text("utf-8")):
            links += 1
            assert f'id="{fragment}"' in (page.parent / target).resolve().read_text("utf-8"), (page, fragment)
    measure_id, doc = rows(con, "select measure_id, document_id from marts.fct_targets limit 1")[0]
    assert f'id="{anchor(measure_id)}"' in (site / "documents" / f"{doc}.html").read_text("utf-8")
    assert links > 100


def test_report_names_no_outside_resource(site: Path):
    for page in [*site.rglob("*.html"), *site.rglob("*.css")]:
        text = page.read_text("utf-8")
        # xmlns names of inline SVG are identifiers, not requests
        outside = re.findall(r'(?:src|href|url)\s*[=(]\s*["\']?(?:https?:)?//', text)
        assert outside == [], page


@pytest.fixture(scope="module")
def browser_ready() -> None:
    if chromium_path() is None:
        pytest.fail("no Chromium: `make chromium` installs it (make test does)")


def test_report_renders_in_headless_chromium_offline(site: Path, con, browser_ready):
    pages = sorted(str(p.relative_to(site)) for p in site.rglob("*.html"))
    visits = visit(site, pages)
    assert len(visits) == len(pages)
    assert [(v.page, v.console_errors) for v in visits if v.console_errors] == []
    assert [(v.page, v.outside_requests) for v in visits if v.outside_requests] == []
    charted = {f"indicators/{code}.html" for code in charted_indicators(con)}
    assert all(v.n_svg > 0 for v in visits if v.page.startswith(("regions/", "index")) or v.page in charted)


def test_the_browser_check_catches_errors_and_requests(tmp_path: Path, browser_ready):
    (tmp_path / "bad.html").write_text(
        '<html><body><img src="http://example.invalid/x.png"><script>console.error("boom")</script></body></html>')
    (visited,) = visit(tmp_path, ["bad.html"])
    assert visited.console_errors and visited.outside_requests

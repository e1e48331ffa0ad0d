"""What the report shows, read from the published warehouse on a read-only connection."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb

MEASURES_SQL = """
select
    p.kind, p.measure_id, p.document_id, p.region_code, p.year, p.indicator_code, p.subject_zh,
    p.value, p.unit, p.value_text, p.char_start, p.char_end, p.context_start, p.context_end, p.context,
    f.comparator, f.is_masked, f.domain_code, f.item_path,
    t.text
from marts.mart_measure_provenance p
join (
    select measure_id, comparator, is_masked, domain_code, item_path from marts.fct_targets
    union all
    select measure_id, comparator, is_masked, domain_code, item_path from marts.fct_outcomes
) f using (measure_id)
join marts.dim_document_text t using (document_id)
order by p.document_id, p.char_start
"""

STRICTNESS_SQL = """
with targets as (
    select * from marts.mart_region_comparison where kind = 'target' and value is not null
)
select
    city.indicator_code, city.year, city.region_code as city_code, province.region_code as province_code,
    city.comparator as city_comparator, city.value as city_value, city.measure_id as city_measure_id,
    city.document_id as city_document_id, province.comparator as province_comparator,
    province.value as province_value, province.measure_id as province_measure_id,
    province.document_id as province_document_id, city.unit, city.better
from targets city
join marts.dim_region r on city.region_code = r.region_code
join targets province
  on r.province_code = province.region_code and city.indicator_code = province.indicator_code
 and city.year = province.year
where city.region_level = 'city'
order by city.indicator_code, city.year, city.region_code
"""


@dataclass
class ReportData:
    regions: dict[str, dict]
    indicators: dict[str, dict]
    domains: dict[str, dict]
    units: dict[str, dict]
    comparators: dict[str, dict]
    doc_kinds: dict[str, dict]
    documents: list[dict]
    measures: list[dict]
    comparison: list[dict]
    attainment: list[dict]
    focus: list[dict]
    coverage: list[dict]
    strictness: list[dict]


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _by(rows: list[dict], key: str) -> dict[str, dict]:
    return {r[key]: r for r in rows}


def read(db_path: Path) -> ReportData:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return ReportData(
            regions=_by(_rows(con, "select * from marts.dim_region"), "region_code"),
            indicators=_by(_rows(con, "select * from marts.dim_indicator"), "indicator_code"),
            domains=_by(_rows(con, "select * from marts.dim_domain"), "domain_code"),
            units=_by(_rows(con, "select * from marts.dim_unit"), "unit_code"),
            comparators=_by(_rows(con, "select * from marts.dim_comparator"), "comparator_code"),
            doc_kinds=_by(_rows(con, "select * from marts.dim_doc_kind"), "doc_kind_code"),
            documents=_rows(con, "select * from marts.dim_document order by region_code, year, document_id"),
            measures=_rows(con, MEASURES_SQL),
            comparison=_rows(con, "select * from marts.mart_region_comparison "
                                  "order by indicator_code, year desc, kind desc, region_level, rank nulls last"),
            attainment=_rows(con, "select * from marts.mart_target_attainment order by region_code, year, attainment_id"),
            focus=_rows(con, "select * from marts.mart_domain_focus order by document_id, share_of_tasks desc"),
            coverage=_rows(con, "select * from marts.mart_coverage where n_documents > 0 "
                                "order by region_code, year, doc_kind"),
            strictness=_rows(con, STRICTNESS_SQL),
        )
    finally:
        con.close()

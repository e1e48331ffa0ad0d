"""python -m loaders.report.screenshots WAREHOUSE DOCS_DIR: the README's screenshots of the report.

The overview, the profile of the province and of the city with the most measures.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import duckdb

from loaders.report.browser import visit
from loaders.report.build import build_report


def busiest_region(db_path: Path, level: str) -> str:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        row = con.execute(
            "select c.region_code from marts.mart_coverage c where c.region_level = ? "
            "group by c.region_code order by sum(c.n_targets + c.n_outcomes) desc, c.region_code limit 1",
            [level]).fetchone()
    finally:
        con.close()
    if row is None:
        raise SystemExit(f"no {level} in {db_path}")
    return row[0]


def main(db_path: Path, docs: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "report"
        build_report(db_path, site)
        shots = {
            "index.html": docs / "report-overview.png",
            f"regions/{busiest_region(db_path, 'province')}.html": docs / "report-province.png",
            f"regions/{busiest_region(db_path, 'city')}.html": docs / "report-city.png",
        }
        for visit_ in visit(site, list(shots), shots):
            print(f"{visit_.page} -> {shots[visit_.page]}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))

"""`envwh query NAME`: run one of the analyst questions of analyses/ on the published warehouse, read-only.

dbt compiles the analyses against a throwaway DuckDB file that carries the published file's name (so the
compiled SQL names the same catalog), in a private temporary folder: the published warehouse is never
opened read-write, so the question runs while BI tools hold it read-only, and they keep reading while it
runs. The compiled SQL then runs on a read-only connection.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import click
import duckdb

from loaders.publish import PROJECT_ROOT, _dbt_executable

ANALYSES_DIR = PROJECT_ROOT / "analyses"


def analysis_names() -> list[str]:
    return sorted(p.stem for p in ANALYSES_DIR.glob("*.sql"))


def compile_analysis(name: str, published: Path) -> str:
    """The SQL of analyses/NAME.sql, compiled without touching the published file."""
    if name not in analysis_names():
        raise click.UsageError(f"no analysis {name!r}; choose one of: {', '.join(analysis_names())}")
    with tempfile.TemporaryDirectory(prefix="envwh-query-") as tmp:
        work = Path(tmp)
        env = {
            **os.environ,
            "ENVWH_DUCKDB_PATH": str(work / published.name),  # same name: same catalog in the compiled SQL
            "ENVWH_RAW_DIR": str(work / "raw"),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DBT_USE_COLORS": "false",
        }
        cmd = [_dbt_executable(), "compile", "--quiet", "--select", f"path:analyses/{name}.sql",
               "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT),
               "--target-path", str(work / "target"), "--log-path", str(work / "logs")]
        result = subprocess.run(cmd, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
        compiled = next((work / "target" / "compiled").rglob(f"analyses/{name}.sql"), None)
        if result.returncode != 0 or compiled is None:
            raise click.ClickException(f"dbt compile failed for {name}:\n{result.stdout}{result.stderr}")
        return compiled.read_text(encoding="utf-8")


def run_sql(sql: str, published: Path) -> tuple[list[str], list[tuple]]:
    con = duckdb.connect(str(published), read_only=True)
    try:
        cursor = con.execute(sql)
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        con.close()


@click.command()
@click.argument("name", required=False)
@click.option("--db", "db_path", default="data/warehouse.duckdb", type=click.Path(path_type=Path), show_default=True,
              help="The published warehouse (opened read-only).")
@click.option("--list", "list_only", is_flag=True, help="List the questions of analyses/.")
@click.option("--sql", "show_sql", is_flag=True, help="Print the compiled SQL instead of running it.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True)
def query(name: str | None, db_path: Path, list_only: bool, show_sql: bool, fmt: str) -> None:
    """Run the analyst question analyses/NAME.sql on the published warehouse, read-only.

    Never opens the warehouse read-write: it runs while BI tools are connected.
    """
    if list_only or not name:
        for n in analysis_names():
            first = (ANALYSES_DIR / f"{n}.sql").read_text(encoding="utf-8").splitlines()[0].lstrip("- ")
            click.echo(f"{n:<40} {first}")
        return
    sql = compile_analysis(name, db_path)
    if show_sql:
        click.echo(sql)
        return
    if not db_path.exists():
        raise click.UsageError(f"no warehouse at {db_path} (run `envwh refresh FOLDER` first)")
    columns, rows = run_sql(sql, db_path)
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
        return
    con = duckdb.connect()  # an in-memory connection only to print the rows as a table
    try:
        import pyarrow as pa

        table = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})
        con.from_arrow(table).show(max_rows=10_000, max_width=10_000)
    finally:
        con.close()

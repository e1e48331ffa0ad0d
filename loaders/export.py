"""`envwh export`: every table of the schema marts to CSV (UTF-8 with BOM), Parquet and XLSX.

Reads the published warehouse read-only. CSV carries a byte-order mark so that Excel opens Chinese
text correctly; XLSX (openpyxl) puts each table on its own workbook, with the column descriptions of
the warehouse on a second sheet.
"""

from __future__ import annotations

from pathlib import Path

import click
import duckdb

FORMATS = ("csv", "parquet", "xlsx")
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name").fetchall()]


def column_comments(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[str, str, str]]:
    return con.execute(
        "select column_name, data_type, coalesce(comment, '') from duckdb_columns() "
        "where schema_name = 'marts' and table_name = ? order by column_index", [table]).fetchall()


def _write_xlsx(con: duckdb.DuckDBPyConnection, table: str, path: Path) -> None:
    from openpyxl import Workbook

    cursor = con.execute(f'select * from marts."{table}"')
    columns = [d[0] for d in cursor.description]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(table[:31])
    sheet.append(columns)
    written = 0
    while batch := cursor.fetchmany(10_000):
        for row in batch:
            if written >= XLSX_MAX_ROWS:
                raise click.ClickException(f"{table} has more rows than an Excel sheet holds; use csv or parquet")
            sheet.append([_cell(v) for v in row])
            written += 1
    about = book.create_sheet("columns")
    about.append(["column", "type", "description"])
    for row in column_comments(con, table):
        about.append(list(row))
    book.save(path)


def _cell(value: object) -> object:
    """openpyxl takes numbers, strings, dates and booleans; lists and other types go in as text."""
    if value is None or isinstance(value, (int, float, str, bool)):
        return value
    if hasattr(value, "isoformat"):
        return value
    return str(value)


def export_marts(db_path: Path, out_dir: Path, formats: tuple[str, ...] = FORMATS,
                 tables: tuple[str, ...] = ()) -> list[Path]:
    """Write the chosen marts tables in the chosen formats; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(db_path), read_only=True)
    written = []
    try:
        names = mart_tables(con)
        unknown = sorted(set(tables) - set(names))
        if unknown:
            raise click.UsageError(f"no such table in marts: {', '.join(unknown)}")
        for table in tables or names:
            for fmt in formats:
                path = out_dir / f"{table}.{fmt}"
                quoted = str(path).replace("'", "''")
                if fmt == "csv":
                    tmp = path.with_suffix(".csv.tmp")
                    con.execute(f"copy marts.\"{table}\" to '{str(tmp).replace(chr(39), chr(39) * 2)}' "
                                "(header, delimiter ',')")
                    with open(path, "wb") as out, open(tmp, "rb") as body:
                        out.write("\ufeff".encode())  # the BOM Excel needs to read UTF-8
                        while chunk := body.read(1 << 20):
                            out.write(chunk)
                    tmp.unlink()
                elif fmt == "parquet":
                    con.execute(f"copy marts.\"{table}\" to '{quoted}' (format parquet)")
                else:
                    _write_xlsx(con, table, path)
                written.append(path)
    finally:
        con.close()
    return written


@click.command()
@click.option("--db", "db_path", default="data/warehouse.duckdb", type=click.Path(path_type=Path), show_default=True,
              help="The published warehouse (opened read-only).")
@click.option("--out", "out_dir", default="data/export", type=click.Path(path_type=Path), show_default=True,
              help="Folder to write the files to.")
@click.option("--format", "formats", type=click.Choice(FORMATS), multiple=True,
              help="csv, parquet or xlsx; repeat for several  [default: all three]")
@click.option("--table", "tables", multiple=True, help="A table of marts to export; repeat for several  [default: all]")
def export(db_path: Path, out_dir: Path, formats: tuple[str, ...], tables: tuple[str, ...]) -> None:
    """Export the marts to CSV (UTF-8 with BOM, for Excel), Parquet and XLSX, read-only."""
    if not db_path.exists():
        raise click.UsageError(f"no warehouse at {db_path} (run `envwh refresh FOLDER` first)")
    files = export_marts(db_path, out_dir, formats or FORMATS, tables)
    click.echo(f"export: {len(files)} files -> {out_dir}")

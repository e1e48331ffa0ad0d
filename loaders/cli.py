"""Command line: envwh load | build | refresh | evaluate.

MINIMAL: to be completed by the operations helper.
"""

from __future__ import annotations

from pathlib import Path

import click

from loaders.pipeline import iter_documents, process_document
from loaders.writing import write_table


@click.group()
def main() -> None:
    """Environmental-policy warehouse: documents -> Parquet -> DuckDB."""


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out_dir", default="data/raw", type=click.Path(path_type=Path), show_default=True)
def load(folder: Path, out_dir: Path) -> None:
    """Parse every document of FOLDER into raw Parquet files in --out."""
    tables: dict[str, list[dict]] = {"raw_documents": [], "raw_items": [], "raw_measures": [], "raw_load_errors": []}
    for path, name in iter_documents(folder):
        res = process_document(path.read_bytes(), name)
        if res.document:
            tables["raw_documents"].append(res.document)
        tables["raw_items"] += res.items
        tables["raw_measures"] += res.measures
        tables["raw_load_errors"] += res.errors
    for table, rows in tables.items():
        write_table(rows, table, out_dir)
    click.echo(f"documents: {len(tables['raw_documents'])}, measures: {len(tables['raw_measures'])}, errors: {len(tables['raw_load_errors'])}")

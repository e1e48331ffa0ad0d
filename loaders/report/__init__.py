"""`envwh report`: a static, offline HTML site built from the published warehouse (read-only)."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--db", "db_path", default="data/warehouse.duckdb", type=click.Path(path_type=Path), show_default=True,
              help="The published warehouse (opened read-only).")
@click.option("--out", "out_dir", default="data/report", type=click.Path(path_type=Path), show_default=True,
              help="Folder to write the site to (replaced).")
def report(db_path: Path, out_dir: Path) -> None:
    """Build the static report: overview, map, league tables, attainment, domain focus, region profiles.

    Open OUT/index.html in any browser; it needs no network and no server.
    """
    from loaders.report.build import build_report

    if not db_path.exists():
        raise click.UsageError(f"no warehouse at {db_path} (run `envwh refresh FOLDER` first)")
    pages = build_report(db_path, out_dir)
    click.echo(f"report: {len(pages)} pages -> {out_dir / 'index.html'}")

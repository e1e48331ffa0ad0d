"""Command line: envwh load | build | refresh | status | evaluate.

Exit codes (the same for every command, so a scheduler can act on them):
  0  success (warnings such as a missing region or a duplicate file do not count as failures)
  1  the load completed but some files could not be loaded (see raw_load_errors); a refresh still
     publishes the warehouse built from the files that loaded
  2  usage error: bad option, missing folder, an input folder with no files
  3  dbt build or its tests failed: the published warehouse was left untouched
  4  another load, build or refresh holds the lock
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import click
import duckdb
from tqdm import tqdm

from loaders import publish
from loaders.pipeline import (
    DEFAULT_MAX_BYTES,
    LOADER_VERSION,
    LoadOptions,
    LoadSummary,
    iter_documents,
    load_folder,
)
from loaders.writing import Locked

EXIT_OK, EXIT_FILES_FAILED, EXIT_USAGE, EXIT_BUILD_FAILED, EXIT_LOCKED = 0, 1, 2, 3, 4

FolderArg = click.Path(exists=True, file_okay=False, path_type=Path)
PathOpt = click.Path(path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Environmental-policy warehouse: documents -> raw Parquet -> DuckDB (dbt).

    \b
    Exit codes: 0 ok, 1 some files failed to load, 2 usage error,
                3 build or tests failed (published warehouse untouched), 4 locked.
    """
    # a scheduler stops jobs with SIGTERM: unwind like Ctrl-C so temp files and dbt are cleaned up
    signal.signal(signal.SIGTERM, _stop)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _quiet_option(f: Callable) -> Callable:
    return click.option("-q", "--quiet", is_flag=True, help="No progress bars and no warnings; errors and the summary only.")(f)


def _load_options(f: Callable) -> Callable:
    for opt in reversed([
        click.option("--raw-dir", "--out", "raw_dir", default=None, type=PathOpt,
                     help="Folder of the raw Parquet tables  [default: DATA_DIR/raw]"),
        click.option("--workers", default=os.cpu_count() or 1, type=click.IntRange(1), show_default=True,
                     help="Worker processes parsing documents."),
        click.option("--max-bytes", default=DEFAULT_MAX_BYTES, type=click.IntRange(1), show_default=True,
                     help="Files larger than this are not loaded (reported as too_large)."),
        click.option("--full", is_flag=True, help="Parse every file again instead of reusing rows of unchanged files."),
        click.option("--allow-empty", is_flag=True, help="Accept an input folder with no files (empties the raw tables)."),
    ]):
        f = opt(f)
    return f


def _data_options(f: Callable) -> Callable:
    """--data-dir, and --db for the published file; --raw-dir comes with the load options or raw_dir_option."""
    f = click.option("--db", "db_path", default=None, type=PathOpt,
                     help="The published warehouse file  [default: DATA_DIR/warehouse.duckdb]")(f)
    return click.option("--data-dir", default="data", type=PathOpt, show_default=True,
                        help="Folder holding raw/ and warehouse.duckdb.")(f)


def _raw_dir_option(f: Callable) -> Callable:
    return click.option("--raw-dir", default=None, type=PathOpt,
                        help="Folder of the raw Parquet tables  [default: DATA_DIR/raw]")(f)


def _paths(data_dir: Path, raw_dir: Path | None, db_path: Path | None = None) -> tuple[Path, Path]:
    return raw_dir or data_dir / "raw", db_path or data_dir / "warehouse.duckdb"


def _progress(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


MAX_MESSAGES_PER_REASON = 20  # a systematic problem should not bury the log under 10,000 copies


def _reporter(quiet: bool) -> Callable[[dict], None]:
    seen: dict[str, int] = {}

    def report(error: dict) -> None:
        if error["severity"] != "error" and quiet:
            return
        n = seen[error["reason"]] = seen.get(error["reason"], 0) + 1
        if n <= MAX_MESSAGES_PER_REASON:
            tqdm.write(f"{error['severity']}: {error['message']} [{error['reason']}]", file=sys.stderr)
        if n == MAX_MESSAGES_PER_REASON:
            tqdm.write(f"{error['severity']}: further [{error['reason']}] messages are only in raw_load_errors",
                       file=sys.stderr)

    return report


def _run_load(folder: Path, raw_dir: Path, workers: int, max_bytes: int, full: bool, allow_empty: bool,
              quiet: bool, engine: str = "local") -> LoadSummary:
    if not allow_empty and next(iter_documents(folder, exclude=raw_dir), None) is None:
        raise click.UsageError(f"{folder} holds no documents; refusing to replace the raw tables with empty ones "
                               "(pass --allow-empty if that is what you want)")
    options = LoadOptions(workers=workers, max_bytes=max_bytes, incremental=not full, progress=_progress(quiet))
    parse = None
    if engine == "spark":  # documents parsed by a Spark job; the folder-level steps stay here
        from loaders.spark_load import spark_results

        parse = spark_results(folder)
    summary = load_folder(folder, raw_dir, options, report=_reporter(quiet), parse=parse)
    click.echo(f"load: {summary.line()}")
    return summary


def _run_publish(raw_dir: Path, db_path: Path, quiet: bool) -> int:
    def builder(target: Path, raw: Path) -> publish.BuildOutcome:
        return publish.dbt_build(target, raw, progress=_progress(quiet))

    result = publish.build_and_publish(raw_dir, db_path, builder)
    if not result.ok:
        click.echo(f"build: FAILED, {result.reason}; the published warehouse {result.published} was left untouched",
                   err=True)
        for line in result.outcome.error_lines:
            click.echo(f"  {line}", err=True)
        return EXIT_BUILD_FAILED
    click.echo(f"build: published {result.published} ({result.outcome.summary or 'ok'})")
    return EXIT_OK


@main.command()
@click.argument("folder", type=FolderArg)
@_load_options
@click.option("--data-dir", default="data", type=PathOpt, show_default=True, help="Folder holding raw/.")
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Parse on local worker processes, or as a Spark job (ENVWH_SPARK_MASTER, default local[2]; "
                   "README \"Scaling out\"). The raw tables are the same.")
@_quiet_option
@click.pass_context
def load(ctx: click.Context, folder: Path, raw_dir: Path | None, workers: int, max_bytes: int, full: bool,
         allow_empty: bool, data_dir: Path, engine: str, quiet: bool) -> None:
    """Parse every document of FOLDER into the raw Parquet tables.

    Unchanged files reuse their previous rows; files no longer in FOLDER lose theirs (the raw
    tables mirror the folder). Bad files land in raw_load_errors and never stop the others.
    """
    raw_dir, _ = _paths(data_dir, raw_dir)
    try:
        summary = _run_load(folder, raw_dir, workers, max_bytes, full, allow_empty, quiet, engine)
    except Locked as exc:
        click.echo(f"load: {exc}", err=True)
        ctx.exit(EXIT_LOCKED)
    ctx.exit(EXIT_FILES_FAILED if summary.failed else EXIT_OK)


@main.command()
@_raw_dir_option
@_data_options
@_quiet_option
@click.pass_context
def build(ctx: click.Context, raw_dir: Path | None, data_dir: Path, db_path: Path | None, quiet: bool) -> None:
    """Build and test the warehouse from the raw Parquet, then publish it atomically.

    dbt builds into a new file beside --db; only if every model and test passes does it replace
    --db. Readers holding the old file keep it; a failure leaves --db untouched (exit 3).
    """
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)
    if not (raw_dir / "raw_documents.parquet").exists():
        raise click.UsageError(f"{raw_dir} holds no raw tables: run `envwh load FOLDER` first")
    try:
        with publish.warehouse_lock(db_path.resolve()):
            code = _run_publish(raw_dir, db_path, quiet)
    except Locked as exc:
        click.echo(f"build: {exc}", err=True)
        code = EXIT_LOCKED
    ctx.exit(code)


@main.command()
@click.argument("folder", type=FolderArg)
@_load_options
@_data_options
@_quiet_option
@click.pass_context
def refresh(ctx: click.Context, folder: Path, raw_dir: Path | None, workers: int, max_bytes: int, full: bool,
            allow_empty: bool, data_dir: Path, db_path: Path | None, quiet: bool) -> None:
    """Load FOLDER, build and test a new warehouse, and swap it in only if everything passed.

    The job to schedule. Exit 0 ok, 1 published but some files failed to load,
    3 build or tests failed (published warehouse untouched), 4 another refresh is running.
    """
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)
    try:
        with publish.warehouse_lock(db_path.resolve()):
            summary = _run_load(folder, raw_dir, workers, max_bytes, full, allow_empty, quiet)
            code = _run_publish(raw_dir, db_path, quiet)
    except Locked as exc:
        click.echo(f"refresh: {exc}", err=True)
        ctx.exit(EXIT_LOCKED)
    ctx.exit(code or (EXIT_FILES_FAILED if summary.failed else EXIT_OK))


@main.command()
@_raw_dir_option
@_data_options
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status(ctx: click.Context, raw_dir: Path | None, data_dir: Path, db_path: Path | None, as_json: bool) -> None:
    """What is published, when, and how many rows each table holds.

    Exit 1 if nothing is published or the published file cannot be opened read-only.
    """
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)
    info: dict = {"warehouse": str(db_path), "published": db_path.exists()}
    if db_path.exists():
        stat = db_path.stat()
        info["modified_at"] = datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(timespec="seconds")
        info["size_bytes"] = stat.st_size
        info.update(publish.read_record(db_path))
        try:
            info["tables"] = {f"{s}.{t}": n for s, t, n in publish.published_tables(db_path)}
        except duckdb.Error as exc:  # e.g. written by another DuckDB version, or held read-write elsewhere
            info["tables"], info["unreadable"] = {}, str(exc).splitlines()[0]
    info["raw_dir"] = str(raw_dir)
    info["raw_rows"] = publish.raw_counts(raw_dir) if raw_dir.exists() else {}
    raw_version = publish.raw_loader_version(raw_dir) if raw_dir.exists() else None
    info["raw_loader_version"] = raw_version
    info["current_loader_version"] = LOADER_VERSION
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        if info["published"]:
            pub = info.get("publication", {})
            dbt_summary = f"; {pub['dbt']}" if pub.get("dbt") else ""
            click.echo(f"published: {db_path} ({info['size_bytes'] / 1e6:.1f} MB, "
                       f"published {pub.get('published_at', info['modified_at'])}{dbt_summary})")
            if "unreadable" in info:
                click.echo(f"  cannot be opened read-only: {info['unreadable']}")
            for name, n in info["tables"].items():
                if name.startswith("marts."):
                    click.echo(f"  {name:<40} {n:>10} rows")
        else:
            click.echo(f"published: nothing at {db_path} (run `envwh refresh FOLDER`)")
        if failure := info.get("last_failure"):
            click.echo(f"last build FAILED at {failure['failed_at']}: {failure['reason']}")
            for line in failure["error_lines"]:
                click.echo(f"  {line}")
        rows = ", ".join(f"{t} {n}" for t, n in info["raw_rows"].items()) or "none"
        stale = "" if raw_version in (None, LOADER_VERSION) else " (written by another loader version: next load re-parses)"
        click.echo(f"raw: {raw_dir}: {rows}; loader {raw_version}{stale}")
    ctx.exit(EXIT_OK if info["published"] and "unreadable" not in info else EXIT_FILES_FAILED)


# `evaluate` lives in its own module; register it when present (import errors inside it still surface).
if importlib.util.find_spec("loaders.evaluate") is not None:
    from loaders.evaluate import evaluate

    main.add_command(evaluate)
    from loaders.evaluate_corpus import evaluate_corpus

    main.add_command(evaluate_corpus)


if __name__ == "__main__":
    main()

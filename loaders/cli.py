"""Command line: envwh load | build | refresh | status | evaluate.

Exit codes (the same for every command, so a scheduler can act on them; docs/operations.md):
  0  success (warnings such as a missing region or a duplicate file do not count as failures)
  1  published, but some files could not be loaded (see raw_load_errors): the new raw tables
     (load) or the warehouse built from the files that loaded (build, refresh) replaced the old
  2  usage error: bad option, missing folder, an input folder with no files
  3  dbt build or its tests failed
  4  another load, build or refresh holds the lock
  5  refused: the documents would shrink by more than --max-shrink (--allow-shrink to accept)
  6  refused: a client holds the published warehouse read-write
  7  disk full
  8  the raw tables are torn (a load was killed between its renames): load again
  9  another operating-system error (permissions, read-only file system, ...)
  10 an internal error (a bug: the traceback is printed)
Every code but 0 and 1 leaves the published warehouse untouched; every run of load, build and
refresh is recorded for `envwh status` (last run, outcome, reason).
"""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import re
import signal
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import click
import duckdb
from tqdm import tqdm

from loaders import publish
from loaders.faults import fault_point
from loaders.pipeline import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_SHRINK,
    LOADER_VERSION,
    LoadOptions,
    LoadSummary,
    ShrinkRefused,
    has_documents,
    load_folder,
)
from loaders.writing import Locked, raw_set_problem

EXIT_OK, EXIT_FILES_FAILED, EXIT_USAGE, EXIT_BUILD_FAILED, EXIT_LOCKED = 0, 1, 2, 3, 4
EXIT_SHRINK, EXIT_WRITER_ATTACHED, EXIT_DISK_FULL, EXIT_RAW_TORN, EXIT_IO, EXIT_INTERNAL = 5, 6, 7, 8, 9, 10
_PUBLISH_FAILURES = {"writer_attached": EXIT_WRITER_ATTACHED, "disk_full": EXIT_DISK_FULL}

FolderArg = click.Path(exists=True, file_okay=False, path_type=Path)
PathOpt = click.Path(path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Environmental-policy warehouse: documents -> raw Parquet -> DuckDB (dbt).

    \b
    Exit codes: 0 ok, 1 published but some files failed to load, 2 usage error,
                3 build or tests failed, 4 locked, 5 documents would shrink,
                6 a client holds the warehouse read-write, 7 disk full,
                8 raw tables torn, 9 other OS error, 10 internal error.
                Every code but 0 and 1 leaves the published warehouse untouched.
    """
    # a scheduler stops jobs with SIGTERM: unwind like Ctrl-C so temp files and dbt are cleaned up
    signal.signal(signal.SIGTERM, _stop)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """One log line whatever it quotes: control characters of file names become escapes (\\n, \\x1b)."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], text)


def say(text: str, err: bool = False) -> None:
    (tqdm.write if err else click.echo)(printable(text), file=sys.stderr if err else sys.stdout)


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
        click.option("--full", is_flag=True, help="Parse every file again instead of reusing rows of unchanged files "
                     "(refresh: and re-build every model, not only what changed documents move)."),
        click.option("--allow-empty", is_flag=True, help="Accept an input folder with no files (empties the raw tables)."),
        click.option("--follow-symlinks", is_flag=True,
                     help="Read symbolic links to files outside FOLDER (by default they are reported, not read)."),
        click.option("--ocr", is_flag=True,
                     help="Read scanned PDF pages (no text layer) with tesseract's chi_sim model (`make ocr`); "
                          "without it they give needs_ocr. Figures read so carry the rule `ocr`."),
    ]):
        f = opt(f)
    return f


def _data_options(f: Callable) -> Callable:
    """--data-dir, and --db for the published file; --raw-dir comes with the load options or raw_dir_option."""
    f = click.option("--db", "db_path", default=None, type=PathOpt,
                     help="The published warehouse file  [default: DATA_DIR/warehouse.duckdb]")(f)
    return click.option("--data-dir", default="data", type=PathOpt, show_default=True,
                        help="Folder holding raw/ and warehouse.duckdb.")(f)


def _shrink_options(f: Callable) -> Callable:
    f = click.option("--max-shrink", default=DEFAULT_MAX_SHRINK, type=click.FloatRange(0, 1), show_default=True,
                     help="Refuse (exit 5) when the documents would drop by more than this share, or to 0.")(f)
    return click.option("--allow-shrink", is_flag=True, help="Accept any drop in the number of documents.")(f)


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
            say(f"{error['severity']}: {error['message']} [{error['reason']}]", err=True)
        if n == MAX_MESSAGES_PER_REASON:
            say(f"{error['severity']}: further [{error['reason']}] messages are only in raw_load_errors", err=True)

    return report


def _run_load(folder: Path, raw_dir: Path, workers: int, max_bytes: int, full: bool, allow_empty: bool,
              quiet: bool, max_shrink: float | None = None, follow_symlinks: bool = False,
              engine: str = "local", ocr: bool = False) -> LoadSummary:
    if not has_documents(folder, exclude=raw_dir):
        if not allow_empty:
            raise click.UsageError(f"{folder} holds no documents; refusing to replace the raw tables with empty "
                                   "ones (pass --allow-empty if that is what you want)")
        max_shrink = None  # emptying the raw tables is what --allow-empty asked for
    options = LoadOptions(workers=workers, max_bytes=max_bytes, incremental=not full, progress=_progress(quiet),
                          max_shrink=max_shrink, follow_symlinks=follow_symlinks, ocr=ocr)
    parse = None
    if engine == "spark":  # documents parsed by a Spark job; the folder-level steps stay here
        from loaders.spark_load import spark_results

        parse = spark_results(folder)
    summary = load_folder(folder, raw_dir, options, report=_reporter(quiet), parse=parse)
    if summary.repaired:
        say(f"load: the previous raw tables were not reusable ({summary.repaired}); every file was parsed again",
            err=True)
    say(f"load: {summary.line()}")
    return summary


class PublishFailed(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code = code


def _run_publish(raw_dir: Path, db_path: Path, quiet: bool, max_shrink: float | None = None,
                 full: bool = False) -> None:
    def builder(target: Path, raw: Path, **options) -> publish.BuildOutcome:
        return publish.dbt_build(target, raw, progress=_progress(quiet), **options)

    builder.incremental = getattr(publish.dbt_build, "incremental", False)  # type: ignore[attr-defined]
    result = publish.build_and_publish(raw_dir, db_path, builder, max_shrink, incremental=not full)
    if not result.ok:
        say(f"build: FAILED, {result.reason}; the published warehouse {result.published} was left untouched", err=True)
        for line in result.outcome.error_lines:
            say(f"  {line}", err=True)
        raise PublishFailed(_PUBLISH_FAILURES.get(result.kind, EXIT_BUILD_FAILED), result.reason)
    say(f"build: published {result.published} ({result.mode}; {result.outcome.summary or 'ok'})")
    if (c := result.compaction) and "error" in c:
        say(f"build: warning: could not compact the warehouse ({c['error']}); published it uncompacted", err=True)
    elif c:
        say(f"build: compacted ({c['free_share']:.0%} free): {c['size_before'] / 1e6:.1f} MB -> "
            f"{c['size_after'] / 1e6:.1f} MB")


def _failure(exc: BaseException) -> tuple[int, str]:
    """Exit code and a one-line reason for what stopped a writing command."""
    if isinstance(exc, PublishFailed):
        return exc.code, str(exc)
    if isinstance(exc, Locked):
        return EXIT_LOCKED, str(exc)
    if isinstance(exc, ShrinkRefused):
        return EXIT_SHRINK, str(exc)
    if isinstance(exc, publish.RawSetTorn):
        return EXIT_RAW_TORN, str(exc)
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return EXIT_DISK_FULL, f"disk full ({exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''})"
    if isinstance(exc, OSError):
        return EXIT_IO, f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}"
    return EXIT_INTERNAL, f"internal error: {type(exc).__name__}: {exc} (a bug; please report it with the traceback)"


def _writing_run(ctx: click.Context, command: str, db_path: Path, run: Callable[[], int]) -> None:
    """Run a writing command under the one warehouse lock; map every failure to its exit code and record it.

    load, build and refresh all take DATA_DIR/.warehouse.duckdb.lock, so none of them can change the
    raw tables or the warehouse while another runs.
    """
    started = datetime.now(UTC).isoformat(timespec="seconds")
    code, reason = EXIT_INTERNAL, "stopped"
    try:
        with publish.warehouse_lock(db_path.resolve()):
            fault_point("locked")
            code = run()
            reason = "" if code == EXIT_OK else "published; some input files could not be loaded (raw_load_errors)"
    except click.ClickException:
        raise
    except (SystemExit, KeyboardInterrupt) as stop:  # SIGTERM (see _stop) or Ctrl-C: cleaned on the way out
        code = int(stop.code or 1) if isinstance(stop, SystemExit) else 128 + signal.SIGINT
        _record(db_path, command, started, code, "stopped by a signal")
        raise
    except Exception as exc:
        code, reason = _failure(exc)
        if code == EXIT_INTERNAL:
            traceback.print_exc()
        if not isinstance(exc, PublishFailed):
            say(f"{command}: FAILED, {reason}; the published warehouse was left untouched", err=True)
    if code != EXIT_LOCKED:  # the run that holds the lock records its own outcome
        _record(db_path, command, started, code, reason)
    ctx.exit(code)


def _record(db_path: Path, command: str, started: str, code: int, reason: str) -> None:
    outcome = {EXIT_OK: "ok", EXIT_FILES_FAILED: "published, some files failed"}.get(code, "FAILED")
    try:
        publish.record_run(db_path.resolve(), command, started, code, outcome, reason)
    except OSError as exc:  # e.g. the disk is still full: say so, the exit code stands
        say(f"{command}: could not record the run for `envwh status`: {exc}", err=True)


@main.command()
@click.argument("folder", type=FolderArg)
@_load_options
@_shrink_options
@_data_options
@click.option("--engine", type=click.Choice(["local", "spark"]), default="local", show_default=True,
              help="Parse on local worker processes, or as a Spark job (ENVWH_SPARK_MASTER, default local[2]; "
                   "README \"Scaling out\"). The raw tables are the same.")
@_quiet_option
@click.pass_context
def load(ctx: click.Context, folder: Path, raw_dir: Path | None, workers: int, max_bytes: int, full: bool,
         allow_empty: bool, follow_symlinks: bool, ocr: bool, max_shrink: float, allow_shrink: bool, data_dir: Path,
         db_path: Path | None, engine: str, quiet: bool) -> None:
    """Parse every document of FOLDER into the raw Parquet tables.

    Unchanged files reuse their previous rows; files no longer in FOLDER lose theirs (the raw
    tables mirror the folder). Bad files land in raw_load_errors and never stop the others.
    Holds the warehouse lock (beside --db; with only --raw-dir R, beside R), like build and refresh.
    """
    if raw_dir is not None and ctx.get_parameter_source("data_dir") is click.core.ParameterSource.DEFAULT:
        data_dir = raw_dir.parent  # `load --raw-dir R` locks and records beside R, not in ./data
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)

    def run() -> int:
        summary = _run_load(folder, raw_dir, workers, max_bytes, full, allow_empty, quiet,
                            None if allow_shrink else max_shrink, follow_symlinks, engine, ocr)
        return EXIT_FILES_FAILED if summary.failed else EXIT_OK

    _writing_run(ctx, "load", db_path, run)


_FULL_BUILD = click.option("--full", is_flag=True,
                           help="Re-build every model from scratch instead of starting from a copy of the "
                                "published warehouse and re-building what changed documents can move.")


@main.command()
@_raw_dir_option
@_shrink_options
@_data_options
@_quiet_option
@_FULL_BUILD
@click.pass_context
def build(ctx: click.Context, raw_dir: Path | None, max_shrink: float, allow_shrink: bool, data_dir: Path,
          db_path: Path | None, quiet: bool, full: bool) -> None:
    """Build and test the warehouse from the raw Parquet, then publish it atomically.

    dbt builds into a new file beside --db; only if every model and test passes does it replace
    --db. Readers holding the old file keep it; a failure leaves --db untouched (exit 3).
    """
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)
    if not (raw_dir / "raw_documents.parquet").exists():
        raise click.UsageError(f"{raw_dir} holds no raw tables: run `envwh load FOLDER` first")

    def run() -> int:
        _run_publish(raw_dir, db_path, quiet, None if allow_shrink else max_shrink, full)
        return EXIT_OK

    _writing_run(ctx, "build", db_path, run)


@main.command()
@click.argument("folder", type=FolderArg)
@_load_options
@_shrink_options
@_data_options
@_quiet_option
@click.pass_context
def refresh(ctx: click.Context, folder: Path, raw_dir: Path | None, workers: int, max_bytes: int, full: bool,
            allow_empty: bool, follow_symlinks: bool, ocr: bool, max_shrink: float, allow_shrink: bool, data_dir: Path,
            db_path: Path | None, quiet: bool) -> None:
    """Load FOLDER, build and test a new warehouse, and swap it in only if everything passed.

    The job to schedule. Exit 0 ok, 1 published but some files failed to load; any other code
    leaves the published warehouse untouched (see `envwh --help`).
    """
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)
    shrink = None if allow_shrink else max_shrink

    def run() -> int:
        summary = _run_load(folder, raw_dir, workers, max_bytes, full, allow_empty, quiet, shrink, follow_symlinks,
                            ocr=ocr)
        _run_publish(raw_dir, db_path, quiet, None if summary.files == 0 else shrink, full)  # --allow-empty: meant
        return EXIT_FILES_FAILED if summary.failed else EXIT_OK

    _writing_run(ctx, "refresh", db_path, run)


@main.command()
@_raw_dir_option
@_data_options
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
@click.pass_context
def status(ctx: click.Context, raw_dir: Path | None, data_dir: Path, db_path: Path | None, as_json: bool) -> None:
    """What is published, when, and how many rows each table holds.

    Works while a client holds the warehouse read-write (it says so, and shows the row counts
    recorded at publication). Exit 1 if nothing is published or the file cannot be opened.
    """
    raw_dir, db_path = _paths(data_dir, raw_dir, db_path)
    info: dict = {"warehouse": str(db_path), "published": db_path.exists(), **publish.read_record(db_path)}
    if db_path.exists():
        stat = db_path.stat()
        info["modified_at"] = datetime.fromtimestamp(stat.st_mtime, UTC).isoformat(timespec="seconds")
        info["size_bytes"] = stat.st_size
        try:
            info["tables"] = publish.table_counts(db_path)
        except duckdb.Error as exc:  # held read-write elsewhere, or written by another DuckDB version
            message = str(exc).splitlines()[0]
            if isinstance(exc, duckdb.IOException) and "lock" in message.lower():
                info["writer_attached"] = message
                info["tables"] = info.get("publication", {}).get("tables", {})
            else:
                info["tables"], info["unreadable"] = {}, message
    info["raw_dir"] = str(raw_dir)
    info["raw_rows"] = publish.raw_counts(raw_dir) if raw_dir.exists() else {}
    raw_version = publish.raw_loader_version(raw_dir) if raw_dir.exists() else None
    if (raw_dir / "raw_documents.parquet").exists():
        info["raw_problem"] = raw_set_problem(raw_dir)
    info["raw_loader_version"] = raw_version
    info["current_loader_version"] = LOADER_VERSION
    if as_json:
        click.echo(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        if info["published"]:
            pub = info.get("publication", {})
            dbt_summary = f"; {pub['dbt']}" if pub.get("dbt") else ""
            say(f"published: {db_path} ({info['size_bytes'] / 1e6:.1f} MB, "
                f"published {pub.get('published_at', info['modified_at'])}{dbt_summary})")
            if "unreadable" in info:
                say(f"  cannot be opened read-only: {info['unreadable']}")
            if "writer_attached" in info:
                say("  WARNING: a client holds it read-write, so readers are refused and the next build will "
                    "refuse to publish (exit 6) until it closes; its writes will be lost. Row counts as published. "
                    f"({info['writer_attached']})")
            for name, n in info["tables"].items():
                if name.startswith("marts."):
                    say(f"  {name:<40} {n:>10} rows")
        else:
            say(f"published: nothing at {db_path} (run `envwh refresh FOLDER`)")
        if run := info.get("last_run"):
            why = f": {run['reason']}" if run.get("reason") else ""
            say(f"last run: {run['command']} at {run['finished_at']}: {run['outcome']} (exit {run['exit_code']}){why}")
        if failure := info.get("last_failure"):
            say(f"last build FAILED at {failure['failed_at']}: {failure['reason']}")
            for line in failure["error_lines"]:
                say(f"  {line}")
        rows = ", ".join(f"{t} {n}" for t, n in info["raw_rows"].items()) or "none"
        stale = "" if raw_version in (None, LOADER_VERSION) else " (written by another loader version: next load re-parses)"
        torn = f"; TORN: {info['raw_problem']} (the next load repairs it)" if info.get("raw_problem") else ""
        say(f"raw: {raw_dir}: {rows}; loader {raw_version}{stale}{torn}")
    ctx.exit(EXIT_OK if info["published"] and "unreadable" not in info else EXIT_FILES_FAILED)


# `evaluate` lives in its own module; register it when present (import errors inside it still surface).
if importlib.util.find_spec("loaders.evaluate") is not None:
    from loaders.evaluate import evaluate

    main.add_command(evaluate)
    from loaders.evaluate_corpus import evaluate_corpus

    main.add_command(evaluate_corpus)


# Analyst commands (issue 10), each in its own module.
from loaders.export import export  # noqa: E402
from loaders.query import query  # noqa: E402
from loaders.report import report  # noqa: E402

for _command in (query, export, report):
    main.add_command(_command)


if __name__ == "__main__":
    main()

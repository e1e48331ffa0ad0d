"""Parquet output: typed schemas of the raw tables and atomic writes.

Every table is written to a hidden temp file in the output folder and renamed onto
<table>.parquet only when complete, so a reader (or a crash) sees the old complete
file or the new complete one, never a partial one.

The four tables are one unit: each carries the id of the load that wrote it (LOAD_ID_KEY in
its footer), so a set torn by a load killed between the four renames is detected on read
(raw_set_problem) and repaired by the next load.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from loaders import records
from loaders.faults import fault_point

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()  # noqa: E741
_TYPES = {
    "n_bytes": I, "year": I, "n_chars": I, "level": I,
    "char_start": I, "char_end": I, "sentence_start": I, "sentence_end": I,
    "value": F, "is_masked": B, "is_change": B, "is_environmental": B, "mentioned_regions": pa.list_(S),
    "pages": I, "page": I, "table_no": I, "row_no": I, "col_no": I,
}
TEMP_GLOB = ".raw_*.tmp"  # what a killed writer leaves behind; removed by the next load
RAW_TABLES = ("raw_documents", "raw_items", "raw_measures", "raw_load_errors")
LOAD_ID_KEY = "envwh_load_id"  # the same in the four tables of one load


def _schema(columns: list[str]) -> pa.Schema:
    return pa.schema([(c, _TYPES.get(c, S)) for c in columns])


SCHEMAS = {
    "raw_documents": _schema(records.RAW_DOCUMENT_COLUMNS),
    "raw_items": _schema(records.RAW_ITEM_COLUMNS),
    "raw_measures": _schema(records.RAW_MEASURE_COLUMNS),
    "raw_load_errors": _schema(records.RAW_LOAD_ERROR_COLUMNS),
}


def to_arrow(rows: list[dict], table: str) -> pa.Table:
    """Rows as a typed Arrow table; keys missing from a row become nulls, keys not in the schema are dropped."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[table])


def file_mode() -> int:
    """0666 less the process umask: what open() would give, so operators keep control of who reads."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            umask = next(int(line.split()[1], 8) for line in fh if line.startswith("Umask:"))
    except (OSError, StopIteration, ValueError):
        umask = os.umask(0o022)  # no /proc: read it by setting it, and put it back at once
        os.umask(umask)
    return 0o666 & ~umask


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in folder durable (the directory's entry is written too)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class TableWriter:
    """Streams one raw table to a temp file; commit() renames it onto <table>.parquet.

    Each write() becomes one row group, so the bytes depend only on the rows and on
    how the caller batches them (the loader batches by document count, not by timing).
    """

    def __init__(self, table: str, out_dir: Path, metadata: dict[str, str] | None = None) -> None:
        self.table = table
        self.final = out_dir / f"{table}.parquet"
        self.schema = SCHEMAS[table].with_metadata(metadata or {})
        out_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".tmp", dir=out_dir)
        os.close(fd)
        os.chmod(tmp, file_mode())  # mkstemp makes 0600; others may read it if the umask says so
        self.tmp = Path(tmp)
        self._writer: pq.ParquetWriter | None = pq.ParquetWriter(self.tmp, self.schema)
        self.n_rows = 0

    def write(self, data: list[dict] | pa.Table) -> None:
        arrow = data if isinstance(data, pa.Table) else to_arrow(data, self.table)
        if arrow.num_rows == 0:
            return
        arrow = arrow.cast(self.schema).combine_chunks()
        assert self._writer is not None, "write after commit/abort"
        fault_point("write")
        self._writer.write_table(arrow, row_group_size=arrow.num_rows)
        self.n_rows += arrow.num_rows

    def commit(self, load_id: str | None = None) -> Path:
        assert self._writer is not None, "commit twice"
        if load_id is not None:
            self._writer.add_key_value_metadata({LOAD_ID_KEY: load_id})
        self._writer.close()
        self._writer = None
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.final)
        fsync_dir(self.final.parent)
        fault_point(f"load:renamed:{self.table}")
        return self.final

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.tmp.unlink(missing_ok=True)


def write_table(rows: list[dict], table: str, out_dir: Path, metadata: dict[str, str] | None = None,
                load_id: str | None = None) -> Path:
    """Write rows as out_dir/<table>.parquet atomically (one row group)."""
    writer = TableWriter(table, out_dir, metadata)
    try:
        writer.write(rows)
        return writer.commit(load_id)
    finally:
        writer.abort()


def load_id_of(path: Path) -> str | None:
    value = (pq.read_metadata(path).metadata or {}).get(LOAD_ID_KEY.encode())
    return value.decode() if value else None


def raw_set_problem(out_dir: Path) -> str | None:
    """Why the raw tables of out_dir are not the complete output of one load, or None when they are."""
    ids = set()
    for table in RAW_TABLES:
        path = out_dir / f"{table}.parquet"
        if not path.exists():
            return f"{path.name} is missing"
        try:
            ids.add(load_id_of(path))
        except (OSError, pa.ArrowException) as exc:
            return f"{path.name} cannot be read ({exc})"
    if len(ids) > 1:
        return "the raw tables come from different loads (a load was stopped between its renames)"
    return None


def remove_stale_temp_files(out_dir: Path) -> list[Path]:
    """Temp files of a writer that was killed; call only while holding the load lock."""
    stale = sorted(out_dir.glob(TEMP_GLOB))
    for path in stale:
        path.unlink(missing_ok=True)
    return stale


class Locked(RuntimeError):
    """Another process holds the lock (another load or refresh is running)."""


@contextmanager
def exclusive_lock(path: Path, what: str) -> Iterator[None]:
    """An advisory lock file; the kernel releases it when the holder dies, so it never goes stale."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "unknown"
            raise Locked(f"{what} is already running (pid {holder}, lock {path})") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)

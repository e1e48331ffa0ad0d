"""Parquet output: typed schemas of the raw tables and atomic writes.

Every table is written to a hidden temp file in the output folder and renamed onto
<table>.parquet only when complete, so a reader (or a crash) sees the old complete
file or the new complete one, never a partial one.
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

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()  # noqa: E741
_TYPES = {
    "n_bytes": I, "year": I, "n_chars": I, "level": I,
    "char_start": I, "char_end": I, "sentence_start": I, "sentence_end": I,
    "value": F, "is_masked": B, "is_change": B, "mentioned_regions": pa.list_(S),
    "pages": I, "page": I, "table_no": I, "row_no": I, "col_no": I,
}
TEMP_GLOB = ".raw_*.tmp"  # what a killed writer leaves behind; removed by the next load


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


def _fsync_dir(folder: Path) -> None:
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
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; BI tools and other users must read it
        self.tmp = Path(tmp)
        self._writer: pq.ParquetWriter | None = pq.ParquetWriter(self.tmp, self.schema)
        self.n_rows = 0

    def write(self, data: list[dict] | pa.Table) -> None:
        arrow = data if isinstance(data, pa.Table) else to_arrow(data, self.table)
        if arrow.num_rows == 0:
            return
        arrow = arrow.cast(self.schema).combine_chunks()
        assert self._writer is not None, "write after commit/abort"
        self._writer.write_table(arrow, row_group_size=arrow.num_rows)
        self.n_rows += arrow.num_rows

    def commit(self) -> Path:
        assert self._writer is not None, "commit twice"
        self._writer.close()
        self._writer = None
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.final)
        _fsync_dir(self.final.parent)
        return self.final

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.tmp.unlink(missing_ok=True)


def write_table(rows: list[dict], table: str, out_dir: Path, metadata: dict[str, str] | None = None) -> Path:
    """Write rows as out_dir/<table>.parquet atomically (one row group)."""
    writer = TableWriter(table, out_dir, metadata)
    try:
        writer.write(rows)
        return writer.commit()
    finally:
        writer.abort()


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

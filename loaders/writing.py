"""Parquet output: typed schemas of the raw tables, their parts, and atomic writes.

Every file is written to a hidden temp file in the output folder and renamed onto its name
only when complete, so a reader (or a crash) sees the old complete file or the new complete
one, never a partial one.

A row table (raw_documents, raw_items, raw_measures) is a set of parts: the base
<table>.parquet and deltas <table>.<n>.parquet, read together by the glob <table>*.parquet.
The three row tables always have the same parts, holding the same documents, so that a refresh
writes only its new and changed documents' rows as a new delta (loaders/pipeline.py says when
parts are rewritten or merged). raw_load_errors is one file, written last: its footer names the
parts the load published and the id of the load that wrote each (PARTS_KEY), and each part carries
that id in its own footer (LOAD_ID_KEY). A set torn by a load killed between its renames (a part
no load published, or one another load wrote) is detected on read (raw_set_problem): the next
load removes parts no load published and parses again what it cannot trust.
"""

from __future__ import annotations

import fcntl
import json
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
ROW_TABLES = RAW_TABLES[:3]  # the tables of documents' rows, kept as parts
LOAD_ID_KEY = "envwh_load_id"  # of the load that wrote the file
PARTS_KEY = "envwh_parts"  # in raw_load_errors: {part: load id} of the row tables' parts the load published
BASE = ""  # the base part, <table>.parquet; a delta is named by its number, <table>.<n>.parquet


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
    """Streams one raw table (or one part of it) to a temp file; commit() renames it onto <table>.parquet,
    or close() then publish(path) onto a part.

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

    def close(self, load_id: str | None = None, extra: dict[str, str] | None = None) -> Path:
        """Finish the temp file (readable, not yet published)."""
        assert self._writer is not None, "close twice"
        if load_id is not None or extra:
            self._writer.add_key_value_metadata({**({LOAD_ID_KEY: load_id} if load_id is not None else {}),
                                                 **(extra or {})})
        self._writer.close()
        self._writer = None
        with open(self.tmp, "rb") as fh:
            os.fsync(fh.fileno())
        return self.tmp

    def publish(self, final: Path) -> Path:
        os.replace(self.tmp, final)
        fsync_dir(final.parent)
        fault_point(f"load:renamed:{self.table}")
        return final

    def commit(self, load_id: str | None = None, extra: dict[str, str] | None = None) -> Path:
        self.close(load_id, extra)
        return self.publish(self.final)

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.tmp.unlink(missing_ok=True)


def write_table(rows: list[dict], table: str, out_dir: Path, metadata: dict[str, str] | None = None,
                load_id: str | None = None, extra: dict[str, str] | None = None) -> Path:
    """Write rows as out_dir/<table>.parquet atomically (one row group); extra: more footer metadata."""
    writer = TableWriter(table, out_dir, metadata)
    try:
        writer.write(rows)
        return writer.commit(load_id, extra)
    finally:
        writer.abort()


def load_id_of(path: Path) -> str | None:
    value = (pq.read_metadata(path).metadata or {}).get(LOAD_ID_KEY.encode())
    return value.decode() if value else None


def part_path(out_dir: Path, table: str, part: str) -> Path:
    return out_dir / (f"{table}.parquet" if part == BASE else f"{table}.{part}.parquet")


def parts_on_disk(out_dir: Path, table: str) -> dict[str, Path]:
    """part -> path of the parts of a row table found in out_dir, the base first, then the deltas by number."""
    found = {}
    for path in out_dir.glob(f"{table}*.parquet"):
        middle = path.name[len(table):-len(".parquet")]  # "" for the base, ".<n>" for a delta
        if middle == "" or (middle[:1] == "." and middle[1:].isdigit()):
            found[middle[1:]] = path
    return dict(sorted(found.items(), key=lambda kv: -1 if kv[0] == BASE else int(kv[0])))


def published_parts(out_dir: Path) -> dict[str, str | None]:
    """part -> id of the load that wrote it, of the row tables' parts the last load published (its
    raw_load_errors footer); a set written before parts (one file a table) is its base alone."""
    meta = pq.read_metadata(out_dir / "raw_load_errors.parquet").metadata or {}
    if parts := meta.get(PARTS_KEY.encode()):
        return json.loads(parts)
    load_id = meta.get(LOAD_ID_KEY.encode())
    return {BASE: load_id.decode() if load_id else None}


def read_raw(out_dir: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """Every row of a raw table: its parts in order, as dbt's sources read them (<table>*.parquet)."""
    paths = parts_on_disk(out_dir, table).values() if table in ROW_TABLES else [out_dir / f"{table}.parquet"]
    tables = [pq.read_table(p, columns=columns).replace_schema_metadata(None) for p in paths]
    return pa.concat_tables(tables) if tables else SCHEMAS[table].empty_table().select(columns or SCHEMAS[table].names)


def raw_rows(out_dir: Path, table: str) -> int:
    """Rows of a raw table over its parts, from the footers."""
    paths = parts_on_disk(out_dir, table).values() if table in ROW_TABLES else [out_dir / f"{table}.parquet"]
    return sum(pq.read_metadata(p).num_rows for p in paths)


def raw_set_problem(out_dir: Path) -> str | None:
    """Why the raw tables of out_dir are not the complete output of one load, or None when they are."""
    errors = out_dir / "raw_load_errors.parquet"
    for table in ROW_TABLES:
        if not part_path(out_dir, table, BASE).exists():
            return f"{table}.parquet is missing"
    if not errors.exists():
        return f"{errors.name} is missing"
    try:
        published = published_parts(out_dir)
        for table in ROW_TABLES:
            on_disk = parts_on_disk(out_dir, table)
            if set(on_disk) != set(published):
                return f"{table} has parts no load published together (a load was stopped between its renames)"
            if any(load_id_of(path) != published[part] for part, path in on_disk.items()):
                return "the raw tables come from different loads (a load was stopped between its renames)"
    except (OSError, ValueError, pa.ArrowException) as exc:
        return f"the raw tables cannot be read ({exc})"
    return None


def remove_unpublished_parts(out_dir: Path) -> list[Path]:
    """Parts the last load did not publish: a load stopped before its commit (its new parts) or after it
    (the parts it replaced). Call only while holding the load lock; nothing when the set cannot be read."""
    try:
        published = published_parts(out_dir)
    except (OSError, ValueError, pa.ArrowException):
        return []
    stale = [path for table in ROW_TABLES for part, path in parts_on_disk(out_dir, table).items()
             if part not in published]
    for path in stale:
        path.unlink(missing_ok=True)
    if stale:
        fsync_dir(out_dir)
    return stale


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

"""Parquet output: typed schemas of the raw tables and atomic writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from loaders import records

S, I, F, B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_TYPES = {
    "n_bytes": I, "year": I, "n_chars": I, "level": I,
    "char_start": I, "char_end": I, "sentence_start": I, "sentence_end": I,
    "value": F, "is_masked": B, "is_change": B, "mentioned_regions": pa.list_(S),
}


def _schema(columns: list[str]) -> pa.Schema:
    return pa.schema([(c, _TYPES.get(c, S)) for c in columns])


SCHEMAS = {
    "raw_documents": _schema(records.RAW_DOCUMENT_COLUMNS),
    "raw_items": _schema(records.RAW_ITEM_COLUMNS),
    "raw_measures": _schema(records.RAW_MEASURE_COLUMNS),
    "raw_load_errors": _schema(records.RAW_LOAD_ERROR_COLUMNS),
}


def write_table(rows: list[dict], table: str, out_dir: Path) -> Path:
    """Write rows as out_dir/<table>.parquet atomically: a temp file in the same folder, then rename.

    A reader (or a crash) sees the old complete file or the new complete one, never a partial one.
    """
    schema = SCHEMAS[table]
    out_dir.mkdir(parents=True, exist_ok=True)
    final = out_dir / f"{table}.parquet"
    arrow = pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)
    fd, tmp = tempfile.mkstemp(prefix=f".{table}.", suffix=".tmp", dir=out_dir)
    os.close(fd)
    os.chmod(tmp, 0o644)  # mkstemp makes 0600; BI tools and other users must read it
    try:
        pq.write_table(arrow, tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return final

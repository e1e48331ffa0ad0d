"""Whether two loads wrote the same rows: the raw Parquet tables of two folders compared table by table
(a row table over its parts: base and deltas, loaders/writing.py), row by row, in order, else by key
(the columns holding the time of the load left out). For a change meant to keep
the loader's output (issue 12: speed), load the same documents with the tree before and after it (-P: without
it, -c puts the current folder first on the import path and PYTHONPATH=TREE is ignored):

    PYTHONPATH=TREE .venv/bin/python -P -c 'from pathlib import Path; from loaders.pipeline import load_folder, LoadOptions;
        load_folder(Path("data/corpus"), Path("/tmp/raw-TAG"), LoadOptions(workers=2, incremental=False))'
    .venv/bin/python -m benchmarks.compare_raw /tmp/raw-before /tmp/raw-after

Exit status 0 when every table holds the same rows (a refresh's parts hold them in another order than a
load from scratch: said so, and still the same).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow.parquet as pq

from loaders.writing import ROW_TABLES, read_raw

TIME_COLUMNS = frozenset({"occurred_at"})  # when a load error was met: differs between any two loads
KEYS = {"raw_documents": "document_id", "raw_items": "item_id", "raw_measures": "measure_id"}


def _is_delta(name: str) -> bool:
    """<table>.<n>.parquet: a part read with its table's base, not a table of its own."""
    return name.count(".") == 2 and name.split(".")[1].isdigit()


def _read(folder: Path, name: str):
    table = name.removesuffix(".parquet")
    return read_raw(folder, table) if table in ROW_TABLES else pq.read_table(folder / name)


def compare(before: Path, after: Path) -> bool:
    names = sorted({p.name for folder in (before, after) for p in folder.glob("*.parquet") if not _is_delta(p.name)})
    same_all = bool(names)
    for name in names:
        if not (before / name).exists() or not (after / name).exists():
            print(f"{name}: only in {'after' if (after / name).exists() else 'before'}")
            same_all = False
            continue
        a, b = _read(before, name), _read(after, name)
        kept = [c for c in a.column_names if c not in TIME_COLUMNS]
        same = a.schema == b.schema and a.num_rows == b.num_rows and a.select(kept).equals(b.select(kept))
        verdict = "identical" if same else "DIFFERENT"
        key = KEYS.get(name.removesuffix(".parquet"))
        if not same and key and a.schema == b.schema and a.num_rows == b.num_rows:
            same = a.select(kept).sort_by(key).equals(b.select(kept).sort_by(key))
            verdict = "the same rows in another order" if same else verdict
        print(f"{name}: {a.num_rows} / {b.num_rows} rows, {verdict} ({len(kept)} of {len(a.column_names)} columns compared)")
        same_all &= same
    return same_all


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before", type=Path, help="folder of raw_*.parquet of the first load")
    parser.add_argument("after", type=Path, help="folder of raw_*.parquet of the second load")
    args = parser.parse_args()
    sys.exit(0 if compare(args.before, args.after) else 1)


if __name__ == "__main__":
    main()

"""Whether two loads wrote the same rows: the raw Parquet tables of two folders compared table by table,
row by row, in order (the columns holding the time of the load left out). For a change meant to keep
the loader's output (issue 12: speed), load the same documents with the tree before and after it (-P: without
it, -c puts the current folder first on the import path and PYTHONPATH=TREE is ignored):

    PYTHONPATH=TREE .venv/bin/python -P -c 'from pathlib import Path; from loaders.pipeline import load_folder, LoadOptions;
        load_folder(Path("data/corpus"), Path("/tmp/raw-TAG"), LoadOptions(workers=2, incremental=False))'
    .venv/bin/python -m benchmarks.compare_raw /tmp/raw-before /tmp/raw-after

Exit status 0 when every table is identical.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow.parquet as pq

TIME_COLUMNS = frozenset({"occurred_at"})  # when a load error was met: differs between any two loads


def compare(before: Path, after: Path) -> bool:
    names = sorted({p.name for p in before.glob("*.parquet")} | {p.name for p in after.glob("*.parquet")})
    same_all = bool(names)
    for name in names:
        if not (before / name).exists() or not (after / name).exists():
            print(f"{name}: only in {'after' if (after / name).exists() else 'before'}")
            same_all = False
            continue
        a, b = pq.read_table(before / name), pq.read_table(after / name)
        kept = [c for c in a.column_names if c not in TIME_COLUMNS]
        same = a.schema == b.schema and a.num_rows == b.num_rows and a.select(kept).equals(b.select(kept))
        print(f"{name}: {a.num_rows} / {b.num_rows} rows, {'identical' if same else 'DIFFERENT'}"
              f" ({len(kept)} of {len(a.column_names)} columns compared)")
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

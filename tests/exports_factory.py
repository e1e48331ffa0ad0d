"""Generated data exports (CSV/TSV/JSON/JSONL) of documents, for tests/test_exports.py and the parity measure.

`.venv/bin/python tests/exports_factory.py OUT_DIR` writes each provincial 2026 report of the corpus as
`OUT_DIR/2026_<省>_政府工作报告.csv`, in the shape of the publisher's export (columns province, year, title,
url, full_text; the text field holds the report).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROVINCE_REPORTS = ROOT / "data" / "corpus" / "province-reports-2026"


def csv_export(records: list[dict[str, str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    """Records as a CSV with a header row; fields with newlines, quotes or the delimiter are quoted."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(dict.fromkeys(k for r in records for k in r)), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(records)
    return buf.getvalue().encode(encoding)


def json_export(records: list[dict[str, str]], lines: bool = False) -> bytes:
    if lines:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    return json.dumps(records, ensure_ascii=False, indent=1).encode("utf-8")


def report_record(path: Path) -> dict[str, str]:
    """The publisher's columns for one provincial report file (云南省_2026_政府工作报告.txt)."""
    province, year, _ = path.stem.split("_", 2)
    return {"province": province, "year": year, "title": f"{year}年{province}政府工作报告",
            "url": f"https://example.org/{year}/{province}.html", "full_text": path.read_text(encoding="utf-8")}


def write_province_exports(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(PROVINCE_REPORTS.glob("*.txt")):
        record = report_record(path)
        target = out / f"{record['year']}_{record['province']}_政府工作报告.csv"
        target.write_bytes(csv_export([record]))
        written.append(target)
    return written


if __name__ == "__main__":
    for p in write_province_exports(Path(sys.argv[1])):
        print(p)

"""Stage 1 for data exports: a .csv/.tsv/.json/.jsonl file whose records hold a document's text -> CleanDocument.

Publishers and scrapers hand out reports as data: a CSV with a `full_text` column, a JSON list of
{title, url, content}. The document is the text field, not the file: the header row, quoting and the
other columns stay out of the text, so offsets point into the same text a .txt of it gives.

- Records: the rows of a CSV/TSV (first row = column names unless it holds a paragraph; any encoding the
  text reader decodes, quoted multi-line fields), the objects of a JSON list (or of the shallowest list of
  objects inside a JSON object, or the object itself), one object a line of JSONL. Nested objects are
  flattened (leaf names count).
- The text column: a name of loaders/data/export_columns.csv (full_text, content, 正文, …), else the column
  of the longest values (refused when no value is a paragraph long: a table of figures is no document).
- One document: the records sharing title, url, region and file (records with no such column share
  them) are its parts, joined in order with blank lines. A file holding several documents loads the
  first and reports the others in a `multiple_documents` warning: document identity is the file
  (source_file) all through the load (incremental reuse, duplicates, errors), so one document per
  record would need an identity per record; saving each document to its own file loads them all.
- The text goes through the text reader's cleaning (reading.read_document), so HTML in the field (a
  web scrape) is read as an .html file would be. The other columns become `properties` (title, created,
  region, year), used by metadata.apply_properties only where the text says nothing.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from loaders import reading
from loaders.errors import LoadError
from loaders.records import CleanDocument

CSV_SUFFIXES = frozenset({".csv", ".tsv"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
SUFFIXES = CSV_SUFFIXES | JSON_SUFFIXES
_MAX_COLUMN_NAME = 64  # a longer first-row cell is text: the file has no header row
_MIN_FALLBACK_TEXT_CHARS = 200  # an unnamed text column must hold a paragraph somewhere, not names or figures
_KEY_ROLES = ("title", "url", "region", "file")  # what tells one document of a file from another
_LISTED_DOCUMENTS = 5  # documents named in the multiple_documents warning
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_YEAR = re.compile(r"(?:19|20)\d{2}")

Record = dict[str, str]


def _column_key(name: str) -> str:
    return re.sub(r"[\s_\-.\ufeff\"']", "", name).lower()


@lru_cache(maxsize=1)
def _roles() -> dict[str, str]:
    """Normalised column name -> role (text, title, date, url, region, year, file)."""
    lines = (reading.DATA_DIR / "export_columns.csv").read_text(encoding="utf-8").splitlines()
    rows = csv.DictReader(line for line in lines if line.strip() and not line.startswith("#"))
    return {_column_key(row["name"]): row["role"] for row in rows}


# --- records -----------------------------------------------------------------------------------


def _csv_records(text: str, name: str, tab: bool) -> list[Record]:
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))  # a whole report is one field (default 128 KiB)
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = "\t" if tab else ","
    if not tab:
        try:
            delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t|").delimiter
        except csv.Error:
            pass  # one column, or no separator the sniffer is sure of: a comma
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter, strict=True))
    except csv.Error as err:
        raise LoadError("malformed_export", f"{name}: not a well-formed CSV ({err}); check its quoting "
                        "(a quote inside a field is written \"\")", "read") from None
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise LoadError("empty_export", f"{name}: the file holds no rows; nothing to load", "read")
    if any(len(cell) > _MAX_COLUMN_NAME or "\n" in cell for cell in rows[0]):  # a paragraph: no header row
        width = max(len(row) for row in rows)
        return [dict(zip([f"column {i + 1}" for i in range(width)], row, strict=False)) for row in rows]
    header = [cell.strip() or f"column {i + 1}" for i, cell in enumerate(rows[0])]
    if len(rows) == 1:
        raise LoadError("empty_export", f"{name}: the file holds only its header row ({', '.join(header)}); nothing to load", "read")
    return [dict(zip(header, row, strict=False)) for row in rows[1:]]


def _flat(value: object, out: Record, key: str = "") -> None:
    """Scalars of a JSON object by their leaf name (the first one of a name wins); a list of scalars
    (paragraphs) is one value, a line each."""
    if isinstance(value, dict):
        for k, v in value.items():
            _flat(v, out, str(k))
    elif isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            out.setdefault(key, "\n".join(str(v) for v in value if v is not None))
    elif value is not None and key:
        out.setdefault(key, str(value))


def _json_values(text: str, name: str, lines: bool) -> list[object]:
    """The JSON values of a file: one, or one a line (JSONL; also a .json file written that way)."""
    if not lines:
        try:
            return [json.loads(text)]
        except json.JSONDecodeError as err:
            if err.msg != "Extra data":
                raise LoadError("malformed_export", f"{name}: not valid JSON ({err.msg} at line {err.lineno}, "
                                f"column {err.colno})", "read") from None
    values = []
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip():
            try:
                values.append(json.loads(line))
            except json.JSONDecodeError as err:
                raise LoadError("malformed_export", f"{name}: line {n} is not valid JSON ({err.msg} at column "
                                f"{err.colno}); a JSON Lines file holds one object a line", "read") from None
    return values


def _records_inside(value: object) -> list | None:
    """The first list of objects inside a JSON object, the shallowest first ({"data": {"list": [{…}]}})."""
    level = [value]
    while level:
        for v in level:
            if isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
                return v
        level = [v for x in level if isinstance(x, dict) for v in x.values() if isinstance(v, dict | list)]
    return None


def _json_records(text: str, name: str, lines: bool) -> list[Record]:
    values = _json_values(text, name, lines)
    if len(values) == 1 and isinstance(values[0], dict):
        values = _records_inside(values[0]) or values  # an API's envelope around the records; else one record
    elif len(values) == 1 and isinstance(values[0], list):
        values = values[0]
    records = []
    for value in values:
        record: Record = {}
        _flat(value if isinstance(value, dict) else {"text": value}, record)
        records.append(record)
    if not any(records):
        raise LoadError("empty_export", f"{name}: the JSON holds no records with values; nothing to load", "read")
    return records


# --- the document of the records ---------------------------------------------------------------


def _text_column(records: list[Record], name: str) -> str:
    """The named text column holding most characters, else the column of the longest values."""
    columns = list(dict.fromkeys(c for r in records for c in r))
    size = {c: sum(len(r.get(c) or "") for r in records) for c in columns}
    named = [c for c in columns if _roles().get(_column_key(c)) == "text"]
    if any(size[c] for c in named):
        return max(named, key=lambda c: size[c])
    longest = {c: max(len(r.get(c) or "") for r in records) for c in columns}
    best = max(columns, key=lambda c: size[c], default=None)
    if (best is None or longest[best] < _MIN_FALLBACK_TEXT_CHARS) and named:
        raise LoadError("empty_export", f"{name}: the text column {named[0]!r} is empty everywhere; nothing to load", "read")
    if best is None or longest[best] < _MIN_FALLBACK_TEXT_CHARS:
        # a table of short cells (a manifest, a sheet of figures) is no document: skipped with a warning
        raise LoadError("no_text_column", f"{name}: skipped, not a document: no column holds a document's text (columns: "
                        f"{', '.join(columns) or 'none'}); if it is one, name its text column full_text, text, content or 正文 "
                        "(loaders/data/export_columns.csv lists the names read)", "read", severity="warning")
    return best


def _groups(records: list[Record], text_column: str) -> list[list[int]]:
    """Indices of the records of each document, in order of first appearance; records without text skipped."""
    keys = [c for c in dict.fromkeys(c for r in records for c in r) if _roles().get(_column_key(c)) in _KEY_ROLES]
    groups: dict[tuple, list[int]] = {}
    for i, record in enumerate(records):
        if (record.get(text_column) or "").strip():
            groups.setdefault(tuple((record.get(c) or "").strip() for c in keys), []).append(i)
    return list(groups.values())


def _value(records: list[Record], rows: list[int], role: str) -> str:
    """The first non-empty value of a role's columns among a document's records."""
    for i in rows:
        for column, value in records[i].items():
            if value and value.strip() and _roles().get(_column_key(column)) == role:
                return value.strip()
    return ""


def _properties(records: list[Record], rows: list[int]) -> dict[str, str]:
    props = {}
    if title := _value(records, rows, "title"):
        props["title"] = " ".join(title.split())
    if (m := _DATE.search(_value(records, rows, "date"))) and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        props["created"] = f"{m.group(1)}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    if m := _YEAR.search(_value(records, rows, "year")):
        props["year"] = m.group()
    regions = [v.strip() for i in rows[:1] for c, v in records[i].items()
               if v and v.strip() and _roles().get(_column_key(c)) == "region"]
    if regions:
        props["region"] = " ".join(regions)  # every region column (province, city…): metadata picks the finest
    if url := _value(records, rows, "url"):
        props["url"] = url
    return props


def _describe(records: list[Record], rows: list[int], unit: str) -> str:
    first = 2 if unit == "row" else 1  # rows as a spreadsheet numbers them (the header is row 1), records from 1
    where = f"{unit} {rows[0] + first}" if len(rows) == 1 else f"{unit}s {rows[0] + first}–{rows[-1] + first}"
    label = _value(records, rows, "title") or _value(records, rows, "url") or " ".join(
        v.strip() for c, v in records[rows[0]].items() if v and _roles().get(_column_key(c)) in _KEY_ROLES)
    return f"{where} ({label[:60]})" if label else where


def read_export(data: bytes, name: str = "") -> CleanDocument:
    """Bytes of a CSV/TSV/JSON/JSONL export -> the CleanDocument of the text field, or LoadError."""
    suffix = Path(name).suffix.lower()
    text, encoding = reading.decode_text(data, name)
    if suffix in CSV_SUFFIXES:
        records, unit, source_format = _csv_records(text, name, tab=suffix == ".tsv"), "row", "csv"
    else:
        records, unit, source_format = _json_records(text, name, lines=suffix != ".json"), "record", "json"
    column = _text_column(records, name)
    groups = _groups(records, column)
    if not groups:
        raise LoadError("empty_export", f"{name}: the text column {column!r} is empty in every {unit}; nothing to load", "read")
    rows = groups[0]
    warnings = []
    if len(groups) > 1:
        rest = [_describe(records, g, unit) for g in groups[1:]]
        more = f" and {len(rest) - _LISTED_DOCUMENTS} more" if len(rest) > _LISTED_DOCUMENTS else ""
        warnings.append(LoadError("multiple_documents", (
            f"{name}: holds {len(groups)} documents ({unit}s with different title, url or region); only the first, "
            f"{_describe(records, rows, unit)}, was loaded; not loaded: {'; '.join(rest[:_LISTED_DOCUMENTS])}{more}. "
            "Save each document in its own file to load them all"), "read"))
    body = "\n\n".join(records[i][column] for i in rows)
    doc = reading.read_document(body.encode("utf-8"), name)  # the cleaning of a .txt (or .html) file
    return replace(doc, encoding=encoding, source_format=source_format, properties=_properties(records, rows),
                   warnings=warnings)

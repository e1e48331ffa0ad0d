"""One document -> rows of the raw tables; a folder -> the raw Parquet files.

process_document is pure (bytes in, rows out) so it can run in a worker process.
load_folder streams a folder through a process pool into the four raw tables:
- results come back in file order whatever the number of workers, so the output is identical;
- an unchanged file (same name, same bytes, same LOADER_VERSION) is not parsed again: its rows
  stay in the part of the previous Parquet that holds them (loaders/writing.py: the raw tables as parts);
  the new and changed documents' rows are written as a new part (_layout says when parts are rewritten);
- a file removed from the folder loses its rows (the raw tables mirror the folder);
- a bad file becomes a row of raw_load_errors and never stops the others;
- among files of the same content, the one loaded before stays the original (else the first name);
- the four tables are written as one unit (writing.LOAD_ID_KEY): a torn set is parsed again;
- a load whose documents would shrink by more than LoadOptions.max_shrink is refused.
"""

from __future__ import annotations

import bisect
import csv
import functools
import gc
import hashlib
import importlib.metadata
import itertools
import json
import logging
import multiprocessing
import operator
import os
import signal
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

from loaders import (
    domains,
    exports,
    items,
    measures,
    metadata,
    ocr,
    pdf,
    reading,
    records,
    reference,
    semantics,
    tables,
    word,
)
from loaders.errors import LoadError
from loaders.faults import fault_point
from loaders.ocr import flag_doubtful
from loaders.writing import (
    BASE,
    PARTS_KEY,
    ROW_TABLES,
    SCHEMAS,
    TableWriter,
    exclusive_lock,
    part_path,
    parts_on_disk,
    published_parts,
    raw_rows,
    raw_set_problem,
    remove_stale_temp_files,
    remove_unpublished_parts,
    to_arrow,
    write_table,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_MAX_SHRINK = 0.2  # share of documents a load or build may lose before it is refused
MAX_PARTS = 8  # parts of a row table a load may leave (compaction rule: _layout)
MAX_DELTA_SHARE = 0.25  # share of the documents the deltas may hold before a load writes one base again
VERSION_KEY = "envwh_loader_version"
OCR_KEY = "envwh_ocr"  # the OCR program of a load with --ocr, "" without: switching it parses every file again


def _loader_version() -> str:
    """Fingerprint of everything that shapes the rows: the stage code, its data files and libraries.

    Computed rather than bumped by hand, so a changed rule can never reuse stale rows.
    """
    package = Path(__file__).parent
    not_rows = {"cli.py", "publish.py", "evaluate.py", "evaluate_corpus.py", "faults.py", "region_seed.py",
                "query.py", "export.py"}  # commands and test hooks, not stages
    files = sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in {".py", ".csv", ".txt", ".json"}
                   and p.name not in not_rows and not {"__pycache__", "report"} & set(p.parts))
    # the reference tables parsing reads (not those only dbt or the evaluation read)
    files = [p for p in files if p.parent != reference.SEEDS or p.name in reference.PARSING_TABLES]
    h = hashlib.sha256()
    for path in files:
        h.update(path.relative_to(package.parent).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for dist in ("jieba", "opencc-python-reimplemented", "cpca", "pyahocorasick", "ahocorasick-rs", "charset-normalizer", "pyarrow",
                 "pypdfium2", "pdfplumber", "pdfminer.six", "python-docx"):
        try:
            h.update(f"{dist}={importlib.metadata.version(dist)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            pass
    return h.hexdigest()[:16]


def __getattr__(name: str) -> str:
    """LOADER_VERSION, computed on first use rather than at import: a Spark executor imports this module
    to parse documents and never needs it (loaders/spark_load.py)."""
    if name == "LOADER_VERSION":
        globals()[name] = _loader_version()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version() -> str:
    return globals().get("LOADER_VERSION") or __getattr__("LOADER_VERSION")


@dataclass
class DocumentResult:
    source_file: str
    document: dict | None = None
    items: list[dict] = field(default_factory=list)
    measures: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    content_sha256: str | None = None


def error_row(source_file: str, content_sha256: str | None, err: LoadError, severity: str = "error") -> dict:
    return {
        "source_file": source_file,
        "content_sha256": content_sha256,
        "stage": err.stage,
        "severity": severity,
        "reason": err.reason,
        "message": err.message,
        "occurred_at": None,  # set by load_folder: the run's time, or when this same error was first seen
    }


def as_row(record) -> dict:
    """A record's fields as a dict, shallow: dataclasses.asdict deep-copies every value and cost
    13% of the loader's time (benchmarks/RESULTS.md)."""
    names = _FIELD_NAMES.get(type(record))
    if names is None:
        names = _FIELD_NAMES[type(record)] = tuple(f.name for f in fields(record))  # fields() is slow per call
    own = getattr(record, "__dict__", None)
    if own is not None and list(own) == list(names):  # the usual case: copied at C speed, in field order
        return own.copy()
    return {name: getattr(record, name) for name in names}


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def read_any(data: bytes, source_file: str, ocr: bool = False):
    """The reader of a file's format (PDF, .docx, .doc/.wps, CSV/JSON exports, text or HTML), by its bytes and its name;
    ocr: read scanned PDF pages with OCR (loaders/ocr.py)."""
    suffix = Path(source_file).suffix.lower()
    if b"%PDF-" in data[:1024] or suffix == ".pdf":
        return pdf.read_pdf(data, source_file, ocr_scans=ocr)
    if suffix == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]):
        return word.read_docx(data, source_file)
    if suffix in (".doc", ".wps") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return word.read_old_word(data, source_file)
    if suffix in exports.SUFFIXES:
        return exports.read_export(data, source_file)
    return reading.read_document(data, source_file)


def _in_tables(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def _item_at(doc_items, pos: int) -> str:
    """item_path of the innermost item holding a position."""
    holding = [it for it in doc_items if it.char_start <= pos < it.char_end]
    return max(holding, key=lambda it: it.level).item_path if holding else ""


# (reader property, one, several, what became of them, what --ocr reads) of the pictures a PDF held
_UNREAD_PICTURES = (
    ("scanned_pages", "1 scanned page without a text layer was", "{n} scanned pages without a text layer were",
     "left out", "scanned pages"),
    ("pictured_tables", "1 table printed as a picture was", "{n} tables printed as pictures were",
     "not read (their figures are in no text layer)", "tables pasted as pictures"),
)


def process_document(data: bytes, source_file: str, ocr: bool = False) -> DocumentResult:
    sha = hashlib.sha256(data).hexdigest()
    result = DocumentResult(source_file, content_sha256=sha)
    try:
        doc = read_any(data, source_file, ocr)
    except LoadError as err:
        result.errors.append(error_row(source_file, sha, err, severity=err.severity))
        return result
    text = doc.text
    document_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    meta = metadata.extract_metadata(text, doc.header, source_file=source_file)
    meta = metadata.apply_properties(meta, doc.properties)  # only where the text says nothing
    for warning in doc.warnings:  # the file loads, something of it did not (a reader's warning)
        result.errors.append(error_row(source_file, sha, warning, severity="warning"))
    for prop, one, many, left, ocr_reads in _UNREAD_PICTURES:  # what only OCR can read: a warning each
        if n := int(doc.properties.get(prop) or 0):
            err = LoadError("needs_ocr", f"{source_file}: {one if n == 1 else many.format(n=n)} {left}; "
                            f"`envwh load --ocr` reads {ocr_reads} (README, OCR)", "read")
            result.errors.append(error_row(source_file, sha, err, severity="warning"))
    for missing, reason in ((meta.region_code, "no_region"), (meta.year, "no_year")):
        if missing is None:
            what = "region" if reason == "no_region" else "year"
            err = LoadError(reason, f"{source_file}: the {what} the document is about could not be determined; loaded with a null {what}", "metadata")
            result.errors.append(error_row(source_file, sha, err, severity="warning"))
    result.document = {
        "document_id": document_id,
        "source_file": source_file,
        "content_sha256": sha,
        "n_bytes": len(data),
        "encoding": doc.encoding,
        "source_format": doc.source_format,
        "script": doc.script,
        **as_row(meta),
        "n_chars": len(text),
        "text": text,
        "pages": doc.pages,
    }
    doc_items = items.split_items(text)
    sentences = items.split_sentences(text, doc_items)
    keyword_matches = domains.text_matches(text)  # one keyword pass, for the items and every measure's sentence
    item_domains = domains.classify_items(text, doc_items, keyword_matches)  # headings of the ancestors count
    for it, domain in zip(doc_items, item_domains, strict=True):
        result.items.append(
            {
                "item_id": f"{document_id}:{it.item_path}",
                "document_id": document_id,
                **as_row(it),
                "text": text[it.char_start : it.char_end],
                "domain_code": domain,
            }
        )
    domain_by_path = {it.item_path: d for it, d in zip(doc_items, item_domains, strict=True)}
    # a table's figures come from its grid (year and kind from the column headers), not from its text
    spans = [(b.char_start, b.char_start + sum(len(line) + 1 for line in b.lines)) for b in doc.tables]
    found = [m for m in measures.extract_measures(text, doc_items, sentences, meta) if not _in_tables(m.char_start, spans)]
    for block, (_, block_end) in zip(doc.tables, spans, strict=True):
        cells = tables.table_measures(block, meta.year)
        tables.date_marked_cells(cells, tables.note_dates(text[block_end - 1 : block_end + 400]))
        for m in cells:
            m.item_path = _item_at(doc_items, m.char_start)
            found.append(m)
    for m in found:
        if _in_tables(m.char_start, doc.ocr_spans):  # an analyst can tell figures read by OCR apart
            m.rules = f"{m.rules};ocr" if m.rules else "ocr"
    flag_doubtful(found)  # a figure OCR read that its table row makes unlikely: ocr_check in its rules
    for m, measure_id in zip(found, measure_ids(document_id, found), strict=True):
        if m.domain_code is None:  # its subject and sentence, with its item's domain as a prior
            m.domain_code = domains.classify_measure(text, m, domain_by_path.get(m.item_path), keyword_matches)
        row = as_row(m)
        row["measure_id"] = measure_id
        row["document_id"] = document_id
        row["sentence"] = text[m.sentence_start : m.sentence_end]
        row.update(semantics.measure_semantics(row, result.document))  # after the measures: relevance, sub-area
        result.measures.append(row)
    _drop_rows_the_build_would_reject(result)
    result.document["rows_sha256"] = rows_sha256(result)
    return result


def rows_sha256(result: DocumentResult) -> str:
    """sha256 of the columns the raw tables keep of a document's rows (its own, its items', its measures'),
    in order: int_documents_changed compares it with the previous build's instead of hashing every raw row."""
    digest = hashlib.sha256()
    for rows, columns in (([result.document], records.RAW_DOCUMENT_COLUMNS), (result.items, records.RAW_ITEM_COLUMNS),
                          (result.measures, records.RAW_MEASURE_COLUMNS)):
        digest.update("".join(map(_row_repr(tuple(columns)), rows)).encode())  # one update per table: the same bytes
        digest.update(b"\0")  # a row cannot move from one table to the next unnoticed
    return digest.hexdigest()


@functools.lru_cache(maxsize=8)
def _row_repr(columns: tuple[str, ...]):
    """row -> repr of the list of its values in columns (rows_sha256 left out): the tuple itemgetter reads at
    C speed, written with the list's brackets; .get per column only for a row missing a column."""
    kept = [c for c in columns if c != "rows_sha256"]
    get = operator.itemgetter(*kept)

    def as_list(row: dict) -> str:
        try:
            values = get(row)
        except KeyError:
            return repr([row.get(c) for c in kept])
        return repr(list(values)) if len(kept) < 2 else "[" + repr(values)[1:-1] + "]"

    return as_list


@functools.cache
def _allowed_codes() -> dict[str, frozenset[str]]:
    """Codes a measure may carry: those the dbt project accepts (tests/test_dbt_project.py checks that
    every unit and comparator of these files is in its accepted values)."""
    data = Path(__file__).parent / "data"

    def column(name: str, col: str) -> frozenset[str]:
        with open(data / name, encoding="utf-8", newline="") as fh:
            return frozenset(row[col] for row in csv.DictReader(fh) if row[col] != "none")

    return {"kind": frozenset({"target", "outcome"}), "unit": column("units.csv", "unit") | {tables.UNITLESS},
            "comparator": column("comparators.csv", "comparator")}


def _drop_rows_the_build_would_reject(result: DocumentResult) -> None:
    """A row that would fail a key (item_id, measure_id unique) or an accepted-values test of the dbt
    build is dropped here and reported as a warning of this document: one document's bad row must
    never turn the whole refresh red."""
    problems: list[str] = []
    allowed_codes = _allowed_codes().items()
    for table, key in ((result.items, "item_id"), (result.measures, "measure_id")):
        seen: set[str] = set()
        kept = []
        for row in table:
            bad = [c for c, allowed in allowed_codes if key == "measure_id" and row.get(c) not in allowed]
            if row[key] in seen or bad:
                problems.append(f"{row[key]} ({'duplicate ' + key if row[key] in seen else ', '.join(f'{c}={row.get(c)!r}' for c in bad)})")
                continue
            seen.add(row[key])
            kept.append(row)
        table[:] = kept
    if problems:
        err = LoadError("rejected_rows", f"{result.source_file}: {len(problems)} rows the warehouse cannot hold were left out "
                        f"(a loader bug, please report it): {'; '.join(problems[:5])}", "pipeline")
        result.errors.append(error_row(result.source_file, result.content_sha256, err, severity="warning"))


def measure_ids(document_id: str, doc_measures: list) -> list[str]:
    """The one place measure ids are made: document_id:char_start, and :2, :3 ... for the second and
    later measures read at the same offset ("A、B均为100%" gives one measure per subject). Stable across
    reloads: the stages are deterministic, so the n-th measure at an offset stays the n-th."""
    seen: dict[int, int] = {}
    ids = []
    for m in doc_measures:
        seen[m.char_start] = n = seen.get(m.char_start, 0) + 1
        ids.append(f"{document_id}:{m.char_start}" + (f":{n}" if n > 1 else ""))
    return ids


def _failing_stage(exc: BaseException) -> str:
    """The loaders module where an unexpected exception was raised (innermost frame of ours)."""
    package = str(Path(__file__).parent)
    ours = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.startswith(package)]
    return Path(ours[-1].filename).stem if ours else "pipeline"


def safe_process(data: bytes, source_file: str, ocr: bool = False) -> DocumentResult:
    """process_document, with any unexpected exception turned into an error row for this file only."""
    try:
        return process_document(data, source_file, ocr)
    except Exception as exc:  # a bug in a stage must not stop the other files
        sha = hashlib.sha256(data).hexdigest()
        stage = _failing_stage(exc)
        err = LoadError("internal_error", f"{source_file}: {type(exc).__name__} in stage {stage}: {exc} "
                        "(a loader bug; the file was skipped, please report it)", stage)
        return DocumentResult(source_file, errors=[error_row(source_file, sha, err)], content_sha256=sha)


# --- one file, in a worker ---------------------------------------------------------------------------

_reusable: dict[str, str] = {}  # source_file -> content_sha256 whose rows the previous load holds
_ocr = False  # read scanned PDF pages with OCR (LoadOptions.ocr)
_jieba_ready = False


def _init_worker(reusable: dict[str, str], ocr: bool = False) -> None:
    global _reusable, _ocr
    _reusable, _ocr = reusable, ocr


# A worker's objects are freed by their reference counts as each document ends; the cyclic collector, run every
# 700 new objects, found almost nothing and walked the young objects and, now and then, the whole heap inherited
# from the parent (jieba's dictionary, the grammar, the automata): 2.5-5 % of a worker's CPU. Every 10 000, and
# over what the worker was forked with never (gc.freeze): a document's cycles are still collected, a few ms later.
_WORKER_GC_THRESHOLD = 10_000


def _init_pool_worker(reusable: dict[str, str], ocr: bool = False) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the pool stops its workers with SIGTERM
    gc.freeze()
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    _init_worker(reusable, ocr)


def _warm_jieba() -> None:
    """Load jieba's dictionary once per process, before any stage races to do it.

    Called before the first file that needs parsing, so a load where every file is unchanged
    does not pay for it. The domains stage owns the dictionary setup (it adds its keywords).
    """
    global _jieba_ready
    if not _jieba_ready:
        init = getattr(domains, "init_jieba", None)
        if init is None:
            import jieba

            jieba.setLogLevel(logging.WARNING)
            init = jieba.initialize
        init()
        _jieba_ready = True


_WARM_UP_TEXT = "某市2025年生态环境保护工作要点\n一、大气\n（一）PM2.5平均浓度下降到30微克/立方米以下。\n"


def _warm_stages() -> None:
    """Build what every stage builds on first use (jieba's dictionary, the grammar, the region index,
    the keyword automata, the modules pyarrow imports to make a table) by parsing a made-up document:
    about 1 CPU s that each worker would pay again."""
    _warm_jieba()
    FileResult.of(safe_process(_WARM_UP_TEXT.encode("utf-8"), "warm-up.txt"))


@dataclass
class FileResult:
    """What a worker sends back for one file: Arrow tables (compact to pickle, built in parallel)."""

    source_file: str
    content_sha256: str | None
    errors: list[dict]
    document_id: str | None = None
    tables: dict[str, pa.Table] | None = None  # None when the file did not load
    reused: bool = False  # unchanged since the previous load: rows come from the previous Parquet

    @classmethod
    def of(cls, res: DocumentResult) -> FileResult:
        if res.document is None:
            return cls(res.source_file, res.content_sha256, res.errors)
        tables = {"raw_documents": to_arrow([res.document], "raw_documents"),
                  "raw_items": to_arrow(res.items, "raw_items"),
                  "raw_measures": to_arrow(res.measures, "raw_measures")}
        return cls(res.source_file, res.content_sha256, res.errors, res.document["document_id"], tables)


class _RealPaths:
    """os.path.realpath of files, each folder resolved once: a file that is not a symbolic link resolves to its
    folder resolved, and its name. Resolving every folder of every path again cost ~1 CPU s when a refresh listed
    and read 10 000 files (benchmarks/RESULTS.md, issue 12, speed15). One per listing or chunk of files."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        if os.path.islink(path):
            return os.path.realpath(path)
        folder, name = os.path.split(path)
        if (real := self._folders.get(folder)) is None:
            real = self._folders[folder] = os.path.realpath(folder)
        return os.path.join(real, name)


def _read_task(task: tuple[str, str, int, str | None],
               realpath: Callable[[str], str] = os.path.realpath) -> bytes | FileResult:
    """A file's bytes, or the FileResult of a file that is not read (outside the folder, too large, unreadable)."""
    path, name, max_bytes, root = task
    if root is not None and os.path.commonpath([realpath(path), root]) != root:
        err = LoadError("outside_folder", f"{name}: a symbolic link to a file outside the input folder; not read, "
                        "so that a link cannot leak another file into the warehouse (--follow-symlinks reads it)",
                        "read")
        return FileResult(name, None, [error_row(name, None, err)])
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            err = LoadError("too_large", f"{name}: {size} bytes is over the limit of {max_bytes} bytes "
                            "(raise it with --max-bytes if the file is genuine)", "size")
            return FileResult(name, None, [error_row(name, None, err)])
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        err = LoadError("unreadable", f"{name}: cannot be read: {exc.strerror or exc}", "read")
        return FileResult(name, None, [error_row(name, None, err)])


def load_file(task: tuple[str, str, int, str | None]) -> FileResult:
    data = _read_task(task)
    return data if isinstance(data, FileResult) else file_result(task[1], data)


def _parse_bytes(name: str, data: bytes) -> FileResult | DocumentResult:
    """A reuse marker for a file unchanged since the previous load, else its parsed rows."""
    sha = hashlib.sha256(data).hexdigest()
    if _reusable.get(name) == sha:
        return FileResult(name, sha, [], reused=True)
    _warm_jieba()
    return safe_process(data, name, _ocr)


def file_result(name: str, data: bytes) -> FileResult:
    """One file's bytes -> its FileResult, reused when unchanged since the previous load (the part of
    load_file that the Spark job runs on its executors, loaders/spark_load.py)."""
    res = _parse_bytes(name, data)
    return res if isinstance(res, FileResult) else FileResult.of(res)


@dataclass
class _Chunk:
    """What a worker sends back for consecutive files: their FileResults without tables, and the rows of the
    parsed ones as one Arrow table per raw table. Converting and pickling tables once per chunk instead of
    once per file saves ~1.3 CPU s per 1 000 documents (benchmarks/RESULTS.md, issue 12)."""

    results: list[FileResult]
    rows: list[tuple[int, int, int] | None]  # per result: its rows in each of ROW_TABLES (None: no rows)
    tables: dict[str, pa.Table]

    def file_results(self) -> Iterator[FileResult]:
        """The FileResults in order, each with its slices (no copy) of the chunk's tables."""
        start = dict.fromkeys(ROW_TABLES, 0)
        for res, counts in zip(self.results, self.rows, strict=True):
            if counts is not None:
                res.tables = {t: self.tables[t].slice(start[t], n) for t, n in zip(ROW_TABLES, counts, strict=True)}
                for t, n in zip(ROW_TABLES, counts, strict=True):
                    start[t] += n
            yield res


def load_chunk(tasks: list[tuple[str, str, int, str | None]]) -> _Chunk:
    """load_file of consecutive files, their rows converted to Arrow together."""
    results: list[FileResult] = []
    rows: list[tuple[int, int, int] | None] = []
    parsed: list[DocumentResult] = []
    realpath = _RealPaths()
    for task in tasks:
        res = _read_task(task, realpath)
        if not isinstance(res, FileResult):
            res = _parse_bytes(task[1], res)
        counts = None
        if isinstance(res, DocumentResult):
            if res.document is not None:
                parsed.append(res)
                counts = (1, len(res.items), len(res.measures))
            res = FileResult(res.source_file, res.content_sha256, res.errors,
                             res.document["document_id"] if res.document is not None else None)
        results.append(res)
        rows.append(counts)
    tables = {"raw_documents": to_arrow([r.document for r in parsed], "raw_documents"),
              "raw_items": to_arrow([row for r in parsed for row in r.items], "raw_items"),
              "raw_measures": to_arrow([row for r in parsed for row in r.measures], "raw_measures")}
    return _Chunk(results, rows, tables)


def _results(tasks: list[tuple[str, str, int, str | None]], workers: int, reusable: dict[str, str],
             ocr: bool = False) -> Iterator[FileResult]:
    """Results in task order, parsed in chunks of consecutive files; a pool when workers > 1 (imap keeps the order)."""
    if workers > 1 and len(tasks) > 1 and reusable:
        yield from _screened_results(tasks, workers, reusable, ocr)
        return
    yield from _parsed_results(tasks, workers, reusable, ocr)


def _screened_results(tasks: list[tuple[str, str, int, str | None]], workers: int, reusable: dict[str, str],
                      ocr: bool = False) -> Iterator[FileResult]:
    """_results of a load that may reuse rows: every file is read and hashed here, and only those that are not
    unchanged (nor unreadable) go to the workers. A daily refresh adds 10 files to 10 000: the pool's workers
    read and hashed the 10 000 and sent a result back for each, ~3 CPU s more than doing it here (0.4 s)
    (benchmarks/RESULTS.md, issue 12, speed15). A worker reads its files again and decides again (a file
    rewritten meanwhile is parsed or reused as its bytes then say), so the results are those of the pool alone."""
    screened: list[FileResult | None] = []
    realpath = _RealPaths()
    for task in tasks:
        data = _read_task(task, realpath)
        if not isinstance(data, FileResult):
            sha = hashlib.sha256(data).hexdigest()
            data = FileResult(task[1], sha, [], reused=True) if reusable.get(task[1]) == sha else None
        screened.append(data)
    parsed = _parsed_results([task for task, res in zip(tasks, screened, strict=True) if res is None], workers,
                             reusable, ocr)
    try:
        for res in screened:
            yield next(parsed) if res is None else res
    finally:
        parsed.close()  # its pool stops now (left suspended after its last result, it would stop when collected)


def _parsed_results(tasks: list[tuple[str, str, int, str | None]], workers: int, reusable: dict[str, str],
                    ocr: bool = False) -> Iterator[FileResult]:
    size = max(1, min(16, len(tasks) // (workers * 8)))
    chunks = [tasks[i : i + size] for i in range(0, len(tasks), size)]
    if workers <= 1 or len(tasks) <= 1:
        _init_worker(reusable, ocr)
        for chunk in map(load_chunk, chunks):
            yield from chunk.file_results()
        return
    if multiprocessing.get_start_method() == "fork" and any(name not in reusable for _, name, _, _ in tasks):
        _warm_stages()  # once here rather than once per worker: the forked workers share it
    with multiprocessing.Pool(workers, initializer=_init_pool_worker, initargs=(reusable, ocr)) as pool:
        for chunk in pool.imap(load_chunk, chunks):
            yield from chunk.file_results()


# --- a folder ---------------------------------------------------------------------------------------


def iter_documents(folder: Path, exclude: Path | None = None):
    """Files of a folder, recursively, in a stable order (hidden files and the exclude folder skipped)."""
    exclude = exclude.resolve() if exclude else None
    realpath = _RealPaths()
    # by parts, the order of Path's own comparison (each made anew per comparison: ~0.2 CPU s at 10 000 files)
    for path in sorted(_files(folder), key=operator.attrgetter("parts")):
        if (name := _document_name(folder, path, exclude, realpath)) is not None:
            yield path, name


def has_documents(folder: Path, exclude: Path | None = None) -> bool:
    """Whether iter_documents would yield anything; stops at the first document instead of listing them all."""
    exclude = exclude.resolve() if exclude else None
    realpath = _RealPaths()
    return any(_document_name(folder, path, exclude, realpath) is not None for path in _files(folder))


def _files(folder: Path) -> Iterator[Path]:
    # a dangling symbolic link is listed too, so that it is reported (unreadable) rather than ignored
    return (p for p in folder.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists()))


def _document_name(folder: Path, path: Path, exclude: Path | None,
                   realpath: _RealPaths | None = None) -> str | None:
    """The name a file is loaded under, or None when it is skipped (hidden, or inside the exclude folder).
    path is a file _files found under folder: its parts start with the folder's (what relative_to checks)."""
    rel = path.parts[len(folder.parts):]
    if any(part.startswith(".") for part in rel):
        return None
    if exclude and _resolves_within(path, exclude, realpath):
        return None
    # a name that is not UTF-8 keeps its bytes as \xNN escapes: Parquet strings must be UTF-8
    return "/".join(rel).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _resolves_within(path: Path, folder: Path, realpath: _RealPaths | None) -> bool:
    """path.resolve().is_relative_to(folder) (folder resolved), its folders resolved once by realpath."""
    if realpath is None or path.is_symlink():
        return path.resolve().is_relative_to(folder)  # resolve() raises on a link's loop
    real = realpath(str(path))
    return real.startswith(str(folder)) and Path(real).is_relative_to(folder)  # the text first: most files are not


@dataclass
class LoadOptions:
    workers: int = os.cpu_count() or 1
    max_bytes: int = DEFAULT_MAX_BYTES
    incremental: bool = True  # reuse rows of unchanged files
    batch_docs: int = 200  # documents per Parquet row group: bounds memory, fixed so bytes are stable
    progress: bool = False
    max_shrink: float | None = None  # refuse to lose more than this share of the documents (None: no guard)
    follow_symlinks: bool = False  # read symbolic links to files outside the folder
    ocr: bool = False  # read scanned PDF pages with tesseract (loaders/ocr.py); else they give needs_ocr


@dataclass
class LoadSummary:
    files: int = 0
    parsed: int = 0  # loaded by running the stages
    unchanged: int = 0  # loaded by reusing the previous rows
    duplicates: int = 0
    failed: int = 0
    warnings: int = 0
    removed: int = 0  # documents of the previous load whose file is gone
    repaired: str = ""  # why the previous raw tables could not be reused (a torn set), if they could not
    items: int = 0
    measures: int = 0
    out_dir: Path | None = None

    @property
    def loaded(self) -> int:
        return self.parsed + self.unchanged

    def line(self) -> str:
        return (f"{self.loaded} documents loaded ({self.parsed} parsed, {self.unchanged} unchanged), "
                f"{self.duplicates} duplicates skipped, {self.failed} failed, {self.removed} removed, "
                f"{self.warnings} warnings; {self.measures} measures, {self.items} items -> {self.out_dir}")


@dataclass
class _Previous:
    """What the previous load wrote: where each document's rows are, and first-seen times of its errors."""

    parts: dict[str, _Part] = field(default_factory=dict)  # part -> its rows, when they can be reused
    part_ids: dict[str, str | None] = field(default_factory=dict)  # part -> id of the load that wrote it
    n_docs: dict[str, int] = field(default_factory=dict)  # part -> documents it holds
    doc_of: dict[str, tuple[str, str]] = field(default_factory=dict)  # source_file -> (document_id, part)
    errors: list[dict] = field(default_factory=list)
    warnings_of: dict[tuple[str, str], list[dict]] = field(default_factory=dict)  # (file, sha) -> warnings
    reusable: dict[str, str] = field(default_factory=dict)
    source_files: set[str] = field(default_factory=set)
    owner: dict[str, str] = field(default_factory=dict)  # content_sha256 or document_id -> file loaded with it
    torn: str = ""  # why the previous tables are not one load's output

    @classmethod
    def read(cls, out_dir: Path, reuse_rows: bool, ocr_mode: str = "") -> _Previous:
        prev = cls()
        try:
            errors = out_dir / "raw_load_errors.parquet"
            if errors.exists():
                prev.errors = _read(errors).to_pylist()
            known: dict[str, list[dict]] = {}  # part -> its documents
            for part, path in parts_on_disk(out_dir, "raw_documents").items():
                known[part] = _read(path, ["source_file", "content_sha256", "document_id"]).to_pylist()
                for d in known[part]:
                    prev.source_files.add(d["source_file"])
                    prev.owner[d["content_sha256"]] = prev.owner[d["document_id"]] = d["source_file"]
            if not all(part_path(out_dir, t, BASE).exists() for t in ROW_TABLES):
                return prev
            prev.torn = raw_set_problem(out_dir) or ""
            if not reuse_rows or prev.torn:
                return prev
            for part in known:
                paths = {t: part_path(out_dir, t, part) for t in ROW_TABLES}
                if any((meta := pq.read_schema(p).metadata or {}).get(VERSION_KEY.encode()) != _version().encode()
                       or meta.get(OCR_KEY.encode(), b"") != ocr_mode.encode() for p in paths.values()):
                    return prev  # another loader version (or OCR setting) wrote them: parse everything again
            prev.part_ids = published_parts(out_dir)
            prev.parts = {part: _Part({t: part_path(out_dir, t, part) for t in ROW_TABLES}) for part in known}
        except (OSError, ValueError, pa.ArrowException) as exc:
            return cls(torn=f"the previous raw tables cannot be read ({exc})")  # nothing to reuse: load everything
        prev.n_docs = {part: len(docs) for part, docs in known.items()}
        prev.doc_of = {d["source_file"]: (d["document_id"], part) for part, docs in known.items() for d in docs}
        prev.reusable = {d["source_file"]: d["content_sha256"] for docs in known.values() for d in docs}
        for e in prev.errors:
            if e["reason"] != "duplicate_content":
                prev.warnings_of.setdefault((e["source_file"], e["content_sha256"]), []).append(e)
        return prev

    def warnings(self, res: FileResult) -> list[dict]:
        """The warnings of an unchanged file, as the previous load wrote them."""
        return [dict(e) for e in self.warnings_of.get((res.source_file, res.content_sha256), [])]


class _Part:
    """One part of the row tables (a previous part, or this load's new rows): a document's rows found by the
    runs of its document_id, read a row group at a time."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.tables = {t: _RowGroups(p) for t, p in paths.items()}
        self._runs: dict[str, dict[str, list[tuple[int, int]]]] = {}

    def rows(self, doc_id: str) -> dict[str, pa.Table]:
        found = {}
        for t, groups in self.tables.items():
            if t not in self._runs:
                self._runs[t] = _runs(groups.file.read(columns=["document_id"], use_threads=False).column(0))
            runs = self._runs[t].get(doc_id, [(0, 0)])  # one run: a document's rows are written together
            parts = [groups.rows(start, n) for start, n in runs]
            found[t] = parts[0] if len(parts) == 1 else pa.concat_tables(parts)
        return found


def _layout(n_docs: dict[str, int], kept: list[tuple[str, str | None]]) -> tuple[set[str], str | None]:
    """Which previous parts a load rewrites, and the name of the part it writes (None: none).

    kept: (document_id, its previous part or None when parsed by this load) of the documents loaded, in name
    order. A part holding a document that is not kept (removed, changed, now a duplicate) is rewritten without
    it; when that part is the base, or when the deltas would hold more than MAX_DELTA_SHARE of the documents,
    every part is (one base again, as a load from scratch writes it); a load that would leave more than MAX_PARTS
    parts merges the deltas into its new one. The new part holds the new documents and those of the parts
    rewritten: the base when no other part is left, else the delta numbered after the last."""
    still = Counter(part for _, part in kept if part is not None)
    rewritten = {part for part, n in n_docs.items() if still[part] < n}
    deltas = {part for part in n_docs if part != BASE}
    if BASE in rewritten:
        rewritten = set(n_docs)
    if len(n_docs) - len(rewritten) + 1 > MAX_PARTS:
        rewritten |= deltas
    in_deltas = sum(1 for _, part in kept if part is None or part in deltas)
    if in_deltas > MAX_DELTA_SHARE * len(kept):
        rewritten = set(n_docs)
    left = [part for part in n_docs if part not in rewritten]
    if not left:
        return rewritten, BASE
    if not any(part is None or part in rewritten for _, part in kept):
        return rewritten, None
    return rewritten, str(max((int(p) for p in deltas), default=0) + 1)


def _read(path: Path, columns: list[str] | None = None) -> pa.Table:
    return pq.ParquetFile(path).read(columns=columns, use_threads=False)


class _RowGroups:
    """A previous raw table read one row group at a time. Unchanged files are reused in name order, the order the
    previous load wrote them in, so the load holds one row group (batch_docs documents) of each table, not the
    tables: ~1.1 GB of Arrow at 10 000 documents, ten times that at 100 000 (benchmarks/RESULTS.md, issue 12)."""

    def __init__(self, path: Path) -> None:
        self.file = pq.ParquetFile(path)
        sizes = [self.file.metadata.row_group(i).num_rows for i in range(self.file.num_row_groups)]
        self.starts = list(itertools.accumulate(sizes, initial=0))  # first row of each group, then the row count
        self._group: tuple[int, pa.Table] | None = None  # the row group read last

    def _read_group(self, i: int) -> pa.Table:
        if self._group is None or self._group[0] != i:
            self._group = (i, self.file.read_row_group(i, use_threads=False).replace_schema_metadata(None))
        return self._group[1]

    def rows(self, start: int, n: int) -> pa.Table:
        """Rows start .. start + n - 1, as slices of the row groups holding them (no copy within one group)."""
        parts = []
        while n > 0:
            i = bisect.bisect_right(self.starts, start) - 1
            take = min(n, self.starts[i + 1] - start)
            parts.append(self._read_group(i).slice(start - self.starts[i], take))
            start, n = start + take, n - take
        if len(parts) == 1:
            return parts[0]
        return pa.concat_tables(parts) if parts else self.file.schema_arrow.remove_metadata().empty_table()


def _runs(document_ids: pa.ChunkedArray) -> dict[str, list[tuple[int, int]]]:
    """document_id -> its runs of consecutive rows (start, length), from the column's run-end encoding: a few
    thousand runs to index rather than a Python string and list entry per row (~1.2 M at 10 000 documents)."""
    encoded = pc.run_end_encode(document_ids.combine_chunks())
    ends = encoded.run_ends.to_pylist()
    runs: dict[str, list[tuple[int, int]]] = {}
    for doc_id, start, end in zip(encoded.values.to_pylist(), [0, *ends[:-1]], ends, strict=True):
        runs.setdefault(doc_id, []).append((start, end - start))
    return runs


def _duplicate(res: FileResult, first: str, how: str) -> dict:
    err = LoadError("duplicate_content", f"{res.source_file}: {how} {first}; loaded once, as {first}", "duplicate")
    return error_row(res.source_file, res.content_sha256, err, severity="warning")


class ShrinkRefused(RuntimeError):
    """A load or build would lose more documents than allowed: an unmounted share, a failed crawl."""


def check_shrink(what: str, before: int, after: int, max_shrink: float | None) -> None:
    """Raise ShrinkRefused when `after` documents drop to 0 or by more than max_shrink from `before`."""
    if max_shrink is None or before == 0 or (after > 0 and after >= before * (1 - max_shrink)):
        return
    raise ShrinkRefused(f"{what} would drop from {before} to {after} documents (more than {max_shrink:.0%}); refused, "
                        "so that a missing or broken input cannot empty the warehouse. Pass --allow-shrink if the "
                        "drop is meant (or raise --max-shrink)")


def load_folder(folder: Path, out_dir: Path, options: LoadOptions | None = None,
                report: Callable[[dict], None] | None = None, parse=None) -> LoadSummary:
    """Load every file of folder into out_dir/raw_*.parquet; report(error_row) for each error or warning.

    parse(tasks, workers, reusable) yields the FileResults of the tasks in order: a local process pool
    by default, a Spark job with loaders.spark_load (the folder-level steps below stay the same).
    """
    options = options or LoadOptions()
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = LoadSummary(out_dir=out_dir)
    with exclusive_lock(out_dir / ".load.lock", "a load into this folder"):
        remove_stale_temp_files(out_dir)
        remove_unpublished_parts(out_dir)  # of a load stopped before or after its commit
        ocr_mode = (ocr.tesseract_version() or "missing") if options.ocr else ""
        prev = _Previous.read(out_dir, options.incremental, ocr_mode)
        summary.repaired = prev.torn
        files = list(iter_documents(folder, exclude=out_dir))
        summary.files = len(files)
        current = {name for _, name in files}
        run_time = datetime.now(UTC).isoformat(timespec="seconds")
        first_seen = {_error_key(e): e["occurred_at"] for e in prev.errors}
        version = {VERSION_KEY: _version(), **({OCR_KEY: ocr_mode} if ocr_mode else {})}
        load_id = hashlib.sha256((_version() + ocr_mode).encode())  # of what was loaded: the same inputs, the same id
        new_rows = {t: TableWriter(t, out_dir, version) for t in ROW_TABLES}  # of the documents parsed by this load
        writers = list(new_rows.values())
        try:
            batch: dict[str, list[pa.Table]] = {t: [] for t in ROW_TABLES}
            n_in_batch = 0
            errors: list[dict] = []
            kept: list[tuple[str, str | None]] = []  # (document_id, previous part or None) of the documents loaded
            by_sha: dict[str, str] = {}  # content_sha256 -> the file loaded with it
            by_doc: dict[str, str] = {}  # document_id -> the file loaded with it

            def handle(res: FileResult) -> None:
                nonlocal n_in_batch
                new_errors = list(res.errors)
                loaded, part = False, None
                if res.content_sha256 in by_sha:
                    new_errors = [_duplicate(res, by_sha[res.content_sha256], "same bytes as")]
                elif res.reused:
                    (doc_id, part), loaded, new_errors = prev.doc_of[res.source_file], True, prev.warnings(res)
                elif res.tables is not None:
                    doc_id, loaded = res.document_id, True
                if loaded and doc_id in by_doc:
                    new_errors = [_duplicate(res, by_doc[doc_id], "same text, once cleaned, as")]
                    loaded = False
                if loaded:
                    by_sha[res.content_sha256] = by_doc[doc_id] = res.source_file
                    summary.unchanged += res.reused
                    summary.parsed += not res.reused
                    kept.append((doc_id, part))
                    if not res.reused:
                        for t in ROW_TABLES:
                            batch[t].append(res.tables[t])
                        n_in_batch += 1
                        if n_in_batch >= options.batch_docs:
                            _flush(new_rows, batch)
                            n_in_batch = 0
                elif any(e["severity"] == "error" for e in new_errors):  # a duplicate or a skipped table is no failure
                    summary.failed += 1
                load_id.update(f"{res.source_file}\0{res.content_sha256}\0{doc_id if loaded else '-'}\0".encode())
                for e in new_errors:
                    e["occurred_at"] = e.get("occurred_at") or first_seen.get(_error_key(e), run_time)
                    summary.duplicates += e["reason"] == "duplicate_content"
                    summary.warnings += e["severity"] == "warning" and e["reason"] != "duplicate_content"
                    load_id.update(f"{e['reason']}\0".encode())
                    if report:
                        report(e)
                errors.extend(new_errors)

            # The original of duplicate files is the one loaded before, else the first name: a file whose
            # content a later file held in the previous load waits for that file (results come in name order).
            handled: set[str] = set()
            waiting: dict[str, list[FileResult]] = {}
            root = None if options.follow_symlinks else os.path.realpath(folder)
            tasks = [(str(p), name, options.max_bytes, root) for p, name in files]
            results = (parse or _results)(tasks, options.workers, prev.reusable, ocr=options.ocr)
            for res in tqdm(results, total=len(tasks), unit="doc", disable=not options.progress, leave=False):
                owner = prev.owner.get(res.content_sha256 or "") or prev.owner.get(res.document_id or "")
                if owner and owner != res.source_file and owner in current and owner not in handled:
                    waiting.setdefault(owner, []).append(res)
                    continue
                ready = [res]
                while ready:
                    one = ready.pop(0)
                    handle(one)
                    handled.add(one.source_file)
                    ready += waiting.pop(one.source_file, [])
            for late in waiting.values():  # unreachable unless an owner vanished mid-load; never drop a file
                for res in late:
                    handle(res)
            _flush(new_rows, batch)
            fault_point("load:parsed")
            check_shrink("the load", len(prev.source_files), summary.loaded, options.max_shrink)
            this_load = load_id.hexdigest()[:16]
            rewritten, new_part = _layout(prev.n_docs, kept)
            out = new_rows
            for w in new_rows.values():
                w.close(this_load)
            if new_part is not None and any(part is not None for _, part in kept if part in rewritten):
                out = _rewrite(kept, rewritten, prev, new_rows, out_dir, version, options.batch_docs, this_load)
                writers += out.values()
            # the row tables' new part first, the error table (naming the parts published) last
            published = {part: prev.part_ids.get(part) for part in prev.n_docs if part not in rewritten}
            if new_part is not None:
                for t in ROW_TABLES:
                    out[t].publish(part_path(out_dir, t, new_part))
                published[new_part] = this_load
            write_table(errors, "raw_load_errors", out_dir, version, this_load,
                        {PARTS_KEY: json.dumps(published, sort_keys=True)})
            remove_unpublished_parts(out_dir)  # the parts rewritten, and those of a set parsed again
        finally:
            for w in writers:
                w.abort()
        summary.removed = len(prev.source_files - current)
        summary.items, summary.measures = raw_rows(out_dir, "raw_items"), raw_rows(out_dir, "raw_measures")
    # Arrow's allocator (mimalloc) keeps the pages of freed tables: without this ~1.4 GB of them (10 000 documents)
    # stayed resident while a refresh's dbt build ran (benchmarks/RESULTS.md, issue 12)
    prev = _Previous()
    pa.default_memory_pool().release_unused()
    return summary


def _rewrite(kept: list[tuple[str, str | None]], rewritten: set[str], prev: _Previous, new_rows: dict[str, TableWriter],
             out_dir: Path, version: dict[str, str], batch_docs: int, load_id: str) -> dict[str, TableWriter]:
    """The new part when it holds documents of rewritten parts: their rows and the new ones, in name order, from
    the parts holding them (read a row group at a time), batch_docs documents a row group as a load writes them."""
    fresh = _Part({t: w.tmp for t, w in new_rows.items()})
    out = {t: TableWriter(t, out_dir, version) for t in ROW_TABLES}
    batch: dict[str, list[pa.Table]] = {t: [] for t in ROW_TABLES}
    docs = [(doc_id, part) for doc_id, part in kept if part is None or part in rewritten]
    for i, (doc_id, part) in enumerate(docs, 1):
        for t, rows in (fresh if part is None else prev.parts[part]).rows(doc_id).items():
            batch[t].append(rows)
        if i % batch_docs == 0:
            _flush(out, batch)
    _flush(out, batch)
    for w in out.values():
        w.close(load_id)
    return out


def _error_key(e: dict) -> tuple:
    return (e["source_file"], e["content_sha256"], e["stage"], e["reason"], e["message"])


def _flush(writers: dict[str, TableWriter], batch: dict[str, list[pa.Table]]) -> None:
    for t, parts in batch.items():
        if parts:
            schema = SCHEMAS[t]  # a worker's table has it already: a cast per part cost the main process 20 %
            writers[t].write(pa.concat_tables([p if p.schema.equals(schema) else p.cast(schema) for p in parts]))
        parts.clear()

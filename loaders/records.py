"""Records the loaders produce: one dataclass per raw Parquet table.

These field names and types are the contract with the dbt sources
(models/staging/_raw__sources.yml). Change both together.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields


def fast_init(cls):
    """Put above @dataclass(frozen=True) of a record made by the thousand per document: its __init__ then
    fills __dict__ directly instead of one object.__setattr__ per field (the frozen dataclass's way,
    ~0.15 µs a field). Same fields, defaults, order and object; the record stays frozen afterwards."""
    params, names, defaults = [], [], {}
    for f in fields(cls):
        if not f.init or f.default_factory is not MISSING or hasattr(cls, "__post_init__"):
            raise TypeError(f"fast_init: {cls.__name__}.{f.name} needs the dataclass's own __init__")
        names.append(f.name)
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    source = f"def __init__(self, {', '.join(params)}):\n    own = self.__dict__\n" + "".join(
        f"    own[{n!r}] = {n}\n" for n in names)
    exec(source, defaults)  # noqa: S102 (generated from the field names, as dataclasses does)
    defaults["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = defaults["__init__"]
    return cls


@dataclass(frozen=True)
class CleanDocument:
    """A document after reading: decoded, simplified, normalised, de-cluttered."""

    text: str  # cleaned simplified text; all offsets point into it
    encoding: str  # detected source encoding, e.g. "utf-8", "gb18030", "big5"
    source_format: str  # "txt" | "html" | "pdf" | "docx" | "doc" | "wps" | "csv" | "json"
    script: str  # "traditional" | "simplified": the script of the source
    original_text: str = ""  # the same cleaned lines in the source's script (for quotes); offsets
    # of .text point here too unless OpenCC changed a line's length (rare)
    header: dict[str, str] = field(default_factory=dict)  # page-header fields (索引号, 发布机构, ...)
    pages: int | None = None  # pages of a PDF; None for other formats
    tables: list = field(default_factory=list)  # tables.TableBlock placed in .text (PDF, Word)
    properties: dict[str, str] = field(default_factory=dict)  # file metadata: title, created (ISO date); an export: region, year, url
    ocr_spans: list = field(default_factory=list)  # (start, end) of .text read by OCR (scanned PDF pages)
    warnings: list = field(default_factory=list)  # LoadErrors of a file that loads all the same (rows left out)


@dataclass(frozen=True)
class Metadata:
    title: str | None
    issuer: str | None
    doc_number: str | None  # 文件编号 such as 常政发〔2023〕23号
    published_on: str | None  # ISO date YYYY-MM-DD
    region_name: str | None  # as resolved, e.g. 常州市
    region_code: str | None  # GB/T 2260 six-digit code
    doc_type: str | None  # "plan" | "report"
    year: int | None  # the year the document is about
    # the level the document speaks for: "province" | "city" (its region's own level) | "county"
    # (a county-level document assigned to its parent region); None with no region
    region_scope: str | None = None
    county_name: str | None = None  # the county-level division of a county document, e.g. 武进区
    county_code: str | None = None  # its GB/T 2260 six-digit code (cpca's table); None unless county
    # annual_plan | five_year_plan | work_report | progress_report | bulletin | rectification_report | other
    doc_kind: str | None = None


@fast_init
@dataclass(frozen=True)
class Item:
    """A numbered item of the body (一、 / (一) / 1. / (1) / ——) or a paragraph."""

    item_path: str  # e.g. "三/(四)/12"; "" for text before the first heading
    level: int  # 0 = preamble, 1 = 一、, 2 = (一), 3 = 1., 4 = (1), 5 = ①, 6 = ——
    marker: str  # the numbering as written, e.g. "(四)"
    heading: str  # the item's first sentence or title, without the marker
    char_start: int
    char_end: int
    section_kind: str | None = None  # "target" | "outcome" when a label says so (工作任务 / 完成情况)
    parent_path: str = ""  # item_path of the enclosing item; "" under the root


@fast_init
@dataclass(frozen=True)
class Sentence:
    char_start: int
    char_end: int
    item_path: str
    section_kind: str | None = None  # "target" | "outcome" of the labelled section holding it (items.section_kind_at)


@dataclass
class Measure:
    kind: str  # "target" | "outcome"
    subject_zh: str
    comparator: str  # eq lt le gt ge approx
    value: float | None  # canonical unit; None when masked
    unit: str  # canonical unit code
    value_text: str  # the number and unit as written, e.g. "7.5万辆"
    char_start: int  # offsets of value_text in the cleaned text
    char_end: int
    sentence_start: int
    sentence_end: int
    item_path: str
    year: int | None
    is_masked: bool = False
    is_change: bool = False  # a year-on-year change (同比下降1.3%)
    qualifier: str | None = None  # 余 / 近 / 约 / 左右 / 力争 ...
    mentioned_regions: list[str] = field(default_factory=list)
    domain_code: str | None = None
    # names of the rules that decided kind, comparator and year, ";"-joined (loaders/measures): a wrong row
    # explains itself, e.g. "kind_section_label;comparator_suffix;year_in_clause"
    rules: str | None = None
    # "2021-2025": a total over a plan's period ([ ] in a table), a five-year review's change, a next plan's goal
    period: str | None = None
    binding: str | None = None  # "binding" (约束性) | "expected" (预期性) from a table's 属性 column
    page: int | None = None  # where a figure read from a table sits: page (PDF), table, row, column (1-based)
    table_no: int | None = None
    row_no: int | None = None
    col_no: int | None = None


# Column order of each raw table. Kept here so the writer and the tests agree.
RAW_DOCUMENT_COLUMNS = [
    "document_id",  # sha256 of the cleaned text, first 16 hex digits
    "source_file",  # file name relative to the input folder
    "content_sha256",  # sha256 of the raw bytes
    "n_bytes",
    "encoding",
    "source_format",
    "script",
    "title",
    "issuer",
    "doc_number",
    "published_on",
    "region_name",
    "region_code",
    "doc_type",
    "year",
    "n_chars",
    "text",
    "region_scope",  # province | city | county | null (national or unknown)
    "county_name",  # null unless region_scope is county (and even then when the county is not named)
    "county_code",
    "doc_kind",  # annual_plan | five_year_plan | work_report | progress_report | bulletin | rectification_report | other
    "pages",  # pages of a PDF; null for other formats
    "rows_sha256",  # sha256 of this document's rows in every raw table: what an incremental build compares
]
RAW_ITEM_COLUMNS = [
    "item_id",  # document_id + ":" + item_path
    "document_id",
    "item_path",
    "level",
    "marker",
    "heading",
    "text",
    "char_start",
    "char_end",
    "section_kind",
    "domain_code",
    "parent_path",  # item_path of the enclosing item; "" under the root
]
RAW_MEASURE_COLUMNS = [
    "measure_id",  # document_id:char_start, then :2, :3 ... for later measures at one offset (pipeline.measure_ids)
    "document_id",
    "item_path",
    "kind",
    "subject_zh",
    "comparator",
    "value",
    "unit",
    "value_text",
    "sentence",
    "char_start",
    "char_end",
    "sentence_start",
    "sentence_end",
    "year",
    "is_masked",
    "is_change",
    "qualifier",
    "mentioned_regions",  # list[str]
    "domain_code",
    "rules",  # rules that decided kind, comparator and year, ";"-joined
    "is_environmental",  # false for economy, society, fiscal ... figures (loaders/semantics.py)
    "sub_area",  # the part of the region a figure is limited to (中心城区, a district ...), else null
    "period",
    "binding",
    "page",  # page, table_no, row_no, col_no: a figure read from a table (null for prose)
    "table_no",
    "row_no",
    "col_no",
]
RAW_LOAD_ERROR_COLUMNS = [
    "source_file",
    "content_sha256",  # null when the file could not be read
    "stage",  # read | decode | metadata | duplicate | size | ...
    "severity",  # "error" (file not loaded) | "warning" (loaded with nulls)
    "reason",  # a short code, e.g. empty_file, binary_file, undecodable, too_large, no_region, no_year, duplicate_content, rejected_rows
    "message",  # a sentence a person can act on
    "occurred_at",  # ISO timestamp of the load
]

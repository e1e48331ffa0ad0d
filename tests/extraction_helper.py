"""Invented sentences extracted as a document's text, items and sentences split as the loader splits them: the one
helper of the grammar tests that read measures of a sentence under a given document's metadata."""

from __future__ import annotations

from loaders.items import split_items, split_sentences
from loaders.measures import extract_measures
from loaders.records import Metadata

# A city's work report and a city's five-year plan, of no real city (the grammar must not depend on one).
CITY_REPORT = Metadata("某市政府工作报告", None, None, "2024-02-01", "某市", "340500", "report", 2024,
                       region_scope="city", doc_kind="work_report")
CITY_PLAN = Metadata("某市生态环境保护规划", None, None, "2021-06-01", "某市", "340500", "plan", 2021,
                     region_scope="city", doc_kind="plan")


def extract(text: str, meta: Metadata) -> list:
    items = split_items(text)
    return extract_measures(text, items, split_sentences(text, items), meta)


def by_value_text(text: str, meta: Metadata) -> dict:
    """The measures of text keyed by the figure as written (one per figure in these tests)."""
    return {m.value_text: m for m in extract(text, meta)}


def loaded_measures(text: str, name: str = "plan.txt") -> dict[str, dict]:
    """The rows the loader gives for text, a whole invented document (its first line decides its kind and region),
    keyed by the figure as written."""
    from loaders.pipeline import process_document

    return {m["value_text"]: m for m in process_document(text.encode("utf-8"), name).measures}


def page_measures(text: str, name: str = "t.txt") -> list[dict]:
    """Every row the loader gives for text read as a whole page (its first lines decide kind, year and region), in
    order."""
    from loaders.pipeline import process_document

    return process_document(text.encode("utf-8"), name).measures


def page_measure(text: str, value_text: str, name: str = "t.txt") -> dict:
    """The first row of a page whose figure is written value_text."""
    return next(m for m in page_measures(text, name) if m["value_text"] == value_text)


# The first lines of an invented provincial five-year plan, before the paragraph a plan grammar test reads.
PLAN_HEAD = "某省“十六五”生态环境保护规划\n第一章 发展基础\n"


def plan_paragraph(text: str) -> list[dict]:
    """Every row the loader gives for an invented plan's paragraph, in order (figures as written may repeat)."""
    from loaders.pipeline import process_document

    return process_document((PLAN_HEAD + text + "\n").encode("utf-8"), "plan.txt").measures


def plan_subjects(text: str) -> list[tuple[str, str]]:
    """(figure as written, subject) of every row of an invented plan's paragraph, in order."""
    return [(m["value_text"], m["subject_zh"]) for m in plan_paragraph(text)]


# The document fields measure_semantics reads, for a work report and an environmental plan of no real city.
REPORT_FIELDS = {"title": "某市政府工作报告", "doc_kind": "work_report"}
PLAN_FIELDS = {"title": "某市生态环境保护规划", "doc_kind": "plan"}


def flags(text: str, document: dict = REPORT_FIELDS) -> dict[str, bool]:
    """is_environmental of each figure of text (keyed by the figure as written), read as the loader reads it in the
    part of a work report that plans the year, under document's title and kind."""
    from loaders.pipeline import process_document
    from loaders.semantics import measure_semantics

    measures = process_document(("2024年工作安排\n" + text).encode(), "t.txt").measures
    return {m["value_text"]: measure_semantics(m, document)["is_environmental"] for m in measures}

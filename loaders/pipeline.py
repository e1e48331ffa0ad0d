"""One document -> rows of the raw tables; a folder -> the raw Parquet files.

process_document is pure (bytes in, rows out) so it can run in a worker process.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from loaders import domains, items, measures, metadata, reading
from loaders.errors import LoadError


@dataclass
class DocumentResult:
    source_file: str
    document: dict | None = None
    items: list[dict] = field(default_factory=list)
    measures: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)


def error_row(source_file: str, content_sha256: str | None, err: LoadError, severity: str = "error") -> dict:
    return {
        "source_file": source_file,
        "content_sha256": content_sha256,
        "stage": err.stage,
        "severity": severity,
        "reason": err.reason,
        "message": err.message,
        "occurred_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def process_document(data: bytes, source_file: str) -> DocumentResult:
    result = DocumentResult(source_file)
    sha = hashlib.sha256(data).hexdigest()
    try:
        doc = reading.read_document(data, source_file)
    except LoadError as err:
        result.errors.append(error_row(source_file, sha, err))
        return result
    text = doc.text
    document_id = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    meta = metadata.extract_metadata(text)
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
        **{k: v for k, v in asdict(meta).items()},
        "n_chars": len(text),
        "text": text,
    }
    doc_items = items.split_items(text)
    sentences = items.split_sentences(text, doc_items)
    for it in doc_items:
        body = text[it.char_start : it.char_end]
        result.items.append(
            {
                "item_id": f"{document_id}:{it.item_path}",
                "document_id": document_id,
                **asdict(it),
                "text": body,
                "domain_code": domains.classify_domain(body, [it.heading]),
            }
        )
    for m in measures.extract_measures(text, doc_items, sentences, meta):
        row = asdict(m)
        row["measure_id"] = f"{document_id}:{m.char_start}"
        row["document_id"] = document_id
        row["sentence"] = text[m.sentence_start : m.sentence_end]
        result.measures.append(row)
    return result


def iter_documents(folder: Path):
    """Files of a folder, recursively, in a stable order."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        yield path, path.relative_to(folder).as_posix()

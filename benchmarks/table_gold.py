"""Table extraction against the hand-made table gold (rows with source=table), per plan.

    .venv/bin/python -m benchmarks.table_gold [GOLD.csv]

A gold cell is found when a measure read from a table of the same document has the same value (or,
for a cell of words, the same value_text) and a row label agreeing with the gold quote; it is right
when its kind and year agree too, and fully right when its binding (属性), period (a `[ ]` total) and
unit agree as well (a cell of words has no unit to compare, as in evaluate-corpus); of several
measures agreeing with a gold cell, the one agreeing most is taken. Precision counts the table measures of the document that match no
gold cell (a `headline` gold leaves some real cells out, so it is a lower bound). Only documents the gold's
documents.csv marks `dev` or `heldout` (the first held-out batch, open for tuning since) are read:

    .venv/bin/python -m benchmarks.table_gold tests/gold/corpus/heldout/measures.csv

--ocr reads the documents with OCR of their scanned pages and pictured tables (`envwh load --ocr`, tesseract),
for the gold of tables printed as scans (tests/gold/corpus/ocr_tables.csv, kept out of the batch folders: its
quotes are in no text layer; a gold outside a batch folder takes the sets of every batch's documents.csv):

    .venv/bin/python -m benchmarks.table_gold --ocr tests/gold/corpus/ocr_tables.csv

Of the cells not found, "null, flagged" counts those whose row (its label at least 60% like the gold's, same
kind and year) holds a masked figure (one OCR could not read surely: null, with `ocr` in its rules) and
"wrong figure" those whose row holds another figure: the worst outcome, a number invented by a misread.
"""

from __future__ import annotations

import csv
import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from loaders import pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests/gold/corpus/plans/measures.csv"
_PUNCT = re.compile(r"[\s()（）%％*:：,，、·\-—]")


def _norm(s: str) -> str:
    s = _PUNCT.sub("", unicodedata.normalize("NFKC", s or ""))  # ２０１５ is 2015
    for roman, ascii_ in (("Ⅰ", "I"), ("Ⅱ", "II"), ("Ⅲ", "III"), ("Ⅳ", "IV"), ("Ⅴ", "V")):
        s = s.replace(roman, ascii_)
    return s.lower()


def _same_value(gold: dict, m: dict) -> bool:
    if gold["value"] == "":
        return m["value"] is None and _norm(gold["value_text"]) == _norm(m["value_text"])
    if m["value"] is None:
        return False
    g = float(gold["value"])
    return abs(g - m["value"]) <= 1e-6 * max(1.0, abs(g))


def _same_row(gold: dict, m: dict) -> bool:
    quote, subject, row = _norm(gold["quote"]), _norm(gold["subject_zh"]), _norm(m["sentence"])
    return bool(quote) and (quote[:8] in row or subject[:8] in row or _norm(m["subject_zh"])[:8] in quote)


def _fully_right(gold: dict, m: dict) -> bool:
    # a figure in words only (未发生, III类) has no unit to compare, as in evaluate-corpus: the warehouse
    # gives it the table's unit-less code where the gold leaves the unit empty
    return ((gold["binding"] or None) == m["binding"] and (gold["period"] or None) == m["period"]
            and (gold["value"] == "" or gold["unit"] == m["unit"]))


OPEN_SETS = ("dev", "heldout")  # the sets of documents one may read and tune on


def _readable(gold_path: Path):
    """Whether a document of the gold may be read: one its batch's documents.csv marks open; for a gold outside
    a batch folder (ocr_tables.csv), any document no batch marks with a set still closed."""
    own = gold_path.parent / "documents.csv"
    lists = [own] if own.exists() else sorted(gold_path.parent.glob("*/documents.csv"))
    sets: dict[str, str] = {}
    for path in lists:
        with open(path, encoding="utf-8") as fh:
            sets |= {r["doc_file"]: r["set"] for r in csv.DictReader(fh)}
    if own.exists():
        return lambda doc: sets.get(doc) in OPEN_SETS
    return lambda doc: sets.get(doc, "dev") in OPEN_SETS


def evaluate(gold_path: Path, ocr: bool = False) -> list[tuple]:
    gold_rows = [r for r in csv.DictReader(open(gold_path, encoding="utf-8")) if r["source"] == "table"]
    readable = _readable(gold_path)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in gold_rows:
        if readable(r["doc_file"]):
            by_doc[r["doc_file"]].append(r)
    out = []
    for doc_file, golds in sorted(by_doc.items()):
        path = ROOT / "data/corpus" / doc_file
        res = pipeline.safe_process(path.read_bytes(), path.name, ocr)
        found = [m for m in res.measures if m["table_no"] is not None]
        used: set[int] = set()
        n_found = n_right = n_full = 0
        for g in golds:
            cands = [i for i, m in enumerate(found) if i not in used and _same_value(g, m) and _same_row(g, m)]
            right = [i for i in cands if found[i]["kind"] == g["kind"] and str(found[i]["year"]) == g["year"]]
            full = [i for i in right if _fully_right(g, found[i])]
            pick = (full or right or cands)[:1]
            if pick:
                used.add(pick[0])
                n_found += 1
                n_right += bool(right)
                n_full += bool(right) and _fully_right(g, found[pick[0]])
        out.append((Path(doc_file).stem, len(golds), len(found), n_found, n_right, n_full, *_misses(golds, found, used)))
    return out


def _misses(golds: list[dict], found: list[dict], used: set[int]) -> tuple[int, int, int, int, int]:
    """Of the gold cells not found: those whose row (label like the quote, same kind and year) has a null
    figure instead (masked: unread by OCR, flagged), those with another figure there (wrong), those with
    other words or an unparsed text there (null, not masked: 器昌.在 for 80.6, 完成当下达目标), those whose row
    is read but without that cell (its figure dropped, or its column's year or kind lost), and those whose row
    is not found (label misread beyond recognition, or the row or grid lost). A label misread by OCR still
    counts as its row when most of it agrees."""
    flagged = wrong = unparsed = no_cell = no_row = 0
    for g in golds:
        if any(i in used and _same_value(g, found[i]) and _same_row(g, found[i]) for i in range(len(found))):
            continue
        rows = sorted(((_label_likeness(g, m), i) for i, m in enumerate(found) if i not in used
                       and m["kind"] == g["kind"] and str(m["year"]) == g["year"]), reverse=True)
        rows = [i for likeness, i in rows if likeness >= ROW_LIKENESS]
        if not rows:
            row_read = any(_label_likeness(g, m) >= ROW_LIKENESS for m in found)
            no_cell, no_row = no_cell + row_read, no_row + (not row_read)
            continue
        used.add(rows[0])
        if found[rows[0]]["value"] is None:
            flagged += bool(found[rows[0]]["is_masked"])
            unparsed += not found[rows[0]]["is_masked"]
        else:
            wrong += not _same_value(g, found[rows[0]])
    return flagged, wrong, unparsed, no_cell, no_row


ROW_LIKENESS = 0.6  # share of the gold label's characters a table row's sentence holds in order


def _label_likeness(gold: dict, m: dict) -> float:
    quote = _norm(gold["quote"])
    row = _norm(m["sentence"])
    if not quote:
        return 0.0
    blocks = difflib.SequenceMatcher(None, quote, row, autojunk=False).get_matching_blocks()
    return sum(b.size for b in blocks) / len(quote)


def main() -> None:
    args = sys.argv[1:]
    if {"-h", "--help"} & set(args):
        print(__doc__)
        return
    ocr = "--ocr" in args
    paths = [a for a in args if a != "--ocr"]
    rows = evaluate(Path(paths[0]) if paths else DEFAULT_GOLD, ocr)
    print("| plan | gold cells | table measures | cells found | year & kind right | recall | precision "
          "| + binding, period, unit right | null, flagged | wrong figure | null, not masked "
          "| row without the cell | row not found |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, *counts in [*rows, ("**all**", *[sum(col) for col in zip(*(r[1:] for r in rows), strict=True)])]:
        n_gold, n_found, n_match, n_right, n_full, *misses = counts
        print(f"| {name} | {n_gold} | {n_found} | {n_match} | {n_right} | {n_right / n_gold:.2f} | "
              f"{n_right / max(n_found, 1):.2f} | {n_full / n_gold:.2f} | " + " | ".join(map(str, misses)) + " |")


if __name__ == "__main__":
    main()

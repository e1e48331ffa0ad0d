"""Move the offsets of the judged samples (tests/gold/corpus/audits, recall/ and tuning/) when a change of the
loader moves the text of their documents (a line break taken out shifts every later character).

Two steps, around the change of the loader:

    python -m benchmarks.reanchor dump /tmp/old_texts.json      # with the loader before the change
    python -m benchmarks.reanchor move /tmp/old_texts.json      # with the loader after it: rewrites the CSVs

`dump` keeps the text of every document a sample names; `move` reads them again and, for each document whose
text changed, maps each row's span from the old text to the new: lines the change left alone map exactly
(difflib on lines); a span inside changed lines is found by its quote (value_text, or the sentence) nearest
its old place in the changed block, else its ends are mapped one by one (reported: the text of the span changed).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import difflib
import hashlib
import json
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
AUDITS = ROOT / "tests" / "gold" / "corpus" / "audits"
# (document column, start, end, quote column) of the kinds of sample; a link sample has two (its target, its outcome)
SPANS = (("document", "char_start", "char_end", "value_text"), ("doc_file", "sentence_start", "sentence_end", "sentence"),
         *((f"{side}_document", f"{side}_char_start", f"{side}_char_end", f"{side}_value_text") for side in ("target", "outcome")))


def _samples() -> list[Path]:
    return sorted(AUDITS.rglob("*.csv"))


def _read(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _spans_of(fields: list[str]) -> list[tuple[str, str, str, str]]:
    return [span for span in SPANS if all(col in fields for col in span)]


def _documents() -> set[str]:
    docs = set()
    for path in _samples():
        fields, rows = _read(path)
        for span in _spans_of(fields):
            docs |= {row[span[0]] for row in rows if row[span[0]]}
    return docs


@cache
def corpus_text(doc: str) -> str:
    """The loaders' cleaned text of a corpus document (the text samples' offsets point into); cached per process."""
    from loaders.pipeline import read_any

    return read_any((CORPUS / doc).read_bytes(), doc).text


def _doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]  # as loaders.pipeline names a document


class OffsetMap:
    """Old offsets of one document's text to new ones, by the lines both texts share."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = old, new
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_at, new_at = _starts(old_lines), _starts(new_lines)
        self.blocks = []  # (old start, new start, length, equal)
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False).get_opcodes():
            self.blocks.append((old_at[i1], new_at[j1], old_at[i2] - old_at[i1], new_at[j2] - new_at[j1], tag == "equal"))
        self._old_starts = [b[0] for b in self.blocks]

    def move(self, start: int, end: int, quote: str) -> tuple[int, int]:
        k = bisect.bisect_right(self._old_starts, start) - 1
        old_at, new_at, old_len, new_len, equal = self.blocks[k]
        if equal and end <= old_at + old_len:
            return start - old_at + new_at, end - old_at + new_at
        # inside (or across) changed lines: the quote nearest its relative place in the new block
        guess = new_at + (start - old_at)
        lo, hi = max(0, new_at - len(quote)), new_at + new_len + (end - start) + len(quote) + 200
        window = self.new[lo:hi]
        hits, i = [], window.find(quote)
        while i >= 0:
            hits.append(lo + i)
            i = window.find(quote, i + 1)
        if not hits:  # the quote itself changed (a sentence the change rejoined): its ends, each mapped alone
            return self._point(start, at_end=False), self._point(end, at_end=True)
        best = min(hits, key=lambda h: abs(h - guess))
        return best, best + len(quote)


    def _point(self, at: int, at_end: bool) -> int:
        """One offset: exact in unchanged lines; in changed ones, as far from the block's start (an end: from the
        block's end) as it was."""
        k = bisect.bisect_right(self._old_starts, at - (1 if at_end else 0)) - 1
        old_at, new_at, old_len, new_len, equal = self.blocks[k]
        if equal:
            return at - old_at + new_at
        if at_end:
            return max(new_at, new_at + new_len - (old_at + old_len - at))
        return min(new_at + new_len, new_at + at - old_at)


def _starts(lines: list[str]) -> list[int]:
    out = [0]
    for line in lines:
        out.append(out[-1] + len(line))
    return out


def dump(out: Path) -> None:
    texts = {doc: corpus_text(doc) for doc in sorted(_documents()) if (CORPUS / doc).exists()}
    out.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    print(f"{len(texts)} documents' texts written to {out}")


def move(old_path: Path, only: list[Path] | None = None) -> int:
    old_texts = json.loads(old_path.read_text(encoding="utf-8"))
    maps = {}
    for doc, old in old_texts.items():
        new = corpus_text(doc)
        if new != old:
            maps[doc] = (OffsetMap(old, new), _doc_id(old), _doc_id(new))
    print(f"{len(maps)} documents' texts changed: {', '.join(sorted(maps))}")
    changed = 0
    for path in only or _samples():
        fields, rows = _read(path)
        moved, before = 0, [dict(row) for row in rows]
        for doc_col, start_col, end_col, quote_col in _spans_of(fields):
            id_col = doc_col.removesuffix("document").removesuffix("doc_file") + "measure_id"
            for row in rows:
                if row[doc_col] not in maps:
                    continue
                offsets, old_id, new_id = maps[row[doc_col]]
                start, end = int(row[start_col]), int(row[end_col])
                if offsets.old[start:end] != row[quote_col] and quote_col.endswith("value_text"):
                    print(f"{path.name}: {row[doc_col]} {start}: the old text does not hold {row[quote_col]!r} there",
                          file=sys.stderr)
                new_span = offsets.move(start, end, offsets.old[start:end])
                if offsets.new[new_span[0] : new_span[1]] != offsets.old[start:end]:
                    changed += 1  # a span the change rewrote (a sentence rejoined): its ends, mapped one by one
                    print(f"{path.name}: {row[doc_col]} {start}: {row[quote_col][:30]!r} changed in the new text",
                          file=sys.stderr)
                if new_span != (start, end):
                    moved += 1
                row[start_col], row[end_col] = str(new_span[0]), str(new_span[1])
                if row.get(id_col, "").startswith(f"{old_id}:"):  # the document's id is the hash of its text
                    row[id_col] = f"{new_id}:{new_span[0]}"
        if rows != before:
            with open(path, "w", encoding="utf-8", newline="") as fh:  # csv's own \r\n, as the samples were written
                writer = csv.DictWriter(fh, fieldnames=fields)
                writer.writeheader()
                writer.writerows(rows)
            print(f"{path.relative_to(ROOT)}: {moved} rows moved")
    print(f"{changed} spans whose text the change rewrote")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", choices=["dump", "move"])
    parser.add_argument("texts", type=Path, help="the JSON of the old texts")
    parser.add_argument("samples", nargs="*", type=Path, help="move only these CSVs (samples added since the move)")
    args = parser.parse_args()
    if args.step == "dump":
        dump(args.texts)
        return 0
    return move(args.texts, [p.resolve() for p in args.samples])


if __name__ == "__main__":
    sys.exit(main())

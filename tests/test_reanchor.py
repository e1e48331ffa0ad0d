"""benchmarks/reanchor.py moves a judged span from a document's old text to its new one (a line break taken out)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # benchmarks/ is not part of the installed package
from benchmarks.reanchor import OffsetMap  # noqa: E402

OLD = "前言。\n生态基流不低于64m\n3\n/s。\n森林覆盖率达到45%。\n新增绿地120公顷。\n"
NEW = "前言。\n生态基流不低于64m3/s。\n森林覆盖率达到45%。\n新增绿地120公顷。\n"


def _move(quote: str, quote_new: str | None = None) -> str:
    start = OLD.index(quote)
    new_start, new_end = OffsetMap(OLD, NEW).move(start, start + len(quote), quote)
    return NEW[new_start:new_end]


def test_a_span_after_the_change_moves_by_what_was_taken_out():
    assert _move("45%") == "45%" and _move("120公顷") == "120公顷"
    start = OLD.index("45%")
    assert OffsetMap(OLD, NEW).move(start, start + 3, "45%")[0] == start - 2  # the two line breaks taken out


def test_a_span_before_the_change_stays_and_one_inside_it_is_found_by_its_quote():
    assert OffsetMap(OLD, NEW).move(0, 3, "前言。") == (0, 3)
    assert _move("64m") == "64m"
    sentence = OLD.index("生态")
    moved = OffsetMap(OLD, NEW).move(sentence, OLD.index("。", sentence) + 1, OLD[sentence : OLD.index("。", sentence) + 1])
    assert NEW[moved[0] : moved[1]] == "生态基流不低于64m3/s。"  # a rewritten span: its ends mapped one by one

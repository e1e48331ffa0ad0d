"""A subject never ends with the punctuation that closes its sentence or clause: PDF text writes the full stop as
"." (建成5个左右“美丽海湾”.), and a semicolon or pause may follow the words a count names. Invented sentences."""

from __future__ import annotations

import pytest

from loaders.pipeline import process_document

PLAN = """某省“十六五”生态环境保护规划
第一章 主要目标
"""


@pytest.mark.parametrize("sentence", [
    "2030年底前,力争建成3个左右“美丽河湖”.",
    "2030年底前,累计建成生态廊道12条;",
    "2030年底前,力争建成3个左右“美丽河湖”。",
])
def test_a_subject_does_not_end_with_the_sentences_punctuation(sentence):
    rows = process_document((PLAN + sentence + "\n").encode("utf-8"), "plan.txt").measures
    assert rows, sentence
    for m in rows:
        assert m["subject_zh"] and not m["subject_zh"].endswith((".", "。", ";", "；", "、")), m["subject_zh"]

"""A subject never ends with the punctuation that closes its sentence or clause: PDF text writes the full stop as
"." (建成5个左右“美丽海湾”.), and a semicolon or pause may follow the words a count names. Invented sentences."""

from __future__ import annotations

import pytest
from extraction_helper import plan_paragraph


@pytest.mark.parametrize("sentence", [
    "2030年底前,力争建成3个左右“美丽河湖”.",
    "2030年底前,累计建成生态廊道12条;",
    "2030年底前,力争建成3个左右“美丽河湖”。",
])
def test_a_subject_does_not_end_with_the_sentences_punctuation(sentence):
    rows = plan_paragraph(sentence)
    assert rows, sentence
    for m in rows:
        assert m["subject_zh"] and not m["subject_zh"].endswith((".", "。", ";", "；", "、")), m["subject_zh"]

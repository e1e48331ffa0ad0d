"""Work reports, round 16 (reports16): S16 / S17's classes left by reports15, each on a made-up sentence."""

from __future__ import annotations

from loaders.pipeline import process_document


def _measures(text: str) -> list[dict]:
    return process_document(text.encode("utf-8"), "t.txt").measures


def _measure(text: str, value_text: str) -> dict:
    return next(m for m in _measures(text) if m["value_text"] == value_text)


def test_an_item_number_in_words_opens_no_subject():
    # 一是…十四是: the numbers of a list of works written in words, like 8. or ⑦, are no part of the subject
    text = "2029年，某县办好十五件民生实事：一是新建社区食堂30个。十二是维修养护农村供水工程800处。"
    assert _measure(text, "30个")["subject_zh"] == "新建社区食堂"
    assert _measure(text, "800处")["subject_zh"] == "维修养护农村供水工程"

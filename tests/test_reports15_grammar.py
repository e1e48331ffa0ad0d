"""Work reports, round 15 (reports15): S16's and held-out 4 / 5's classes, each on a made-up sentence."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document

SYNONYMS = load_synonyms()


def _measures(text: str) -> list[dict]:
    return process_document(text.encode("utf-8"), "t.txt").measures


def _measure(text: str, value_text: str) -> dict:
    return next(m for m in _measures(text) if m["value_text"] == value_text)


def _indicator(text: str, value_text: str) -> str | None:
    m = _measure(text, value_text)
    return assign_indicator(m["subject_zh"], m["unit"], SYNONYMS)


def test_points_after_higher_than_a_named_rate_are_the_margin():
    # 高于<the rate compared with>N个百分点: the margin between two rates (eq), as after 全省 / 目标
    text = "2029年，某县外贸稳中有进，服务贸易增速高于货物贸易增速3.6个百分点，绿色贷款增速低于各项贷款0.8个百分点。"
    assert _measure(text, "3.6个百分点")["comparator"] == "eq"
    assert _measure(text, "0.8个百分点")["comparator"] == "eq"
    # a bound stays one: 高于 right before the figure, or a share in percent
    assert _measure("2029年，力争某项比例高于3%。", "3%")["comparator"] == "gt"

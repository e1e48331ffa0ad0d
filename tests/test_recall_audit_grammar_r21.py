"""Grammar of the recall round 14 (brief G19: R20's and R21's left misses, T41–T45's classes,
tests/gold/corpus/audits/). Every sentence is invented."""

from __future__ import annotations

from loaders.pipeline import process_document


def _rows(text: str, name: str = "report.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_a_count_closing_its_own_item_before_a_rate_of_the_same_things_is_a_figure():
    # R20 (乌鲁木齐 新建和提升农村卫生户厕11857座、普及率达85%): the count is a figure of its own; the places a rate is
    # taken over are still none (三县城区覆盖率超70%)
    rows = _rows("""某市人民政府工作报告
一、2023年工作回顾
改造农村卫生厕所2345座、普及率达86%,解决企业诉求432个、问题解决率97.5%。
""")
    got = [(r["value_text"], r["unit"]) for r in rows]
    assert got == [("2345座", "count"), ("86%", "percent"), ("432个", "count"), ("97.5%", "percent")]

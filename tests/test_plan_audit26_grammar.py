"""The classes of P26 (plans25, issue 14), each grepped over the whole corpus (plans, city and provincial reports)
before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import plan_subjects as subjects


def test_the_whole_region_right_before_a_count_is_where_the_things_counted_are():
    got = dict(subjects("“十五五”期间,完成全县35个地块的采样调查,在全区120个行政村建设污水处理终端。"))
    assert got["35个"] == "地块的采样调查", got
    assert got["120个"] == "行政村建设污水处理终端", got
    got = dict(subjects("“十五五”期间,该项目在全国20个同类项目中进展最快。"))
    assert "进展" not in got["20个"], got  # a peer group, not the things counted

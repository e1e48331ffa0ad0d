"""evaluate-corpus matching: a gold row label printed in two tables, and two cells of one row with the
same figure (2020年 100 | 2025年 100) go to the gold rows of their own kind and year."""

from loaders.evaluate_corpus import Extracted, GoldMeasure, locate_all, match, score_links


def _gold(kind, year, position, positions=()):
    return GoldMeasure("d.pdf", kind, "x_rate", "eq", 100.0, "percent", year, "某市", True, "table", "某某率",
                       "b", position, list(positions))


def _cell(mid, kind, year, position):
    return Extracted(mid, "d.pdf", kind, "x_rate", "eq", 100.0, "percent", year, "某市", True, position)


def test_equal_figures_of_one_row_go_to_their_own_kind_and_year():
    gold = [_gold("target", 2025, 0), _gold("outcome", 2020, 0)]  # the target listed first
    cells = [_cell("a", "outcome", 2020, 10), _cell("b", "target", 2025, 16)]
    pairs = {(g.kind, e.measure_id) for g, e in match(gold, cells)}
    assert pairs == {("outcome", "a"), ("target", "b")}


def test_two_equal_figures_side_by_side_go_to_the_gold_row_of_their_own_comparator():
    at_least = GoldMeasure("d.pdf", "target", "x_rate", "ge", 90.0, "percent", 2025, "某市", True, "text",
                           "某某率", "b", 0, [0])
    above = GoldMeasure("d.pdf", "target", "x_rate", "gt", 90.0, "percent", 2025, "某市", True, "text",
                        "某某率", "b", 0, [0])
    cells = [Extracted(mid, "d.pdf", "target", "x_rate", comparator, 90.0, "percent", 2025, "某市", True, pos)
             for mid, comparator, pos in (("gt_first", "gt", 6), ("ge_later", "ge", 20))]
    pairs = {(g.comparator, e.measure_id) for g, e in match([at_least, above], cells)}
    assert pairs == {("ge", "ge_later"), ("gt", "gt_first")}


def test_a_label_printed_twice_is_matched_at_either_place():
    text = "某某率 | 90 | 95\n" + "说明" * 400 + "\n某某率 | 100 | 100"
    places = locate_all("某某率", text)
    assert len(places) == 2
    gold = [_gold("outcome", 2020, places[0], places)]
    far = [_cell("c", "outcome", 2020, places[1] + 6)]
    assert len(match(gold, far)) == 1
    assert match([_gold("outcome", 2020, places[0])], far) == []  # the first place alone is too far


def _gold_link(label: str, target: str, outcome: str, pos: int) -> dict:
    return {"target_doc": "d", "outcome_doc": "d", "target_value_text": target, "outcome_value_text": outcome,
            "target_quote": label, "outcome_quote": label, "target_positions": [pos], "outcome_positions": [pos]}


def _mart_link(target_pos: int, target: float | None, outcome_pos: int, outcome: float | None) -> dict:
    return {"target_doc": "d", "outcome_doc": "d", "target_pos": target_pos, "target_value": target,
            "outcome_pos": outcome_pos, "outcome_value": outcome}


def test_links_of_adjacent_table_rows_are_scored_one_to_one_by_value():
    # two rows 30 characters apart: both mart links lie near both gold links, values tell the rows apart
    gold = [_gold_link("二氧化硫减排比例", "[20]", "[31.74]", 100), _gold_link("氮氧化物减排比例", "[20]", "[20.11]", 130)]
    documents = {"d": {}}
    both = score_links(documents, gold, [_mart_link(110, 20, 115, 31.74), _mart_link(140, 20, 145, 20.11)])
    assert (both["right"], both["recall"]) == (2, 1.0)
    crossed = score_links(documents, gold, [_mart_link(110, 20, 145, 20.11), _mart_link(140, 20, 115, 31.74),
                                            _mart_link(140, 13.4, 145, 16.5)])
    assert crossed["right"] == 2 and crossed["mart"] == 3  # a third link, of other values, is wrong
    masked_first = score_links(documents, gold[1:], [_mart_link(140, None, 145, None), _mart_link(140, 20, 145, 20.11)])
    assert masked_first["right"] == 1  # the gold link is credited once, to the link whose values agree


def test_a_link_whose_quote_the_text_garbles_is_matched_by_its_values():
    gold = [{**_gold_link("细颗粒物年平均浓度（PM2.5）", "≤35", "34", 0), "target_positions": [], "outcome_positions": []}]
    assert score_links({"d": {}}, gold, [_mart_link(900, 35, 880, 34)])["right"] == 1
    assert score_links({"d": {}}, gold, [_mart_link(900, 35, 880, 36)])["right"] == 0


def test_a_link_value_in_the_documents_unit_agrees_with_the_canonical_one():
    gold = [_gold_link("一氧化碳24小时平均第95百分位数浓度", "≤4", "2", 100)]  # mg/m3 in the document
    assert score_links({"d": {}}, gold, [_mart_link(110, 4000, 105, 2000)])["right"] == 1  # ug/m3
    assert score_links({"d": {}}, gold, [_mart_link(110, 4000, 105, 3000)])["right"] == 0


def test_a_link_value_of_a_column_in_wan_agrees_with_the_canonical_one():
    gold = [_gold_link("氨氮重点工程减排量(万吨)", "0.03", "提前完成", 100)]  # a table column in 万吨
    assert score_links({"d": {}}, gold, [_mart_link(110, 300, 105, None)])["right"] == 1  # t
    assert score_links({"d": {}}, gold, [_mart_link(110, 30, 105, None)])["right"] == 1  # 1000: mg -> ug, kept
    assert score_links({"d": {}}, gold, [_mart_link(110, 3, 105, None)])["right"] == 0


def test_a_link_value_of_a_column_in_yi_agrees_with_the_canonical_one():
    gold = [_gold_link("森林蓄积量(亿立方米)", "3.41", "3.47", 100)]  # a table column in 亿立方米
    assert score_links({"d": {}}, gold, [_mart_link(110, 341000000, 115, 347000000)])["right"] == 1  # m3
    assert score_links({"d": {}}, gold, [_mart_link(110, 341000000, 115, 348000000)])["right"] == 0


def test_links_the_gold_misses_and_the_gold_lacks_are_listed():
    gold = [_gold_link("二氧化硫减排比例", "[20]", "[31.74]", 100), _gold_link("氨氮减排比例", "[8.8]", "[15.76]", 300)]
    s = score_links({"d": {}}, gold, [_mart_link(110, 20, 115, 31.74), _mart_link(310, 8.8, 315, 12)])
    assert [m["target_quote"] for m in s["missed"]] == ["氨氮减排比例"]
    assert [w["outcome_value"] for w in s["wrong"]] == [12]


def test_the_flag_is_scored_for_precision_and_recall_on_matched_rows():
    from loaders.evaluate_corpus import score

    documents = {"d.pdf": {"coverage": "full", "doc_kind": "work_report"}}
    gold = [GoldMeasure("d.pdf", "outcome", None, "eq", v, "percent", 2023, "某市", env, "text", "某某率", "b", p, [p])
            for v, env, p in ((1.0, True, 0), (2.0, True, 100), (3.0, False, 200))]
    flags = (True, False, True)  # one environmental row missed, one economy row flagged
    got = [Extracted(f"m{i}", "d.pdf", "outcome", None, "eq", g.value, "percent", 2023, "某市", flag, g.position)
           for i, (g, flag) in enumerate(zip(gold, flags, strict=True))]
    env = score(documents, gold, got, [], [])["environmental"]
    assert env["flag_precision"] == 0.5 and env["flag_recall"] == 0.5


def test_the_environmental_rows_of_a_full_document_no_row_answers_are_listed():
    from loaders.evaluate_corpus import score

    documents = {"d.pdf": {"coverage": "full", "doc_kind": "work_report"}}
    gold = [GoldMeasure("d.pdf", "outcome", None, "eq", v, "percent", 2023, "某市", env, "text", q, "b", p, [p])
            for v, env, q, p in ((1.0, True, "甲率", 0), (2.0, True, "乙率", 100), (3.0, False, "丙率", 200))]
    got = [Extracted("m0", "d.pdf", "outcome", None, "eq", 1.0, "percent", 2023, "某市", True, 0)]
    missed = score(documents, gold, got, [], [])["missed_environmental"]
    assert [(m["quote"], m["value"]) for m in missed] == [("乙率", 2.0)]  # not the economy row 丙率


def test_the_cells_of_a_label_s_own_row_win_over_equal_cells_ending_the_row_above():
    """市级…达标率 | 100% | 100%\n 县级…达标率 | 100% | 100%: the 县级 gold row takes the cell after its label, not
    the nearer one of the 市级 row printed just before it (which its own gold row then misses)."""
    upper = _gold("outcome", 2020, 0)  # label of the row above at 0, its cell at 40
    lower = _gold("outcome", 2020, 52)  # the next row's label, its cell at 95 (43 after, 12 before)
    cells = [_cell("upper_cell", "outcome", 2020, 40), _cell("lower_cell", "outcome", 2020, 95)]
    pairs = {(g.position, e.measure_id) for g, e in match([lower, upper], cells)}
    assert pairs == {(0, "upper_cell"), (52, "lower_cell")}

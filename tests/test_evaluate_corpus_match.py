"""evaluate-corpus matching: a gold row label printed in two tables, and two cells of one row with the
same figure (2020年 100 | 2025年 100) go to the gold rows of their own kind and year."""

from loaders.evaluate_corpus import Extracted, GoldMeasure, locate_all, match


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


def test_a_label_printed_twice_is_matched_at_either_place():
    text = "某某率 | 90 | 95\n" + "说明" * 400 + "\n某某率 | 100 | 100"
    places = locate_all("某某率", text)
    assert len(places) == 2
    gold = [_gold("outcome", 2020, places[0], places)]
    far = [_cell("c", "outcome", 2020, places[1] + 6)]
    assert len(match(gold, far)) == 1
    assert match([_gold("outcome", 2020, places[0])], far) == []  # the first place alone is too far

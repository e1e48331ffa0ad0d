"""Outside probe, round 1 (outside31): classes of error seen on Chinese environmental pages from outside the
corpus (news and government pages of other provinces and cities), each on a made-up sentence."""

from __future__ import annotations

from loaders.pipeline import process_document


def _measures(text: str, name: str = "t.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def _measure(text: str, value_text: str, name: str = "t.txt") -> dict:
    return next(m for m in _measures(text, name) if m["value_text"] == value_text)


def test_a_list_of_bare_numbers_borrows_the_multiplier_closing_it():
    # 分别达到120、45、36万千瓦: every figure is in 万千瓦, as a range's low end borrows its high end's 万 (5—10万)
    text = "到2028年，某市光伏、风电、储能装机分别达到120、45、36万千瓦，森林覆盖率达到40%。"
    assert _measure(text, "120")["value"] == 1_200_000
    assert _measure(text, "45")["value"] == 450_000
    assert _measure(text, "36万千瓦")["value"] == 360_000
    # a list whose members carry their own multiplier, or none closes it, keeps its values
    text = "到2028年，某市新增造林1.5万亩、8000亩，PM2.5浓度分别为28、31微克/立方米。"
    assert _measure(text, "8000亩")["value"] == 8000
    assert _measure(text, "28")["value"] == 28


def test_a_year_to_reach_opens_the_goals_chained_after_it_by_semicolons():
    # 到2028年，A达到x；B达到y；C不低于z: every goal of the ';'-chain is of 2028, a target (not only the first), in a
    # page that is neither a plan's nor a report's
    text = "（二）到2028年，全市受污染耕地安全利用率达到94%以上；重点建设用地安全利用率达到92%以上；土壤环境质量点位达标率不低于83%。"
    for value_text in ("94%以上", "92%以上", "83%"):
        m = _measure(text, value_text)
        assert (m["kind"], m["year"]) == ("target", 2028), value_text

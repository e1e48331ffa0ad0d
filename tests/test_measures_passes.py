"""Each pass of loaders/measures alone, on candidates of a small text, and the grammar swapped by a test."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from loaders.measures import PASSES, DocumentView, Grammar, default_grammar, extract_measures
from loaders.measures.candidates import Candidate, find_candidates, list_chains
from loaders.measures.comparators import decide, read_comparators
from loaders.measures.filters import drop_non_measures
from loaders.measures.grammar import DATA
from loaders.measures.kinds import kind_and_year
from loaders.measures.subjects import assign_subjects
from loaders.records import Metadata, Sentence

PLAN = Metadata("t", None, None, "2023-03-30", "浙江省", "330000", "plan", 2023)
REPORT = Metadata("t", None, None, "2024-05-10", "泰州市", "321200", "report", 2023)


def view(text: str, meta: Metadata = PLAN, sentences=(), grammar: Grammar | None = None) -> DocumentView:
    return DocumentView(text, [], list(sentences), meta, grammar or default_grammar())


def through(text: str, upto, meta: Metadata = PLAN) -> tuple[DocumentView, list[Candidate]]:
    """The candidates of text after the passes before `upto` (the pass under test)."""
    doc = view(text, meta)
    cands = find_candidates(doc)
    for run in PASSES:
        if run is upto:
            break
        cands = run(doc, cands)
    return doc, cands


def test_candidates_are_numbers_with_a_unit_not_dates_or_names():
    doc = view("2023年完成《十四五规划》第3批,新建污水管网120公里、PM2.5浓度30微克/立方米。")
    cands = find_candidates(doc)
    assert [(c.number.value, c.unit.unit) for c in cands] == [(120, "km"), (30, "ug_m3")]
    assert all(c.subject == "" and c.comparator == "eq" and not c.dropped for c in cands)  # later fields untouched


def test_candidates_keep_masked_numbers_and_mark_unknown_ratios():
    cands = find_candidates(view("新建**公里,排放0.5吨/公顷。"))
    assert [(c.number, c.unit.unit) for c in cands][0] == (None, "km")
    assert cands[1].unknown_ratio


def test_comparators_pass_sets_only_its_fields_and_names_its_rule():
    doc, cands = through("PM2.5浓度不高于30微克/立方米,新增公园20个以上,优良率为90%。", read_comparators)
    out = read_comparators(doc, cands)
    assert [(c.comparator, c.comparator_rule) for c in out] == [
        ("le", "comparator_prefix"), ("ge", "comparator_suffix"), ("eq", "comparator_prefix_eq")]
    assert out[1].suffix_text == "以上" and out[1].end == cands[1].end + 2
    assert cands[1].suffix is None  # a new list: the input is not changed
    assert all(c.subject == "" for c in out)


def test_comparators_a_list_shares_its_head_and_its_closing_suffix():
    doc, cands = through("新增公园20个、绿道300个以上;降低不少于5%、6%。", read_comparators)
    out = read_comparators(doc, cands)
    assert [(c.comparator, c.comparator_rule) for c in out] == [
        ("ge", "comparator_suffix"), ("ge", "comparator_suffix"),  # the closing 以上 holds for the whole list
        ("ge", "comparator_prefix"), ("ge", "comparator_list_head")]
    assert list_chains(doc.text, out) == [[0], [1], [2, 3]]


def test_comparator_decision_order():
    doc = view("x")
    base = find_candidates(view("30吨"))[0]
    assert decide(doc, dataclasses.replace(base, suffix="ge", prefix=("低于", "lt", 0))) == ("ge", "comparator_suffix")
    assert decide(doc, dataclasses.replace(base, prefix=("为", "eq", 0), inherited="le")) == ("le", "comparator_list_head")
    assert decide(doc, base) == ("eq", "comparator_default")


def test_subjects_pass_lists_and_shared_values():
    doc, cands = through("化学需氧量、氨氮排放量分别为10吨、8吨;城市污水处理率、垃圾无害化处理率均为100%。", assign_subjects)
    out = assign_subjects(doc, cands)
    assert [c.subject for c in out] == ["化学需氧量排放量", "氨氮排放量", "城市污水处理率、垃圾无害化处理率"]
    assert out[2].shared_by == ("城市污水处理率", "垃圾无害化处理率")
    assert [c.comparator for c in out] == [c.comparator for c in cands]  # not its field


def test_subjects_a_bare_change_continues_the_subject_before_it():
    doc, cands = through("PM2.5平均浓度为30微克/立方米,同比下降6.5%。", assign_subjects)
    out = assign_subjects(doc, cands)
    assert out[1].subject.startswith("PM2.5平均浓度") and out[1].is_change


def test_filters_drop_frames_and_attributes_without_removing_records():
    doc, cands = through("在全国168个重点城市中排名第52位;由44.3%提高到45.2%;建成30座运行负荷率超过80%的污水厂。",
                         drop_non_measures)
    out = drop_non_measures(doc, cands)
    assert len(out) == len(cands)
    assert [(c.value_text if hasattr(c, "value_text") else doc.text[c.start:c.end], c.dropped) for c in out] == [
        ("168个", True), ("44.3%", True), ("45.2%", False), ("30座", False), ("80%", True)]


def test_filters_the_size_of_each_of_n_units_is_no_figure():
    doc, cands = through("开工建设2×35万千瓦燃煤发电项目,全年新增装机80万千瓦。", drop_non_measures)
    assert [(doc.text[c.start:c.end], c.dropped) for c in drop_non_measures(doc, cands)] == [
        ("35万千瓦", True), ("80万千瓦", False)]


def test_filters_a_headline_repeating_the_body_is_dropped_once():
    doc, cands = through("优良天数242天\n全年优良天数242天,创下新高。", drop_non_measures)
    assert [c.dropped for c in drop_non_measures(doc, cands)] == [True, False]


@pytest.mark.parametrize(("text", "meta", "kind", "rule"), [
    ("到2025年,PM2.5浓度控制在30微克/立方米以内。", PLAN, "target", "kind_by_year"),
    ("2022年完成销号的62条。", PLAN, "outcome", "kind_year_before_document"),
    ("新建管网100公里。", REPORT, "outcome", "kind_report"),
    ("力争新建管网100公里。", REPORT, "target", "kind_report_target_marker"),
    ("主要目标。全省已建成污水处理厂120座。", PLAN, "outcome", "kind_done_aspect"),
    ("主要目标。新建污水处理厂120座。", PLAN, "target", "kind_plan"),
    ("新建污水处理厂120座。", PLAN, "outcome", "kind_report"),  # a "plan" without a word of planning
])
def test_kind_rules(text, meta, kind, rule):
    doc, cands = through(text, None, meta)
    d = kind_and_year(doc, [c for c in cands if not c.dropped][0])
    assert (d.kind, d.kind_rule) == (kind, rule)


def test_kind_from_a_section_label_and_year_rules():
    text = "2023年新建管网100公里。\n新建公园5个。"
    doc, cands = through(text, None, PLAN)
    first = kind_and_year(doc, cands[0])
    assert (first.year, first.year_rule) == (2023, "year_in_clause")
    second = kind_and_year(doc, cands[1])
    assert (second.year, second.year_rule) == (2023, "year_of_document")
    labelled = view(text, PLAN, [Sentence(0, len(text), "", "outcome")])
    d = kind_and_year(labelled, find_candidates(labelled)[1])
    assert (d.kind, d.kind_rule) == ("outcome", "kind_section_label")


def test_every_measure_names_the_rules_of_its_kind_comparator_and_year():
    (m,) = extract_measures("主要目标。2023年PM2.5平均浓度低于30微克/立方米。", [], [], PLAN)
    assert m.rules == "kind_plan;comparator_prefix;year_in_clause"


def test_a_test_can_swap_the_grammar_tables(tmp_path: Path):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    with open(folder / "units.csv", "a", encoding="utf-8") as fh:
        fh.write("羽,count,1,a classifier added by a test\n")
    text = "主要目标。监测越冬候鸟100羽。"
    assert extract_measures(text, [], [], PLAN) == []
    (m,) = extract_measures(text, [], [], PLAN, grammar=Grammar.load(folder))
    assert (m.value, m.unit) == (100, "count")
    assert extract_measures(text, [], [], PLAN) == []  # the default grammar is untouched


def test_no_dictionary_is_read_at_import():
    """Importing the loaders builds no grammar: it is built on first use, once per process."""
    import subprocess
    import sys
    code = ("import loaders.pipeline\n"
            "from loaders.measures.grammar import default_grammar\n"
            "assert default_grammar.cache_info().currsize == 0, 'grammar built at import'\n"
            "default_grammar(); default_grammar()\n"
            "assert default_grammar.cache_info().misses == 1\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_kind_rules_are_an_ordered_table_a_new_rule_slots_in(monkeypatch):
    from loaders.measures import kinds

    def review_section(x):  # e.g. a future rule for the review part of a work report
        return ("outcome", "kind_review_section") if "回顾" in x.doc.text else None

    text = "主要目标。回顾。新建污水处理厂120座。"
    doc, cands = through(text, None, PLAN)
    assert kind_and_year(doc, cands[0]).kind_rule == "kind_plan"
    monkeypatch.setattr(kinds, "KIND_RULES", (review_section, *kinds.KIND_RULES))
    assert (kind_and_year(doc, cands[0]).kind, kind_and_year(doc, cands[0]).kind_rule) == ("outcome", "kind_review_section")


def test_comparators_a_closing_suffix_holds_over_a_list_joined_by_he():
    doc, cands = through("甲、乙和丙减排量分别为 1.2 万吨、0.8 万吨和 0.05 万吨以上。", read_comparators)
    out = read_comparators(doc, cands)
    assert [c.comparator for c in out] == ["ge", "ge", "ge"]
    doc, cands = through("新建公园12个和绿道30公里以上。", read_comparators)
    assert [c.comparator for c in read_comparators(doc, cands)] == ["eq", "ge"]  # another unit: its own

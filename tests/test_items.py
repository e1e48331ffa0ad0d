"""Item hierarchy, target/outcome sections and sentences (loaders.items) on small inline texts."""

from __future__ import annotations

import pytest

from loaders.items import chinese_number, find_sections, section_kind_at, split_items, split_sentences


def paths(text: str) -> list[str]:
    return [it.item_path for it in split_items(text) if it.level]


def by_path(text: str) -> dict:
    return {it.item_path: it for it in split_items(text)}


@pytest.mark.parametrize(
    ("raw", "value"),
    [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十二", 22), ("一百零二", 102), ("甲", None)],
)
def test_chinese_number(raw, value):
    assert chinese_number(raw) == value


@pytest.mark.parametrize(
    ("text", "expected", "level"),
    [
        ("一、总体要求\n二、重点任务\n", ["一", "二"], 1),
        ("一.总体要求\n二.重点任务\n", ["一", "二"], 1),
        ("(一)加强建设\n(二)深化改革\n", ["(一)", "(二)"], 2),
        ("（一）加强建设\n（二）深化改革\n", ["(一)", "(二)"], 2),
        ("1.加强建设\n2.深化改革\n", ["1", "2"], 3),
        ("1、加强建设\n2、深化改革\n", ["1", "2"], 3),
        ("1．加强建设\n2．深化改革\n", ["1", "2"], 3),
        ("⒈加强建设\n⒉深化改革\n", ["1", "2"], 3),
        ("(1)加强建设\n(2)深化改革\n", ["(1)", "(2)"], 4),
        ("1)加强建设\n2)深化改革\n", ["(1)", "(2)"], 4),
        ("⑴加强建设\n⑵深化改革\n", ["(1)", "(2)"], 4),
        ("①加强建设\n②深化改革\n", ["①", "②"], 5),
        ("——空气方面。\n——水方面。\n", ["—1", "—2"], 6),
    ],
)
def test_each_numbering_scheme(text, expected, level):
    found = [it for it in split_items(text) if it.level]
    assert [it.item_path for it in found] == expected
    assert {it.level for it in found} == {level}


def test_nested_path_and_markers_as_written():
    text = "一、总体要求\n(一)加强建设\n1. 开展行动\n(1)第一项\n①细项\n——要点。\n二、保障\n"
    items = by_path(text)
    assert list(items) == ["一", "一/(一)", "一/(一)/1", "一/(一)/1/(1)", "一/(一)/1/(1)/①", "一/(一)/1/(1)/①/—1", "二"]
    assert items["一/(一)/1"].marker == "1."
    assert items["一/(一)/1"].heading == "开展行动"
    assert items["一/(一)/1/(1)"].parent_path == "一/(一)/1"
    assert items["一"].parent_path == ""


def test_leading_spaces_and_skipped_levels():
    # no 一、 level: the first list starts at 1.; its sub-items at (1)
    text = "  1.第一项\n  (1)细项\n  2.第二项\n"
    assert paths(text) == ["1", "1/(1)", "2"]
    assert by_path(text)["1"].char_start == 2  # the marker, not the spaces


def test_numbering_continues_across_parents_and_restarts_under_a_new_parent():
    text = "一、甲\n1.a\n2.b\n二、乙\n3.c\n三、丙\n1.d\n"
    assert paths(text) == ["一", "一/1", "一/2", "二", "二/3", "三", "三/1"]


@pytest.mark.parametrize(
    "line",
    [
        "2023年,全省完成任务。",
        "5.22国际生物多样性日开展宣传。",
        "1.5万吨以上。",
        "1+N政策体系。",
        "一、二级保护区划定。",
        "3.未按顺序的编号。",
        "(3)未按顺序的编号。",
        "2023.5.1起施行。",
        "12.5%的断面。",
    ],
)
def test_false_markers_never_start_items(line):
    text = f"前言。\n{line}\n"
    assert paths(text) == []


def test_marker_counts_only_at_line_start():
    assert paths("完成任务 1.加强建设\n完成(一)建设\n") == []


def test_out_of_sequence_number_after_a_list_is_prose():
    text = "1.甲\n2.乙\n5.这不是第五项\n"
    assert paths(text) == ["1", "2"]


def test_spans_parent_contains_children_and_end_before_next_sibling():
    text = "前言\n一、甲\n1.a内容\n2.b内容\n二、乙\n"
    items = by_path(text)
    one, a, b, two = items["一"], items["一/1"], items["一/2"], items["二"]
    assert text[one.char_start : one.char_end] == "一、甲\n1.a内容\n2.b内容"
    assert text[a.char_start : a.char_end] == "1.a内容"
    assert one.char_start <= a.char_start < a.char_end <= b.char_start < b.char_end == one.char_end < two.char_start
    assert two.char_end == len(text.rstrip())


def test_preamble_is_level_zero_with_empty_path_and_absent_when_empty():
    items = split_items("标题\n正文。\n一、甲\n")
    assert (items[0].item_path, items[0].level) == ("", 0)
    assert items[0].char_end == len("标题\n正文。")
    assert split_items("一、甲\n")[0].item_path == "一"
    assert [it.item_path for it in split_items("只有正文。")] == [""]


def test_heading_is_title_up_to_first_full_stop_outside_parentheses():
    items = by_path("1.推进试点(含示范。)建设。其余内容。\n(一)加快推动绿色低碳发展\n")
    assert items["1"].heading == "推进试点(含示范。)建设"
    assert items["(一)"].heading == "加快推动绿色低碳发展"


def test_repeated_path_gets_a_suffix():
    assert paths("一、甲\n二、乙\n一、甲\n") == ["一", "二", "一#2"]


def test_dash_bullets_are_numbered_within_their_parent():
    assert paths("一、甲\n——a。\n——b。\n二、乙\n——c。\n") == ["一", "一/—1", "一/—2", "二", "二/—1"]


def test_label_lines_make_target_and_outcome_sections():
    text = "1.推进投资。\n工作任务:提升到47%。\n完成情况:达到51%。\n2.下一项。\n"
    items = split_items(text)
    sections = find_sections(text, items)
    assert [(s.kind, s.label, s.item_path) for s in sections] == [("target", "工作任务", "1"), ("outcome", "完成情况", "1")]
    assert section_kind_at(sections, text.index("47%")) == "target"
    assert section_kind_at(sections, text.index("51%")) == "outcome"
    assert section_kind_at(sections, text.index("推进投资")) is None
    assert section_kind_at(sections, text.index("下一项")) is None  # the next item ends the section


def test_label_must_stand_alone_at_line_start():
    text = "1.甲\n完成情况良好的单位予以表彰。\n今年工作任务:无。\n"
    assert find_sections(text, split_items(text)) == []


def test_heading_label_marks_the_item_and_its_descendants():
    text = "一、主要目标\n1.PM2.5低于30。\n二、重点任务完成情况\n(一)治气\n三、保障措施\n"
    items = by_path(text)
    assert items["一"].section_kind == "target"
    assert items["一/1"].section_kind == "target"
    assert items["二"].section_kind == items["二/(一)"].section_kind == "outcome"
    assert items["三"].section_kind is None
    sections = find_sections(text, list(items.values()))
    assert section_kind_at(sections, text.index("低于30")) == "target"


def test_sentences_offsets_splitting_and_protection():
    text = "前言说明。\n一、甲\n内容《条例;修订》施行(试行。)完成!下一句;再一句\n"
    items = split_items(text)
    got = [(text[s.char_start : s.char_end], s.item_path) for s in split_sentences(text, items)]
    assert got == [
        ("前言说明。", ""),
        ("甲", "一"),  # the marker is left out of the sentence
        ("内容《条例;修订》施行(试行。)完成!", "一"),
        ("下一句;", "一"),
        ("再一句", "一"),
    ]


def test_sentence_takes_closing_quote_and_deepest_item_and_section():
    text = "1.甲\n工作任务:建设“无废城市。”另一句。\n(1)细项内容。\n"
    items = split_items(text)
    sentences = split_sentences(text, items)
    texts = [text[s.char_start : s.char_end] for s in sentences]
    assert "工作任务:建设“无废城市。”" in texts
    last = sentences[-1]
    assert (text[last.char_start : last.char_end], last.item_path) == ("细项内容。", "1/(1)")
    assert sentences[1].section_kind == "target"
    assert last.section_kind is None


def test_unbalanced_parenthesis_does_not_swallow_next_line():
    text = "甲(未闭合。乙\n下一行。\n"
    texts = [text[s.char_start : s.char_end] for s in split_sentences(text, split_items(text))]
    assert texts == ["甲(未闭合。乙", "下一行。"]


def test_a_year_right_after_the_first_level_marker_is_a_heading():
    assert paths("一、2024年工作总结\n(一)治气\n二、2025年工作思路\n") == ["一", "一/(一)", "二"]
    assert paths("一.5倍于去年\n") == []  # a decimal is no marker


def test_chapter_section_and_article_schemes_nest_above_the_list_schemes():
    text = "第一章 总体要求\n第一节 目标\n一、空气\n(一)细项\n第二节 任务\n第二章 保障\n第一条 组织领导\n第二条 考核\n"
    items = by_path(text)
    assert list(items) == ["第一章", "第一章/第一节", "第一章/第一节/一", "第一章/第一节/一/(一)", "第一章/第二节",
                           "第二章", "第二章/第一条", "第二章/第二条"]
    assert items["第一章"].heading == "总体要求"
    assert (items["第一章"].level, items["第一章/第一节"].level, items["第二章/第一条"].level) == (1, 2, 3)
    assert items["第一章/第一节/一"].level == 1  # the list schemes keep their levels


def test_inline_enumerations_are_not_items():
    assert paths("一、治气\n一是推进改造,二是加强监管。\n二是开展执法。\n") == ["一"]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("一、2024年工作总结", "outcome"),
        ("一、2025年工作思路", "target"),
        ("一、下一步工作打算", "target"),
        ("一、2024年工作计划", "target"),
        ("一、2022年度生态环境质量状况", "outcome"),
        ("一、主要工作开展情况", "outcome"),
        ("一、总体要求", None),
    ],
)
def test_report_section_headings_set_the_kind(heading, kind):
    text = f"{heading}\n(一)空气\n"
    assert {it.section_kind for it in split_items(text) if it.level} == {kind}


def test_a_lone_dash_line_at_the_top_is_a_subtitle_not_an_item():
    assert paths("某省工作报告\n——在全省工作会议上的讲话\n一、成效\n——空气改善。\n——水质提升。\n") == ["一", "一/—1", "一/—2"]
    assert paths("——空气方面。\n——水方面。\n") == ["—1", "—2"]  # a list of dashes at the top stays a list


def test_decimal_outline_numbers_are_items_below_their_list():
    text = ("1、概况\n本季度共监测100点次。\n2、声环境质量\n2.1 全省整体情况\n昼间达标率为95%。\n"
            "2.2 各市情况\n2.2.1 甲市\n夜间达标率为90%。\n2.2.2 乙市\n1.5 万吨的数字在句首不是编号。\n")
    items = [it for it in split_items(text) if it.level]
    assert [(it.item_path, it.level) for it in items] == [
        ("1", 3), ("2", 3), ("2/2.1", 4), ("2/2.2", 4), ("2/2.2/2.2.1", 5), ("2/2.2/2.2.2", 5)]
    assert items[2].heading == "全省整体情况"

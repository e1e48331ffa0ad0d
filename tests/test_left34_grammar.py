"""The classes the outside probes left (left34): each on a made-up sentence."""

from __future__ import annotations

from loaders.pipeline import process_document


def _result(text: str, name: str = "t.txt"):
    return process_document(text.encode("utf-8"), name)


def _measures(text: str, name: str = "t.txt") -> list[dict]:
    return _result(text, name).measures


def _years(text: str) -> dict[str, int | None]:
    return {m["value_text"]: m["year"] for m in _measures(text)}


def test_a_years_summary_published_early_next_year_dates_its_now_figures_its_own_year():
    # 2023年工作总结 dated 2024-01: its 截至目前 / 目前 is as 2023 closed, not 2024
    body = "一、主要工作成效\n截至目前，全县累计完成农村生活污水治理村庄120个，目前全县森林覆盖率达到45.2%。\n"
    for date in ("2024-01-15", "2023-12-20"):
        text = f"某县生态环境局2023年工作总结\n发布时间：{date}\n" + body
        assert _years(text) == {"120个": 2023, "45.2%": 2023}, date
    # a page published two years on is no year-end summary's own date: its now stays the page's
    text = "某县生态环境局2023年工作总结\n发布时间：2025-06-15\n" + body
    assert _years(text)["45.2%"] == 2025


def _sub_areas(text: str) -> dict[str, str | None]:
    return {m["subject_zh"]: m["sub_area"] for m in _measures(text)}


def test_a_sub_area_belongs_to_its_own_list_member_only():
    # 县城 names the first rate's part of the region, not the other members' of the list
    text = ("某市2023年生态环境工作总结\n一、工作成效\n全市县城生活污水处理率、医疗废物无害化处置率、"
            "农村千人以上饮用水水源地水质达标率分别达到96%、100%、100%。\n")
    assert _sub_areas(text) == {"全市县城生活污水处理率": "县城", "医疗废物无害化处置率": None,
                                "农村千人以上饮用水水源地水质达标率": None}
    # a later member's part of the region is its own too; a clause with no list keeps the part named before
    text = "某市2023年生态环境工作总结\n一、工作成效\n医疗废物无害化处置率、县城生活污水处理率分别达到100%、96%。\n"
    assert _sub_areas(text) == {"医疗废物无害化处置率": None, "县城生活污水处理率": "县城"}
    # a member naming a part of the list before the shared head: the part is every member's
    text = "某市2023年生态环境工作总结\n一、工作成效\n全市城区可吸入颗粒物、细颗粒物平均浓度分别为48微克/立方米、30微克/立方米。\n"
    assert set(_sub_areas(text).values()) == {"城区"}
    # a list of places before one head: each place is its own rate's
    text = "某市2023年生态环境工作总结\n一、工作成效\n全市中心城区、县城、乡镇生活污水处理率分别达到95%、90%、71%。\n"
    assert sorted(map(str, _sub_areas(text).values())) == ["None", "中心城区", "县城"]


def test_a_two_character_county_named_alone_is_its_prefectures_mention():
    # 攸县 alone (no province before it), a name no other county bears, cut as a word of its own: 株洲市, 攸县
    document = _result("攸县扎实推进生态环境保护\n2023年，全县森林覆盖率达到58.5%。\n").document
    assert (document["region_name"], document["county_name"]) == ("株洲市", "攸县")
    # inside other words (云南县域, 经费县级) or after a compass word (园区东区) no county is named
    document = _result("某地推进生态环境保护\n2023年，经费县级统筹，园区东区建设加快，全县森林覆盖率达到58.5%。\n").document
    assert (document["region_name"], document["county_name"]) == (None, None)
    # a conjunction or 新 before 县 (市本级和县(市、区), 新县城) and a county's name before 县(市、区) name none
    document = _result("某地推进生态环境保护\n2023年，市本级和县(市、区)加大投入，建成新县城污水处理厂，全县森林覆盖率达到58.5%。\n").document
    assert (document["region_name"], document["county_name"]) == (None, None)


_BULLETIN = """某市2024年生态环境状况公报
一、环境空气质量
2024年，全市环境空气质量总体稳定，主要污染物浓度见下表。
表1 主要污染物浓度
{table}
二、水环境质量
全市地表水国控断面水质优良比例为90.0%。
"""


def _cells(text: str) -> set[tuple[str, str, int, str]]:
    return {(m["subject_zh"], m["value_text"], m["year"], m["kind"]) for m in _measures(text)
            if m["value_text"] != "90.0%"}


def test_a_text_table_written_one_cell_a_line_is_read_by_its_headers():
    # a header of k names (one a line, or on one line), then rows of one label and k-1 figures
    want = {("PM2.5", "35", 2023, "outcome"), ("PM2.5", "32", 2024, "outcome"),
            ("PM10", "58", 2023, "outcome"), ("PM10", "55", 2024, "outcome")}
    rows = "PM2.5(微克/立方米)\n35\n32\n-8.6%\nPM10(微克/立方米)\n58\n55\n-5.2%"
    for header in ("指标\n2023年\n2024年\n变化", "指标 2023年 2024年 变化"):
        assert _cells(_BULLETIN.format(table=header + "\n" + rows)) == want, header
    # a 单位 column: its cells are the row's unit, not figures
    rows = "PM2.5\n微克/立方米\n35\n32\nPM10\n微克/立方米\n58\n55"
    assert _cells(_BULLETIN.format(table="指标\n单位\n2023年\n2024年\n" + rows)) == want
    assert {m["unit"] for m in _measures(_BULLETIN.format(table="指标\n单位\n2023年\n2024年\n" + rows))} == {
        "ug_m3", "percent"}
    # the bare numbers are no page numbers: without the table's layout they are dropped, never guessed
    assert _cells(_BULLETIN.format(table="PM2.5(微克/立方米)\n35\n32")) == set()


def test_rows_of_a_label_a_bare_figure_and_a_unit_one_a_line_are_read_as_one_line_each():
    # PM2.5 / 32 / 微克/立方米, at least two such rows: each figure with its label and unit (the page's year)
    text = _BULLETIN.format(table="PM2.5\n32\n微克/立方米\nPM10\n55\n微克/立方米\n优良天数比率\n87.1\n%")
    assert _cells(text) == {("PM2.5", "32微克/立方米", 2024, "outcome"), ("PM10", "55微克/立方米", 2024, "outcome"),
                            ("优良天数比率", "87.1%", 2024, "outcome")}
    # one such row alone is no table: its bare figure stays unread
    assert _cells(_BULLETIN.format(table="PM2.5\n32\n微克/立方米")) == set()


def test_a_text_table_that_breaks_its_layout_is_left_as_text():
    # a row of fewer cells than the header names: no table is read, no figure is given to a header it may not be under
    text = _BULLETIN.format(table="指标\n2023年\n2024年\nPM2.5(微克/立方米)\n35\nPM10(微克/立方米)\n58\n55")
    assert all(m["year"] != 2023 for m in _measures(text))

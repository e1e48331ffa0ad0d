"""The classes of P28, P29 and P30 (plans27, issue 14), each grepped over the whole corpus (plans, city and provincial
reports) before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import plan_paragraph


def _rows(text: str) -> dict[str, dict]:
    return {m["value_text"]: m for m in plan_paragraph(text)}


def test_a_rise_written_fantan_or_shenggao_is_a_change():
    rows = _rows("“十五五”期间,甲市二氧化氮浓度同比2020年反弹6.5%,一氧化碳浓度累计升高3.2%,臭氧浓度上升4.1%。")
    got = {k: (m["is_change"], m["subject_zh"]) for k, m in rows.items()}
    assert got == {"6.5%": (True, "甲市二氧化氮浓度同比2020年反弹"), "3.2%": (True, "一氧化碳浓度累计升高"),
                   "4.1%": (True, "臭氧浓度上升")}, got


def test_a_time_opening_a_list_is_no_part_of_its_first_names_length():
    from extraction_helper import plan_subjects

    got = plan_subjects("深入推进农业减量,2025年农药、化肥使用量较2020年分别下降9.5%、6.8%;")
    assert got == [("9.5%", "2025年农药使用量较2020年分别下降"), ("6.8%", "化肥使用量较2020年分别下降")], got


def test_volumes_and_shares_carried_by_road_are_the_transport_structures():
    rows = _rows("以公路运输为主的交通运输结构没有根本改变,公路货运比例超过65%,对大气环境造成压力。全年公路货运8000万吨。"
                 "到2030年,大宗物料铁路运输比例达到50%,集装箱海铁联运量占比提高到12%。")
    got = {k: m["is_environmental"] for k, m in rows.items()}
    assert got == {"65%": False, "8000万吨": False, "50%": True, "12%": True}, got


def test_a_count_in_brackets_after_the_things_another_count_counts_counts_their_parts():
    from extraction_helper import plan_subjects

    got = plan_subjects("“十五五”期间,完成大连市9家钢铁企业(31个项目)、锦州市2家钢铁企业超低排放改造,6家水泥企业(10条生产线)完成深度治理。")
    assert got == [("9家", "大连市钢铁企业"), ("31个", "大连市钢铁企业项目"), ("2家", "锦州市钢铁企业超低排放改造"),
                   ("6家", "水泥企业"), ("10条", "水泥企业生产线")], got


def test_a_count_after_a_verb_of_making_rules_counts_the_rules_after_it():
    from extraction_helper import plan_subjects

    got = plan_subjects("“十五五”期间,制修订6部地方性法规,制定出台15条具体举措。")
    assert got == [("6部", "地方性法规"), ("15条", "具体举措")], got


def test_a_concentration_named_alone_on_a_row_in_percent_is_its_cut_over_the_plan():
    from dataclasses import replace

    from loaders.tables import Table, period_end_in, render, table_measures

    rows = [["指标名称", "单位", "2020年目标", "2020年实现", "完成情况"], ["区域PM2.5年均浓度", "%", "18", "29", "完成"],
            ["区域空气质量优良天数比例", "%", "80", "85", "完成"]]
    table = replace(Table.from_rows(rows), period_end=period_end_in("表1“十三五”规划主要目标指标完成情况"))
    got = {(m.subject_zh, m.value, m.period) for m in table_measures(render(table), 2021)}
    assert got == {("区域PM2.5年均浓度", 18.0, "2016-2020"), ("区域PM2.5年均浓度", 29.0, "2016-2020"),
                   ("区域空气质量优良天数比例", 80.0, None), ("区域空气质量优良天数比例", 85.0, None)}, got

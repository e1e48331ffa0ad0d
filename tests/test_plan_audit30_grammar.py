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
    # (the time opening the subject is no part of it either: left33's class b)
    assert got == [("9.5%", "农药使用量较2020年分别下降"), ("6.8%", "化肥使用量较2020年分别下降")], got


def test_volumes_and_shares_carried_by_road_are_the_transport_structures():
    rows = _rows("以公路运输为主的交通运输结构没有根本改变,公路货运比例超过65%,对大气环境造成压力。全年公路货运8000万吨。"
                 "到2030年,大宗物料铁路运输比例达到50%,集装箱海铁联运量占比提高到12%。")
    got = {k: m["is_environmental"] for k, m in rows.items()}
    assert got == {"65%": False, "8000万吨": False, "50%": True, "12%": True}, got


def test_a_figure_named_by_its_place_alone_is_that_places_share_of_the_work_before():
    from extraction_helper import plan_subjects

    got = plan_subjects("运输结构调整工程。淘汰国三柴油货车,大连市1500台以上、锦州市400台以上。工业炉窑治理工程。"
                        "深化企业污染治理和达标监控,其中,鞍山海城市58家、新民市7家,锦州市4家等。完成废弃矿山治理工程,2018—2020年未完成的900亩,"
                        "其中大连市37.5亩、锦州市60亩;以城中村为重点,实施散煤替代。2024年全省完成5.2万户:大连市3300户、锦州市500户。"
                        "划定特定农产品禁止生产区域大连市420亩,锦州市1.1万亩等。配备不低于大连市3天需求量的储气设施。")
    got = [(v, s) for v, s in got if s.endswith(("市", "柴油货车", "监控", "工程", "替代", "区域"))]
    assert got == [("1500台以上", "大连市淘汰国三柴油货车"), ("400台以上", "锦州市淘汰国三柴油货车"),
                   ("58家", "鞍山海城市"), ("7家", "新民市深化企业污染治理和达标监控"),
                   ("4家", "锦州市深化企业污染治理和达标监控"),
                   ("37.5亩", "大连市废弃矿山治理工程"), ("60亩", "锦州市废弃矿山治理工程"),
                   ("3300户", "大连市散煤替代"), ("500户", "锦州市散煤替代"), ("420亩", "划定特定农产品禁止生产区域大连市"),
                   ("1.1万亩", "锦州市划定特定农产品禁止生产区域"), ("3天", "大连市")], got
    # (鞍山海城市: a city's short name before a county-level city's, no name of the region index, is left as read)


def test_a_count_in_brackets_after_the_things_another_count_counts_counts_their_parts():
    from extraction_helper import plan_subjects

    got = plan_subjects("“十五五”期间,完成大连市9家钢铁企业(31个项目)、锦州市2家钢铁企业超低排放改造,6家水泥企业(10条生产线)完成深度治理。")
    assert got == [("9家", "大连市钢铁企业"), ("31个", "大连市钢铁企业项目"), ("2家", "锦州市钢铁企业超低排放改造"),
                   ("6家", "水泥企业"), ("10条", "水泥企业生产线")], got


def test_a_count_after_a_verb_of_making_rules_counts_the_rules_after_it():
    from extraction_helper import plan_subjects

    got = plan_subjects("“十五五”期间,制修订6部地方性法规,制定出台15条具体举措。")
    assert got == [("6部", "地方性法规"), ("15条", "具体举措")], got


def test_a_list_of_metrics_shares_its_head_and_what_follows_its_de():
    from extraction_helper import plan_subjects

    got = plan_subjects("到2030年,城镇污水收集率和处理率分别达到75%、96%;"
                        "凹版印刷、柔版印刷的水性油墨使用比例分别达到40%、70%以上。农村污水收集率和处理率达到省定要求。"
                        "物流成本降幅、通关效率提速均达20%以上。")
    assert got == [("75%", "城镇污水收集率"), ("96%", "城镇污水处理率"),
                   ("40%", "凹版印刷水性油墨使用比例"), ("70%以上", "柔版印刷的水性油墨使用比例"),
                   ("达到省定要求", "农村污水收集率"), ("达到省定要求", "农村污水处理率"),
                   ("20%以上", "物流成本降幅"), ("20%以上", "通关效率提速")], got  # (效率提速: no metric the list shares)


def test_a_concentration_named_alone_on_a_row_in_percent_is_its_cut_over_the_plan():
    from dataclasses import replace

    from loaders.tables import Table, period_end_in, render, table_measures

    rows = [["指标名称", "单位", "2020年目标", "2020年实现", "完成情况"], ["区域PM2.5年均浓度", "%", "18", "29", "完成"],
            ["区域空气质量优良天数比例", "%", "80", "85", "完成"]]
    table = replace(Table.from_rows(rows), period_end=period_end_in("表1“十三五”规划主要目标指标完成情况"))
    got = {(m.subject_zh, m.value, m.period) for m in table_measures(render(table), 2021)}
    assert got == {("区域PM2.5年均浓度", 18.0, "2016-2020"), ("区域PM2.5年均浓度", 29.0, "2016-2020"),
                   ("区域空气质量优良天数比例", 80.0, None), ("区域空气质量优良天数比例", 85.0, None)}, got

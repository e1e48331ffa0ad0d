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


def test_a_part_named_by_its_level_or_place_after_qizhong_counts_the_things_of_the_total():
    got = subjects("“十五五”期间,全县建成湿地公园12个,其中国家级2个、省级4个;在全省300个行政村建设污水处理终端,"
                   "其中沈阳市40个、大连市25个。")
    assert got == [("12个", "全县建成湿地公园"), ("2个", "国家级湿地公园"), ("4个", "省级湿地公园"),
                   ("300个", "行政村建设污水处理终端"), ("40个", "沈阳市行政村建设污水处理终端"),
                   ("25个", "大连市行政村建设污水处理终端")], got
    # a total naming no things (a date and the region only) leaves its parts as they are
    got = dict(subjects("“十五五”期间,2027年全省完成3.2万户:沈阳市3000户、大连市900户。"))
    assert got["3000户"] == "沈阳市", got


def test_an_area_or_a_length_right_before_the_things_it_measures_is_of_them():
    got = subjects("“十五五”期间,清理退出某湖保护区境内2.5万亩杨树。甲河实施12千米河道生态修复。实施乙工程及3万公顷湿地修复工程。"
                   "丙江干流1公里岸线范围内的尾矿库优先治理。新建污水管网100公里以上。")
    assert got[:3] == [("2.5万亩", "清理退出某湖保护区境内杨树"), ("12千米", "甲河实施河道生态修复"),
                       ("3万公顷", "湿地修复工程")], got
    assert ("100公里以上", "新建污水管网") in got, got  # a bound after the figure: the words before name the things
    assert all("范围" not in subject for _, subject in got), got  # a zone's width is no size of things


def test_a_count_right_after_a_named_water_counts_the_things_after_it():
    got = subjects("“十五五”期间,新增建设甲水库3条入库河流水质自动站,完成乙溪流域20个试点村创建,推动丙江5条支流水质达标。")
    assert got == [("3条", "建设甲水库入库河流水质自动站"), ("20个", "乙溪流域试点村创建"), ("5条", "推动丙江支流水质达标")], got


def test_the_sewage_plants_centralised_treatment_rate_is_the_urban_sewage_treatment_rate():
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    assert assign_indicator("污水处理厂集中处理率", "percent", synonyms) == "urban_sewage_treatment_rate"
    assert assign_indicator("乡镇污水处理厂集中处理率", "percent", synonyms) is None


def test_cases_handled_inspectors_sent_and_fuel_replaced_in_a_review_are_over_its_period():
    from extraction_helper import plan_paragraph

    rows = {m["value_text"]: m["period"] for m in plan_paragraph(
        "“十五五”以来,共出动执法人员3万余人次,共办理环境行政处罚案件1200件,淘汰锅炉120台,替代燃煤5万吨,"
        "受理信访举报300件。森林覆盖率达到45%。")}
    assert rows == {"3万余人次": "2026-2030", "1200件": "2026-2030", "120台": "2026-2030", "5万吨": "2026-2030",
                    "300件": "2026-2030", "45%": None}, rows


def test_a_part_of_an_addition_to_an_installed_capacity_is_added_too():
    from extraction_helper import plan_paragraph

    rows = {m["value_text"]: m["is_change"] for m in plan_paragraph(
        "“十五五”期间,新增电力装机3000万千瓦,其中可再生能源装机2000万千瓦。电力装机达到5000万千瓦,其中风电装机900万千瓦。")}
    assert rows == {"3000万千瓦": True, "2000万千瓦": True, "5000万千瓦": False, "900万千瓦": False}, rows


def test_a_capacity_named_total_power_installed_takes_the_source_named_before_it():
    from extraction_helper import plan_paragraph

    rows = {m["value_text"]: (m["subject_zh"], m["is_environmental"]) for m in plan_paragraph(
        "“十五五”期间,建设集中式水面光伏电站,总发电装机规模达到80万千瓦以上;加快清洁能源开发投资,新增发电装机120万千瓦。")}
    # 发电装机 alone (no 总) is the total of every source: s3_city_env judged 甘孜's so
    assert rows == {"80万千瓦以上": ("光伏总发电装机规模", True), "120万千瓦": ("发电装机", True)}, rows


def test_square_kilometres_in_latin_letters_are_an_area():
    got = dict(subjects("“十五五”期间,累计完成治理水土流失面积520.5km2,治理率达到45%。"))
    assert got == {"520.5km2": "治理水土流失面积", "45%": "治理水土流失治理率"}, got


def test_a_bare_rate_after_a_clause_opening_on_a_place_is_of_the_work_that_clause_names():
    got = dict(subjects("“十五五”期间,涉农区积极推进主要农作物秸秆综合利用,利用率达到98%以上。全市持续推进农村生活污水治理,治理率达到60%。"))
    assert got == {"98%以上": "主要农作物秸秆综合利用率", "60%": "农村生活污水治理率"}, got


def test_a_list_of_counts_of_bare_things_shares_the_work_named_after_its_last_item():
    got = subjects("“十三五”期间,完成120个加油站、5个储油库、约30辆油罐车的油气回收治理;完成80个工业炉窑、300台燃煤锅炉整治;"
                   "完成300家沿江化工企业关改搬转、1000个入河排污口整治;建设30个精品示范村、200个左右提档升级村。")
    assert got[:5] == [("120个", "加油站油气回收治理"), ("5个", "储油库油气回收治理"), ("30辆", "油罐车的油气回收治理"),
                       ("80个", "工业炉窑整治"), ("300台", "燃煤锅炉整治")], got
    assert ("300家", "沿江化工企业关改搬转") in got, got  # an item with its own verb keeps it
    assert ("30个", "精品示范村") in got, got  # 提档升级村 is a noun, no work
    got = subjects("“十三五”期间,另有1座试运行、2座在建、1座深度改造。")
    assert got[0] == ("1座", "试运行"), got  # a state of its own, not the things of the last item's work

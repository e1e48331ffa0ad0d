"""The classes of P19 (plans20, issue 14), each grepped over the whole corpus (plans, city and provincial reports)
before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import loaded_measures

PLAN = """某省“十六五”生态环境保护规划
第一章 发展基础
"""


def test_a_count_after_a_clause_ending_in_de_names_the_clause_and_the_things_counted():
    got = loaded_measures(PLAN + "“十五五”期间,上一轮规划确定的57项水污染防治工程全部建成,"
                    "省级督察反馈的12项问题、督察转办的305件信访投诉问题全部办结。\n")
    assert got["57项"]["subject_zh"] == "上一轮规划确定水污染防治工程", got["57项"]["subject_zh"]
    assert got["12项"]["subject_zh"] == "省级督察反馈问题", got["12项"]["subject_zh"]
    assert got["305件"]["subject_zh"] == "督察转办信访投诉问题", got["305件"]["subject_zh"]
    got = loaded_measures(PLAN + "“十五五”期间,国家督察反馈意见涉及本省的9个问题和交办的120件信访件全部办结。\n")
    assert got["9个"]["subject_zh"] == "国家督察反馈意见涉及本省问题", got["9个"]["subject_zh"]
    assert got["120件"]["subject_zh"] == "交办信访件", got["120件"]["subject_zh"]


def test_a_share_written_before_the_things_it_is_of_takes_them():
    got = loaded_measures(PLAN + "到2035年,到2030年至少45%的雨水实现就地消纳,每年抽取不低于15%的重点排污单位开展执法监测,"
                    "“十六五”期间30%以上的砂石矿山达到绿色矿山标准。\n")
    assert got["45%"]["subject_zh"] == "雨水实现就地消纳", got["45%"]["subject_zh"]
    assert got["15%"]["subject_zh"] == "每年抽取重点排污单位开展执法监测", got["15%"]["subject_zh"]
    assert got["30%以上"]["subject_zh"] == "砂石矿山达到绿色矿山标准", got["30%以上"]["subject_zh"]
    got = loaded_measures(PLAN + "到2035年,全部国家级园区和70%的省级园区完成循环化改造。\n")
    assert got["70%"]["subject_zh"] == "省级园区完成循环化改造", got["70%"]["subject_zh"]


def test_a_count_right_after_a_named_place_counts_the_things_after_it():
    got = loaded_measures(PLAN + "到2035年,淘汰老旧车辆,沈阳市3000台以上柴油车、大连市1200台机动车;完成武进区6家水泥企业超低排放改造。\n")
    assert got["3000台以上"]["subject_zh"] == "沈阳市柴油车", got["3000台以上"]["subject_zh"]
    assert got["1200台"]["subject_zh"] == "大连市机动车", got["1200台"]["subject_zh"]
    assert got["6家"]["subject_zh"].startswith("武进区水泥企业"), got["6家"]["subject_zh"]
    got = loaded_measures(PLAN + "到2035年,推进上游东坝、西岭、新县3个镇面源污染综合整治。\n")
    assert got["3个"]["subject_zh"].startswith("镇面源污染"), got["3个"]["subject_zh"]  # names of the things counted


def test_a_bare_capacity_is_of_what_the_clause_before_names():
    got = loaded_measures(PLAN + "“十五五”期间,全市已建成12个城镇污水处理厂,处理能力36万吨/日;"
                    "乡镇日产生污水量约9万吨,处理能力仅有3万吨/日。\n")
    assert got["36万吨/日"]["subject_zh"] == "城镇污水处理厂处理能力", got["36万吨/日"]["subject_zh"]
    assert got["3万吨/日"]["subject_zh"] == "乡镇污水处理能力", got["3万吨/日"]["subject_zh"]


def test_a_list_of_places_with_bracketed_figures_shares_the_works_named_after_it():
    got = loaded_measures(PLAN + "到2035年,实施甲市(3.2万吨)、乙县(1.1万吨)、丙区(0.6万吨)等存量渗滤液处理工程等。\n")
    assert got["3.2万吨"]["subject_zh"] == "甲市存量渗滤液处理工程", got["3.2万吨"]["subject_zh"]
    assert got["0.6万吨"]["subject_zh"] == "丙区存量渗滤液处理工程", got["0.6万吨"]["subject_zh"]


def test_a_count_of_the_plans_own_indicators_by_class_is_no_figure():
    got = loaded_measures(PLAN + "第二章 主要指标\n“十六五”时期生态环境保护指标包括环境质量、污染减排、生态保护等4类19项。\n"
                    "到2035年,建成污水处理厂3座。\n")
    assert "19项" not in got, got["19项"]["subject_zh"]
    assert "3座" in got
    got = loaded_measures(PLAN + "“十五五”期间,另有1座拟于明年开工,处理能力2万吨/日;危废单位综合利用能力30万吨/年,处置能力12万吨/年。\n")
    assert got["2万吨/日"]["subject_zh"] == "处理能力", got["2万吨/日"]["subject_zh"]  # a clause counted, no facility
    assert got["12万吨/年"]["subject_zh"] == "处置能力", got["12万吨/年"]["subject_zh"]  # another capacity before


def test_an_area_right_before_the_zone_built_is_that_zones_size():
    got = loaded_measures(PLAN + "到2035年,升级保护620平方公里湿地自然保护区,规划建设480平方公里城市绿色生态屏障区。\n")
    assert got["620平方公里"]["subject_zh"] == "湿地自然保护区", got["620平方公里"]["subject_zh"]
    assert got["480平方公里"]["subject_zh"] == "城市绿色生态屏障区", got["480平方公里"]["subject_zh"]


def test_a_count_of_a_part_of_the_things_counted_before_is_of_them():
    got = loaded_measures(PLAN + "“十五五”期间,督察转办的205件信访投诉问题中,198件已办结;省级督察反馈的12项问题中的11项已完成整改。\n")
    assert got["198件"]["subject_zh"] == "督察转办信访投诉问题已办结", got["198件"]["subject_zh"]
    assert got["11项"]["subject_zh"] == "省级督察反馈问题已完成整改", got["11项"]["subject_zh"]


def test_a_bare_rate_or_verb_after_a_clause_with_a_figure_is_of_its_things():
    got = loaded_measures(PLAN + "“十五五”期间,受理各类环境信访举报812件,办结率99.5%;建成区绿化覆盖面积1200公顷、覆盖率41.2%;"
                    "省级督察反馈问题31项,完成整改29项。\n")
    assert got["99.5%"]["subject_zh"] == "受理各类环境信访举报办结率", got["99.5%"]["subject_zh"]
    assert got["41.2%"]["subject_zh"] == "建成区绿化覆盖率", got["41.2%"]["subject_zh"]
    assert got["29项"]["subject_zh"] == "省级督察反馈问题整改", got["29项"]["subject_zh"]
    got = loaded_measures(PLAN + "“十五五”期间,新能源装机增长25%,利用率达95.1%;医废申报登记率达到100%,集中处置率达到100%。\n")
    assert got["95.1%"]["subject_zh"] != "新能源装机增长利用率", got["95.1%"]["subject_zh"]


def test_a_share_followed_by_wei_and_a_kind_is_the_share_of_that_kind():
    got = loaded_measures(PLAN + "到2035年,新增出租车辆100%为新能源车。\n")
    assert got["100%"]["subject_zh"] == "出租车辆新能源车占比", got["100%"]["subject_zh"]

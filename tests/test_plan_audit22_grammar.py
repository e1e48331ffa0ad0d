"""The classes of P22 (plans21, issue 14), each grepped over the whole corpus (plans, city and provincial reports)
before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import plan_subjects as subjects


def test_what_all_the_things_undergo_written_after_100_percent_is_the_metric():
    got = subjects("“十五五”期间,确保闲置放射源做到100%安全收贮,入海排污口污水实现100%达标排放,"
                   "拆迁工地100%洒水、渣土车辆100%密闭运输。")
    assert got == [("100%", "闲置放射源安全收贮"), ("100%", "入海排污口污水达标排放"),
                   ("100%", "拆迁工地洒水"), ("100%", "渣土车辆密闭运输")], got
    got = subjects("“十五五”期间,新增出租车辆100%为新能源车,省级园区100%以上完成改造。")
    assert got[0] == ("100%", "出租车辆新能源车占比"), got  # a kind after 为: not this class


def test_a_level_reached_at_a_date_from_a_dated_start_is_the_metrics():
    got = subjects("“十五五”期间,城镇污水处理能力从2026年的210万吨提高到2030年的260万吨,"
                   "全市Ⅱ类水质断面由2025年的5个增加至2030年的14个。")
    assert ("260万吨", "城镇污水处理能力") in got, got
    assert ("14个", "全市Ⅱ类水质断面") in got, got
    got = subjects("“十五五”期间,可再生能源占能源消费比重由2025年的21.5%上升为2030年的30%以上。")
    assert got == [("21.5%", "可再生能源占能源消费比重"), ("30%以上", "可再生能源占能源消费比重")], got


def test_a_count_after_names_closed_by_deng_counts_the_things_named_after_it():
    got = subjects("“十五五”期间,完成东溪等5条水流、西岭等9个自然保护地确权登记工作。")
    assert got == [("5条", "水流"), ("9个", "自然保护地确权登记工作")], got
    got = subjects("“十五五”期间,推进南湖、北湖等4个湖泊和甲湾等3个海湾综合治理。")
    assert got[0] == ("4个", "湖泊"), got  # a list closed by 等 before the count: not this class's words


def test_a_date_is_no_subject():
    got = subjects("“十五五”期间,全市组织90个减排项目,2027年完成61个减排项目精准治理工作,2029年底前完成120万吨炼铁产能置换,"
                   "推广氢燃料电池汽车,到2030年力争达到2000辆。")
    assert ("61个", "减排项目精准治理工作") in got, got
    assert ("120万吨", "炼铁产能置换") in got, got
    assert ("2000辆", "到2030年") in got, got  # no metric before it dated as it is: left
    got = subjects("“十五五”期间,城区出租车辆中新能源车辆占比2028年底达到40%以上,2030年底达到70%以上。")
    assert got[1] == ("70%以上", "城区出租车辆中新能源车辆占比"), got
    got = subjects("“十五五”期间,森林覆盖率实际完成情况为21.3%,未完成2030年23%的规划指标。")
    assert got[1] == ("23%", "森林覆盖率实际完成情况"), got  # a goal's words after the share: the metric before


def test_a_count_right_after_a_verb_of_inspection_counts_what_it_handed_over_or_found():
    got = subjects("“十五五”期间,国家督察交办301个信访件,完成整改300件;完成干流三级排查,排查出412个入河排污口。")
    assert got[0] == ("301个", "国家督察交办信访件"), got
    assert got[1] == ("300件", "国家督察交办信访件整改"), got
    assert got[2] == ("412个", "入河排污口"), got


def test_a_count_after_a_quoted_name_counts_the_things_after_it_under_that_name():
    got = subjects("“十五五”期间,“15+N”67个问题,完成整改60个;完成“项目清单”52个项目,建成“无废细胞”100个以上。")
    assert got[:3] == [("67个", "“15+N”问题"), ("60个", "“15+N”问题整改"), ("52个", "“项目清单”项目")], got
    assert got[3] == ("100个以上", "“无废细胞”"), got  # nothing after the count: the name is the things'


def test_a_count_right_before_the_sites_of_a_monitoring_network_counts_the_sites():
    got = subjects("“十五五”期间,水环境质量52个国考断面优良水体比例为84.2%。全市35个国省控断面Ⅰ-Ⅲ类水质占比98%。")
    assert got[0] == ("52个", "国考断面"), got
    assert got[2] == ("35个", "国省控断面"), got

"""Grammar of the plans' audit P16 (tests/gold/corpus/audits/p16_plan_env.csv), each class grepped over the whole
corpus (plans, city and provincial work reports) before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import loaded_measures

PLAN = """某省“十六五”生态环境保护规划
第一章 发展基础
"""


def test_a_change_against_the_end_of_a_plan_period_continues_the_level_stated_before_it():
    got = loaded_measures(PLAN + "“十五五”期间,全省臭氧平均浓度降至41微克/立方米、较“十四五”时期末下降12.6%,"
                    "海水优良比例达到80.5%,比十四五末提高9.2个百分点。\n")
    assert got["12.6%"]["subject_zh"].startswith("全省臭氧平均浓度"), got["12.6%"]["subject_zh"]
    assert got["9.2个百分点"]["subject_zh"].startswith("海水优良比例"), got["9.2个百分点"]["subject_zh"]


def test_facility_farming_is_agriculture_not_the_environment():
    got = loaded_measures(PLAN.replace("发展基础", "推进循环经济发展") + "大力推进生态工业园区和循环化改造,到2035年,"
                    "高效设施农业面积占比达到30%,秸秆综合利用率达到95%。\n")
    assert got["30%"]["is_environmental"] is False, got["30%"]  # greenhouse farming's share: agriculture
    assert got["95%"]["is_environmental"] is True


def test_a_list_of_industries_shares_the_words_from_its_industry_on():
    got = loaded_measures(PLAN + "到2035年,制药、焦化、家具制造、汽车零部件行业挥发性有机物去除效率分别达到80%、75%、70%、65%以上。\n")
    assert got["80%"]["subject_zh"] == "制药行业挥发性有机物去除效率", got["80%"]["subject_zh"]
    assert got["70%"]["subject_zh"] == "家具制造行业挥发性有机物去除效率", got["70%"]["subject_zh"]
    assert got["65%以上"]["subject_zh"] == "汽车零部件行业挥发性有机物去除效率"
    got = loaded_measures(PLAN + "到2035年,钢材行业、建材行业增加值分别增长5%、6%。\n")
    assert got["5%"]["subject_zh"].startswith("钢材行业增加值"), got["5%"]["subject_zh"]  # not 钢材行业行业


def test_a_count_right_after_a_conjunction_counts_the_things_named_after_it():
    got = loaded_measures(PLAN + "到2035年,推动甲钢铁有限公司、乙焦化有限公司及3家烧结球团企业完成超低排放改造,"
                    "完成丙湖水库和40座塘坝除险加固,编制省及9个市温室气体排放清单。\n")
    assert got["3家"]["subject_zh"].startswith("烧结球团企业"), got["3家"]["subject_zh"]
    assert got["40座"]["subject_zh"].startswith("塘坝"), got["40座"]["subject_zh"]
    assert got["9个"]["subject_zh"].startswith("市温室气体排放清单"), got["9个"]["subject_zh"]


def test_a_table_row_label_sheds_the_number_of_its_item():
    from loaders.tables import Table, render, table_measures

    rows = [["指标", "2020年", "2025年", "属性"],
            ["(一)环境治理", "", "", ""],
            ["3.城市细颗粒物(PM2.5)浓度(μg/m3)", "32", "29", "约束性"],
            ["(4)地表水优良水体比例(%)", "80.5", "85", "约束性"],
            ["12、氨氮排放总量减少(%)", "[15.1]", "完成省下达任务", "约束性"],
            ["2.5小时通勤圈覆盖率(%)", "60", "70", "预期性"]]
    got = {m.value_text: m.subject_zh for m in table_measures(render(Table.from_rows(rows)), 2025)}
    assert got["29"].startswith("城市细颗粒物"), got["29"]
    assert got["80.5"] == "地表水优良水体比例", got["80.5"]
    assert got["[15.1]"] == "氨氮排放总量减少", got["[15.1]"]
    assert got["60"].startswith("2.5小时"), got["60"]  # a decimal opening the label is no item number


def test_a_count_after_a_part_of_the_region_counts_the_things_named_after_it():
    got = loaded_measures(PLAN + "到2035年,中心城区120个公交站台完成适老化改造,东河流域40个试点村完成污水零直排区创建。\n")
    assert got["120个"]["subject_zh"].startswith("公交站台"), got["120个"]["subject_zh"]
    assert got["120个"]["sub_area"] == "中心城区"  # the part of the region stays the figure's
    assert got["40个"]["subject_zh"].startswith("试点村"), got["40个"]["subject_zh"]


def test_a_count_right_before_a_size_counts_the_things_named_after_the_size():
    got = loaded_measures(PLAN + "“十五五”期间,累计改造居民散煤炉具3.2万户,完成860台4200蒸吨燃煤锅炉治理,"
                    "完成市区现役的320台1500蒸吨燃气锅炉低氮改造,淘汰燃煤锅炉95台310蒸吨。\n")
    assert got["860台"]["subject_zh"].startswith("燃煤锅炉治理"), got["860台"]["subject_zh"]
    assert got["320台"]["subject_zh"].startswith("燃气锅炉低氮改造"), got["320台"]["subject_zh"]
    assert got["95台"]["subject_zh"] == "淘汰燃煤锅炉", got["95台"]["subject_zh"]  # nothing after the size: the words before
    got = loaded_measures(PLAN + "到2035年,淘汰乙市燃煤锅炉(建成区6台20蒸吨以下),加快甲县2座10万千瓦光热电站和光热产业中心建设。\n")
    assert got["6台"]["subject_zh"].startswith("淘汰乙市燃煤锅炉"), got["6台"]["subject_zh"]  # not past the bracket
    assert got["2座"]["subject_zh"] == "光热电站", got["2座"]["subject_zh"]  # the things end at 和


def test_a_count_right_after_a_qualifying_clause_keeps_the_clause():
    """开展新一轮国家警示片披露的8项问题整改工作: the sample gold names the things by the clause before 的
    (国家警示片披露问题整改), so the clause stays the subject (a rule taking only the words after 的 broke the sample's
    task link, tests/test_integration.py, and was reverted)."""
    got = loaded_measures(PLAN + "到2035年,开展新一轮省级督察反馈的12项问题整改工作。\n")
    assert "督察反馈" in got["12项"]["subject_zh"], got["12项"]["subject_zh"]


def test_a_bounded_size_before_the_things_counted_is_their_class():
    got = loaded_measures(PLAN + "到2035年,拆除30台10蒸吨以下燃煤锅炉。\n")
    assert got["30台"]["subject_zh"] == "10蒸吨以下燃煤锅炉", got["30台"]["subject_zh"]  # a bounded size: their class

"""Grammar of the plans' audit P14 (tests/gold/corpus/audits/p14_plan_env.csv, p14_plan_not_env.csv) and P13's leftovers,
each class grepped over the whole corpus (plans, city and provincial work reports) before its rule. Every sentence is
invented for the test."""

from __future__ import annotations

from extraction_helper import loaded_measures

from loaders.pipeline import process_document

PLAN = """某省“十六五”生态环境保护规划
第一章 主要任务
"""


def test_a_list_of_names_with_their_figures_in_brackets_gives_each_name_its_own():
    got = loaded_measures(PLAN + "到2035年,实施污泥处置工程。甲城市(2.5万吨)、乙县(0.8万吨)、丙东区(1.2万吨)污泥处置,"
                    "新建东湖(2万吨/日)、西岭(1万吨/日)污水处理厂。\n")
    # not ')、乙县': the bracket closed 2.5万吨; the works after the list are each place's (plans20)
    assert got["0.8万吨"]["subject_zh"] == "乙县污泥处置", got["0.8万吨"]["subject_zh"]
    assert got["1.2万吨"]["subject_zh"] == "丙东区污泥处置"
    # 西岭, no place, is a plant's name: the plants after the list are each name's (plans26, tuning 281's 南部三期 row)
    assert got["1万吨/日"]["subject_zh"] == "西岭污水处理厂"


def test_a_range_after_an_equating_verb_keeps_the_range_comparator():
    got = loaded_measures(PLAN + "到2035年,天然气年供应能力达15-20亿立方米,完成2~3条河流的治理,建成3—5个近零碳社区,新增绿地20公顷。\n")
    for text, low in (("15-20亿立方米", 1.5e9), ("2~3条", 2), ("3—5个", 3)):
        assert (got[text]["value"], got[text]["comparator"]) == (low, "ge"), got[text]  # 达 / 完成 equate to a range
    assert got["20公顷"]["comparator"] == "eq"


def test_a_table_row_naming_its_own_base_year_dates_its_change_from_it():
    from loaders.tables import Table, render, table_measures

    rows = [["指标", "2015年", "2020年目标", "2020年实际", "2025年目标"],
            ["PM10年均浓度比2012年下降(%)", "9.6", "≥3", "17.3", "20"],
            ["COD排放总量较2020年减少(%)", "—", "—", "16.87", "10"],
            ["SO2排放量较2015年下降比例(%)", "—", "[8]", "[9.5]", "—"]]
    got = {(m.subject_zh[:4], m.value_text): m.period for m in table_measures(render(Table.from_rows(rows)), 2025)}
    assert got[("PM10", "9.6")] == "2013-2015"  # since the label's 2012, not the five years before the column
    assert got[("PM10", "≥3")] == got[("PM10", "17.3")] == "2013-2020"
    assert got[("PM10", "20")] == "2013-2025"
    assert got[("COD排", "10")] == "2021-2025"  # the label's base is the last year's: the plan's own five years
    assert got[("COD排", "16.87")] is None  # a column not after the label's base takes no period from it
    assert got[("SO2排", "[8]")] == got[("SO2排", "[9.5]")] == "2016-2020"


def test_a_change_against_a_base_year_continues_the_level_stated_before_it():
    got = loaded_measures("""某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,全市空气质量优良天数比率达到88.5%,比2025年提高6.1个百分点。细颗粒物平均浓度31微克/立方米,较2025年下降20.5%。
优良天数达到330天,优良天数比例90.4%,比2025年增加25天。甲河、乙河断面水质优良率分别为95%、90%,比2025年分别提高5%、8%。
""")
    assert got["6.1个百分点"]["subject_zh"].endswith("空气质量优良天数比率比2025年提高"), got["6.1个百分点"]["subject_zh"]
    assert got["20.5%"]["subject_zh"].startswith("细颗粒物平均浓度")
    assert got["25天"]["subject_zh"].startswith("优良天数比2025年")  # the level in days two clauses back, not the ratio
    assert not got["5%"]["subject_zh"].startswith("乙河")  # a list paired 分别 keeps its own subjects


def test_a_count_as_it_stands_now_in_a_review_is_no_work_of_the_period():
    got = loaded_measures("""某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,全市加快基础设施建设,目前已建成12个城镇污水处理厂,建立重点排污单位名录(目前共31家),截至目前,已完成8家企业治理,累计建成9座垃圾转运站。
""")
    assert got["12个"]["period"] is None and got["31家"]["period"] is None  # the stock now, not built over the period
    assert got["8家"]["period"] == got["9座"]["period"] == "2026-2030"  # work done up to now: over the period


def test_a_water_class_stated_in_words_is_a_figure_in_words():
    got = loaded_measures("""某市2024年政府工作报告
一、2023年工作回顾
甲江干流某段水质稳定保持Ⅱ类,东湖水质保持在地表水Ⅲ类及以上,主要河流出境断面水质达Ⅱ类标准以上,城镇饮用水源水质达到Ⅲ类比例为100%,乙河断面水质由Ⅲ类提升到Ⅱ类。
二、2024年工作安排
确保甲江干流某段水质保持Ⅱ类,丙河干流水质稳定保持二类进出。
""", "report.txt")
    first = got["Ⅱ类"]  # the review's (the plan's Ⅱ类 has the same text: the dict keeps the last)
    assert (first["value"], first["unit"], first["is_environmental"]) == (None, "index", True)
    assert got["Ⅲ类及以上"]["subject_zh"] == "东湖水质" and got["Ⅲ类及以上"]["kind"] == "outcome"
    assert got["Ⅱ类标准以上"]["subject_zh"] == "主要河流出境断面水质"
    assert got["二类"]["subject_zh"] == "丙河干流水质" and got["二类"]["kind"] == "target"
    rows = process_document(("某市2024年政府工作报告\n二、2024年工作安排\n确保甲江干流某段水质保持Ⅱ类。\n").encode(), "report.txt").measures
    assert [(m["subject_zh"], m["kind"], m["year"]) for m in rows] == [("甲江干流某段水质", "target", 2024)]
    assert "Ⅲ类" not in got  # a share of waters of a class (达到Ⅲ类比例) or a change of class (由Ⅲ类提升到Ⅱ类): no class figure


def test_green_and_organic_food_is_agriculture_even_in_an_environmental_plan():
    got = loaded_measures("""某市“十六五”生态环境保护规划
第一章 发展基础
“十五五”期间,建成有机食品、绿色食品和绿色优质农产品基地20万亩,新认证地理标志农产品8个,建成生态公园12个。
""")
    assert not got["20万亩"]["is_environmental"] and not got["8个"]["is_environmental"]
    assert got["12个"]["is_environmental"]


def test_a_bounded_size_right_before_the_things_it_admits_is_no_figure():
    got = loaded_measures("""某市2024年政府工作报告
一、2023年工作回顾
甲基地等超50亿元项目加快建设,新增2家产值超百亿元企业,落地超亿元项目78个,其中50-100亿元项目7个,完成投资超50亿元。
二、2024年工作安排
城市生活垃圾日清运量超过300吨地区基本实现零填埋,为不少于1万名城市老年人提供服务。
""", "report.txt")
    assert not {"超百亿", "超亿", "50-100亿元", "300吨"} & got.keys(), sorted(got)  # the size class of the things after it
    assert {"2家", "78个", "7个", "1万名"} <= got.keys()  # the things counted stay
    assert got["50亿元"]["comparator"] == "gt"  # an amount with no noun after it stays a figure


def test_the_hedge_only_is_no_part_of_the_metric():
    got = loaded_measures("""某市“十六五”生态环境保护规划
第一章 发展基础
工业固废综合利用率不高,利用率仅21.7%。2025年,煤炭消费占比仅为13.4%,全市仅1家医疗废物处置单位。
""")
    assert got["13.4%"]["subject_zh"] == "煤炭消费占比", got["13.4%"]["subject_zh"]
    assert not got["21.7%"]["subject_zh"].endswith("仅") and "利用率" in got["21.7%"]["subject_zh"]
    assert not got["1家"]["subject_zh"].endswith("仅")

"""Grammar of the recall round 16 (brief recall21: R25's classes and the leftovers of the rounds before,
tests/gold/corpus/audits/). Every sentence is invented."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document


def _rows(text: str, name: str = "plan.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_the_energy_use_per_ten_thousand_yuan_of_gdp_with_a_word_between_is_the_energy_intensity():
    # R25 (内江 plan 万元GDP综合能耗比2015年下降19.2%): 万元GDP…能耗 as 单位GDP…能耗 already was; water and carbon stay
    synonyms = load_synonyms()
    assert assign_indicator("全县万元GDP综合能耗较基期降低", "percent", synonyms,
                            is_change=True) == "energy_intensity_reduction"
    assert assign_indicator("万元GDP用水量下降", "percent", synonyms, is_change=True) != "energy_intensity_reduction"


def test_the_rise_of_the_class_three_water_share_is_the_surface_water_improvement():
    # R25 (宿迁 plan 达到或优于Ⅲ类比例…较2015年上升21.3个百分点), as R8 judged 南充's 水质优良比例较2015年提升: a rise in
    # points of the share of sections at class Ⅲ or better, written with Ⅲ类 or with 上升; not groundwater, not the sea
    synonyms = load_synonyms()
    for subject in ("地表水Ⅰ~Ⅲ类水质断面比例较基准年上升", "好于Ⅲ类断面比例比上年提高", "优良水体比例同比上升"):
        assert assign_indicator(subject, "percentage_point", synonyms,
                                is_change=True) == "surface_water_improvement_ratio", subject
    for subject in ("地下水Ⅲ类点位比例上升", "近岸海域优良水体比例同比上升"):
        assert assign_indicator(subject, "percentage_point", synonyms, is_change=True) is None, subject


def test_a_sum_raised_or_lowered_is_a_change():
    # the leftover of reports16 (S19: 广元 城乡居民最低生活保障分别上调60元、53元; 辽宁 基本养老金总体上调2%): 上调 and 下调 are
    # change words, as 提高 and 降低; 上调至 reaches a level
    rows = _rows("""某县2024年政府工作报告
一、2023年工作回顾
城乡低保标准分别上调40元、35元,水资源费征收标准下调5%,污水处理费上调至每吨1.5元。
""", "city-reports-2024/某县.txt")
    got = [(r["subject_zh"], r["value_text"], r["is_change"]) for r in rows]
    assert got[:3] == [("城镇低保标准上调", "40元", True), ("农村低保标准上调", "35元", True),
                       ("水资源费征收标准下调", "5%", True)]


def test_a_higher_goal_striven_for_after_a_change_is_the_same_change():
    # the leftover of reports16 (S19: 临沂 地区生产总值增长5.5%、力争6%以上): the figure after 力争 is the change's higher goal,
    # a change too; written with its own change word (下降5%、力争下降6%), the word is not said twice
    rows = _rows("""某县2024年政府工作报告
二、2024年工作安排
今年主要预期目标是:单位地区生产总值能耗下降2.5%、力争3%,细颗粒物平均浓度下降4%、力争下降5%,森林覆盖率达到45%、力争46%。
""", "city-reports-2024/某县.txt")
    got = [(r["subject_zh"], r["value_text"], r["is_change"]) for r in rows]
    assert got == [("单位地区生产总值能耗下降", "2.5%", True), ("单位地区生产总值能耗下降", "3%", True),
                   ("细颗粒物平均浓度下降", "4%", True), ("细颗粒物平均浓度下降", "5%", True),
                   ("森林覆盖率", "45%", False), ("森林覆盖率", "46%", False)]


def test_things_disposed_of_in_a_review_are_work_over_the_period():
    # P31 (乌海 plan 累计整治…,处置乱采乱挖25处: period missing while its siblings have it): 处置 is work done over the
    # reviewed period, as 整治 is; a capacity or a system to dispose of waste (处置能力, 收运处置体系) stays a level
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
“十三五”期间,累计整治废弃矿山8座,处置非法采砂点14处,妥善处置突发环境事件6起,全市危险废物处置能力达到12万吨/年,农村生活垃圾收运处置体系覆盖的行政村比例达到98%。
""")
    got = [(r["value_text"], r["period"]) for r in rows]
    assert got == [("8座", "2016-2020"), ("14处", "2016-2020"), ("6起", "2016-2020"), ("12万吨/年", None),
                   ("98%", None)]


def test_a_share_after_a_conjunction_is_of_the_things_after_it():
    # P31 (益阳 plan 基本完成老旧汽油车辆(国二及以下)及60%老旧柴油车辆(国三及以下)淘汰任务; 邵阳 plan …及80%老旧柴油车辆淘汰):
    # a share right before its things, after 及 / 和, is of those things; the words before it name the other item
    rows = _rows("""某市“十四五”生态环境保护规划
第三章 主要任务
到2025年,基本完成国三及以下营运柴油货车和70%非道路移动机械淘汰任务。完成燃煤锅炉及90%燃气锅炉低氮改造。
""")
    assert [(r["subject_zh"], r["value_text"]) for r in rows] == [("非道路移动机械淘汰任务", "70%"),
                                                                 ("燃气锅炉低氮改造", "90%")]


def test_the_things_that_dispose_of_waste_counted_in_a_review_are_a_stock():
    # (处置 above) the whole corpus: 宿迁 plan 全市仅1家医疗废物处置单位, 莆田 plan 2个…水源地保护区内生活污水收集处置设施:
    # a firm or a facility that disposes, no waste disposed of over the period
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
“十三五”期间,全市仅有2家危险废物处置企业,3个乡镇污水收集处置设施不完善。
""")
    assert [(r["value_text"], r["period"]) for r in rows] == [("2家", None), ("3个", None)]


def test_a_dust_fall_or_the_size_of_a_cut_met_in_words_is_a_figure():
    # R20's leftovers (宿迁 plan 降尘量完成省下达目标要求; 辽宁 plan 单位GDP二氧化碳排放量较2020年下降幅度完成国家下达目标):
    # 降尘量 and 幅度 end a metric a figure in words follows, as 浓度 and 降幅 did; the dust fall in t per km2 a month
    rows = _rows("""某市“十四五”生态环境保护规划
第三章 主要目标
到2025年,全市平均降尘量达到省定目标要求,单位地区生产总值能耗较2020年降低幅度完成省下达目标。
""")
    got = [(r["subject_zh"], r["unit"], r["value"]) for r in rows]
    assert got == [("全市平均降尘量", "t_per_km2_month", None), ("单位地区生产总值能耗较2020年降低幅度", "percent", None)]


def test_a_bare_rate_is_of_the_thing_the_clause_before_names_before_its_words():
    # R24 (攀枝花 plan 工业固废综合利用率不高,利用率仅21.7%), T23 (…受污染耕地安全利用面积超过任务的37.2%,安全利用率达到98%以上):
    # a rate named by its ending alone whose own words (利用, 安全利用) the clause before names after a thing is that
    # thing's rate (named by the clause's figure, else by the rate in full); not a second item of the same metric
    # (余额贷存比突破80%,新增贷存比115%) nor the work alone (每年至少抽查一次,抽查率…)
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
全市建筑垃圾资源化利用率偏低,利用率仅为35%。全县受污染耕地安全利用面积完成任务的105%,安全利用率达到93%。
重点区域每季度至少检查一次,检查率达到60%以上。城区污水处理率提高到95%,建制镇污水处理率为70%。
""")
    got = {r["value_text"]: r["subject_zh"] for r in rows}
    assert got["35%"] == "全市建筑垃圾资源化利用率"
    assert got["93%"] == "全县受污染耕地安全利用率"
    assert got["60%以上"] == "检查率" and got["70%"] == "建制镇污水处理率"


def test_a_concentration_improved_with_words_between_is_the_pm25_cut():
    # R15 (辽宁 plan 全省细颗粒物(PM2.5)平均浓度比2015年改善29.1%), as R10 and T12 read 改善: a concentration improved is
    # cut, the words between them (a bracketed code, a base year) as for 下降 and 降低; not PM10's
    synonyms = load_synonyms()
    assert assign_indicator("全县细颗粒物(PM2.5)年均浓度较基准年改善", "percent", synonyms,
                            is_change=True) == "pm25_concentration_reduction"
    assert assign_indicator("可吸入颗粒物(PM10)平均浓度较基准年改善", "percent", synonyms, is_change=True) is None

"""The classes of P24 (plans24, issue 14), each grepped over the whole corpus (plans, city and provincial reports)
before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import plan_subjects as subjects

from loaders.pipeline import process_document


def test_a_count_right_after_the_things_another_count_counts_counts_their_parts():
    got = dict(subjects("“十五五”期间,全市完成6家钢铁企业14台烧结机超低排放改造,9家化工企业23条落后生产线全部关停。"))
    assert got["14台"] == "钢铁企业烧结机超低排放改造", got
    assert got["23条"] == "化工企业落后生产线", got
    got = dict(subjects("“十五五”期间,友好城市增至12个国家25个城市。"))
    assert got["25个"] != "国家城市", got  # two counts of places: no parts


def test_a_share_right_before_the_things_it_is_a_share_of_with_no_de():
    got = subjects("“十五五”期间,到2028年城区30%以上面积达到海绵城市标准,全县80%行政村生活污水得到有效治理,"
                   "优质学前教育覆盖90%乡镇。")
    assert got == [("30%以上", "城区面积达到海绵城市标准"), ("80%", "行政村生活污水有效治理率"),
                   ("90%", "优质学前教育覆盖乡镇")], got


def test_a_metrics_margin_over_its_benchmark_is_no_level_of_the_metric():
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    assert assign_indicator("全市国考断面水质优良比例优于国家考核目标", "percent", synonyms) is None
    assert assign_indicator("全市国考断面水质优良比例", "percent", synonyms) == "surface_water_good_ratio"
    # in words (no value), the same words are the metric's goal
    assert assign_indicator("国考断面水质优良比例好于国家考核目标", "percent", synonyms,
                            words_only=True) == "surface_water_good_ratio"


def test_the_words_closing_a_bracket_opened_before_the_figure_before_are_no_part_of_the_subject():
    got = subjects("“十五五”期间,全县(8个省控点位)PM2.5年均浓度降至30微克/立方米。完成老旧小区改造120个(涉及5000户)、背街小巷200条。")
    assert ("30微克/立方米", "PM2.5年均浓度") in got, got
    assert ("200条", "背街小巷") in got, got


def test_that_year_inside_a_metric_is_no_date_of_the_figure():
    text = ("某市“十五五”生态环境保护规划\n某市人民政府\n2026年4月20日\n第三章 主要目标\n"
            "到2030年,城镇新建民用建筑中绿色建筑占比达到100%,装配式建筑占当年新建建筑面积比例达到50%以上,"
            "新能源汽车占当年更新车辆总量的比例不低于60%。\n")
    got = [(m["value_text"], m["year"]) for m in process_document(text.encode("utf-8"), "plan.txt").measures]
    assert got == [("100%", 2030), ("50%以上", 2030), ("60%", 2030)], got


def test_an_area_named_by_its_word_alone_is_of_what_the_clause_before_measures():
    got = dict(subjects("“十五五”期间,实施西河生态河堤修复共计12.5千米,面积约30000m2;全市新设自然保护地9个,总面积520平方公里。"))
    assert got["30000m2"] == "西河生态河堤修复面积", got
    assert got["520平方公里"] == "全市新设自然保护地总面积", got


def test_co2_per_unit_of_gdp_reduced_without_emission_is_the_co2_intensity_reduction():
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    assert assign_indicator("单位国内生产总值二氧化碳降低", "percent", synonyms, is_change=True) == "co2_intensity_reduction"
    assert assign_indicator("单位地区生产总值二氧化碳下降", "percent", synonyms, words_only=True) == "co2_intensity_reduction"


def test_a_year_after_the_share_word_zhanbi_is_the_figures_not_a_baseline():
    text = ("某市“十五五”生态环境保护规划\n某市人民政府\n2026年4月20日\n第三章 主要任务\n"
            "城区公交新增及更新车辆中新能源车辆占比2028年底达到50%以上,2030年底达到60%以上。\n")
    got = [(m["value_text"], m["year"]) for m in process_document(text.encode("utf-8"), "plan.txt").measures]
    assert got == [("50%以上", 2028), ("60%以上", 2030)], got


def test_a_count_right_before_problems_counts_the_problems_of_the_things_named_before_it():
    got = dict(subjects("“十五五”期间,全市湿地公园1200个问题全部整改到位,督促完成风景名胜区85个环境问题整改。"))
    assert got == {"1200个": "全市湿地公园问题", "85个": "风景名胜区环境问题整改"}, got

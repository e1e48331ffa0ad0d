"""A figure of a part of the region or of a group of places whose metric the clause before names (plans19, issue 14):
grepped over the whole corpus (plans and city work reports). Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import loaded_measures

PLAN = """某省“十六五”生态环境保护规划
第一章 发展基础
"""


def test_a_part_of_the_region_takes_the_metric_of_the_clause_before():
    got = loaded_measures(PLAN + "全市水环境质量持续改善,城市再生水利用率明显提高,中心城区达到45.2%;"
                    "全市新能源公交车保有量达到800辆,其中县城达到120辆;污水处理厂投资8亿元,其中城区达到60%。\n")
    assert got["45.2%"]["subject_zh"] == "中心城区城市再生水利用率", got["45.2%"]["subject_zh"]
    assert got["45.2%"]["sub_area"] == "中心城区"
    assert got["120辆"]["subject_zh"] == "县城新能源公交车保有量", got["120辆"]["subject_zh"]
    assert got["60%"]["subject_zh"] == "城区", got["60%"]["subject_zh"]  # a share of the total, not a level of it


def test_a_group_of_places_takes_the_metric_of_the_figure_before_not_its_qualifier():
    got = loaded_measures(PLAN + "到2035年,列入甲乙区域的城市公共交通分担率达到55%以上,其余城市达到35%以上。\n")
    assert got["35%以上"]["subject_zh"] == "其余城市公共交通分担率", got["35%以上"]["subject_zh"]
    assert got["55%以上"]["subject_zh"].endswith("城市公共交通分担率")


def test_a_place_with_a_metric_of_its_own_or_after_a_change_keeps_its_subject():
    got = loaded_measures(PLAN + "到2035年,森林覆盖率达到40%,城区绿化覆盖率达到42%;PM2.5浓度下降10%,主城区下降12%。\n")
    assert got["42%"]["subject_zh"] == "城区绿化覆盖率", got["42%"]["subject_zh"]
    assert not got["12%"]["subject_zh"].startswith("主城区森林"), got["12%"]["subject_zh"]


def test_a_listed_place_counted_keeps_its_subject():
    got = loaded_measures(PLAN + "到2035年,建设沿河生态廊道,辐射带动4个县、15个乡镇、200个村整体提升。\n")
    assert got["15个"]["subject_zh"] == "乡镇", got["15个"]["subject_zh"]


def test_a_margin_over_a_benchmark_after_a_level_is_the_levels_metric():
    got = loaded_measures(PLAN + "全省地表水优良水体比例达到81.2%,优于国家考核目标6.5个百分点;"
                    "工业投资增长9.1%,快于全国3.3个百分点。\n")
    assert got["6.5个百分点"]["subject_zh"] == "全省地表水优良水体比例优于国家考核目标", got["6.5个百分点"]["subject_zh"]
    assert got["3.3个百分点"]["subject_zh"] == "工业投资增长快于全国", got["3.3个百分点"]["subject_zh"]

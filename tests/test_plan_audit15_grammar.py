"""Grammar of the plans' audit P15 (tests/gold/corpus/audits/p15_plan_env.csv): its one wrong row was the width of a
zone read as a figure. The class was grepped over the whole corpus (plans, city and provincial work reports) before
its rule. Every sentence is invented for the test."""

from __future__ import annotations

from extraction_helper import loaded_measures

PLAN = """某省“十六五”生态环境保护规划
第一章 主要任务
"""


def test_distances_bounding_a_zone_are_no_figures():
    got = loaded_measures(PLAN + "到2035年,严格落实甲江干流岸线2公里、6公里、12公里范围内管控要求,严禁在乙河岸线1.5公里区域范围内"
                    "新建化工项目;在丙江两岸各宽4公里左右区域开展植被恢复,治理修复岸线36公里,新建绿道80公里。\n")
    for zone in ("2公里", "6公里", "12公里", "1.5公里", "4公里左右", "4公里"):
        assert zone not in got, got.get(zone)
    assert (got["36公里"]["value"], got["36公里"]["unit"]) == (36, "km")  # a length of work stays
    assert got["80公里"]["subject_zh"] == "新建绿道"

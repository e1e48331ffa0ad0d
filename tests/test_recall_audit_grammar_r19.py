"""Grammar of the recall round 13 (brief G18: R19's, T36–T40's and the brief's classes, tests/gold/corpus/audits/).
Every sentence is invented."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document


def _rows(text: str, name: str = "report.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_a_fraction_in_words_is_a_share():
    # R19 (淮南 plan 规上企业煤炭消费量占全省五分之一), the dev gold's 近四分之一 (六盘水, 遂宁)
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 现状与形势
能源结构偏重,工业煤炭消费量占全省四分之一,燃煤电厂用煤占全市用煤总量近三分之二。
""", "plan.txt")
    got = [(r["value_text"], r["value"], r["unit"], r["comparator"], r["is_environmental"]) for r in rows]
    assert got == [("四分之一", 25.0, "percent", "eq", True), ("三分之二", 66.67, "percent", "approx", True)]


def test_a_bare_round_hundred_or_thousand_after_a_hedge_is_a_figure():
    # T36 (白银 plan 累计排查企业近千家次): 近 / 超 / 逾 / 上 / 突破 before 百 or 千 with no 万 or 亿 after it
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
强化环境风险隐患排查,累计排查企业近千家次,整治环境问题超百个,上千家企业完成清洁生产审核。
""", "plan.txt")
    got = [(r["value_text"], r["value"], r["unit"], r["comparator"]) for r in rows]
    assert got == [("千家次", 1000.0, "count", "approx"), ("超百个", 100.0, "count", "gt"),  # 近 read as 近万人 is
                   ("上千家", 1000.0, "count", "ge")]


def test_a_level_held_in_trend_words_after_a_rate_share_or_index_is_a_figure_in_words():
    # the brief's convention (R2 巴中 plan 森林覆盖率保持稳定, settled in recall18): the tables' 保持稳定 / 稳中向好 cells in prose
    rows = _rows("""某市“十六五”生态环境保护规划
第二章 主要目标
到2030年,森林覆盖率保持稳定,优良水体比例稳中有升,生态质量指数稳中向好。
湿地总面积保持稳定,地下水环境质量总体保持稳定。
""", "plan.txt")
    got = [(r["subject_zh"], r["value_text"], r["unit"], r["kind"], r["year"], r["value"]) for r in rows]
    assert got == [("森林覆盖率", "保持稳定", "percent", "target", 2030, None),
                   ("优良水体比例", "稳中有升", "percent", "target", 2030, None),
                   ("生态质量指数", "稳中向好", "index", "target", 2030, None)]  # not an area nor 质量


def test_a_coal_use_share_of_the_province_total_is_no_coal_share_of_the_energy_mix():
    # R19 (淮南 plan 规上企业煤炭消费量占全省五分之一, read by the fraction rule): a share of the level above's coal use
    # is no coal_consumption_share (coal in the region's own energy use); the region's own share still is
    synonyms = load_synonyms()
    assert assign_indicator("规上企业煤炭消费量占全省", "percent", synonyms) is None
    assert assign_indicator("工业煤炭消费量占全国", "percent", synonyms) is None
    assert assign_indicator("全市煤炭消费量占能源消费总量比重", "percent", synonyms) == "coal_consumption_share"

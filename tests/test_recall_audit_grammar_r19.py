"""Grammar of the recall round 13 (brief G18: R19's, T36–T40's and the brief's classes, tests/gold/corpus/audits/).
Every sentence is invented."""

from __future__ import annotations

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

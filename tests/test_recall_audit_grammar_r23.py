"""Grammar of the recall round 15 (brief recall20: R23's classes, tests/gold/corpus/audits/). Every sentence is
invented."""

from __future__ import annotations

from loaders.pipeline import process_document


def _rows(text: str, name: str = "plan.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_binding_indicators_done_in_words_are_a_figure():
    # the completion of the last plan's binding indicators in words (甘肃 and 陇南 plans 约束性指标全面完成, 白银 plan 减排指标
    # 超额完成), as 约束性指标全部完成 already was; a share of them (percent), not the pollutants' cut the clause named before
    # (t); counted (生态环境9项约束性指标全面完成, 莆田 plan 10项…约束性指标已提前完成), the count is the figure, as the gold's
    # convention (tests/gold/corpus/README.md, held-out 5) reads it
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
“十三五”以来,全市生态环境约束性指标目标全部超额完成。化学需氧量、氨氮减排比例等约束性指标已提前完成,8项预期性指标全面完成。
""")
    got = [(r["subject_zh"], r["value_text"], r["unit"], r["kind"]) for r in rows]
    assert got == [("全市生态环境约束性指标", "目标全部超额完成", "percent", "outcome"),
                   ("化学需氧量、氨氮减排比例等约束性指标", "已提前完成", "percent", "outcome"),
                   ("预期性指标全面完成", "8项", "count", "outcome")]


def test_the_pm25_cut_of_cities_not_meeting_the_standard_keeps_its_indicator():
    # R23 (黑龙江 plan 细颗粒物未达标地级及以上城市浓度较2015年下降31.3%), the gold's 甘肃 table row (细颗粒物(PM2.5)未达标
    # 的地级及以上城市浓度下降率): 未达标 names the cities, not a compliance rate (PM2.5达标率 stays none)
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    for subject in ("全市PM2.5未达标区县平均浓度比2015年降低", "细颗粒物未达标的设区市浓度下降率"):
        assert assign_indicator(subject, "percent", synonyms, is_change=True) == "pm25_concentration_reduction"
    assert assign_indicator("细颗粒物年均浓度达标率", "percent", synonyms) is None


def test_a_total_kept_within_the_bound_the_level_above_sets_is_a_figure_in_words():
    # R23 (内江 plan 化学需氧量、氨氮等污染物排放量不超过省上下达的最高允许排放量), R18 (德州 plan 煤炭消费总量控制在省下达
    # 任务目标以内): a total (排放量, 消费总量) within the bound the level above sets, its unit the total's
    rows = _rows("""某市“十四五”生态环境保护规划
第三章 主要目标
到2025年,全市二氧化硫排放量不超过省下达的允许排放量,能源消费总量控制在省下达任务目标以内,煤炭消费总量不突破省定目标。
""")
    got = [(r["subject_zh"], r["value_text"], r["unit"]) for r in rows]
    assert got == [("全市二氧化硫排放量", "不超过省下达的允许排放量", "t"),
                   ("能源消费总量", "控制在省下达任务目标以内", "tce"), ("煤炭消费总量", "不突破省定目标", "t")]


def test_an_intensity_or_a_share_of_a_total_keeps_its_percent():
    # (the totals' units above) 兰州 plan's 四项主要污染物排放量和单位GDP二氧化碳排放量均完成“十三五”目标: the intensity's
    # figure in words stays a cut in percent, and a share of the energy total a share
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
经核算,全市单位GDP能耗、单位GDP二氧化碳排放量均完成“十三五”目标,非化石能源占能源消费总量完成省下达目标。
""")
    assert [(r["subject_zh"], r["unit"]) for r in rows] == [
        ("全市单位GDP能耗", "percent"), ("单位GDP二氧化碳排放量", "percent"), ("非化石能源占能源消费总量", "percent")]

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

"""Grammar of the plans' audit P16 (tests/gold/corpus/audits/p16_plan_env.csv), each class grepped over the whole
corpus (plans, city and provincial work reports) before its rule. Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document

PLAN = """某省“十六五”生态环境保护规划
第一章 发展基础
"""


def _measures(text: str, name: str = "plan.txt") -> dict[str, dict]:
    return {m["value_text"]: m for m in process_document(text.encode("utf-8"), name).measures}
"""Grammar of the plans' audit P13 (tests/gold/corpus/audits/p13_plan_env.csv), classes grepped over the whole corpus
(plans, city and provincial work reports): a numeral in a group of places' name (河西五市, 沿海6市, 山区5县, 北三县)
is no count. Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document


def _values(plan: str) -> set[str]:
    return {m["value_text"] for m in process_document(plan.encode("utf-8"), "plan.txt").measures}


def test_a_numeral_naming_a_group_of_places_is_no_count():
    got = _values("""某省“十六五”生态环境保护规划
第一章 主要任务
到2035年,开展污染源调查和岭东四市辐射环境本底调查,分别占全省、沿海三市总量的一半,辐射沿江7市,推进牧区3县草原修复,支持通州区与南三县协同发展,
郊区两镇建成污水处理设施。
""")
    assert not got & {"四市", "三市", "7市", "3县", "三县", "两镇"}, got


def test_places_counted_or_listed_stay():
    got = _values("""某省“十六五”生态环境保护规划
第一章 主要任务
到2035年,完成8县农村环境整治,新建污水处理厂12座,支持甲城、乙东两市开展试点,丙山等5县建成示范区。
""")
    assert {"8县", "12座", "两市", "5县"} <= got, got

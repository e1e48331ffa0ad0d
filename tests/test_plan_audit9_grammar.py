"""Grammar of the plans' audit P9 (tests/gold/corpus/audits/p9_plan_env.csv), classes grepped over the corpus's plans:
a bound before an equating verb (至少完成), what the work starts from written 以…为基础, the last plan's goal met in
words over its period, units set up under a body (下设). Every sentence is invented for the test."""

from __future__ import annotations

from loaders.pipeline import process_document


def _measures(plan: str) -> list[dict]:
    return process_document(plan.encode("utf-8"), "plan.txt").measures


def _rows(plan: str) -> dict[str, tuple]:
    return {m["value_text"]: (m["kind"], m["year"], m["period"], m["comparator"]) for m in _measures(plan)}


def test_a_bound_before_an_equating_verb_bounds_the_figure():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 主要目标
到2035年,重点监管单位至少完成2次隐患排查,每个县最少建成3个监测站,起码有4个乡镇开展试点,全市完成造林5万亩,
污水处理率不低于达到95%。
""")
    assert got["2次"][3] == "ge"  # 至少完成: at least, though 完成 is nearer
    assert got["3个"][3] == "ge"  # 最少: the same family
    assert got["4个"][3] == "ge"  # 起码
    assert got["5万亩"][3] == "eq"  # 完成 alone equates


def test_what_the_work_starts_from_is_no_figure():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 主要任务
到2035年,以现有520个回收网点为基础,新建回收站点60个;在已有12座监测站基础上新增监测站8座。
以上任务完成率达到100%。
""")
    assert "520个" not in got and "12座" not in got  # the starting point (以…为基础 / 在…基础上)
    assert got["60个"] == ("target", 2035, None, "eq") and "8座" in got  # the work's own figures stay
    assert got["100%"][3] == "eq"  # 以上 opening a sentence is no frame


def test_the_last_plans_goal_met_in_words_is_over_its_period():
    got = _measures("""某市“十六五”生态环境保护规划
第一章 发展基础
全市化学需氧量、氨氮、二氧化硫和氮氧化物四项主要污染物总量控制超额完成省上下达的“十五五”减排目标。
全市化学需氧量排放总量较2025年下降12%,全市森林覆盖率达到41.5%。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""")
    met = [m for m in got if m["value_text"].endswith("“十五五”减排目标")]
    assert len(met) == 4 and all((m["year"], m["period"]) == (2030, "2026-2030") for m in met)
    assert [m["period"] for m in got if m["value_text"] == "41.5%"] == [None]  # a level at the period's end


def test_units_set_up_under_a_body_are_work_done_over_the_review():
    got = _rows("""某市“十六五”生态环境保护规划
第一章 发展基础
全市成立生态环境保护委员会,下设5个专项工作小组,统筹全市工作。全市森林覆盖率达到41.5%。
第二章 主要目标
到2035年,全市优良天数比例达到90%。
""")
    assert got["5个"][:3] == ("outcome", 2030, "2026-2030")
    assert got["41.5%"][2] is None  # a level at the period's end

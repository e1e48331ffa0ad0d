"""Grammar of the work reports' audit round 12 (tests/gold/corpus/audits/README.md, "Work reports, round 12"): S12's
and the round's tuning draws' classes. Every text is invented (later years, no real region) so that no rule can lean
on a corpus line."""

from __future__ import annotations

import pytest
from extraction_helper import flags

from loaders.pipeline import process_document


def rows(text: str) -> dict[str, tuple]:
    """value_text -> (kind, year, period, subject) of each measure the loaders read."""
    return {m["value_text"]: (m["kind"], m["year"], m["period"], m["subject_zh"])
            for m in process_document(text.encode("utf-8"), "report.txt").measures}


SPEECH = """2031年某省政府工作报告
——2031年1月20日在某省第十五届人民代表大会第五次会议上
各位代表：
现在，我代表省人民政府向大会报告工作，请予审议。
一、“十五五”时期和2030年工作回顾
五年来，全省森林覆盖率达到30.5%。2030年共办理环境案件120件。
二、“十六五”时期主要目标任务
“十六五”时期经济社会发展的主要目标是：细颗粒物浓度降至25微克/立方米，非常规天然气产量2035年达到80亿立方米。2035年前实现碳达峰目标，某湖水质稳定达到Ⅲ类，森林覆盖率达到32%。
三、2031年重点工作
今年经济社会发展的主要预期目标是：单位地区生产总值能耗降低2.5%左右。
"""


def test_a_goal_of_the_next_period_stating_the_periods_last_year_is_the_periods():
    # 安徽 / 山西 / 吉林 (S12): 2035年 in the goals of 十六五 is its last year, not a year alone
    got = rows(SPEECH)
    assert got["80亿立方米"][:3] == ("target", 2035, "2031-2035")
    assert got["Ⅲ类"][:3] == ("target", 2035, "2031-2035")
    assert got["32%"][:3] == ("target", 2035, "2031-2035")
    assert got["25微克/立方米"][:3] == ("target", 2035, "2031-2035")
    # a review's figure of a year it states stays that year's alone (plans12's rule)
    assert got["120件"][:3] == ("outcome", 2030, None)


@pytest.mark.parametrize(
    ("text", "value_text", "environmental"),
    [
        # S12 (乌鲁木齐, 陕西) and earlier samples (新疆, 浙江, 重庆): a count naming a kind of its own counts that kind;
        # the examples before 等 are instances of it, not its topic
        ("推进某公司年产8万吨二氧化碳捕集利用等4个年度计划总投资3亿元的化工项目。", "4个", False),
        ("某集团压缩空气储能等12个省企合作项目落地。", "12个", False),
        ("设立荒漠生态保护重点实验室等3个高能级创新平台。", "3个", False),
        ("《某市湿地保护条例》等6件地方性法规提请审议通过。", "6件", False),
        # a count of works named by their scale or stage alone, or of campaigns, takes its examples' topic
        ("某能源150兆瓦风电等5个项目开工建设。", "5个", True),
        ("抓好工业减排、控煤减污等12个专项整治行动。", "12个", True),
        # (a count in words right after the names it counts is no figure at all: recall16's convention)
        ("推进大气污染物减排、工业大气污染整治提升等3个“三年行动计划”。", "3个", True),
        ("实施某光伏等9个风光项目。", "9个", True),
    ],
)
def test_examples_do_not_decide_a_count_of_a_kind_of_its_own(text, value_text, environmental):
    assert flags(text)[value_text] is environmental


def test_coal_units_three_retrofits_are_environmental():
    # 山西 (s12_tuning_seed1203), as the dev gold's 六盘水 row: 三改联动 cuts coal burnt per kWh
    assert flags("完成煤电机组“三改联动”500万千瓦。")["500万千瓦"] is True


def test_the_level_a_change_reached_has_no_from_in_its_subject():
    # s12_tuning_seed1203 (安徽): 占比从31.1%降至22.5% gave 22.5% the subject 占比从; 48 rows of 19 documents
    got = rows("2031年某省政府工作报告\n一、2030年工作回顾\n全省高耗能行业增加值占比从31.2%降至24.5%,"
               "城市污水集中收集率由62%提高到71%,自由贸易试验区新增企业1200家。\n")
    assert got["24.5%"][3] == "全省高耗能行业增加值占比"
    assert got["71%"][3] == "城市污水集中收集率"
    assert got["1200家"][3].startswith("自由贸易试验区")


def test_a_year_between_a_metric_and_its_verb_is_no_part_of_the_metric():
    # 山西 (S12's draw of the period goals): 非常规天然气产量2030年达到300亿立方米
    got = rows(SPEECH)
    assert got["80亿立方米"][3] == "非常规天然气产量"
    got = rows("2031年某省政府工作报告\n三、2031年重点工作\n公交车辆中新能源车辆占比2032年底达到60%,"
               "旅游收入恢复到2029年的95%。\n")
    assert got["60%"][3] == "公交车辆中新能源车辆占比"


@pytest.mark.parametrize(
    ("text", "value_text", "environmental"),
    [
        # T30 (甘孜) and its grep (毕节, 恩施, 黑龙江): a count of works naming no kind of them is of the works the
        # clause before names, as their money already was (实施生态重建项目15个,完成投资8117万元)
        ("实施山水林田湖草生态保护修复,36个重大工程全部完工。", "36个", True),
        ("编制完成某山生态保护和修复工程实施方案,梳理项目40个,计划总投资30亿元。", "40个", True),
        ("编制完成某山生态保护和修复工程实施方案,梳理项目40个,计划总投资30亿元。", "30亿元", True),
        ("修复历史遗留矿山面积居全国前列,3个项目入选全国示范工程。", "3个", True),
        # the title of a plan issued names no works; works counted with figures of their own are not those counted
        ("出台《某市流域综合治理和统筹发展规划》,实施重点项目50个、总投资900亿元。", "50个", False),
        ("某新能源二期等800个重点项目完成投资600亿元,1000个项目入选省重大项目库。", "1000个", False),
    ],
)
def test_a_count_of_works_naming_no_kind_is_of_the_works_before(text, value_text, environmental):
    assert flags(text)[value_text] is environmental

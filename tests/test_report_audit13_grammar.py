"""Grammar of the work reports' audit round 13 (tests/gold/corpus/audits/README.md, "Work reports, round 13"): S14's
and the round's tuning draws' classes. Every text is invented (later years, no real region) so that no rule can lean
on a corpus line."""

from __future__ import annotations

from loaders.pipeline import process_document


def measures(text: str) -> dict[str, dict]:
    """value_text -> the measure the loaders read."""
    return {m["value_text"]: m for m in process_document(text.encode("utf-8"), "report.txt").measures}


def test_events_counted_in_changci_keep_their_closing_bound():
    # 锡林郭勒, 临沂, 烟台 … (S14): 场次 is one classifier, so the 以上 after it bounds the count
    got = measures("今年举办各类文化惠民演出1200场次以上,开展促消费活动80场次左右。")
    assert got["1200场次以上"]["comparator"] == "ge"
    assert got["1200场次以上"]["unit"] == "count"
    assert got["80场次左右"]["comparator"] == "approx"


def test_a_he_opening_a_word_is_no_conjunction_of_the_subject():
    # 青海, 河南, 合肥, 黄山, 浙江 … (s14 tuning): 和美乡村 is one word; a 和 before 美丽 still joins
    got = measures("今年打造200个和美乡村,乡村覆盖率达到70%,和美乡村建成率达到60%。")
    assert got["200个"]["subject_zh"] == "和美乡村"
    assert got["60%"]["subject_zh"] == "和美乡村建成率"
    # 重庆 (s14 tuning): a place before 和美乡村 is no list of two rates' subjects
    assert measures("力争某地和美乡村建成率达到85%。")["85%"]["subject_zh"] == "某地和美乡村建成率"


FIVE_YEARS = """2031年某省政府工作报告
——2031年1月20日在某省第十五届人民代表大会第五次会议上
各位代表：
一、2030年和“十五五”时期工作回顾
这五年是民生改善最多的五年。我们6次调高城乡居民基础养老金标准,建成38个县域医共体,2300户危房改造全面完成,普通高等学校达58所、累计招生90万人,森林覆盖率达到40%。
二、2031年重点工作
今年新建县域医共体5个。
"""


def test_work_done_and_times_in_a_review_of_five_years_are_over_its_years():
    # 西藏 (S14: 5次调高), 吉林, 湖北, 甘肃 …: counted things, then the work done to them, or the times a thing was
    # done, in a 这五年 review are over the period, as the dev gold's 19家企业战略性重组 (河南)
    got = measures(FIVE_YEARS)
    assert (got["6次"]["year"], got["6次"]["period"]) == (2030, "2026-2030")
    assert got["2300户"]["period"] == "2026-2030"
    # a level reached (达58所) and a rate stay the period's end
    assert (got["58所"]["year"], got["58所"]["period"]) == (2030, None)
    assert got["40%"]["period"] is None
    assert (got["5个"]["kind"], got["5个"]["period"]) == ("target", None)


def test_a_change_named_by_its_verb_alone_is_of_the_level_before_it():
    # S13 (锡林郭勒 总数增长), s14 tuning (广西 同口径增长), and 分别增长 after two levels (临沂, 亳州, 巴中, 新疆 …)
    got = measures("2031年某市政府工作报告\n一、2030年工作回顾\n全年接待游客800万人次、旅游收入90亿元,分别增长12.5%、15.4%。"
                   "争取上级补助资金60亿元、同口径增长4.2%。新增经营主体1.2万户,总数达到9.8万户、增长7.1%。\n")
    assert got["12.5%"]["subject_zh"] == "接待游客增长"
    assert got["15.4%"]["subject_zh"] == "旅游收入增长"
    assert got["4.2%"]["subject_zh"] == "上级补助资金同口径增长"
    assert got["7.1%"]["subject_zh"] == "经营主体总数增长"


def test_a_pair_written_as_one_word_gives_each_member_its_figure():
    # S13 (黑龙江 城乡低保标准, 陕西 存贷款余额), S14 (阿坝 城乡居民人均可支配收入分别增长6.5%、8%以上)
    got = measures("2031年某市政府工作报告\n一、2030年工作回顾\n城乡居民人均可支配收入分别增长4.1%、6.3%,"
                   "人民币存贷款余额分别增长7.7%、8.8%。\n")
    assert got["4.1%"]["subject_zh"] == "城镇居民人均可支配收入增长"
    assert got["6.3%"]["subject_zh"] == "农村居民人均可支配收入增长"
    assert got["7.7%"]["subject_zh"] == "人民币存款余额增长"
    assert got["8.8%"]["subject_zh"] == "人民币贷款余额增长"


def test_a_change_after_a_level_in_dollars_is_of_that_level():
    # 辽宁省, 三亚, 咸宁 (round 13): the level in 美元 is read as no figure; the change after it is still its
    got = measures("2031年某市政府工作报告\n一、2030年工作回顾\n实际使用外资12.4亿美元,增长9.5%。"
                   "利用外资5.6亿美元,同比增长3.3%。\n")
    assert got["9.5%"]["subject_zh"] == "实际使用外资增长"
    assert got["3.3%"]["subject_zh"] == "利用外资同比增长"


def test_firms_counted_then_their_deed_are_named_by_it():
    # 甘肃省 (S14: 3家企业主板上市 under 专精特新中小企业), 陕西省, 湖北省, 辽宁省, 重庆市, 杭州, 德州 …
    got = measures("2031年某市政府工作报告\n一、2030年工作回顾\n新增专精特新中小企业120户,4家企业主板上市,"
                   "培育科技型中小企业300家、7家企业入选国家级示范企业名单。\n")
    assert got["4家"]["subject_zh"] == "企业主板上市"
    assert got["7家"]["subject_zh"] == "企业入选国家级示范企业名单"
    assert got["120户"]["subject_zh"] == "专精特新中小企业"

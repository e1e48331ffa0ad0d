"""Grammar of the recall round 17 (brief recall22: the leftovers of R25–R27 and of the rounds before,
tests/gold/corpus/audits/). Every sentence is invented."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document


def _rows(text: str, name: str = "plan.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_a_bare_class_three_share_after_a_clause_naming_drinking_sources_is_theirs():
    # R26 / P33 (攀枝花 plan 乡镇集中式饮用水水源地规范化建设全部完成,水质达到或优于Ⅲ类比例不低于95%): a class share or a
    # good-water share named by nothing else is of the drinking-water sources the clause before names, as 水质达标率 was;
    # a share naming its own sections stays the surface water's
    rows = _rows("""某县“十四五”生态环境保护规划
三、主要任务
到2025年,乡镇级饮用水水源地保护区划定全部完成,水质达到或优于Ⅲ类比例不低于90%。
持续推进城镇集中式饮用水水源地整治,水质优良比例保持100%。
加强饮用水水源保护,国考断面水质达到或优于Ⅲ类比例达到85%。
""")
    synonyms = load_synonyms()
    got = [(r["subject_zh"], assign_indicator(r["subject_zh"], r["unit"], synonyms)) for r in rows]
    assert got == [("乡镇级饮用水水源地水质达到或优于Ⅲ类比例", "drinking_water_source_compliance"),
                   ("城镇集中式饮用水水源地水质优良比例", "drinking_water_source_compliance"),
                   ("国考断面水质达到或优于Ⅲ类比例", "surface_water_good_ratio")]


def test_work_a_plans_word_puts_before_its_verb_is_planned_not_done():
    # the leftover of outside31 (O2: 计划完成 / 计划利用2年时间 read as done): work 计划 or 拟 puts before its verb is a target,
    # even in a report's review (the year reviewed kept), and the plan's word is no subject; work done by or beyond the
    # plan (按计划完成, 超计划) and what was done after it (实际完成) stay outcomes
    rows = _rows("""某县2024年政府工作报告
一、2023年工作回顾
全年计划完成农村改厕3000户,实际完成3200户。拟新增造林1.2万亩。按计划完成河道清淤20公里。
""", "city-reports-2024/某县.txt")
    got = [(r["value_text"], r["kind"], r["year"]) for r in rows]
    assert got == [("3000户", "target", 2023), ("3200户", "outcome", 2023), ("1.2万亩", "target", 2023),
                   ("20公里", "outcome", 2023)]
    assert rows[0]["subject_zh"] == "农村改厕"


def test_what_was_actually_done_after_a_planned_figure_is_of_its_metric():
    # what 实际完成 reached after a figure of the clause before is of that figure's metric (its subject was 实际): the
    # planned and the done share their subject, as a target and its outcome
    rows = _rows("""某县2024年政府工作报告
一、2023年工作回顾
全年计划完成农村改厕3000户,实际完成3200户。
""", "city-reports-2024/某县.txt")
    assert [(r["subject_zh"], r["kind"]) for r in rows] == [("农村改厕", "target"), ("农村改厕", "outcome")]
    page = _rows("""某市加快推进燃煤散烧治理
2023年5月10日 来源:市生态环境局
记者从市生态环境局获悉,我市计划利用2年时间,完成3000户燃煤散烧治理。全市已完成改造8000户。
""", "news/某市.txt")
    assert [(r["value_text"], r["kind"]) for r in page] == [("3000户", "target"), ("8000户", "outcome")]


def test_a_part_counted_after_the_whole_and_zhong_you_is_what_became_of_the_whole():
    # the leftover of outside31 (O2: `监测断面中有`): a count right after N个X中有 or X中,已完成整治 is a part of the things
    # the count before counts; its subject names them and what became of them (before or after it), and the whole's
    # subject sheds its 中
    rows = _rows("""某县2024年政府工作报告
一、2023年工作回顾
全县12个国控断面中有11个达到Ⅲ类以上。全市38条黑臭水体中,已完成整治35条。全县15个空气监测点位中达标的有14个。
""", "city-reports-2024/某县.txt")
    got = [(r["subject_zh"], r["value_text"], r["is_environmental"]) for r in rows]
    assert got[:4] == [("国控断面", "12个", True), ("国控断面达到Ⅲ类以上", "11个", True),
                       ("黑臭水体", "38条", True), ("黑臭水体整治", "35条", True)]
    assert [r["subject_zh"] for r in rows[4:]] == ["空气监测点位", "空气监测点位达标"]


def test_a_total_over_the_five_years_a_page_reviews_has_its_period():
    # the leftover of outside31 (O2: a news page's cumulative total over 过去五年 without its period): on a page that is
    # no work report, a sentence or line opening on 过去五年 / 五年来 reviews the five years up to the page's year, as a
    # work report's review of them does: work done and changes over them, levels at their end; a goal set in such a
    # line has no period
    rows = _rows("""某市生态环境质量持续改善
2021年3月2日 来源:市生态环境局
过去五年,全市累计完成造林120万亩,治理水土流失面积350平方公里。下一步,我市将力争新建污水管网100公里。森林覆盖率达到45%。
""", "news/某市.txt")
    got = [(r["value_text"], r["kind"], r["year"], r["period"]) for r in rows]
    assert got == [("120万亩", "outcome", 2021, "2017-2021"), ("350平方公里", "outcome", 2021, "2017-2021"),
                   ("100公里", "target", 2021, None), ("45%", "outcome", 2021, None)]


def test_work_a_five_year_plan_sets_over_its_own_years_is_their_total():
    # P32's leftover (眉山 plan “十四五”期间至少完成1次土壤和地下水污染隐患排查整改: period missing): work a five-year plan
    # opens on its own years (“十四五”期间, 十四五时期) is a total over them; not work of each year, a level, a capacity, or
    # a period that only qualifies a word (为保证“十四五”期间各项目标…)
    rows = _rows("""某市“十四五”生态环境保护规划
第四章 主要任务
“十四五”期间,建成美丽乡村示范村30个,美丽庭院500个。“十四五”期间至少完成2次地下水污染状况调查评估。“十四五”期间,每年实施3个全域综合整治项目。“十四五”期间,城市污水处理率保持98%。为保证“十四五”期间各项目标的如期实现,规划共安排重点工程60项。
""", "某市规划.txt")
    got = [(r["value_text"], r["kind"], r["year"], r["period"]) for r in rows]
    assert got == [("30个", "target", 2025, "2021-2025"), ("500个", "target", 2025, "2021-2025"),
                   ("2次", "target", 2025, "2021-2025"), ("3个", "target", 2025, None), ("98%", "target", 2025, None),
                   ("60项", "target", 2025, None)]


def test_nothing_a_five_year_plan_dates_at_or_after_its_publication_is_done():
    # P33's leftover (白银 plan: 确保危险废物100%安全贮存和处臵利用 under its review's 完成情况, given the plan's last year): a
    # figure done with no year of its own is of the year the review closes, five years before the plan's end; and a
    # rank in a goal of the plan's end (“十四五”末…达到50万千瓦左右,应用规模位居全省前列) is still to be earned: a target
    review = _rows("""某市“十四五”生态环境保护规划
发布日期:2021年12月10日
第一章 现状与形势
完成情况:严格落实联单制度,确保医疗废物100%安全处置。
""", "某市规划.txt")
    assert [(r["value_text"], r["kind"], r["year"]) for r in review] == [("100%", "outcome", 2020)]
    goal = _rows("""某市“十四五”生态环境保护规划
发布日期:2021年12月10日
第四章 主要任务
推进新型储能项目建设,“十四五”末全市新型储能装机规模达到50万千瓦左右,应用规模位居全省前列。
""", "某市规划.txt")
    assert [(r["value_text"], r["kind"], r["year"]) for r in goal] == [("50万千瓦左右", "target", 2025)]


def test_counts_each_after_its_owner_alone_count_the_things_named_after_the_last():
    # R26's leftover (乌鲁木齐 完成中央13项、自治区45项生态环境保护督察反馈问题整改: the first count unflagged, its words
    # 中央 naming nothing): counts each after a level or an authority alone, joined by 、, count the things named once
    # after the last; every item names them (a verb before the first owner is no part of it)
    rows = _rows("""某县2024年政府工作报告
一、2023年工作回顾
完成中央8项、省级21项生态环境保护督察反馈问题整改。创建国家级2个、省级5个生态文明示范村。
""", "city-reports-2024/某县.txt")
    got = [(r["subject_zh"], r["value_text"], r["is_environmental"]) for r in rows]
    assert got == [("中央生态环境保护督察反馈问题整改", "8项", True), ("省级生态环境保护督察反馈问题整改", "21项", True),
                   ("国家级生态文明示范村", "2个", True), ("省级生态文明示范村", "5个", True)]


def test_a_figure_in_words_for_pollutants_listed_before_their_class_word_holds_for_each():
    # R25's leftover (内江 plan 化学需氧量、氨氮等污染物排放量不超过省上下达的最高允许排放量): pollutants named before 等污染物
    # and the metric they share: the figure in words holds for each, as with a collective term (主要污染物)
    rows = _rows("""某县“十四五”生态环境保护规划
第四章 主要任务
到2025年,全县化学需氧量、氨氮等污染物排放量不超过市下达的总量控制指标。
""", "某县规划.txt")
    assert [r["subject_zh"] for r in rows] == ["全县化学需氧量排放量", "氨氮排放量"]


def test_the_capacity_inside_the_noun_after_a_count_is_the_capacity_of_the_things_counted():
    # R25's leftover (遂宁 plan 新建1座日处理能力为300吨的生活污泥处置厂: the capacity dropped as a condition on the things
    # counted; T16 and T35 judged a plant's capacity a figure): a daily or yearly capacity between a count and the things
    # it counts is their capacity, the count counts those things; a bound (日处理能力500吨以上的) stays a condition
    rows = _rows("""某县“十四五”生态环境保护规划
第四章 主要任务
新建1座日处理能力为200吨的餐厨垃圾处理厂,建设2座日处理规模500吨的污水处理厂。
""", "某县规划.txt")
    got = [(r["subject_zh"], r["value_text"], r["unit"]) for r in rows]
    assert got == [("餐厨垃圾处理厂", "1座", "count"), ("餐厨垃圾处理厂日处理能力", "200吨", "t_per_day"),
                   ("污水处理厂", "2座", "count"), ("污水处理厂日处理规模", "500吨", "t_per_day")]

"""Outside probe, round 1 (outside31): classes of error seen on Chinese environmental pages from outside the
corpus (news and government pages of other provinces and cities), each on a made-up sentence."""

from __future__ import annotations

from extraction_helper import page_measure as _measure
from extraction_helper import page_measures as _measures

from loaders.pipeline import process_document


def test_a_list_of_bare_numbers_borrows_the_multiplier_closing_it():
    # 分别达到120、45、36万千瓦: every figure is in 万千瓦, as a range's low end borrows its high end's 万 (5—10万)
    text = "到2028年，某市光伏、风电、储能装机分别达到120、45、36万千瓦，森林覆盖率达到40%。"
    assert _measure(text, "120")["value"] == 1_200_000
    assert _measure(text, "45")["value"] == 450_000
    assert _measure(text, "36万千瓦")["value"] == 360_000
    # a list whose members carry their own multiplier, or none closes it, keeps its values
    text = "到2028年，某市新增造林1.5万亩、8000亩，PM2.5浓度分别为28、31微克/立方米。"
    assert _measure(text, "8000亩")["value"] == 8000
    assert _measure(text, "28")["value"] == 28


def test_a_year_to_reach_opens_the_goals_chained_after_it_by_semicolons():
    # 到2028年，A达到x；B达到y；C不低于z: every goal of the ';'-chain is of 2028, a target (not only the first), in a
    # page that is neither a plan's nor a report's
    text = "（二）到2028年，全市受污染耕地安全利用率达到94%以上；重点建设用地安全利用率达到92%以上；土壤环境质量点位达标率不低于83%。"
    for value_text in ("94%以上", "92%以上", "83%"):
        m = _measure(text, value_text)
        assert (m["kind"], m["year"]) == ("target", 2028), value_text


def test_the_environments_words_that_pages_outside_the_corpus_use_are_environmental():
    # pollutants measured beside PM2.5 (二氧化氮, 一氧化碳), black-smelly rivers (黑臭河), ecological floating islands,
    # rivers cut off and reconnected (断头河), a water function zone's compliance (水域功能达标率), coal switched to clean
    # fuels (煤改…, 清洁燃料), battery-electric and fuel-cell vehicles' shares, forest regeneration (迹地更新)
    text = ("2029年，某市二氧化氮浓度26微克/立方米，一氧化碳浓度0.9毫克/立方米。全年整治黑臭河18条42.5公里，"
            "建设生态浮岛35个，打通断头河60条，水域功能达标率96.5%。对城区1200户居民实施煤改天然气，"
            "45家餐饮企业改用清洁燃料，城中村清洁焦入户率达到91%，洁净煤配送点12个。新增纯电动公交车占比达到85%，"
            "燃料电池汽车推广300辆，完成迹地更新2.4万亩。")
    for value_text in ("26微克/立方米", "0.9毫克/立方米", "18条", "42.5公里", "35个", "60条", "96.5%", "1200户", "45家",
                       "91%", "12个", "85%", "300辆", "2.4万亩"):
        assert _measure(text, value_text)["is_environmental"], value_text
    # the money a work earns is the economy's, whatever work it is
    assert not _measure("2029年，某县水土保持工程产生直接经济效益520万元。", "520万元")["is_environmental"]


def test_a_body_naming_one_city_and_no_province_is_about_that_city():
    # a yearbook's entry (2020年，某市…) names its city once and no province: the city, not its province
    text = "【农村改厕】2020年，赣州市推进农村户厕改造，全年改（新）建户厕8.6万户，农村卫生厕所普及率达到91.2%。"
    doc = process_document(text.encode("utf-8"), "t.txt").document
    assert doc["region_name"] == "赣州市"


def test_a_street_address_alone_on_a_line_is_page_furniture():
    # a page's footer names the firm hosting it (an address in another city): the address names no region of the text
    text = ("到2027年，全市受污染耕地安全利用率达到94%以上，重点建设用地安全利用率达到93%以上。\n"
            "杭州市西湖区文三路138号东方通信大厦5号楼\n联系邮箱：service@example.com\n")
    r = process_document(text.encode("utf-8"), "t.txt")
    assert r.document["region_name"] is None
    assert "文三路" not in r.document["text"]


def test_a_year_the_text_calls_past_says_the_figure_was_reached():
    # a news page of no date and no kind: 去年 (not 比上年, the base of a comparison) makes what follows done
    text = ("全省生态建设再上台阶。去年，我省整合资金9.6亿元，完成水土流失综合治理面积150万亩，占任务数的112.5%；"
            "主要河流水域功能达标率97.1%，比上年提高0.4个百分点。今年将新增造林80万亩。")
    for value_text in ("150万亩", "112.5%", "97.1%", "0.4个百分点"):
        assert _measure(text, value_text)["kind"] == "outcome", value_text
    assert _measure(text, "80万亩")["kind"] == "target"
    # a goal against last year's level stays a goal
    assert _measure("到2028年，全市单位地区生产总值能耗比上年下降3%。", "3%")["kind"] == "target"


def test_a_newspapers_dateline_dates_the_page():
    # 某某日报 2031年03月12日: the page was published that day, so its 去年 is 2030 and its 今年 2031
    text = ("全省森林覆盖率稳步提升\n江南日报    2031年03月12日\n"
            "至去年底，我省森林覆盖率达41.6%，同比上升0.7个百分点。今年全省预计完成营造林600万亩。")
    r = process_document(text.encode("utf-8"), "t.txt")
    assert r.document["published_on"] == "2031-03-12"
    years = {m["value_text"]: (m["kind"], m["year"]) for m in r.measures}
    assert years["41.6%"] == ("outcome", 2030)
    assert years["600万亩"] == ("target", 2031)


def test_the_region_and_the_verbs_adverbs_before_done_name_nothing_done():
    # 甲省累计完成营造林… / 2030年全省将完成… / 去年我省累计完成…: what was done is between 完成 and the number, as after 全省完成
    text = "过去五年，青海省累计完成林草生态修复860.5万亩。2031年全省将完成营造林120万亩。去年我省累计完成水土流失治理3.2万亩。"
    assert _measure(text, "860.5万亩")["subject_zh"] == "林草生态修复"
    assert _measure(text, "120万亩")["subject_zh"] == "营造林"
    assert _measure(text, "3.2万亩")["subject_zh"] == "水土流失治理"
    # a part of the region is no region (示范区累计完成投资: the zone's)
    assert _measure("2029年，示范区累计完成投资10亿元。", "10亿元")["subject_zh"] != "投资"


def test_a_list_closed_by_deng_shares_what_follows_deng_whatever_its_last_names_length():
    # 钢铁、焦化、合成氨等重点行业…比例: the last name is 合成氨 (three characters), not 合成 and a tail 氨等…
    text = "到2028年，钢铁、焦化、合成氨等重点行业能效达到标杆水平的产能比例超过35%。"
    subjects = {m["subject_zh"] for m in _measures(text)}
    assert "合成氨等重点行业能效达到标杆水平的产能比例" in subjects
    assert not any(s.startswith(("钢铁氨", "焦化氨")) for s in subjects)


def test_a_goal_quoted_after_the_words_naming_it_holds_its_figures():
    # 2030年目标为“建成…226座”: the quotation marks quote the goal's own words, no name; its figure is the year's target
    text = "按照民生实事任务分解的要求，2030年目标为“新建乡镇污水处理设施36座”。截至年底已建成41座。"
    m = _measure(text, "36座")
    assert (m["kind"], m["year"], m["subject_zh"]) == ("target", 2030, "新建乡镇污水处理设施")
    # a name in quotation marks stays a name (“十五五”, a campaign's slogan)
    assert not [x for x in _measures("2030年，全市开展“百村千户”示范创建。") if x["value_text"].startswith("百")]


def test_a_verb_of_work_with_the_aspect_le_says_the_work_was_done():
    # 1996—2010年，某区共实施了12条小流域的治理，治理水土流失面积208平方公里: a page of no kind, its work done (了)
    text = ("某区水土保持\n2010年，某区被列为重点防治区，承担国家治理任务，开展了长江上游水土流失重点防治工程，"
            "共实施了12条小流域的治理，治理水土流失面积208平方公里。")
    assert _measure(text, "208平方公里")["kind"] == "outcome"
    assert _measure(text, "12条")["kind"] == "outcome"
    # 为了 / 除了 are no aspect of work
    assert _measure("为了改善水质，到2030年全市新建污水管网120公里。", "120公里")["kind"] == "target"


def test_a_bulletin_on_part_of_a_year_is_written_within_that_year():
    # 2031年上半年…公报: the page's 今年 is 2031 (a report on the whole of 2031 would be written in 2032)
    text = ("某省2031年上半年主要污染物排放量数据公报发布\n今年我省化学需氧量排放量年度削减目标为1.5%。"
            "上半年我省化学需氧量排放量为12.3万吨，同比下降2.1%。")
    assert _measure(text, "1.5%")["year"] == 2031
    assert _measure(text, "12.3万吨")["year"] == 2031


def test_a_list_of_years_gives_each_figure_after_fenbie_its_own_year():
    # 2028年、2032年，…分别达到140亿立方米左右、170亿立方米左右: the first figure is of 2028, the second of 2032
    text = "2028年、2032年，全市天然气储备能力分别达到14亿立方米左右、17亿立方米左右。"
    assert _measure(text, "14亿立方米左右")["year"] == 2028
    assert _measure(text, "17亿立方米左右")["year"] == 2032


def test_a_share_of_the_task_alone_is_of_the_work_the_clause_before_names():
    # 全年完成生态修复120万亩，超出年度任务21.5%: the share is of the restoration; so are the shares after 分别
    text = ("2029年，全省共完成生态修复120万亩，超出年度任务21.5%。全区45条黑臭河完成整治38条，"
            "分别完成年度目标任务的112.4%、108.9%。")
    for value_text in ("21.5%", "112.4%", "108.9%"):
        assert _measure(text, value_text)["is_environmental"], value_text
    # the share of a task of the economy stays the economy's
    assert not _measure("2029年，全县完成固定资产投资85亿元，超出年度任务6.2%。", "6.2%")["is_environmental"]


def test_a_goal_named_before_fenbie_wei_is_a_target_and_work_to_come_after_done_work_too():
    # 今年我省化学需氧量、氨氮排放量年度削减目标分别为1.2%、2.4%: the figures are the goals named, in a bulletin too
    text = ("某省2031年上半年减排公报\n今年我省化学需氧量、氨氮、总磷排放量年度削减目标分别为1.2%、2.4%和3.1%。"
            "上半年化学需氧量排放量下降1.9%。")
    for value_text in ("1.2%", "2.4%", "3.1%"):
        assert _measure(text, value_text)["kind"] == "target", value_text
    assert _measure(text, "1.9%")["kind"] == "outcome"
    # 完成了…改造,今年底全市处理能力将累计达到…: what 将 announces after the work done is still to come
    text = ("某市水环境治理任务推进\n新建污水处理厂6座，全面完成了已有污水处理厂的升级改造，"
            "今年底全市污水处理能力将累计达到120万吨/日。")
    assert _measure(text, "120万吨/日")["kind"] == "target"


def test_a_date_to_reach_opening_a_subject_is_no_part_of_the_metric():
    # 某市计划到2028年林草覆盖率达到55%，到2035年达到58%: the metric is 林草覆盖率 for both goals
    text = "某市计划到2028年林草覆盖率达到55%，到2035年达到58%。"
    assert _measure(text, "55%")["subject_zh"] == "林草覆盖率"
    m = _measure(text, "58%")
    assert (m["subject_zh"], m["year"], m["is_environmental"]) == ("林草覆盖率", 2035, True)


def test_the_share_of_a_task_done_is_measured():
    # a page of no known kind (a plan's default would make its figures goals): 完成年度任务108.5% is the part done
    text = "某县农村改厕任务推进\n2029年，全县改（新）建户厕1200户，完成年度任务108.5%，超出年度目标任务8.5%。"
    assert _measure(text, "108.5%")["kind"] == "outcome"
    assert _measure(text, "8.5%")["kind"] == "outcome"
    # set as a goal it stays one
    assert _measure("某县农村改厕任务\n2030年，确保全县完成年度任务的100%。", "100%")["kind"] == "target"
    # a floor on the share is a goal's (完成“十五五”目标任务60%以上)
    text = "某县减排工作计划\n2030年，全县主要污染物重点工程减排量完成“十五五”目标任务60%以上。"
    assert _measure(text, "60%以上")["kind"] == "target"


def test_a_short_citys_name_among_kinds_of_the_same_thing_is_no_place():
    # 臭河、黑河、垃圾河: kinds of river (黑河 is also a city's name); a list of places (佛山、中山) keeps its cities
    text = "目标任务：深入排查臭河、黑河、垃圾河，完成清淤60公里。完成情况：有效改善臭河、黑河水质，清淤75公里。"
    assert process_document(text.encode("utf-8"), "t.txt").document["region_name"] is None
    from loaders.regions import RegionIndex
    names = [m.name for m in RegionIndex.load().find_mentions("组织佛山、中山、江门开展试点。")]
    assert names == ["佛山市", "中山市", "江门市"]


def test_a_title_naming_a_province_the_body_never_names_again_gives_way_to_the_body():
    # a site's header (某省时政热点) taken for the title, over a page that names another province throughout
    text = ("江苏时政热点\n近日印发的方案提出，确保浙江省生态环境质量持续改善。到2030年，浙江省空气质量优良天数比例"
            "保持在92%以上，浙江森林覆盖率稳定在61%以上。")
    assert process_document(text.encode("utf-8"), "t.txt").document["region_name"] == "浙江省"


def test_a_floor_or_a_ceiling_set_in_a_page_of_no_plan_words_is_a_goal():
    # 划定…红线:林地面积不低于…;湿地面积不少于…: a floor is set, not measured, in a news page that says 划定, not 目标
    text = ("某省林业部门划定了三条生态红线。分别是：全省林地面积不低于420.5万公顷；湿地面积不少于65.2万公顷；"
            "林地年占用量不超过1.2万公顷。")
    for value_text in ("420.5万公顷", "65.2万公顷", "1.2万公顷"):
        assert _measure(text, value_text)["kind"] == "target", value_text


def test_a_bracket_a_subject_opens_and_never_closes_holds_a_remark():
    # …、860个其他雨污混接改造（历时三年，累计完成1.2万个其他雨污混接改造），…: the remark in brackets is no part of either
    text = ("2029年，全市完成210公里河道整治、860个其他雨污混接改造（历时三年，累计完成1.2万个其他雨污混接改造），"
            "打通断头河45条。")
    assert _measure(text, "860个")["subject_zh"] == "其他雨污混接改造"
    assert _measure(text, "1.2万个")["subject_zh"] == "其他雨污混接改造"


def test_how_long_a_campaign_runs_is_no_measure():
    # 攻坚战冲刺30天 / 开展为期15天的专项检查: the campaign's length; the days of good air after it are measures
    text = "全市大气污染防治攻坚战冲刺30天以来，优良天数14天，较去年同期增加11天。开展为期15天的专项检查。"
    values = [m["value_text"] for m in _measures(text)]
    assert "30天" not in values and "15天" not in values
    assert "14天" in values and "11天" in values


def test_a_monthly_bulletins_good_days_share_and_a_provinces_greening_cover():
    # 全市优良天数占有效天数的96.8% is the good-air days' share; 国土绿化覆盖率 (a province's land) is no built-up green space
    from loaders.evaluate import assign_indicator, load_synonyms
    synonyms = load_synonyms()
    assert assign_indicator("全市优良天数占整月有效天数", "percent", synonyms, False) == "good_air_days_ratio"
    assert assign_indicator("全省国土绿化覆盖率", "percent", synonyms, False) != "urban_green_space_ratio"
    assert assign_indicator("城市建成区绿化覆盖率", "percent", synonyms, False) == "urban_green_space_ratio"

"""Outside probe, round 3 (outside33): classes of error seen on Chinese environmental pages from outside the
corpus (city and provincial work reports and their news digests, plans and work plans quoted on web pages), each on
a made-up sentence."""

from __future__ import annotations

from extraction_helper import page_measure as _measure
from extraction_helper import page_measures as _measures

from loaders.pipeline import process_document


def test_a_page_quoting_a_plans_goals_without_chapters_has_no_review():
    # a web page of a five-year plan's goals, with no chapter and no 一、: nothing opens a review of the last period,
    # so its figures are the plan's goals, not outcomes of the year before the plan
    text = ("某省“十四五”生态环境保护规划要点解读\n“十四五”时期,全省单位地区生产总值能源消耗降低14%,"
            "城市污水处理率达到97%,森林覆盖率达到40%,新建污水收集管网3000公里。")
    for value_text in ("14%", "97%", "40%", "3000公里"):
        m = _measure(text, value_text)
        assert (m["kind"], m["year"]) == ("target", 2025), value_text
    # a sentence of such a page opening on the last plan's period still reports
    text = ("某市“十四五”生态环境保护规划\n“十三五”期间,全市森林覆盖率达到40%,新建污水收集管网300公里。"
            "到2025年,全市城市污水处理率达到97%。")
    assert (_measure(text, "40%")["kind"], _measure(text, "40%")["year"]) == ("outcome", 2020)
    assert _measure(text, "97%")["kind"] == "target"



def test_a_source_lines_date_stamps_the_page():
    # 来源:某某融媒体中心 2022-11-20: the header field the page's source sits in ends on the page's date
    text = "来源:某县融媒体中心 2022-11-20 字体:大 | 中 | 小\n今年以来,全县完成人工造林12.5万亩。"
    assert _measure(text, "12.5万亩")["year"] == 2022


def test_a_span_of_years_looked_back_on_reports():
    # 过去5年,…完成 in a page of no known kind: the figures were reached, not goals
    text = "某县绿化\n过去5年,我县完成工程造林任务12.5万亩,森林覆盖率达61.3%。"
    for value_text in ("12.5万亩", "61.3%"):
        assert _measure(text, value_text)["kind"] == "outcome", value_text
    # what is to come after the span stays a goal
    assert _measure("某县生态建设安排\n过去5年成效明显,今后将完成人工造林10万亩。", "10万亩")["kind"] == "target"


def test_water_function_zones_counted_before_their_rate_are_monitored_sites():
    # 85个水功能区达标率100%: the zones are the sites a network monitors; counted, they are its size (a figure of its
    # own, as 53个省控断面), named without the rate after them
    m = _measure("2023年,全市85个水功能区水质达标率为100%。", "85个")
    assert (m["unit"], m["subject_zh"]) == ("count", "水功能区")


def test_a_value_shared_by_rates_whose_items_open_on_a_count_of_their_sites():
    # 203个国考断面优良率和85个水功能区达标率均为100%: each rate is 100%, each count a figure of its own
    text = "2023年,全省203个国考断面优良率和85个水功能区达标率均为100%,土壤环境质量稳定。"
    shares = sorted(m["subject_zh"] for m in _measures(text) if m["value_text"] == "100%")
    assert len(shares) == 2 and shares[0].endswith("国考断面优良率") and shares[1] == "水功能区达标率"
    # a number that counts no sites still takes the 均 for itself
    text = "全省新建污水管网120公里和城市污水处理率均为全省第一。"
    assert not any(m["value_text"] == "100%" for m in _measures(text))


def test_none_of_the_heavily_polluted_days_in_a_clause_of_its_own():
    # …同比增加8天;无重污染天: a state of none opening its own clause is a figure of 0 days
    m = _measure("2023年,全市空气质量优良天数达333天,同比增加8天;无重污染天。", "无")
    assert (m["value"], m["unit"], m["subject_zh"]) == (0.0, "days", "重污染天")


def test_an_index_value_written_after_zhi():
    # 生态质量指数(EQI)值为66.96: the index's value, no unit to write
    m = _measure("2023年,全市生态质量指数(EQI)值为66.96,生态质量综合评价为“二类”。", "66.96")
    assert (m["unit"], m["value"]) == ("index", 66.96)


def test_the_ecological_quality_index_is_environmental():
    # 生态质量指数(EQI) / 生态质量综合评价: the catalogue's ecological_quality_index, the ecology's
    assert _measure("2023年,全市生态质量指数(EQI)为66.96。", "66.96")["is_environmental"] is True


def test_a_bare_metric_listed_after_an_intensity_takes_its_head():
    # 万元GDP能耗和用水量分别下降: the water use is per 10 000 yuan of GDP too
    m = _measure("2023年,全市万元GDP能耗和用水量分别下降3.7%和5.6%。", "5.6%")
    assert m["subject_zh"].startswith("万元GDP用水量")
    # an item naming a metric of its own keeps its words
    m = _measure("2023年,全市单位GDP能耗和PM2.5平均浓度分别下降3.7%和5.6%。", "5.6%")
    assert "GDP" not in m["subject_zh"]


def test_intensity_heads_listed_share_the_metric_after_the_last_head():
    # 万元地区生产总值和万元工业增加值用水量均降低 / 万元GDP和万元工业增加值能耗: each head's intensity of the one metric,
    # not the last item cut at the first item's length (万元地区生产总值水量, 万元GDP加值能耗)
    text = "到2025年，万元地区生产总值和万元工业增加值用水量均较2020年降低16%以上。"
    assert {m["subject_zh"] for m in _measures(text)} == {"万元地区生产总值用水量较2020年降低",
                                                        "万元工业增加值用水量较2020年降低"}
    text = "单位GDP、单位工业增加值能耗分别下降3%、4%。"
    assert _measure(text, "3%")["subject_zh"].startswith("单位GDP能耗")


def test_a_digest_of_a_work_report_is_of_the_year_its_paper_dated_it():
    # 某江日报 2025年01月17日 over a digest of the 2025 report (2024年成绩单 / 2025年…主要预期目标): the report is
    # given early in the year it plans, so the page's date is its year (not the year after the first year named)
    text = ("政府工作报告摘要与导读\n某江日报 2025年01月17日\n■ 2024年成绩单\n●全省森林覆盖率达到40.5%\n"
            "■ 2025年经济社会发展的主要预期目标\n●单位地区生产总值能耗下降2.5%左右")
    assert process_document(text.encode("utf-8"), "t.txt").document["year"] == 2025


def test_a_papers_page_head_with_a_weekday_dates_the_page():
    # 2019年01月28日 星期一: a newspaper's page head; the mayor's report it digests plans that year
    text = "2019年01月28日 星期一\n市长作政府工作报告提出今年主要预期目标\n今年预期目标\n■环保投入相当于全市生产总值的比例保持在3%左右"
    document = process_document(text.encode("utf-8"), "t.txt").document
    assert (document["published_on"], document["year"]) == ("2019-01-28", 2019)


def test_a_goal_before_a_work_reports_first_heading_is_a_goal():
    # a news lead on the report before its text (报告指出,要…力争并网装机…以上): the year's goal, not last year's outcome
    text = ("某省政府工作报告\n2023年1月12日在某省第十四届人民代表大会第一次会议上,省长作了政府工作报告。报告指出,"
            "要加快大型风光基地建设,力争新能源并网装机2500万千瓦以上。\n原文如下:\n政府工作报告\n"
            "——2023年1月12日在某省第十四届人民代表大会第一次会议上\n各位代表:\n一、2022年工作回顾\n"
            "过去一年,全省森林覆盖率达到23.5%。")
    m = _measure(text, "2500万千瓦以上")
    assert (m["kind"], m["year"]) == ("target", 2023)
    m = _measure(text, "23.5%")
    assert (m["kind"], m["year"]) == ("outcome", 2022)


def test_a_port_named_after_a_region_does_not_place_the_page():
    # 至某港: a region's name before 港 names the port the page's city trades through, not the page's region
    text = ("各位代表:\n现在,我代表市人民政府,向大会报告工作。\n一、2024年工作回顾\n"
            "某地国际陆港至天津港“公转铁”班列成功开行。新能源装机规模突破1000万千瓦。")
    assert process_document(text.encode("utf-8"), "t.txt").document["region_code"] != "120000"


def test_an_area_bound_before_its_own_area_noun_is_the_goal():
    # 60平方公里以上建成区面积达到海绵城市建设要求: how much land reaches the goal, not a size class of what follows
    m = _measure("某市海绵城市建设方案\n到2025年底,全市60平方公里以上建成区面积达到海绵城市建设要求。", "60平方公里以上")
    assert (m["kind"], m["year"], m["unit"]) == ("target", 2025, "km2")
    # a size class of things (面积100平方米以上餐饮店) stays no figure
    assert not any(m["value_text"] == "100平方米以上" for m in _measures("整治面积100平方米以上餐饮店油烟。"))


def test_a_numeral_in_words_with_a_magnitude_is_a_quantity():
    # 新建改建污水收集管线一千公里: 一千 is a number of kilometres (a bare 一 / 两 would be an article or a count)
    m = _measure("到2025年,全市新建改建污水收集管线一千公里。", "一千公里")
    assert (m["value"], m["unit"]) == (1000.0, "km")
    # money in words names a class of cities or industries, no amount
    assert not any(m["unit"] == "yuan" for m in _measures("全省3个过三千亿元城市加快发展。"))


def test_a_trend_stated_before_the_level_is_no_part_of_the_rates_name():
    # 受污染耕地、地块安全利用率持续提升,达到95%以上: two rates, each 95%, named without the trend
    text = "到2025年,受污染耕地、地块安全利用率持续提升,达到95%以上。"
    assert sorted(m["subject_zh"] for m in _measures(text)) == ["受污染耕地安全利用率", "地块安全利用率"]


def test_a_years_goal_after_the_metrics_level_of_another_year():
    # 森林覆盖率2020年要达到23.2%,2025年要达到24.1%: the second figure is the same metric's goal for 2025; 2020年要 is
    # no part of the metric's name
    text = "“十四五”时期,全省森林覆盖率2020年要达到23.2%,2025年要达到24.1%。"
    assert [m["subject_zh"] for m in _measures(text)] == ["全省森林覆盖率", "全省森林覆盖率"]


def test_the_count_of_the_common_pollutants_meeting_a_standard_is_no_figure():
    # 6项常规污染物全面稳定达到国家二级标准: how many kinds of pollutants the standard has, no figure of the region
    text = "到2025年,大气环境质量全面达标,6项常规污染物全面稳定达到国家二级标准。"
    assert not any(m["value_text"] == "6项" for m in _measures(text))


def test_a_share_written_with_xiangdangyu_is_about_its_numerator():
    # 环保投入相当于全市生产总值的比例: a share of GDP, about what is spent on the environment (as 甲占乙比重)
    text = "今年主要预期目标:环保投入相当于全市生产总值的比例保持在3%左右,研发经费支出相当于全市生产总值的比例达到4%。"
    assert _measure(text, "3%左右")["is_environmental"] is True
    assert _measure(text, "4%")["is_environmental"] is False


def test_a_record_the_statement_says_was_set_reports():
    # 优良天数332天,…创有监测以来新纪录: the figure was reached, in a page of no known kind
    text = ("锁定蓝天目标\n确定空气质量目标\n环境空气质量全面达标,市区空气质量优良天数332天,优良率为90.7%,"
            "均创新标准实施以来新纪录。")
    for value_text in ("332天", "90.7%"):
        assert _measure(text, value_text)["kind"] == "outcome", value_text
    # a goal to set one stays a goal
    assert _measure("某市空气质量\n力争优良天数达到335天,创历史最好水平。", "335天")["kind"] == "target"


def test_a_place_alone_after_a_settlements_rate_takes_the_rate_for_itself():
    # O6's leftover: 城市…率达到A,县城不低于B;建制镇达到C — each later place's figure is the same rate of that place,
    # the first place swapped (not 县城市…), across a semicolon too
    text = "到2025年，城市生活污水处理率达到95%以上，县城不低于85%；建制镇达到70%。"
    subjects = [m["subject_zh"] for m in _measures(text)]
    assert subjects == ["城市生活污水处理率", "县城生活污水处理率", "建制镇生活污水处理率"]
    m = _measure("到2025年，地级及以上城市污水集中收集率达到70%，县城达到60%。", "60%")
    assert m["subject_zh"] == "县城污水集中收集率"
    # a word opening on a settlement (城镇化率) is no settlement's rate: nothing is cut from it
    m = _measure("全市城镇化率达到60%，农村达到40%。", "40%")
    assert m["subject_zh"] != "农村化率"


def test_a_bare_low_or_more_after_a_base_compared_with_is_a_change():
    # O6's leftover: 较2022年低3微克/立方米 is by how much the level fell, not a level; 比上年多 / 同比少 / 比上年增 too
    text = "2023年全县PM2.5年平均浓度为25微克/立方米,较2022年低3微克/立方米;优良天数比上年多5天,重污染天数同比少2天。"
    changes = {m["value_text"]: m["is_change"] for m in _measures(text)}
    assert changes == {"25微克/立方米": False, "3微克/立方米": True, "5天": True, "2天": True}
    # lower than a standard is a margin to a benchmark, no base year or last year: not read as a change here
    assert not _measure("PM2.5浓度比国家二级标准低5微克/立方米。", "5微克/立方米")["is_change"]


def test_the_air_qualitys_good_days_compliance_rate_is_the_good_days_ratio():
    # O6's leftover: 优良天数345天,达标率为94.52% -> 空气质量优良达标率, the share of good days
    from loaders.evaluate import assign_indicator, load_synonyms
    m = _measure("全年空气质量优良天数345天,达标率为94.52%。", "94.52%")
    assert assign_indicator(m["subject_zh"], m["unit"], load_synonyms(), m["is_change"]) == "good_air_days_ratio"


def test_a_year_written_with_a_space_before_nian_opens_no_subject():
    # O6's leftover: a page that spaces its figures (2024 年全县完成人工造林 0.25 万亩): the year and the whole county are
    # no part of the thing done, as without the space
    assert _measure("2024 年全县完成人工造林 0.25 万亩,封山育林 1.67 万亩。", "0.25 万亩")["subject_zh"] == "人工造林"


def test_the_last_part_of_a_bracketed_breakdown_before_a_rate_is_a_figure():
    # O6's leftover: 15个水功能区(国家级7个、区县级8个)水质达标率100%: 8个 closes the breakdown of the 15, not the places
    # a rate is taken over (三县城区覆盖率超70% stays no figure)
    values = [m["value_text"] for m in _measures("2023年,全县15个水功能区(国家级7个、区县级8个)水质达标率100%。")]
    assert values == ["15个", "7个", "8个", "100%"]
    assert [m["value_text"] for m in _measures("三县城区覆盖率超70%。")] == ["70%"]


def test_a_rate_after_a_breakdown_of_the_sites_counted_is_theirs():
    # O6's leftover: 15个水功能区(国家级7个、区县级8个)水质达标率100%: the zones' rate, not a bare 水质达标率
    text = "2023年,全县15个水功能区(国家级7个、区县级8个)水质达标率100%。"
    assert _measure(text, "100%")["subject_zh"] == "水功能区水质达标率"
    # a bracket after things that are no monitoring sites gives its rate nothing
    assert _measure("全市建成污水处理厂3座(新建2座)处理率达95%。", "95%")["subject_zh"] == "处理率"

"""Outside probe, round 2 (outside32): classes of error seen on Chinese environmental pages from outside the
corpus (city and county work summaries, bulletins, plans of other provinces), each on a made-up sentence."""

from __future__ import annotations

from extraction_helper import page_measure as _measure
from extraction_helper import page_measures as _measures

from loaders.pipeline import process_document


def test_a_years_level_after_dao_nian_de_is_no_deadline():
    # 从2010年的A提升到2021年的B: B is the level of 2021, reached, not a goal set for 2021 (到2021年 + no 的)
    text = ("某市发布2021年生态环境状况公报。十年来，全市空气质量优良天数从2010年的262天提升到2021年的338天，"
            "功能区噪声夜间达标率由2010年的40%提高至2021年的86.5%。")
    for value_text in ("338天", "86.5%"):
        m = _measure(text, value_text)
        assert (m["kind"], m["year"]) == ("outcome", 2021), value_text
    # a year to reach, with no 的, stays a goal
    m = _measure("某市生态环境保护工作要点：到2027年，全市空气质量优良天数比率达到90%。", "90%")
    assert (m["kind"], m["year"]) == ("target", 2027)


def test_a_year_a_span_starts_from_or_a_comparison_is_made_with_dates_no_figure():
    # 为2016年以来同期最低 / 同2022年同期相比: the first year opens a span, the second is the base of a comparison;
    # the figures are of the half-year the bulletin is on
    text = ("某省2023年上半年生态环境质量状况\n2023年上半年，全省PM2.5平均浓度为33.1微克/立方米，为2016年以来同期最低值；"
            "优良天数比率为80.2%，同比下降2.5个百分点。\n同2022年同期相比，全省臭氧浓度上升4.1%，酸雨发生率下降0.7个百分点。")
    for value_text in ("80.2%", "2.5个百分点", "4.1%", "0.7个百分点"):
        m = _measure(text, value_text)
        assert (m["kind"], m["year"]) == ("outcome", 2023), value_text


def test_a_page_telling_what_was_done_since_the_year_began_reports():
    # 今年以来 … 截止目前: a page of no known kind that tells what was done so far this year reports outcomes
    text = ("某区扎实推进生态环境保护\n今年以来，某区坚持生态优先，开展2023年蓝天行动，统筹推进山水林田湖草系统治理。\n"
            "聚焦国土绿化，完成植树造林1200亩，栽植各类苗木3.2万株。\n聚焦固废治理，制定《某区无废城市建设实施方案》，截止目前，全区秸秆综合利用率达到91%。")
    for value_text in ("1200亩", "3.2万株", "91%"):
        m = _measure(text, value_text)
        assert (m["kind"], m["year"]) == ("outcome", 2023), value_text
    # a page of goals keeps its targets
    text = "某区生态环境保护工作安排\n全区完成植树造林1500亩，秸秆综合利用率达到93%，确保空气质量持续改善。"
    assert _measure(text, "1500亩")["kind"] == "target"


def test_saplings_forest_stock_shelterbelts_red_lines_and_residual_film_are_environmental():
    # the greening and ecology words of county and district pages: saplings planted and their survival, the forest's
    # standing stock, farmland shelterbelts, the share of the land under ecological red lines, residual film recovered
    for text, value_text in (("某区组织开展义务植树，栽植各类苗木8.6万株。", "8.6万株"), ("全区苗木成活率达92%以上。", "92%以上"),
                             ("全县活立木蓄积量为180万立方米。", "180万立方米"), ("新建农田林网2.1万亩。", "2.1万亩"),
                             ("全市各类生态红线面积比例达到23.5%。", "23.5%"), ("农田残膜回收率达到85%。", "85%")):
        assert _measure(text, value_text)["is_environmental"] is True, value_text
    # a crop's sown area stays farming's, saplings or not
    assert _measure("力争花卉苗木种植面积达到12万亩。", "12万亩")["is_environmental"] is False



def test_who_issued_a_plan_is_no_measure():
    # 18个部门联合印发 / 5部委: the issuers of a plan, no figure of the region
    text = "某市生态环境局等18个部门联合印发《某市臭氧污染防治攻坚方案》，5部委联合督导。全市淘汰燃煤锅炉120台。"
    values = {m["value_text"] for m in _measures(text)}
    assert not values & {"18个", "5部"}, values
    assert "120台" in values


def test_a_boilers_size_class_with_a_bracketed_edge_is_no_measure():
    # 20-40蒸吨/小时(含40蒸吨/小时)燃煤锅炉: the size class of the boilers a rule is about, the bracket its edge
    text = "到2026年，20-40蒸吨/小时(含40蒸吨/小时)燃煤锅炉全部完成超低排放改造，全市淘汰燃煤锅炉120台、560蒸吨。"
    values = {m["value_text"] for m in _measures(text)}
    assert not values & {"20-40蒸吨/小时", "40蒸吨/小时"}, values
    assert {"120台", "560蒸吨"} <= values


def test_the_level_before_a_change_from_a_stage_named_with_no_year_is_no_measure():
    # 由创建前的41%提高到52.6%: the level before the change is its starting point (as 由2015年的41%提高到)
    values = {m["value_text"] for m in _measures("全镇森林覆盖率由创建前的41%提高到52.6%。")}
    assert "41%" not in values and "52.6%" in values, values


def test_a_city_page_naming_its_city_only_bare_is_about_that_city():
    # a city paper's story that names no region in full: 全市 speaks for a city, and the city's bare name comes back in
    # the paper's name, a river's reach and the source line (临沂日报, 沂河临沂段)
    text = ("今年全市空气优良天数要达到300天\n临沂日报讯 3月8日，全市生态环境保护工作会议召开。2023年，全市空气质量优良天数为291天。"
            "今年，全市空气质量优良天数要达到300天，沂河临沂段水质稳定保持Ⅱ类。\n(来源：临沂日报)")
    r = process_document(text.encode("utf-8"), "t.txt")
    assert r.document["region_name"] == "临沂市"
    # a page naming no place at all keeps no region
    r = process_document("全市生态环境保护工作会议召开。2023年，全市空气质量优良天数为291天。".encode(), "t.txt")
    assert r.document["region_name"] is None
    # nor does a county's bare name that is a common phrase too (“三河”: three rivers)
    text = "全区推进“三河”整治，完成“三河”清淤80公里，“三河”沿线建成污水处理池900个。"
    assert process_document(text.encode("utf-8"), "t.txt").document["region_name"] is None


def test_a_statement_on_a_past_part_of_the_year_compared_year_on_year_is_measured():
    # 一季度,…同比…: the quarter's figures, compared with last year's, are what was measured, in a page that goes on
    # to set the year's goals
    text = ("某市生态环境局举行新闻发布会部署全年工作\n一季度，全市优良天数80天，优良天数比率88.9%，同比增加5天；"
            "PM2.5浓度31微克/立方米，同比下降6.1%。\n全年目标：确保全市PM2.5浓度控制在30微克/立方米以下，力争优良天数比率达到85%，"
            "城市建成区黑臭水体保持动态清零。重点任务：深化工业源治理。")
    for value_text in ("80天", "88.9%", "5天", "31微克/立方米", "6.1%"):
        assert _measure(text, value_text)["kind"] == "outcome", value_text
    assert _measure(text, "30微克/立方米以下")["kind"] == "target"


def test_a_page_on_an_honour_won_reports():
    # 成功创建 (a title won) tells what happened, as 荣获 / 被评为 do
    text = ("某区获评省级生态文明建设示范区\n近日，某区成功创建省级生态文明建设示范区。2023年全区完成人工造林800亩，"
            "退化林修复1500亩，确保生态安全。全区完成了2处饮用水水源保护区划定。")
    for value_text in ("800亩", "1500亩"):
        assert _measure(text, value_text)["kind"] == "outcome", value_text


def test_a_units_slash_spaced_out_is_read_as_the_unit():
    # 35微克/ 立方米: a page's editor put a space after the unit's slash
    m = _measure("到2027年，全市细颗粒物(PM2.5)年均浓度达到35微克/ 立方米，优良天数比率达到80%。", "35微克/立方米")
    assert (m["value"], m["unit"]) == (35, "ug_m3")


def test_header_fields_under_a_spam_line_of_keywords_are_page_furniture():
    # a spam line of keywords over a government page's header table: the header's fields (索引号 with its number)
    # are no body text, and so no figure
    text = ("2024最新电影免费在线观看,高清视频在线观看,热门综艺免费观看,最新动漫在线观看大全,体育赛事高清直播免费观看\n"
            "索引号:123400567/2023-04567 组配分类:环境质量公报\n发布机构:某市生态环境局 发文日期:2023-05-20\n"
            "某市2022年生态环境状况公报\n2022年，全市环境空气质量总体改善，受臭氧影响仍较大，全市空气质量优良天数比率为91.5%，"
            "同比上升1.2个百分点。")
    r = process_document(text.encode(), "t.txt")
    assert "索引号" not in r.document["text"]
    assert {m["value_text"] for m in r.measures} == {"91.5%", "1.2个百分点"}

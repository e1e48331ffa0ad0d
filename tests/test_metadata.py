"""Metadata stage on small inline documents, and on the sample corpus against the gold file."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from loaders.metadata import extract_metadata, find_doc_type, find_year
from loaders.reading import read_document
from loaders.regions import DEFAULT_CSV, RegionIndex

ROOT = Path(__file__).resolve().parents[1]
CSV = """region_code,region_name_zh,short_name_zh,region_name_en,region_level,province_code,province_name_zh,longitude,latitude
320000,江苏省,江苏,Jiangsu,province,320000,江苏省,118.76,32.06
320400,常州市,常州,Changzhou,city,320000,江苏省,119.97,31.81
320500,苏州市,苏州,Suzhou,city,320000,江苏省,120.58,31.30
330000,浙江省,浙江,Zhejiang,province,330000,浙江省,120.15,30.28
330100,杭州市,杭州,Hangzhou,city,330000,浙江省,120.21,30.24
330200,宁波市,宁波,Ningbo,city,330000,浙江省,121.62,29.86
"""


@pytest.fixture
def index(tmp_path: Path) -> RegionIndex:
    path = tmp_path / "regions.csv"
    path.write_text(CSV, encoding="utf-8")
    return RegionIndex.from_csv(path)


def test_header_fields_win(index: RegionIndex) -> None:
    header = {
        "信息名称": "市政府关于印发《2023年常州市生态文明建设工作方案》的通知",
        "文件编号": "常政发〔2023〕23号",
        "发布机构": "常州市人民政府",
        "生成日期": "2023-04-17",
        "公开日期": "2023-04-27",
    }
    meta = extract_metadata("各有关部门:\n现将方案印发给你们。\n一、目标\n2022年全省完成任务。", header, index)
    assert meta.title == header["信息名称"]
    assert (meta.issuer, meta.doc_number, meta.published_on) == ("常州市人民政府", "常政发〔2023〕23号", "2023-04-17")
    assert (meta.region_name, meta.region_code, meta.doc_type, meta.year) == ("常州市", "320400", "plan", 2023)


def test_body_title_signature_and_date(index: RegionIndex) -> None:
    text = "苏州市2024年大气污染防治工作计划\n苏政办〔2024〕5号\n一、目标\nPM2.5浓度低于30微克/立方米。\n苏州市人民政府办公室\n2024年3月5日"
    meta = extract_metadata(text, {}, index)
    assert meta.title == "苏州市2024年大气污染防治工作计划"
    assert meta.issuer == "苏州市人民政府办公室"
    assert meta.doc_number == "苏政办〔2024〕5号"
    assert meta.published_on == "2024-03-05"
    assert (meta.region_code, meta.doc_type, meta.year) == ("320500", "plan", 2024)


def test_a_cited_document_number_is_not_the_documents_number(index: RegionIndex) -> None:
    text = "某某工作方案\n依据《某某意见》(苏政发〔2022〕1号)制定本方案。"
    assert extract_metadata(text, {}, index).doc_number is None


def test_issuer_from_a_news_lead(index: RegionIndex) -> None:
    text = "浙江省发布《2023年生态环境保护工作要点》\n3月28日,浙江省生态环境厅印发《2023年全省生态环境保护工作要点》,提出33项重点任务。"
    meta = extract_metadata(text, {"发布时间": "2023-03-30 10:00"}, index)
    assert meta.issuer == "浙江省生态环境厅"
    assert meta.published_on == "2023-03-30"
    assert (meta.region_name, meta.doc_type, meta.year) == ("浙江省", "plan", 2023)


def test_region_from_the_body_when_title_and_issuer_name_none(index: RegionIndex) -> None:
    text = "省政府重点工作完成情况\n出台江苏省奖励政策。\n制定《江苏省条例》。\n组织苏州、常州开展试点。"
    assert extract_metadata(text, {"发布机构": "办公室"}, index).region_code == "320000"
    text = "市政府工作方案\n常州市推进治理。\n常州市完成改造。\n依据《江苏省意见》。\n常州市开展试点。"
    assert extract_metadata(text, {}, index).region_code == "320400"  # a city named most is the region


def test_the_level_the_body_speaks_for_decides_between_city_and_province(index: RegionIndex) -> None:
    county = "某区2023年生态环境保护工作要点\n全区PM2.5浓度下降到32微克/立方米。\n全区完成常州市下达的任务。"
    assert extract_metadata(county, {}, index).region_code == "320400"  # a district speaks for its city
    province = "省政府重点工作完成情况\n全省完成治理任务。\n组织常州市开展试点。\n全省达标。"
    assert extract_metadata(province, {}, index).region_code == "320000"


def test_unknown_region_stays_null(index: RegionIndex) -> None:
    meta = extract_metadata("某某工作要点\n一、目标达到90%。", {}, index)
    assert (meta.region_name, meta.region_code) == (None, None)


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("关于印发《2023年某市生态环境保护工作要点》的通知", "plan"),
        ("某市2023年大气污染防治实施方案", "plan"),
        ("某市深入打好污染防治攻坚战目标任务书", "plan"),
        ("省政府2023年度重点工作涉及生态环境保护任务的完成情况", "report"),
        ("某市公开第二轮省生态环境保护例行督察整改落实情况", "report"),
        ("某市2023年生态环境保护工作总结", "report"),
        ("关于某市2023年环境状况和环境保护目标完成情况的报告", "report"),
    ],
)
def test_doc_type_from_the_title(title: str, doc_type: str) -> None:
    assert find_doc_type(title, "") == doc_type


def test_doc_type_from_the_body_when_the_title_says_nothing() -> None:
    assert find_doc_type("某市生态环境保护", "截至年底,已完成改造30家,累计完成治理12个。") == "report"
    assert find_doc_type("某市生态环境保护", "力争到年底完成改造30家,确保达到90%。") == "plan"


def test_year_the_document_is_about() -> None:
    assert find_year("2024年某省生态环境工作要点", "2023年完成……", "plan") == 2024
    assert find_year("2024年某市关于2023年度目标完成情况的报告", "", "report") == 2023
    assert find_year("某市工作方案", "到2025年……2024年完成……", "plan") == 2025  # a plan: the first year named
    report = "截至2024年4月底办结324件。2023年完成整改30项。2023年创成绿色工厂2家。"
    assert find_year("某市督察整改落实情况", report, "report") == 2023  # the year most of the work is about
    assert find_year("某市工作方案", "〔2023〕12号 无年份", "plan") is None



# --- generalisation: titles, mixed reports, national voice, counties (paraphrased pages) ----------


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("某市生态环境局2023年工作总结和2024年工作计划", "report"),  # a summary of Y with plans for Y+1
        ("某区分局2024年工作总结及2025年工作思路", "report"),
        ("2023年度工作总结暨2024年度工作部署", "report"),
        ("关于印发《某市2024年工作要点》的通知", "plan"),
        ("某市超额完成2016年节能降耗目标任务", "report"),  # the target words it completes are no genre
        ("关于确保完成2024年目标任务的实施方案", "plan"),
        ("某市政府关于生态环境保护工作情况的汇报", "report"),
    ],
)
def test_doc_type_of_mixed_and_news_titles(title: str, doc_type: str) -> None:
    assert find_doc_type(title, "") == doc_type


def test_an_untitled_summary_or_news_page_is_a_report() -> None:
    assert find_doc_type(None, "会议全面总结了2023年工作情况,研究部署2024年重点工作。") == "report"
    assert find_doc_type(None, "记者从省厅获悉,全省共设置监测点位500个,较上年增加20个。") == "report"


def test_a_work_report_sums_up_the_year_before_its_title_year() -> None:
    body = "这次会议的主要任务是,系统总结2024年生态环境保护工作,部署安排2025年重点任务。"
    assert find_year("在2025年全国生态环境保护工作会议上的工作报告", body, "report") == 2024
    assert find_year("某市2024年工作总结和2025年工作思路", "", "report") == 2024
    assert find_year("2025年某市工作要点", body, "plan") == 2025  # a plan keeps its title year
    # a title year that is not a meeting's is what the report is about, whatever the body recalls
    assert find_year("关于2023年度环境状况的报告", "回顾2022年以来的工作", "report") == 2023


def test_title_skips_numbered_headings_bylines_and_sentences(index: RegionIndex) -> None:
    text = "一、2024年工作总结\n2.1 全省整体情况\n某市2024年工作总结和2025年工作打算\n正文。"
    assert extract_metadata(text, {}, index).title == "某市2024年工作总结和2025年工作打算"
    text = "2023-02-08 08:15 《某报》 作者: 某某\n某省森林覆盖率提高到45.2%\n正文。"
    assert extract_metadata(text, {}, index).title == "某省森林覆盖率提高到45.2%"
    lead = "根据省厅工作要求,现对2024年全市生态环境工作作出如下安排。\n一、总体要求"
    assert extract_metadata(lead, {}, index).title is None  # an opening sentence is no title
    numbered = "关于印发2024年全省生态环境工作要点的通知 (某环发〔2024〕1号)\n各市州:"
    assert extract_metadata(numbered, {}, index).title.startswith("关于印发2024年全省")
    assert extract_metadata("——在2025年全国工作会议上的工作报告\n同志们:", {}, index).title.startswith("在2025年")



def test_a_site_name_after_the_title_is_dropped_and_labels_are_no_titles(index: RegionIndex) -> None:
    assert extract_metadata("某市2024年工作总结和2025年工作安排-某某娱乐\n正文。", {}, index).title == "某市2024年工作总结和2025年工作安排"
    assert extract_metadata("2025年某州生态环境工作会议召开_某某新闻网\n正文。", {}, index).title == "2025年某州生态环境工作会议召开"
    assert extract_metadata("某省大气污染防治-秋冬季攻坚行动方案\n正文。", {}, index).title == "某省大气污染防治-秋冬季攻坚行动方案"
    assert extract_metadata("会议认为\n全市生态环境质量稳中向好。", {}, index).title is None

def test_a_national_document_has_no_region(index: RegionIndex) -> None:
    text = ("国务院关于2023年度环境状况的报告\n2023年,全国生态环境质量稳中改善。全国地级及以上城市PM2.5平均浓度为30微克/立方米。"
            "党中央、国务院高度重视。江苏省开展试点。")
    assert extract_metadata(text, {}, index).region_code is None
    city = "某市工作总结\n全市落实党中央、国务院部署,全市完成任务,全市达标,常州市开展试点。"
    assert extract_metadata(city, {}, index).region_code == "320400"
    province = "生态环境状况通报\n全省优于全国平均,居全国前列、全国第三。江苏省全省完成任务。"
    assert extract_metadata(province, {}, index).region_code == "320000"  # citing 全国 is not speaking for it


def test_a_news_dateline_is_not_the_region(index: RegionIndex) -> None:
    text = "中新网杭州4月23日电 一份报告显示,空气质量稳中向好。\n报告从八个方面回顾了年度状况。"
    assert extract_metadata(text, {}, index).region_code is None


def test_a_county_document_is_about_its_city(tmp_path: Path) -> None:
    regions = tmp_path / "regions.csv"
    regions.write_text(CSV, encoding="utf-8")
    counties = tmp_path / "adcodes.csv"
    counties.write_text("adcode,name,longitude,latitude\n320412000000,武进区,0,0\n330102000000,上城区,0,0\n"
                        "320102000000,玄武区,0,0\n330106000000,玄武区,0,0\n", encoding="utf-8")
    index = RegionIndex.from_csv(regions, counties)
    assert extract_metadata("武进区2023年生态环境工作总结\n全区完成任务。", {}, index).region_code == "320400"
    assert extract_metadata("上城区2024年工作要点\n全区推进。", {}, index).region_code == "330100"
    assert extract_metadata("玄武区2024年工作要点\n全区推进。", {}, index).region_code is None  # two counties share it


def test_a_website_as_source_is_no_issuer(index: RegionIndex) -> None:
    assert extract_metadata("某市工作要点\n一、目标。", {"来源": "本站"}, index).issuer is None
    assert extract_metadata("某市工作要点\n一、目标。", {"来源": "某市生态环境局"}, index).issuer == "某市生态环境局"


# --- the sample corpus against the gold file ---------------------------------------------------

GOLD = ROOT / "tests" / "gold" / "measures.csv"
DOCS = ROOT / "data" / "documents"


def _gold_expectations() -> dict[str, tuple[str, int, str]]:
    """Per document: (region most measures name, year most measures refer to, plan|report by kind)."""
    by_doc: dict[str, list[dict]] = {}
    with open(GOLD, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            by_doc.setdefault(row["doc_file"], []).append(row)
    out = {}
    for doc, rows in by_doc.items():
        region = Counter(r["region_zh"] for r in rows).most_common(1)[0][0]
        year = Counter(int(r["year"]) for r in rows).most_common(1)[0][0]
        kind = Counter(r["kind"] for r in rows).most_common(1)[0][0]
        out[doc] = (region, year, "plan" if kind == "target" else "report")
    return out


@pytest.mark.skipif(not (GOLD.exists() and DEFAULT_CSV.exists()), reason="gold file or regions seed missing")
@pytest.mark.parametrize("doc_file", sorted(p.name for p in DOCS.glob("*.txt")))
def test_sample_documents_get_the_gold_region_year_and_type(doc_file: str) -> None:
    expected = _gold_expectations()[doc_file]
    doc = read_document((DOCS / doc_file).read_bytes(), doc_file)
    meta = extract_metadata(doc.text, doc.header)
    assert (meta.region_name, meta.year, meta.doc_type) == expected
    assert meta.title


def test_a_signature_date_in_chinese_numerals(index: RegionIndex) -> None:
    meta = extract_metadata("某市工作方案\n一、目标达到90%。\n某市人民政府\n二〇二三年十二月二十一日", {}, index)
    assert meta.published_on == "2023-12-21"


def test_the_signature_over_a_date_is_the_issuer(index: RegionIndex) -> None:
    text = "某市工作方案\n市生态环境局\n一、目标达到90%。\n常州市人民政府\n2023年4月17日"
    assert extract_metadata(text, {"来源": "某某环保网"}, index).issuer == "常州市人民政府"
    assert extract_metadata("某市工作方案\n一、目标达到90%。", {"来源": "某某环保网"}, index).issuer == "某某环保网"


# --- region_scope / county_name / county_code: the level a document speaks for --------------------

SCOPE_REGIONS = CSV + "110000,北京市,北京,Beijing,province,110000,北京市,116.40,39.90\n"
SCOPE_COUNTIES = ("adcode,name,longitude,latitude\n320412000000,武进区,0,0\n330282000000,慈溪市,0,0\n"
                  "220104000000,朝阳区,0,0\n110105000000,朝阳区,0,0\n320481000000,溧阳市,0,0\n")


@pytest.fixture
def scoped(tmp_path: Path) -> RegionIndex:
    (tmp_path / "regions.csv").write_text(SCOPE_REGIONS, encoding="utf-8")
    (tmp_path / "adcodes.csv").write_text(SCOPE_COUNTIES, encoding="utf-8")
    return RegionIndex.from_csv(tmp_path / "regions.csv", tmp_path / "adcodes.csv")


def _scope(text: str, index: RegionIndex) -> tuple:
    meta = extract_metadata(text, {}, index)
    return meta.region_code, meta.region_scope, meta.county_name, meta.county_code


def test_a_province_or_city_document_speaks_for_its_own_level(scoped: RegionIndex) -> None:
    province = "2024年浙江省生态环境工作要点\n全省PM2.5浓度控制在28微克/立方米以内。组织宁波市开展试点。"
    assert _scope(province, scoped) == ("330000", "province", None, None)
    city = "常州市2023年大气污染防治工作方案\n全市完成治理任务,武进区完成改造30家。"
    assert _scope(city, scoped) == ("320400", "city", None, None)  # a county it names is not its scope


def test_a_county_report_keeps_its_city_region_and_names_the_county(scoped: RegionIndex) -> None:
    report = "武进区2023年生态环境保护工作总结\n全区PM2.5平均浓度为35微克/立方米,完成常州市下达的任务。"
    assert _scope(report, scoped) == ("320400", "county", "武进区", "320412")
    county_city = "关于慈溪市2023年度环境状况的报告\n全市空气优良天数比率为88%。"
    assert _scope(county_city, scoped) == ("330200", "county", "慈溪市", "330282")  # a county-level city
    body_only = "2023年工作总结\n溧阳市完成改造。溧阳市新增绿地。全市达标,常州市考核优秀。"
    assert _scope(body_only, scoped)[1:] == ("county", "溧阳市", "320481")  # named more than its city


def test_a_district_of_a_municipality_is_told_apart_by_its_parent(scoped: RegionIndex) -> None:
    district = "北京市朝阳区2024年生态环境保护工作要点\n全区细颗粒物浓度下降。"
    assert _scope(district, scoped) == ("110000", "county", "朝阳区", "110105")  # not 长春's 朝阳区


def test_a_county_that_speaks_for_itself_without_a_known_name(scoped: RegionIndex) -> None:
    text = "某县2023年工作要点\n全县完成任务。全县达标。完成常州市下达的任务。"
    assert _scope(text, scoped) == ("320400", "county", None, None)  # scope told, name not invented


def test_a_national_document_has_no_region_and_no_scope(scoped: RegionIndex) -> None:
    text = "关于2023年度全国环境状况的报告\n全国地级及以上城市PM2.5平均浓度为30微克/立方米。党中央、国务院高度重视。"
    assert _scope(text, scoped) == (None, None, None, None)


# --- round 3: baselines, publication stamps, news without a type keyword (paraphrased) -------


def test_baseline_years_are_not_the_year_of_the_document() -> None:
    body = ("2019年某省细颗粒物浓度为50微克,较2015年下降20%,比2016年下降3%;由2015年的60%提高到70%,"
            "与2015年相比优良天数增加30天。2015年以来累计治理锅炉900台。2019年完成任务。")
    assert find_year("某省超额完成大气治理任务", body, "report") == 2019
    assert find_year("某市燃煤锅炉淘汰工作方案", "从2015年的80台减至20台,2020年底前全部淘汰。", "plan") == 2020


def test_publication_year_for_plans_of_this_year_and_for_texts_without_a_year() -> None:
    body = "2021年全市优良天数为300天。会议明确今年优良率要达到85%左右。"
    assert find_year("今年全市优良率要达85%", body, "plan", "2022-03-10") == 2022
    assert find_year("今年全市优良率要达85%", body, "plan") == 2021  # no publication date: the body's year
    assert find_year("某省1月份空气质量状况公布", "1月全省优良天数比例为90%。", "report", "2023-02-20") == 2023
    assert find_year("某省1月份空气质量状况公布", "1月全省优良天数比例为90%。", "report") is None


def test_page_stamp_gives_the_publication_date(index: RegionIndex) -> None:
    text = ("要闻 | 城市 | 原创 | 专题 | 滚动\n某省3月份空气质量状况公布\n2023-04-21 10:05:31来源:某某网 编辑:张三\n"
            "4月20日,某省生态环境厅通报3月份空气质量,同比上升2.1个百分点。\n")
    meta = extract_metadata(text, regions=index)
    assert meta.published_on == "2023-04-21"
    assert meta.title == "某省3月份空气质量状况公布"  # the bar of links above it is no title
    assert meta.doc_type == "report" and meta.year == 2023
    stamped = "某地新闻\n2019年06月10日 14:54 某某晚报\n2018年全市优良天数为250天,同比增加5天。\n"
    assert extract_metadata(stamped, regions=index).published_on == "2019-06-10"
    # a date written in a sentence is an event, not the page's date
    lead = "某市召开会议\n2023年3月15日,某市召开生态环境保护大会。\n"
    assert extract_metadata(lead, regions=index).published_on is None


def test_bulletins_and_news_columns_take_their_type_from_the_title() -> None:
    assert find_doc_type("2021年第三季度全省城市功能区声环境质量", "") == "report"
    assert find_doc_type("某市2022年生态环境状况公报发布", "") == "report"
    assert find_doc_type("今年全市生态环境工作怎么干", "") == "plan"
    assert find_doc_type("某省召开新闻发布会", "监测数据显示,上半年优良天数比例为90%。据通报,水质优良。") == "report"


def test_a_title_run_into_the_salutation_is_cut_there(index: RegionIndex) -> None:
    text = "县政府关于大气污染防治工作情况的汇报尊敬的各位委员:现将有关情况汇报如下:一、工作成效……"
    assert extract_metadata(text, regions=index).title == "县政府关于大气污染防治工作情况的汇报"
    # a salutation after a sentence that is no title leaves the line alone
    assert extract_metadata("会议开始尊敬的各位领导:大家好。\n", regions=index).title != "会议开始"


def test_a_stamp_line_ending_with_a_widget_still_dates_the_page(index: RegionIndex) -> None:
    text = "全省第三季度声环境质量\n某省生态环境厅 时间:2021-10-16 18:11 【字体:\n第三季度全省共监测100点次。\n"
    assert extract_metadata(text, regions=index).published_on == "2021-10-16"


def test_a_city_given_as_an_example_in_the_title_is_not_the_region(index: RegionIndex) -> None:
    text = ("杭州等3城市集中供热率将达95%\n浙江省政府办公厅印发《浙江省大气治理工作方案》,"
            "全省优良天数比例达到85%以上,我省各市要落实措施,杭州作为重点城市要加快推进。\n")
    assert extract_metadata(text, regions=index).region_name == "浙江省"
    assert extract_metadata("杭州市集中供热率将达95%\n全市落实措施。\n", regions=index).region_name == "杭州市"

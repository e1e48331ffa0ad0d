"""Region and year of documents from every province- and prefecture-level unit of the seed (tests/region_docs_factory.py),
not only the ~90 of the corpus, and the grammar behind them on small inline texts."""

from __future__ import annotations

import pytest
from region_docs_factory import generate, metadata_of, units

from loaders.metadata import extract_metadata
from loaders.regions import RegionIndex

_SAMPLE_EVERY = 3  # a third of the ~4 700 generated documents, every unit kind and shape in it (~3 s)


@pytest.fixture(scope="module")
def index() -> RegionIndex:
    return RegionIndex.load()


def test_every_unit_round_trips_from_its_names(index: RegionIndex) -> None:
    """Full name -> code; short name -> one of the regions of that name; the short name marked as a place
    (黔东南州, 兴安盟, 阿里地区, 三亚市) is found in a text as that unit."""
    suffix = {"autonomous_prefecture": "州", "prefecture": "地区", "league": "盟", "city": "市"}
    for unit in units():
        assert index.resolve(unit.name) == unit.code, unit.name
        assert unit.code in [r.code for r in index.named(unit.short)], unit.short
        assert [m.code for m in index.find_mentions(f"推进{unit.name}建设")] == [unit.code], unit.name
        if unit.level == "city":
            marked = f"推进{unit.short}{suffix[unit.kind]}建设"
            assert [m.code for m in index.find_mentions(marked)] == [unit.code], marked


def _ambiguous_by_construction(doc, short_names_of_provinces: set[str], short_of: dict[str, str]) -> bool:
    """A city report with no file name whose city bears a province's name (吉林, 海南): its bare name reads as the
    province, for a reader as for the loader."""
    return doc.shape == "neutral_name" and short_of[doc.region_code] in short_names_of_provinces


def test_documents_of_every_unit_get_their_region_and_year() -> None:
    every = units()
    provinces = {u.short for u in every if u.level == "province"}
    short_of = {u.code: u.short for u in every}
    docs = generate()[::_SAMPLE_EVERY]
    assert {d.unit_kind for d in docs} >= {"city", "autonomous_prefecture", "prefecture", "league", "province",
                                           "autonomous_region", "municipality"}
    wrong = []
    for doc in docs:
        meta = metadata_of(doc)
        if _ambiguous_by_construction(doc, provinces, short_of):
            continue
        if (meta.region_code, meta.year) != (doc.region_code, doc.year):
            wrong.append(f"{doc.shape} {doc.file_name}: {meta.region_code} {meta.year}, expected {doc.region_code} {doc.year}")
    assert wrong == []


def test_a_city_report_named_by_its_city_speaks_for_it_not_for_its_province(index: RegionIndex) -> None:
    text = ("各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n深入贯彻习近平总书记关于海南工作的重要指示，"
            "在省委、省政府和市委的坚强领导下，全市经济稳中向好。融入海口都市圈，与海口市共建产业园。\n")
    assert extract_metadata(text, {}, index).region_name == "海南省"  # no file name: the province
    assert extract_metadata(text, {}, index, source_file="三亚.txt").region_name == "三亚市"
    assert extract_metadata(text, {}, index, source_file="三亞.txt").region_name == "三亚市"  # traditional file name
    spoken_for_a_prefecture = text.replace("关于海南工作", "关于青海工作").replace("市人民政府", "州人民政府")
    assert extract_metadata(spoken_for_a_prefecture, {}, index, source_file="海南.txt").region_code == "632500"


def test_a_city_report_without_a_file_name_is_about_the_place_it_names_bare(index: RegionIndex) -> None:
    body = "现在，我代表州人民政府向大会报告工作。\n在省委、省政府和州委的坚强领导下，深入贯彻习近平总书记对四川工作的重要指示，"
    # 凉山 four times, 西昌 (a county of 凉山) counts for it; 成都 (the capital, marked) twice
    text = body + "全面建设现代化凉山，西昌、会理同步发展，凉山特色产业壮大，美丽凉山、平安凉山建设深入推进。融入成都都市圈，对接成都市。"
    assert extract_metadata(text, {}, index).region_name == "凉山彝族自治州"
    county = body + "天门发展迈上新台阶，天门人民获得感增强，天门制造走向全国。融入武汉都市圈。"
    # 天门 is a county-level city the province governs directly: it reports as a city does, with no prefecture above
    # it; named bare three times in a report spoken for in 湖北, it is the report's place
    assert extract_metadata(county.replace("四川", "湖北"), {}, index).region_name == "天门市"
    county_of_a_prefecture = county.replace("天门", "西昌")  # a county with a prefecture above it: the prefecture
    assert extract_metadata(county_of_a_prefecture, {}, index).region_name == "凉山彝族自治州"
    county_of_a_prefecture = county.replace("天门", "西昌")  # a county with a prefecture above it: the prefecture
    assert extract_metadata(county_of_a_prefecture, {}, index).region_name == "凉山彝族自治州"


def test_title_broken_over_two_lines_and_file_name_as_title(index: RegionIndex) -> None:
    text = "某市温室气体减排和大气污染治理协同控制\n三年行动计划(2021-2023年)\n为落实要求，结合我市实际，制定本行动计划。\n"
    meta = extract_metadata(text, {}, index)
    assert meta.title == "某市温室气体减排和大气污染治理协同控制三年行动计划(2021-2023年)"
    assert meta.year == 2023  # a plan of a period is dated by its last year
    notice = "某政办发〔2022〕91号\n各县区人民政府：\n《某市“十四五”生态环境保护规划》已经市政府审议通过，现印发给你们。\n某市人民政府办公室\n2022年5月26日\n"
    meta = extract_metadata(notice, {}, index, source_file="pdf/某市“十四五”生态环境保护规划（2021-2025）.pdf")
    # the title the notice issues comes first; the file's name stands in only where the text names none
    assert (meta.title, meta.doc_kind, meta.year) == ("某市“十四五”生态环境保护规划", "five_year_plan", 2025)
    untitled = "某政办发〔2022〕91号\n各县区人民政府：\n现将规划印发给你们，请认真贯彻执行。\n某市人民政府办公室\n2022年5月26日\n"
    meta = extract_metadata(untitled, {}, index, source_file="pdf/某市“十四五”生态环境保护规划（2021-2025）.pdf")
    assert (meta.title, meta.doc_kind, meta.year) == ("某市“十四五”生态环境保护规划（2021-2025）", "five_year_plan", 2025)


def test_a_work_report_copied_without_its_salutation_is_about_the_year_it_plans(index: RegionIndex) -> None:
    text = "2023年工作回顾\n过去一年，全州经济稳中向好。\n2024年工作安排\n今年主要预期目标是地区生产总值增长6%。\n"
    meta = extract_metadata(text, {}, index)
    assert (meta.doc_kind, meta.year) == ("work_report", 2024)
    summary = "2023年工作回顾\n过去一年，全州经济稳中向好，各项工作取得新成效。\n"
    assert extract_metadata(summary, {}, index).year == 2023  # a review alone is about the year reviewed

"""Region lookup over a tiny regions CSV (same columns as loaders/data/seeds/regions.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.regions import DEFAULT_CSV, RegionIndex

CSV = """region_code,region_name_zh,short_name_zh,region_name_en,region_level,province_code,province_name_zh,longitude,latitude
320000,江苏省,江苏,Jiangsu,province,320000,江苏省,118.76,32.06
410000,河南省,河南,Henan,province,410000,河南省,113.75,34.77
320400,常州市,常州,Changzhou,city,320000,江苏省,119.97,31.81
321200,泰州市,泰州,Taizhou,city,320000,江苏省,119.92,32.45
330000,浙江省,浙江,Zhejiang,province,330000,浙江省,120.15,30.28
330100,杭州市,杭州,Hangzhou,city,330000,浙江省,120.21,30.24
330200,宁波市,宁波,Ningbo,city,330000,浙江省,121.62,29.86
360000,江西省,江西,Jiangxi,province,360000,江西省,115.81,28.68
220000,吉林省,吉林,Jilin,province,220000,吉林省,125.32,43.89
220200,吉林市,吉林,Jilin,city,220000,吉林省,126.55,43.84
140400,长治市,长治,Changzhi,city,140000,山西省,113.11,36.19
130300,秦皇岛市,秦皇岛,Qinhuangdao,city,130000,河北省,119.60,39.93
222400,延边朝鲜族自治州,延边,Yanbian,city,220000,吉林省,129.47,42.91
"""


@pytest.fixture
def index(tmp_path: Path) -> RegionIndex:
    path = tmp_path / "regions.csv"
    path.write_text(CSV, encoding="utf-8")
    return RegionIndex.from_csv(path)


def names(index: RegionIndex, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.code) for m in index.find_mentions(text)]


def test_full_names_are_found_with_offsets(index: RegionIndex) -> None:
    text = "江苏省常州市开展试点"
    found = index.find_mentions(text)
    assert [(m.name, m.level, m.start, m.end) for m in found] == [("江苏省", "province", 0, 3), ("常州市", "city", 3, 6)]
    assert found[1].province_code == "320000"
    assert text[found[1].start : found[1].end] == "常州市"


def test_short_city_names_count_only_when_marked_as_places(index: RegionIndex) -> None:
    assert names(index, "组织杭州、宁波开展试点") == [("杭州", "330100"), ("宁波", "330200")]
    assert names(index, "常州特色") == []  # a short city name inside a phrase is not counted
    assert names(index, "实现长治久安") == []
    assert names(index, "延边州生态") == [("延边", "222400")]
    assert names(index, "推进秦皇岛海域治理") == [("秦皇岛", "130300")]  # three characters are distinctive


def test_province_short_names_count_anywhere_and_longest_leftmost_wins(index: RegionIndex) -> None:
    assert names(index, "浙江特色") == [("浙江", "330000")]
    assert names(index, "浙江西部") == [("浙江", "330000")]  # not 江西
    assert names(index, "江苏和浙江") == [("江苏", "320000"), ("浙江", "330000")]
    assert names(index, "河南生态") == [("河南", "410000")]
    assert names(index, "黄河南岸湿地") == []  # a river and a direction


def test_a_name_shared_by_a_province_and_a_city(index: RegionIndex) -> None:
    assert names(index, "吉林省") == [("吉林省", "220000")]
    assert names(index, "吉林市") == [("吉林市", "220200")]
    assert names(index, "吉林生态") == [("吉林", "220000")]


def test_resolve(index: RegionIndex) -> None:
    assert index.resolve("常州市") == "320400"
    assert index.resolve("常州") == "320400"
    assert index.resolve("江苏") == "320000"
    assert index.resolve("吉林") == "220000"
    assert index.resolve("吉林市") == "220200"
    assert index.resolve("火星市") is None
    assert index.get("320400").province_name == "江苏省"


def test_load_is_cached_per_path(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text(CSV, encoding="utf-8")
    assert RegionIndex.load(path) is RegionIndex.load(path)


@pytest.mark.skipif(not DEFAULT_CSV.exists(), reason="regions.csv not generated")
def test_the_seed_covers_provinces_and_cities() -> None:
    index = RegionIndex.load()
    assert index.get(index.resolve("泰州市")).province_name == "江苏省"
    assert index.get(index.resolve("安徽")).level == "province"


COUNTIES = """adcode,name,longitude,latitude
320412000000,武进区,0,0
330282000000,慈溪市,0,0
320102000000,鼓楼区,0,0
330102000000,鼓楼区,0,0
320481000000,沛县,0,0
220302000000,朝阳区,0,0
110105000000,朝阳区,0,0
"""


@pytest.fixture
def with_counties(tmp_path: Path) -> RegionIndex:
    (tmp_path / "regions.csv").write_text(CSV + "211300,朝阳市,朝阳,Chaoyang,city,210000,辽宁省,120.45,41.57\n", encoding="utf-8")
    (tmp_path / "adcodes.csv").write_text(COUNTIES, encoding="utf-8")
    return RegionIndex.from_csv(tmp_path / "regions.csv", tmp_path / "adcodes.csv")


def test_a_county_name_is_a_mention_of_its_prefecture(with_counties: RegionIndex) -> None:
    assert names(with_counties, "常州市武进区推进治理") == [("常州市", "320400"), ("武进区", "320400")]
    assert names(with_counties, "慈溪市完成改造") == [("慈溪市", "330200")]
    assert with_counties.find_mentions("慈溪市")[0].level == "city"


def test_shared_short_or_district_county_names_name_no_region(with_counties: RegionIndex) -> None:
    assert names(with_counties, "鼓楼区完成改造") == []  # two counties share the name
    # two characters, borne by one county and cut as a word of its own (left34): its prefecture's mention
    assert names(with_counties, "沛县完成改造") == [("沛县", "320400")]
    assert names(with_counties, "朝阳区完成改造") == []  # a district named like a city is not that city
    assert names(with_counties, "朝阳市完成改造") == [("朝阳市", "211300")]


def test_a_county_mention_keeps_the_county(with_counties: RegionIndex) -> None:
    found = with_counties.find_mentions("常州市武进区推进治理")
    assert [(m.county_name, m.county_code) for m in found] == [(None, None), ("武进区", "320412")]


def test_counties_in_a_title_are_told_apart_by_their_parent(with_counties: RegionIndex) -> None:
    assert with_counties.counties_in("鼓楼区2024年工作要点", "320100") == []  # 南京 is not in this table
    assert with_counties.counties_in("某市鼓楼区2024年工作要点", "330100") == [("鼓楼区", "330102")]
    assert with_counties.counties_in("朝阳区工作要点", "220000") == [("朝阳区", "220302")]  # no 220300 here: the province
    assert with_counties.counties_in("沛县2023年工作总结", "320300") == []  # its parent is 320400
    assert with_counties.counties_in("沛县2023年工作总结", "320400") == [("沛县", "320481")]
    assert with_counties.counties_in("常州市沛县工作总结", "320400") == [("沛县", "320481")]
    assert with_counties.counties_in("关于常州各沛县特色", "320400") == []  # two characters inside a phrase


def test_a_zone_named_after_a_short_city_name_marks_the_city(index: RegionIndex) -> None:
    assert names(index, "杭州钱塘新区生态环境工作") == [("杭州", "330100")]
    assert names(index, "宁波高新区开展检查") == [("宁波", "330200")]
    assert names(index, "杭州湾水质") == []  # without a zone word a short name stays unmarked
    assert names(index, "某某新区生态环境局") == []  # a new area that names no city has no region


def test_a_unit_the_province_governs_directly_is_named_in_full_not_by_a_common_word() -> None:
    """东方市 and 天门市 (GB/T 2260 codes 4690xx, 4290xx) are regions; their bare names are words (京东方, 东方希望)."""
    index = RegionIndex.from_csv()
    found = [m.name for m in index.find_mentions("京东方、惠科营业收入突破200亿元,东方希望项目建设,推进白沙、庄边2个镇整治")]
    assert "东方市" not in found and "白沙黎族自治县" not in found
    assert [m.name for m in index.find_mentions("东方市、天门市空气质量优良")] == ["东方市", "天门市"]

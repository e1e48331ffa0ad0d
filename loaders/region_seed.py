"""Generate loaders/data/seeds/regions.csv: every province- and prefecture-level division of China, and the
county-level units a province governs directly (天门市, 济源市, 石河子市: statistics list them beside its cities).

Source: the region table shipped with the `cpca` package (cpca/resources/adcodes.csv: 12-digit
administrative codes, names, coordinates). A province-level division has a code ending in ten
zeros; a prefecture-level one ends in eight zeros and is named ...市, ...地区, ...自治州 or ...盟
(the table's placeholders 市辖区, 县 and 省直辖县级行政区划 are not divisions and are skipped).
English names are the pinyin of the short name (pypinyin), with the conventional English names
of the few provinces that have one. Run `python -m loaders.region_seed` and commit the output.
"""

from __future__ import annotations

import csv
import importlib.resources
from dataclasses import astuple, dataclass, fields

from loaders.reference import seed

OUTPUT = seed("regions.csv")

PROVINCE_SUFFIXES = ("特别行政区", "自治区", "省", "市")
# cpca's placeholder over the county-level units a province governs directly, with no prefecture between
DIRECT_UNITS = "直辖县级行政区划"
# the county-level suffixes of those units (天门市 and 五指山市 take CITY_SUFFIXES' 市)
COUNTY_SUFFIXES = {"自治县": " Autonomous County", "县": " County", "林区": " Forestry District"}
CITY_SUFFIXES = {"自治州": " Autonomous Prefecture", "地区": " Prefecture", "盟": " League", "市": ""}
_NAMED_SUFFIXES = {**COUNTY_SUFFIXES, **CITY_SUFFIXES}  # English of each, 自治县 before 县
# Conventional English names that are not the plain pinyin of the short name.
ENGLISH_EXCEPTIONS = {
    "内蒙古": "Inner Mongolia",
    "西藏": "Tibet",
    "陕西": "Shaanxi",
    "香港": "Hong Kong",
    "澳门": "Macau",
    # Cities and prefectures known abroad by a name from their local language.
    "哈尔滨": "Harbin",
    "呼和浩特": "Hohhot",
    "鄂尔多斯": "Ordos",
    "呼伦贝尔": "Hulunbuir",
    "巴彦淖尔": "Bayannur",
    "乌兰察布": "Ulanqab",
    "锡林郭勒": "Xilingol League",
    "阿拉善": "Alxa League",
    "拉萨": "Lhasa",
    "日喀则": "Shigatse",
    "昌都": "Qamdo",
    "林芝": "Nyingchi",
    "那曲": "Nagqu Prefecture",
    "阿里": "Ngari Prefecture",
    "乌鲁木齐": "Urumqi",
    "克拉玛依": "Karamay",
    "吐鲁番": "Turpan",
    "哈密": "Hami",
    "博尔塔拉": "Bortala Mongol Autonomous Prefecture",
    "巴音郭楞": "Bayingolin Mongol Autonomous Prefecture",
    "克孜勒苏": "Kizilsu Kirghiz Autonomous Prefecture",
    "伊犁": "Ili Kazakh Autonomous Prefecture",
    "阿克苏": "Aksu Prefecture",
    "喀什": "Kashgar Prefecture",
    "和田": "Hotan Prefecture",
    "塔城": "Tacheng Prefecture",
    "阿勒泰": "Altay Prefecture",
}
# Place names whose characters pypinyin reads in their common, not their toponymic, reading.
PINYIN_EXCEPTIONS = {
    "蚌埠": "bengbu",
    "六安": "lu'an",
    "丽水": "lishui",
    "丽江": "lijiang",
    "长治": "changzhi",
    "朝阳": "chaoyang",
    "漯河": "luohe",
}


@dataclass(frozen=True)
class Region:
    region_code: str
    region_name_zh: str
    short_name_zh: str
    region_name_en: str
    region_level: str
    province_code: str
    province_name_zh: str
    longitude: str
    latitude: str


def _nations() -> list[str]:
    """Ethnic-group names (回族, 蒙古族 ...) that autonomous-prefecture names carry after the place name."""
    text = importlib.resources.files("cpca").joinpath("resources/56_nations.csv").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip()]
    # Prefecture names drop 族 for some groups (博尔塔拉蒙古自治州, 克孜勒苏柯尔克孜自治州).
    bare = [n[:-1] for n in names if n.endswith("族") and len(n) > 2]
    return sorted(set(names + bare), key=len, reverse=True)


def short_name(name: str, level: str, nations: list[str]) -> str:
    suffixes = PROVINCE_SUFFIXES if level == "province" else tuple(CITY_SUFFIXES) + tuple(COUNTY_SUFFIXES)
    base = next((name[: -len(s)] for s in suffixes if name.endswith(s) and len(name) > len(s) + 1), name)
    stripped = True
    while stripped:  # peel ethnic-group names off the end: 恩施土家族苗族 -> 恩施
        stripped = False
        for n in nations:
            if base.endswith(n) and len(base) - len(n) >= 2:
                base, stripped = base[: -len(n)], True
                break
    return base


def pinyin(short: str) -> str:
    from pypinyin import lazy_pinyin  # only needed to regenerate the seed

    if short in PINYIN_EXCEPTIONS:
        word = PINYIN_EXCEPTIONS[short]
    else:
        syllables = lazy_pinyin(short)
        # An apostrophe marks a syllable starting with a vowel: Xi'an, Huai'an.
        word = syllables[0] + "".join(("'" + s if s[0] in "aoe" else s) for s in syllables[1:])
        word = word.replace("v", "ü")  # pypinyin writes ü as v: lv -> lü
    return word[:1].upper() + word[1:]


def english_name(name: str, short: str, level: str) -> str:
    if short in ENGLISH_EXCEPTIONS:
        return ENGLISH_EXCEPTIONS[short]
    suffix = "" if level == "province" else next((e for s, e in _NAMED_SUFFIXES.items() if name.endswith(s)), "")
    return pinyin(short) + suffix


def build_regions(rows: list[dict[str, str]]) -> list[Region]:
    nations = _nations()
    by_code = {r["adcode"]: r for r in rows}
    provinces = {code[:2]: r["name"] for code, r in by_code.items() if code.endswith("0" * 10)}
    out: list[Region] = []
    for code, r in sorted(by_code.items()):
        if code.endswith("0" * 10):
            level = "province"
        elif code.endswith("0" * 8) and r["name"].endswith(tuple(CITY_SUFFIXES)) and r["name"] != "市辖区":
            level = "city"
        elif (code.endswith("0" * 6) and not r["name"].endswith(DIRECT_UNITS)
              and by_code.get(code[:4] + "0" * 8, {}).get("name", "").endswith(DIRECT_UNITS)):
            level = "city"  # a county-level unit the province governs directly (天门市, 济源市) reports as a city does
        else:
            continue
        short = short_name(r["name"], level, nations)
        out.append(
            Region(
                region_code=code[:6],
                region_name_zh=r["name"],
                short_name_zh=short,
                region_name_en=english_name(r["name"], short, level),
                region_level=level,
                province_code=code[:2] + "0000",
                province_name_zh=provinces[code[:2]],
                longitude=r["longitude"],
                latitude=r["latitude"],
            )
        )
    return out


def main() -> None:
    text = importlib.resources.files("cpca").joinpath("resources/adcodes.csv").read_text("utf-8")
    regions = build_regions(list(csv.DictReader(text.splitlines())))
    with OUTPUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow([f.name for f in fields(Region)])
        writer.writerows(astuple(r) for r in regions)
    print(f"{OUTPUT}: {len(regions)} regions")


if __name__ == "__main__":
    main()

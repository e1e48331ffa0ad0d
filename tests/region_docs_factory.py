"""Generated documents of every province- and prefecture-level unit, to prove region and year detection on places
the corpus does not hold (tests/test_region_coverage.py).

For each unit of loaders/data/seeds/regions.csv (cities, 自治州, 地区, 盟, provinces, 自治区, municipalities) it
writes documents named and opened the way the three publishers of data/corpus/SOURCES.csv name and open theirs:
- a city's 2024 work report named by the short name (`三亚.txt`): opening with 各位代表 only, under a title and
  the dated 人民代表大会 line, under a web page's clutter, naming its government in full, naming nothing (only
  the file name tells), or in traditional characters; its body names the city the way reports do (现代化X, X港:
  never marked by 市), its province, and a partner city of another province (东西部协作);
- a province's 2026 work report `<省>_2026_政府工作报告.txt` (web clutter and title, bare, nothing but the file
  name) and the publisher's CSV export `2026_<省>_政府工作报告.csv`; its body names several of its cities and a
  city of another province;
- a five-year plan `<full name>“十四五”生态环境保护规划.txt` (the text a PDF of that name gives): title first, or
  the notice that issues it.
The shapes copy the corpus' openings, never their words. Each document carries the region code and year it is
about.

`.venv/bin/python tests/region_docs_factory.py` counts region and year right / wrong / null by kind of unit
and by shape, and lists the failures with `-v` (`--out DIR` also writes the files; `--fresh` adds the shapes
written after the rules were frozen, fresh_city_reports).
"""

from __future__ import annotations

import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC

ROOT = Path(__file__).resolve().parents[1]
REGIONS_CSV = ROOT / "loaders" / "data" / "seeds" / "regions.csv"
NO_CONGRESS = ("810000", "820000", "710000")  # SARs and Taiwan: no people's congress, no 政府工作报告


@dataclass(frozen=True)
class Unit:
    code: str
    name: str  # full name: 黔东南苗族侗族自治州
    short: str  # 黔东南
    level: str  # province | city
    province_code: str
    province_name: str
    province_short: str

    @property
    def kind(self) -> str:
        """city | autonomous_prefecture | prefecture | league | province | autonomous_region | municipality | sar"""
        if self.level == "province":
            return ("sar" if self.name.endswith("特别行政区") else "autonomous_region" if self.name.endswith("自治区")
                    else "municipality" if self.name.endswith("市") else "province")
        return ("autonomous_prefecture" if self.name.endswith("自治州") else "prefecture" if self.name.endswith("地区")
                else "league" if self.name.endswith("盟") else "city")

    @property
    def government(self) -> str:
        """How the opening names the government it speaks for: 市人民政府, 州人民政府, 盟行政公署 ..."""
        return {"autonomous_prefecture": "州人民政府", "prefecture": "地区行政公署", "league": "盟行政公署",
                "province": "省人民政府", "autonomous_region": "自治区人民政府"}.get(self.kind, "市人民政府")

    @property
    def head(self) -> str:
        return {"autonomous_prefecture": "州长", "prefecture": "行署专员", "league": "盟长", "province": "省长",
                "autonomous_region": "自治区主席"}.get(self.kind, "市长")

    @property
    def congress_name(self) -> str:
        """Who a work report is given to: 黔东南州第十五届人民代表大会 (an autonomous prefecture by its short
        name and 州), a 盟's or 地区's 人大工作委员会 (they have no congress of their own)."""
        if self.kind == "autonomous_prefecture":
            return f"{self.short}州第十五届人民代表大会第四次会议"
        if self.kind in ("prefecture", "league"):
            return f"{self.name}人大工作委员会全体会议"
        return f"{self.name}第十四届人民代表大会第四次会议"


@dataclass(frozen=True)
class GeneratedDoc:
    file_name: str
    data: bytes
    region_code: str
    year: int
    unit_kind: str
    shape: str


def units(path: Path = REGIONS_CSV) -> list[Unit]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    short_of = {r["region_code"]: r["short_name_zh"] for r in rows}
    return [Unit(r["region_code"], r["region_name_zh"], r["short_name_zh"], r["region_level"], r["province_code"],
                 r["province_name_zh"], short_of[r["province_code"]]) for r in rows]


_CLUTTER = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n"
_CITY_CLUTTER = "您的位置:\n首页\n>\n政务公开\n政府工作报告\n{title}\n来源：{source}\n{stamp}\n【字体：\n大\n中\n小\n】\n"


def _opening(government: str, audience: str = "各位代表") -> str:
    if government.endswith("行政公署"):  # a 盟 or 地区 reports to the standing committee of the congress
        return "各位主任、委员：\n下面，我代表行署作工作报告，请各位主任、委员和列席同志提出意见。\n"
    return f"{audience}：\n现在，我代表{government}向大会报告工作，请予审议，并请政协委员和其他列席人员提出意见。\n"


def _city_body(unit: Unit, partner: Unit, capital: Unit | None, own_name: bool = True) -> str:
    """A review of the year: the city by its bare short name (the way reports name it), its province, the capital of
    its province (融入X都市圈, X市), a partner city of another province by its full name. own_name=False: the body
    never names the city."""
    own = (f"全面建设社会主义现代化{unit.short}迈出坚实步伐。“{unit.short}制造”品牌影响力持续扩大，"
           f"{unit.short}综合保税区封关运行，美丽{unit.short}建设成效明显，{unit.short}人民获得感持续增强。"
           f"平安{unit.short}、法治{unit.short}建设深入推进。" if own_name else "全面建设社会主义现代化迈出坚实步伐。")
    if capital is not None and capital.code != unit.code:
        own += f"主动融入{capital.short}都市圈，与{capital.name}共建产业协作区。"
    return (
        "一、2023年工作回顾\n"
        f"过去的一年，我们深入贯彻习近平总书记关于{unit.province_short}工作的重要指示精神，在省委、省政府和市委的坚强领导下，"
        f"团结依靠全市人民，较好完成了全年目标任务。{own}\n"
        f"全市地区生产总值增长5.8%，空气质量优良天数比例达到92.1%，PM2.5平均浓度下降到31微克/立方米。"
        f"深化与{partner.name}东西部协作，共建产业园区3个。\n"
        "二、2024年工作安排\n"
        "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，单位地区生产总值能耗下降2.5%。\n"
    )


def _province_body(unit: Unit, cities: list[Unit], partner: Unit) -> str:
    named = "、".join(c.name for c in cities[:3])
    listed = (f"支持{named}建设区域中心城市，推动{cities[0].short}、{cities[-1].short}一体化发展。" if cities else "")
    return (
        "一、2025年和“十四五”时期工作回顾\n"
        f"“十四五”这五年，我们坚持以习近平新时代中国特色社会主义思想为指导，{unit.province_short}经济总量迈上新台阶，"
        f"全省生态环境质量持续改善。{listed}\n"
        f"对口支援{partner.name}取得新成效。地级及以上城市空气质量优良天数比例达到91.5%。\n"
        "二、2026年主要目标\n"
        "地区生产总值增长5%左右，单位地区生产总值能耗降低2%左右。\n"
    )


def _plan_body(unit: Unit) -> str:
    voice = "全省" if unit.level == "province" and not unit.name.endswith("市") else "全市"
    return (
        "第一章生态环境保护成效与形势\n"
        f"“十三五”以来，{voice}上下认真贯彻习近平生态文明思想和习近平总书记对{unit.province_short}重要讲话精神，"
        "坚决打好污染防治攻坚战，生态环境质量明显改善。\n"
        "第二章总体要求\n"
        "到2025年，细颗粒物平均浓度控制在30微克/立方米以下，地表水达到或好于Ⅲ类水体比例达到85%。\n"
    )


def _partner_of(unit: Unit, cities: list[Unit]) -> Unit:
    """A city of another province, the same for every run."""
    others = [c for c in cities if c.province_code != unit.province_code]
    return others[int(unit.code) % len(others)]


def city_reports(unit: Unit, partner: Unit, capital: Unit | None, s2t: OpenCC) -> list[GeneratedDoc]:
    """A city's (or municipality's) 2024 work report, named by the short name, in each opening shape."""
    gov, head, name = unit.government, unit.head, f"{unit.short}.txt"
    dated = f"——2024年1月20日在{unit.congress_name}上\n"
    body = _city_body(unit, partner, capital)
    shapes = {
        "bare": _opening(gov) + body,
        "titled": "政府工作报告\n" + dated + f"{head}  某某某\n" + _opening(gov) + body,
        "clutter": _CITY_CLUTTER.format(title="2024年政府工作报告", source=f"{unit.short}日报", stamp="2024-02-03 09:02:33")
        + dated + f"{head} 某某某\n" + _opening(gov) + body,
        "named_government": _opening(unit.name + gov[-4:] if not gov.endswith("行政公署") else gov) + body,
        "file_name_only": _opening(gov) + _city_body(unit, partner, capital, own_name=False),
        "titled_chinese_date": "政府工作报告\n" + dated.replace("2024年1月20日", "二〇二四年一月二十日") + _opening(gov) + body,
        "no_opening": body,  # the text starts at the review's heading (the salutation was not copied)
    }
    if gov.endswith("行政公署"):  # 代表XX盟行政公署: the named opening of a 盟 or 地区
        shapes["named_government"] = f"各位代表：\n现在，我代表{unit.name}行政公署向大会报告工作，请予审议。\n" + body
    docs = [GeneratedDoc(name, text.encode("utf-8"), unit.code, 2024, unit.kind, shape) for shape, text in shapes.items()]
    traditional = s2t.convert(shapes["bare"])  # a page of Hong Kong or Taiwan, its file named in the same script
    docs.append(GeneratedDoc(s2t.convert(name), traditional.encode("utf-8"), unit.code, 2024, unit.kind, "traditional"))
    docs.append(GeneratedDoc("政府工作报告.txt", shapes["bare"].encode("utf-8"), unit.code, 2024, unit.kind, "neutral_name"))
    return docs


def province_reports(unit: Unit, cities: list[Unit], partner: Unit, s2t: OpenCC) -> list[GeneratedDoc]:
    """A province's 2026 work report as the provincial publisher names it, and its CSV export."""
    body = _province_body(unit, cities, partner)
    title = f"2026年{unit.name}政府工作报告"
    web = (_CLUTTER + f"{title}\n——2026年1月28日在{unit.congress_name}上\n来源：{unit.short}日报\n时间：2026-02-12\n"
           f"{unit.head} 某某某\n" + _opening(unit.government) + body)
    stem = f"{unit.name}_2026_政府工作报告"
    docs = [GeneratedDoc(f"{stem}.txt", web.encode("utf-8"), unit.code, 2026, unit.kind, "clutter"),
            GeneratedDoc(f"{stem}.txt", (_opening(unit.government) + body).encode("utf-8"), unit.code, 2026, unit.kind, "bare"),
            GeneratedDoc(f"{stem}.txt", (_opening("人民政府") + body).encode("utf-8"), unit.code, 2026, unit.kind, "file_name_only")]
    record = {"province": unit.name, "year": "2026", "title": title, "url": f"https://example.org/2026/{unit.code}.html",
              "full_text": web}
    docs.append(GeneratedDoc(f"2026_{unit.name}_政府工作报告.csv", _csv(record), unit.code, 2026, unit.kind, "csv_export"))
    bare = _opening(unit.government) + body
    docs.append(GeneratedDoc("政府工作报告.txt", bare.encode("utf-8"), unit.code, 2026, unit.kind, "neutral_name"))
    docs.append(GeneratedDoc(s2t.convert(f"{stem}.txt"), s2t.convert(bare).encode("utf-8"), unit.code, 2026, unit.kind,
                             "traditional"))
    if cities:  # a province's measures, untitled by place, under a neutral name: 全区 of a 自治区 is the region's voice
        whole = "全区" if unit.kind == "autonomous_region" else "全省" if unit.kind == "province" else "全市"
        capital, listed = cities[0], "、".join(c.short for c in cities[:3])
        measures = (f"关于加强生态环境保护的若干措施\n{whole}各级各部门要深入贯彻习近平生态文明思想。支持{capital.short}建设区域中心城市，"
                    f"{capital.short}都市圈加快建设，{listed}协同发展，推动{capital.short}港建设。到2025年，{whole}空气质量优良天数"
                    f"比例达到90%以上，{whole}地表水质量保持稳定。\n")
        docs.append(GeneratedDoc("若干措施.txt", measures.encode("utf-8"), unit.code, 2025, unit.kind, "province_voice"))
    return docs


def _csv(record: dict[str, str]) -> bytes:
    import io

    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=list(record))
    writer.writeheader()
    writer.writerow(record)
    return buf.getvalue().encode("utf-8")


def plans(unit: Unit) -> list[GeneratedDoc]:
    """A five-year plan named like the PDFs of the corpus: title first, or under the notice that issues it."""
    title = f"{unit.name}“十四五”生态环境保护规划"
    notice = (f"{unit.short[:1]}政办发〔2022〕53号\n{unit.name}人民政府办公室关于印发\n{title}的通知\n"
              f"各县区人民政府，{'省' if unit.level == 'province' else '市'}政府各部门：\n"
              f"《{title}》已经政府同意，现印发给你们，请认真抓好贯彻落实。\n{unit.name}人民政府办公室\n2022年4月20日\n")
    # the notice alone, its title only quoted in a sentence: the file name is the title
    untitled = (f"{unit.short[:1]}政办发〔2022〕91号\n各县、区人民政府，政府各部门：\n《{title}》已经政府常务会议审议通过，"
                f"现印发给你们，请结合实际，认真组织实施。\n{unit.name}人民政府办公室\n2022年5月26日\n")
    # a three-year plan, its title broken over two lines: about its period, dated by its last year
    action = f"{unit.name}温室气体减排和大气污染治理协同控制三年行动计划（2021-2023年）"
    action_text = (f"{unit.name}温室气体减排和大气污染治理协同控制\n三年行动计划(2021-2023年)\n"
                   "为深入贯彻落实习近平生态文明思想，结合实际，制定本行动计划。\n一、总体要求\n"
                   "到2023年，细颗粒物平均浓度下降到32微克/立方米。\n")
    body = _plan_body(unit)
    return [GeneratedDoc(f"{title}.txt", (title + "\n" + body).encode("utf-8"), unit.code, 2025, unit.kind, "plan_title"),
            GeneratedDoc(f"{title}.txt", (notice + title + "\n" + body).encode("utf-8"), unit.code, 2025, unit.kind, "plan_notice"),
            GeneratedDoc(f"{title}.txt", (untitled + body).encode("utf-8"), unit.code, 2025, unit.kind, "plan_untitled"),
            GeneratedDoc(f"{action}.txt", action_text.encode("utf-8"), unit.code, 2023, unit.kind, "plan_three_year")]


def fresh_city_reports(unit: Unit, neighbours: list[Unit], capital: Unit | None) -> list[GeneratedDoc]:
    """Shapes written after the rules were frozen (2026-11-29 16:00), scored once at first sight: other wordings of
    the opening and of the bare name, neighbours of the same province marked with 市, other file names."""
    gov = unit.government
    near = "、".join(n.name for n in neighbours[:2])
    own = (f"2023年，{unit.short}经济运行稳中有进，奋力谱写{unit.short}高质量发展新篇章，{unit.short}经济开发区扩区调位获批，"
           f"全体{unit.short}人民共同见证了{unit.short}发展史上的重要时刻。")
    links = (f"对接{capital.short}、服务{capital.name}，" if capital and capital.code != unit.code else "") +             (f"与{near}签订区域合作协议，" if near else "")
    body = (own + links + "全市生态环境质量持续改善，空气质量优良天数比例88.6%。\n"
            "2024年主要目标任务\n地区生产总值增长6.5%左右，单位地区生产总值能耗下降完成省下达任务。\n")
    opening = f"各位代表：\n我代表{gov}，向大会作政府工作报告，请予审议。\n" if not gov.endswith("行政公署") \
        else "各位主任、委员：\n受盟行政公署委托，下面作工作报告。\n"
    return [GeneratedDoc(f"{unit.short}.txt", (opening + body).encode("utf-8"), unit.code, 2024, unit.kind, "fresh_opening"),
            GeneratedDoc(f"{unit.name}2024年政府工作报告.txt", body.encode("utf-8"), unit.code, 2024, unit.kind,
                         "fresh_full_file_name"),
            GeneratedDoc(f"{unit.code}.txt", (opening + body).encode("utf-8"), unit.code, 2024, unit.kind, "fresh_code_name")]


def generate(path: Path = REGIONS_CSV, fresh: bool = False) -> list[GeneratedDoc]:
    every = units(path)
    cities = [u for u in every if u.level == "city"]
    s2t = OpenCC("s2t")
    docs: list[GeneratedDoc] = []
    for unit in every:
        if unit.code in NO_CONGRESS:
            docs += plans(unit)
            continue
        partner = _partner_of(unit, cities)
        if unit.level == "city" or unit.kind == "municipality":
            capital = next((c for c in cities if c.province_code == unit.province_code), None)  # the first city listed
            docs += city_reports(unit, partner, capital, s2t)
            if fresh:
                neighbours = [c for c in cities if c.province_code == unit.province_code and c.code != unit.code][1:3]
                docs += fresh_city_reports(unit, neighbours, capital)
        if unit.level == "province":
            own = [c for c in cities if c.province_code == unit.code]
            docs += province_reports(unit, own, partner, s2t)
        docs += plans(unit)
    return docs


def metadata_of(doc: GeneratedDoc):
    """The loader's metadata of one generated file, read as the pipeline reads it (loaders/pipeline.py)."""
    from loaders import metadata, pipeline

    read = pipeline.read_any(doc.data, doc.file_name)
    meta = metadata.extract_metadata(read.text, read.header, source_file=doc.file_name)
    return metadata.apply_properties(meta, read.properties)


def _verdict(found, expected) -> str:
    return "null" if found is None else "right" if found == expected else "wrong"


def count(docs: list[GeneratedDoc]) -> tuple[dict, list[str]]:
    """{(group, value): Counter of region_right/wrong/null, year_right/...} by unit kind and by shape; failures."""
    table: dict[tuple[str, str], Counter] = defaultdict(Counter)
    failures = []
    for doc in docs:
        meta = metadata_of(doc)
        region, year = _verdict(meta.region_code, doc.region_code), _verdict(meta.year, doc.year)
        for key in (("kind", doc.unit_kind), ("shape", doc.shape), ("all", "all")):
            table[key][f"region_{region}"] += 1
            table[key][f"year_{year}"] += 1
        if region != "right" or year != "right":
            failures.append(f"{doc.unit_kind}\t{doc.shape}\t{doc.file_name}\texpected {doc.region_code} {doc.year}"
                            f"\tgot {meta.region_code} {meta.region_name} {meta.year}")
    return table, failures


def main(argv: list[str]) -> None:
    docs = generate(fresh="--fresh" in argv)
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
        for doc in docs:
            target = out / doc.shape / doc.file_name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(doc.data)
    table, failures = count(docs)
    print(f"{'group':<32}{'n':>6}{'region ok':>11}{'wrong':>7}{'null':>6}{'year ok':>9}{'wrong':>7}{'null':>6}")
    for (group, value), c in sorted(table.items()):
        n = c["region_right"] + c["region_wrong"] + c["region_null"]
        print(f"{group + ' ' + value:<32}{n:>6}{c['region_right']:>11}{c['region_wrong']:>7}{c['region_null']:>6}"
              f"{c['year_right']:>9}{c['year_wrong']:>7}{c['year_null']:>6}")
    if "-v" in argv:
        print("\n".join(failures))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Domain classification (loaders.domains) on small inline strings, and the consistency of its seeds."""

from __future__ import annotations

import csv

import pytest

from loaders import domains, reference
from loaders.items import split_items
from loaders.records import Measure

SEEDS = reference.SEEDS


def _codes(name: str, column: str) -> set[str]:
    with open(SEEDS / name, encoding="utf-8") as fh:
        return {row[column] for row in csv.DictReader(fh)}


def test_seed_domains_cover_keywords_and_indicators():
    codes = _codes("domains.csv", "domain_code")
    # every domain has vocabulary, none unknown: the classifier's, or for the domains of figures that are
    # not environmental (economy, fiscal, society) the relevance keywords of loaders/semantics.py
    with open(SEEDS.parent / "relevance_keywords.csv", encoding="utf-8") as fh:
        relevance = {row["domain_code"] for row in csv.DictReader(line for line in fh if not line.startswith("#"))}
    assert _codes("domain_keywords.csv", "domain_code") | relevance == codes
    assert _codes("indicators.csv", "domain") <= codes


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("全市PM2.5平均浓度下降,臭氧污染得到遏制", "air"),
        ("推进挥发性有机物(vocs)综合治理", "air"),
        ("地表水国考断面水质优良比例提升,消除黑臭水体", "water"),
        ("加强建设用地土壤污染风险管控和地下水防治", "soil"),
        ("推进无废城市建设,规范危险废物处置", "solid_waste"),
        ("开展生物多样性调查,加强自然保护地监管", "ecology"),
        ("推动碳达峰行动,控制碳排放", "climate"),
        ("主要污染物重点工程减排量完成目标", "emissions"),
        ("建设美丽海湾,改善近岸海域水质", "marine"),
        ("持续改善农村人居环境,推进畜禽养殖污染治理", "rural"),
        ("加强核与辐射安全监管,管理放射源", "radiation"),
        ("开展噪声污染防治行动", "noise"),
        ("修订突发环境事件应急预案,防范环境风险", "env_risk"),
        ("深化生态环境保护督察,强化执法", "governance"),
        ("推行清洁生产,创建绿色工厂", "green_development"),
        ("深入推进党风廉政建设和全面从严治党", "party_building"),
    ],
)
def test_classify_domain_by_vocabulary(text, domain):
    assert domains.classify_domain(text) == domain


def test_no_keyword_gives_none():
    assert domains.classify_domain("召开会议,研究部署年度工作") is None
    assert domains.classify_domain("") is None


def test_headings_outweigh_body_words():
    body = "完成污水管网建设,推进断面达标,开展监测执法。"  # mostly water words
    assert domains.classify_domain(body) == "water"
    assert domains.classify_domain(body, ["深入打好蓝天保卫战"]) == "air"


def test_own_heading_outweighs_parent_heading():
    assert domains.classify_domain("", ["加强近岸海域综合治理", "深入打好碧水保卫战"]) == "marine"
    assert domains.classify_domain("", ["推进有关工作", "深入打好碧水保卫战"]) == "water"


def test_longest_keyword_speaks_for_its_parts():
    # "生态保护红线" is ecology as a whole, though it contains no other domain's word by accident
    assert domains.score_text("生态保护红线") == {"ecology": 3.0}
    assert domains.score_text("生态保护") == {"ecology": 2.0}


def test_heading_keyword_buried_across_words_does_not_count():
    heading = "支持企业在上海上市"  # "海上" straddles 上海|上市
    assert "marine" in domains.score_text(heading)
    assert domains.score_headings([heading]) == {}


def test_classify_items_inherits_ancestor_headings_and_matches_classify_domain():
    text = "一、深入打好蓝天保卫战\n1.推进有关工作。完成治理项目。\n2.加强近岸海域综合治理。\n二、其他\n3.召开会议。\n"
    items = split_items(text)
    got = dict(zip([it.item_path for it in items], domains.classify_items(text, items), strict=True))
    assert got == {"一": "air", "一/1": "air", "一/2": "marine", "二": None, "二/3": None}
    chains = domains.heading_chain(items)
    for it, chain in zip(items, chains, strict=True):
        assert got[it.item_path] == domains.classify_domain(text[it.char_start : it.char_end], chain)


def _measure(text: str, value_text: str, subject: str, item_path: str = "1") -> Measure:
    start = text.index(value_text)
    return Measure(
        kind="target", subject_zh=subject, comparator="eq", value=1.0, unit="t", value_text=value_text,
        char_start=start, char_end=start + len(value_text), sentence_start=0, sentence_end=len(text),
        item_path=item_path, year=2023,
    )


def test_measure_domain_follows_the_head_of_its_phrase():
    text = "重点工程氮氧化物、挥发性有机物、化学需氧量、氨氮累计减排量5207吨、4856吨。"
    measure = _measure(text, "5207吨", "氨氮累计减排量")
    assert domains.classify_measure(text, measure, None) == "emissions"


def test_measure_domain_prefers_its_own_clause_over_the_sentence():
    text = "全市PM2.5浓度33微克/立方米,地表水国考断面水质优良比例为92.9%。"
    assert domains.classify_measure(text, _measure(text, "92.9%", "水质优良比例"), "air") == "water"
    assert domains.classify_measure(text, _measure(text, "33微克/立方米", "PM2.5浓度"), "water") == "air"


def test_measure_without_vocabulary_falls_back_to_its_item():
    text = "组织5个试点单位开展工作。"
    assert domains.classify_measure(text, _measure(text, "5个", "试点单位"), "climate") == "climate"
    assert domains.classify_measure(text, _measure(text, "5个", "试点单位"), None) is None


@pytest.mark.parametrize(
    ("text", "domain"),
    [
        ("全面推行林长制,完成林草生态修复5万亩。", "ecology"),
        ("开展废弃矿山修复治理12处。", "ecology"),
        ("推进农村生活污水治理,治理率达到45%。", "rural"),
        ("加强施工工地扬尘管控,落实六个百分百。", "air"),
        ("排查整治尾矿库风险隐患。", "env_risk"),
        ("单位GDP能耗强度下降3%,完成节能降耗任务。", "green_development"),
        ("清理海洋垃圾,整治自然岸线。", "marine"),
    ],
)
def test_vocabulary_seen_on_pages_of_other_regions(text, domain):
    assert domains.classify_domain(text) == domain

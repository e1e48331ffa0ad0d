"""Grammar of the work reports' audit round 6 (tests/gold/corpus/audits/README.md, "Work reports, round 6"): classes
found on S6 and the tuning draw of S7 city, each grepped in reports of several provinces: a count whose noun follows
it, a list sharing its good-water metric, a capacity of several sources or developed, a scope read as a length, and
farm or event figures flagged environmental. Every sentence is invented for the test."""

from __future__ import annotations

import pytest
from extraction_helper import CITY_REPORT, extract
from relevance_helper import flag


def subjects(text):
    return {m.value_text: m.subject_zh for m in extract(text, CITY_REPORT)}


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        # the count opens its clause after a bare verb and a size class: the things counted follow it
        ("持续推动老旧车辆淘汰,完成20台10蒸吨/小时以下燃煤锅炉淘汰,深化扬尘治理。", "20台",
         "10蒸吨/小时以下燃煤锅炉淘汰"),
        # after 和, the words before the number named the previous one
        ("完成300处广告牌整治、40处“拆违透绿”和120公里绿化带提升,改造出入口80处。", "120公里", "绿化带提升"),
        # verbs of things built, opened or run put the noun after the count
        ("新开放共享25处城市公园绿地。", "25处", "城市公园绿地"),
        ("新改建40个口袋公园。", "40个", "口袋公园"),
        ("新投运3座垃圾焚烧发电厂。", "3座", "垃圾焚烧发电厂"),
    ],
)
def test_a_count_whose_noun_follows_it_takes_that_noun(text, value_text, subject):
    assert subjects(text)[value_text] == subject


def test_a_count_whose_noun_comes_first_keeps_it():
    got = subjects("建成口袋公园15个,整治入河排污口120个、农村黑臭水体30条。")
    assert got == {"15个": "口袋公园", "120个": "整治入河排污口", "30条": "农村黑臭水体"}


def test_a_list_shares_its_good_water_metric():
    got = subjects("国控河流、近岸海域优良水体比例分别高于省定目标12.5个和8.2个百分点。")
    assert got["8.2个百分点"] == "近岸海域优良水体比例高于省定目标"
    assert got[next(k for k in got if k.startswith("12.5"))] == "国控河流优良水体比例高于省定目标"


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        # projects of several sources listed: the capacity is the collective source's the sentence names
        ("加速发展新能源产业,推进某地300万千瓦光伏、某地50万千瓦风电等项目建设,新增装机900万千瓦。", "900万千瓦",
         "新能源装机"),
        # one source named: that source's (as before)
        ("推进某地风电项目建设,新增装机80万千瓦。", "80万千瓦", "风电装机"),
        # the capacity developed is a capacity head too
        ("创新新能源发展模式,新增开发装机超过500万千瓦。", "500万千瓦", "新能源开发装机"),
    ],
)
def test_a_capacity_named_by_its_head_takes_its_source(text, value_text, subject):
    assert subjects(text)[value_text] == subject


def test_a_distance_bounding_a_zone_is_no_length():
    got = subjects("实施长江沿线1公里化工腾退地块土壤污染治理,清理河道两岸500米范围内垃圾,治理修复岸线36公里。")
    assert list(got) == ["36公里"]


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        ("落实粮食安全责任制,主要农作物测土配方施肥技术覆盖率92%、综合机械化率80%。", "92%", False),
        ("新建高标准农田10万亩,争取抗旱用水指标8000万立方米。", "8000万立方米", False),
        ("开展某江流域生态环境保护研讨会等活动15场次。", "15场", False),
        ("新增国家级绿色工厂4家、国家两化融合贯标企业30家。", "30家", False),
        ("新增国家级绿色工厂4家、国家两化融合贯标企业30家。", "4家", True),  # the green factories stay
        ("深入开展节水行动,万元地区生产总值用水量下降5%。", "5%", True),  # water use itself stays
        ("推进林长制改革,枯(病)死松树数量同比下降20%,松材线虫病疫情得到遏制。", "20%", True),  # forest health
        ("完成耕地严格管控2万亩。", "2万亩", True),  # a soil class written as the work done
    ],
)
def test_farm_and_event_figures_beside_the_environment_are_not_its_but_forest_health_is(sentence, number, expected):
    assert flag(sentence, number) is expected


def test_soil_testing_fertilisation_stays_environmental_in_an_environmental_plan():
    assert flag("全面推广测土配方施肥,确保测土配方施肥技术覆盖率达95%以上。", "95%以上", environmental_document=True)


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        ("(7)新(改)建农村户用卫生厕所1.5万户;", "1.5万户", "新(改)建农村户用卫生厕所"),  # an item's number
        ("新增和改造提升绿化面积120万平方米。", "120万平方米", "改造提升绿化面积"),  # no 和 left opening it
        ("年内新增及修复红树林150公顷。", "150公顷", "修复红树林"),
    ],
)
def test_a_subject_opens_on_neither_an_items_number_nor_a_conjunction(text, value_text, subject):
    assert subjects(text)[value_text] == subject


def test_a_list_item_named_by_its_level_alone_counts_the_previous_items_things():
    got = subjects("现有国家级农业产业化重点龙头企业4家、省级60家、市级200家,创成国家级绿色工厂8家、自治区级15家。")
    assert got["60家"] == "省级农业产业化重点龙头企业" and got["200家"] == "市级农业产业化重点龙头企业"
    assert got["15家"] == "自治区级绿色工厂"
    assert subjects("新增国家级绿色工厂3家、省级绿色工厂5家。")["5家"] == "省级绿色工厂"  # its own words stay


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        # a capacity inside the noun after the count (200吨的) is the capacity of the things counted: the count counts
        # the plant after 的 (recall22, R25: the capacity is a figure of its own, test_recall_audit_grammar_r27.py)
        ("在产业园区内新建1座日处理能力为200吨的污泥处置厂。", "1座", "污泥处置厂"),
        # a list of counts whose nouns follow them: each noun ends at the 、 before the next item
        ("力争打造1个工业资源综合利用基地、培育至少4个固废利用企业。", "1个", "工业资源综合利用基地"),
        ("力争打造1个工业资源综合利用基地、培育至少4个固废利用企业。", "4个", "固废利用企业"),
        ("加快建设8个精品示范村、新建中心村60个。", "8个", "精品示范村"),
        # the next item may be of another unit: its words follow the 、 (not a rate of the sites counted, below)
        ("完成2座城市污水处理厂提标改造、新增污水处理能力5万吨/天。", "2座", "城市污水处理厂提标改造"),
        ("完成2座城市污水处理厂提标改造、新增污水处理能力5万吨/天。", "5万吨/天", "污水处理能力"),
    ],
)
def test_the_noun_after_a_count_ends_where_the_next_item_begins(text, value_text, subject):
    assert subjects(text)[value_text] == subject


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        ("建成和美乡村示范片区7个。", "7个", "和美乡村示范片区"),  # 和美 is a word, no conjunction
        # a count followed by a rate of the sites it counts: the list of networks stays whole
        ("20个国考、省考断面水质优良比例达85%。", "85%", "国考、省考断面水质优良比例"),
        # a list of names closed by 等, a 、 inside brackets: no item begins there
        ("18所高中开办科技、体育等特色班33个。", "33个", "高中开办科技、体育等特色班"),
        ("1个生态文明州、21个生态文明县(市、区)和600个生态文明乡镇。", "21个", "生态文明县(市、区)"),
    ],
)
def test_where_no_next_item_begins_the_words_stay_whole(text, value_text, subject):
    assert subjects(text)[value_text] == subject


def test_a_list_item_of_a_level_and_the_previous_items_head_names_the_same_things():
    got = subjects("建成生活垃圾分类示范街道20个、省级示范街道2个,建成口袋公园12个、省级公园3个。")
    assert got["2个"] == "省级生活垃圾分类示范街道"
    assert got["3个"] == "省级公园"  # a short head may be other things


def test_an_item_naming_its_own_land_work_takes_no_verb_of_the_item_before():
    got = subjects("修复退化林3000亩、森林抚育6000亩,治理河道12公里、水土流失25平方公里。")
    assert got["6000亩"] == "森林抚育" and got["25平方公里"] == "治理水土流失"


def test_the_kinds_of_pollutants_counted_are_no_measure():
    got = subjects("全年减排3项污染物0.8万吨,5项污染物首次全面达到国家二级标准。")
    assert "3项" not in got and "5项" not in got and "0.8万吨" in got


@pytest.mark.parametrize(
    ("text", "value_text", "subject"),
    [
        ("某能源集团80兆瓦光伏等项目并网发电。", "80兆瓦", "光伏"),
        ("开工建设某县30万千瓦风电场、某地抽水蓄能等项目。", "30万千瓦", "风电场"),
        ("全面开工建设某特高压通道400万千瓦新能源基地。", "400万千瓦", "新能源基地"),
        ("统筹形成8万吨标煤以上能耗指标供给。", "8万吨标煤以上", "能耗指标供给"),
        # a metric before the number keeps it; a bound after it names no project
        ("新增可再生能源装机300万千瓦以上。", "300万千瓦以上", "可再生能源装机"),
        ("煤炭消费总量控制在900万吨以内。", "900万吨以内", "煤炭消费总量"),
    ],
)
def test_the_size_of_a_project_is_of_the_project_named_after_it(text, value_text, subject):
    assert subjects(text)[value_text] == subject

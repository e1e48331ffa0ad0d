"""Grammar of the recall sample R5 (tests/gold/corpus/audits/recall/R5_*.csv), classes found in documents of
several provinces: water-conservancy works (the gold's convention, tests/gold/corpus/README.md: rivers, lakes and
ponds governed, restored, dredged or connected are the water environment's; flood control, dikes, reservoirs built,
irrigation districts and water transfer are not), a plant's yearly output whose noun names nothing
(年产…, its purpose in the sentence), a count of monitoring sites named past a 、, a list of figures sharing its last
item's action, drinking sources meeting their standard in words without 水质, and a past plan's
goal a review says was missed.
Every sentence is invented for the test."""

from __future__ import annotations

import pytest
from relevance_helper import flag

from loaders.pipeline import process_document


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # rivers, lakes and ponds governed, dredged or connected: the water environment
        ("完成农村水系治理80公里、水土流失治理20平方公里。", "80公里", True),
        ("开工7条中小河流治理项目。", "7条", True),
        ("完成中小河流治理120公里。", "120公里", True),
        ("整治河塘沟渠4200处。", "4200处", True),
        ("完成山塘清淤整治2100口。", "2100口", True),
        ("建成水系连通工程5处。", "5处", True),
        ("创建美丽河湖9条。", "9条", True),
        # flood control, dikes, reservoirs, irrigation and water transfer: water security, not the environment
        ("实施中小河流防洪治理60公里。", "60公里", False),
        ("加固中小河流堤防42公里。", "42公里", False),
        ("完成13座病险水库除险加固任务。", "13座", False),
        ("推进6座中型水库建设。", "6座", False),
        ("推进4个大中型灌区现代化改造。", "4个", False),
        ("建成引调水工程3处。", "3处", False),
        # a named river, lake or canal governed is the water environment's; water-conservancy projects are not
        ("实施甲河、乙湖等综合治理工程120多个。", "120多个", True),
        ("某某西河40个重点治理项目加快推进。", "40个", True),
        ("甲河、乙河治理等30项重点水利项目完成投资20亿元。", "30项", False),
        ("完成水利投资15亿元。", "15亿元", False),
        ("新开工长江某段航道整治工程2个。", "2个", False),
        # a reservoir's water is the water environment's: its quality decides
        ("某某水库水质稳定在Ⅱ类的比例为100%。", "100%", True),
    ],
)
def test_water_conservancy_works_follow_the_gold_convention(sentence, number, expected):
    assert flag(sentence, number) is expected


def test_in_a_plan_reservoirs_built_are_water_security_and_a_reservoirs_water_the_environment():
    assert flag("加快2座中型水库建设。", "2座", environmental_document=True) is False
    assert flag("全市水库蓄水能力2.1亿立方米。", "2.1亿立方米", environmental_document=True) is False
    assert flag("实施中小河流防洪治理60公里。", "60公里", environmental_document=True) is False
    # a reservoir is often a drinking source: its water and its monitoring are the environment's
    assert flag("消除劣Ⅴ类水质水库12座。", "12座", environmental_document=True) is True
    assert flag("新增某某水库3条入库河流水质自动站。", "3条", environmental_document=True) is True
    assert flag("完成河道清淤30公里。", "30公里", environmental_document=True) is True


def test_a_plants_yearly_output_naming_no_product_takes_the_purpose_its_sentence_names():
    # the noun after 年产 names nothing: waste taken up or pollution cut in the sentence decides, in a report too
    assert flag("建成年产20万吨石膏粉生产线,提升全市工业固废综合利用能力。", "20万吨", environmental_document=True) is True
    assert flag("抓好某某固废年产80万吨建材加工项目建设。", "80万吨") is True
    assert flag("实施某厂超低排放改造项目和某公司年产60万吨球团生产线。", "60万吨") is True
    # else the measure word keeps the plant the economy's, in a plan too (energy production is no purpose)
    assert flag("加快天然气勘探开发,天然气年产能达到20亿立方米。", "20亿立方米", environmental_document=True) is False
    assert flag("推动某某年产30万吨新材料项目建成投产。", "30万吨") is False
    assert flag("建成年产30万吨锂电池项目。", "30万吨", environmental_document=True) is False


def test_a_count_opening_a_clause_counts_the_monitoring_sites_the_words_after_it_name():
    # the 、 inside the noun phrase ends the counted noun early; the words up to the next figure name the sites
    assert flag("16个国控和省控河流、湖库断面水质达标率100%。", "16个") is True
    assert flag("7个国、省考断面全部为优良水体。", "7个") is True
    # a list's next item, with a figure of its own, names its own things; a count after its noun counts that noun
    assert flag("推进200个重点项目、150个项目环评审查。", "200个") is False
    assert flag("创建省级康养基地3个、森林人家2个。", "3个") is False


def test_a_list_of_figures_shares_the_action_its_last_item_ends_on():
    sentence = "完成1500万千瓦煤电机组、900万吨钢铁产能、210台燃煤锅炉超低排放改造。"
    assert flag(sentence, "1500万千瓦") is True and flag(sentence, "900万吨") is True
    assert flag("80万平方米城市建筑、3.2万户农村家庭完成清洁取暖改造。", "80万平方米") is True
    # an item with an action of its own keeps it; a list whose last item names no action shares nothing
    assert flag("完成3200处“多杆合一”整治、200公里绿化带治理。", "3200处") is False
    assert flag("新建50个停车场、30个污水处理厂。", "50个") is False


def test_the_length_of_rivers_governed_is_the_water_environments():
    assert flag("治理河长86.5公里、水土流失40平方公里。", "86.5公里") is True


def test_trees_planted_by_their_kind_are_greening():
    # R6 (round 2 of recall9): 栽植乔木 / 栽种树木 name the trees 植树 names
    assert flag("栽植乔木45万株,建成口袋公园30个。", "45万株") is True
    assert flag("城区栽种树木12万株。", "12万株") is True


def test_grassland_vegetation_cover_written_with_grassland_land():
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    assert assign_indicator("草地综合植被覆盖率", "percent", synonyms) == "grassland_vegetation_cover"
    assert assign_indicator("草原综合植被盖度", "percent", synonyms) == "grassland_vegetation_cover"


def test_a_green_technical_retrofit_and_urban_rural_sanitation_are_environmental():
    # R7 (round 3 of recall9)
    assert flag("实施重点领域企业节能降碳行动,加快推进绿色化技改项目12个。", "12个") is True
    assert flag("城乡环卫一体化覆盖率提高到55%。", "55%") is True


PLAN_TEXT = """某市“十六五”生态环境保护规划
第一章 发展基础与形势
2030年,全市PM2.5平均浓度41μg/m3,相比2025年上升6%,未完成“十五五”PM2.5浓度相比2025年下降12%的改善目标。
2030年,森林覆盖率实际完成情况为21.5%,未完成2030年23%的规划指标。
第二章 主要任务
到2035年,实现县级集中式饮用水源地全面稳定达标。城市集中式饮用水水源尚未全部达标的,制定达标方案。
"""


def _measures():
    return process_document(PLAN_TEXT.encode("utf-8"), "plan.txt").measures


def test_a_goal_the_review_says_was_missed_is_a_target():
    got = {m["value_text"]: (m["kind"], m["year"]) for m in _measures()}
    assert got["12%"] == ("target", 2030)
    assert got["23%"] == ("target", 2030)
    assert got["21.5%"][0] == "outcome"  # what was reached stays an outcome
    assert got["41μg/m3"][0] == "outcome"


def test_drinking_sources_meeting_their_standard_without_water_quality_is_a_figure_in_words():
    words = [m for m in _measures() if m["value"] is None and "达标" in m["value_text"]]
    assert [(m["value_text"], m["kind"], m["unit"]) for m in words] == [("全面稳定达标", "target", "percent")]
    assert "饮用水源地" in words[0]["subject_zh"]

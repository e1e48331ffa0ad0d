"""Document kinds, the region and year of a speech, measure ids, environmental relevance and sub-areas,
each on short paraphrased sentences (not lines of the corpus)."""

from __future__ import annotations

import re

import pytest
from conftest import rows, run_load

from loaders import metadata, pipeline, semantics
from loaders.records import Measure
from loaders.regions import RegionIndex


@pytest.fixture(scope="module")
def regions() -> RegionIndex:
    return RegionIndex.load()


# --- doc_kind --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("2025年某市人民政府工作报告", "work_report"),
        ("某省“十四五”生态环境保护规划", "five_year_plan"),
        ("某市生态环境保护规划(2021—2025年)", "five_year_plan"),
        ("某市国土空间总体规划", "other"),  # a 规划 of no five-year period
        ("2024年全省大气污染防治工作要点", "annual_plan"),
        ("关于印发《某县农村环境整治实施方案》的通知", "annual_plan"),
        ("某市2023年生态环境保护目标完成情况", "progress_report"),
        ("2022年某区生态环境工作总结", "progress_report"),
        ("“十四五”规划实施进展情况", "progress_report"),  # a report on a plan is not the plan
        ("2023年某省生态环境状况公报", "bulletin"),
        ("关于第二轮环保督察反馈问题整改落实情况的报告", "rectification_report"),
        ("关于召开座谈会的说明", "other"),
    ],
)
def test_doc_kind_from_the_title(title, kind):
    assert metadata.find_doc_kind(title, "正文。") == kind


def test_a_plan_title_cut_by_a_page_break_keeps_its_period_in_the_first_lines():
    text = "某市人民政府\n关于印发《某市“十四五”生态环境\n保护规划》的通知\n各区县人民政府:\n"
    assert metadata.find_doc_kind("保护规划》的通知", text) == "five_year_plan"
    assert metadata.find_doc_kind("保护规划》的通知", "某市人民政府\n关于印发《某市国土空间\n总体规划》的通知") == "other"


@pytest.mark.parametrize(
    ("title", "end"),
    [("某省“十四五”生态环境保护规划", 2025), ("某市“十五五”规划纲要", 2030), ("某市环境规划(2016-2020年)", 2020),
     ("某市国民经济和社会发展第十三个五年规划", 0), ("某市国土空间规划", None)],
)
def test_plan_period_end(title, end):
    assert metadata.plan_period_end(title) == end


def test_a_five_year_plan_is_dated_by_its_last_year():
    text = "某省“十四五”生态环境保护规划\n2020年,全省PM2.5浓度为30微克/立方米。到2035年,生态环境根本好转。\n"
    assert metadata.extract_metadata(text).year == 2025


def test_a_speech_to_a_congress_is_a_work_report_whatever_its_first_line():
    text = "各位代表:\n我代表市人民政府,向大会报告工作,请予审议。\n一、过去一年的工作\n"
    assert metadata.find_doc_kind("扎实完成2023年各项目标任务", text) == "work_report"
    assert metadata.find_doc_kind(None, "一、回顾\n……\n九、全面加强政府自身建设\n") == "work_report"


# --- year of a work report ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "year"),
    [
        ("2027年政府工作报告", "各位代表:……", 2027),
        (None, "——2025年2月3日在某某省第十四届人民代表大会第三次会议上\n各位代表:", 2025),
        (None, "——二〇二五年一月九日在某市第十七届人民代表大会第五次会议上\n各位代表:", 2025),
        ("2022年工作回顾", "2022年工作回顾\n过去一年……", 2023),  # a review heading taken for the title
        (None, "各位代表:现在我代表市人民政府向大会报告工作。2021年是极不平凡的一年……", 2022),
    ],
)
def test_a_work_report_is_about_the_year_of_its_congress(title, text, year):
    assert metadata.work_report_year(title, text) == year


# --- region of a speech ------------------------------------------------------------------------------


def test_region_from_the_congress_line(regions):
    text = ("——2025年1月20日在浙江省第十四届人民代表大会第三次会议上\n各位代表:\n"
            "现在,我代表省人民政府向大会报告工作。全国经济回升,党中央部署,全国统一大市场。\n")
    assert metadata.find_place(None, None, text, regions).region_code == "330000"


def test_region_from_the_government_a_speech_is_given_for(regions):
    text = "各位代表:\n现在,我代表恩施土家族苗族自治州人民政府,向大会报告工作。\n全国、党中央、国务院、全国。\n"
    assert metadata.find_place(None, None, text, regions).region_code == "422800"


def test_a_city_speech_naming_its_city_once_among_national_cues(regions):
    """我代表市人民政府: the speaker is a city, so 全国/党中央 cues do not make the text national."""
    text = ("各位代表:\n我代表市人民政府向大会报告工作。\n全国、党中央、国务院、全国、党中央、国务院。\n"
            "合肥市经济增长,合肥市新增就业。安徽省部署。\n")
    assert metadata.find_place(None, None, text, regions).region_code == "340100"


@pytest.mark.parametrize(
    ("source_file", "text", "code"),
    [
        ("reports/甘孜.txt", "各位代表:\n我代表州人民政府报告工作。全州上下……甘孜州经济……四川省、四川省、四川省部署。", "513300"),
        ("锡林郭勒.txt", "下面,我代表行署作工作报告。全盟……锡林郭勒盟牧区……内蒙古自治区、内蒙古、内蒙古。", "152500"),
        ("黔东南.txt", "各位代表:全州……黔东南州……贵州省、贵州省、贵州省。", "522600"),
        ("阿坝.txt", "全州……阿坝州牧区……四川省、四川省、四川省。", "513200"),
    ],
)
def test_a_file_named_by_a_short_name_resolves_when_the_text_names_the_region(regions, source_file, text, code):
    assert metadata.find_place(None, None, text, regions, source_file).region_code == code


def test_a_file_name_alone_proves_nothing(regions):
    text = "各位代表:全州……四川省、四川省、四川省部署。"
    assert metadata.find_place(None, None, text, regions, "凉山.txt").region_code == "510000"


def test_a_speech_for_the_state_council_is_national(regions):
    text = "各位代表:\n现在,我代表国务院,向大会报告政府工作。\n江苏省、浙江省、江苏省。\n"
    assert metadata.find_place(None, None, text, regions).region_code is None


# --- measure ids -------------------------------------------------------------------------------------


def _measure(start: int, subject: str = "x") -> Measure:
    return Measure("target", subject, "eq", 100.0, "percent", "100%", start, start + 4, 0, 10, "", None)


def test_measure_ids_are_unique_and_keep_the_offset():
    ids = pipeline.measure_ids("doc", [_measure(5, "甲"), _measure(5, "乙"), _measure(9), _measure(5, "丙")])
    assert ids == ["doc:5", "doc:5:2", "doc:9", "doc:5:3"]


def test_two_subjects_sharing_one_value_load_as_two_measures(make_folder, raw_dir):
    text = ("某市2024年生态环境工作要点\n一、水环境\n(一)城市和县城生活污水处理率均为100%。\n"
            "(二)农村和城郊垃圾收运覆盖率均为95%。\n")
    run_load(make_folder({"plan.txt": text}), raw_dir)
    measures = rows(raw_dir, "raw_measures")
    ids = [m["measure_id"] for m in measures]
    assert len(ids) == len(set(ids))
    assert len({m["char_start"] for m in measures}) < len(measures)  # two subjects read at one offset


def test_rows_the_build_would_reject_are_dropped_with_a_warning():
    result = pipeline.DocumentResult("a.txt", content_sha256="x")
    good = {"measure_id": "d:1", "kind": "target", "unit": "percent", "comparator": "eq"}
    result.measures = [good, dict(good), {**good, "measure_id": "d:2", "unit": "furlongs"}]
    result.items = [{"item_id": "d:一"}, {"item_id": "d:一"}]
    pipeline._drop_rows_the_build_would_reject(result)
    assert result.measures == [good] and result.items == [{"item_id": "d:一"}]
    (err,) = result.errors
    assert err["severity"] == "warning" and err["reason"] == "rejected_rows" and "furlongs" in err["message"]


# --- environmental relevance -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "clause", "sentence", "env_doc", "expected"),
    [
        ("全市地区生产总值", "全市地区生产总值增长", "全市地区生产总值增长6%。", False, (False, "economy")),
        ("单位地区生产总值能耗", "单位地区生产总值能耗下降", "单位地区生产总值能耗下降3%。", False, (True, "climate")),
        ("一般公共预算收入", "一般公共预算收入", "一般公共预算收入增长4%。", True, (False, "fiscal")),
        ("城镇新增就业", "城镇新增就业", "城镇新增就业3万人。", False, (False, "society")),
        ("接待游客", "接待游客", "全年接待游客2000万人次。", False, (False, "economy")),
        ("细颗粒物平均浓度", "细颗粒物平均浓度降至", "细颗粒物平均浓度降至28微克/立方米。", False, (True, "air")),
        # a weak word (投资) decides only in a sentence naming nothing environmental
        ("总投资", "总投资", "总投资8亿元实施污水处理厂提标。", True, (True, None)),
        ("总投资", "污水处理厂提标总投资", "污水处理厂提标总投资8亿元。", False, (True, "water")),
        # in a work report another clause of the sentence does not decide
        ("院士工作站", "院士工作站", "新建湿地公园3个,院士工作站18家。", False, (False, "economy")),
        ("完成投资", "完成投资", "全年完成交通项目投资30亿元。", False, (False, "economy")),
        # an environmental document: figures without words of their own are environmental
        ("整治企业", "整治企业", "完成整治企业120家。", True, (True, None)),
        ("整治企业", "整治企业", "完成整治企业120家。", False, (False, "economy")),
    ],
)
def test_relevance(subject, clause, sentence, env_doc, expected):
    number_at = [m.start() for m in re.finditer(r"\d+(?:\.\d+)?", sentence)][-1]  # the last number
    assert semantics.relevance(subject, clause, sentence, number_at, env_doc) == expected


@pytest.mark.parametrize(
    ("subject", "sentence", "number", "env_doc", "expected"),
    [
        # numeral, classifier, noun: the noun after the number is what it counts
        ("新投运", "新投运3座乡镇垃圾焚烧发电厂。", "3座", False, True),
        ("新开工", "新开工12个工业技改项目。", "12个", False, False),
        # after 的 the number describes the noun phrase to the clause's end (a list of names inside)
        ("规模为", "规模为35万千瓦的甲、乙光伏发电项目开工。", "35万千瓦", False, True),
        ("总投资", "总投资20亿元的甲、乙旅游项目开工。", "20亿元", True, False),
        # a product after a green word is an industry's; a green word after the product still decides
        ("在建新能源电池项目", "在建新能源电池项目12个。", "12个", False, False),
        ("光伏组件产能", "光伏组件产能达到5吉瓦。", "5吉瓦", False, False),
        ("废旧动力电池回收利用率", "废旧动力电池回收利用率达到90%。", "90%", False, True),
        # installed capacity takes the domain of its source; 电力装机 counts coal and renewables together
        ("新增光伏装机", "新增光伏装机80万千瓦。", "80万千瓦", False, True),
        ("新增电力装机", "新增电力装机80万千瓦。", "80万千瓦", False, False),
        # a share is about its numerator
        ("可再生能源占电力装机比重", "可再生能源占电力装机比重提高到60%。", "60%", False, True),
        ("高新技术产业增加值占规上工业比重", "高新技术产业增加值占规上工业比重达到40%。", "40%", True, False),
        # a programme of rural development is not the environment unless its own words say so
        ("建成和美乡村示范村", "建成和美乡村示范村20个。", "20个", False, False),
        ("和美乡村生活污水治理率", "和美乡村生活污水治理率达到80%。", "80%", False, True),
        # a park is green space, a sports park is sport; titles of ecological civilisation; clean transport
        ("建成城市公园", "建成城市公园12个。", "12个", False, True),
        ("建成体育公园", "建成体育公园12个。", "12个", False, False),
        ("创建省级生态乡镇", "创建省级生态乡镇6个。", "6个", False, True),
        ("公交车电动化比例", "公交车电动化比例达到90%。", "90%", False, True),
        # an industry of energy technology is the economy's; energy saving (a retrofit of units) is not
        ("签约新能源产业项目", "签约新能源产业项目40个。", "40个", False, False),
        ("节能改造", "节能改造3台机组60万千瓦。", "60万千瓦", False, True),
        # places counted for what they achieve: keeping food in supply is the economy's
        ("偏远海岛实现蔬菜保供全覆盖", "12个偏远海岛实现蔬菜保供全覆盖。", "12个", False, False),
        # a generic risk mechanism is no environmental risk; an environmental one says so
        ("完善风险防控机制", "完善风险防控机制3项。", "3项", False, False),
        ("完善环境风险防控机制", "完善环境风险防控机制3项。", "3项", False, True),
        # hydrogen-based energy is energy of the climate's
        ("建设绿色氢基能源项目", "建设绿色氢基能源项目4个。", "4个", False, True),
        # rural-development programmes are not the environment unless their own words say so
        ("新建美丽乡村示范村", "新建美丽乡村示范村20个。", "20个", False, False),
        ("美丽乡村生活污水治理率", "美丽乡村生活污水治理率达到85%。", "85%", False, True),
        # charging points and water supply are infrastructure, even after a sewer in the same clause
        ("充电桩", "新建污水管网30公里、充电桩800个。", "800个", False, False),
        ("建设地表水厂", "建设地表水厂3处。", "3处", False, False),
        ("新建城市应急备用水源", "新建城市应急备用水源5个。", "5个", False, False),
        ("城市公共供水管网漏损率", "城市公共供水管网漏损率控制在9%以内。", "9%", False, True),
        ("新建雨污管网", "新建雨污管网60公里。", "60公里", False, True),
        ("工业废水治理项目", "实施工业废水治理项目20个。", "20个", False, True),
        # a total capacity is the energy industry's unless a clean source qualifies it right before it
        ("新增燃煤、光伏等电力装机", "新增燃煤、光伏等电力装机90万千瓦。", "90万千瓦", False, False),
        ("清洁能源电力装机", "清洁能源电力装机突破900万千瓦。", "900万千瓦", False, True),
        ("电力总装机", "电力总装机突破9000万千瓦。", "9000万千瓦", False, False),
        # a share whose numerator came in the clause before is about that numerator
        ("占到电力总装机", "新能源装机达到900万千瓦,占到电力总装机的56%。", "56%", False, True),
        # firms, products, sales and costs of the green industries are the economy's
        ("引进光伏企业", "引进光伏企业8家。", "8家", False, False),
        ("建设", "建设40万吨绿电铝项目。", "40万吨", False, False),
        ("新能源汽车、节能家电零售额", "新能源汽车、节能家电零售额分别增长20%、30%。", "20%", False, False),
        ("降低企业用能成本措施", "出台降低企业用能成本措施12条。", "12条", False, False),
        ("锂电新能源项目完成投资", "锂电新能源项目完成投资80亿元。", "80亿元", False, False),
        # the reach of a belt or line (辐射) is no radiation; fairs, work-relief wages, forest food are not
        ("生态经济带辐射带动", "生态经济带辐射带动30个村。", "30个", False, False),
        ("举办海洋文化节等节会", "举办海洋文化节等节会30场。", "30场", False, False),
        ("以工代赈发放造林劳务报酬", "以工代赈发放造林劳务报酬5亿元。", "5亿元", False, False),
        ("建设森林粮库示范基地", "建设森林粮库示范基地3个。", "3个", False, False),
        # a sports park listed after green parks is still sport
        ("体育公园", "建设80个口袋公园、6座体育公园。", "6座", False, False),
        # names closed by 等 are examples of what the number counts: they decide only when each names the
        # environment and the figure's own words name no other domain
        ("项目竣工投产", "甲光伏、乙隔膜等30个项目竣工投产。", "30个", False, False),
        ("专项整治行动", "开展工业减排、控煤减污等12个专项整治行动。", "12个", False, True),
        ("产业入选特色产业集群", "智能光伏、风电装备等5个产业入选特色产业集群。", "5个", False, False),
        # so are the members of an enumeration the number sums up (甲、乙、丙【3个】); an area is no such sum
        ("全国百强县", "甲县获评综合实力、绿色发展、投资潜力3个全国百强县。", "3个", False, False),
        ("标志性战役", "打赢重污染天气消除、臭氧污染防治、柴油货车治理3场标志性战役。", "3场", False, True),
        ("生态修复", "采煤沉陷区、废弃矿山生态修复分别完成2.7万亩、1971亩。", "2.7万亩", False, True),
        ("城市", "物流通道辐射全国75个城市。", "75个", False, False),
        # the examples of an earlier count do not decide the money of the same projects either
        ("重点项目完成投资", "甲新能源二期等300个重点项目完成投资900亿元。", "900亿元", False, False),
        ("污水治理项目完成投资", "甲污水厂、乙管网等12个污水治理项目完成投资9亿元。", "9亿元", False, True),
        # a number that opens a member of a list counts the noun after it, not the member before 、
        ("城市备用水源", "建成城市备用水源、9条河流生态修复等项目。", "9条", False, True),
        # a total of generation is the energy industry's, like 电力总装机; a clean source before it decides (发电装机
        # alone stays the climate's: the gold reads 发电装机1.6亿千瓦 as environmental)
        ("发电总装机", "发电总装机突破9000万千瓦。", "9000万千瓦", False, False),
        ("电源总装机", "电源总装机达到500万千瓦。", "500万千瓦", False, False),
        ("新能源发电总装机", "新能源发电总装机突破100万千瓦。", "100万千瓦", False, True),
        # a total after a clause naming one source may be that source's: the document decides, not the total
        ("发电总装机规模", "建设水面光伏电站,发电总装机规模达到150万千瓦。", "150万千瓦", True, True),
        ("发电总装机容量", "水网加快构建,发电总装机容量突破9000万千瓦。", "9000万千瓦", True, False),
        # a mine is restored (废弃矿山, 矿山修复) or it is the mining industry's: made smart, back at work, a firm
        ("矿山复工复产", "推进5座矿山复工复产。", "5座", False, False),
        ("智能化矿山", "建成12座智能化矿山。", "12座", False, False),
        # a reserve of aquatic gene banks is a protected area, unlike a crop gene bank
        ("水产种质资源保护区建设", "推进6个水产种质资源保护区建设。", "6个", False, True),
        ("治理废弃矿山", "治理废弃矿山800亩。", "800亩", False, True),
        # a plot (地块) is the soil's only when polluted; crops' gene banks are farming's (农作物 holds 物种)
        ("核心区", "核心区50万亩地块平均亩产1200公斤。", "50万亩", False, False),
        ("污染地块", "修复12块污染地块。", "12块", False, True),
        ("农作物种质资源总量", "农作物种质资源总量突破30万份。", "30万份", False, False),
        ("农作物秸秆综合利用率", "农作物秸秆综合利用率达到93%。", "93%", False, True),
        # fitness trails, parking spaces and toilets listed after parks or greenways are the city's services
        ("健身步道", "新建口袋公园12个、健身步道40公里。", "40公里", False, False),
        ("公共停车泊位", "新增城市绿道20公里、公共停车泊位3000个。", "3000个", False, False),
        ("森林步道", "建设森林步道200公里。", "200公里", False, True),
        # livestock farms are farming; their manure is the environment's
        ("新建畜禽规模化养殖场", "新建畜禽规模化养殖场11个。", "11个", False, False),
        ("畜禽规模养殖场粪污处理设施装备配套率", "畜禽规模养殖场粪污处理设施装备配套率达到97%。", "97%", False, True),
        # soil and water conservation is ecology
        ("水土保持率", "水土保持率提高到70%。", "70%", False, True),
        # 绿色低碳高质量发展 names the whole development programme: its projects and pilots are the economy's
        ("绿色低碳高质量发展重大项目", "统筹抓好500个绿色低碳高质量发展重大项目。", "500个", False, False),
        ("绿色低碳改造项目", "实施绿色低碳改造项目50个。", "50个", False, True),
        # 科创“新物种”企业 are firms of new business models, not species
        ("企业获评科创“新物种”企业", "51家企业获评省级科创“新物种”企业。", "51家", False, False),
        # water per unit of output is water saving, as energy per unit of output is the climate's
        ("单位地区生产总值水耗", "单位地区生产总值水耗下降到10立方米/万元以内。", "10立方米/万元", True, True),
    ],
)
def test_relevance_reads_the_head_of_the_phrase(subject, sentence, number, env_doc, expected):
    number_at = sentence.index(number)
    clause = semantics._clause(sentence, number_at)
    is_env, _ = semantics.relevance(subject, clause, sentence, number_at, env_doc, number_at + len(number))
    assert is_env is expected


def test_environmental_documents_are_told_by_their_title():
    assert semantics.is_environmental_document("某市2024年大气污染防治工作方案")
    assert semantics.is_environmental_document("某省生态环境保护“十四五”规划")
    assert semantics.is_environmental_document("2023年某市生态文明建设工作方案")
    assert not semantics.is_environmental_document("某市2024年政府工作报告")
    assert not semantics.is_environmental_document("某市优化营商环境三年行动方案")
    assert not semantics.is_environmental_document(None)


# --- sub-areas ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "clause", "region", "expected"),
    [
        ("中心城区PM2.5平均浓度", "中心城区PM2.5平均浓度控制在", "320400", "中心城区"),
        ("细颗粒物浓度", "其中主城区细颗粒物浓度", "500000", "主城区"),
        ("县级城市建成区黑臭水体消除比例", "", "320400", "县级城市"),
        ("空气质量优良天数比率", "溧阳市空气质量优良天数比率", "320400", "溧阳市"),
        ("水质优良断面比例", "淮河流域水质优良断面比例", "340000", "淮河流域"),
        ("重点流域水质优良比例", "重点流域水质优良比例", "340000", None),  # no basin named
        ("生态清洁小流域", "建成生态清洁小流域", "340000", None),
        ("水质优良比例", "淮河和长江流域水质优良比例", "340000", "长江流域"),
        ("断面水质优良比例", "塔里木河流域断面水质优良比例", "650000", "塔里木河流域"),
        ("PM2.5平均浓度", "全市PM2.5平均浓度", "320400", None),
    ],
)
def test_sub_area(regions, subject, clause, region, expected):
    assert semantics.sub_area(subject, clause, region, regions) == expected


def test_measure_semantics_on_a_row():
    sentence = "全年地区生产总值增长5.5%,中心城区PM2.5浓度下降到30微克/立方米。"
    gdp_at, pm_at = sentence.index("5.5"), sentence.index("30")
    doc = {"title": None, "doc_kind": "work_report", "region_code": "320400"}
    gdp = {"sentence": sentence, "char_start": 100 + gdp_at, "sentence_start": 100, "subject_zh": "全年地区生产总值"}
    pm = {"sentence": sentence, "char_start": 100 + pm_at, "sentence_start": 100, "subject_zh": "PM2.5浓度"}
    assert semantics.measure_semantics(gdp, doc) == {"is_environmental": False, "sub_area": None, "domain_code": "economy"}
    assert semantics.measure_semantics(pm, doc) == {"is_environmental": True, "sub_area": "中心城区"}


def test_oxygen_supply_clicks_and_a_line_sending_out_new_energy_are_not_environmental():
    text = ("2023年，实施清洁能源供暖工程22个、供氧工程13个，举办光伏项目推介会、点击关注量超1.8亿次，"
            "400万千瓦新能源送出工程投运，新增光伏装机300万千瓦。")
    got = {m["value_text"]: m["is_environmental"] for m in pipeline.process_document(text.encode(), "t.txt").measures}
    assert got == {"22个": True, "13个": False, "1.8亿次": False, "400万千瓦": False, "300万千瓦": True}

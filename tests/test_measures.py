import pytest

from loaders import items
from loaders.measures import extract_measures
from loaders.records import Metadata, Sentence

PLAN = Metadata("t", None, None, "2023-03-30", "浙江省", "330000", "plan", 2023)
REPORT = Metadata("t", None, None, "2024-05-10", "泰州市", "321200", "report", 2023)


def measures(text, meta=PLAN, sentences=()):
    return extract_measures(text, [], list(sentences), meta)


def one(text, meta=PLAN):
    found = measures(text, meta)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("PM2.5平均浓度33微克/立方米。", 33, "ug_m3"),
        ("进水浓度100毫克/升。", 100, "mg_l"),
        ("降尘量2.3吨/平方千米·月。", 2.3, "t_per_km2_month"),
        ("新增生活污水处理能力1万吨/日。", 10000, "t_per_day"),
        ("活性炭再生规模30万吨/年。", 300000, "t_per_year"),
        ("总投资1069.31亿元。", 106931000000, "yuan"),
        ("下达奖补资金1868万元。", 18680000, "yuan"),
        ("修复河湖生态缓冲带200公里。", 200, "km"),
        ("退田还湖2.38平方公里。", 2.38, "km2"),
        ("生态缓冲带修复面积27万平方米。", 270000, "m2"),
        ("年内清淤150万方。", 1500000, "m3"),
        ("完成造林绿化1.65万亩。", 16500, "mu"),
        ("新增光伏规模5.6万千瓦。", 56000, "kw"),
        ("问责责任人153人。", 153, "persons"),
        ("淘汰柴油货车7.5万辆。", 75000, "count"),
        ("建成14个达标区。", 14, "count"),
        ("黄山四市开展试点。", 4, "count"),
        ("日处理能力4300吨。", 4300, "t_per_day"),
    ],
)
def test_units_and_multipliers(text, value, unit):
    m = one(text)
    assert (m.value, m.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("PM2.5平均浓度低于26微克/立方米。", "lt", 26),
        ("PM2.5浓度不超过31微克/立方米。", "le", 31),
        ("降尘不得高于2.3吨/平方千米·月。", "le", 2.3),
        ("点位V类比例控制在27.7%以下。", "le", 27.7),
        ("填埋比控制在14.5%以内。", "le", 14.5),
        ("优良天数比率高于92%。", "gt", 92),
        ("绿色建筑比例大于50%。", "gt", 50),
        ("优良天数比率不低于80.0%。", "ge", 80),
        ("抽测数量不少于3000辆·次。", "ge", 3000),
        ("比例达到94%以上。", "ge", 94),
        ("完成重点治气工程1.6万余项。", "ge", 16000),
        ("覆盖6000多家重点企业。", "ge", 6000),
        ("争创示范区1-2个。", "ge", 1),
        ("农村生活污水治理率提升到47%。", "eq", 47),
        ("对全省近8000家风险源企业排查。", "approx", 8000),
        ("完成500个左右行政村环境整治。", "approx", 500),
        ("保护率≥95%。", "ge", 95),
    ],
)
def test_comparators(text, comparator, value):
    m = one(text)
    assert (m.comparator, m.value) == (comparator, pytest.approx(value))


def test_list_bound_by_order_of_subjects_gives_one_measure_per_subject():
    text = "重点工程氮氧化物、挥发性有机物、化学需氧量、氨氮累计减排量5207吨、4856吨、3993吨、225吨。"
    found = measures(text)
    assert [m.value for m in found] == [5207, 4856, 3993, 225]
    assert [m.subject_zh for m in found] == [
        "重点工程氮氧化物累计减排量", "挥发性有机物累计减排量", "化学需氧量累计减排量", "氨氮累计减排量"]


def test_list_bound_by_fenbie_shares_the_comparator():
    found = measures("二氧化硫、氮氧化物减排分别超过2.76%、6.49%。")
    assert [(m.comparator, m.value) for m in found] == [("gt", 2.76), ("gt", 6.49)]


def test_closing_yishang_holds_for_the_whole_list():
    found = measures("新增低碳乡镇20个、村(社区)300个以上。")
    assert [m.comparator for m in found] == ["ge", "ge"]


def test_year_on_year_change_and_percentage_point():
    m = one("单位GDP能耗同比下降1.3%。")
    assert m.is_change and m.value == 1.3 and m.unit == "percent"
    m = one("优良天数比率提高2个百分点。")
    assert m.unit == "percentage_point" and m.is_change
    assert not one("治理率提高到37%以上。").is_change


@pytest.mark.parametrize(
    "text",
    [
        "发文日期:2024-07-03,3月28日印发。",
        "常政发〔2023〕23号",
        "“十四五”期间落实“三线一单”和“1+N”体系",
        "淘汰国三柴油车,办好5.22国际生物多样性日",
        "执行GB 3095-2012标准",
        "谋划新一轮“811”生态文明先行示范行动",
        "一、总体要求 (一)工作目标 1.持续推进",
        "组织实施一批重大项目,开展第七批示范创建",
        "运营5年以上的老旧车辆,8月底前完成",
        "落实中央八项规定,深刻领悟“两个确立”",
        "十一届五次、六次全会精神",
    ],
)
def test_not_measures(text):
    assert measures(text) == []


def test_masked_numbers_stay_null_and_flagged():
    found = measures("总设计处理能力7.*吨/日;年处理能力*吨。")
    assert [(m.value, m.is_masked) for m in found] == [(None, True), (None, True)]


def test_kind_from_document_type_and_markers():
    assert one("建成19个达标区。", REPORT).kind == "outcome"
    assert one("1座拟于今年底开工。", REPORT).kind == "target"
    assert one("重点任务:建成19个达标区。", PLAN).kind == "target"
    assert one("加强对2022年完成销号的62条黑臭水体的管护。", PLAN).kind == "outcome"


def test_kind_from_section_labels_found_by_items():
    text = "工作任务:组织5个试点园区开展审核。\n完成情况:有序推进5个国家试点园区。"
    doc_items = items.split_items(text)
    found = extract_measures(text, doc_items, items.split_sentences(text, doc_items), REPORT)
    assert [m.kind for m in found] == ["target", "outcome"]


def test_target_marker_earlier_in_the_sentence_of_a_report():
    found = measures("力争PM2.5浓度控制在29微克/立方米以内,优良天数比率达到86%以上。", REPORT)
    assert [m.kind for m in found] == ["target", "target"]
    found = measures("已与26名党员干部谈话,拟对其中13名党员干部进行问责。", REPORT)
    assert [m.kind for m in found] == ["outcome", "target"]


def test_chinese_percent():
    m = one("推进百分之九十五点五以上的企业完成改造。")
    assert (m.value, m.unit, m.comparator) == (95.5, "percent", "ge")


def test_section_kind_of_sentences_wins():
    text = "建成19个达标区。"
    sentence = Sentence(0, len(text), "一", section_kind="target")
    assert measures(text, REPORT, [sentence])[0].kind == "target"


def test_year_explicit_relative_and_baseline():
    assert one("2022年完成销号的62条黑臭水体。").year == 2022
    assert one("化肥施用量较2020年减少2.0%。").year == 2023
    assert one("截至今年4月底,全市47项整改任务。", REPORT).year == 2024
    assert one("整治问题小微水体800个。").year == 2023
    text = "截至今年4月底,完成整改30项;交办的351件信访件已办结。"
    assert [m.year for m in measures(text, REPORT)] == [2024, 2024]


def test_condition_on_counted_things_is_not_a_measure():
    found = measures("已有30座运行负荷率超过30%,27座进水浓度高于100毫克/升。", REPORT)
    assert [(m.value, m.unit) for m in found] == [(30, "count"), (27, "count")]


def test_other_regions_are_mentioned_not_the_region():
    m = one("组织杭州、宁波开展新污染物治理试点,建成6个试点。")
    assert m.mentioned_regions == ["杭州市", "宁波市"]


def test_bare_ratio_with_comparator_is_a_percent():
    m = one("劣V类比例保持为0;")
    assert (m.value, m.unit) == (0, "percent")


def test_offsets_and_value_text():
    text = "柴油货车7万辆以上。"
    m = one(text)
    assert text[m.char_start : m.char_end] == m.value_text == "7万辆以上"
    assert (m.comparator, m.value) == ("ge", 70000)


def test_subject_between_verb_and_number_and_not_cut_inside_words():
    assert one("全年完成造林面积12.5万公顷。").subject_zh == "造林面积"
    assert one("饮用水水源地水质达标率100%。").subject_zh == "饮用水水源地水质达标率"


def test_a_bare_change_continues_the_subject_before_it():
    found = measures("PM2.5平均浓度为29微克/立方米,同比下降6.5%。")
    assert found[1].subject_zh.startswith("PM2.5平均浓度") and found[1].is_change


def test_relative_year_after_a_comparison_is_a_baseline():
    assert one("综合指数较上年改善2.1%。", REPORT).year == 2023
    assert one("1座拟于今年底开工。", REPORT).year == 2024


def test_qualifier_keeps_the_hedge_as_written():
    assert one("完成1.6万余项。").qualifier == "余"
    assert one("对近8000家企业排查。").qualifier == "近"
    assert one("完成500个左右行政村整治。").qualifier == "左右"
    assert one("建成14个达标区。").qualifier is None


def test_deadlines_and_durations_are_not_quantities():
    assert measures("收到通知后30天内完成整改,3个月内办结,24小时在线。") == []


def test_words_ending_like_a_comparator_stay_in_the_subject():
    m = one("全年共立案查处环境违法行为3256起。")
    assert (m.subject_zh, m.value, m.unit) == ("立案查处环境违法行为", 3256, "count")


def test_a_later_year_in_a_report_is_a_plan_unless_marked_done():
    assert one("2024年新建污水管网100公里。", REPORT).kind == "target"
    assert one("截至2024年4月底,全市47项整改任务。", REPORT).kind == "outcome"


def test_numbers_of_a_list_share_the_closing_unit():
    found = measures("PM2.5、PM10平均浓度分别为30、50微克/立方米。")
    assert [(m.value, m.unit) for m in found] == [(30, "ug_m3"), (50, "ug_m3")]
    assert measures("编制2022、2023年度温室气体排放清单。") == []


def test_a_past_year_of_the_paragraph_reports_outcomes_in_a_plan():
    text = "2022年,全省PM2.5浓度为28微克/立方米,优良天数比率为88%。"
    sentence = Sentence(0, len(text), "一", section_kind="target")
    assert [(m.kind, m.year) for m in measures(text, PLAN, [sentence])] == [("outcome", 2022), ("outcome", 2022)]


def test_a_plan_recalling_done_work():
    assert one("全省已建成污水处理厂120座。").kind == "outcome"
    assert one("重点任务:迭代升级已上线的13个应用。").kind == "target"


@pytest.mark.parametrize(
    ("text", "value", "comparator", "value_text"),
    [
        ("全市绿电占比超三成。", 30.0, "gt", "三成"),
        ("污水再生利用率近六成。", 60.0, "approx", "六成"),
        ("黑臭水体整治任务完成过半。", 50.0, "gt", "过半"),
        ("七成以上的乡镇建成污水处理设施。", 70.0, "ge", "七成以上"),
    ],
)
def test_share_in_words_is_a_percentage(text, value, comparator, value_text):
    """超三成 / 近六成 / 过半: a share in tenths or a half, its comparator from the hedge word before it."""
    m = one(text)
    assert (m.value, m.unit, m.comparator, m.value_text) == (value, "percent", comparator, value_text)


@pytest.mark.parametrize("text", ["坚持规划一成不变。", "一半以上的资金用于治污。", "用三成本价出售。"])
def test_tenths_and_halves_without_a_hedge_are_words(text):
    assert not [m for m in measures(text) if m.unit == "percent"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("建设年产60万吨煤矸石建材项目。", "t_per_year"),
        ("启动年加工能力85万吨的秸秆综合利用项目。", "t_per_year"),
        ("新建垃圾焚烧厂日处理能力达1500吨。", "t_per_day"),
        ("减少二氧化碳排放30万吨。", "t"),
    ],
)
def test_a_plants_capacity_is_tons_a_year_or_a_day(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize("text", ["在市内三区全面实施清洁取暖工程。", "主城四区全面推行垃圾分类。"])
def test_districts_named_by_their_number_are_no_count(text):
    """市内三区 / 主城四区 name the districts where the work is done; the measure has no figure."""
    assert measures(text) == []


def test_a_count_of_districts_after_a_verb_is_still_a_count():
    assert one("新增清洁取暖试点三个区县。").value == 3


def test_a_years_output_is_a_tonnage():
    """粮食年产量: the output of the year, in tons as 产量; only a plant's 年产N吨 / 年产能 is a rate."""
    assert one("粮食年产量稳定在760亿斤。").unit == "t"

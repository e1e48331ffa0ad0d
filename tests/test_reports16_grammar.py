"""Work reports, round 16 (reports16): S16 / S17's classes left by reports15, each on a made-up sentence."""

from __future__ import annotations

from loaders.pipeline import process_document


def _measures(text: str) -> list[dict]:
    return process_document(text.encode("utf-8"), "t.txt").measures


def _measure(text: str, value_text: str) -> dict:
    return next(m for m in _measures(text) if m["value_text"] == value_text)


def test_an_item_number_in_words_opens_no_subject():
    # 一是…十四是: the numbers of a list of works written in words, like 8. or ⑦, are no part of the subject
    text = "2029年，某县办好十五件民生实事：一是新建社区食堂30个。十二是维修养护农村供水工程800处。"
    assert _measure(text, "30个")["subject_zh"] == "新建社区食堂"
    assert _measure(text, "800处")["subject_zh"] == "维修养护农村供水工程"


_REPORT = ("某市政府工作报告\n——2026年1月12日在某市第一届人民代表大会第五次会议上\n各位代表：\n"
           "现在，我代表市人民政府，向大会报告工作，请予审议。\n一、2025年工作回顾\n{}\n二、2026年工作安排\n"
           "今年主要预期目标是：地区生产总值增长5%左右。\n")


def test_a_sentence_opening_on_five_years_inside_a_paragraph_opens_their_review():
    # 各位代表！2025年…，标志着“十四五”圆满收官。五年来,…: the rest of the paragraph is over 2021-2025; the paragraph
    # after it is the year's review again
    text = _REPORT.format("各位代表！2025年目标任务顺利完成，标志着“十四五”圆满收官。五年来，全市地区生产总值年均增长6.1%，"
                          "累计建成城镇污水管网800公里。\n全市空气质量优良天数比率达90%，新增城镇就业4万人。")
    assert _measure(text, "6.1%")["period"] == "2021-2025"
    assert _measure(text, "800公里")["period"] == "2021-2025"
    after = _measure(text, "90%")
    assert (after["kind"], after["year"], after["period"]) == ("outcome", 2025, None)


def test_net_increase_and_compression_are_changes():
    # 净增 (a net rise), 压缩 / 缩减 / 缩短 (a cut of a time or an amount), like 增加 and 压减: changes
    text = ("2029年，某县经营主体净增1.2万户，项目审批时限压缩45%，群众办事时间平均缩短3天，"
            "非必要会议缩减20%，新增城镇就业3000人。")
    for value_text in ("1.2万户", "45%", "3天", "20%"):
        assert _measure(text, value_text)["is_change"], value_text
    assert not _measure(text, "3000人")["is_change"]


def test_a_count_after_a_verb_of_fostering_or_helping_counts_the_noun_after_it():
    # 再培育2个…中心镇 / 孵化引进30家科创企业 / 继续抓实124个示范片区: the verb alone names nothing; the things follow the count
    text = "2029年，某县再培育3个省级特色小镇，孵化引进不少于20家科技型企业，继续抓实15个县级示范片区，帮扶800名残疾人就业。"
    assert _measure(text, "3个")["subject_zh"] == "省级特色小镇"
    assert _measure(text, "20家")["subject_zh"] == "科技型企业"
    assert _measure(text, "15个")["subject_zh"] == "县级示范片区"
    assert _measure(text, "800名")["subject_zh"].startswith("残疾人")
    # a policy named before the count and 等 keeps its name (市场主体培育18条等政策措施)
    assert _measure("2029年，某县出台乡村人才培育12条等政策措施。", "12条")["subject_zh"].endswith("乡村人才培育")


def test_a_total_named_by_its_word_alone_is_of_the_things_added_before_it():
    # 新增上市公司7家、总数达161家: the total of the listed firms (上市公司总数), not a bare 总数
    text = "2028年，新增省级龙头企业15家、总数达120家，新认定科技型企业300家，总量突破2000家。"
    assert _measure(text, "120家")["subject_zh"] == "省级龙头企业总数"
    assert _measure(text, "2000家")["subject_zh"] == "科技型企业总量"


def test_a_count_named_by_a_stage_of_work_alone_counts_the_things_before_it():
    # 新引进项目50个、新开工30个、竣工投产20个: the projects at each stage (项目新开工, 项目竣工投产)
    text = "2029年，某县新引进产业项目40个、新开工25个、竣工投产18个，完成造林1.5万亩。"
    assert _measure(text, "25个")["subject_zh"] == "某县产业项目新开工"
    assert _measure(text, "18个")["subject_zh"] == "某县产业项目竣工投产"
    # not across a sentence, nor from a figure in another unit
    other = _measure("2029年，某县完成投资80亿元，新开工12个。", "12个")["subject_zh"]
    assert other == "新开工"


def test_things_reorganised_raised_or_added_over_five_years_are_over_the_period():
    # 五年来,…重组形成全国重点实验室11个 / 筹建保障性租赁住房9.56万套 / 增设充电桩3.2万个: work done over 2021-2025
    text = _REPORT.format("五年来，全市重组形成省级重点实验室7个，筹建保障性租赁住房2.1万套，增设公共充电桩6000个。")
    for value_text in ("7个", "2.1万套", "6000个"):
        assert _measure(text, value_text)["period"] == "2021-2025", value_text


def test_a_figure_singling_out_the_only_thing_is_no_measure():
    # 成为全国唯一同时拥有5个专业化法庭的城市: the words of a distinction (the first to pass a line keeps its figure:
    # tests/test_measures_full_documents.py)
    text = "2028年，某市成为全省唯一同时拥有3个国家级新区的城市，新增市场主体2.1万户。"
    values = [m["value_text"] for m in _measures(text)]
    assert "3个" not in values
    assert "2.1万户" in values


def test_an_average_change_named_by_its_verb_alone_is_of_the_level_before_it():
    # 地区生产总值跨过3万亿元、年均增长5.2%: the average rise of the level named before (地区生产总值年均增长)
    text = _REPORT.format("五年来，全市地区生产总值跨过2000亿元、年均增长6.3%，城乡居民人均可支配收入达4.1万元、年均增长5.8%。")
    assert _measure(text, "6.3%")["subject_zh"] == "全市地区生产总值年均增长"
    assert _measure(text, "5.8%")["subject_zh"] == "城乡居民人均可支配收入年均增长"

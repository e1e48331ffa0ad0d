"""Reading stage: decoding, HTML, simplification, normalisation, header fields, clutter, repeats."""

from __future__ import annotations

import re

import pytest

from loaders import reading
from loaders.errors import LoadError
from loaders.reading import (
    drop_repeats,
    is_clutter,
    looks_like_html,
    normalise,
    parse_header_line,
    read_document,
)

SIMPLIFIED = "全市PM2.5平均浓度低于30微克/立方米,空气质量优良天数比率达到85%以上。\n农村生活污水治理率提高到37%。"
TRADITIONAL = "江蘇省農村生活污水治理率提升到47%,淘汰國三及以下柴油貨車7萬輛以上。\n組織5個試點園區開展清潔生產審核創新。"
TRADITIONAL_AS_SIMPLIFIED = "江苏省农村生活污水治理率提升到47%,淘汰国三及以下柴油货车7万辆以上。\n组织5个试点园区开展清洁生产审核创新。"


# --- decoding --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED.encode("utf-8-sig"), "utf-8"),
        (SIMPLIFIED.encode("utf-16"), "utf-16"),  # with a BOM, little-endian
        (b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED.encode("gbk"), "gb18030"),
        (SIMPLIFIED.encode("utf-16-le"), "utf-16"),  # no BOM: told by where its NUL bytes sit
        (SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    ],
)
def test_simplified_text_decodes_in_every_supported_encoding(encoded: bytes, encoding: str) -> None:
    doc = read_document(encoded, "a.txt")
    assert doc.text == SIMPLIFIED
    assert doc.encoding == encoding
    assert doc.script == "simplified"


def test_big5_is_told_from_gb18030_and_simplified() -> None:
    # Big5 bytes also decode as GB18030 (into rare characters): the scoring must pick Big5.
    doc = read_document(TRADITIONAL.encode("big5"), "big5.txt")
    assert doc.encoding == "big5"
    assert doc.script == "traditional"
    assert doc.text == TRADITIONAL_AS_SIMPLIFIED
    assert doc.original_text == TRADITIONAL  # same lines in the source script, same offsets


def test_traditional_text_in_gbk_is_simplified() -> None:
    doc = read_document(TRADITIONAL.encode("gb18030"), "t.txt")
    assert (doc.encoding, doc.script, doc.text) == ("gb18030", "traditional", TRADITIONAL_AS_SIMPLIFIED)


def test_a_file_cut_in_the_middle_of_a_character_still_loads() -> None:
    doc = read_document(SIMPLIFIED.encode("gb18030")[:-1], "cut.txt")
    assert doc.encoding == "gb18030"
    assert doc.text.startswith("全市PM2.5平均浓度低于30微克")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty_file"),
        (b" \r\n\t\n", "empty_file"),
        ("\u3000 \n".encode("utf-16"), "empty_file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary_file"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "binary_file"),
        (bytes((i * 37 + 11) % 256 for i in range(3000)), "binary_file"),
        (b"abc\x00def\x00" * 50, "binary_file"),
        ("Caf\u00e9 na\u00efve \u00e0 la carte, r\u00e9sum\u00e9".encode("latin-1"), "undecodable"),
    ],
)
def test_bad_input_raises_a_load_error_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError) as info:
        read_document(data, "bad.bin")
    assert info.value.reason == reason
    assert info.value.message.startswith("bad.bin: ")


def test_a_page_of_nothing_but_clutter_is_reported() -> None:
    with pytest.raises(LoadError) as info:
        read_document("您当前的位置:首页 >> 正文\n浏览次数:12\n扫一扫在手机打开当前页".encode(), "nav.html")
    assert info.value.reason == "no_text"


# --- normalisation -----------------------------------------------------------------------


def test_normalise_full_width_ascii_spaces_and_line_endings() -> None:
    raw = "　　ＰＭ２．５浓度（略）低于３０％；\r\n\r\n《方案》、“目标”　 \r*号  两个\u00a0空格\u200b\n"
    assert normalise(raw) == ["PM2.5浓度(略)低于30%;", "《方案》、“目标”", "*号 两个 空格"]


# --- HTML ---------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>某市2023年生态环境工作要点_某市人民政府</title>
<script>var s = "<p>脚本里的文字</p>";</script><style>p { color: red }</style></head>
<body>
<div class="top-nav"><a href="/">首页</a> | <a>政务公开</a></div>
<nav><ul><li>网站首页</li><li>新闻中心</li></ul></nav>
<div>您当前的位置:<a>首页</a> &gt;&gt; <a>政务公开</a></div>
<table><tr><td>索引号:</td><td>000/2023-1</td><td>发布机构:</td><td>某市人民政府</td></tr>
<tr><td>发文日期:</td><td>2023-03-01</td></tr></table>
<h1>某市2023年生态环境工作要点</h1>
<p>浏览次数:123</p>
<p>一、主要目标</p>
<p>全市PM2.5平均浓度低于30微克/立方米,
优良天数比率达到85%以上。</p>
<p>&lt;附件&gt;&amp;说明</p>
<form><input name="q"><select><option>请选择栏目</option></select></form>
<div id="footer">版权所有:某市人民政府 ICP备12345号</div>
<p>扫一扫在手机打开当前页</p>
</body></html>
"""


def test_html_page_becomes_its_body_text() -> None:
    doc = read_document(PAGE.encode("gbk"), "page.txt")  # detected by content, not by name
    assert doc.source_format == "html"
    assert doc.text == (
        "某市2023年生态环境工作要点\n一、主要目标\n"
        "全市PM2.5平均浓度低于30微克/立方米,优良天数比率达到85%以上。\n<附件>&说明"
    )
    assert doc.header["发布机构"] == "某市人民政府"
    assert doc.header["发文日期"] == "2023-03-01"
    assert doc.header["网页标题"].startswith("某市2023年")


def test_unclosed_page_part_does_not_swallow_the_body() -> None:
    page = "<html><body><div class='nav'>菜单<p>" + "正文段落,目标达到90%以上。" * 10 + "</p></body></html>"
    doc = read_document(page.encode(), "p.html")
    assert "正文段落,目标达到90%以上。" in doc.text


def test_plain_text_with_angle_brackets_is_not_html() -> None:
    assert not looks_like_html("浓度<35微克/立方米,比率>80%。\n《方案》")
    assert looks_like_html("<html><body><p>正文</p></body></html>")


# --- page header and clutter --------------------------------------------------------------


def test_header_line_with_several_fields_and_spaced_names() -> None:
    assert parse_header_line("文件编号:常政发〔2023〕23号 发布机构:某市人民政府") == {
        "文件编号": "常政发〔2023〕23号",
        "发布机构": "某市人民政府",
    }
    assert parse_header_line("索 引 号:014/2024-00765 | 组配分类:工作 |") == {"索引号": "014/2024-00765", "组配分类": "工作"}
    assert parse_header_line("- 来源:某省生态环境厅") == {"来源": "某省生态环境厅"}
    assert parse_header_line("发布时间:2023-03-30文章分类:行业动态编辑作者:某某阅读次数:2018 次") == {
        "发布时间": "2023-03-30", "文章分类": "行业动态", "编辑作者": "某某", "阅读次数": "2018 次",
    }


def test_body_lines_are_not_header_lines() -> None:
    assert parse_header_line("完成情况:农村生活污水治理率达51%。") is None
    assert parse_header_line("全市设立来源:xx") is None  # a field name must open the line


@pytest.mark.parametrize(
    "line",
    [
        "您当前的位置:首页 > 政务公开 > 正文",
        "首页 >> 政务公开 >> 正文",
        "浏览次数:",
        "阅读次数:2018 次",
        "联系电话027-87056280",
        "版权与免责声明:凡本网注明“来源:某网”的所有作品,未经授权不得转载",
        "声明:本网部分内容整理为互联网,版权归原作者所有。",
        "Copyright © 2023 某市人民政府 版权所有",
        "苏ICP备05009048号",
        "扫一扫在手机打开当前页",
        "分享到:微信 微博",
        "【打印本页】 【关闭窗口】",
        "字号:[大 中 小]",
        "- 2024/5/14 11:42:42",
        "- 14362",
        "最近搜索",
        "热门搜索",
        "无",
        "展开全部",
        "【导读】",
        "[责任编辑: 王某某]",
        "( 责任编辑:李某 )",
        "一审 张某",
    ],
)
def test_clutter_lines(line: str) -> None:
    assert is_clutter(line)


@pytest.mark.parametrize(
    "line",
    [
        "2023年4月17日",  # a signature date belongs to the document
        "某市人民政府",
        "一、工作目标",
        "工作任务:深化长三角生态环境保护协作。",
        "设立环保举报电话12369,办结率达到100%。",
        "分享推广典型经验做法,形成可复制的模式。",
        "完成1700个以上农村黑臭水体治理。",
        "编辑完成全省生态环境状况公报。",
    ],
)
def test_body_lines_are_not_clutter(line: str) -> None:
    assert not is_clutter(line)


def test_header_fields_leave_the_text_and_feed_the_header() -> None:
    page = "您当前的位置:\n首页 >> 政务公开 >> 正文\n信息名称:某市工作方案\n文件编号:某政发〔2023〕1号 发布机构:某市人民政府\n某市工作方案\n一、目标达到90%。"
    doc = read_document(page.encode(), "a.txt")
    assert doc.text == "某市工作方案\n一、目标达到90%。"
    assert doc.header == {"信息名称": "某市工作方案", "文件编号": "某政发〔2023〕1号", "发布机构": "某市人民政府"}


def test_a_lone_numeric_page_date_is_kept_as_a_header_field() -> None:
    doc = read_document("某省2024年工作要点\n- 2024/5/14 11:42:42\n- 14362\n一、目标达到90%。".encode(), "a.txt")
    assert doc.text == "某省2024年工作要点\n一、目标达到90%。"
    assert doc.header["页面日期"] == "2024-05-14"


# --- repeated bodies ------------------------------------------------------------------------

P1 = "一、打好蓝天保卫战。全市PM2.5平均浓度下降到32微克/立方米,完成年度目标任务。"
P2 = "二、打好碧水保卫战。国考断面水质优良比例达到90%,劣V类断面全面消除。"


def test_a_body_printed_twice_is_kept_once() -> None:
    text = f"某市整改落实情况\n某市整改落实情况\n{P1}\n{P2}\n{P1}\n{P2}\n最近搜索"
    doc = read_document(text.encode(), "a.txt")
    assert doc.text == f"某市整改落实情况\n{P1}\n{P2}"


def test_a_repeated_block_inside_a_page_is_kept_once() -> None:
    lines = ["标题", "一、目标", P1, "二、任务", P2, "一、目标", P1, "三、保障"]
    assert [lines[i] for i in drop_repeats(lines)] == ["标题", "一、目标", P1, "二、任务", P2, "三、保障"]


def test_short_lines_that_recur_are_kept() -> None:
    lines = ["1.推进工作。", "工作任务:", "开展试点。", "完成情况:", "已完成。", "2.推进改革。", "工作任务:", "完成情况:"]
    assert drop_repeats(lines) == list(range(len(lines)))


def test_fast_t2s_gives_what_opencc_gives() -> None:
    from opencc import OpenCC

    from loaders.reading import t2s

    text = TRADITIONAL + "\n頭髮乾燥,於是著手準備;後來發現這裡的瞭望台。"
    assert t2s(text) == OpenCC("t2s").convert(text)
    assert len(t2s(text)) == len(text)


def test_a_field_name_inside_the_body_is_body_text() -> None:
    para = "一、全市PM2.5平均浓度低于30微克/立方米,空气质量优良天数比率达到85%以上,完成年度目标任务。"
    text = f"来源:某市生态环境局\n{para}\n时间:2023年4月至12月,开展专项执法行动。\n{para.replace('一', '二')}\n责任编辑:某某"
    doc = read_document(text.encode(), "a.txt")
    assert doc.text.split("\n") == [para, "时间:2023年4月至12月,开展专项执法行动。", para.replace("一", "二")]
    assert doc.header == {"来源": "某市生态环境局", "责任编辑": "某某"}


def test_a_traditional_big5_page_is_cleaned_after_simplification() -> None:
    page = (
        "<html><head><title>某市工作要點</title></head><body>"
        "<div>您當前的位置:首頁 > 政務公開</div><p>發布機構:某市人民政府 發布日期:2023-04-27</p>"
        "<p>某市2023年生態環境工作要點</p><p>全市空氣品質優良天數比率達到85%以上。</p>"
        "<p>瀏覽次數:35</p></body></html>"
    )
    doc = read_document(page.encode("big5"), "big5.htm")
    assert (doc.encoding, doc.script, doc.source_format) == ("big5", "traditional", "html")
    assert doc.text == "某市2023年生态环境工作要点\n全市空气品质优良天数比率达到85%以上。"
    assert doc.original_text == "某市2023年生態環境工作要點\n全市空氣品質優良天數比率達到85%以上。"
    assert doc.header["发布机构"] == "某市人民政府"


def test_a_page_that_never_closes_its_head() -> None:
    doc = read_document("<html><head><title>标题</title><meta charset=utf-8><p>正文目标达到90%。<p>第二段".encode(), "x.html")
    assert doc.text == "正文目标达到90%。\n第二段"


# --- web-page noise seen on pages of other provinces (paraphrased) ------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "關于我們 | English | 網站地圖",  # simplified before matching
        "首页 | 联系我们 | 无障碍",
        "国家部委网 | 某省人民政府门户网站 | 某市政府网",
        "某某娱乐城_官网首页_登录入口",
        "精品久久_一区二区在线观看",
        "您是本站第 0004521 位访客",
        "Copyright 2024 某市生态环境局 版权所有 备案号:某ICP备000001号",
        "本文仅代表作者观点,不代表本站立场,如有侵权请联系删除",
        "56人点赞",
        "支持楼主",
        "> 政务公开 > 政策文件 > 部门文件",
        "??????2????,??????",
    ],
)
def test_more_clutter_lines(line: str) -> None:
    from loaders.reading import simplify

    assert is_clutter(simplify(line)[0])


@pytest.mark.parametrize(
    "line",
    [
        "PM2.5 | 微克/立方米 | 30",  # a table row keeps its numbers
        "污水管网 | 公里 | 35",
        "当PM2.5>75时启动预警,当AQI>200时升级。",
        "全年投入资金3亿元,推进项目建设",
        "受体育场馆建设影响,部分点位调整",
        "二是推进设备更新?",
    ],
)
def test_more_body_lines_are_not_clutter(line: str) -> None:
    assert not is_clutter(line)


def test_pinyin_glosses_are_dropped_only_when_a_text_has_several() -> None:
    from loaders.reading import drop_pinyin_glosses

    glossed = "全省生(sheng)态(tai)环境工作要(yao)点的(de)通知"
    assert drop_pinyin_glosses(glossed) == "全省生态环境工作要点的通知"
    assert drop_pinyin_glosses("一(yī / yì)、总体要(yào / yāo)求的(de)说明") == "一、总体要求的说明"
    assert drop_pinyin_glosses("新增造林1000公顷(ha),完成任务。") == "新增造林1000公顷(ha),完成任务。"
    doc = read_document("關於印發(fa)全省生(sheng)態(tai)環境要(yao)點的通知\n一、目標達到90%。".encode("big5"), "a.txt")
    assert doc.text.split("\n")[0] == "关于印发全省生态环境要点的通知"


def test_mojibake_lines_go_and_a_page_of_nothing_else_is_refused() -> None:
    page = "某市2024年工作要点\n????2???????,?????????\n一、全市PM2.5浓度下降到30微克/立方米。"
    assert read_document(page.encode(), "a.txt").text == "某市2024年工作要点\n一、全市PM2.5浓度下降到30微克/立方米。"
    with pytest.raises(LoadError) as err:
        read_document(b"??????2????,??????\n???????(PM2.5)??????,???", "b.txt")
    assert err.value.reason == "no_text"


def test_table_borders_are_stripped_from_line_ends() -> None:
    page = "某县关于印发2023年创建工作推进方案的通知 | |||||||\n| ||||||||\n一、目标达到90%。"
    assert read_document(page.encode(), "a.txt").text == "某县关于印发2023年创建工作推进方案的通知\n一、目标达到90%。"


def test_header_table_without_colons_when_a_line_holds_two_field_names() -> None:
    page = "索 引 号 000000/2024-00001 公开方式 主动公开\n发布机构 某市生态环境局 组配分类 年度计划\n某市2024年工作要点\n发布机构改革稳步推进。"
    doc = read_document(page.encode(), "a.txt")
    assert doc.header["发布机构"] == "某市生态环境局" and doc.header["公开方式"] == "主动公开"
    assert doc.text == "某市2024年工作要点\n发布机构改革稳步推进。"


def test_a_body_printed_twice_with_a_different_tag_glued_on_each_copy() -> None:
    lead = "新华网某地5月6日电 某省生态环境厅发布消息,全省PM2.5平均浓度为31微克/立方米,同比下降3.1%,优良天数比例达到86%。"
    tail = "全省地表水国考断面水质优良比例为92.5%,无劣V类断面,近岸海域水质优良比例保持稳定。"
    page = f"甲游戏官网入口{lead}\n{tail}\n乙国际网址{lead}\n{tail}"
    assert read_document(page.encode(), "a.txt").text == f"甲游戏官网入口{lead}\n{tail}"


def test_two_items_that_differ_only_in_their_marker_are_both_kept() -> None:
    para = "全市PM2.5平均浓度低于30微克/立方米,空气质量优良天数比率达到85%以上,完成年度目标任务。"
    assert drop_repeats([f"一、{para}", f"二、{para}"]) == [0, 1]


def test_header_table_with_cell_borders() -> None:
    page = ("索引号 | 000000/2023-01 | 成文日期 | 2023-07-18 |\n发布机构 | 是否有效 | ||\n"
            "名称 | 某州三年行动工作方案(2023—2025年) |\n为改善环境,制定本方案。")
    doc = read_document(page.encode(), "a.txt")
    assert doc.header["名称"] == "某州三年行动工作方案(2023—2025年)"
    assert doc.header["成文日期"] == "2023-07-18"
    assert "发布机构" not in doc.header  # an empty cell is no value
    assert doc.text == "为改善环境,制定本方案。"


@pytest.mark.parametrize("line", ["【资料图】", "(资料图片)", "[组图]"])
def test_picture_captions_are_clutter(line: str) -> None:
    assert is_clutter(line)


def test_an_editor_credit_of_traditional_news_leaves_the_text() -> None:
    doc = read_document("某省大氣治理計劃編制完成,今年安排重點項目100個。\n[責任編輯: 王某]\n".encode(), "a.txt")
    assert doc.text == "某省大气治理计划编制完成,今年安排重点项目100个。"


def test_clutter_tried_by_line_length_answers_as_all_patterns():
    """is_clutter tries only the patterns that can match a line that long: the same answer as all of them,
    around the length guards (本网声明 <= 300, 版权所有 <= 150 characters) and with a final newline."""
    every = re.compile("|".join(f"(?:{p})" for p in reading._data_lines("clutter_patterns.txt")), re.I)
    lines = ["本网声明:" + "某" * n for n in (294, 295, 296)] + ["版权所有 " + "某" * n for n in (144, 145, 146)]
    lines += ["首页", "首页\n", "首页 > 新闻 > 通知公告", "到2025年，全市细颗粒物浓度下降到30微克/立方米。" * 8]
    answers = [is_clutter(line) for line in lines]
    assert answers == [every.fullmatch(line) is not None or reading.is_mojibake(line) for line in lines]
    assert True in answers and False in answers
    assert answers[:6] == [True, True, False, True, True, False]


def test_a_length_guard_bounds_a_clutter_pattern_only_without_top_level_alternatives():
    assert reading._longest_line("(?=.{0,10}$).*版权") == 10
    assert reading._longest_line("(?=.{0,10}$)版权|声明.*") > 10
    assert reading._longest_line("(暂无|无)") == 2


@pytest.mark.parametrize("text", ["", "abc", "中文abc", "𠀀𠀁中文", "ｱｲｳ中文", "\x7f\x80中", "\ud800x中", SIMPLIFIED,
                                  TRADITIONAL.encode("utf-8").decode("gb18030", "replace")])
def test_rare_share_counts_as_a_loop_over_the_characters(text):
    common = reading._common_chars()
    wide = [c for c in text if c > "\x7f"]
    expected = sum(c not in common for c in wide) / len(wide) if wide else 0.0
    assert reading._rare_share(text) == expected


def test_table_cells_are_cleaned_like_the_text_and_empty_cells_stay() -> None:
    rows = [["森林覆蓋率（％）", "３０．５", None], ["", "｜ 約束性 ｜", "空氣\r\n質量"]]
    reading.normalise_cells(rows)
    assert rows == [["森林覆盖率(%)", "30.5", None], ["", "约束性", "空气\n质量"]]

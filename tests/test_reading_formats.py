"""The same document read from the formats users hand in (benchmarks/formats.py measures it on the dev gold):
a plain text hard-wrapped as a PDF's text is. Invented text, no document of the corpus."""

from __future__ import annotations

import re

from benchmarks.formats import paged
from loaders import reading
from loaders.pipeline import process_document

TITLE = "某某市2024年政府工作报告"
PARAGRAPHS = [
    TITLE,
    "各位代表:",
    "现在,我代表市人民政府,向大会报告政府工作,请予审议。",
    "一、2023年工作回顾",
    "过去一年,我们坚持生态优先、绿色发展,持续深入打好蓝天、碧水、净土保卫战,全市细颗粒物(PM2.5)平均浓度"
    "下降到31.5微克/立方米,空气质量优良天数比例达到88.6%,国考断面水质优良比例保持100%,完成营造林"
    "12.4万亩,新建污水管网86公里,城市生活垃圾无害化处理率达到100%。",
    "(一)坚持绿色低碳,生态环境持续改善。深入实施大气污染防治攻坚行动,完成钢铁企业超低排放改造4家,淘汰国三及以下"
    "排放标准营运柴油货车1260辆,新增新能源公交车320辆,建成充电桩2100个,重污染天数减少到3天。",
    "(二)坚持系统治水,水环境质量稳中向好。完成入河排污口整治156个,消除城市黑臭水体8条,新建改造雨污管网"
    "120公里,县级以上集中式饮用水水源地水质达标率保持100%,农村生活污水治理率提高到45%。",
    "(三)坚持保护修复,生态系统质量稳步提升。完成历史遗留矿山生态修复1.2万亩,治理水土流失面积58平方公里,"
    "新增省级森林城镇6个,湿地保护率达到55.3%,自然保护地面积占比保持在12%以上。",
    "二、2024年主要目标",
    "今年经济社会发展的主要预期目标是:地区生产总值增长6%左右,单位地区生产总值能耗下降3%,细颗粒物"
    "(PM2.5)平均浓度控制在30微克/立方米以内,森林覆盖率达到41.2%,完成省下达的节能减排任务。",
]


def _wrap(paragraphs: list[str], width: float = 36, cut_words: bool = False) -> list[str]:
    """Lines of `width` at most (an ASCII character half a Chinese one), a number never cut (unless cut_words)
    and no line opening with a comma or a full stop (as office software sets Chinese text)."""
    out = []
    for para in paragraphs:
        line, w = "", 0.0
        for piece in (para if cut_words else re.findall(r"[!-~]+|.", para)):
            pw = sum(1 if ord(ch) > 0x2E80 else 0.5 for ch in piece)
            if line and w + pw > width and piece not in ",。;:、)":
                out.append(line)
                line, w = "", 0.0
            line += piece
            w += pw
        out.append(line)
    return out


def _paged(lines: list[str], per_page: int = 6) -> str:
    """The text as a PDF's text layer saved as .txt: a page number after each page, the running header before
    the next one (as the formats benchmark writes it)."""
    return "\n".join(paged(lines, TITLE, per_page))


def test_a_hard_wrapped_text_reads_as_its_paragraphs() -> None:
    text = _paged(_wrap(PARAGRAPHS))
    doc = reading.read_document(text.encode("gb18030"), "report.txt")
    assert doc.text.split("\n") == PARAGRAPHS


def test_a_hard_wrapped_text_gives_the_rows_of_its_paragraphs() -> None:
    wrapped = process_document(_paged(_wrap(PARAGRAPHS)).replace("\n", "\r\n").encode("utf-8"), "wrapped.txt")
    plain = process_document("\n".join(PARAGRAPHS).encode("utf-8"), "plain.txt")

    def rows(result) -> set[tuple]:
        return {(m["kind"], m["subject_zh"], m["value"], m["unit"], m["comparator"], m["year"]) for m in result.measures}

    assert rows(wrapped) == rows(plain)
    assert ("target", "细颗粒物(PM2.5)平均浓度", 30.0, "ug_m3", "le", 2024) in {r[:6] for r in rows(wrapped)}


def test_a_text_of_one_paragraph_a_line_is_left_as_it_is() -> None:
    doc = reading.read_document("\n".join(PARAGRAPHS).encode("utf-8"), "report.txt")
    assert doc.text.split("\n") == PARAGRAPHS


def test_a_number_cut_at_the_end_of_a_pdf_line_is_one_number() -> None:
    """Typesetting that breaks a line inside a word cuts numbers too (…新建污水管网1⏎20公里): the PDF reader joins
    the two parts without the space it puts between two English words."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from pdf_drawing import PdfCanvas

    from loaders.pdf import read_pdf

    cut = _wrap(PARAGRAPHS, 28, cut_words=True)  # two numbers cut: 2|100个 and 1|56个
    assert any(re.search(r"\d$", a) and re.match(r"\d", b) for a, b in zip(cut, cut[1:], strict=False))
    drawing = PdfCanvas()
    for start in range(0, len(cut), 30):
        drawing.lines(cut[start : start + 30])
        drawing.showPage()
    text = read_pdf(drawing.pdf(), "report.pdf").text
    assert text.split("\n") == PARAGRAPHS


def test_a_text_wrapped_wide_is_joined_too() -> None:
    """Wrapped at 70 (a wide page, a small font): full lines spread below the wrap width (ASCII is set narrower,
    a line ends before a number that would not fit), none is wider; the usual width is the widest tenth's."""
    body = [TITLE] + [
        f"({i})持续推进第{i}批重点项目建设,全年完成投资{100 + i * 7}亿元,新建改造污水管网{20 + i}公里,治理水土流失面积"
        f"{30 + i * 3}平方公里,新增造林绿化{5 + i}万亩,城市建成区绿地率达到{38 + i / 10:.1f}%,空气质量优良天数比例"
        f"保持在{85 + i / 10:.1f}%以上,森林覆盖率提高到{40 + i / 10:.1f}%,完成历史遗留矿山修复{i * 11}处。"
        for i in range(1, 13)]
    text = _paged(_wrap(body, 70), per_page=12)
    assert reading.read_document(text.encode("utf-8"), "report.txt").text.split("\n") == body


def test_a_hyphen_ending_a_pdf_line_is_kept() -> None:
    """pdfium reads a hyphen that ends a line as U+FFFE (its mark of a word hyphenated at the line's end);
    in Chinese text it is a hyphen of a range or a name cut there (2021-⏎2025年): the hyphen stays."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from pdf_drawing import PdfCanvas

    from loaders.pdf import read_pdf

    filler = "坚持生态优先绿色发展统筹推进山水林田湖草沙一体化保护和系统治理持续改善生态环境质量"
    lines = [filler[:30], "全面推广“碳汇贷”“排污权抵押贷”等绿色金融产品,发放“绿水-",  # a hyphen ends the line
             "青山贷”12.6亿元,新增绿色信贷余额86亿元,支持生态环境导向开发项目9个。", filler[:30], filler[3:33] + "。"]
    drawing = PdfCanvas()
    drawing.lines(lines)
    text = read_pdf(drawing.pdf(), "plan.pdf").text
    assert "\ufffe" not in text
    assert "发放“绿水-青山贷”12.6亿元" in text


def test_the_running_header_of_a_text_of_two_pages_is_dropped() -> None:
    """Two pages: the title printed over the second one is a running header although it is printed only twice."""
    lines = _wrap(PARAGRAPHS)
    text = _paged(lines, per_page=len(lines) - 3)
    assert text.count(TITLE) == 2
    assert reading.read_document(text.encode("utf-8"), "report.txt").text.split("\n") == PARAGRAPHS


def test_an_older_portal_page_leaves_its_menu_and_its_date_line_out() -> None:
    """An older portal lays its page out in a table: the menu (网站首页 | 政务公开 | 办事服务) and the line of the
    publisher, the date and the font-size buttons are cells like the body's; they are page furniture, not the
    document's first lines (which tell its title, kind and year)."""
    body = "<br>\n".join(f"&nbsp;&nbsp;&nbsp;&nbsp;{p}" for p in PARAGRAPHS[1:])
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>各位代表</title></head>'
        '<body><table><tr><td><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></td></tr>'
        "<tr><td>某某县人民政府&nbsp;&nbsp;&nbsp;2024年02月01日&nbsp;&nbsp;【字体：<a>大</a> <a>中</a> <a>小</a>】</td></tr>"
        f'<tr><td><span style="font-size:16px">{body}</span></td></tr></table></body></html>')
    doc = reading.read_document(page.encode("gb18030"), "t20240201_1.html")
    assert doc.text.split("\n") == PARAGRAPHS[1:]


def test_a_date_written_with_dashes_or_slashes_is_no_measure() -> None:
    """A web page's publication line (时间:2026-02-03) printed into the body, or a date in a sentence
    (2024/01/15起施行): no 3 days from 2026-02-03⏎天…, no 15 cases from 15起."""
    body = [*PARAGRAPHS[:4], "时间:2026-02-03", "天气晴好,各项工作有序推进。本办法自2024/01/15起施行,有效期3年。", *PARAGRAPHS[4:]]
    plain = process_document("\n".join(PARAGRAPHS).encode("utf-8"), "plain.txt")
    dated = process_document("\n".join(body).encode("utf-8"), "dated.txt")

    def rows(result) -> set[tuple]:
        return {(m["subject_zh"], m["value"], m["unit"]) for m in result.measures}

    gained = {(v, u) for _, v, u in rows(dated) - rows(plain)}
    assert (3.0, "days") not in gained and (15.0, "count") not in gained
    assert not [m for m in dated.measures if m["value_text"].startswith(("03", "15起"))]


def test_a_web_page_printed_to_pdf_leaves_its_publication_lines_out() -> None:
    """A portal's page printed to PDF keeps its 来源 / 时间 / 发布时间 lines above the body: page furniture, as the
    text and HTML readers take them (page-header fields), not the document's first lines."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    from pdf_drawing import PdfCanvas

    from loaders.pdf import read_pdf

    drawing = PdfCanvas()
    drawing.lines([TITLE, "来源:某某日报", "发布时间:2024-02-01 09:30", *_wrap(PARAGRAPHS[1:], 30)[:24]])
    drawing.showPage()
    doc = read_pdf(drawing.pdf(), "report.pdf")
    assert doc.text.split("\n")[:3] == PARAGRAPHS[:3]
    assert doc.header.get("来源") == "某某日报"


def test_a_traditional_text_gets_the_simplified_forms_t2s_leaves() -> None:
    """Taiwan writes 著 for 着 and 覆 for 复 (批覆); OpenCC's t2s keeps both. In a text read as traditional they
    become 着 and 复 (显著, 土著 and 覆盖 stay); a simplified original is left as it is."""
    traditional = ("隨著產業轉型,我們以生態保護為著力點,成效顯著,保護土著魚類;全市已獲批覆項目12個,"
                   "森林覆蓋率達到45%,國檢覆核通過。")
    doc = reading.read_document(traditional.encode("utf-8"), "report.txt")
    assert doc.script == "traditional"
    assert doc.text == ("随着产业转型,我们以生态保护为着力点,成效显著,保护土著鱼类;全市已获批复项目12个,"
                        "森林覆盖率达到45%,国检复核通过。")
    simplified = "我们以生态保护为著力点的说法不对,但成效显著。"  # a simplified original: its 著 is its own
    assert reading.read_document(simplified.encode("utf-8"), "report.txt").text == simplified


def test_a_number_ending_a_line_takes_no_unit_from_the_next() -> None:
    """A line is a paragraph: a number that ends one (a page's 本页共3 / 编号 line, a date 2026-02-03) takes no unit,
    multiplier or range from the next line's first characters (3⏎条记录 is no 3 items, 12⏎万元 no 120 000)."""
    tail = ["本页共3", "条记录", "累计12", "万元以上项目纳入监管"]
    plain = process_document("\n".join(PARAGRAPHS).encode("utf-8"), "plain.txt")
    with_tail = process_document("\n".join([*PARAGRAPHS, *tail]).encode("utf-8"), "paged.txt")
    assert len(with_tail.measures) == len(plain.measures)
    assert not [m for m in with_tail.measures if "\n" in m["value_text"]]

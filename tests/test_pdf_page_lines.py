"""How a PDF's lines become sentences (brief H21): a page number printed with full-width dashes (－ 12 －) is no
text, so a sentence running over the page break is one sentence; a printed line the text layer splits at a
quotation is one line; a line cut between a change verb, a comparison's base or a list's separator and its figure
continues."""

from __future__ import annotations

from pdf_drawing import FONT, WIDTH, PdfCanvas

from loaders.pdf import read_pdf

FILLER = "加强生态环境保护工作统筹推进污染防治攻坚和生态保护修复提升治理能力"


def _full(n: int, width: int = 24) -> list[str]:
    """n lines of prose `width` characters wide, wrapping onto each other (no sentence ends at a line's end)."""
    text = (FILLER * (n * width // len(FILLER) + 1))[: n * width]
    return [text[i * width : (i + 1) * width] for i in range(n)]


def _footer(drawing: PdfCanvas, text: str) -> None:
    drawing.setFont(FONT, 12)
    drawing.drawCentredString(WIDTH / 2, 30, text)


def test_a_page_number_in_full_width_dashes_is_no_text():
    drawing = PdfCanvas()
    drawing.lines([*_full(10), "二氧化硫排放量较2015年削减25.8%,单位地区生产总值二氧化碳排放量"])
    _footer(drawing, "－ 9 －")
    drawing.showPage()
    drawing.lines(["比2015年累计下降25.56%,全面完成目标任务。", *_full(9)[:-1], "统筹水资源利用和水生态保护工作。"])
    _footer(drawing, "－10－")
    text = read_pdf(drawing.pdf(), "plan.pdf").text
    assert "－" not in text and "-9-" not in text and "-10-" not in text
    assert "单位地区生产总值二氧化碳排放量比2015年累计下降25.56%,全面完成目标任务。" in text


def test_a_line_the_text_layer_splits_at_a_quotation_is_one_line():
    """pdfium breaks a printed line where a quotation set a little higher starts (…落后产能,⏎“十三五”期间,全省⏎
    共压减…): the piece on the right of the line's first piece, on the same line, continues it."""
    from pdf_drawing import LEFT, LINE
    from reportlab.pdfbase.pdfmetrics import stringWidth

    drawing = PdfCanvas()
    top = drawing.lines([*_full(10)[:-1], "统筹水资源利用和水生态保护工作。"])
    first = "坚决化解过剩产能,推进落后产能有序退出加快淘汰,"
    drawing.setFont(FONT, 12)
    drawing.drawString(LEFT, top, first)
    drawing.drawString(LEFT + stringWidth(first, FONT, 12) + 2, top + 8, "“十三五”期间,全省")  # raised: a line of its own
    drawing.lines(["共压减生铁产能160万吨、粗钢产能174万吨。", "“十四五”时期,全省继续推进钢铁行业超低排放改造。"], top - LINE)
    lines = read_pdf(drawing.pdf(), "plan.pdf").text.splitlines()
    assert "坚决化解过剩产能,推进落后产能有序退出加快淘汰,“十三五”期间,全省共压减生铁产能160万吨、粗钢产能174万吨。" in lines
    assert "“十四五”时期,全省继续推进钢铁行业超低排放改造。" in lines  # a quotation opening the next line stays on it


def test_a_line_cut_between_a_change_or_a_list_and_its_figure_continues():
    """A line set short (its last figure too wide to fit) that ends on a change verb, the base of a comparison or
    a list's separator continues on the figure the next line starts with."""
    drawing = PdfCanvas()
    drawing.lines([*_full(10)[:-1], "统筹水资源利用和水生态保护工作。",
                   "同比2015年,SO2、PM10和PM2.5浓度分别下降54.4%、23.6%和",
                   "30.4%;二氧化硫排放量较2015年削减",
                   "25.8%,其中臭氧浓度反弹18.52%,PM2.5反弹",
                   "11.54%;全省细颗粒物平均浓度39微克/立方米,比",
                   "2015年改善29.1%。"])
    text = read_pdf(drawing.pdf(), "plan.pdf").text
    assert ("同比2015年,SO2、PM10和PM2.5浓度分别下降54.4%、23.6%和30.4%;二氧化硫排放量较2015年削减25.8%,"
            "其中臭氧浓度反弹18.52%,PM2.5反弹11.54%;全省细颗粒物平均浓度39微克/立方米,比2015年改善29.1%。") in text


def test_a_line_ending_inside_a_quotation_continues():
    """A line set short because a quotation's closing mark may not start a line (…攻坚“八大战⏎役”,) continues:
    no heading or paragraph ends inside a quotation or a title (« », as 《》 already)."""
    drawing = PdfCanvas()
    drawing.lines([*_full(10)[:-1], "统筹水资源利用和水生态保护工作。",
                   "“十三五”期间,全市围绕污染防治攻坚“八大战",
                   "役”,加快基础设施建设,目前已建成10个城市生活污水处理厂。",
                   "严格落实«省(中)直有关单位生",
                   "态环境保护工作责任清单»,健全部门协作机制。"])
    lines = read_pdf(drawing.pdf(), "plan.pdf").text.splitlines()
    assert "“十三五”期间,全市围绕污染防治攻坚“八大战役”,加快基础设施建设,目前已建成10个城市生活污水处理厂。" in lines
    assert any(line.endswith("严格落实«省(中)直有关单位生态环境保护工作责任清单»,健全部门协作机制。") for line in lines)


def test_a_line_ending_on_a_comma_continues():
    """No paragraph or heading of Chinese prose ends on a comma or an enumeration comma: a line set short there (a
    box's narrower lines, a line a character short) goes on."""
    drawing = PdfCanvas()
    drawing.lines([*_full(10)[:-1], "统筹水资源利用和水生态保护工作。",
                   "荒漠化土地系统治理工程。实施长江源头、黄河源头、",
                   "柴达木盆地等沙区荒漠化土地治理,治理面积100万亩。",
                   "强化“美丽海湾”示范引领,以沿海城市为主体,",
                   "2025年底前,力争建成5个左右“美丽海湾”。"])
    lines = read_pdf(drawing.pdf(), "plan.pdf").text.splitlines()
    assert "荒漠化土地系统治理工程。实施长江源头、黄河源头、柴达木盆地等沙区荒漠化土地治理,治理面积100万亩。" in lines
    assert "强化“美丽海湾”示范引领,以沿海城市为主体,2025年底前,力争建成5个左右“美丽海湾”。" in lines

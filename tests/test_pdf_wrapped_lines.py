"""A PDF's prose wraps at the page's usual line width: a line about as wide as most full lines, not ending a
sentence, continues on the next one, even when some wider lines (a wider page, rows read as prose) pull the
widest tenth of the document's lines far above the usual one. A numbered heading is its own line."""

from __future__ import annotations

from pdf_drawing import PdfCanvas

from loaders.pdf import _paragraphs, _width, read_pdf

FILLER = "加强生态环境保护工作统筹推进污染防治攻坚和生态保护修复提升治理能力"


def _full(n: int, width: int) -> list[str]:
    """n lines of prose `width` characters wide, wrapping onto each other (no sentence ends at a line's end)."""
    text = (FILLER * (n * width // len(FILLER) + 1))[: n * width]
    return [text[i * width : (i + 1) * width] for i in range(n)]


def _pdf() -> bytes:
    drawing = PdfCanvas()
    usual = 24  # most full lines
    lines = [*_full(12, usual)[:-1], "到2025年底前,全市一般工业固体废物综合利用率达",  # 22.5 wide: a line set a little short
             "到50%,危险废物安全处置率达到100%。",
             "第六章 深入打好碧水保卫战,巩固提升水环境质量",  # a numbered heading about as wide, no full stop
             *_full(6, usual)[:-1], "统筹水资源利用和水生态保护工作。"]
    drawing.lines(lines)
    drawing.showPage()
    drawing.lines([line + "。" for line in _full(8, 34)])  # a page of wider lines: the widest tenth is 34 wide
    return drawing.pdf()


def test_a_line_about_as_wide_as_the_usual_full_line_continues():
    lines = read_pdf(_pdf(), "plan.pdf").text.splitlines()
    assert any("一般工业固体废物综合利用率达到50%,危险废物安全处置率达到100%。" in line for line in lines)
    assert "第六章深入打好碧水保卫战,巩固提升水环境质量" in lines  # the heading does not run into the text
    assert not any(line.startswith("到50%") for line in lines)


def test_a_numbered_heading_continues_only_when_it_wraps_as_the_widest_lines():
    body = "以水生态环境质量持续改善为核心统筹水资源利用"
    assert _width("第六章深入打好碧水保卫战巩固提升水环境质量") >= 0.85 * 24
    assert _paragraphs(["第六章深入打好碧水保卫战巩固提升水环境质量", body], 24, 34) == [
        "第六章深入打好碧水保卫战巩固提升水环境质量", body]
    assert _paragraphs(["六、推进流域水生态环境保护修复和水资源节约集约利", "用工作"], 24, 28) == [
        "六、推进流域水生态环境保护修复和水资源节约集约利用工作"]

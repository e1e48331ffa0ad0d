"""Grammar of the recall round 14 (brief G19: R20's and R21's left misses, T41–T45's classes,
tests/gold/corpus/audits/). Every sentence is invented."""

from __future__ import annotations

from loaders.pipeline import process_document


def _rows(text: str, name: str = "report.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_a_count_closing_its_own_item_before_a_rate_of_the_same_things_is_a_figure():
    # R20 (乌鲁木齐 新建和提升农村卫生户厕11857座、普及率达85%): the count is a figure of its own; the places a rate is
    # taken over are still none (三县城区覆盖率超70%)
    rows = _rows("""某市人民政府工作报告
一、2023年工作回顾
改造农村卫生厕所2345座、普及率达86%,解决企业诉求432个、问题解决率97.5%。
""")
    got = [(r["value_text"], r["unit"]) for r in rows]
    assert got == [("2345座", "count"), ("86%", "percent"), ("432个", "count"), ("97.5%", "percent")]


def test_kilometres_in_latin_letters_are_a_unit():
    # T44 (白银 plan 清理垃圾14.5万m3,疏浚河道132km): km as km2 and m3 are; a zone's bound in km stays none (5km范围内)
    rows = _rows("""某市“十四五”生态环境保护规划
第一章 “十三五”工作回顾
开展河道专项整治,清理淤泥3.2万m3,疏浚河道86km。对受污染耕地周边3km范围内涉重金属企业开展排查。
""", "plan.txt")
    got = [(r["value_text"], r["value"], r["unit"]) for r in rows]
    assert got == [("3.2万m3", 32000.0, "m3"), ("86km", 86.0, "km")]


def test_a_drinking_source_compliance_rate_over_the_year_keeps_its_indicator():
    # T18 (宿迁 plan 集中式饮用水水源地年均水质达标率为100%), T14 (陇南 plan …集中式饮用水水源全年水质稳定达标)
    from loaders.evaluate import assign_indicator, load_synonyms

    synonyms = load_synonyms()
    for subject in ("8个县级饮用水水源地年均水质达标率", "城区集中式饮用水水源全年水质达标率"):
        assert assign_indicator(subject, "percent", synonyms) == "drinking_water_source_compliance"

"""Grammar of the recall round 17 (brief recall22: the leftovers of R25–R27 and of the rounds before,
tests/gold/corpus/audits/). Every sentence is invented."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document


def _rows(text: str, name: str = "plan.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_a_bare_class_three_share_after_a_clause_naming_drinking_sources_is_theirs():
    # R26 / P33 (攀枝花 plan 乡镇集中式饮用水水源地规范化建设全部完成,水质达到或优于Ⅲ类比例不低于95%): a class share or a
    # good-water share named by nothing else is of the drinking-water sources the clause before names, as 水质达标率 was;
    # a share naming its own sections stays the surface water's
    rows = _rows("""某县“十四五”生态环境保护规划
三、主要任务
到2025年,乡镇级饮用水水源地保护区划定全部完成,水质达到或优于Ⅲ类比例不低于90%。
持续推进城镇集中式饮用水水源地整治,水质优良比例保持100%。
加强饮用水水源保护,国考断面水质达到或优于Ⅲ类比例达到85%。
""")
    synonyms = load_synonyms()
    got = [(r["subject_zh"], assign_indicator(r["subject_zh"], r["unit"], synonyms)) for r in rows]
    assert got == [("乡镇级饮用水水源地水质达到或优于Ⅲ类比例", "drinking_water_source_compliance"),
                   ("城镇集中式饮用水水源地水质优良比例", "drinking_water_source_compliance"),
                   ("国考断面水质达到或优于Ⅲ类比例", "surface_water_good_ratio")]

"""Grammar of the recall round 12 (brief G17: R17's, T31–T35's and the brief's classes, tests/gold/corpus/audits/).
Every sentence is invented."""

from __future__ import annotations

from loaders.pipeline import process_document


def _rows(text: str, name: str = "report.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_a_water_class_after_a_hedge_or_with_stable_as_its_verb_is_a_figure_in_words():
    # T32 (合肥 南淝河水质力争稳定Ⅲ类): 力争 / 确保 / 均 between 水质 and its verb, and 稳定 itself as the verb
    rows = _rows("""某市2024年政府工作报告
一、2023年工作回顾
全市4个省控断面水质均达到Ⅲ类,甲湖水质持续改善。
二、2024年工作安排
乙河水质力争稳定Ⅲ类,丙江出境断面水质确保达到Ⅱ类及以上,丁河水质达到或优于Ⅲ类比例达到90%。
""")
    classes = [(r["subject_zh"], r["value_text"], r["kind"], r["value"], r["is_environmental"])
               for r in rows if r["unit"] == "index"]
    assert classes == [("全市4个省控断面水质", "Ⅲ类", "outcome", None, True), ("乙河水质", "Ⅲ类", "target", None, True),
                       ("丙江出境断面水质", "Ⅱ类及以上", "target", None, True)]  # not the share (达到或优于Ⅲ类比例)


def test_a_level_held_in_words_after_a_rate_share_or_index_is_a_figure_in_words():
    # T33 (巴中 生态质量指数不低于现有水平): the prose's form of the tables' 不降低 cells
    rows = _rows("""某市“十六五”生态环境保护规划
第二章 主要目标
到2030年,生态质量指数不低于现有水平,森林覆盖率不降低,生态保护红线占国土面积比例不减少。
确保优先保护类耕地面积不减少、土壤环境质量不下降,生态功能不降低。
""", "plan.txt")
    got = [(r["subject_zh"], r["value_text"], r["unit"], r["kind"], r["year"], r["is_environmental"]) for r in rows]
    assert got == [("生态质量指数", "不低于现有水平", "index", "target", 2030, True),
                   ("森林覆盖率", "不降低", "percent", "target", 2030, True),
                   ("生态保护红线占国土面积比例", "不减少", "percent", "target", 2030, True)]  # not 面积不减少, 功能不降低

"""Grammar of the recall round 16 (brief recall21: R25's classes and the leftovers of the rounds before,
tests/gold/corpus/audits/). Every sentence is invented."""

from __future__ import annotations

from loaders.evaluate import assign_indicator, load_synonyms
from loaders.pipeline import process_document


def _rows(text: str, name: str = "plan.txt") -> list[dict]:
    return process_document(text.encode("utf-8"), name).measures


def test_the_energy_use_per_ten_thousand_yuan_of_gdp_with_a_word_between_is_the_energy_intensity():
    # R25 (内江 plan 万元GDP综合能耗比2015年下降19.2%): 万元GDP…能耗 as 单位GDP…能耗 already was; water and carbon stay
    synonyms = load_synonyms()
    assert assign_indicator("全县万元GDP综合能耗较基期降低", "percent", synonyms,
                            is_change=True) == "energy_intensity_reduction"
    assert assign_indicator("万元GDP用水量下降", "percent", synonyms, is_change=True) != "energy_intensity_reduction"


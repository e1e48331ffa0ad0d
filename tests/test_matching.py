"""loaders.matching.Automaton finds what pyahocorasick's iter_long found (the stages used it before)."""

from __future__ import annotations

from pathlib import Path

import ahocorasick
import pytest

from loaders import domains, semantics
from loaders.matching import Automaton
from loaders.regions import RegionIndex

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "documents"


def _both(words: dict[str, object]) -> tuple[ahocorasick.Automaton, Automaton]:
    old, new = ahocorasick.Automaton(), Automaton()
    for word, value in words.items():
        old.add_word(word, value)
        new.add_word(word, value)
    old.make_automaton()
    new.make_automaton()
    return old, new


@pytest.mark.parametrize("text", ["常州市武进区", "abcd", "xabcx", "ab bcd abc", "江苏省常州市", "", "苏州工业园区苏州",
                                  "xyz", "省市县", "xyz" * 30 + "常州"])  # no word's first character; a long text
def test_leftmost_longest_like_pyahocorasick(text):
    old, new = _both({w: w for w in ("ab", "abc", "bcd", "bc", "常州", "常州市", "武进区", "江苏", "江苏省", "苏州",
                                     "苏州工业园区", "州市")})
    assert new.iter_long(text) == list(old.iter_long(text))


def test_offsets_count_characters_not_bytes():
    _, new = _both({"常州": 1, "PM2.5": 2})
    assert new.iter_long("年PM2.5在常州") == [(5, 2), (8, 1)]


def test_a_lone_surrogate_neither_fails_nor_moves_offsets():
    old, new = _both({"常州": 1})
    text = "x\udcff常州"
    assert new.iter_long(text) == list(old.iter_long(text)) == [(3, 1)]


def test_empty_and_unbuilt():
    assert Automaton().iter_long("常州") == []
    unbuilt = Automaton()
    unbuilt.add_word("常州", 1)
    with pytest.raises(AttributeError):
        unbuilt.iter_long("常州")


def test_the_loaders_dictionaries_match_as_before_on_the_samples():
    regions = RegionIndex.load()
    dictionaries = [regions._automaton, regions._county_automaton, domains._vocabulary().automaton,
                    semantics._relevance_automaton(), semantics._sub_area_automaton()]
    texts = [p.read_bytes().decode("utf-8", "replace") for p in sorted(SAMPLE.iterdir()) if p.is_file()]
    assert texts
    for automaton in dictionaries:
        old, new = _both(dict(automaton.items()))
        for text in texts:
            for variant in (text, text.lower()):
                assert new.iter_long(variant) == list(old.iter_long(variant))

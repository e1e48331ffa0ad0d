"""The grammar of measures: every dictionary the passes read, held by one object.

`Grammar.load()` reads the tables of loaders/data/ (units, comparators, kind markers, time words, numeral
terms, metric, rate, scope, rank words, abstract nouns) and compiles the patterns built from them.
`default_grammar()` builds it once per process, on first use (as jieba builds its Tokenizer): nothing is read
at import. A test that wants other tables builds its own (`Grammar.load(folder)` or `dataclasses.replace`)
and passes it to `extract_measures(..., grammar=...)`.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from loaders.regions import RegionIndex

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Unit:
    surface: str
    unit: str  # canonical code; "none" marks a phrase that is not a measure (3个月)
    factor: float


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _alternation(words, lookahead: bool = False) -> re.Pattern[str]:
    body = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    # (?=(...)) finds a word at every start, overlapping ones included; longest alternatives first
    return re.compile(f"(?=({body}))" if lookahead else body)


@functools.lru_cache(maxsize=64)
def words_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of words: words_re(w).search(text, a, b) says whether any of them is in text[a:b]
    without slicing the text or looping over the words in Python (asked per candidate)."""
    return _alternation(words) if words else re.compile("(?!)")


def last_match(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of pattern in text[start:end] (the nearest one before a figure)."""
    matches = list(pattern.finditer(text, start, end))
    return matches[-1] if matches else None


def _by_kind(rows: list[dict[str, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in rows:
        if not r["kind"].startswith("#"):
            out.setdefault(r["kind"], []).append(r["word"])
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Grammar:
    units: tuple[Unit, ...]  # longest surface first
    units_by_first: dict[str, tuple[Unit, ...]]
    percent: Unit
    region_classifiers: frozenset[str]  # 市/县/区 after a masked "XX" name a place, not a masked count
    prefix_comparators: dict[str, tuple[str, int]]  # surface -> (comparator, max gap to the number)
    suffix_comparators: tuple[tuple[str, str], ...]  # (surface, comparator), longest first
    change_words: tuple[str, ...]
    qualifier_comparator: dict[str, str]
    range_comparator: str
    target_markers: tuple[str, ...]
    outcome_markers: tuple[str, ...]
    reporting_markers: tuple[str, ...]  # 据了解 / 获悉: a paragraph that reports what a source says
    task_markers: tuple[str, ...]  # 年度任务(1026台): a number named as the task or goal is the target
    done_markers: tuple[str, ...]  # 降低3.89%的目标任务全面完成: a task named and declared done
    plan_words: tuple[str, ...]  # a "plan" without one of these reads as a report
    summary_title_words: tuple[str, ...]  # a title "2023年工作总结" names a summary written as its year closed
    time_words: dict[str, int]  # 今年 -> 0, 去年 -> -1: offset from the year the text was written
    now_words: frozenset[str]  # 目前: when the text was written
    numeral_terms: tuple[str, ...]  # names holding a number that is no measure (十四五, 河长制 …)
    metric_words: tuple[str, ...]
    rate_words: tuple[tuple[str, str, str, float], ...]  # (word, base unit, rate unit, factor), longest word first
    scope_words: tuple[str, ...]
    denominator_words: tuple[str, ...]
    rank_words: tuple[str, ...]
    abstract_nouns: tuple[str, ...]
    collective_terms: dict[str, tuple[str, ...]]  # 主要污染物 -> its members (a figure in words holds for each)
    collective_units: dict[str, str]  # 主要污染物 -> t, 节能 -> percent: the unit of the members' figures
    member_terms: frozenset[str]  # 节能: a work whose member is the subject (not put in the term's place)
    # patterns compiled from the tables above
    prefix_re: re.Pattern[str]
    change_re: re.Pattern[str]
    rank_re: re.Pattern[str]
    time_word_re: re.Pattern[str]
    term_re: re.Pattern[str]
    change_only_re: re.Pattern[str]  # what is left of a subject that only says "changed"
    to_words: tuple[str, ...]  # comparators ending in 到/至, and 到/至 themselves
    regions: RegionIndex  # region names, for the regions a measure's sentence mentions
    report_words: dict[str, tuple[str, ...]]  # work-report sections (sections.py): kind -> words

    @classmethod
    def load(cls, folder: Path = DATA, regions: RegionIndex | None = None) -> Grammar:
        units = tuple(sorted((Unit(r["surface"], r["unit"], float(r["factor"])) for r in _rows(folder, "units.csv")),
                             key=lambda u: -len(u.surface)))
        by_first: dict[str, list[Unit]] = {}
        for u in units:
            by_first.setdefault(u.surface[0], []).append(u)
        comp = _rows(folder, "comparators.csv")
        prefix = sorted(((r["surface"], r["comparator"], int(r["max_gap"])) for r in comp if r["position"] == "prefix"),
                        key=lambda c: -len(c[0]))
        change_words = tuple(r["surface"] for r in comp if r["position"] == "change")
        kind = _rows(folder, "kind_markers.csv")

        def markers(scope: str, kind_: str | None = None) -> tuple[str, ...]:
            return tuple(r["surface"] for r in kind if r["scope"] == scope and (kind_ is None or r["kind"] == kind_))

        target_markers = markers("marker", "target")
        time = _rows(folder, "time_words.csv")
        time_words = {r["surface"]: int(r["offset"]) for r in time}
        scope = _rows(folder, "scope_words.csv")
        rank_words = tuple(r["word"] for r in _rows(folder, "rank_words.csv"))
        numeral_terms = tuple(r["term"] for r in _rows(folder, "numeral_terms.csv"))
        collective = _rows(folder, "collective_terms.csv")
        return cls(
            units=units,
            units_by_first={k: tuple(v) for k, v in by_first.items()},
            percent=next(u for u in units if u.unit == "percent"),
            region_classifiers=frozenset(r["surface"] for r in _rows(folder, "units.csv")
                                         if r["note"].startswith("classifier of regions")),
            prefix_comparators={s: (c, gap) for s, c, gap in prefix},
            suffix_comparators=tuple(sorted(((r["surface"], r["comparator"]) for r in comp if r["position"] == "suffix"),
                                            key=lambda c: -len(c[0]))),
            change_words=change_words,
            qualifier_comparator={r["surface"]: r["comparator"] for r in comp if r["position"] == "qualifier"},
            range_comparator=next(r["comparator"] for r in comp if r["position"] == "range"),
            target_markers=target_markers,
            outcome_markers=markers("marker", "outcome"),
            reporting_markers=markers("reporting"),
            task_markers=markers("task"),
            done_markers=markers("done"),
            plan_words=markers("plan") + target_markers,
            summary_title_words=markers("summary_title"),
            time_words=time_words,
            now_words=frozenset(r["surface"] for r in time if r["now"] == "1"),
            numeral_terms=numeral_terms,
            metric_words=tuple(r["word"] for r in _rows(folder, "metric_words.csv")),
            rate_words=tuple(sorted(((r["word"], r["base_unit"], r["unit"], float(r["factor"]))
                                     for r in _rows(folder, "rate_words.csv")),
                                    key=lambda w: -len(w[0]))),
            scope_words=tuple(r["word"] for r in scope if r["position"] == "after"),
            denominator_words=tuple(r["word"] for r in scope if r["position"] == "before"),
            rank_words=rank_words,
            abstract_nouns=tuple(r["word"] for r in _rows(folder, "abstract_nouns.csv")),
            collective_terms=_by_term(collective),
            collective_units={r["term"]: r["unit"] for r in collective},
            member_terms=frozenset(r["term"] for r in collective if r["reads"] == "member"),
            prefix_re=re.compile("(?=(" + "|".join(re.escape(s) for s, _, _ in prefix) + "))"),
            change_re=_alternation(change_words, lookahead=True),
            # 第52位, and the top or bottom group a place enters or leaves (退出168个重点城市“后十位”)
            rank_re=re.compile("|".join(map(re.escape, rank_words))
                               + r"|第[\dXx一二三四五六七八九十]+位|[前后][\dXx一二三四五六七八九十]+[位名]"),
            time_word_re=_alternation(time_words),
            term_re=_alternation(numeral_terms),
            change_only_re=re.compile(
                "|".join(map(re.escape, sorted(change_words, key=len, reverse=True)))
                + r"|(?:同比|较|比)?(?:去年|上年)(?:同期)?(?:相比)?|同比|较\S{0,6}?年"
                # 在2015年的基础上分别削减了14%: a baseline, as 较2015年
                + r"|在\S{0,6}?年的?基础上"
            ),
            to_words=tuple(sorted({s for s, _, _ in prefix if s.endswith(("到", "至"))} | {"到", "至"},
                                  key=len, reverse=True)),
            regions=regions if regions is not None else RegionIndex.load(),
            report_words=_by_kind(_rows(folder, "report_sections.csv")),
        )


def _by_term(rows: list[dict[str, str]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["term"], []).append(r["member"])
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def default_grammar() -> Grammar:
    """The grammar of loaders/data/, built on first use and kept for the process."""
    return Grammar.load()

"""Stage 4: quantified measures (targets and outcomes) from sentences, as a pipeline of small passes.

Grammar, not sample rules: a measure is a number (loaders/numbers.py) directly followed by a unit or a
classifier (data/units.csv), not part of a date, a name, a code or a quotation (data/numeral_terms.csv).
Around it we read the comparator (data/comparators.csv), the kind (the section label found by
loaders/items.py, then markers in data/kind_markers.csv and the document type), the year (explicit years and
relative time words, data/time_words.csv) and the subject (the clause's noun phrase). Lists
("A、B、C分别为1吨、2吨、3吨") give one measure per subject (data/metric_words.csv finds the shared metric).
Masked numbers (*, (略)) give a measure with a null value and is_masked.

The passes, in order (PASSES below); each takes the DocumentView and the list of Candidate records and
returns a new list of new records (Candidate.but), setting only the fields it owns (see Candidate):

    candidates.find_candidates      numbers with a unit                       number, start, unit, end
    comparators.read_comparators    unit and comparator (+ rule)              suffix, prefix, is_change, comparator
    subjects.assign_subjects        subject, lists of subjects                subject, shared_by
    sections.read_sections          work-report part: review / plan, year     section
    filters.drop_non_measures       numbers that are no measure               dropped
    then per kept candidate:
    kinds.kind_and_year             kind, year, period (+ rules)              -> KindYear
    _to_measures                    region and scope: item path, sentence, mentioned regions, rate unit

Every dictionary is held by one Grammar (grammar.py), built once per process on first use and reachable
from every pass as doc.grammar; pass `grammar=` to extract_measures to swap tables in a test.

To add a kind rule, write a function of a KindContext returning (kind, rule name) or None and put it at
its place in kinds.KIND_RULES (the first rule that applies decides).

To add a subject rule, write it as a small named function in the module of subjects/ for its kind of
figure (counts, shares, sizes, dates …: the package docstring lists them) and call it from
subjects/flow.py; a word or regex several kinds share goes to subjects/common.py.

To add a pass (say, work-report sections: review -> outcome of the previous year): write a module with a
function `(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]`, give it the fields it decides
(add them to Candidate with a default, under a comment naming the pass), put it in PASSES at its place,
test it alone on candidates you build by hand (tests/test_measures_passes.py shows how), and, when it
decides kind, comparator or year, name its rule so that the `rules` column says so.

Where each shared concept lives (one implementation each):
- clause and sentence breaks: loaders/breaks.py (also read by domains.py and items.py; the SQL macro
  clause_at uses the same characters, proven by tests/test_breaks.py);
- Chinese numerals: loaders/numbers.py (parse_chinese_integer / chinese_integer; items.py and metadata.py
  call it);
- item markers: loaders/items.py (_MARKER; starts_with_number_marker for metadata.py and reading.py);
- indicator matching: models/intermediate/int_measures_indicator_matched.sql, the reference; its Python
  mirror evaluate.assign_indicator is proven to agree on the seeds' synonyms by
  tests/test_indicator_matching.py;
- reference tables (regions, domains, keywords, indicators): loaders/reference.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loaders.measures.candidates import Candidate, find_candidates, words_only_unit
from loaders.measures.comparators import read_comparators
from loaders.measures.document import DocumentView
from loaders.measures.filters import drop_non_measures
from loaders.measures.grammar import Grammar, Unit, default_grammar
from loaders.measures.kinds import KindYear, kind_and_year
from loaders.measures.sections import read_sections
from loaders.measures.subjects import assign_subjects
from loaders.measures.subjects.clean import without_time_and_region_opening
from loaders.records import Item, Measure, Metadata, Sentence

Pass = Callable[[DocumentView, list[Candidate]], list[Candidate]]
PASSES: tuple[Pass, ...] = (read_comparators, assign_subjects, read_sections, drop_non_measures)

__all__ = ["PASSES", "Candidate", "DocumentView", "Grammar", "KindYear", "extract_measures", "default_grammar"]


def extract_measures(text: str, items: list[Item], sentences: list[Sentence], metadata: Metadata,
                     grammar: Grammar | None = None) -> list[Measure]:
    doc = DocumentView(text, items, sentences, metadata, grammar or default_grammar())
    cands = find_candidates(doc)
    for run in PASSES:
        cands = run(doc, cands)
    out: list[Measure] = []
    for c in cands:
        if c.dropped:
            continue
        decided = kind_and_year(doc, c)
        out += _to_measures(doc, c, decided)
    return out


# 吨钢综合能耗 / 吨碱能耗: the energy used per ton of a product (吨 alone, not a quantity's 5万吨)
_PER_TON_OF_PRODUCT_RE = re.compile(r"(?<![\d.万千百十亿])吨[\u4e00-\u9fff]{1,6}?(?:综合)?能耗")


def _rate_unit(doc: DocumentView, unit: Unit, before: str) -> tuple[str, float]:
    """The rate a quantity is written as (日处理4300吨: t a day; 度电排放0.13千克: g per kWh) and the factor from
    the quantity's canonical unit to the rate's."""
    for word, base, rate, factor in doc.grammar.rate_words:
        if unit.unit == base and word in before:
            return rate, factor
    if unit.unit == "tce" and _PER_TON_OF_PRODUCT_RE.search(before):
        return "kgce_per_t", 1000.0  # 吨碱能耗强度下降到325千克标准煤: energy per ton of product, in kgce
    return unit.unit, 1.0


def _qualifier(c: Candidate) -> str | None:
    """How the number is hedged as written: 余 / 多, 近 / 约, 左右, 以上 ..."""
    if c.number is not None and c.number.qualifier:
        return c.number.qualifier
    if c.prefix and c.prefix[1] != "eq":
        return c.prefix[0]
    return c.suffix_text


def _to_measures(doc: DocumentView, c: Candidate, d: KindYear) -> list[Measure]:
    """Region and scope: one Measure per subject the value holds for, placed in its item and sentence."""
    text = doc.text
    unit, rate_factor = _rate_unit(doc, c.unit, text[d.clause[0] : c.start])
    value = None
    if c.number is not None:
        raw = c.number.high if c.comparator in ("le", "lt") and c.number.high is not None else c.number.value
        value = round(raw * c.unit.factor * rate_factor, 10)
    item_path = d.sentence.item_path if d.sentence and d.sentence.item_path else doc.item_path(c.start)
    regions = doc.mentioned_regions(d.sentence_start, d.sentence_end)
    rules = ";".join((d.kind_rule, c.comparator_rule, d.year_rule))
    return [
        Measure(
            kind=d.kind,
            subject_zh=without_time_and_region_opening(subject),
            comparator=c.comparator,
            value=value,
            # A浓度、B比例达到省考核要求: each listed metric of a figure in words keeps its own unit
            unit=(c.words_only and len(c.shared_by) > 1 and words_only_unit(subject)) or unit,
            value_text=text[c.start : c.end],
            char_start=c.start,
            char_end=c.end,
            sentence_start=d.sentence_start,
            sentence_end=d.sentence_end,
            item_path=item_path,
            year=d.year,
            period=d.period,
            is_masked=c.number is None and not c.words_only,
            is_change=c.is_change,
            qualifier=_qualifier(c),
            mentioned_regions=list(regions),
            rules=rules,
        )
        for subject in c.shared_by or (c.subject,)
    ]

"""Domain classification of items and measures (air, water, soil, ... party_building).

The vocabulary is domain_keywords.csv (loaders/reference.py) (domain_code, keyword, weight); the domains and their order
(used to break ties) are domains.csv. Matching:

- bodies: one Aho-Corasick pass, leftmost-longest, so a specific compound ("农村黑臭水体") speaks
  instead of its parts ("农村", "黑臭水体"); Latin keywords (PM2.5, VOCs) match case-insensitively;
- headings: short, so they are segmented with jieba (dictionary extended with the keywords, once per
  process) and a keyword counts only where it starts or ends on a word boundary (not buried inside
  another word).

An item's score = its body, scaled to a total of BODY_TOTAL points so that headings weigh more, + its
own heading x4 + its parent's heading x2.5 + every higher heading x1.5.
A measure's score = its subject x3 + its clause x2 + the rest of its sentence x1 + 2 for its item's
domain; in the subject and the clause the last keyword before the number (the head of the phrase)
counts three times. The clause and the rest are read by offsets from the document's one keyword pass
(text_matches, also the items'), which gives what a pass over each would wherever no keyword crosses
their edges; elsewhere each is matched on its own.
The domain with the highest score wins; None when no keyword matches.
"""

from __future__ import annotations

import bisect
import csv
import functools
import threading
from collections import defaultdict
from dataclasses import dataclass

import jieba

from loaders.breaks import CLAUSE_BREAK_RE, LAST_CLAUSE_BREAK_RE
from loaders.matching import Automaton
from loaders.records import Item, Measure
from loaders.reference import seed

HEADING_WEIGHTS = (4.0, 2.5, 1.5)  # own heading, parent heading, every higher ancestor
BODY_TOTAL = 6.0  # a body's keyword scores are scaled to this total: one strong heading word outweighs it
SUBJECT_WEIGHT, HEAD_BONUS, CLAUSE_WEIGHT, SENTENCE_WEIGHT, ITEM_PRIOR = 3.0, 3.0, 2.0, 1.0, 2.0

Scores = dict[str, float]


@dataclass(frozen=True)
class _Vocabulary:
    automaton: Automaton  # lowercased keyword -> (keyword, ((domain, weight), ...))
    order: dict[str, int]  # domain_code -> position in domains.csv (tie-break)


@functools.cache
def _vocabulary() -> _Vocabulary:
    with open(seed("domains.csv"), encoding="utf-8") as fh:
        order = {row["domain_code"]: i for i, row in enumerate(csv.DictReader(fh))}
    by_keyword: dict[str, list[tuple[str, float]]] = defaultdict(list)
    with open(seed("domain_keywords.csv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["domain_code"] not in order:
                raise ValueError(f"domain_keywords.csv: unknown domain {row['domain_code']!r} for {row['keyword']!r}")
            by_keyword[row["keyword"].strip()].append((row["domain_code"], float(row["weight"])))
    automaton = Automaton()
    for keyword, pairs in by_keyword.items():
        automaton.add_word(keyword.lower(), (keyword, tuple(pairs)))
    automaton.make_automaton()
    return _Vocabulary(automaton, order)


_jieba_lock = threading.Lock()
_jieba_ready = False


def init_jieba() -> None:
    """Load jieba's dictionary once per process and teach it the domain keywords (words added to jieba's
    default dictionary). Done lazily on the first heading; a worker pool may call it in its initializer."""
    global _jieba_ready
    with _jieba_lock:
        if _jieba_ready:
            return
        jieba.setLogLevel(60)
        jieba.initialize()
        for _, (keyword, _pairs) in _vocabulary().automaton.items():
            if not keyword.isascii():
                jieba.add_word(keyword)
        _jieba_ready = True


def _add(scores: Scores, pairs: tuple[tuple[str, float], ...], factor: float) -> None:
    for domain, weight in pairs:
        scores[domain] = scores.get(domain, 0.0) + weight * factor


def _matches(text: str):
    """(start, end, keyword, pairs) of the leftmost-longest keyword matches in text."""
    for end, (keyword, pairs) in _vocabulary().automaton.iter_long(text.lower()):
        yield end + 1 - len(keyword), end + 1, keyword, pairs


def score_text(text: str, factor: float = 1.0, scores: Scores | None = None) -> Scores:
    scores = {} if scores is None else scores
    for _start, _end, _keyword, pairs in _matches(text):
        _add(scores, pairs, factor)
    return scores


@functools.lru_cache(maxsize=4096)
def _heading_scores(heading: str) -> tuple[tuple[str, float], ...]:
    """Keyword scores of a short heading, counting only keywords aligned with jieba's word boundaries.
    The heading is segmented only when a keyword's alignment is in doubt: most headings hold no Chinese
    keyword, and one that opens or closes the heading is aligned (jieba's words cover the whole heading)."""
    if not heading:
        return ()
    scores: Scores = {}
    bounds: set[int] | None = None
    for start, end, keyword, pairs in _matches(heading):
        if not (keyword.isascii() or start == 0 or end == len(heading)):
            bounds = _word_bounds(heading) if bounds is None else bounds
            if start not in bounds and end not in bounds:
                continue
        _add(scores, pairs, 1.0)
    return tuple(scores.items())


def _word_bounds(heading: str) -> set[int]:
    """Offsets where jieba's words of heading start or end (0 and len(heading) among them)."""
    init_jieba()
    bounds, pos = {0}, 0
    for token in jieba.cut(heading, HMM=False):
        pos += len(token)
        bounds.add(pos)
    return bounds


def score_headings(headings: list[str], scores: Scores | None = None) -> Scores:
    """headings: the item's own heading first, then its parent's, then higher ancestors'."""
    scores = {} if scores is None else scores
    for i, heading in enumerate(headings):
        factor = HEADING_WEIGHTS[min(i, len(HEADING_WEIGHTS) - 1)]
        for domain, value in _heading_scores(heading):
            scores[domain] = scores.get(domain, 0.0) + value * factor
    return scores


def best_domain(scores: Scores) -> str | None:
    order = _vocabulary().order
    positive = [(value, -order[d], d) for d, value in scores.items() if value > 0]
    return max(positive)[2] if positive else None


def _scaled(scores: Scores) -> Scores:
    total = sum(scores.values())
    return {d: v * BODY_TOTAL / total for d, v in scores.items()} if total else {}


def classify_domain(text: str, headings: list[str] | None = None) -> str | None:
    """Domain of a text given its headings (own heading first, then ancestors'), or None."""
    return best_domain(score_headings(headings or [], _scaled(score_text(text))))


def heading_chain(items: list[Item]) -> list[list[str]]:
    """For each item, its own heading followed by its ancestors' headings (nearest first)."""
    by_path = {it.item_path: it for it in items if it.level}
    chains = []
    for it in items:
        chain, node = [it.heading], it
        while node.level and node.parent_path:
            node = by_path[node.parent_path]
            chain.append(node.heading)
        chains.append(chain)
    return chains


def classify_items(text: str, items: list[Item], matches: TextMatches | None = None) -> list[str | None]:
    """Domain of every item (aligned with items): one keyword pass over the whole text (matches, when the
    caller has text_matches(text)), each match credited to the deepest item holding it and to that item's
    ancestors, plus the heading chain."""
    starts = [it.char_start for it in items]
    index = {it.item_path: i for i, it in enumerate(items) if it.level}
    own: list[Scores] = [{} for _ in items]
    if matches is not None:
        found = zip(matches.starts, matches.pairs, strict=True)
    else:  # _matches, inlined: 10^5 calls
        found = ((end + 1 - len(keyword), pairs)
                 for end, (keyword, pairs) in _vocabulary().automaton.iter_long(text.lower()))
    for start, pairs in found:
        j = bisect.bisect_right(starts, start) - 1
        if j >= 0 and start < items[j].char_end:
            _add(own[j], pairs, 1.0)
    body: list[Scores] = [dict(s) for s in own]
    for i, it in enumerate(items):
        node = it
        while node.level and node.parent_path:
            parent = index[node.parent_path]
            _add(body[parent], tuple(own[i].items()), 1.0)
            node = items[parent]
    return [best_domain(score_headings(chain, _scaled(body[i]))) for i, chain in enumerate(heading_chain(items))]


def _score_phrase(text: str, factor: float, scores: Scores, head_end: int | None = None) -> None:
    """Add text's keyword scores; the last keyword ending by head_end counts HEAD_BONUS times: a Chinese
    noun phrase ends with its head, so in "氮氧化物累计减排量5207吨" the metric is the reduction."""
    _score_found([(end, pairs) for _s, end, _k, pairs in _matches(text)], factor, scores, head_end)


def _score_found(found: list[tuple[int, tuple[tuple[str, float], ...]]], factor: float, scores: Scores,
                 head_end: int | None = None) -> None:
    """_score_phrase on the (end, pairs) of a phrase's matches, already found."""
    head = -1
    for i, (end, _pairs) in enumerate(found):
        if head_end is None or end <= head_end:
            head = i
    for i, (_end, pairs) in enumerate(found):
        _add(scores, pairs, factor * (HEAD_BONUS if i == head else 1.0))


@functools.lru_cache(maxsize=1 << 16)
def _measure_scores(subject: str, clause: str, head_end: int, rest: str) -> tuple[tuple[str, float], ...]:
    """Keyword scores of a measure's words; kept per words, as the measures of a sentence and the
    boilerplate of a corpus repeat them."""
    scores: Scores = {}
    _score_phrase(subject, SUBJECT_WEIGHT, scores)
    _score_phrase(clause, CLAUSE_WEIGHT, scores, head_end=head_end)
    score_text(rest, SENTENCE_WEIGHT, scores)
    return tuple(scores.items())


@dataclass(frozen=True)
class TextMatches:
    """The keyword matches of a whole text (offsets in it), found once for its items and all its measures."""
    starts: list[int]
    ends: list[int]
    pairs: list[tuple[tuple[str, float], ...]]

    def cut(self, edges: tuple[int, ...]) -> list[int] | None:
        """For ascending edges, the index of the first match starting at or after each; None when a match
        crosses an edge: a piece's own leftmost-longest pass then finds exactly the matches inside it (none
        crosses its edges), else it may find others."""
        out = []
        for edge in edges:
            k = bisect.bisect_left(self.starts, edge)
            if k and self.ends[k - 1] > edge:
                return None
            out.append(k)
        return out


def text_matches(text: str) -> TextMatches | None:
    """One keyword pass over text; None where a piece's matches could not be read from it: lower-casing
    that changes lengths (İ) or depends on the context (final Σ), or a keyword holding the line break that
    joins a measure's rest of sentence."""
    lowered = text.lower()
    if not _offsets_keep() or "Σ" in text or len(lowered) != len(text):
        return None
    found = _vocabulary().automaton.iter_long(lowered)  # _matches, unrolled: hundreds of matches a document
    return TextMatches([end + 1 - len(keyword) for end, (keyword, _pairs) in found], [end + 1 for end, _ in found],
                       [pairs for _end, (_keyword, pairs) in found])


@functools.cache
def _offsets_keep() -> bool:
    """Every keyword keeps its length lower-cased (match starts are counted with it) and holds no line break."""
    return all(len(keyword) == len(lowered) and "\n" not in lowered
               for lowered, (keyword, _pairs) in _vocabulary().automaton.items())


@functools.lru_cache(maxsize=1 << 14)  # subjects recur within a document and across a corpus
def _subject_found(subject: str) -> tuple[tuple[int, tuple[tuple[str, float], ...]], ...]:
    return tuple((end, pairs) for _s, end, _k, pairs in _matches(subject))


def _scores_from_matches(matches: TextMatches, subject: str, edges: tuple[int, int, int, int],
                         head_end: int) -> Scores | None:
    """_measure_scores read from the text's matches (edges: sentence start, clause start, clause end,
    sentence end), the same additions in the same order; None when they cannot be read from them."""
    cut = matches.cut(edges)
    if cut is None:
        return None
    i0, i1, i2, i3 = cut
    c0, pairs = edges[1], matches.pairs
    scores: Scores = {}
    _score_found(list(_subject_found(subject)), SUBJECT_WEIGHT, scores)
    _score_found([(matches.ends[k] - c0, pairs[k]) for k in range(i1, i2)], CLAUSE_WEIGHT, scores, head_end)
    for k in (*range(i0, i1), *range(i2, i3)):  # the rest of the sentence: before the clause, then after it
        _add(scores, pairs[k], SENTENCE_WEIGHT)
    return scores


def classify_measure(text: str, measure: Measure, item_domain: str | None,
                     matches: TextMatches | None = None) -> str | None:
    """Domain of a measure: its subject, then its clause and sentence, with its item's domain as a prior.
    matches: text_matches(text), when the caller has it (read by offsets instead of three passes a measure)."""
    s0, s1 = measure.sentence_start, measure.sentence_end
    last = LAST_CLAUSE_BREAK_RE.match(text, s0, max(s0, measure.char_start))
    c0 = last.end() if last else s0  # after the last clause break before the measure, within its sentence
    end = CLAUSE_BREAK_RE.search(text, measure.char_end, s1) if measure.char_end < s1 else None
    c1 = end.start() if end else s1
    subject, head_end = measure.subject_zh or "", measure.char_start - c0
    scores = None
    if matches is not None and 0 <= s0 <= c0 <= c1 <= s1 <= len(text):
        scores = _scores_from_matches(matches, subject, (s0, c0, c1, s1), head_end)
    if scores is None:
        rest = text[s0:c0] + "\n" + text[c1:s1]  # the rest of the sentence
        scores = dict(_measure_scores(subject, text[c0:c1], head_end, rest))
    if item_domain:
        scores[item_domain] = scores.get(item_domain, 0.0) + ITEM_PRIOR
    return best_domain(scores)

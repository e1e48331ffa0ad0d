"""The loader's speed rewrites (issue 12) give exactly what the plain forms they replaced gave: each
fast form is compared with its plain reference on the sample documents and on random strings built
from the characters that decide it (the references are the former code, kept here)."""

from __future__ import annotations

import hashlib
import random
import re
import sys
from dataclasses import FrozenInstanceError, dataclass
from pathlib import Path

import pytest

from loaders import domains, metadata, numbers, reading, semantics
from loaders.breaks import CLAUSE_BREAK_RE, CLAUSE_BREAKS, clause_break_positions
from loaders.measures import candidates, document
from loaders.measures.grammar import words_re
from loaders.pipeline import process_document, rows_sha256
from loaders.records import RAW_DOCUMENT_COLUMNS, RAW_ITEM_COLUMNS, RAW_MEASURE_COLUMNS, Sentence, fast_init

DOCUMENTS = sorted((Path(__file__).resolve().parents[1] / "data" / "documents").glob("*.txt"))

# the former patterns: a lookahead or lookbehind first (tried at every position)
REFERENCE_PATTERNS = {
    "year": (document.YEAR_RE, r"(?=[12])(?<!\d)(?<!\d[\-—–~～至])((?:19|20)\d\d)\s?年(?!度|代)", "12900年度代-—至5 ~x",
             ("2025年", "到2025年底", "2021—2025年", "12025年", "1999 年度", "2020年代")),
    "plan_period": (document._PLAN_PERIOD_RE,
                    r"(?=[“\"十])[“\"]?十([一二三四五六七八九])五[”\"]?(?:期间|时期)(?!相比|比较|[^,，;；。\n]{0,12}(?:方案|规划))",
                    "“\"”十一二五期间时相比较方案规划,。\n x",
                    ("“十四五”期间", "十三五时期", "\"十二五\"期间相比", "十四五期间规划", "“十四五时期，")),
    "body_year": (metadata._BODY_YEAR, r"(?=2)(?<![\d〔\[(/-])(20\d{2})\s*年", "20213年〔[(/- 9x",
                  ("2023年", "〔2023年", "12023年", "(2021 年", "/2020年", "x2024 年")),
    "bare_ratio": (candidates._BARE_RATIO_RE, r"(?<=[为达到在])(\d+(?:\.\d+)?)(?=[,，;；。\n])", "为达到在123.,，;。\nx ",
                   ("比例保持为0。", "达到12.5,", "在3", "为 4。")),
}


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in DOCUMENTS]


def _random(alphabet: str, n: int = 3000, seed: int = 12) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def _matches(pattern: re.Pattern[str], text: str) -> list:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("name", sorted(REFERENCE_PATTERNS))
def test_patterns_opening_with_their_first_character_match_as_before(name):
    fast, reference, alphabet, examples = REFERENCE_PATTERNS[name]
    reference = re.compile(reference)
    texts = list(examples) + _texts() + _random(alphabet)
    assert any(_matches(reference, t) for t in texts)  # the strings do exercise the pattern
    for text in texts:
        assert _matches(fast, text) == _matches(reference, text), text


def test_bare_round_figures_are_never_skipped_by_the_hint():
    for text in _random("突破近超逾上以马十百千万亿人x"):
        if numbers.BARE_ROUND_RE.search(text):
            assert numbers._BARE_ROUND_HINT.search(text), text
    assert [n.value for n in numbers.find_numbers("GDP突破千亿元,上万人参与")] == [1e11, 1e4]


def _find_numbers_reference(text: str) -> list[tuple]:
    """The former find_numbers (one call per number; BARE_ROUND_RE scanned over the whole text when its hint is
    there), as (start, end, text, value, high, qualifier, chinese, percent)."""
    out = []
    for m in numbers.NUMBER_RE.finditer(text):
        start = m.start()
        if start >= 2 and text[start - 1] == "." and text[start - 2].isdigit():
            continue
        lom, hia, him, q1, q2 = m.group("lom", "hia", "him", "q1", "q2")
        loa, loc = numbers.number_text(m, text)
        if loc:
            try:
                value = float(numbers.parse_chinese_integer(loc))
            except ValueError:
                continue
            chinese = True
        else:
            value, chinese = numbers.parse_arabic(loa, lom), False
        high = None
        if hia:
            if not chinese:
                value = numbers.parse_arabic(loa, lom or him)
            high = numbers.parse_arabic(hia, him)
            high = None if high < value else high
        out.append(numbers.Number(start, m.end(), m.group(), value, high, q2 or q1, chinese))
    out = numbers.multiplier_after_hedge(text, out)  # a later step of the loop's own (not of its speed)
    for m in numbers.BARE_ROUND_RE.finditer(text) if numbers._BARE_ROUND_HINT.search(text) else ():
        value = numbers.CN_UNITS.get(m.group("place") or "", 1) * numbers.MULTIPLIERS[m.group("mult")]
        out = [n for n in out if not (m.start() <= n.start < m.end())]
        before = text[m.start() - 1]
        if before in numbers.ROUND_FLOOR_WORDS:
            out.append(numbers.Number(m.start() - 1, m.end(), before + m.group(), value, qualifier=before))
        else:
            out.append(numbers.Number(m.start(), m.end(), m.group(), value))
    # shares, 百分之 and fractions; bare round hundreds and thousands (近千家, a later rule of its own): unchanged code
    fast_rest = [n for n in numbers.find_numbers(text)
                 if n.percent or (not n.chinese and not n.text[0].isdigit() and n.text[-1] in "百千")]
    out = [n for n in out if not any(p.start <= n.start < p.end for p in fast_rest)] + fast_rest
    return sorted(((n.start, n.end, n.text, n.value, n.high, n.qualifier, n.chinese, n.percent) for n in out),
                  key=lambda t: t[0])


def test_numbers_found_as_by_the_former_loop():
    """find_numbers with its loop inlined and BARE_ROUND_RE matched only after a hint's first character finds
    the same numbers, in the same order, as the former code."""
    texts = ["GDP突破千亿元,上万人参与", "近十万亿", "超百万吨", "以上万人", "马上万事", "逾千万", "突破十万亿元", "62.596.6%",
             "5—10万", "1.6万余", "三千五百", "突破突破千亿"]
    texts += _texts() + _random("突破近超逾上以马十百千万亿人0123456789.,—余多一二两x", n=8000)
    rounds = 0
    for text in texts:
        fast = [(n.start, n.end, n.text, n.value, n.high, n.qualifier, n.chinese, n.percent)
                for n in numbers.find_numbers(text)]
        assert fast == _find_numbers_reference(text), text
        rounds += any(t[2][-1] in "万亿" and not t[2][0].isdigit() for t in fast)
    assert rounds > 100  # the strings do exercise the round figures


# the former pattern of numbers: a lookahead first, then the groups of the whole first number
_NUMBER_REFERENCE = re.compile(
    r"(?=[\d零〇一二两三四五六七八九十])"
    r"(?:(?P<loa>\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)[^\S\n]?(?P<lom>(?:万亿|千万|百万|万|亿|千(?![瓦米克])))?"
    r"|(?P<loc>(?:[零〇一二两三四五六七八九]|十)[零〇一二两三四五六七八九十百千]*))(?P<q1>(?:余|多))?"
    r"(?:[^\S\n]?(?:-|—|–|~|～|至)[^\S\n]?(?:(?P<hia>\d+(?:,\d{3}(?!\d))*(?:\.\d+)?)[^\S\n]?"
    r"(?P<him>(?:万亿|千万|百万|万|亿|千(?![瓦米克])))?)(?P<q2>(?:余|多))?)?")


def test_numbers_are_matched_as_with_the_former_pattern():
    texts = ["7.5万", "1,200吨", "346.4亿元", "1.6万余", "十六", "两个", "5—10万", "近8000", "62.596.6%", "3095-2012",
             "1,2345", "三千五百", "10 万千瓦", "二〇二三年", "５０", "１２.５万"]
    texts += _texts() + _random("0123456789,.十一两〇零百千万亿余多-—~至 x瓦", n=6000)
    groups = ("lom", "q1", "hia", "him", "q2")
    for text in texts:
        reference = [(m.span(), m.group("loa"), m.group("loc"), m.group(*groups)) for m in _NUMBER_REFERENCE.finditer(text)]
        fast = [(m.span(), *numbers.number_text(m, text), m.group(*groups)) for m in numbers.NUMBER_RE.finditer(text)]
        assert fast == reference, text
    for written in ("7.5万", "1.6万余", "十六", "1,200", "三千五百"):
        assert numbers.parse_number(written) == {"7.5万": 75000, "1.6万余": 16000, "十六": 16, "1,200": 1200,
                                                 "三千五百": 3500}[written]


# the former pattern of shares in words: its hedges looked for behind, first (tried at every position)
_SHARE_WORDS_REFERENCE = re.compile(
    r"(?:(?<=超)|(?<=近)|(?P<over>[过逾]))(?:(?P<tenths>[一二两三四五六七八九])成|半(?:数)?)"
    r"|(?P<bare>[一二两三四五六七八九])成(?=以上|左右)")


def _share_words_reference(text: str) -> list[tuple]:
    out = []
    for m in _SHARE_WORDS_REFERENCE.finditer(text):
        tenths = m.group("tenths") or m.group("bare")
        out.append((m.span(), float(numbers.CN_DIGITS[tenths] * 10) if tenths else 50.0, m.group("over")))
    return out


def test_shares_in_words_are_read_as_with_the_former_pattern():
    texts = ["超三成", "近六成", "过半", "过半数", "逾三成以上", "七成以上", "一成不变", "一半", "超过半数", "近半数的"]
    texts += _texts() + _random("超近过逾一两七半数成以上左右x", n=6000)
    found = 0
    for text in texts:
        reference = _share_words_reference(text)
        fast = [((n.start, n.end), n.value, n.qualifier) for n in numbers.find_numbers(text) if n.percent]
        assert fast == reference, text
        found += len(reference)
    assert found > 100  # the strings do exercise the pattern


def test_last_clause_break_found_in_one_scan_as_by_every_break():
    from loaders.breaks import LAST_CLAUSE_BREAK_RE

    rng = random.Random(5)
    for text in _random("，,。;：:\n\n甲乙 ", n=3000):
        pos = rng.randint(0, len(text))
        endpos = rng.randint(pos, len(text))
        reference = pos  # the former loop of domains.classify_measure
        for m in CLAUSE_BREAK_RE.finditer(text, pos, endpos):
            reference = m.end()
        last = LAST_CLAUSE_BREAK_RE.match(text, pos, endpos)
        assert (last.end() if last else pos) == reference, (text, pos, endpos)


def test_clause_break_positions_are_those_of_the_pattern():
    texts = _texts() + _random("".join(CLAUSE_BREAKS) + "a中、 \U00020000\ud800") + [""]
    for text in texts:
        assert clause_break_positions(text) == [m.start() for m in CLAUSE_BREAK_RE.finditer(text)]


def test_words_re_finds_a_word_where_the_slice_holds_one():
    words = ("拟", "力争", "计划到")
    rng = random.Random(3)
    for text in _random("拟力争计划到x", 2000):
        a, b = rng.randint(-2, len(text) + 2), rng.randint(-2, len(text) + 2)
        a, b = max(a, 0), max(b, 0)
        assert bool(words_re(words).search(text, a, b)) == any(w in text[a:b] for w in words), (text, a, b)
    assert words_re(()).search("anything") is None


def test_clause_start_and_end_as_with_one_search_per_break_character():
    def start(sentence, at):
        return max((sentence.rfind(ch, 0, at) for ch in CLAUSE_BREAKS), default=-1) + 1

    def end(sentence, at):
        return min((e for e in (sentence.find(ch, at) for ch in CLAUSE_BREAKS) if e >= 0), default=len(sentence))

    rng = random.Random(5)
    for sentence in _random("ab，,。\n;：、的"):
        at = rng.randint(-15, 15)  # a table cell may lie outside its row label: negative and past the end too
        assert semantics._clause_start(sentence, at) == start(sentence, at), (sentence, at)
        found = CLAUSE_BREAK_RE.search(sentence, semantics._position(sentence, at))
        assert (found.start() if found else len(sentence)) == end(sentence, at), (sentence, at)


@dataclass(frozen=True)
class _Plain:
    a: int
    b: str = "x"
    c: tuple = ()


@fast_init
@dataclass(frozen=True)
class _Fast:
    a: int
    b: str = "x"
    c: tuple = ()


def test_fast_init_builds_the_same_frozen_record():
    for args, kwargs in (((1,), {}), ((1, "y"), {}), ((2,), {"c": (1,)}), ((), {"a": 3, "b": "z"})):
        plain, fast = _Plain(*args, **kwargs), _Fast(*args, **kwargs)
        assert plain.__dict__ == fast.__dict__ and list(plain.__dict__) == list(fast.__dict__)
        assert hash(fast) == hash(_Fast(*args, **kwargs))
    with pytest.raises(FrozenInstanceError):
        _Fast(1).a = 2
    with pytest.raises(TypeError):
        _Fast()
    assert Sentence(1, 5, "一") == Sentence(char_start=1, char_end=5, item_path="一", section_kind=None)


def _reference_rows_sha256(result) -> str:
    digest = hashlib.sha256()
    for rows, columns in (([result.document], RAW_DOCUMENT_COLUMNS), (result.items, RAW_ITEM_COLUMNS),
                          (result.measures, RAW_MEASURE_COLUMNS)):
        for row in rows:
            digest.update(repr([row.get(c) for c in columns if c != "rows_sha256"]).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def test_rows_sha256_is_the_hash_of_each_rows_repr():
    result = process_document(DOCUMENTS[0].read_bytes(), DOCUMENTS[0].name)
    assert result.measures and result.items
    assert rows_sha256(result) == _reference_rows_sha256(result) == result.document["rows_sha256"]
    before = rows_sha256(result)
    del result.measures[0]["unit"]  # a row missing a column hashes as None for it
    assert rows_sha256(result) == _reference_rows_sha256(result) != before


def test_a_header_key_opens_a_line_where_its_first_key_starts_at_zero():
    """parse_header_line matches a key at the start before looking for every key of the line."""
    keys = reading._header_key_regex()
    lines = [line for text in _texts() for line in text.split("\n")]
    lines += ["发布机构:某市生态环境局 发文日期:2023-01-05", "索引号: 123", "正文 发布机构:X", ""]
    assert any(keys.match(line) for line in lines)
    for line in lines:
        found = list(keys.finditer(line))
        assert bool(keys.match(line)) == bool(found and found[0].start() == 0), line


def test_compare_raw_tells_identical_loads_from_different_ones(tmp_path, capsys):
    import pyarrow as pa
    import pyarrow.parquet as pq

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # benchmarks/ is not installed (test_benchmarks_synthetic.py)
    from benchmarks.compare_raw import compare

    rows = {"measure_id": ["a:1", "a:2"], "value": [1.0, 2.0]}
    errors = {"source_file": ["x.txt"], "occurred_at": ["2026-11-29T10:00:00"]}
    for tag, value, at in (("before", 2.0, "10:00"), ("same", 2.0, "11:00"), ("other", 2.5, "10:00")):
        (tmp_path / tag).mkdir()
        pq.write_table(pa.table({**rows, "value": [1.0, value]}), tmp_path / tag / "raw_measures.parquet")
        pq.write_table(pa.table({**errors, "occurred_at": [f"2026-11-29T{at}:00"]}), tmp_path / tag / "raw_load_errors.parquet")
    assert compare(tmp_path / "before", tmp_path / "same")  # the time of a load error does not count
    assert not compare(tmp_path / "before", tmp_path / "other")
    assert "raw_measures.parquet: 2 / 2 rows, DIFFERENT" in capsys.readouterr().out


def _measure_scores_reference(subject: str, clause: str, head_end: int, rest: str) -> list:
    """The former domains._measure_scores: subject, clause (its head counted HEAD_BONUS times), rest."""
    scores: dict[str, float] = {}
    for text, factor, head_at in ((subject, domains.SUBJECT_WEIGHT, None), (clause, domains.CLAUSE_WEIGHT, head_end)):
        found = list(domains._matches(text))
        heads = [i for i, (_s, end, _k, _p) in enumerate(found) if head_at is None or end <= head_at]
        head = heads[-1] if heads else -1
        for i, (_start, _end, _keyword, pairs) in enumerate(found):
            domains._add(scores, pairs, factor * (domains.HEAD_BONUS if i == head else 1.0))
    domains.score_text(rest, domains.SENTENCE_WEIGHT, scores)
    return list(scores.items())


def test_measure_scores_read_from_the_text_pass_as_from_three_passes():
    """classify_measure reads a measure's clause and rest of sentence from one keyword pass over the whole
    text (domains.text_matches, also classify_items'): the same scores, added in the same order, as the
    former three passes (subject, clause, rest joined by a line break); where a keyword crosses an edge of
    the sentence or clause, or lower-casing moves offsets, it declines (None) and the former passes run."""
    keywords = [k for k, _ in domains._vocabulary().automaton.items()]
    rng = random.Random(12)
    pieces = [*rng.sample(keywords, 60), *(k[: len(k) // 2] for k in rng.sample(keywords, 30)),
              *(k[len(k) // 2:] for k in rng.sample(keywords, 30)), "，", "。", "、", "：", "\n", "12", "吨", "Σ", "İ", "pm"]
    read = declined = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        s0, c0, c1, s1 = sorted(rng.randint(0, len(text)) for _ in range(4))
        subject, head_end = rng.choice(["", *pieces[:60]]), rng.randint(-2, c1 - c0 + 2)
        matches = domains.text_matches(text)
        fast = matches and domains._scores_from_matches(matches, subject, (s0, c0, c1, s1), head_end)
        if fast is None:
            declined += 1
            continue
        read += 1
        rest = text[s0:c0] + "\n" + text[c1:s1]
        reference = _measure_scores_reference(subject, text[c0:c1], head_end, rest)
        assert list(fast.items()) == reference == list(domains._measure_scores(subject, text[c0:c1], head_end, rest))
    assert read > 600 and declined > 600  # both ways taken


def test_the_text_pass_declines_where_a_piece_pass_could_differ():
    keyword = next(k for k, _ in domains._vocabulary().automaton.items() if len(k) >= 4 and k.isalpha())
    text = "，" + keyword + "，"
    matches = domains.text_matches(text)
    assert domains._scores_from_matches(matches, "", (0, 1, 1 + len(keyword), len(text)), 0) is not None
    assert domains._scores_from_matches(matches, "", (0, 2, 1 + len(keyword), len(text)), 0) is None  # cuts it
    assert domains._scores_from_matches(matches, "", (2, 2, 2, len(text)), 0) is None  # a sentence edge cuts it
    assert domains.text_matches("Σ" + text) is None  # final sigma: lower-cased by its context
    assert domains.text_matches("İ" + text) is None  # lower-cased into two characters


def test_items_classified_from_the_shared_text_pass_as_from_their_own():
    from loaders.items import split_items

    for path in DOCUMENTS:
        text = path.read_text(encoding="utf-8")
        items = split_items(text)
        matches = domains.text_matches(text)
        assert matches is not None
        assert domains.classify_items(text, items, matches) == domains.classify_items(text, items)


def test_loader_cpu_times_the_stages_it_is_asked_for(monkeypatch):
    from benchmarks import loader_cpu

    monkeypatch.setattr(domains, "classify_measure", domains.classify_measure)  # the wrapper is undone afterwards
    monkeypatch.setattr(semantics, "measure_semantics", semantics.measure_semantics)
    spent = loader_cpu.time_functions(["domains.classify_measure", "semantics.measure_semantics"])
    result = process_document(DOCUMENTS[0].read_bytes(), DOCUMENTS[0].name)
    assert result.measures and set(spent) == {"domains.classify_measure", "semantics.measure_semantics"}
    assert all(seconds > 0 for seconds in spent.values())


def test_loader_cpu_stage_table_adds_up(tmp_path):
    """--stages: every stage of process_document with its exclusive share; the shares add up to the whole."""
    import subprocess

    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "benchmarks.loader_cpu", "--synthetic", "3", "--stages"], cwd=repo,
                         capture_output=True, text=True, check=True).stdout
    shares = {line.split()[0]: float(line.split("CPU s")[1].split("%")[0]) for line in out.splitlines()[1:]}
    assert {"semantics.measure_semantics", "numbers.find_numbers", "pipeline.rows_sha256", "(process_document's"} <= set(shares)
    assert sum(shares.values()) == pytest.approx(100, abs=1.6)  # 30 shares, each rounded to 0.1 %


def test_heading_scores_segment_only_where_alignment_is_in_doubt():
    """domains._heading_scores cuts a heading with jieba only for a Chinese keyword neither opening nor closing
    it: the same scores, added in the same order, as cutting every heading (the former form)."""
    import jieba

    from loaders import items

    def reference(heading: str) -> tuple:
        if not heading:
            return ()
        domains.init_jieba()
        words = list(jieba.cut(heading, HMM=False))
        assert "".join(words) == heading  # jieba's words cover the heading: its end is a bound
        bounds, pos = {0}, 0
        for token in words:
            pos += len(token)
            bounds.add(pos)
        scores: dict = {}
        for start, end, keyword, pairs in domains._matches(heading):
            if keyword.isascii() or start in bounds or end in bounds:
                domains._add(scores, pairs, 1.0)
        return tuple(scores.items())

    keywords = [k for k, _ in domains._vocabulary().automaton.items() if not k.isascii()]
    common = "的一是在不了有和人这中大为上个国我以要生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行" \
             "学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还"
    rng = random.Random(3)
    headings = [it.heading for text in _texts() for it in items.split_items(text)]
    # a keyword between common characters: now and then jieba joins its edges to them (三水|生态环境导向开发)
    headings += ["".join(rng.sample(common, 2)) + rng.choice(keywords) + "".join(rng.sample(common, 2))
                 for _ in range(20000)]
    dropped = 0
    for heading in headings:
        domains._heading_scores.cache_clear()
        expected = reference(heading)
        assert domains._heading_scores(heading) == expected, heading
        dropped += len(expected) < len({d for *_, pairs in domains._matches(heading) for d, _ in pairs})
    assert dropped > 5  # the headings do exercise a keyword jieba's words cut through


def test_clean_subject_skips_its_loop_only_where_it_would_change_nothing():
    """subjects.clean_subject tests all its trailing words and leading verbs at once before looping over them:
    the same subjects as the former loop, on strings built from those words (the steps before and after the loop
    are the function's own)."""
    from loaders.measures import subjects
    from loaders.measures.subjects.clean import (
        _PLAN_ADVERBS,  # a plan's word alone names nothing (recall22)
        _unbalanced_brackets_cut,  # a closing bracket never opened (outside31)
    )

    def reference(s: str, leading: bool) -> str:
        s = subjects._strip_joins(subjects._BROKEN_WORD_RE.sub("", s))
        if subjects._CLOSED_BEFORE_RE.match(s):
            s = subjects._strip_joins(subjects._CLOSED_BEFORE_RE.sub("", s))
        if leading and (m := subjects._CLOSED_INSIDE_RE.match(s)) and m.end() < len(s):
            s = subjects._strip_joins(s[m.end() :])
        if leading and s.startswith("其中"):
            s = s[2:]
        if leading:
            s = subjects._ITEM_NUMBER_RE.sub("", s)
        changed = True
        while changed and s:
            changed = False
            for w in subjects.SUBJECT_TRAILING + (subjects._ADVERBS_BEFORE_COMPARATOR if leading else ()):
                if s.endswith(w) and len(s) > len(w):
                    s, changed = s[: -len(w)].rstrip(), True
            if leading and not s.startswith(subjects._NOUNS_OPENING_LIKE_A_VERB):
                for w in subjects.SUBJECT_LEADING_VERBS:
                    if s.startswith(w) and len(s) > len(w):
                        s, changed = subjects._CONJUNCTION_OPENING_RE.sub("", s[len(w) :].lstrip()), True
        s = subjects._ONLY_RE.sub("", subjects._COUNTED_FIGURES_RE.sub("", _unbalanced_brackets_cut(s)))
        s = subjects._TRAILING_TIME_RE.sub("", s.strip(" 、,，").rstrip("。.;；")).rstrip(" 、,，。.;；")
        s = subjects._YEAR_OF_THE_LEVEL_RE.sub("", subjects._CHANGE_START_RE.sub("", subjects._BARE_START_RE.sub("", s)))
        return "" if leading and (s in subjects.SUBJECT_LEADING_VERBS or s in _PLAN_ADVERBS) else s

    pieces = [*subjects.SUBJECT_TRAILING, *subjects._ADVERBS_BEFORE_COMPARATOR, *subjects.SUBJECT_LEADING_VERBS, "建成区", "其中", "空气质量", "优良率", " ",
              "、", "和", "首次", "连续3年", "水", "(7)", "二）"]
    rng = random.Random(11)
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(6000)]
    changed = 0
    for text in texts:
        for leading in (True, False):
            subjects.clean_subject.cache_clear()
            assert subjects.clean_subject(text, leading) == reference(text, leading), (text, leading)
            changed += reference(text, leading) != text.strip(" 、,，和及与(（")
    assert changed > 1000  # the strings do exercise the loop


def test_semantics_ab_times_each_version_and_refuses_versions_that_differ(tmp_path, monkeypatch, capsys):
    """benchmarks.semantics_ab: each version timed on the same rows, and a version whose semantics differ stops it."""
    from benchmarks import semantics_ab

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / DOCUMENTS[0].name).write_bytes(DOCUMENTS[0].read_bytes())
    own = Path(semantics.__file__)
    (tmp_path / "data").symlink_to(own.parent / "data")  # a copy outside loaders/ reads its data files beside it
    changed = tmp_path / "changed.py"
    changed.write_text(own.read_text(encoding="utf-8").replace('out = {"is_environmental": is_env,',
                                                               'out = {"is_environmental": not is_env,'),
                       encoding="utf-8")
    assert changed.read_text(encoding="utf-8") != own.read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["semantics_ab", "--corpus", str(corpus), "--runs", "2", f"a={own}", f"b={own}"])
    semantics_ab.main()
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["a", "b"] and all("median" in line for line in lines)
    monkeypatch.setattr(sys, "argv", ["semantics_ab", "--corpus", str(corpus), "--runs", "1", f"a={own}", f"b={changed}"])
    with pytest.raises(SystemExit, match="b gives other semantics"):
        semantics_ab.main()


def test_counties_in_skips_a_text_holding_no_first_character_of_the_parents_counties():
    """counties_in answers [] at once where the text holds no first character of a county of the parent:
    the same answer as the county pass, over random texts made of county names, their pieces, region names
    and other words, for parents with counties and without."""
    from loaders.regions import RegionIndex

    index = RegionIndex.load()
    rng = random.Random(12)
    parents = sorted(index._counties_of)
    names = sorted({name for counties in index._counties_of.values() for name, _ in counties})
    pieces = names + [n[1:] for n in names if len(n) > 2] + [r.name for r in index.by_code.values()] + \
        ["主城区", "全市", "城区", "新区", "县域", "，", "、", "达到", "完成"]
    checked = skipped = 0
    for _ in range(3000):
        parent = rng.choice(parents + ["000000", "110000"])
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        assert index.counties_in(text, parent) == index._counties_in(text, parent), (text, parent)
        checked += 1
        skipped += index._county_firsts[parent].isdisjoint(text)
    assert 0 < skipped < checked  # both ways taken


def test_last_clause_end_of_a_comparator_window_found_in_one_scan_as_by_every_character():
    """comparators._read finds the last clause end of its window with one regex match: the same offset as the
    former max of one rfind per clause-end character (-1 where the window holds none, or is empty)."""
    from loaders.measures import comparators

    rng = random.Random(12)
    alphabet = comparators._CLAUSE_ENDS + "达到为ab1。、 "
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        a, b = rng.randint(0, 26), rng.randint(0, 26)
        last = comparators._LAST_CLAUSE_END_RE.match(text, a, b)
        assert (last.end() - 1 if last else -1) == max(text.rfind(ch, a, b) for ch in comparators._CLAUSE_ENDS)

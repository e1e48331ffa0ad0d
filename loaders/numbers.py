"""Numbers as written in Chinese policy prose: 7.5万, 1,200, 346.4亿, 1.6万余, 十六, 两, 5—10, 近8000.

A small parser of our own: cn2an does not expand 万 after decimals nor keep 余/多. It is the one reader of
Chinese numerals: item markers (loaders/items.py) and written dates (loaders/metadata.py) use it too.
`find_numbers` returns every number token of a text with its value, qualifier and range;
deciding whether a number is a measure (unit, date, name) belongs to loaders/measures.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGIT_CHARS = "".join(CN_DIGITS)
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
MULTIPLIERS = {"万": 1e4, "亿": 1e8, "千": 1e3, "万亿": 1e12, "千万": 1e7, "百万": 1e6}

_ARABIC = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
_MULT = r"(?:万亿|千万|百万|万|亿|千(?![瓦米克]))"  # 千瓦/千米/千克 are units
_QUAL = r"(?:余|多)"
_DASH = r"(?:-|—|–|~|～|至)"
# One number: arabic with optional multiplier, or a Chinese numeral; then an optional 余/多.
# Its first character is consumed first, by one class, so that the regex engine skips in C to the next
# character that can open a number (a pattern opening with a group of alternatives, or a lookahead, is
# tried at every position); the groups loa and loc hold the rest of the number, after that character
# (number_text reads it back whole; tests/test_speed_exactness.py compares it with the former pattern).
# The spaces it allows (10 万千瓦, 5 — 10) never include a line end: a line is a paragraph, and a number ending one
# (本页共3⏎条记录, 2026-02-03⏎天津) takes no multiplier, range or unit from the next.
_ONE = (r"[\d零〇一二两三四五六七八九十]"
        r"(?:(?<=\d)(?P<loa>\d*(?:,\d{3}(?!\d))*(?:\.\d+)?)[^\S\n]?"  # the rest of _ARABIC
        rf"(?P<lom>{_MULT})?|(?P<loc>[零〇一二两三四五六七八九十百千]*))")  # the rest of a Chinese numeral
NUMBER_RE = re.compile(
    _ONE
    + rf"(?P<q1>{_QUAL})?"
    + rf"(?:[^\S\n]?{_DASH}[^\S\n]?(?:(?P<hia>{_ARABIC})[^\S\n]?(?P<him>{_MULT})?)(?P<q2>{_QUAL})?)?"
)


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: float  # the low end of a range
    high: float | None = None  # the high end of a range (5—10 -> 10)
    qualifier: str | None = None  # 余 / 多 (the number is a lower bound)
    chinese: bool = False  # written in Chinese numerals
    percent: bool = False  # written as 百分之九十五: the unit is part of the number


# 突破千亿 / 近百万 / 逾十万 / 上万人: a round figure written as a bare place word and a multiplier
BARE_ROUND_RE = re.compile(
    r"(?=[十百千万亿])(?:(?<=突破)|(?<=[近超逾])|(?<=上)(?<!以上)(?<!马上))(?P<place>[十百千])?(?P<mult>万亿|亿|万)")
# what every match of BARE_ROUND_RE holds, with the character before it: a text without it is not scanned
# (a pattern opening with a lookahead is tried at every position; one opening with a class skips in C)
_BARE_ROUND_HINT = re.compile("[破近超逾上][十百千]?[万亿]")
ROUND_FLOOR_WORDS = "超逾上"  # 上万人 / 逾十万: at least the round figure (突破 and 近 are comparators of their own)
# 近千家次 / 超百家 / 突破千人 / 上千家: a bare round hundred or thousand after the same hedges (no 万 or 亿 after it;
# 千瓦 / 千米 / 千克 / 千伏 are units, 百分之 / 百分点 a percentage); it opens with the hedge's last character, consumed
BARE_HUNDREDS_RE = re.compile(r"[破近超逾上](?P<place>[百千])(?![万亿瓦米克伏分百千])")
# 超三成 / 近六成 / 过半 / 七成以上: a share in tenths or a half, only after a hedge word (or before 以上) so that
# 一成不变 and 一半 stay words; 过 is the number's own hedge (qualifier), 超/近 are comparators of their own
# It opens with its first character, consumed (then the hedge is looked for behind it): a pattern opening
# with a lookbehind is tried at every position of the text (0.4 ms a document; tests/test_speed_exactness.py)
SHARE_WORDS_RE = re.compile(
    r"[过逾一二两三四五六七八九半](?:(?<=[过逾])(?:[一二两三四五六七八九]成|半数?)"  # 过半 / 逾三成: hedged by 过/逾
    r"|(?<=[超近][一二两三四五六七八九])成|(?<=[超近]半)数?"  # 超三成 / 近半
    r"|(?<=[一二两三四五六七八九])成(?=以上|左右))")  # 七成以上
_SHARE_HEDGES = "过逾"  # the number's own hedge, its first character (超/近 are comparators of their own)
CN_PERCENT_RE = re.compile(r"百分之(?P<int>[零〇一二两三四五六七八九十百]+)(?:点(?P<dec>[零〇一二三四五六七八九]+))?")
# 占全省五分之一 / 占全国近十分之一 / 三分之二以上: a share written as a fraction in words (one digit over two to ten);
# 二十分之一 (the denominator's numeral goes on before) and 千分之一 (a rank: 进入ESI前千分之一) are not read
FRACTION_RE = re.compile(r"(?<![零〇一二两三四五六七八九十百千万])(?P<den>[二三四五六七八九十])分之(?P<num>[一二三四五六七八九])")


def parse_chinese_integer(s: str) -> int:
    """十六 -> 16, 二十三 -> 23, 一百 -> 100, 两 -> 2, 三千五百 -> 3500, 一〇五 -> 105."""
    if not s:
        raise ValueError("empty numeral")
    if not s.strip(_CN_DIGIT_CHARS):  # only digits, read digit by digit: 二〇二三 (strip: a C loop, not a generator)
        out = 0
        for ch in s:
            out = out * 10 + CN_DIGITS[ch]
        return out
    total, digit = 0, None
    for ch in s:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
        else:
            raise ValueError(f"not a Chinese numeral: {s!r}")
    return total + (digit or 0)


def chinese_integer(s: str) -> int | None:
    """parse_chinese_integer, or None when s is not a Chinese numeral."""
    try:
        return parse_chinese_integer(s)
    except ValueError:
        return None


def parse_arabic(number: str, multiplier: str | None = None) -> float:
    value = float(number.replace(",", ""))
    return value * MULTIPLIERS[multiplier] if multiplier else value


def parse_number(s: str) -> float:
    """Value of one written number: '7.5万' -> 75000, '1.6万余' -> 16000, '十六' -> 16."""
    s = s.strip().rstrip("余多")
    m = NUMBER_RE.fullmatch(s)
    if not m or m.group("hia"):
        raise ValueError(f"not a single number: {s!r}")
    arabic, chinese = number_text(m, s)
    if chinese:
        return float(parse_chinese_integer(chinese))
    return parse_arabic(arabic, m.group("lom"))


def number_text(m: re.Match[str], text: str) -> tuple[str | None, str | None]:
    """(arabic, chinese) of a NUMBER_RE match in text: its first number as written (without multiplier),
    one of the two None."""
    end = m.end("loc")
    if end >= 0:
        return None, text[m.start() : end]
    return text[m.start() : m.end("loa")], None


_HEDGED_MULTIPLIERS = ("万亿", "万", "亿")


def multiplier_after_hedge(text: str, found: list[Number]) -> list[Number]:
    """120多万户 / 20余万人 / 50多亿元: the multiplier may follow the hedge (余, 多) of the number it multiplies."""
    out = []
    for n in found:
        mult = next((m for m in _HEDGED_MULTIPLIERS if text.startswith(m, n.end)), None)
        if (mult and n.qualifier and n.high is None and n.text.endswith(n.qualifier)
                and not any(ch in n.text for ch in "万亿")):
            n = Number(n.start, n.end + len(mult), n.text + mult, n.value * MULTIPLIERS[mult], qualifier=n.qualifier,
                       chinese=n.chinese)
        out.append(n)
    return out


def find_numbers(text: str) -> list[Number]:
    out: list[Number] = []
    new = object.__new__
    for m in NUMBER_RE.finditer(text):  # the hot loop (hundreds of numbers a document): no call per number
        start = m.start()
        if start >= 2 and text[start - 1] == "." and text[start - 2].isdigit():
            continue  # a digit run right after "<digit>." is the tail of a number run together with another (62.596.6%)
        lom, hia, him, q1, q2 = m.group("lom", "hia", "him", "q1", "q2")  # one call
        chinese_end = m.end("loc")
        if chinese_end >= 0:
            try:
                value = float(parse_chinese_integer(text[start:chinese_end]))
            except ValueError:
                continue
            chinese = True
        else:
            loa = text[start : m.end("loa")]
            value = parse_arabic(loa, lom)
            chinese = False
        high = None
        if hia:
            # a range's low end borrows the high end's multiplier: 5—10万 -> 5万—10万
            if not chinese:
                value = parse_arabic(loa, lom or him)
            high = parse_arabic(hia, him)
            if high < value:  # not a range (e.g. a code 3095-2012 is excluded elsewhere; 10-5 is no range)
                high = None
        number = new(Number)  # __dict__ filled directly: a frozen dataclass sets each field with object.__setattr__
        number.__dict__.update(start=start, end=m.end(), text=m.group(), value=value, high=high, qualifier=q2 or q1,
                               chinese=chinese, percent=False)
        out.append(number)
    out = multiplier_after_hedge(text, out)
    # a round figure (突破千亿) opens right after its hint's first character: BARE_ROUND_RE, which opens with a
    # lookahead (tried at every position), is matched only there (tests/test_speed_exactness.py)
    for hint in _BARE_ROUND_HINT.finditer(text):
        m = BARE_ROUND_RE.match(text, hint.start() + 1)
        if m is None:
            continue
        value = CN_UNITS.get(m.group("place") or "", 1) * MULTIPLIERS[m.group("mult")]
        out = [n for n in out if not (m.start() <= n.start < m.end())]
        before = text[m.start() - 1]
        if before in ROUND_FLOOR_WORDS:  # the floor word belongs to the figure: 上万人 as written
            out.append(Number(m.start() - 1, m.end(), before + m.group(), value, qualifier=before))
        else:
            out.append(Number(m.start(), m.end(), m.group(), value))
    for m in SHARE_WORDS_RE.finditer(text):
        words = m.group()
        value = float(CN_DIGITS[words[-2]] * 10) if words[-1] == "成" else 50.0  # 三成 -> 30, 半 / 半数 -> 50
        out = [n for n in out if not (m.start() <= n.start < m.end())]
        out.append(Number(m.start(), m.end(), words, value, qualifier=words[0] if words[0] in _SHARE_HEDGES else None,
                          percent=True))
    for m in CN_PERCENT_RE.finditer(text):  # 百分之九十五点五 -> 95.5 (percent)
        value = float(parse_chinese_integer(m.group("int")))
        if m.group("dec"):
            value += float("0." + "".join(str(CN_DIGITS[ch]) for ch in m.group("dec")))
        out = [n for n in out if not (m.start() <= n.start < m.end())]
        out.append(Number(m.start(), m.end(), m.group(), value, percent=True))
    if "分之" in text:
        out = fractions_in_words(text, out)
    out = bare_hundreds(text, out)
    out.sort(key=lambda n: n.start)
    return out


def fractions_in_words(text: str, found: list[Number]) -> list[Number]:
    """占全省五分之一 -> 20 (percent), 三分之二 -> 66.67: a fraction in words is a share; the numerals inside it
    (五, 一) are no numbers of their own."""
    out = found
    for m in FRACTION_RE.finditer(text):
        den, num = parse_chinese_integer(m.group("den")), CN_DIGITS[m.group("num")]
        if num >= den:
            continue
        out = [n for n in out if not (m.start() <= n.start < m.end())]
        out.append(Number(m.start(), m.end(), m.group(), round(num * 100 / den, 2), percent=True))
    return out


def bare_hundreds(text: str, found: list[Number]) -> list[Number]:
    """累计排查企业近千家次 -> 1000 (近: approx), 超百家 / 上千家 -> 100 / 1000 with the floor word as the qualifier (ge),
    突破千人 -> 1000 (突破: gt), as BARE_ROUND_RE reads 突破千亿 / 上万人; a number already read there is kept."""
    out = found
    for m in BARE_HUNDREDS_RE.finditer(text):
        hedge, start = m.group()[0], m.start("place")
        if (hedge == "破" and text[start - 2 : start - 1] != "突") or (hedge == "上" and text[start - 2 : start - 1] in "以马"
                                                                       and start >= 2):
            continue
        if any(n.start <= start < n.end for n in out):
            continue
        value = float(CN_UNITS[m.group("place")])
        if hedge in ROUND_FLOOR_WORDS:  # the floor word belongs to the figure: 上千家 as written
            out.append(Number(start - 1, m.end(), m.group(), value, qualifier=hedge))
        else:
            out.append(Number(start, m.end(), m.group("place"), value))
    return out

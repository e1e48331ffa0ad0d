"""clean_subject: what the words of a subject shed whatever its figure (joins, brackets of the figure
before, an item's number, trailing words such as 分别 / 均, leading verbs such as 完成 / 实现, 仅, the start of
a change, the year of the level)."""

from __future__ import annotations

import functools
import re

from loaders.measures.subjects.common import _JOINS, _OPENS_A_WORD_WITH_HE_RE, meaningful
from loaders.measures.subjects.dates import _TRAILING_TIME_RE, _YEAR_OF_THE_LEVEL_RE

# words around a subject that carry no meaning of their own
SUBJECT_TRAILING = ("分别", "均", "总计", "合计", "共计", "共", "的", "全年", "年内")
# adverbs between a subject and its comparator (达标率稳定保持在100%, 继续保持): not after the number (保持稳定)
# and the hedge of a goal (再生水利用率力争达到30%)
_ADVERBS_BEFORE_COMPARATOR = ("继续", "持续", "稳定", "力争", "争取", "拟")
# 计划完成造林2万亩: a plan's word alone before the verb names nothing (计划 ends nouns too, 年度计划, so it is shed only
# when it is all the words)
_PLAN_ADVERBS = ("计划", "拟")
_LEADING_SUBJECT_TRAILING = SUBJECT_TRAILING + _ADVERBS_BEFORE_COMPARATOR  # what a subject before its number sheds
# a space between two Chinese characters is a line break of the source inside a word (安全利 用率)
_BROKEN_WORD_RE = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")
SUBJECT_LEADING_VERBS = ("了", "力争", "确保", "争取", "完成", "实施", "开展", "推进", "组织", "建成", "打造", "对", "将", "新增", "累计", "已", "全年", "年内", "共", "实现")
# 新增和改造提升绿化面积: the conjunction before a second verb, once the first is stripped (not 和美乡村, 和谐)
_CONJUNCTION_OPENING_RE = re.compile(r"^[和及与、](?![美谐睦平])")
# (7)新(改)建农村户厕 / 8.实施农村公路生命安全防护工程 / ⑦除险加固小型水库 / 十四是免费送戏下乡: the number of a list's
# item (a paragraph of numbered works, 十件民生实事; in words, 一是…十四是) opening the subject; not a decimal (2.5万亩)
_ITEM_NUMBER_RE = re.compile(r"^(?:[\d一二三四五六七八九十]{1,2}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,3}是)")
_NOUNS_OPENING_LIKE_A_VERB = ("建成区",)  # 建成区绿化覆盖率: the built-up area, not 建成 (built)

# 满意度从84.7(提升至89.6): the start of a change written with no unit (no figure of its own) is none of the subject
_BARE_START_RE = re.compile(r"[从由]\d+(?:\.\d+)?$")
# 占比从(31.1%降至22.5%), 水质优良率由(…提升到…): the start of a change whose first figure is a row of its own leaves its
# 从 / 由 at the end of the level's subject; no metric ends on them (not 自由, 理由, 缘由, 服从)
_CHANGE_START_RE = re.compile(r"(?<=[\u4e00-\u9fff)）”])(?<![自理缘服听])[从由]$")

# A、B、C首次实现“三个100%”: the count of the figures the list shares, after the list
_COUNTED_FIGURES_RE = re.compile(r"(?:首次|均|全部)?(?:实现|达到|达)?[“\"]?[两二三四五六七八九十]个$")

# 安全利用率持续提升,(达到95%以上) / 森林覆盖率稳步提高,(达到45%): the trend a rate's clause states before the level
# the next clause gives is no part of the rate's name
_TREND_AFTER_RATE_RE = re.compile(r"(?<=[率例重])(?:持续|稳步|不断|进一步|逐步|明显)(?:提升|提高|改善)$")
_ONLY_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!不)仅(?:有|为)?$")  # 利用率仅, 处理能力仅有 (not 不仅, "not only")

# [4][9] - 全市森林覆盖率 / “零关税”清单[1]扩容 / “四上”企业^[4]净增: the citation marks of a page's sources or notes, opening
# the words (with the dash after them) or set after a word; no part of the metric (not a bracketed figure: [10] stands
# alone or after a digit, and a decimal is none)
_CITATION_RE = re.compile(r"^(?:\^?\[\d{1,3}\]\s*)+[-－–—:：]?\s*|(?<=[\u4e00-\u9fff”\"])\^?\[\d{1,3}\]")

_CLOSED_BEFORE_RE = re.compile(r"^[)）]+[\s、,，;；.。]*")  # a subject opening on a bracket that closed the figure before
_CLOSED_INSIDE_RE = re.compile(r"^[^()（）]{1,20}[)）]+[\s、,，;；.。]*")  # words closing a bracket opened before them


def _strip_joins(s: str) -> str:
    """The joins and brackets around a subject, but a 和 opening a word (打造150个和美乡村: 和美乡村, not 美乡村)."""
    t = s.strip(_JOINS)
    at = len(s) - len(s.lstrip(_JOINS))
    return "和" + t if at and s[at - 1] == "和" and _OPENS_A_WORD_WITH_HE_RE.match(t) else t


def _unbalanced_brackets_cut(s: str) -> str:
    """…改造) : a bracket closing at its end that the subject never opened closes a remark around it (one it opens and
    never closes is bracket_left_open's or open_remark_cut's, which know where the figure stands)."""
    if s.endswith((")", "）")) and "(" not in s and "（" not in s:
        s = s[:-1].rstrip()
    return s


@functools.lru_cache(maxsize=1 << 14)  # a pure function of its words, asked several times per candidate
def clean_subject(s: str, leading: bool) -> str:
    s = _strip_joins(_BROKEN_WORD_RE.sub("", s))
    if "[" in s:
        s = _strip_joins(_CITATION_RE.sub("", s))
    if _CLOSED_BEFORE_RE.match(s):  # 甲市(2万吨)、乙市(1万吨): the bracket closes the figure before, no part of this one
        s = _strip_joins(_CLOSED_BEFORE_RE.sub("", s))
    if leading and (m := _CLOSED_INSIDE_RE.match(s)) and m.end() < len(s):
        # 全市(16个国控点位)PM2.5年均浓度 / 改造小区120个(涉及5000户)、背街小巷: the words up to a bracket that opened before the
        # figure before (its scope or its count) are inside it, no part of this subject
        s = _strip_joins(s[m.end() :])
    if leading and s.startswith("其中"):
        s = s[2:]
    if leading:
        s = _ITEM_NUMBER_RE.sub("", s)  # (7)新(改)建农村户厕: the number of a list's item, its bracket stripped above
    trailing = _LEADING_SUBJECT_TRAILING if leading else SUBJECT_TRAILING
    changed = True
    while changed and s:
        # one C test for the words below first: most subjects neither end nor open with one (a Python loop
        # over the 29 words cost ~3 µs a subject)
        if not s.endswith(trailing) and not (leading and s.startswith(SUBJECT_LEADING_VERBS)):
            break
        changed = False
        for w in trailing:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)].rstrip(), True
        if leading and not s.startswith(_NOUNS_OPENING_LIKE_A_VERB):
            for w in SUBJECT_LEADING_VERBS:
                if s.startswith(w) and len(s) > len(w):
                    s, changed = _CONJUNCTION_OPENING_RE.sub("", s[len(w) :].lstrip()), True
    s = _unbalanced_brackets_cut(s)
    if "、" in s:  # a list of rates (a lone rate's trend is read by the rules of a part's figure: 中心城区达到…)
        s = _TREND_AFTER_RATE_RE.sub("", s)
    s = _COUNTED_FIGURES_RE.sub("", s)
    s = _ONLY_RE.sub("", s)  # 利用率仅21.7% / 煤炭消费占比仅为13.4%: the hedge is no part of the metric
    # a full stop (PDF text writes it "."), semicolon or pause after the words is no part of them (建成5个“美丽海湾”.)
    s = _TRAILING_TIME_RE.sub("", s.strip(" 、,，").rstrip("。.;；")).rstrip(" 、,，。.;；")
    s = _YEAR_OF_THE_LEVEL_RE.sub("", _CHANGE_START_RE.sub("", _BARE_START_RE.sub("", s)))
    return "" if leading and (s in SUBJECT_LEADING_VERBS or s in _PLAN_ADVERBS) else s


# a subject whose last bracket opened before the figure and never closed (锅炉(建成区10台…), 项目一期(装机90万千瓦),
# 名录(目前共25家), 单元(其中优先保护单元29个)): the figure sits inside the bracket, which qualifies the words before it
_OPEN_BRACKET_RE = re.compile(r"^(.+?)[(（]([^()（）]*)$")
_TIME_IN_BRACKET = ("目前", "现有", "当前", "截至目前")
_PART_IN_BRACKET = "其中"
_QUALIFIER_LENGTH = 8  # characters: 非县域建成区, 农村地区, 装机


def last_open_bracket(s: str) -> int:
    """Where the last bracket s opens and never closes stands, else -1."""
    opened = max(s.rfind("("), s.rfind("（"))
    return opened if opened >= 0 and ")" not in s[opened:] and "）" not in s[opened:] else -1


def open_remark_cut(subject: str) -> str:
    """860个其他雨污混接改造(历时三年,…: a bracket the subject opens after the figure and never closes holds a remark, no
    part of it."""
    opened = last_open_bracket(subject)
    return subject[:opened].rstrip() if opened > 0 else subject


def bracket_left_open(subject: str) -> str:
    """The subject without the bracket the figure sits in: what the bracket names is a part (其中A: A), a time (目前:
    nothing) or a qualifier (建成区, 装机: kept after the words before it); the subject as it is otherwise."""
    m = _OPEN_BRACKET_RE.match(subject)
    if m is None:
        return subject
    head, inner = m.group(1), m.group(2)
    if inner.startswith(_TIME_IN_BRACKET):
        return head
    if inner.startswith(_PART_IN_BRACKET):  # (其中新办: a part named by its verb alone stays as it is)
        part = inner[len(_PART_IN_BRACKET) :]
        return part if len(part) > 2 else subject
    # a qualifier is a few words (含: a bracket of what is included; a long tail: words spliced across a closed one)
    return head + inner if 2 <= len(inner) <= _QUALIFIER_LENGTH else subject


# 2022年全市… / 截至目前全县… / 我省…: the time and the whole region opening a subject (the thing measured follows; the
# document and the year say where and when); not 全区域, 全市域, 本市级, 全县城 (words of their own)
_TIME_AND_REGION_OPENING_RE = re.compile(
    r"^(?:(?:(?:截至|截止)?(?:19|20)\d\d\s?年(?:\d{1,2}月)?(?:底|末|度)?|(?:截至|截止)?目前|当前|今年以来|今年|去年)[,，\s]*)*"
    r"(?:(?<=[年前今以])(?:全|我|本)[省市区县州盟旗](?![域内外城级属直]))?")


def without_time_and_region_opening(subject: str) -> str:
    """The subject without the time and the whole region it opens with (2022年全市空气质量优良天数比率 -> 空气质量优良天数比率),
    when words that mean something are left."""
    m = _TIME_AND_REGION_OPENING_RE.match(subject)
    rest = subject[m.end() :] if m else subject
    return rest if rest != subject and meaningful(rest) and not rest[0].isdigit() else subject


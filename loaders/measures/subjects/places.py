"""Places: a subject that only names the whole region or a part of it (全市, 主城区, 其他城市) and the metric the
clause before names for it, a place by its name (沈阳市), the rural or urban place a domestic service
(sewage, refuse) is run for."""

from __future__ import annotations

import re

from loaders.measures.candidates import Candidate
from loaders.measures.document import DocumentView
from loaders.measures.subjects.changes import _DEGREE_RE, _metric_of_change
from loaders.measures.subjects.clean import clean_subject
from loaders.measures.subjects.common import _joined, doc_has_digit, meaningful
from loaders.semantics import sub_area

# the place a domestic service (sewage, refuse) is run for: the subject keeps the one its sentence names
# (推进农村生活污水治理…,生活污水治理率达25% -> 农村生活污水治理率)
_SERVICE_WORDS = ("生活污水", "生活垃圾", "污水", "垃圾")
_RURAL, _URBAN = ("农村", "行政村"), ("城市", "城镇", "城区", "县城", "中心城区", "城乡")
# the places a list of a service's rates names one by one (城市、县城、重点建制镇污水处理率): longest first
_LISTED_PLACES = tuple(sorted({*_RURAL, *_URBAN, "主城区", "乡镇", "村级", "建制镇", "重点建制镇"}, key=len, reverse=True))

# a subject that only names the whole region (全市完成绿化造林4.7万亩): what was done is between 完成 and the number
_WHOLE_REGION_RE = re.compile(r"(?:今年|去年|全年)?(?:全|我|本)(?:市|省|区|县|州|盟|旗|国)")
# 吉林省累计 / 2023年全省将 / 去年我省累计 (完成营造林…): the region and the verb's adverbs of time or total before a
# verb read as a comparator (完成): what was done is between the verb and the number too
_ADVERBS_OF_THE_VERB_RE = re.compile(r"(?:累计|将|已经|已|共|预计|计划|合计)+$")
# 2023年 / 目前 / 截至目前 / 今年以来: the time the work was done by, opening the words
_YEAR_OPENING_RE = re.compile(r"^(?:(?:19|20)\d\d\s?年(?:底|末|以来)?|(?:截至|截止)?目前|当前|今年以来|近年来)")


def region_and_adverbs_only(doc: DocumentView, words: str) -> bool:
    """Whether words name only the region doing the work and when or how much in all (甲省累计, 2023年全市将), or only
    when and how much (目前累计)."""
    timeless = _YEAR_OPENING_RE.sub("", words)
    bare = _ADVERBS_OF_THE_VERB_RE.sub("", timeless)
    if bare == words:
        return False
    if not bare:  # 目前累计 / 截至目前 (完成农村改厕…): a time and the verb's adverbs (not the adverbs alone)
        return timeless != words
    return bool(_WHOLE_REGION_RE.fullmatch(bare)) or doc.grammar.regions.resolve(bare) is not None


# a subject that is only a place (其中农村, 其余城市): its kind after 其他/其余
_OTHER_PLACES_RE = re.compile(r"^(?:其他|其余|其它)")

# a place by its name (沈阳市, 宿豫区; a region or county-level division the region index knows): where the things
# a count right after it counts are
_NAMED_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:市|县|区|州|盟|旗)")

_SETTLEMENTS = ("城市", "农村", "城镇", "乡村", "乡镇", "建制镇", "县市", "区县", "县区")  # places named by their kind
# the settlements a metric names first (城市生活污水处理率, 地级及以上城市污水集中收集率): another place's figure
# right after it swaps them (not 城镇化率: 化 makes one word of it)
_PEER_SETTLEMENTS = ("城市", "城镇", "县城", "建制镇", "重点建制镇", "乡镇", "乡村", "农村", "行政村", "村级")
_SETTLEMENT_NAMES = "|".join(sorted({*_LISTED_PLACES, *_SETTLEMENTS}, key=len, reverse=True))
_SETTLEMENT_OPENING_RE = re.compile(rf"(?:(?:地级及|县级及|地级)以上|设区的?)?(?:{_SETTLEMENT_NAMES})(?![化])")


def _kind_of_place(place: str) -> str:
    """其中县城 / 其余城市 -> 县城 / 城市: the kind of places named, without 其中 / 其他 / 其余."""
    return _OTHER_PLACES_RE.sub("", place.removeprefix("其中"))


def _place_only(subject: str) -> str:
    """The part of the region or group of places a subject names and nothing else (其中主城区 -> 主城区, 其他城市);
    "" for a subject naming anything more."""
    place = subject.removeprefix("其中")
    kind = _kind_of_place(place)
    return place if kind and (sub_area(kind, "", None) == kind or kind in _SETTLEMENTS) else ""


def _metric_before(doc: DocumentView, cands: list[Candidate], out: list[Candidate], i: int, a: int,
                   place: str) -> str:
    """The place's subject of the metric the clause before names: the previous figure's there (its own qualifier
    before 的 and the whole region left out: 涉及甲区域的A率 -> A, 全市A -> A) in the same unit, or the clause's words
    with no figure (A大幅上升 -> A); "" if none."""
    text = doc.text
    pa, _ = doc.clause(a - 1, a - 1)
    if i > 0 and cands[i - 1].end > pa:
        prev = out[i - 1]
        if (prev.is_change or prev.unit.unit != cands[i].unit.unit
                or not (doc.same_sentence(prev.start, cands[i].start) or text[a - 1] in "；;")):  # ；: the next clause
            return ""
        metric = _metric_of_change(doc, prev.subject)
    else:
        words = clean_subject(text[pa : a - 1], leading=True)
        metric = _metric_of_change(doc, words)
        if doc_has_digit(words) or metric == words:  # 环境质量全面达标,主城区达到95%: no metric named as changed
            return ""
        metric = _DEGREE_RE.sub("", metric)
    metric = metric[metric.rfind("的") + 1 :]
    if m := _WHOLE_REGION_RE.match(metric):  # 全市森林覆盖率…,城区达到: the part's, not the whole region's
        metric = metric[m.end() :]
    if ((m := _SETTLEMENT_OPENING_RE.match(metric)) and meaningful(metric[m.end() :])
            and _kind_of_place(place) in _PEER_SETTLEMENTS):
        # 城市生活污水处理率达到95%,县城不低于85%: the county towns' rate, not 县城市… (a part of the city, 中心城区,
        # keeps the city's words: 中心城区城市再生水利用率)
        metric = metric[m.end() :]
    return _joined(place, metric) if meaningful(metric) and _place_only(metric) == "" else ""


def _rural_scope(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A domestic-service subject with no place of its own (生活污水治理率) takes 农村 when the nearest place
    its sentence names before it is rural (实施农村人居环境整治…,生活污水治理率达25%; 农村卫生厕所普及率、
    生活污水治理率分别…); not the place of a sibling service that names its own (城市生活污水处理率…,农村生活污水
    治理率…,生活垃圾无害化处理率100%: each service its own place, the last none)."""
    out = list(cands)
    for i, c in enumerate(cands):
        subjects = c.shared_by or (c.subject,)
        if not any(sub.startswith(_SERVICE_WORDS) for sub in subjects):
            continue
        start = doc.sentence_at(c.start)[0]
        before = doc.text[start : c.start]
        for other in cands[:i]:  # a sibling service naming its own place (农村生活污水治理率) scopes itself alone
            at = before.rfind(other.subject, 0, max(other.start - start, 0))
            if other.start >= start and _own_place_service(other.subject) and at >= 0:
                before = before[:at] + "　" * len(other.subject) + before[at + len(other.subject) :]
        rural = max(before.rfind(w) for w in _RURAL)
        if rural < 0 or rural < max(before.rfind(w) for w in _URBAN):
            continue
        scoped = tuple("农村" + sub if sub.startswith(_SERVICE_WORDS) else sub for sub in subjects)
        out[i] = c.but(shared_by=scoped) if c.shared_by else c.but(subject=scoped[0])
    return out


def _own_place_service(subject: str) -> bool:
    """农村生活污水治理率, 城市生活垃圾无害化处理率: a domestic service with the place it is run for."""
    place = next((p for p in _RURAL + _URBAN if subject.startswith(p)), None)
    return place is not None and subject[len(place) :].startswith(_SERVICE_WORDS)

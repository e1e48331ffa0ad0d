"""Shares and rates (率, 比例, 占比, %): a rate named by its ending alone (覆盖率) and the work it is a rate of, a
share written before the things it is a share of (60%以上面积, 90%的农村生活垃圾得到有效处理), what all (100%) of the
things undergo, a share of the figure before (占…), goals named after a share (目标, 指标), the compliance
rate of drinking-water sources."""

from __future__ import annotations

import re

from loaders.measures.candidates import RATIO_ENDINGS, Candidate
from loaders.measures.document import DocumentView
from loaders.measures.subjects.clean import clean_subject
from loaders.measures.subjects.common import _OBJECT_VERBS, doc_has_digit, meaningful
from loaders.measures.subjects.places import _WHOLE_REGION_RE

_VERB_ADVERBS = ("持续", "积极", "大力", "着力", "全面", "深入", "进一步")  # before such a verb (持续推动X)

# a share's words that name a goal, not the things it is a share of (达到80%的改善目标, 20%的规划指标)
_GOAL_WORDS = ("目标", "指标", "任务", "要求", "水平")
# what all (100%) of the things before a share undergo, written right after it (100%安全收贮, 100%达标排放): a verb
# phrase up to the clause's or the list item's end, not a bound, a list, a kind (为) or a change
_DONE_TO_ALL_RE = re.compile(r"(?!以上|以下|左右|以内|和|及|与|的|为|或|且|分别|均|等|提高|提升|下降|降低|增长|减少|上升)"
                             r"[\u4e00-\u9fff][^,，;；。.、:：()（）\s\d]{0,13}")
_DOING_AT_END_RE = re.compile(r"(?:做到|实现|达到|要)$")
_SHARE_WORDS = ("率", "比例", "比重", "占比")  # a metric already named before the share (优良比例稳定100%达标)

# the things a share written before them is of, right after it with no 的 (60%以上【面积】建成…, 75%【行政村】…)
_SHARE_BASE_RE = re.compile(r"(?:面积|行政村|建制村|村庄|乡镇|县级城市)")

# words that qualify a metric and belong to it when a list shares it (安全利用率, 无害化处理率)
_METRIC_MODIFIERS = ("安全", "无害化", "综合", "集中", "规范化", "资源化", "回收")

# 90%的农村生活垃圾得到有效处理: a share written before the things it counts, as a rate of the work done
_DONE_TO_RE = re.compile(r"^(.{2,}?)得到(有效)?(治理|处理|利用|处置)$")

# a compliance rate or class share of water named by nothing else (水质达标率, 水质达到或优于Ⅲ类比例, 水质优良比例),
# after a clause naming drinking-water sources: the sources' rate, not the surface water's
_BARE_WATER_COMPLIANCE_RE = re.compile(r"水质(?:达标率|达标比例|优良率|优良比例"
                                       r"|(?:达到或)?(?:优于|好于)?(?:达到)?(?:Ⅲ|III)类(?:及以上|以上)?(?:水质)?(?:比例|占比))")
_DRINKING_SOURCE_RE = re.compile(r"(?:县级及以上|县级以上|地级及以上|地级以上|城市|城镇|农村|乡镇级?|集中式|地表水型|地下水型)*"
                                 r"饮用水水?源地?")


def _bare_metric(subject: str) -> bool:
    """A rate named by its ending alone (覆盖率, 处理率, 占比; 综合利用率, 安全利用率: a metric's modifier before it):
    what it is a rate of was said before."""
    modifier = next((m for m in _METRIC_MODIFIERS if subject.startswith(m)), "")
    return 2 <= len(subject) - len(modifier) <= 3 and subject.endswith(RATIO_ENDINGS)


def _rate_of_the_rate_before(parts: list[str], k: int) -> str | None:
    """国控断面水质达标率、优良率 / 城镇污水收集率和处理率: a bare rate listed right after a rate is of the thing that rate is
    of (国控断面水质优良率, 城镇污水处理率); None otherwise."""
    if k > 0 and _bare_metric(parts[k]) and parts[k - 1].endswith("率") and len(parts[k - 1]) > len(parts[k]) + 1:
        return parts[k - 1][: -len(parts[k])] + parts[k]
    return None


def _object_of_clause(clause: str) -> str:
    """The work a clause with no number names after its verb (健全农村生活垃圾收运处置体系 -> 农村生活垃圾收运
    处置体系); empty when the clause opens with no such verb (the bare metric then stays as it is)."""
    clause = _without_the_place_opening(clean_subject(clause, leading=True))
    clause = clause[len(next((a for a in _VERB_ADVERBS if clause.startswith(a)), "")) :]  # 持续推动X
    verb = next((v for v in _OBJECT_VERBS if clause.startswith(v)), None)
    if verb is None or doc_has_digit(clause):
        return ""
    return clause[len(verb) :]


def _named_with_its_words(clause: str, bare: str, figure_before: str | None) -> str:
    """工业固废综合利用率不高,【利用率】仅21.7% / 受污染耕地安全利用面积超过任务的37.2%,【安全利用率】达到98%: the thing
    whose rate it is, named right before the rate's own words (利用, 安全利用) by the metric of the clause before's
    figure (figure_before), else by a clause that names the rate in full; empty when neither does (余额贷存比突破80%,新增
    【贷存比】115%: a second item of the same metric; 每年至少抽查一次,【抽查率】: the work, not a thing)."""
    stem = next((bare[: -len(e)] for e in RATIO_ENDINGS if bare.endswith(e)), "")
    words = clause if figure_before is None else figure_before
    if len(stem) < 2 or (figure_before is None and bare not in clause) or (figure_before or "").endswith(bare):
        return ""
    at = words.find(stem)
    thing = clean_subject(words[:at], leading=True) if at > 0 else ""
    return thing + stem if meaningful(thing) and not doc_has_digit(thing) else ""


# 涉农区积极推进秸秆综合利用,利用率达到98%以上 / 全市持续推进…: the place a clause opens on, before its adverb and verb
_PLACE_OPENING_RE = re.compile(r"^(?:" + _WHOLE_REGION_RE.pattern + r"|[\u4e00-\u9fff]{1,4}(?:市|县|区|州|盟|旗))"
                               r"(?=" + "|".join(_VERB_ADVERBS + _OBJECT_VERBS) + r")")


def _without_the_place_opening(clause: str) -> str:
    return clause[m.end() :] if (m := _PLACE_OPENING_RE.match(clause)) else clause


# the clause of a share opening on 占 right after the clause of the figure it divides: 煤炭消费744.8万吨,【占】…
_SHARE_AFTER_RE = re.compile(r"^[^，,。；;：:]{0,6}[，,]占")


def _share_of_the_figure_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """全市煤炭消费744.8万吨标准煤,占全市能源消费量的59.53%: a share whose clause opens on 占 is a share of the
    figure the clause before gives; its numerator is that figure's subject (全市煤炭消费占全市能源消费量)."""
    out = list(cands)
    for i in range(1, len(cands)):
        prev, c = cands[i - 1], cands[i]
        if (c.subject.startswith("占") and c.unit.unit == "percent" and meaningful(prev.subject)
                and _SHARE_AFTER_RE.match(doc.text[prev.end : c.start])):
            out[i] = c.but(subject=prev.subject + c.subject)
    return out

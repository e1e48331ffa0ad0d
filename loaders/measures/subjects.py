"""Pass 3, subject: the noun phrase a measure is about. The words before its comparator, else between
comparator and number, else after the number; a bare change continues the subject before it; a list of
numbers splits its list of subjects; one value stated for a list of subjects (均为 / 分别下降 …) holds for
each of them."""

from __future__ import annotations

import re

from loaders.measures.candidates import RATIO_ENDINGS, Candidate, lists_of
from loaders.measures.document import DocumentView

# words around a subject that carry no meaning of their own
SUBJECT_TRAILING = ("分别", "均", "总计", "合计", "共计", "共", "的", "全年", "年内")
SUBJECT_LEADING_VERBS = ("了", "力争", "确保", "争取", "完成", "实施", "开展", "推进", "组织", "建成", "打造", "对", "将", "新增", "累计", "已", "全年", "年内", "共")
_PREVIOUS_RANK_RE = re.compile(r"(?:全国|全省|全市|全区)?第[一二三四五六七八九十\d]")
# "A、B均为100%" / "A、B分别下降12%以上" (a single value): the value holds for every subject
_SHARED_MARKERS = ("均", "分别")
# a baseline between the marker and the change: 均比2020年下降 / 相比2020年分别下降
_SHARED_BASELINE_RE = re.compile(r"(?:相比|较|比)\s?(?:19|20)\d\d\s?年(?:相比)?(?=(?:均|分别)?$)")
# words that qualify a metric and belong to it when a list shares it (安全利用率, 无害化处理率)
_SHORT_NAME = 6  # characters: a name without metric in a list (受污染耕地, 县城), not a clause
_METRIC_MODIFIERS = ("安全", "无害化", "综合", "集中", "规范化", "资源化")
_LIST_SPLIT_RE = re.compile(r"[、和及与]")
_NOT_A_WORD_RE = re.compile(r"[^\w\u4e00-\u9fff]")


def assign_subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = _subjects(doc, cands)
    out = _split_list_subjects(doc, out)
    return _split_shared_values(doc, out)


def clean_subject(s: str, leading: bool) -> str:
    s = s.strip(" 、,，和及与(（")
    if leading and s.startswith("其中"):
        s = s[2:]
    changed = True
    while changed and s:
        changed = False
        for w in SUBJECT_TRAILING:
            if s.endswith(w) and len(s) > len(w):
                s, changed = s[: -len(w)].rstrip(), True
        if leading:
            for w in SUBJECT_LEADING_VERBS:
                if s.startswith(w) and len(s) > len(w):
                    s, changed = s[len(w) :].lstrip(), True
    s = s.strip(" 、,，")
    return "" if leading and s in SUBJECT_LEADING_VERBS else s


def meaningful(s: str) -> bool:
    return len(_NOT_A_WORD_RE.sub("", s)) >= 2


def _subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, change_only = doc.text, doc.grammar.change_only_re
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        a, b = doc.clause(c.start, c.end)
        prev_end = cands[i - 1].end if i > 0 and cands[i - 1].end > a else a
        next_start = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < b else b
        stop = c.prefix[2] if c.prefix else c.start
        before = clean_subject(text[prev_end:stop], leading=True)
        gap = clean_subject(text[stop + len(c.prefix[0]) : c.start], leading=True) if c.prefix else ""
        after = clean_subject(text[c.end:next_start].lstrip("的"), leading=False)
        if len(before) <= 2 and meaningful(after):  # a bare verb or place (推动3000家企业开展审核)
            before = ""
        subject = next((s for s in (before, gap, after) if meaningful(change_only.sub("", s))), before)
        if not meaningful(change_only.sub("", subject)) and i > 0:
            prev = out[i - 1]
            if doc.sentence_at(prev.start)[0] == doc.sentence_at(c.start)[0]:
                subject = prev.subject + subject
        if not meaningful(subject) and c.prefix and a > 0 and text[a - 1] in ",，":
            # "优良率全省第一,达100%": the metric is the previous clause's, before its rank
            pa, _ = doc.clause(a - 1, a - 1)
            if i == 0 or cands[i - 1].end <= pa:
                prev_clause = text[pa : a - 1]
                m = doc.grammar.rank_re.search(prev_clause) or _PREVIOUS_RANK_RE.search(prev_clause)
                subject = clean_subject(prev_clause[: m.start()] if m else prev_clause, leading=True)
        out.append(c.but(subject=subject))
    return out


def _split_list_subjects(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A list of numbers splits its head's list of subjects (A、B、C分别为1吨、2吨、3吨)."""
    out = list(cands)
    last: list[int] = []  # the previous list of two or more numbers
    for chain in lists_of(cands):
        head = out[chain[0]]
        # 、 first: 和/及/与 also sit inside words (普及率, 和美乡村), so they split only when 、 does not suffice
        parts = [p for p in head.subject.split("、") if p]
        if len(parts) != len(chain):
            parts = [p for p in _LIST_SPLIT_RE.split(head.subject) if p]
        change = head.subject.replace("分别", "")
        if (len(last) == len(chain) and not meaningful(doc.grammar.change_only_re.sub("", change))
                and doc.sentence_at(out[last[0]].start)[0] == doc.sentence_at(head.start)[0]):
            # "浓度分别为55、35微克/立方米,同比分别下降6.8%、5.4%": the changes of the subjects listed before
            for k, p in zip(chain, last, strict=True):
                out[k] = out[k].but(subject=out[p].subject + change)
        elif len(parts) == len(chain):
            tail = _shared_metric(doc, parts)
            for k, p in zip(chain, parts, strict=True):
                own = k == chain[-1] or p.endswith(tail) or p.endswith(RATIO_ENDINGS)  # 普及率、治理率: each its own
                out[k] = out[k].but(subject=p if own else p + tail)
        else:
            for k in chain[1:]:
                out[k] = out[k].but(subject=head.subject)
        last = chain
    return out


def _split_shared_values(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """"城市污水处理率、垃圾无害化处理率均为100%": one value stated for every subject of a list."""
    text = doc.text
    out = list(cands)
    for i, c in enumerate(cands):
        a, _ = doc.clause(c.start, c.end)
        stop = c.prefix[2] if c.prefix else c.start
        head = text[a:stop].rstrip(" ")
        for w in doc.grammar.change_words:  # PM10、PM2.5浓度均下降5%
            if head.endswith(w):
                head = head[: -len(w)]
                break
        head = _SHARED_BASELINE_RE.sub("", head)  # 均比2020年下降 / 分别相比2020年下降
        if not head.endswith(_SHARED_MARKERS):
            if _is_list_of_rates(doc, cands, i):
                parts = c.subject.split("、")
                out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
            continue
        if i > 0 and cands[i - 1].end > a:
            continue  # another number in the clause: 均 refers to it ("分别为…,均达到")
        if head.endswith("分别") and i + 1 < len(cands) and cands[i + 1].start < doc.clause(c.start, c.end)[1]:
            continue  # 分别下降6.8%、5.4%: one value per subject, listed
        marker = next(m for m in _SHARED_MARKERS if head.endswith(m))
        cut = c.subject.rfind(marker)  # the marker only, not the 均 of 年均浓度
        subject = c.subject[:cut] + c.subject[cut + len(marker) :] if cut >= 0 else c.subject
        parts = [p for p in _LIST_SPLIT_RE.split(subject) if p]
        if len(parts) >= 2 and all(meaningful(p) for p in parts):
            out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
    return out


def _is_list_of_rates(doc: DocumentView, cands: list[Candidate], i: int) -> bool:
    """"工业危险废物安全处置率、医疗废物无害化处理率保持100%" / "受污染耕地、污染地块安全利用率达到95%":
    one percentage after a 、-list of subjects ending in a rate holds for each (a rate is never a sum of
    its parts), when the clause holds no other number. Each listed subject is a rate, or a short name
    taking the last one's metric; a 、 inside brackets (县(市、区)) lists nothing."""
    c = cands[i]
    a, b = doc.clause(c.start, c.end)
    if (c.unit.unit != "percent" or c.number is None or c.number.value is None
            or not c.subject.endswith(RATIO_ENDINGS) or "、" not in c.subject):
        return False
    if (i > 0 and cands[i - 1].end > a) or (i + 1 < len(cands) and cands[i + 1].start < b):
        return False
    parts = c.subject.split("、")
    return (len(parts) >= 2 and all(meaningful(p) and not re.search(r"[(（)）]", p) for p in parts)
            and all(p.endswith(RATIO_ENDINGS) or len(p) <= _SHORT_NAME for p in parts[:-1]))


def _with_metric(doc: DocumentView, parts: list[str], k: int) -> str:
    """A listed subject without a metric of its own takes the metric of the next one that has one:
    县城、农村饮用水源地水质达标率 -> 县城饮用水源地水质达标率."""
    if parts[k].endswith(RATIO_ENDINGS) or k == len(parts) - 1:
        return parts[k]
    following = next((p for p in parts[k + 1 :] if p.endswith(RATIO_ENDINGS)), parts[-1])
    metric_at = min((i for w in doc.grammar.metric_words for i in [following.find(w, 1)] if i > 0), default=0)
    for modifier in _METRIC_MODIFIERS:  # 污染地块安全利用率: the metric is 安全利用率
        if metric_at > len(modifier) and following[:metric_at].endswith(modifier):
            metric_at -= len(modifier)
            break
    if metric_at and metric_at <= len(parts[k]) + 2:  # 氮氧化物和挥发性有机物排放总量: names of like length
        return parts[k] + following[metric_at:]
    if len(parts[k]) <= 4 and len(following) > len(parts[k]) + 2:
        return parts[k] + following[len(parts[k]) :]  # 县城和乡镇饮用水源地达标率: a place word like the next one's
    tail = _shared_metric(doc, [parts[k], following])
    return parts[k] if parts[k].endswith(tail) else parts[k] + tail


def _shared_metric(doc: DocumentView, parts: list[str]) -> str:
    """The metric the last subject of a list shares with the others: 国考、省考、市考断面优Ⅲ比例 -> 断面优Ⅲ比例."""
    last = parts[-1]
    starts = [i for w in doc.grammar.metric_words for i in [last.find(w, 1)] if i > 0]
    if starts:
        return last[min(starts) :]
    cut = min(len(p) for p in parts[:-1])
    return last[cut:] if len(last) > cut else ""

"""Lists of subjects: a list of numbers splits its list of subjects (A、B、C分别为…), one value holds for every
subject listed (均, 全部, 各), a list of rates shares its metric and qualifier, a pair written as one word
(城乡), an item named by its level alone (省级17家) or closed by a bracketed figure (甲市(2万吨)、乙市(1万吨)等…)."""

from __future__ import annotations

import re

from loaders.measures.candidates import RATIO_ENDINGS, Candidate, lists_of
from loaders.measures.document import DocumentView
from loaders.measures.grammar import last_match
from loaders.measures.subjects.changes import _bare_of_baseline
from loaders.measures.subjects.clean import clean_subject
from loaders.measures.subjects.common import (
    _ENUMERATION_MARK,
    _LIST_JOINS,
    _LIST_SPLIT_RE,
    _OPENS_A_WORD_WITH_HE_RE,
    _SHARED_MARKERS,
    meaningful,
)
from loaders.measures.subjects.counts import _COUNT_OPENING_VERBS
from loaders.measures.subjects.dates import _TIME_ONLY_RE, _TRAILING_TIME_RE
from loaders.measures.subjects.places import _LISTED_PLACES, _NAMED_PLACE_RE, _WHOLE_REGION_RE
from loaders.measures.subjects.shares import _METRIC_MODIFIERS, _rate_of_the_rate_before
from loaders.measures.subjects.sizes import _FACILITIES

# right before one value, 全部 shares it too (A率、B率全部达到90%以上); elsewhere it says what was done to all the
# things counted (94个项目全部开工、完工74个: the 74 are another item's)
_VALUE_SHARED_MARKERS = (*_SHARED_MARKERS, "全部")
_EACH = "各"  # A和B各1家: after the list, right before the number
# a baseline between the marker and the change: 均比2020年下降 / 相比2020年分别下降
_SHARED_BASELINE_RE = re.compile(r"(?:相比|较|比)\s?(?:19|20)\d\d\s?年(?:相比)?(?=(?:均|分别)?$)")
_SHORT_NAME = 6  # characters: a name without metric in a list (受污染耕地, 县城), not a clause

_RATE_WORDS = ("普及率", "及时率", "参与率")  # whole words of a rate: a shared metric is never cut inside one
_LEVEL_RE = re.compile(r"(?:国家|中央|国|省|市|县|区|自治区|自治州|盟|旗)级?")
# the levels of a monitoring network (国控、省控断面水质优良率保持100%): with no 均 / 分别, the gold reads one network's rate
_NETWORK_LEVEL_RE = re.compile(r"(?:国|省|市|县)(?:控|考)")
# the waters a quality rate is measured on (集中式饮用水水源地、主要流域国省控断面水质达标率保持100%: a listed water named
# in full before the last one's rate has that rate too, the drinking sources' compliance one of them)
_MONITORED_WATERS = ("水源地", "水源", "断面", "水功能区", "水体")
# the sites of a monitoring network right after their count (…个国考断面, …个水功能区, …个监测点位)
_SITES_COUNTED_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:断面|点位|监测站|水功能区|饮用水水?源)")
_RESPECTIVELY_RE = re.compile(r"分别(?:为|是|达到|达|提高到|提升至|提高至|下降到|降至)?$")


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
        if (len(last) == len(chain) and not meaningful(_bare_of_baseline(doc, change))
                and doc.same_sentence(out[last[0]].start, head.start)):
            # "浓度分别为55、35微克/立方米,同比分别下降6.8%、5.4%": the changes of the subjects listed before
            for k, p in zip(chain, last, strict=True):
                out[k] = out[k].but(subject=out[p].subject + change)
        elif (classes := _zone_classes(head.subject, len(chain))) is not None:
            # 1~4(4a、4b)类功能区昼间达标率分别为A、B、C、D、E / 1类、2类、3类功能区…: each class its figure
            for k, subject in zip(chain, classes, strict=True):
                out[k] = out[k].but(subject=subject)
        elif len(parts) == len(chain):
            tail = _shared_metric(doc, parts)
            for k, p in zip(chain, parts, strict=True):
                own = k == chain[-1] or p.endswith(tail) or p.endswith(RATIO_ENDINGS)  # 普及率、治理率: each its own
                # 煤炭行业、电力行业增加值: an item already ending in the shared metric's first word keeps it once
                word = next((w for w in doc.grammar.metric_words if tail.startswith(w) and p.endswith(w)), "")
                # 城镇污水收集率和处理率分别达到…: the towns' sewage 处理率
                subject = _rate_of_the_rate_before(parts, chain.index(k)) or (p if own else p + tail[len(word) :])
                out[k] = out[k].but(subject=_with_the_intensity_head(parts[0], p, subject))
        else:
            for k in chain[1:]:
                out[k] = out[k].but(subject=head.subject)
        last = chain
    return out


_DAY_AND_NIGHT = ("昼间", "夜间")


def _day_and_night(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """区域声环境昼间平均等效声级53.2分贝、夜间45.1分贝 / 1~4类功能区昼间达标率分别为…,夜间达标率分别为…: a figure (or a
    list) named by the other part of the day after one named by its part (the same unit, as many, in the same sentence)
    is of the same thing at night (or by day): its words are the figure's before with the part swapped; when the one
    before named the part alone (昼间、夜间平均等效声级分别为…), the words after the part are both figures'."""
    out = list(cands)
    i = 0
    while i < len(out):
        c = out[i]
        n = c.in_list[1] if c.in_list[0] == 0 else 1
        part = next((p for p in _DAY_AND_NIGHT if c.subject.startswith(p)), "")
        other = _DAY_AND_NIGHT[1 - _DAY_AND_NIGHT.index(part)] if part else ""
        if (n == 2 and (day := next((p for p in _DAY_AND_NIGHT if c.subject.endswith(p)), ""))
                and out[i + 1].subject.startswith(night := _DAY_AND_NIGHT[1 - _DAY_AND_NIGHT.index(day)])
                and len(rest := out[i + 1].subject[len(night) :]) > 1):
            # 区域声环境昼间、夜间平均等效声级分别为A、B: the words after the list are both parts'
            head = c.subject[: -len(day)]
            out[i], out[i + 1] = c.but(subject=c.subject + rest), out[i + 1].but(subject=head + night + rest)
            i += n
            continue
        before = list(range(i - n, i)) if i >= n else []
        if (part and before and all(other in out[k].subject and out[k].unit.unit == c.unit.unit for k in before)
                and all(out[k].subject == c.subject for k in range(i, i + n))
                and (n == 1 or out[before[0]].in_list == (0, n)) and doc.same_sentence(out[before[0]].start, c.start)):
            rest = c.subject[len(part) :]
            for k, b in zip(range(i, i + n), before, strict=True):
                head, _, tail = out[b].subject.partition(other)
                if not tail and rest:  # 昼间、夜间平均等效声级: the words after the night's part are the day's too
                    out[b] = out[b].but(subject=head + other + rest)
                    tail = rest
                elif rest and not tail.endswith(rest):
                    break
                out[k] = out[k].but(subject=head + part + tail)
        i += n
    return out


# the head of an intensity, per unit of output (万元GDP能耗和用水量: both are per 10 000 yuan of GDP)
_INTENSITY_HEAD_RE = re.compile(r"(?:单位|万元)(?:GDP|地区生产总值|国内生产总值|生产总值|工业增加值)")
_BARE_METRIC_CHARS = 4


def _with_the_intensity_head(first: str, item: str, subject: str) -> str:
    """万元GDP能耗和用水量分别下降: a later item that is a bare metric (用水量, 水耗) after a first item opening on the
    head of an intensity is that intensity's too (万元GDP用水量); the subject unchanged otherwise."""
    head = _INTENSITY_HEAD_RE.search(first)
    if head is None or _INTENSITY_HEAD_RE.search(item) or len(item.split("分别")[0]) > _BARE_METRIC_CHARS or item == first:
        return subject
    return head.group(0) + subject


def _split_mixed_lists(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """"PM2.5浓度、优良天数比例分别为30微克/立方米、90%": numbers of different units joined by 、 after 分别
    (not a list of one unit, which _split_list_subjects reads) take the listed subjects in order."""
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        a, _ = doc.clause(c.start, c.end)
        if c.in_list[1] > 1 or not _RESPECTIVELY_RE.search(text[a : c.start]) or (i > 0 and cands[i - 1].end > a):
            continue
        run = [i]
        while run[-1] + 1 < len(cands) and text[cands[run[-1]].end : cands[run[-1] + 1].start].strip() == "、":
            run.append(run[-1] + 1)
        parts = [p for p in c.subject.split("、") if p]
        if (len(run) >= 2 and len(parts) == len(run) and len({cands[k].unit.unit for k in run}) > 1
                and all(meaningful(p) for p in parts)):
            for k, p in zip(run, parts, strict=True):
                out[k] = out[k].but(subject=p)
    return out


def _split_shared_values(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """"城市污水处理率、垃圾无害化处理率均为100%": one value stated for every subject of a list."""
    text = doc.text
    out = list(cands)
    for i, c in enumerate(cands):
        each = [p for p in _LIST_SPLIT_RE.split(c.subject[:-1]) if p] if c.subject.endswith(_EACH) else []
        if len(each) >= 2 and all(meaningful(p) for p in each) and not c.shared_by:
            # 绿色工厂和智能工厂各1家: the number holds for each thing listed before 各
            out[i] = c.but(shared_by=tuple(each))
            continue
        a, _ = doc.clause(c.start, c.end)
        stop = c.opening
        head = text[a:stop].rstrip(" ")
        for w in doc.grammar.change_words:  # PM10、PM2.5浓度均下降5%
            if head.endswith(w):
                head = head[: -len(w)]
                break
        head = _SHARED_BASELINE_RE.sub("", head)  # 均比2020年下降 / 分别相比2020年下降
        head = _TRAILING_TIME_RE.sub("", head)  # 均连续5年 / 首次均达
        if not head.endswith(_VALUE_SHARED_MARKERS):
            if _is_list_of_rates(doc, cands, i):
                parts = _qualified(doc, _rate_list(c.subject))
                out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
            continue
        if i > 0 and cands[i - 1].end > a:
            # 203个国考断面优良率和85个水功能区达标率均为100%: the earlier numbers count the sites of the listed rates
            parts = _rates_of_counted_sites(doc, cands, i, a, head)
            if parts:
                out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
            continue  # else another number in the clause: 均 refers to it ("分别为…,均达到")
        if head.endswith("分别") and i + 1 < len(cands) and cands[i + 1].start < doc.clause(c.start, c.end)[1]:
            continue  # 分别下降6.8%、5.4%: one value per subject, listed
        marker = next(m for m in _VALUE_SHARED_MARKERS if head.endswith(m))
        cut = c.subject.rfind(marker)  # the marker only, not the 均 of 年均浓度
        subject = c.subject[:cut] + c.subject[cut + len(marker) :] if cut >= 0 else c.subject
        parts = _qualified(doc, [p for p in _LIST_SPLIT_RE.split(subject) if p])
        if len(parts) >= 2 and all(meaningful(p) for p in parts):
            out[i] = c.but(shared_by=tuple(_with_metric(doc, parts, k) for k in range(len(parts))))
    return out


def _rates_of_counted_sites(doc: DocumentView, cands: list[Candidate], i: int, a: int, head: str) -> list[str]:
    """"203个国考断面优良率和85个水功能区达标率均为100%": the subjects of a list of rates whose items open on a count
    of their monitored sites (each count is a figure of its own, the network's size), the counts left out; [] when
    another number of the clause is no such count."""
    before = [d for d in cands[:i] if d.end > a]
    if not before or any(d.unit.unit != "count" or not _SITES_COUNTED_RE.match(doc.text, d.end) for d in before):
        return []
    text, at = "", a
    for d in before:
        text, at = text + doc.text[at : d.opening], d.end
    text += doc.text[at : a + len(head)]
    marker = next(m for m in _VALUE_SHARED_MARKERS if text.endswith(m))
    parts = _qualified(doc, [p for p in _LIST_SPLIT_RE.split(text[: -len(marker)]) if p])
    ok = len(parts) >= 2 and all(meaningful(p) for p in parts) and parts[-1].endswith(RATIO_ENDINGS)
    return parts if ok else []


def _shared_qualifier(doc: DocumentView, parts: list[str]) -> str:
    """三大粮食作物化肥、农药利用率: a first item longer than a name, ending in a name as long as each later one's
    (农药, before the last item's metric 利用率), opens with a qualifier every item shares (三大粮食作物); "" when
    not (an item naming a metric of its own, a qualifier that lists or counts, names of unlike length)."""
    if len(parts) < 2 or len(parts[0]) <= _SHORT_NAME:
        return ""
    first, last = parts[0], parts[-1]
    at = min((i for w in doc.grammar.metric_words for i in [last.find(w, 1)] if i > 0), default=0)
    modifier = next((m for m in _METRIC_MODIFIERS if at > len(m) and last[:at].endswith(m)), "")
    name = last[: at - len(modifier)]
    if not 2 <= len(name) <= 4 or any(len(p) != len(name) for p in parts[1:-1]):
        return ""
    qualifier = first[: -len(name)]
    if (len(qualifier) > _SHORT_NAME + 2 or _LIST_SPLIT_RE.search(qualifier) or re.search(r"[\d(（)）]", qualifier)
            or any(w in first for w in doc.grammar.metric_words) or first.endswith(RATIO_ENDINGS)
            or any(p.startswith(qualifier) for p in parts[1:])):
        return ""
    return qualifier


def _qualified(doc: DocumentView, parts: list[str]) -> list[str]:
    """The items of a list with the qualifier the first one opens with given to each (三大粮食作物化肥、农药利用率
    -> 三大粮食作物化肥, 三大粮食作物农药利用率)."""
    qualifier = _shared_qualifier(doc, parts)
    return [parts[0]] + [qualifier + p for p in parts[1:]] if qualifier else parts


def _is_list_of_rates(doc: DocumentView, cands: list[Candidate], i: int) -> bool:
    """"工业危险废物安全处置率、医疗废物无害化处理率保持100%" / "受污染耕地、污染地块安全利用率达到95%":
    one percentage after a 、-list of subjects ending in a rate holds for each (a rate is never a sum of
    its parts), when the clause holds no other number. Each listed subject is a rate, or a short name
    taking the last one's metric; a 、 inside brackets (县(市、区)) lists nothing."""
    c = cands[i]
    a, b = doc.clause(c.start, c.end)
    # a rate in words (受污染耕地、受污染地块安全利用率达到省级下达指标) holds for each like a number
    stated = c.words_only or (c.number is not None and c.number.value is not None)
    if c.unit.unit != "percent" or not stated or not c.subject.endswith(RATIO_ENDINGS):
        return False
    if (i > 0 and cands[i - 1].end > a) or (i + 1 < len(cands) and cands[i + 1].start < b):
        return False
    parts = _rate_list(c.subject)
    if all(_NETWORK_LEVEL_RE.fullmatch(p) for p in parts[:-1]):
        return False
    # not a name that is an amount of its own (粮食产量、能耗降低率), nor a last item listing again (化肥、农药使用量和利用率)
    return (len(parts) >= 2 and all(meaningful(p) and not re.search(r"[(（)）]", p) for p in parts)
            and all(p.endswith(RATIO_ENDINGS) or (len(p) <= _SHORT_NAME and not p.endswith("量"))
                    or (k == 0 and _shared_qualifier(doc, parts)) or _listed_water(p, parts[-1])
                    for k, p in enumerate(parts[:-1]))
            and not _LIST_SPLIT_RE.search(parts[-1]))


def _listed_water(item: str, last: str) -> bool:
    """集中式饮用水水源地 before 主要流域国省控断面水质达标率: a water monitored, named in full, listed before a
    water quality rate of another water (its rate is the same metric, of its own water)."""
    return (item.endswith(_MONITORED_WATERS) and len(item) <= 2 * _SHORT_NAME and "水质" in last
            and any(w in last[: last.find("水质")] for w in _MONITORED_WATERS))


def _rate_list(subject: str) -> list[str]:
    """The items of a list of rates: split at 、; without 、, at a single 和 after a short name (受污染耕地和建设用地
    安全利用率: the two lands' rates; 和 inside a longer phrase joins words, not items)."""
    if "、" in subject:
        return subject.split("、")
    head, _, rest = subject.partition("和")
    # not two levels of government naming one network (国家和省考核断面), a share of both together (风电和光伏装机
    # 占比), two grades of one rate (满意和基本满意率) or 和 opening a word (和美乡村)
    if (rest and "和" not in rest and 2 <= len(head) <= _SHORT_NAME and subject.endswith("率")
            and not _LEVEL_RE.fullmatch(head) and not rest.endswith(head[-2:] + "率")
            and not _OPENS_A_WORD_WITH_HE_RE.match(rest)):
        return [head, rest]
    return [subject]


def _with_metric(doc: DocumentView, parts: list[str], k: int) -> str:
    """A listed subject without a metric of its own takes the metric of the next one that has one:
    县城、农村饮用水源地水质达标率 -> 县城饮用水源地水质达标率."""
    if of_the_rate_before := _rate_of_the_rate_before(parts, k):
        return of_the_rate_before
    if parts[k].endswith(RATIO_ENDINGS) or k == len(parts) - 1:
        return parts[k]
    following = next((p for p in parts[k + 1 :] if p.endswith(RATIO_ENDINGS)), parts[-1])
    if _listed_water(parts[k], following):
        return parts[k] + following[following.find("水质") :]  # 集中式饮用水水源地水质达标率
    if shared := _after_listed_places([parts[k], following], following):
        return parts[k] + shared  # 城市和县城污水处理率 -> 城市污水处理率
    metric_at = min((i for w in doc.grammar.metric_words for i in [following.find(w, 1)] if i > 0), default=0)
    for modifier in _METRIC_MODIFIERS:  # 污染地块安全利用率: the metric is 安全利用率
        if metric_at > len(modifier) and following[:metric_at].endswith(modifier):
            metric_at -= len(modifier)
            break
    if metric_at and metric_at <= len(parts[k]) + 2:  # 氮氧化物和挥发性有机物排放总量: names of like length
        return parts[k] + following[metric_at:]
    if (closed := _closing_deng(following)) > 0:
        return parts[k] + following[closed:]
    if len(parts[k]) <= 4 and len(following) > len(parts[k]) + 2:
        return parts[k] + following[len(parts[k]) :]  # 县城和乡镇饮用水源地达标率: a place word like the next one's
    tail = _shared_metric(doc, [parts[k], following])
    return parts[k] if parts[k].endswith(tail) else parts[k] + tail


# 钢铁、水泥、合成氨等重点行业…比例: the names end where 等 closes the list, whatever the last name's length (not the
# 等 of a word: 高等教育, 中等职业, 同等, 平等, 等级)
_CLOSING_DENG_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![高中初同平相均对优次上下超特])等(?![级于同])")


def _closing_deng(last: str) -> int:
    """Where the 等 closing a list of names falls in its last item, or -1."""
    return m.start() if (m := _CLOSING_DENG_RE.search(last)) else -1


# a class of zones or waters: 1类, 4a类, Ⅲ类 (the label before 类)
_CLASS_LABEL = r"(?:\d{1,2}[a-z]?|[ⅠⅡⅢⅣⅤⅥ]|I{1,3}|IV|VI?)"
_ROMAN = "ⅠⅡⅢⅣⅤⅥ"
# 1~4(4a、4b)类 / Ⅰ-Ⅲ类 / 0—3类: a run of classes, the last one split into the sub-classes the bracket lists
_CLASS_RUN_RE = re.compile(r"(?P<a>\d|[ⅠⅡⅢⅣⅤⅥ])\s*[~～\-－—至到]\s*(?P<b>\d|[ⅠⅡⅢⅣⅤⅥ])"
                           r"(?:[(（](?P<sub>[\da-z、,，和]+)[)）])?类")
_CLASS_ITEM_RE = re.compile(rf"{_CLASS_LABEL}类")


def _zone_classes(subject: str, n: int) -> list[str] | None:
    """The subjects of n figures stated for a list of classes (1~4(4a、4b)类功能区昼间达标率 / 1类、2类、3类功能区昼间达标率 ->
    1类功能区昼间达标率, 2类…, 4a类…, 4b类…): the words around the classes kept on each; None when the classes named are not
    n."""
    if run := _CLASS_RUN_RE.search(subject):
        a, b = run.group("a"), run.group("b")
        if a.isdigit() != b.isdigit():
            return None
        if a.isdigit():
            labels = [str(k) for k in range(int(a), int(b) + 1)]
        else:
            labels = list(_ROMAN[_ROMAN.index(a) : _ROMAN.index(b) + 1])
        if run.group("sub"):  # (4a、4b): the last class's parts
            subs = [x for x in re.split(r"[、,，和]", run.group("sub")) if x]
            if not subs or not all(x.startswith(labels[-1]) for x in subs):
                return None
            labels = labels[:-1] + subs
        head, tail = subject[: run.start()], subject[run.end() :]
    else:  # 全市1类、2类、3类功能区…: classes listed, the words after the last shared
        m = re.search(rf"{_CLASS_ITEM_RE.pattern}(?:[、和及]{_CLASS_ITEM_RE.pattern})+", subject)
        if m is None:
            return None
        labels = [x[:-1] for x in re.findall(_CLASS_ITEM_RE.pattern, m.group())]
        head, tail = subject[: m.start()], subject[m.end() :]
    if len(labels) != n or len(labels) < 2 or not tail:
        return None
    return [head + label + "类" + tail for label in labels]


def _shared_metric(doc: DocumentView, parts: list[str]) -> str:
    """The metric the last subject of a list shares with the others: 国考、省考、市考断面优Ⅲ比例 -> 断面优Ⅲ比例."""
    last = parts[-1]
    if shared := _after_listed_places(parts, last):
        return shared
    starts = [i for w in doc.grammar.metric_words for i in [last.find(w, 1)] if i > 0]
    if starts and 0 < (of := last.rfind("的", 0, min(starts))) and not any("的" in p for p in parts[:-1]):
        return last[of + 1 :]  # A、B、C的低VOCs含量油墨使用比例: every name listed before 的 has what follows it
    if starts:
        start = min(starts)
        # 农膜、农药包装物回收利用率: the modifier belongs to the shared metric (回收利用率)
        modifier = next((m for m in _METRIC_MODIFIERS if start > len(m) and last[:start].endswith(m)), "")
        return last[start - len(modifier) :]
    if (closed := _closing_deng(last)) > 0:
        return last[closed:]
    # 2020年农药、化肥使用量较2015年分别下降: a time opening the list is no part of the first name's length
    cut = min(len(p) - (m.end() if (m := _TIME_ONLY_RE.match(p)) else 0) for p in parts[:-1])
    # 农村自来水、卫生户厕普及率: a first name longer than the last's thing still shares the whole 普及率
    cut = min([cut] + [len(last) - len(w) for w in _RATE_WORDS if last.endswith(w)])
    return last[cut:] if len(last) > cut else ""


def _after_listed_places(parts: list[str], last: str) -> str:
    """What the last item says after its place when every item before it is a place alone: 城市、县城污水处理率 ->
    污水处理率 (not 处理率: the service is of every place); likewise after the head of an intensity when every item
    before is such a head alone: 万元地区生产总值和万元工业增加值用水量 -> 用水量; "" otherwise."""
    place = next((p for p in _LISTED_PLACES if last.startswith(p)), "")
    if place and len(last) > len(place) + 1 and all(_a_listed_place(p) for p in parts[:-1]):
        return last[len(place) :]
    head = _INTENSITY_HEAD_RE.match(last)
    if head and len(last) > head.end() + 1 and all(_INTENSITY_HEAD_RE.fullmatch(p) for p in parts[:-1]):
        return last[head.end() :]
    return ""


def _a_listed_place(part: str) -> bool:
    """城区 / 南充市主城区: a listed place, alone or after the name of its region (南充市主城区、县城、乡镇生活污水处理率)."""
    own = next((p for p in _LISTED_PLACES if part.endswith(p)), "")
    return part == own or (bool(own) and _NAMED_PLACE_RE.fullmatch(part[: -len(own)]) is not None)


# a level of government alone (省级, 自治区级, 市级以上) and one inside a subject, before its things (创成国家级绿色工厂)
_LEVEL = r"(?:国家|省|市|县|区|自治区|自治州|州|盟|旗)级(?:以上)?"
_BARE_LEVEL_RE = re.compile(_LEVEL)
_LEVEL_INSIDE_RE = re.compile(_LEVEL + r"(?=.{2,}$)")


def _level_of_the_previous(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """新增国家级绿色工厂6家、省级17家: a list's item named by its level alone counts the things the item before
    counts at that level (省级绿色工厂); the things are the previous subject's words after its own level."""
    out = list(cands)
    for i in range(1, len(cands)):
        prev, c = out[i - 1], cands[i]
        level = _LEVEL_INSIDE_RE.search(prev.subject)
        between = doc.text[prev.end : c.start]
        if (level and _BARE_LEVEL_RE.fullmatch(c.subject) and between.startswith(_LIST_JOINS)
                and between.lstrip("、和及与 ") == c.subject):
            out[i] = c.but(subject=c.subject + prev.subject[level.end() :])
            continue
        # 建成生活垃圾分类示范街道25个、省级示范街道1个: the level names the same things, its words shortened
        own = _BARE_LEVEL_RE.match(c.subject)
        things = c.subject[own.end() :] if own else ""
        if (own and not level and len(things) >= 3 and prev.subject.endswith(things) and len(prev.subject) > len(things)
                and between.startswith(_ENUMERATION_MARK)):  # (not 公园: 口袋公园12个、省级公园3个 are other parks)
            out[i] = c.but(subject=own.group() + clean_subject(prev.subject, leading=True))
    return out


# 城乡居民人均可支配收入分别增长5%、7% / 存贷款余额分别增长6.9%、6.6%: a pair written as one word, each figure of the
# list of two after 分别 is of its member
_COMPRESSED_PAIRS = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款")}
_RESPECTIVELY = "分别"


def _compressed_pair(cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if c.in_list[1] != 2 or _RESPECTIVELY not in c.subject:
            continue
        pair = next((p for p in _COMPRESSED_PAIRS if p in c.subject), None)
        if pair is not None:
            own = _COMPRESSED_PAIRS[pair][c.in_list[0]]
            out[i] = c.but(subject=c.subject.replace(pair, own, 1).replace(_RESPECTIVELY, "", 1))
    return out


# 甲市(2.2万吨)、乙市(1万吨)等积存垃圾渗滤液处理工程: what the list of places with their bracketed figures shares, after it
_LIST_ENDING_RE = re.compile(r"[)）]等?([\u4e00-\u9fff][^，,。；;：:、(（)）.]*)")
_BRACKETED_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{2,12}")


def _bracketed_list_ending(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A list of places each with its figure in brackets (甲市(2.2万吨)、乙县(1万吨)等…) names its works once, after the
    last bracket: each place's figure is of that work in that place (甲市积存垃圾渗滤液处理工程). Every item is a place
    (its name ends in 市, 县, 区…) and the figure alone in its brackets. When the works are facilities (…污水处理厂,
    …工程), the items may be any short names, the facilities' own (新建红菱(3万吨/日)、南部三期(50万吨/日)污水处理厂),
    and one item alone is named so too (扩建沈溪新城(1万吨/日)污水处理厂)."""
    text, out = doc.text, list(cands)
    run: list[int] = []
    for i, c in enumerate(cands + [None]):
        bracketed = (c is not None and c.start > 0 and text[c.start - 1] in "(（" and text[c.end : c.end + 1] in ")）"
                     and _BRACKETED_ITEM_RE.fullmatch(out[i].subject or ""))
        if bracketed and (not run or text[cands[run[-1]].end + 1 : c.start - 1 - len(out[i].subject)] == "、"):
            run.append(i)
            continue
        if run:
            m = _LIST_ENDING_RE.match(text, cands[run[-1]].end)
            ending = clean_subject(m.group(1), leading=False).removesuffix("等") if m else ""
            places = all(_NAMED_PLACE_RE.fullmatch(out[k].subject) for k in run)
            facilities = ending.endswith(_FACILITIES) and not ending.startswith(_FACILITIES)
            if meaningful(ending) and ((len(run) >= 2 and places) or facilities):
                for k in run:
                    out[k] = out[k].but(subject=out[k].subject + ending)
        run = [i] if bracketed else []
    return out


# 建成自然保护区20个,其中国家级3个、省级1个 / 在全省421个行政村新建…设施,其中沈阳市92个、大连市34个: a part named by its
# level or its place alone, after 其中 (or a colon), counts the things of the total before it in its sentence, in the
# same unit (国家级自然保护区, 沈阳市行政村新建…设施): the total's subject without its region, date and verb
_PARTS_OPENER_RE = re.compile(r"其中[,，:：]?|[:：]")
_DIGIT_RE = re.compile(r"\d")
_TOTAL_HEAD_RE = re.compile(r"^(?:(?:19|20)\d\d\s?年(?:底|末)?(?:前)?)?(?:在|于)?(?:" + _WHOLE_REGION_RE.pattern + r")?"
                            r"(?:" + "|".join(sorted(map(re.escape, _COUNT_OPENING_VERBS + ("创建", "各类")), key=len,
                                                   reverse=True)) + r")*")


def _part_named_by_its_level_or_place(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        part = c.subject or ""
        if c.is_change or not (_BARE_LEVEL_RE.fullmatch(part)
                               or (_NAMED_PLACE_RE.fullmatch(part) and doc.grammar.regions.is_name(part))):
            continue
        sentence = doc.sentence_at(c.start)[0]
        opener = last_match(_PARTS_OPENER_RE, text, sentence, c.start)
        if opener is None or re.search(r"[;；。]", text[opener.end() : c.start]):
            continue
        total = next((k for k in range(i - 1, -1, -1) if cands[k].end <= opener.start()), None)
        if (total is None or cands[total].start < sentence or cands[total].unit.unit != c.unit.unit
                or cands[total].is_change or any(cands[k].unit.unit != c.unit.unit for k in range(total + 1, i))):
            continue
        things = out[total].subject[_TOTAL_HEAD_RE.match(out[total].subject).end() :]
        if (meaningful(things) and not _DIGIT_RE.search(things) and not _BARE_LEVEL_RE.fullmatch(things)
                and not doc.grammar.regions.is_name(things)):  # (2018—2020年未完成的8150.93亩: no things named)
            out[i] = c.but(subject=part + things)
    return out


_CLAUSE_RE = re.compile(r"[^,，;；:：。]+")
_ITEM_OPENING_RE = re.compile(r"(?:^|[,，;；:：、]|其中[,，:：]?)\s*$")  # where a listed place's item opens


def _place_right_before(doc: DocumentView, text: str, at: int) -> int:
    """Where the region's name written right before position at starts (0 when none)."""
    return next((at - n for n in range(2, 9) if doc.grammar.regions.is_name(text[at - n : at])), 0)


def _place_alone_takes_the_work_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """取消老旧柴油车营运资质,甲市1500台以上、乙市400台以上 / 深化企业污染治理,其中,甲市58家 / 完成闭坑矿山治理,未完成的
    8150亩,其中甲市37亩 / 实施散煤替代。全省完成7.6万户:甲市3300户 / 划定禁止生产区域甲市422亩,乙市1.3万亩: a figure named
    by its place alone, listed (its place opens its item), is that place's share of the work named by the nearest clause
    before it with no figure (in its sentence, or the sentence before when a total opens its own), or by the words before
    the first listed place."""
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        place = c.subject or ""
        if c.is_change or not (_NAMED_PLACE_RE.fullmatch(place) and doc.grammar.regions.is_name(place)):
            continue
        s0, _, _ = doc.sentence_at(c.start)
        a, _ = doc.clause(c.start, c.end)
        if "|" in text[s0 : c.start] or not text[: c.opening].rstrip().endswith(place) \
                or not _ITEM_OPENING_RE.search(text, s0, c.opening - len(place)):
            continue  # a table's row (its label is the place), or a place inside a phrase (不低于甲市3天需求量)
        clauses = list(_CLAUSE_RE.finditer(text, s0, a))
        holds = [any(x.start < m.end() and m.start() < x.end for x in cands) for m in clauses]
        work = ""
        for m, held in zip(reversed(clauses), reversed(holds), strict=True):
            first = next((x for x in cands if m.start() <= x.start < m.end()), None) if held else None
            if first is not None and (at := _place_right_before(doc, text, first.opening)) > m.start() \
                    and not doc.grammar.regions.named(before := clean_subject(text[m.start() : at], leading=True)):
                work = before  # 划定…区域【甲市】422亩: the list's first item (not 鞍山【海城市】58家: a place in a place)
                break
            if held or m.group(0).strip() == "其中" or _TIME_ONLY_RE.fullmatch(m.group(0).strip()):
                continue  # the total or another part, the word that opens the parts, a time
            work = clean_subject(m.group(0), leading=True)
            break
        if not work and clauses and all(holds) and s0 > 0:
            # every clause before holds a figure (the total): the work is the sentence before's last clause
            p0, _, _ = doc.sentence_at(s0 - 1)
            last = list(_CLAUSE_RE.finditer(text, p0, s0 - 1))
            if last and not any(last[-1].start() <= x.start < last[-1].end() for x in cands):
                work = clean_subject(last[-1].group(0), leading=True)
        if meaningful(work) and not doc.grammar.regions.is_name(work) and not _NAMED_PLACE_RE.fullmatch(work):
            out[i] = c.but(subject=place + work)
    return out

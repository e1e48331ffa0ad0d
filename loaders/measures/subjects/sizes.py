"""Sizes: capacities (装机, 处理能力) and the energy source or waste they are of, areas and lengths (面积, 公里, 亩)
built, protected or treated, amounts produced, the size of a project written before its name
(100兆瓦光伏项目)."""

from __future__ import annotations

import re

from loaders.measures.candidates import COUNT_UNITS, Candidate
from loaders.measures.document import DocumentView
from loaders.measures.filters import _CAPACITY_OF_THE_COUNTED_RE
from loaders.measures.subjects.clean import clean_subject
from loaders.measures.subjects.common import _LIST_JOINS, _WORK_VERBS, meaningful
from loaders.measures.subjects.counts import _NO_THINGS_RE

# a capacity named by its head alone (装机总量645万千瓦) is of the energy source its sentence named last before it
# (新增开发装机, 并网装机: the capacity developed or connected)
_CAPACITY_HEAD_RE = re.compile(r"(?:开发|并网)?(?:总(?:发电)?)?装机(?:总量|规模|容量)?")  # (总发电装机规模: the same head)
_COLLECTIVE_SOURCES = ("可再生能源", "清洁能源", "新能源")  # what several sources named before add up to
_ENERGY_SOURCES = (*_COLLECTIVE_SOURCES, "风电", "光伏", "风光", "水电", "核电", "火电", "煤电", "气电", "电力")

# an item naming its own land work takes no verb of the item before (修复退化林4000亩、森林抚育5000亩)
_OWN_LAND_WORKS = ("抚育", "造林", "育林", "种草", "改良", "封育", "绿化", "复绿", "管护")
_TREATED_UNITS = ("km2", "mu", "km")

# a capacity named by its head alone (处理能力, 日处理规模): what it treats is named the clause before
_BARE_CAPACITY_RE = re.compile(r"(?:日|年)?(?:处理|处置)(?:能力|规模)")
# an area or a length named by its word alone (面积约23341m2, 总面积927平方公里): of what the clause before measures
_BARE_AREA_RE = re.compile(r"总?(?:面积|长度)")
# the words of an amount produced (农村日产生污水量 -> 农村污水): what a capacity after it treats
_AMOUNT_MADE_RE = re.compile(r"(?:每日|每年|日|年)?(?:产生|排放)|量$")
_MADE_RE = re.compile(r"产生|排放")
_FACILITIES = ("厂", "站", "设施", "企业", "中心", "场", "项目", "工程", "单位", "基地")

# the amount word ending a subject (绿化覆盖面积, 优良天数): what a rate after it drops before it is joined to the rate
_AMOUNT_WORD_RE = re.compile(r"(?:面积|天数|数量|总量|量|(?:处理|处置)?(?:能力|规模))$")

# an area right before the zone it is the size of, after a verb of building or protecting (规划建设736平方公里X区)
_AREA_UNITS = ("km2", "mu", "ha")
_AREA_VERBS = ("建设", "保护", "打造", "新建", "建成", "划定", "创建")


def _capacity_source(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A capacity named by its head alone (装机总量, 装机规模) takes the energy source its sentence named last
    before it (清洁能源成势见效，装机总量645万千瓦 -> 清洁能源装机总量); none named, it stays as it is. Projects of
    several sources listed before it (200万千瓦光伏、85万千瓦风电等项目…,新增装机1217万千瓦) add up to the collective
    source the sentence names (新能源), not to the last one listed."""
    out = list(cands)
    for i, c in enumerate(cands):
        if not _CAPACITY_HEAD_RE.fullmatch(c.subject):
            continue
        before = doc.text[doc.sentence_at(c.start)[0] : c.start]
        found = [(before.rfind(w), -len(w), w) for w in _ENERGY_SOURCES if w in before]
        collective = [f for f in found if f[2] in _COLLECTIVE_SOURCES]
        if collective and len({f[2] for f in found} - set(_COLLECTIVE_SOURCES) - {"电力"}) > 1:
            found = collective
        if found:
            out[i] = c.but(subject=max(found)[2] + c.subject)
    return out


def _shared_work_verb(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """治理河道10公里、水土流失20平方公里: a list of lands or lengths treated, each with its figure; the later
    items name no verb of their own and take the first one's (治理水土流失). Not a count or other quantity,
    whose item may hide its own verb (整治X处、腾出用能空间N吨标准煤)."""
    out = list(cands)
    for i in range(1, len(cands)):
        prev, c = out[i - 1], cands[i]
        verb = next((v for v in _WORK_VERBS if prev.subject.startswith(v)), None)
        between = doc.text[prev.end : c.start]
        if (verb is None or c.unit.unit not in _TREATED_UNITS or not between.startswith("、") or "，" in between
                or "," in between
                or any(v in c.subject for v in _WORK_VERBS + _OWN_LAND_WORKS) or not meaningful(c.subject)):
            continue
        out[i] = c.but(subject=verb + c.subject)
    return out


# the size of a project or a facility written before its name (中广核100兆瓦光伏等…, 开工建设通江27万千瓦风电场,
# 特高压三期500万千瓦新能源基地, 年产140万吨煤矸石新型建材加工): the project after the number is the subject, not the
# firm, place or verb before it
_SIZE_UNITS = ("kw", "t", "t_per_year", "tce")
_PROJECT_AFTER_RE = re.compile(r"[\u4e00-\u9fff][^\d，,。；;：:、（(]*")
_PROJECT_WORDS = ("项目", "电站", "电场", "基地", "工程", "机组", "一体化", "加工", "光伏", "风电", "储能", "指标")
_METRIC_BEFORE_RE = re.compile(r"(?:装机|规模|容量|产能|能力|总量|量|面积)$")
# 120万千瓦抽水蓄能电站建设和柘溪等大型水电站扩机 / 2座35万千瓦光热发电项目分别在甲市、乙市开工 / 光热电站和光热产业
# 创新中心建设: the project's name ends with its noun (and the building of it); a conjunction or 分别 after it opens
# other things or where they are
_PROJECT_NAME_END_RE = re.compile(r"(?:项目|电站|电场|电厂|基地|工程|机组)(?:建设)?(?=和|及|与|以及|分别|并)")


def _project_named_after(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if c.unit.unit not in _SIZE_UNITS or c.is_change or _METRIC_BEFORE_RE.search(c.subject):
            continue
        m = _PROJECT_AFTER_RE.match(doc.text, c.end)
        if m is None or ("等" not in m.group() and doc.text[m.end() : m.end() + 1].isdigit()):
            continue  # 24台351.3万千瓦在役燃煤发电机组于2018年…: a date cuts the name, the words are no project's
        name = m.group().split("等")[0].lstrip("的").rstrip("和及与")
        if end := _PROJECT_NAME_END_RE.search(name):
            name = name[: end.end()]
        word = next((w for w in _PROJECT_WORDS if w in name), None)
        if word and not name.startswith("项目") and (name != word or word in _ENERGY_SOURCES):  # not 项目建设 alone
            out[i] = c.but(subject=name)
    return out


# 清理退出…保护区境内8.46万亩杨树 / 铁溪河实施25千米河道生态修复 / 新改建90公顷城市绿地: an area or a length right before the
# things it measures, which end its clause (no 的: 时速350公里的高铁 is an attribute; no bound, conjunction or change
# after it: 100公里以上, 422公里并连通…, 1万亩减少为…), is of them; the words before it say where or what was done
_SIZES = ("mu", "km2", "ha", "km")
_THINGS_AFTER_SIZE_RE = re.compile(r"(?![的和及与并且或等])(?!以上|以下|左右|以内|之间|范围)"
                                   r"([\u4e00-\u9fff][^\d,，;；。.:：、()（）\s]*)(?=[,，;；。.:：、\s]|$)")
_MEASURE_WORD_AT_END_RE = re.compile(r"(?:面积|长度|里程|规模|总量|量|范围|宽度)$")


def _size_before_its_things(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if c.unit.unit not in _SIZES or c.is_change or _MEASURE_WORD_AT_END_RE.search(c.subject or ""):
            continue
        m = _THINGS_AFTER_SIZE_RE.match(doc.text, c.end)
        things = clean_subject(m.group(1), leading=False) if m else ""
        if (meaningful(things) and not _NO_THINGS_RE.match(things) and things not in (c.subject or "")
                and "范围" not in things):  # (嘉陵江干流1公里岸线范围内: a zone's width, no size of things)
            # 实施A工程及1万公顷B工程: after a conjunction the words before name the other things
            joined = doc.text[: c.start].rstrip().endswith(_LIST_JOINS) or not meaningful(c.subject or "")
            out[i] = c.but(subject=things if joined else c.subject + things)
    return out


_CAPACITY_RATES = ("t", "m3", "t_per_day", "t_per_year", "m3_per_day")  # (a daily word makes t a rate later)


def _capacity_of_the_things_counted(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """新建1座日处理能力为300吨的生活污泥处置厂: the count counts the things named after the capacity and its 的, and the
    capacity is theirs (污泥处置厂日处理能力)."""
    out = list(cands)
    for i in range(1, len(cands)):
        c, prev = cands[i], cands[i - 1]
        gap = _CAPACITY_OF_THE_COUNTED_RE.fullmatch(doc.text, prev.end, c.start)
        if prev.unit.unit not in COUNT_UNITS or c.unit.unit not in _CAPACITY_RATES or gap is None:
            continue
        m = _THINGS_AFTER_SIZE_RE.match(doc.text, c.end + 1) if doc.text.startswith("的", c.end) else None
        things = clean_subject(m.group(1), leading=False) if m else ""
        if meaningful(things):
            out[i - 1] = out[i - 1].but(subject=things)
            out[i] = out[i].but(subject=things + gap.group("word"))
    return out


# 可再生能源装机规模达到1000万千瓦左右,发电量突破350亿千瓦时 / 非化石能源发电装机比重和发电量比重分别达到60%、35% /
# 清洁能源装机占比54.8%、发电量占比51.3%: the generation named right after a source's capacity, with no source of its
# own, is that source's
_GENERATION_RE = re.compile(r"(?:年|全年)?(?:发电量|上网电量)")
_GENERATING_SOURCES = (*(s for s in _ENERGY_SOURCES if s != "电力"), "非化石能源", "绿色电力", "绿电")
_SOURCE_CAPACITY_RE = re.compile(r"(?:发电)?装机")


def _generation_of_the_source_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i in range(1, len(cands)):
        c, prev = out[i], out[i - 1]
        if (not _GENERATION_RE.match(c.subject or "")
                or not doc.same_sentence(prev.start, c.start)
                or (capacity := _SOURCE_CAPACITY_RE.search(prev.subject or "")) is None):
            continue
        owner = prev.subject[: capacity.start()]
        source = max((s for s in _GENERATING_SOURCES if owner.endswith(s)), key=len, default="")
        if source:
            out[i] = c.but(subject=source + c.subject)
    return out

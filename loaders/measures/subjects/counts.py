"""Counts (个, 家, 项, 件 …): the things a count counts (named after it, after a verb, after a place, as parts
of the things another count counts), problems handed over or found, the sites of a monitoring network,
firms counted then what they did, the items of a list of counts."""

from __future__ import annotations

import re

from loaders.measures.candidates import COUNT_UNITS, Candidate
from loaders.measures.document import DocumentView
from loaders.measures.subjects.clean import SUBJECT_LEADING_VERBS, clean_subject
from loaders.measures.subjects.common import (
    _ENUMERATION_MARK,
    _LIST_SPLIT_RE,
    _NOT_A_WORD_RE,
    _OBJECT_VERBS,
    _SHARED_MARKERS,
    _WORK_VERBS,
    meaningful,
)
from loaders.measures.subjects.places import _WHOLE_REGION_RE

# a count after one of these verbs counts the noun that follows it (系统推进9个项目, 提速实施249个项目)
# and after a verb of remediation (全面整治619个入河排污口, 关停12家企业) or of things built, opened or run
# (新改建60个口袋公园, 新投运2座垃圾焚烧发电厂, 新开放共享30处城市公园绿地), and of things held or recognised (全市共有67个
# 地块纳入调查, 最终确认16个高关注度地块, 新获认定4个“中华老字号”, 同时拥有5个专业化法庭), of rules made (制修订4部地方性
# 法规, 制定出台20条具体举措), of things fostered, brought in, helped or won (再培育2个中心镇, 孵化引进30家科创企业,
# 帮扶3000名残疾人, 荣获3枚金牌) and of work kept up on them (继续抓实124个示范片区, 改扩建50个养老工程)
_COUNT_OPENING_VERBS = tuple(dict.fromkeys(_OBJECT_VERBS + SUBJECT_LEADING_VERBS + _WORK_VERBS
                                           + ("清理", "拆除", "关闭", "取缔", "关停", "淘汰", "改造")
                                           + ("新建", "改建", "开工", "投运", "投产", "竣工", "完工", "开放", "共享")
                                           + ("共有", "拥有", "现有", "确认", "认定")
                                           + ("制修订", "制定", "修订", "出台", "印发", "颁布")
                                           + ("培育", "引进", "引育", "招引", "孵化", "扶持", "帮扶", "支持", "荣获", "获得")
                                           + ("抓实", "抓好", "改扩建")
                                           + ("处置",)))  # 妥善处置28起突发环境事件: the incidents

# words after a count that name no things counted but what became of the count (由十二五末的4个减少为1个)
_NO_THINGS_RE = re.compile(r"(?:减少|增加|增至|增长|降至|降为|下降|上升|提高|提升|调|为|是|已|均|全部|分别|达|占|以上|以下|左右)")
# where the words after the things counted say what became of them (问题全部完成整改, 火电厂从管理…协同发力, 问题中)
_THINGS_END_RE = re.compile(r"全部|均|已|正在|基本|得到|从|中$")

# a subject that is only a verb of work done (完成整改 23项, 已办结 185件): of the things counted the clause before
_BARE_DONE_RE = re.compile(r"(?:完成|已)?(?:整改|办结|销号|化解)(?:完成|到位)?")

# the words between a count and a part of what it counts (信访投诉问题中, / 问题中的 / 国控断面中有 / 监测点位中达标的有 /
# 黑臭水体中,已完成整治): the part's state or deed, when written before it, is what became of it
_PART_OF_RE = re.compile(r"(?P<things>[\u4e00-\u9fff“”]{0,12}?)(?:中|当中)[,，的]?"
                         r"(?:(?P<state>[\u4e00-\u9fff]{1,6}?)的有|有|(?P<deed>(?:已经?)?(?:完成|实现)?"
                         r"[\u4e00-\u9fff]{0,4}?(?:整治|治理|整改|改造|销号|办结|达标|消除|修复|关停|淘汰)))?")

# the sites of a monitoring network named by their level right after a count (62个国考断面, 16个国控点位)
_NETWORK_SITES_RE = re.compile(r"(?:国考|国控|省控|省考|国省考|国省控|市控|县控)(?:及以上|以上)?(?:地表水)?(?:断面|点位)")
# the things a count counts, right before the count of their parts (4家【燃煤电厂】8台机组): nouns only, not a part of
# them (59个问题【有】57个), a verb done (企业整改完成791个) or a change (缩减至36个); countries hold no cities as parts
# (35个国家57个城市: two counts of places)
_OWNER_OF_PARTS_RE = re.compile(r"(?![\u4e00-\u9fff]*(?:有|完成|中|和|及|与|或|等|的))(?!(?:国家|省份|地区)$)"
                                r"[\u4e00-\u9fff]{2,10}")
# the problems a count right before them counts (96个【环境问题】, 3744个【问题】, 12件【信访件】)
_PROBLEMS_RE = re.compile(r"(?:生态环境|环境)?(?:问题|信访件|信访投诉|案件)")
# a verb of inspection ending the words before a count: the count is of what it handed over or found (交办401个信访件)
_HANDED_OVER_RE = re.compile(r"(?:交办|转办|反馈|移交|移送|排查出|排查发现|发现|梳理出|受理)$")

# 完成全市90个地块的布点采样 / 在全省421个行政村新建…设施: the whole region right before a count (after 在, or after a
# verb read as its comparator) is where the things counted are, not what they are, which follow the count; not a peer
# group (在全国38个同类机场中进展最快)
_IN_WHOLE_REGION_RE = re.compile(r"(?:在|于)?" + _WHOLE_REGION_RE.pattern)
_PEER_GROUP_RE = re.compile(r"^[^,，;；。]{1,12}?中(?:$|[,，]|排|名列|位居|居|进展|领先|率先|第)")


def _whole_region_before_count(c: Candidate, before: str, gap: str, after: str) -> tuple[str, str]:
    if c.unit.unit not in COUNT_UNITS or c.is_change or not meaningful(after) or _PEER_GROUP_RE.match(after):
        return before, gap
    if gap and _IN_WHOLE_REGION_RE.fullmatch(gap):
        return before, ""
    if not gap and _IN_WHOLE_REGION_RE.fullmatch(before):
        return "", gap
    return before, gap


# the sites of a monitoring network counted before their rate (国省考断面水质优良比例, 集中式饮用水水源地年均水质达标率):
# what the count counts ends at the site's word
_SITES_BEFORE_THEIR_RATE_RE = re.compile(r"^(.{0,20}?(?:断面|点位|监测站|饮用水水?源地?|水功能区))(?=水质|年均|全部|均|累计|达标率)"
                                         r"(?=.*?(?:比例|比率|率|达标))")


def _own_words(after: str, next_in_clause: Candidate | None) -> str:
    """The words after a count that are its own: up to the next item of a list of counts when the clause's next
    figure is that item's (…交办401个信访件、排查出512个…: not 排查出)."""
    if next_in_clause is not None and _another_item_follows(next_in_clause, after) and (cut := _next_item_at(after)) > 0:
        return after[:cut]
    return after


def _without_what_became_of_them(things: str) -> str:
    """信访问题全部办结 / 信访问题中 -> 信访问题: the things counted, without what became of them."""
    end = _THINGS_END_RE.search(things, 2)
    return things[: end.start()] if end is not None else things


def _next_item_at(words: str) -> int:
    """Where the next item of a list of counts begins in words: its last 、, not inside brackets (县(市、区)) nor
    before a list of names closed by 等 (开办科技、体育、中医药等特色班); -1 when none."""
    at = words.rfind(_ENUMERATION_MARK)
    head = words[:at]
    inside_brackets = head.count("(") + head.count("（") > head.count(")") + head.count("）")
    return -1 if at < 0 or inside_brackets or "等" in words[at:] else at


def _next_names_at(words: str) -> int:
    """Where the names of the next count's things begin in the words between two counts that end on 等 (甲河等6条水流、
    乙洞等12个保护地: 水流 | 乙洞等): the first 、 or 和; -1 when the words do not end on 等 or join nothing."""
    join = _LIST_SPLIT_RE.search(words) if words.endswith("等") else None
    return join.start() if join else -1


def _names_listed(words: str, c: Candidate) -> bool:
    """白沙、庄边、新县3个镇: the words before a count list as many names as it counts (no bracket of another item's
    figure among them: 项目)、抚顺市2家 lists nothing)."""
    names = words.split(_ENUMERATION_MARK)
    return (len(names) >= 2 and c.number is not None and c.number.value == len(names)
            and not any(_NOT_A_WORD_RE.search(n) for n in names))


def _another_item_follows(nxt: Candidate, after: str) -> bool:
    """The number after a count and its words is another item's, not a rate of the sites counted (20个国考、省考断面
    水质优良比例达85%) nor one value of a list the words share (9家A、B同比分别增长12%、10%)."""
    rate = nxt.unit.unit == "percent" and any(w in after for w in ("率", "比例", "比重", "占比"))
    return not rate and not any(m in after for m in _SHARED_MARKERS)


def _names_of_counted(before: str, c: Candidate) -> bool:
    """The words before a count name the things it counts (后湾水库等 / A、B before 2个): a list closed by 等,
    or as many listed names as the count says."""
    if before.endswith("等") and len(before) > 1:
        return True
    names = before.split("、")
    return len(names) >= 2 and c.number is not None and c.number.value == len(names)


# 3家企业主板上市 / 19家企业入选省首批雄鹰企业 / 404家企业通过国家两化融合贯标: firms counted, then what they did; the
# words before the count name another item or a clause (专精特新中小企业1003户,3家企业…), not them
_FIRMS_DEED_RE = re.compile(r"企业([^\d,，。；;、：:（(]{0,16}?(?:上市|挂牌|入选|获评|获|通过|进入|亮相|入驻|入板)"
                            r"[^\d,，。；;、：:（(]*)")
_FIRM_CLASSIFIERS = ("家", "户")


def _firms_counted_then_their_deed(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if (c.unit.unit != "count" or c.unit.surface not in _FIRM_CLASSIFIERS or c.is_change
                or c.subject.startswith("企业")):  # (the words after it already read)
            continue
        m = _FIRMS_DEED_RE.match(doc.text, c.end)
        if m:
            out[i] = c.but(subject="企业" + m.group(1))
    return out


# 新增建设金钟水库4条入库河流简易水质自动站 / 完成木兰溪流域60个试点村创建 / 推动漓江4条支流水质达标: a count right after a
# named river, lake, reservoir or basin counts the things after it, which are that water's (as a place's, 甲市13家企业)
_WATER_BODY_AT_END_RE = re.compile(r"[\u4e00-\u9fff](?:水库|河|江|湖|溪|渠|流域|库区)$")
_THINGS_AFTER_COUNT_RE = re.compile(r"[\u4e00-\u9fff“][^\d,，;；。.:：、()（）\s]*")


def _things_written_after(text: str, end: int) -> str:
    """The things a count counts, written right after it (…个入河排污口), without what became of them; "" if none."""
    m = _THINGS_AFTER_COUNT_RE.match(text, end)
    return _without_what_became_of_them(clean_subject(m.group(0), leading=False)) if m else ""


def _count_right_after_a_water_body(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        subject = c.subject or ""
        if (c.unit.unit not in COUNT_UNITS or c.is_change or not _WATER_BODY_AT_END_RE.search(subject)
                or not doc.text[: c.start].rstrip().endswith(subject)):
            continue
        things = _things_written_after(doc.text, c.end)
        if meaningful(things) and not _NO_THINGS_RE.match(things):
            out[i] = c.but(subject=subject + things)
    return out


# 完成349个加油站、3个储油库、约40辆油罐车的油气回收治理 / 完成176个工业炉窑、762台燃煤锅炉整治: a list of counts of bare
# things names the work done to them once, after the last item; each item is of that work (加油站油气回收治理)
_SHARED_DEEDS = ("整治", "改造", "建设", "治理", "搬迁", "提标", "升级", "回收", "验收", "安装", "关停", "淘汰", "拆除", "清理",
                 "修复", "防渗", "提质")
_DEED_START_RE = re.compile(r"的|已|全部|均|(?=" + "|".join(_SHARED_DEEDS) + ")")
_DEED_LEAD_RE = re.compile(r"^(?:的|已|全部|均|完成)+")
_DEED_RE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:" + "|".join(_SHARED_DEEDS) + r")(?:提升|升级|任务|工程|工作)?")
_SHORT_THINGS = 10  # characters: the last item's things before the deed (国家骨干冷链物流基地)
# 478家沿江化工企业关改搬转、12480个入河排污口整治 / 另有1座试运行、2座在建、1座深度改造: an item's own verb or state
# (入河排污口常态化监管和198条…治理, 3座中型水库除险加固工程和30座…: a watch, a reinforcement, works of their own)
_OWN_VERB_CHARS_RE = re.compile(r"[关改搬转建治]|运行|开工|投运|投产|完工|竣工|停产|监管|加固|工程")
_BARE_ITEM_RE = re.compile(r"[\u4e00-\u9fff“”]{1,14}")
_ITEM_JOINS = ("、", "和", "及", "与")  # 完成120个加油站和30个储油库油气回收治理: 和 joins the last item as 、 the others


def _list_sharing_the_last_items_deed(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    i = 0
    while i < len(cands):
        run = [i]  # counts each followed by its bare things and 、, up to the last item
        while (run[-1] + 1 < len(cands) and cands[run[-1]].unit.unit in COUNT_UNITS
               and cands[run[-1] + 1].unit.unit in COUNT_UNITS
               and (item := _BARE_ITEM_RE.fullmatch(text, cands[run[-1]].end, cands[run[-1] + 1].opening - 1)) is not None
               and text[cands[run[-1] + 1].opening - 1] in _ITEM_JOINS and item.group(0) == out[run[-1]].subject):
            run.append(run[-1] + 1)
        i = run[-1] + 1
        last = out[run[-1]]
        split = _DEED_START_RE.search(last.subject or "", 2) if len(run) >= 2 and not last.is_change else None
        deed = _DEED_LEAD_RE.sub("", last.subject[split.start() :]) if split else ""
        if not _DEED_RE.fullmatch(deed) or len(last.subject[: split.start()]) > _SHORT_THINGS:
            continue  # (300个左右提档升级村: a noun; 32条精品线路撬动乡村休闲体验升级: no bare things before the deed)
        for k in run[:-1]:
            item = out[k].subject
            if not cands[k].is_change and not _OWN_VERB_CHARS_RE.search(item) and not any(w in item for w in _SHARED_DEEDS):
                out[k] = out[k].but(subject=item + deed)
    return out


# 完成中央13项、自治区45项生态环境保护督察反馈问题整改 / 创建国家级2个、省级5个生态文明示范村: counts each after its
# owner (a level or an authority) alone, the things they count named once after the last: every item counts them
_OWNER_ONLY_RE = re.compile(r"(?:中央|国家级?|省级?|自治区级?|市级?|州级?|县级?|区级?)")
_OWNER_AT_END_RE = re.compile(_OWNER_ONLY_RE.pattern + "$")
_VERB_CHARS = 4
_THINGS_NAMED_AFTER_RE = re.compile(r"[\u4e00-\u9fff“”]{2,24}")


def _owners_sharing_the_things_after_the_last(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    i = 0
    while i < len(cands):
        run = [i]  # counts each followed right away by a join, then an owner alone and the next count
        while (run[-1] + 1 < len(cands) and cands[run[-1]].unit.unit in COUNT_UNITS
               and cands[run[-1] + 1].unit.unit in COUNT_UNITS and not cands[run[-1] + 1].is_change
               and text[cands[run[-1]].end : cands[run[-1]].end + 1] in _ITEM_JOINS
               and _OWNER_ONLY_RE.fullmatch(text, cands[run[-1]].end + 1, cands[run[-1] + 1].opening)):
            run.append(run[-1] + 1)
        i = run[-1] + 1
        first, last = cands[run[0]], cands[run[-1]]
        things = _THINGS_NAMED_AFTER_RE.match(text, last.end)
        opened = _OWNER_AT_END_RE.search(out[run[0]].subject or "")  # (创建)国家级: the verb before is no part of it
        if len(run) < 2 or things is None or first.is_change or opened is None or opened.start() > _VERB_CHARS:
            continue
        named = clean_subject(things.group(0), leading=False)
        for k in run:
            owner = text[cands[k - 1].end + 1 : cands[k].opening] if k != run[0] else opened.group(0)
            if _OWNER_ONLY_RE.fullmatch(owner) and meaningful(named):
                out[k] = out[k].but(subject=owner + named)
    return out


# 推进6条黑臭水体及其他26条河道治理 / 加强甲市、乙市及其他29个重点生态功能区环境质量监测: a count right after 及其他 (和其他,
# 以及其他) counts the other things named after it; the count before it counts the first things, which share the work
# named after the last (黑臭水体治理)
_OTHERS_BEFORE_RE = re.compile(r"(?:以及|及|和|与)其他$")


def _other_things_counted(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        others = _OTHERS_BEFORE_RE.search(text[max(0, c.opening - 4) : c.opening])
        if c.unit.unit not in COUNT_UNITS or c.is_change or others is None:
            continue
        things = _things_written_after(text, c.end)
        if not meaningful(things) or _NO_THINGS_RE.match(things):
            continue
        out[i] = c.but(subject="其他" + things)
        prev = out[i - 1] if i > 0 else None
        if (prev is not None and cands[i - 1].unit.unit in COUNT_UNITS and not cands[i - 1].is_change
                and (prev.subject or "").endswith(others.group(0))
                and text[cands[i - 1].end : c.opening].endswith(prev.subject[-len(others.group(0)) :])):
            first = prev.subject[: -len(others.group(0))]
            split = _DEED_START_RE.search(things, 2)
            deed = _DEED_LEAD_RE.sub("", things[split.start() :]) if split else ""
            if meaningful(first):
                out[i - 1] = prev.but(subject=first + (deed if _DEED_RE.fullmatch(deed) else ""))
    return out


# 对园区内54家化工企业实施关停 / 禁养区内25家规模化畜禽养殖场全部关闭 / 推动市辖区内155个千人以上农村水源保护区划定: a zone
# named with 内 right before a count is where the things counted are; the things follow the count (as a place's, 甲市
# 13家企业); a time (年内, 期内) is no zone
_ZONE_INSIDE_RE = re.compile(r"[\u4e00-\u9fff]{2,}(?<![年月期以])内$")


def _things_counted_inside_a_zone(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        zone = c.subject or ""
        if (c.unit.unit not in COUNT_UNITS or c.is_change or not _ZONE_INSIDE_RE.search(zone)
                or not text[: c.opening].rstrip().endswith(zone)):
            continue
        things = _things_written_after(text, c.end)
        if (zone.startswith("对") or text[: c.opening].rstrip()[: -len(zone)].endswith("对")):
            # 对…N家企业实施关停: the things end where the deed done to them begins
            things = things.split("实施")[0]
        if meaningful(things) and not _NO_THINGS_RE.match(things):
            out[i] = c.but(subject=_ZONE_OPENING_RE.sub("", clean_subject(zone, leading=True)) + things)
    return out


_ZONE_OPENING_RE = re.compile(r"^(?:以及|及|和|并|对)")


# 完成甲市13家钢铁企业(46个项目)超低排放改造 / 8家水泥企业(12条生产线): a count in brackets right after the things another
# count counts counts their parts, named after it inside the bracket; the subject names both (as 4家燃煤电厂8台机组)
_BRACKET_OPENING_RE = re.compile(r"[\u4e00-\u9fff]{2,10}[(（]")
_PARTS_IN_BRACKET_RE = re.compile(r"([\u4e00-\u9fff]{1,8})[)）]")


def _parts_counted_in_brackets(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text, out = doc.text, list(cands)
    for i, c in enumerate(cands):
        if i == 0 or c.unit.unit not in COUNT_UNITS or c.is_change or cands[i - 1].unit.unit not in COUNT_UNITS:
            continue
        owner = out[i - 1].subject or ""
        parts = _PARTS_IN_BRACKET_RE.match(text, c.end)
        if (parts and _BRACKET_OPENING_RE.fullmatch(text, cands[i - 1].end, c.start) and meaningful(owner)
                and owner.endswith(text[cands[i - 1].end : c.start - 1])):
            out[i] = c.but(subject=owner + parts.group(1))
    return out


# 新引进项目50个、新开工30个、竣工投产20个 / 新批复城中村改造项目14个,新开工12个: a count named by a stage of work alone
# (开工, 竣工, 投产, 续建 …) counts the things the count right before it in its sentence counts, at that stage
_STAGE = r"(?:新|落地|当年|全部)?(?:开工(?:建设)?|竣工(?:投产)?|投产|完工|续建|建成(?:投产|投运)?|投运|签约|签|开业)"
_BARE_STAGE_RE = re.compile(_STAGE)
_STAGE_AT_END_RE = re.compile(f"(?:{_STAGE}|建设)$")
# (the first such verb: 某县新引进产业项目 → 某县产业项目)
_STAGE_OR_ADDING_RE = re.compile(r"(?:新增|新|当年)?(?:引进|签约|开工建设|开工|续建|新建|建设|备案|落地|批复)+")


def _stage_of_the_things_before(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = list(cands)
    for i, c in enumerate(cands):
        if i == 0 or c.unit.unit not in COUNT_UNITS or c.is_change or not _BARE_STAGE_RE.fullmatch(c.subject or ""):
            continue
        prev = out[i - 1]
        if prev.unit.unit != c.unit.unit or not doc.same_sentence(prev.start, c.start):
            continue
        things = _STAGE_OR_ADDING_RE.sub("", _STAGE_AT_END_RE.sub("", prev.subject or ""), count=1)
        if meaningful(things) and not re.search(_STAGE, things):
            out[i] = c.but(subject=things + c.subject)
    return out

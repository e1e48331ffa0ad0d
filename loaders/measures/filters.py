"""Pass 4, filters: numbers that are no measure of their own. A condition on things just counted, the peer
group of a rank, the starting point of a change, the places a count is found in, a count naming the list
beside it, a size class, the size of each of N units (2×66万千瓦), a headline restating the body. Marks `dropped`; never removes a record, so later passes keep the context."""

from __future__ import annotations

import re

from loaders.breaks import CLAUSE_BREAKS
from loaders.measures.candidates import COUNT_UNITS, RATIO_ENDINGS, Candidate
from loaders.measures.document import DocumentView

# a count followed in its clause by one of these frames a rate or a level: 74个断面水质优良比例为98.6% /
# 53个断面水质100%达标 (the share of the sections' water meeting its standard)
FRAMED_METRICS = RATIO_ENDINGS + ("浓度", "声级", "指数", "水质")
# 由44.3%提高到45.2% / 从2015年的66%提高到: the first number is the starting point, not a measure
# (由工程实施前的46%: a stage named with no year too)
_BASELINE_FROM_RE = re.compile(r"[由从](?:\d{4}年(?:底|末)?的?|[^\d,，。;；、:：]{1,8}?的)?$")
# 同比去年47.7微克/立方米下降5.5%: the first number is last year's level, the change follows
_BASELINE_LAST_RE = re.compile(r"(?:同比|较|比)(?:去年|上年)(?:同期)?的?$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")
_PLACE_WORD_RE = re.compile(r"[\u4e00-\u9fff]{1,4}")
_CONJUNCTION_RE = re.compile(r"[和及与或]")
_IN_GROUP_RE = re.compile(r"在\S{0,4}$")
# 优良天数率居全省15个重点城市第1: the peer group a rank is taken in, not a figure of the region
_RANKED_IN_BEFORE_RE = re.compile(r"(?:居|位居|位列|排名?)(?:全国|全省|全市|全区)?$")
_RANK_AFTER_RE = re.compile(r"[^，,。；;第]{0,12}第[\d一二三四五六七八九十]")
# 累计入库EOD项目10个、居全区第一 / 新增规上工业企业316家、数量居全省第3位: a figure's own rank after it, past 、
_OWN_RANK_AFTER_RE = re.compile(r"、(?:增量|数量|总数|总量|规模|增幅|增速)?[稳均]?(?:居|位居|位列|排名|名列|排)")
# the titles and honours a place or a work wins, counted
_HONOURS_AFTER_RE = re.compile(r"[^，,。；;、]{0,8}?(?:殊荣|荣誉|称号|招牌|奖项|大奖)")
# 入选全国美丽河湖优秀案例3个 / 4项改革措施为全国首创: cases chosen as models, firsts, counted: distinctions won
_HONOURS_BEFORE_RE = re.compile(r"(?:入选|获评|评为)[^，,。；;、]{0,20}?(?:案例|典型|经验|做法)$")
_FIRSTS_AFTER_RE = re.compile(r"[^，,。；;、]{0,12}?(?:为|属|系)(?:全国|全省|国内|国家)首创")
# 成为全国唯一同时拥有5个专业化法庭的城市: a figure inside the words that single out a thing as the only one (up to the
# 的 before it) is the mark of a distinction, no figure of the region (but the first to pass a line states its own
# figure: 高新区成为全省首个产值突破1000亿元的园区, tests/test_measures_full_documents.py)
_ONLY_ONE_BEFORE_RE = re.compile(r"唯一[^，,。；;、：:的]{0,16}$")
_QUALIFIES_A_THING_AFTER_RE = re.compile(r"[^，,。；;、：:]{0,12}?的")
_TIMES = ("次", "届", "轮")  # after 连续: a run of ratings or terms (连续4次获评优秀), not work done
_LENGTH_OF_BEFORE_RE = re.compile(r"(?:全长|总长)(?:约|近|超|超过|达)?$")
# 长江沿线1公里化工腾退地块 / 河道两岸500米范围内: a distance from a river or road that bounds the zone named
# after it, no length of work (治理修复岸线46公里 ends its clause; 打造岸线生态廊道200公里 names no 沿线)
_SCOPE_BEFORE_RE = re.compile(r"(?:沿线|沿岸|两岸|两侧|周边|周围)$")
_SCOPE_UNITS = ("km", "m")
# 减排4项污染物1.1万吨 / 6项污染物首次全面达标 / 6项常规污染物全面达到二级标准: the number of kinds of pollutants, no
# figure of their own
_KINDS_OF_POLLUTANTS_RE = re.compile(r"(?:主要|常规)?(?:大气|水)?污染物")
# 按照…20个国控点位现状值统计 / 国土面积按8523平方公里计算: what a figure is computed on (a table note's sites, a
# denominator), no figure of its own
# 在既有4座门站的基础上,新建1座 / 在7天…精准预报基础上: what the work starts from, a frame of the figure after it
_ON_THE_BASIS_BEFORE_RE = re.compile(r"在[^在]{0,30}$")
_ON_THE_BASIS_AFTER_RE = re.compile(r"[^在]{0,24}?基础上")
# 以现有400个回收网点为基础: the same frame written 以…为基础 (not 以上, 以下, 可以, 予以)
_WITH_AS_BASIS_BEFORE_RE = re.compile(r"(?<![可所予加得难足用])以(?![上下内外来后前及])[^以]{0,30}$")
_WITH_AS_BASIS_AFTER_RE = re.compile(r"[^以]{0,24}?为基础")
# the kinds of work or industry a list names (not a park or base built for one: 产业园, 产业基地)
_KINDS_NAMED_RE = re.compile(r"[\u4e00-\u9fff“”\"]{0,10}?(?:产业链|产业(?!园|基地|项目)|集群|任务|行动|事项|工作|实事)")
_LIST_START_RE = re.compile(r"[\d等]")  # a list closed by 等 starts after the count or the 等 of one before it
_BASIS_BEFORE_RE = re.compile(r"(?:按照|按|依据)[^按]{0,40}$")
_BASIS_AFTER_RE = re.compile(r"[^按]{0,24}?(?:计算|统计|测算|核算)$")
_DEPARTMENTS = ("部门", "部委")  # after N个 or N (部 read as the classifier)
_THINGS_TO_DO = ("事", "大事", "要事")  # after N件 (not 实事: a livelihood project, counted by the gold)
# 2×66万千瓦 / 7×24小时: the number after N× is the size of each of N units, a specification of what is
# built or offered, not a figure of the region
_FACTOR_RE = re.compile(r"\d\s*[×xX✕]\s*$")
_STANDARD_AFTER_RE = re.compile(r"的?(?P<saving>节能)?(?:设计)?标准")
# 成为全区首个产值突破2000亿元的园区: the thing the sentence is about passed the line, a figure of its own
_FIRST_TO_PASS_RE = re.compile(r"(?:首个|第[\d一二三四五六七八九十]+个)")
# 首台套16兆瓦海上风机 / 单机容量10兆瓦: the size of one machine, a specification, not a figure of the region
_ONE_UNIT_RE = re.compile(r"(?:首台套?|首套|单台|单机(?:容量)?|最大功率)(?:为|达)?$")
_LISTED_IN_BRACKETS_RE = re.compile(r"[(（]([^()（）\n]{1,80})[)）]")
# 超10亿元项目91个 / 收入5万元以上的村496个 / 20万元以上的村达到79%: a bound on a size (money, area, output)
# names a class of things whose number or share follows in the clause: the bound is no figure of the region
_BOUND_BEFORE_RE = re.compile(r"(?:超过|超|过|大于)$")
_CLASS_BETWEEN_RE = re.compile(r"^(?:及?以上)?的?(?!的)[\u4e00-\u9fff]{1,12}$")  # 总投资超30亿元的【100个】项目: a total
# 50平方公里以上建设用地面积达到海绵城市建设要求: an area bound before a noun ending in 面积 and its verb is the area
# the goal is on (how much land reaches it), not the size class of the things named
_AREA_UNITS = frozenset({"km2", "m2", "mu"})
_OWN_AREA_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,8}?面积(?=达到|达|实现|完成|[,，;；。])")
_NOT_A_NOUN = ("的", "目标", "任务", "水平", "和", "及", "或", "与", "、", "左右")  # 10吨以上的 / 30%以上目标
# 年货运量150万吨以上的企业 / 投资额20亿元以上的项目: a bound on a quantity (the word before the number) of
# the things named after 的; 35蒸吨/小时以下的锅炉: a bound on a capacity
_QUANTITY_BEFORE_RE = re.compile(r"(?:量|额|投资|收入|收益|产能|规模|排放|每小时|每日)(?:在|为|达)?$")
_CAPACITY_UNITS = frozenset({"steam_t_per_h", "t_per_day", "t_per_year", "m3_per_day"})
# 18项环境保护指标 / 两项指标未能稳定达标 / 十七项主要考核指标: a count of a plan's or a pollutant's indicators
# 20户以上自然村全部通硬化路 / 800人以上易地搬迁安置点: households or persons bound a class of settlements
_SETTLEMENT_AFTER_RE = re.compile(r"的?[\u4e00-\u9fff]{0,8}?(?:村|寨|安置点|安置区|小区|社区|聚居点|聚居区|居民点|集中居住点)")
# 小微医疗机构(19张床位以下): a bounded count filling a bracket right after a noun is the size class of what it names
_BRACKETED_BOUND_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:及以上|及以下|以上|以下)[)）]")
# the sites of a monitoring network (断面, 点位, 监测站): counted, they are the network's size
# (and the drinking-water sources whose water is monitored: 12个集中式饮用水水源地水质达标率为100%)
_MONITORING_SITES_RE = re.compile(r"断面|点位|监测站|水功能区|饮用水水?源")
# 新建户厕11857座、普及率达85% / 解决问题1069个、问题解决率96.13%: the count closes its own list item and the rate
# after 、 is a second figure of the same things, not the places the rate is taken over (三县城区覆盖率超70%)
_OWN_ITEM_BEFORE_RATE_RE = re.compile(r"、[\u4e00-\u9fff]{0,4}?(?:率|比例|比重|占比)")
_INDICATORS_COUNTED_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:指标|(?:预期性?|约束性)目标)")  # 14项预期目标 too
# 生态环境9项约束性指标全面完成 / 10项约束性指标全部完成 / 29项水生态指标全部达标: how many of the goals were met, an
# outcome of the work reviewed (not the size of a plan's list of indicators)
_INDICATORS_MET_RE = re.compile(r"[\u4e00-\u9fff]{0,6}?指标(?:目标)?(?:全面|全部|均|如期)(?:超额)?(?:完成|达标|实现)")
_INDICATORS_BEFORE_RE = re.compile(r"指标(?:共|有|为)?$"
                                   # 指标包括环境质量、绿色发展…等5类23项: the plan's own indicators by class and number
                                   r"|指标(?:体系)?[,，]?(?:包括|包含|涵盖|分为|共)[^。；;]*[\d一二三四五六七八九十]+(?:大类|类|个方面)$")  # 其中约束性指标17项, 预期性指标4个: the same, noun first
# 19项指标,已完成18项,1项(林木覆盖率)未完成 / 六项监测指标有3项反弹: a bare count after indicators counted in its
# sentence counts some of them (nothing before it but 有 / 完成, no noun after it)
_INDICATORS_IN_SENTENCE_RE = re.compile(r"[\d一二三四五六七八九十两]+[项个][^,，。;；]{0,8}指标|指标[共有为]?[\d一二三四五六七八九十两]+[项个]")
_PART_BEFORE_RE = re.compile(r"(?:^|有|完成|其中|仅|只)$")
_PART_AFTER_RE = re.compile(r"[,，。;；、(（]|已|未|均|全部|如期|按期|提前|反弹|达标|超标|完成|实现")
# 10万吨标煤以上能耗指标 / 500亩以上用地指标: an amount of a quota granted, not the size of the quota's holders
_QUOTA_AFTER_RE = re.compile(r"[\u4e00-\u9fff]{0,4}指标")
# 钢铁、化工、造纸等14个重点行业 / 6个行业(领域): the industries or fields of work named before 等, counted
_FIELDS_COUNTED_RE = re.compile(r"(?:重点)?(?:行业|领域)")
# 全市9县区 / 全省14个市州 / 全区16个州(市): the region's own divisions, every one of them (the whole region)
_WHOLE_REGION_RE = re.compile(r"全[省市区州盟]$")
# 河西五市 / 辐射沿海6市 / 推进山区5县 / 与北三县协同: a numeral right after a zone or compass word, before a place
# noun with no measure of its own (no 个), names a group of places; the count of the names listed before it
# (西宁、海东两市) is left alone
_PLACES_GROUPED = ("市", "县", "区", "镇")
_GROUP_STEM_BEFORE_RE = re.compile(r"(?:沿海|沿江|沿边|沿黄|山区|牧区|郊区|库区|[东西南北])$")
_LISTED_BEFORE_RE = re.compile(r"(?:[、和及][\u4e00-\u9fff]{1,4})+$")
_DIVISIONS_RE = re.compile(r"[\d一二三四五六七八九十两]+个?(?:县区|县\(市、?区\)|县市区|市州|州\(市\)|市\(州\)|地市|市\(地\)"
                           r"|盟市|地州|县|区|市)(?!级|[\u4e00-\u9fff]{0,3}(?:项目|企业|园区))")  # 6个区级水源地: a class of things


def drop_non_measures(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    out = [c.but(dropped=True) if c.unknown_ratio else c for c in cands]
    out = _drop_attributes(doc, out)
    out = _drop_frames(doc, out)
    out = _drop_glossary(doc, out)
    out = _drop_page_numbers(doc, out)
    return _drop_headline_repeats(doc, out)


# a table of contents' entry: a heading, a leader of dots and its page number (成效评估……75, 第一节发展基础····- 2 -).
# A long leader marks it even when the next entry is glued on (……75名词解释……76前言: 75 is no count of persons); a
# short one (····25, ... 20) only when the page number ends its line (an ellipsis 又……10个 goes on with the sentence).
_LEADER_BEFORE_RE = re.compile(r"(?P<leader>(?:[.…·⋯•]\s*){3,})[-—–]?\s*$")
_LONG_LEADER = 7
_PAGE_NUMBER_RE = re.compile(r"\d+\s*[-—–]?[ \t]*(?:\n|$)")


def _drop_page_numbers(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    text = doc.text
    out = list(cands)
    for i, c in enumerate(cands):
        m = _LEADER_BEFORE_RE.search(text, max(0, c.start - 40), c.start)
        if m and (len(re.sub(r"\s", "", m.group("leader"))) >= _LONG_LEADER or _PAGE_NUMBER_RE.match(text, c.start)):
            out[i] = c.but(dropped=True)
    return out


# a plan's glossary (名词解释, often an annex) defines its terms: 三场是指鱼类产卵场、索饵场、越冬场;
# 千吨万人: 实际供水人口在10000人以上. Its numbers are no figures of the region, up to the next annex.
_GLOSSARY_RE = re.compile(r"^[^\n。.·…]{0,40}名词解释[ \t]*$", re.M)
_ANNEX_RE = re.compile(r"^[ \t]*附[件表]", re.M)
_GLOSSARY = "名词解释"


def _drop_glossary(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    m = _GLOSSARY_RE.search(doc.text)
    if m is None:
        return cands
    end = next((a.start() for a in _ANNEX_RE.finditer(doc.text, m.end())
                if _GLOSSARY not in doc.text[a.start() : a.start() + 30]), len(doc.text))
    return [c.but(dropped=True) if m.start() <= c.start < end else c for c in cands]


# 41个总投资383亿元的 / 6个年度计划总投资100亿元的 / 谋划42个、计划总投资1078亿元的: the amount the things counted
# cost together (a bound before it, 超, still a total: 总投资超30亿元的100个项目)
_TOTAL_OF_THE_COUNTED_RE = re.compile(r"[、]?(?:年度|当年|全年)?(?:计划)?总投资(?:额)?(?:约|近|超过|超|达到|达)?")
# 1座日处理能力为300吨的 / 2座日处理规模500吨的 / 3座年处置能力10万吨的: the daily or yearly capacity of each thing counted
_CAPACITY_OF_THE_COUNTED_RE = re.compile(r"(?P<word>(?:日|年)[\u4e00-\u9fff]{0,6}?(?:能力|规模))(?:为|达到|达|约)?")
# 总投资超500亿元的某新能源基地: a bound after a total invested bounds that total, not a class of things
_TOTAL_BEFORE_RE = re.compile(r"(?:计划)?总投资(?:额)?$")


def _drop_attributes(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A condition on things just counted ("30座运行负荷率超过30%") describes them; it is not a measure."""
    text = doc.text
    out = list(cands)
    for i, c in enumerate(cands):
        if i == 0 or c.unit.unit in COUNT_UNITS:
            continue
        prev = cands[i - 1]
        same_clause = not any(ch in CLAUSE_BREAKS for ch in text[prev.end : c.start])
        strict = c.prefix is not None and c.prefix[1] in ("lt", "gt", "le", "ge")
        places = prev.unit.surface in doc.grammar.region_classifiers  # 三县城区覆盖率超70%: the rate is taken over them
        # 推动41个总投资383亿元的生态修复等项目: the total invested in the things counted, their sum, no condition
        total = "元" in c.unit.surface and _TOTAL_OF_THE_COUNTED_RE.fullmatch(text[prev.end : c.start]) is not None
        # 新建1座日处理能力为300吨的污泥处置厂: the capacity of the plant built, a figure of the work (T16, T35, R25)
        capacity = _CAPACITY_OF_THE_COUNTED_RE.fullmatch(text[prev.end : c.start]) is not None and not strict
        if (same_clause and prev.unit.unit in COUNT_UNITS and not places and not total and not capacity
                and (strict or text[c.end : c.end + 1] == "的")):
            out[i] = c.but(dropped=True)
    return out


def _drop_frames(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """Numbers that only frame another: the peer group of a rank (在168个重点城市中排名第52位) and the
    starting point of a change (由44.3%提高到45.2%)."""
    text, g = doc.text, doc.grammar
    out = list(cands)
    for i, c in enumerate(cands):
        a, b = doc.clause(c.start, c.end)
        nxt = cands[i + 1].start if i + 1 < len(cands) and cands[i + 1].start < b else b
        counted = c.unit.unit in COUNT_UNITS
        if counted and g.rank_re.search(text[c.end : b][:16]) and not _OWN_RANK_AFTER_RE.match(text, c.end):
            out[i] = c.but(dropped=True)
        elif _BASELINE_FROM_RE.search(text[a : c.start]) and any(w in text[c.end : nxt][:8] for w in g.to_words):
            out[i] = c.but(dropped=True)
        elif _BASELINE_LAST_RE.search(text[a : c.start]) and g.change_re.match(text[c.end : nxt][:4]):
            out[i] = c.but(dropped=True)
        elif (counted and i + 1 < len(cands) and cands[i + 1].unit.unit in COUNT_UNITS
              and _PLACE_WORD_RE.fullmatch(text[c.end : cands[i + 1].start])
              and not _CONJUNCTION_RE.search(text[c.end : cands[i + 1].start])):
            out[i] = c.but(dropped=True)  # 全省14个城市157个监测点位: the places the next count is found in
        elif counted and c.unit.surface in ("项", "个") and (_INDICATORS_COUNTED_RE.match(text, c.end)
                                                           or _INDICATORS_BEFORE_RE.search(text[a : c.start])
                                                           or _some_of_indicators(doc, c, a)) \
                and not (_INDICATORS_MET_RE.match(text, c.end) and "、" not in text[a : c.start]):
            out[i] = c.but(dropped=True)  # 17项环境保护指标: how many indicators, no figure of the region
        elif counted and _WHOLE_REGION_RE.search(text[a : c.start]) and _DIVISIONS_RE.match(text, c.start):
            out[i] = c.but(dropped=True)  # 全市9县区…均达到二级标准 / 覆盖全省14个市州: all its divisions, no figure
        elif (counted and c.unit.surface in _PLACES_GROUPED and _GROUP_STEM_BEFORE_RE.search(text[a : c.start])
              and not _counts_the_names_before(text[a : c.start], c)):
            out[i] = c.but(dropped=True)  # 河西五市辐射环境本底调查: a group of places' name, no figure
        elif counted and text[a : c.start].rstrip().endswith("等") and _FIELDS_COUNTED_RE.match(text, c.end):
            out[i] = c.but(dropped=True)  # 钢铁、化工…等14个重点行业: how many industries were just listed
        elif counted and (_counts_a_list(text, c) or _numbers_the_list_before(text, a, c)):
            out[i] = c.but(dropped=True)  # 两区(A、B): the number of the items listed beside it
        elif counted and _RANKED_IN_BEFORE_RE.search(text[a : c.start]) and _RANK_AFTER_RE.match(text, c.end, b):
            out[i] = c.but(dropped=True)  # 居全省15个重点城市第1: the peer group of a rank
        elif counted and _IN_GROUP_RE.search(text[a : c.start]) and text[c.end : b].endswith("中"):
            out[i] = c.but(dropped=True)  # 在全国168个重点城市中, …: a peer group or denominator
        elif (counted and i + 1 < len(cands) and cands[i + 1].start < b
              and not cands[i + 1].dropped and cands[i + 1].unit.unit not in COUNT_UNITS
              and any(w in text[c.end : cands[i + 1].start] for w in FRAMED_METRICS)
              and not _MONITORING_SITES_RE.search(text, c.end, cands[i + 1].start)
              and not _OWN_ITEM_BEFORE_RATE_RE.match(text, c.end)
              and not text.startswith((")", "）"), c.end)):  # (国家级7个、区县级8个)水质达标率: a breakdown's last part
            # 三县城区覆盖率超70%: the places a rate is taken over are no figure of their own; but a monitoring
            # network's sites are (全省210个国考断面水质优Ⅲ比例为92.9%: the sample gold counts the 210 sections)
            out[i] = c.but(dropped=True)
        elif _FACTOR_RE.search(text[max(a, c.start - 4) : c.start]) or _ONE_UNIT_RE.search(text[a : c.start]):
            out[i] = c.but(dropped=True)  # 2×66万千瓦的发电项目 / 首台16兆瓦风机: the size of each unit
        elif c.unit.unit not in COUNT_UNITS and text.startswith("级", c.end):
            out[i] = c.but(dropped=True)  # 30万吨级航道 / 100兆瓦级储能: the size class of what is built
        elif counted and c.unit.surface in _TIMES and text.endswith("连续", a, c.start):
            out[i] = c.but(dropped=True)  # 连续4次获评全国优秀: how often a rating came in a row, no figure
        elif counted and (text[c.end - 1 : c.end + 1] in _DEPARTMENTS or text.startswith(_DEPARTMENTS, c.end)):
            out[i] = c.but(dropped=True)  # 24个部门联合印发 / 6部委: who issued the plan, no figure of the region
        elif counted and c.unit.surface == "件" and text.startswith(_THINGS_TO_DO, c.end):
            out[i] = c.but(dropped=True)  # 抓好四件大事 / 抓好A、B和C3件事: the themes of the work, no figure
        elif (c.unit.unit in _SCOPE_UNITS and _SCOPE_BEFORE_RE.search(text[a : c.start])
              and _CJK_RE.match(text[c.end : c.end + 1])):
            out[i] = c.but(dropped=True)  # 长江沿线1公里化工腾退地块: the zone's bound, no work
        elif counted and c.unit.surface in ("项", "种", "类") and _KINDS_OF_POLLUTANTS_RE.match(text, c.end):
            out[i] = c.but(dropped=True)  # 减排4项污染物1.1万吨: the kinds of pollutants counted
        elif ((_ON_THE_BASIS_BEFORE_RE.search(text[a : c.start]) and _ON_THE_BASIS_AFTER_RE.match(text, c.end, b))
              or (_WITH_AS_BASIS_BEFORE_RE.search(text[a : c.start])
                  and _WITH_AS_BASIS_AFTER_RE.match(text, c.end, b))):
            out[i] = c.but(dropped=True)  # 在既有4座门站的基础上 / 以现有400个网点为基础: the work's starting point
        elif _BASIS_BEFORE_RE.search(text[a : c.start]) and _BASIS_AFTER_RE.match(text[c.end : b].rstrip("。)）")):
            out[i] = c.but(dropped=True)  # 按照…20个国控点位现状值统计: the basis of another figure
        elif _LENGTH_OF_BEFORE_RE.search(text[a : c.start]) and text.startswith("的", c.end):
            out[i] = c.but(dropped=True)  # 全长3046公里的生态屏障实现合龙: the length of the thing named, no work
        elif counted and (_HONOURS_BEFORE_RE.search(text[a : c.start]) or _FIRSTS_AFTER_RE.match(text, c.end)):
            out[i] = c.but(dropped=True)  # 入选全国典型案例3个 / 4项措施为全国首创: distinctions, no work of the region
        elif counted and _HONOURS_AFTER_RE.match(text, c.end):
            out[i] = c.but(dropped=True)  # 两项国家级生态殊荣 / 两块“金字招牌”: titles won, no figure of the region
        elif _ONLY_ONE_BEFORE_RE.search(text[a : c.start]) and _QUALIFIES_A_THING_AFTER_RE.match(text, c.end, b):
            out[i] = c.but(dropped=True)  # 全国唯一同时拥有5个专业化法庭的城市: a distinction's words, no figure
        elif (c.suffix in ("ge", "le") and c.unit.unit not in COUNT_UNITS | {"percent", "percentage_point"}
              and _CJK_RE.match(text[c.end : c.end + 1]) and not text.startswith(_NOT_A_NOUN, c.end)
              and not _QUOTA_AFTER_RE.match(text, c.end)
              and not (c.unit.unit in _AREA_UNITS and _OWN_AREA_AFTER_RE.match(text, c.end))):
            out[i] = c.but(dropped=True)  # 20蒸吨以上燃煤锅炉 / 面积100平方米以上餐饮店: a size class of what follows
        elif _bound_of_a_class(text, a, c):
            out[i] = c.but(dropped=True)  # 35蒸吨以下的燃煤锅炉 / 运输量150万吨以上的企业: the same, with 的
        elif _size_class_of_machines(text, a, c):
            out[i] = c.but(dropped=True)  # (建成区3台35蒸吨以下) / 10—35蒸吨/小时燃煤锅炉: the size of each
        elif c.unit.unit == "percent" and _names_a_standard(text, _last_of_labelled_list(text, cands, i)):
            # 执行75%节能设计标准 (居住建筑75%、公共建筑72%节能标准: the list's last says so): a standard's name
            out[i] = c.but(dropped=True)
        elif c.suffix in ("ge", "le") and c.unit.surface in ("户", "人") and _SETTLEMENT_AFTER_RE.match(text, c.end):
            out[i] = c.but(dropped=True)  # 20户以上自然村 / 800人以上安置点: the size that admits the places
        elif (counted and c.start >= 2 and text[c.start - 1] in "(（" and _CJK_RE.match(text[c.start - 2])
              and _BRACKETED_BOUND_AFTER_RE.match(text, c.end)):
            out[i] = c.but(dropped=True)  # 小微医疗机构(19张床位以下): the size that admits the institutions
        elif _bound_of_a_counted_class(text, cands, i, b):
            out[i] = c.but(dropped=True)  # 投资超10亿元项目91个: the size that admits the projects counted next
        elif _threshold_of_a_class(text, c) and not _FIRST_TO_PASS_RE.search(text[a : c.start]):
            out[i] = c.but(dropped=True)  # 年销售汽油量大于5000吨的加油站: the things above a line, not a figure
        elif _size_class_before_its_noun(text, c):
            out[i] = c.but(dropped=True)  # 产值超百亿元企业 / 日清运量超过300吨地区: a class of things, not an amount
    return out


# 居住建筑75%、公共建筑72%节能标准: a list whose items each carry their own label before the number
_LABEL_BETWEEN_RE = re.compile(r"[、和及与][\u4e00-\u9fff]{1,8}")


def _last_of_labelled_list(text: str, cands: list[Candidate], i: int) -> Candidate:
    """The last number of the list candidate i is in: a plain list (75%、72%) or one whose items are labelled
    (居住建筑75%、公共建筑72%), the labelled items of the same unit."""
    j = i - cands[i].in_list[0] + cands[i].in_list[1] - 1
    while (j + 1 < len(cands) and cands[j + 1].unit.unit == cands[j].unit.unit
           and _LABEL_BETWEEN_RE.fullmatch(text[cands[j].end : cands[j + 1].start].strip(" "))):
        j += 1
    return cands[j]


def _names_a_standard(text: str, c: Candidate) -> bool:
    """居住建筑执行75%节能设计标准 / 节能80%的设计标准: the figure is the name of an energy-saving design
    standard (the share of energy saved against a baseline building), not a figure of the region."""
    m = _STANDARD_AFTER_RE.match(text, c.end)
    return bool(m and (m.group("saving") or text[max(0, c.start - 2) : c.start] == "节能"))


def _threshold_of_a_class(text: str, c: Candidate) -> bool:
    """超过1万吨标准煤的数据中心 / 厚度小于0.025毫米的塑料袋: a strict bound right before the number and 的 with a
    noun after it say which things a rule is about (a share, 超过50%的国土, still measures them)."""
    return (c.prefix is not None and c.prefix[1] in ("lt", "gt") and c.prefix[2] + len(c.prefix[0]) == c.start
            and not _TOTAL_BEFORE_RE.search(text, max(0, c.prefix[2] - 6), c.prefix[2])
            and c.unit.unit not in ("percent", "percentage_point") and text[c.end : c.end + 1] == "的"
            and bool(_CJK_RE.match(text[c.end + 1 : c.end + 2])) and not text.startswith(_NOT_A_NOUN, c.end + 1))


# the things a size class admits, named right after the bounded size with no 的 (超50亿元项目, 超百亿元企业, 300吨地区)
_CLASS_NOUN_AFTER_RE = re.compile(r"(?:项目|企业|乡镇|地区|园区)")


def _size_class_before_its_noun(text: str, c: Candidate) -> bool:
    """超50亿元项目加快建设 / 新增2家产值超百亿元企业 / 日清运量超过300吨地区实现零填埋 / 50—100亿元项目7个: an amount
    with a lower bound (超, 超过, 突破) or a range, right before the noun of the things it admits, is the size class
    each of them has, not an amount of the region (完成投资超50亿元, with no noun after it, stays)."""
    if c.number is None or c.unit.unit in COUNT_UNITS | {"percent", "percentage_point", "persons"}:
        return False
    bounded = (c.number.qualifier == "超" or c.number.high is not None
               or (c.prefix is not None and c.prefix[1] in ("gt", "ge") and c.prefix[2] + len(c.prefix[0]) == c.start))
    return bounded and _CLASS_NOUN_AFTER_RE.match(text, c.end) is not None


def _bound_of_a_counted_class(text: str, cands: list[Candidate], i: int, clause_end: int) -> bool:
    """营收过100亿元、50亿元企业分别达到6家和9家 / 集体收入5万元以上的村496个: a size with a bound (超, 过,
    以上) and a noun right after it, then a count or a share in the same clause, is the line that admits the
    things counted. A list of sizes is read at its last member; its bound may stand before the first."""
    c = cands[i]
    if c.unit.unit in COUNT_UNITS | {"percent", "percentage_point"} or c.number is None:
        return False
    first, last = i - c.in_list[0], i - c.in_list[0] + c.in_list[1] - 1
    if last + 1 >= len(cands) or cands[last + 1].start >= clause_end:
        return False
    nxt = cands[last + 1]
    bounded = (cands[last].suffix == "ge" or _BOUND_BEFORE_RE.search(text[max(0, cands[first].start - 2) : cands[first].start])
               or (cands[first].prefix is not None and cands[first].prefix[1] in ("gt", "ge")))
    return bool(bounded and (nxt.unit.unit in COUNT_UNITS or nxt.unit.unit == "percent")
                and _CLASS_BETWEEN_RE.match(text[cands[last].end : nxt.start]))


# a metric right before a bound names the size each thing after 的 has (能耗5000吨标煤以上的企业)
_SIZE_METRIC_BEFORE = ("量", "能耗", "产能", "规模", "每小时")


def _bound_of_a_class(text: str, a: int, c: Candidate) -> bool:
    """大宗货物年货运量150万吨以上的工矿企业 / 每小时35蒸吨以下的燃煤锅炉: a bound (以上, 以下) with 的 and a noun
    after it, on a capacity or on a quantity the clause names right before the number, says which things a
    rule is about: a size each of them has, not an amount of them (每年推动200万平方米以上的建筑节能改造, a
    bound on no quantity, still measures the work; 10万人以上的目标 is the figure's own goal)."""
    if not (c.suffix in ("ge", "le") and text.startswith("的", c.end) and _CJK_RE.match(text[c.end + 1 : c.end + 2])
            and not text.startswith(_NOT_A_NOUN, c.end + 1)):
        return False
    head = text[a : c.start]
    return (c.unit.unit in _CAPACITY_UNITS or head.endswith(_SIZE_METRIC_BEFORE)
            or (c.unit.unit not in COUNT_UNITS | {"percent", "percentage_point"}
                and bool(_QUANTITY_BEFORE_RE.search(head))))


# 淘汰燃煤锅炉(建成区3台35蒸吨以下): the machines counted right before their size
_MACHINES_COUNTED_BEFORE_RE = re.compile(r"\d+台$")
_CLASS_EDGE_BEFORE_RE = re.compile(r"[(（]不?含$")
_REMARK_AFTER_RE = re.compile(r"[(（][^()（）\n]{0,20}[)）]")


def _size_class_of_machines(text: str, a: int, c: Candidate) -> bool:
    """建成区3台35蒸吨以下 / 10台20—40蒸吨 / 淘汰10—35蒸吨/小时燃煤锅炉: a capacity with a bound or a range, right
    after a count of the machines or (a range) right before the noun of them, is the size class each of them has,
    not an amount of capacity (淘汰燃煤锅炉792台2790蒸吨, no bound, is their total and stays)."""
    if c.unit.unit not in _CAPACITY_UNITS or c.number is None:
        return False
    if _CLASS_EDGE_BEFORE_RE.search(text[a : c.start]):
        return True  # (含65蒸吨/小时): the edge of the class before the bracket
    if not (c.suffix in ("ge", "le") or c.number.high):
        return False
    if _MACHINES_COUNTED_BEFORE_RE.search(text[a : c.start]):
        return True
    end = m.end() if (m := _REMARK_AFTER_RE.match(text, c.end)) else c.end  # 35-65蒸吨/小时(含…)燃煤锅炉
    return (c.number.high is not None and bool(_CJK_RE.match(text[end : end + 1]))
            and not text.startswith(_NOT_A_NOUN, end))


def _some_of_indicators(doc: DocumentView, c: Candidate, clause_start: int) -> bool:
    text = doc.text
    s_start = doc.sentence_at(c.start)[0]
    return bool(_PART_BEFORE_RE.search(text[clause_start : c.start]) and _PART_AFTER_RE.match(text, c.end)
                and _INDICATORS_IN_SENTENCE_RE.search(text[s_start : c.start]))


def _counts_the_names_before(before: str, c: Candidate) -> bool:
    """西宁、海东两市: the count equals the names listed right before it (调查和河西五市 does not: 2 names, 5 cities)."""
    listed = _LISTED_BEFORE_RE.search(before)
    return bool(listed and c.number is not None and c.number.value == sum(ch in "、和及" for ch in listed.group()) + 1)


def _counts_a_list(text: str, c: Candidate) -> bool:
    """The count equals the number of items listed in brackets after it (两区(A、B)为重点区域): it names
    the list, it measures nothing. (合肥、芜湖两市开展试点 stays: a count of the places doing the work.)"""
    if c.number is None or c.number.value < 2 or c.number.value != int(c.number.value):
        return False
    n = int(c.number.value)
    m = _LISTED_IN_BRACKETS_RE.match(text, c.end)
    return bool(m and m.group(1).count("、") == n - 1)


def _numbers_the_list_before(text: str, a: int, c: Candidate) -> bool:
    """等 closes a list of kinds of work or industry whose items the count only numbers (光电子信息、装备制造、食品加工
    等3个主导产业 / A、B等2项任务全面完成), or the count follows their quoted names (“划定”“立标”“治理”三项重点任务):
    it names the list, it measures nothing. A count beyond the items named (改造A、B等58条道路) says how many there
    are in all, and things built or worked on stay counted (建成A、B等2个观测站点, as the sample gold has it)."""
    before = text[a : c.start].rstrip()
    if c.number is None or c.number.value != int(c.number.value) or not _KINDS_NAMED_RE.match(text, c.end):
        return False
    quoted = _QUOTED_NAMES_BEFORE_RE.search(before)
    if quoted:  # 落实“划定”“立标”“治理”三项重点任务: the quoted names of the kinds, counted without 等
        return quoted.group().count("”") == int(c.number.value)
    if not before.endswith("等"):
        # a count in words right after the names it counts, with no 等: a programme's own numeral after its quoted
        # name (启动“某某攻坚年”九项行动) or a 、-list of as many names (围绕A、B、C三项重点任务): it names them
        if not text.startswith(_NUMERALS_IN_WORDS, c.start):
            return False
        if before.endswith("”"):
            return True
        return before.count("、") >= 1 and before.count("、") + 1 == int(c.number.value)
    items = _LIST_START_RE.split(before[:-1])[-1]  # A、B等5个水库、C等3个: the list after the count before
    return items.count("、") >= 1 and items.count("、") + 1 == int(c.number.value)


# 九项行动 / 两个“三年行动计划”: a count written in words (an Arabic count, 暖民心行动49项, is of work done)
_NUMERALS_IN_WORDS = tuple("一二三四五六七八九十两")
# “划定”“立标”“治理” / “一体化”和“高质量”: two or more quoted names run together, closing the text before a count
_QUOTED_NAMES_BEFORE_RE = re.compile(r"(?:“[^“”\n]{1,12}”[、和及与]?){2,}$")


def _drop_headline_repeats(doc: DocumentView, cands: list[Candidate]) -> list[Candidate]:
    """A headline or subheading restating a figure of the body ("山东:5133个监测点位守卫全省声环境",
    "去年优级天数242天" above "…优级天数242天,创下新高") is not a second measure."""
    text = doc.text
    out = list(cands)
    for i, c in enumerate(cands):
        if c.number is None or c.dropped:
            continue
        a = text.rfind("\n", 0, c.start) + 1
        b = text.find("\n", c.start)
        b = len(text) if b < 0 else b
        line = text[a:b]
        if len(line) > 60 or any(ch in "。;；,，" for ch in line):
            continue  # a headline is one short line without sentence or clause ends
        # compared with the others as this pass leaves them: a restatement dropped above no longer counts
        if any(o.number and not o.dropped and (o.number.value, o.unit.unit) == (c.number.value, c.unit.unit)
               and not a <= o.start < b for o in out):
            out[i] = c.but(dropped=True)
    return out

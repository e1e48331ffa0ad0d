"""What a measure is about, once the measures stage has found it: environmental or not, and the part
of the region it is limited to.

is_environmental  the head keyword of the measure's subject decides (the last keyword: 单位地区生产总值
                  能耗 is energy, 地区生产总值 is the economy; a product after an energy technology, 新能源电池,
                  is an industry's; a share, 甲占乙比重, is its numerator's), else that of the noun the number
                  counts when it follows it (新投运2座垃圾焚烧发电厂), else that of the clause before the number
                  unless it only names examples of what the number counts (甲光伏、乙隔膜等30个项目) or, in a
                  work report, other items of a list of figures (公园27个、【城市广场8个】; see relevance()).
                  Environmental keywords are those of
                  seeds/domain_keywords.csv for the domains seeds/domains.csv marks environmental; the
                  others (economy, society, fiscal) are in loaders/data/relevance_keywords.csv. Past its
                  own words, a figure is environmental in a document whose title names the environment;
                  in a government work report (mostly the economy's figures) it is not.
                  A figure that is not environmental gets the domain its keyword names.
sub_area          a part of the region named in the subject or in the clause before the number: a word of
                  loaders/data/sub_area_words.csv (中心城区, 县级城市), a district or county of the
                  document's region (cpca's names), or a named basin (XX流域); null otherwise.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from loaders import reference
from loaders.breaks import (
    CLAUSE_BREAK_RE,
    CLAUSE_BREAKS,
    LAST_CLAUSE_BREAK_RE,
    LIST_ITEM_BREAKS,
    LIST_SEPARATOR,
)
from loaders.matching import Automaton
from loaders.numbers import chinese_integer
from loaders.regions import RegionIndex

DATA = Path(__file__).parent / "data"
# XX江/河/湖…流域 names a basin (长江流域, 塔里木河流域); 重点流域, 小流域, 三级流域 name none
_BASIN = re.compile(r"(?:(?![和及与的等、])[\u4e00-\u9fff]){0,3}[江河湖水海溪川]流域")
_SHARE = re.compile(r"^(.+?)(?:占(?!地)|相当于)")  # 甲占乙比重 / 甲相当于乙的比例
_COUNT = re.compile(r"(\d+|[一二两三四五六七八九十]+)[个项家座条场块所篇种处件类批]")  # 3个, 三项: a count of things
_DIGIT = re.compile(r"\d")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_ACTION_END = re.compile(r"(?:改造|治理|整治|修复|淘汰|关停|搬迁)$")  # the verb closing a list's last item
# a rate named by its ending alone (利用率, 办结率, 综合利用率, 占比): what it is a rate of was said before
_BARE_RATE = re.compile(r"(?:综合|安全|有效)?[\u4e00-\u9fff]{1,2}(?:率|比例|占比)")
# 完成154条,分别完成年度目标任务的181.2% / 超出年度任务37.3%: a share of the task alone, of the work the clause before names
_TASK_ALONE = re.compile(r"(?:分别)?(?:完成|超出|超额完成|占)?(?:省|市|上级)?(?:下达)?(?:的)?(?:年度|全年)?(?:目标)?任务(?:数|量)?(?:的)?|分别")
_NOT_BASIN_NAME = re.compile(r"^(?:重点|全|各|主要|跨|本|其他|相关|所在)+")  # words before a name


# Domains whose common words (审批, 改革, 数字化, 光伏, 储能) belong to the economy as much as to the
# environment: only their specific words (环保督察, 清洁生产, 循环经济) tell a figure is environmental.
_CROSS_CUTTING_DOMAINS = ("governance", "green_development")
# strengths of loaders/data/relevance_keywords.csv (the file says what each does)
_STRENGTHS = ("strong", "weak", "head", "total", "measure", "resource")
_ENERGY_TECHNOLOGY = "climate"  # the domain of 新能源, 光伏, 风电, 储能 … that a product head turns into an industry
_PRODUCT_DOMAIN = "economy"  # an industry's products: 多晶硅及光伏 (a product head joined to an energy technology)
_JOINING = "及和与"  # joining two nouns of one phrase (多晶硅及光伏, 动力电池和储能)


@functools.cache
def _environmental_domains() -> dict[str, bool]:
    with open(reference.seed("domains.csv"), encoding="utf-8", newline="") as fh:
        return {row["domain_code"]: row["is_environmental"].strip().lower() == "true" for row in csv.DictReader(fh)}


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(line for line in fh if not line.startswith("#"))]


@functools.cache
def _relevance_automaton() -> Automaton:
    """Lowercased keyword -> (keyword, domain, strength): environmental domain keywords (strong), then the
    relevance file (which overrides a keyword both name)."""
    env = _environmental_domains()
    entries: dict[str, tuple[str, str]] = {}
    for row in _rows(reference.seed("domain_keywords.csv")):
        # weight 1 is too generic to decide; so is weight 2 in the cross-cutting domains (审批, 改革, 光伏)
        needed = 3 if row["domain_code"] in _CROSS_CUTTING_DOMAINS else 2
        if env.get(row["domain_code"]) and float(row["weight"]) >= needed:
            entries.setdefault(row["keyword"].strip(), (row["domain_code"], "strong"))
    for row in _rows(DATA / "relevance_keywords.csv"):
        if row["domain_code"] not in env or row["strength"] not in _STRENGTHS:
            raise ValueError(f"relevance_keywords.csv: bad row {row}")
        entries[row["keyword"].strip()] = (row["domain_code"], row["strength"])
    automaton = Automaton()
    for keyword, (domain, strength) in entries.items():
        automaton.add_word(keyword.lower(), (keyword, domain, strength))
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=1 << 16)  # phrases repeat: every measure of a sentence asks for its clause
def _keywords(text: str) -> tuple[tuple[int, str, str, int], ...]:
    """(end offset, domain, strength, length) of the keywords of text, left to right, longest where they
    overlap."""
    if not text:
        return ()
    lower = text.lower()
    return tuple((end + 1, domain, strength, len(keyword))
                 for end, (keyword, domain, strength) in _relevance_automaton().iter_long(lower)
                 if not _inside_a_latin_word(lower, end + 1 - len(keyword), end + 1))


def _inside_a_latin_word(text: str, start: int, end: int) -> bool:
    """A formula or abbreviation keyword (CO, O3, NOx) read inside a longer Latin word (COVID, economy) names nothing."""
    return ((text[start].isascii() and text[start].isalpha() and start > 0 and text[start - 1].isascii()
             and text[start - 1].isalpha())
            or (text[end - 1].isascii() and text[end - 1].isalnum() and end < len(text) and text[end].isascii()
                and text[end].isalpha()))


def _deciding(phrase: str, energy_before: bool = False) -> list[tuple[int, str]]:
    """(end, domain) of the strong keywords of phrase, of its product heads that follow a word of energy
    technology (the climate domain's 新能源, 光伏, 储能): 新能源电池, 光伏组件 are an industry's products, while
    废旧电池回收 is a waste stream; and of its totals that such a word does not qualify right before them:
    燃煤、光伏等电力装机 counts coal and renewables together, 清洁能源电力装机 only the clean sources. A total
    opening the phrase after a clause naming a source (energy_before: 建设水面光伏电站,总发电装机规模达到150万千瓦)
    may be that source's: it decides nothing, and the document does (a plan's figure is environmental). A head right
    after a word of a natural resource (森林人家, 海洋牧场, 矿山企业) names a business working it: the resource
    decides nothing there, and what else the clause or the document says does (a plan's monitored mining firms are
    environmental, a work report's homestays are not). A word of energy technology joined by 及/和/与 to a product head
    before it (多晶硅及光伏一体化, 动力电池及储能) is a product of the same industry: the economy's."""
    out: list[tuple[int, str]] = []
    product_end = -1  # where the last product head (电池, 多晶硅) ends: 多晶硅及光伏 joins two products of one industry
    resource_end = -1  # where the last resource word (森林, 海洋, 矿山) ends: a head right after it is its business's
    for end, domain, strength, length in _keywords(_BRAND_NAME.sub(_blank, phrase)):
        after_energy_technology = bool(out) and out[-1][1] == _ENERGY_TECHNOLOGY
        after_resource = resource_end == end - length  # 森林人家, 海洋牧场, 矿山企业
        qualified = ((after_energy_technology and phrase[out[-1][0] : end - length] in ("", "总"))  # 清洁能源电力装机,
                     # 光伏总发电装机规模 (not 光伏等电力装机)
                     or (energy_before and not out))
        if (strength == "strong" and domain == _ENERGY_TECHNOLOGY and product_end >= 0
                and product_end == end - length - 1 and phrase[product_end] in _JOINING):
            out.append((end, _PRODUCT_DOMAIN))  # 多晶硅及光伏一体化, 动力电池及储能: the energy word is the product's
        elif strength == "head" and after_resource and not after_energy_technology:
            out.pop()  # 森林人家, 矿山企业: a firm working the resource names no topic; the clause or document decides
        elif (strength in ("strong", "measure", "resource") or (strength == "head" and after_energy_technology)
                or (strength == "total" and not qualified)):
            out.append((end, domain))
        if strength == "resource":
            resource_end = end
        if strength == "head":
            product_end = end
    return out


# a quoted name before 品牌 / 产品 / 农产品 is a brand's (“净土某县”农产品, “碧水某县”品牌): its words name no topic
_BRAND_NAME = re.compile(r"“[^”]{1,16}”(?=(?:区域公用|公用|劳务)?(?:品牌|农产品|产品))")


def _blank(found: re.Match) -> str:
    return " " * len(found.group(0))  # the same length: offsets of the keywords after it stay right


def relevance(subject: str, clause: str, sentence: str, number_at: int,
              environmental_document: bool, number_end: int | None = None) -> tuple[bool, str | None]:
    """(is_environmental, the domain that decided or None); number_at, number_end: the span of the number
    (with its unit) in sentence.
    1. the last strong keyword of the subject, else of the noun the number counts when it follows the
       number (新投运2座垃圾焚烧发电厂: numeral, classifier, noun; first when 的 ties the number to it, or
       when the subject ends on a measure word: 年产2万吨污泥综合利用项目),
       else of the clause before the number, decides (in a share, 甲占乙比重, that of its numerator 甲) — in a work
       report, of the figure's own item only when it is an item of a list of figures naming a thing of its own
       (清洁取暖4000户、【危房550户】: the earlier items name their own things; _own_item);
       a quoted brand's name (“净土某县”农产品) decides nothing;
       names the number gives as examples (甲、乙等【N个】项目; 甲、乙、丙【3个】) decide only when each names
       the environment and the figure's own words name no other domain;
    1b. else an amount invested or granted alone (完成投资8117万元, 获2亿元中央资金支持) is the money of the works
       the nearest clause before names (实施生态重建项目15个, 入选黑臭水体治理试点): environmental when they are
       (_works_before);
    2. else a figure of an environmental document (is_environmental_document) is environmental;
    3. else (a work report, which lists the economy's figures beside the environment's in one sentence)
       the figure is not environmental: its domain is that of the nearest non-environmental word of
       the clause holding the number (strong first: 完成投资20亿元 -> economy), else economy."""
    env = _environmental_domains()
    number = sentence[number_at:number_end]  # the figure with its unit (to the sentence's end without number_end)
    counted = _counted(sentence, number_end)
    # a number before 的 describes the noun after it (66万千瓦的煤发电项目), and a number that opens a member
    # of a list (甲、【9条】河流治理) counts the noun after it: the subject before 、 is the previous member's
    first_counted = counted.startswith("的") or clause.endswith(LIST_SEPARATOR) or _ends_on_measure_word(subject)
    phrases = [counted, subject] if first_counted else [subject, counted]
    examples, own = _examples(clause, number)
    own_item = clause if environmental_document else _own_item(clause, counted)  # a plan's figure: step 2 decides
    if examples is None or _examples_decide(examples, [*phrases, own]):
        phrases.append(own_item)
    else:
        phrases.append(own)
    before = sentence[:_clause_start(sentence, number_at)]
    clause_before = CLAUSE_BREAK_RE.split(before.rstrip("".join(CLAUSE_BREAKS)))[-1]
    energy_before = any(d == _ENERGY_TECHNOLOGY for _, d in _deciding(clause_before))
    for phrase in phrases:
        # a share whose numerator came before the clause (甲新增…,【占】电力总装机的56%) is about that numerator
        numerator = before if phrase.startswith("占") else _share_numerator(phrase)
        strong = _deciding(numerator, energy_before) or (numerator != phrase and _deciding(phrase, energy_before))
        if strong:
            purpose = _purpose_of_the_plant(sentence) if _measure_word_at(numerator, strong[-1][0]) else None
            return (True, purpose) if purpose else (env[strong[-1][1]], strong[-1][1])
    if _BARE_RATE.fullmatch(subject) or _TASK_ALONE.fullmatch(subject):
        # 新能源…装机规模增长38%,【利用率】达94.5% / 办结督察交办案件582件,【办结率】97.8%: a rate named by its ending
        # alone is of the thing the clause before names
        named = _deciding(clause_before)
        if named:
            return env[named[-1][1]], named[-1][1]
    money = _money_of_the_works_before(clause, number, counted)
    if money or _count_of_the_works_before(clause, number, counted):
        # 实施生态重建项目15个,完成投资8117万元 / 实施生态保护修复,48个重大工程全部完工: the money or the number of
        # the works the clauses before name
        decided = _works_before(before, counted=not money)
        if decided:
            return True, decided
    start = _clause_start(sentence, number_at)
    end = CLAUSE_BREAK_RE.search(sentence, _position(sentence, number_at))
    around = sentence[start : end.start() if end else len(sentence)]  # the whole clause holding the number
    if _WATER_BODY_WORKS.search(around[len(clause) - len(own_item):]):  # 实施甲河、乙湖等综合治理工程150多个: works on named waters
        return True, "water"
    if environmental_document:
        return True, None
    # its own words before the number said nothing environmental (step 1): the figure is the economy's,
    # or the domain of the clause's nearest word of another domain (就业, 预算 ...)
    found = [k for k in _keywords(around) if not env[k[1]]]
    at = number_at - start
    shared = _shared_tail(around, at + len(number))
    if shared:  # 完成2100万千瓦火电机组、395台燃煤锅炉超低排放改造: the list's last words are each item's action
        return True, shared
    if found:
        return False, min(found, key=lambda k: (k[2] != "strong", abs(k[0] - at), k[0] > at))[1]
    # 24个国控和省控河流、水库断面水质达标率100% / 9个国、省考断面全部为优良水体: a count opening a clause that names
    # nothing else counts the sites whose water or air the words after it name, past the 、 inside that noun phrase
    # (up to the next figure, whose own words those are)
    if counted and not counted.startswith(LIST_SEPARATOR):
        nxt = _DIGIT.search(around, at + 1 + len(number))
        sites = [d for _, d in _deciding(around[at : nxt.start() if nxt else len(around)]) if d in _QUALITY_DOMAINS]
        if sites:
            return True, sites[0]
    return False, "economy"


def _own_item(clause: str, counted: str) -> str:
    """The words of the clause that are the figure's own: in a list of figures (改造农村公路2150公里、清洁取暖4000户、
    【危房550户】; 新建27个公园、44个游园、【8个城市广场】) the earlier items, each with a number of its own, name their
    own things, not this one's. When the figure's item names a thing of its own, only that item decides, with the
    work verb opening the list that every item shares (绿化村屯120个、【公路133公里】); when it names nothing of its
    own — a verb or a metric of the item before (修复4767亩, 完工967处, 并网2000万千瓦, 普及率达85%, 发电量占比51.3%),
    supporting works (配套管网), a comparison (比2020年增加), a level alone (省级17家) — the whole clause does."""
    cut = clause.rfind(LIST_SEPARATOR)
    if cut < 0 or not _DIGIT.search(clause, 0, cut):
        return clause
    own = clause[cut + 1:]
    words = own + ("" if counted.startswith(LIST_SEPARATOR) else counted)
    if len(_CJK.findall(words)) < 2 or _NAMES_NOTHING.search(words) or _names_the_environment(words):
        return clause
    shared = _SHARED_WORK_VERB.match(clause)
    return (shared.group(0) if shared else "") + own


def _names_the_environment(words: str) -> bool:
    """words hold an environmental word of any strength (绿色(低碳)工厂, 电动重卡, 碧道): the item may be of the
    environment its list names, so it does not shut its neighbours out; those too weak to decide alone are the
    environmental domains' weight-1 keywords and the environmental `weak` words of relevance_keywords.csv."""
    env = _environmental_domains()
    return any(env[domain] for _e, domain, _s, _n in _keywords(words)) or any(w in words for w in _weak_environment_words())


@functools.cache
def _weak_environment_words() -> tuple[str, ...]:
    env = _environmental_domains()
    return tuple(row["keyword"].strip().lower() for row in _rows(reference.seed("domain_keywords.csv"))
                 if env.get(row["domain_code"]) and float(row["weight"]) < 2)


# an item that names nothing of its own: a verb alone (after a leading verb), a metric, supporting works, a comparison
_NAMES_NOTHING = re.compile(r"^(?:配套|比|较|同比|其中)|^(?:完成|实现|累计|新增|全部|已)?"
                            r"(?:修复|治理|整治|改造|完工|竣工|开工|投产|投运|并网|发电|建成|处罚|罚款|关停|淘汰|搬迁|"
                            r"提升|增加|减少|下降)$|率|量|占比|比重|比例|浓度|规模")
# a work verb opening a list, shared by its items (绿化村屯120个、公路133公里; 治理河道3条、沟渠20公里)
_SHARED_WORK_VERB = re.compile(r"^(?:完成|实施|新增|累计)?(?:绿化|治理|整治|修复|造林|复垦|清淤)")


# a named river, lake or canal governed, dredged or restored (沙湖等综合治理, 牌楼西河60个重点治理项目; the gold's
# convention on water works, tests/gold/corpus/README.md); its name is all the clause says of it
_WATER_BODY_WORKS = re.compile(r"[\u4e00-\u9fff][河江湖溪渠](?:等|干流|支流)?(?:\d+[个条项处])?"
                               r"(?:重点|综合|系统|生态|环境|水环境)?(?:治理|整治|清淤|修复)")
_MONEY_OF_WORKS = re.compile(r"^(?:其中|累计|共|年度|全年|三年|五年)?(?:完成|计划|总|共)*投资(?:额)?(?:约|近|超|超过|达|达到)?$")


# 获中央资金支持 / 获中央奖补资金: money granted, the clause says for what no more than the one before (入选…治理试点)
_MONEY_GRANTED = re.compile(r"^(?:共|累计|还|并|先后)?获(?:得|批)?(?:中央|国家|上级|省级?|中省|国省|自治区|市级)?"
                            r"(?:财政)?(?:奖补|补助|专项|奖励)?资金(?:支持)?(?:约|近|超|超过|达|达到)?$")


def _money_of_the_works_before(clause: str, number: str, counted: str = "") -> bool:
    """完成投资8117万元 / 总投资52亿元 / 获2亿元中央资金支持: a clause of an amount invested or granted and nothing
    else, in yuan (counted: the words after the amount, to the next break)."""
    return "元" in number and bool(_MONEY_OF_WORKS.match(clause.strip())
                                   or _MONEY_GRANTED.match((clause + counted).strip()))


# the verbs of a count of works that say what was done with them, not what they are (梳理项目64个, 谋划实施项目53个)
_WORKS_COUNTED_VERBS = re.compile(r"梳理|谋划|实施|推进|启动|储备|开工|建成|完工|竣工|全部|完成|共|累计")
_WORKS_HEAD = re.compile(r"项目|工程")


def _count_of_the_works_before(clause: str, number: str, counted: str) -> bool:
    """梳理项目64个 / 48个重大工程全部完工 / 2个项目入选全国示范工程: a count of works (项目, 工程) whose own words name no
    kind of works (only their scale, stage or what was done with them), in a clause with no other figure."""
    words = clause.strip() + counted
    return (bool(_COUNT.match(number)) and bool(_WORKS_HEAD.search(words)) and not _DIGIT.search(clause)
            and not _keywords(words) and not _names_a_kind(_WORKS_COUNTED_VERBS.sub("", words)))


def _works_before(before: str, counted: bool = False) -> str | None:
    """The environmental domain of the works whose money (or, counted, whose number) follows: the nearest clause
    before with a deciding keyword names them (推进环境基础设施建设行动,提升…能力,【三年完成投资】); a clause with a
    figure and no such word (新开工产业项目50个) names other works: none, unless it only counts the works of the clause
    before it (编制…修复工程实施方案,梳理项目64个,【计划总投资52亿元】). The title of a plan or law issued (出台《…规划》)
    names no works. Works counted are named by a clause with no figure of its own (…等1113个重点项目完成投资963亿元,
    【1573个项目】入选…: not those)."""
    while before:
        start = _clause_start(before, len(before) - 1)
        words = _TITLE.sub(_blank, before[start:])
        strong = _deciding(words)
        if strong:
            env = _environmental_domains()
            # works listed (加快污水处理厂、冷链物流园、指挥中心建设): half of them at least name the environment
            listed = words.split(LIST_SEPARATOR)
            named = sum(any(env[d] for _, d in _deciding(w)) for w in listed)
            if not env[strong[-1][1]] or 2 * named < len(listed) or (counted and _DIGIT.search(words)):
                return None
            return strong[-1][1]
        if _DIGIT.search(words) and not _counts_works_alone(words):
            return None
        before = before[:start]
    return None


_TITLE = re.compile(r"《[^》]*》")


def _counts_works_alone(clause: str) -> bool:
    """梳理项目64个 / 实施重点项目50个: a clause that counts works and names no kind of them."""
    found = _COUNT.search(clause)
    return bool(found) and _count_of_the_works_before(clause[: found.start()], found.group(0),
                                                       clause[found.end() :].strip(",，、;；"))


def _shared_tail(clause: str, number_end: int) -> str | None:
    """A list of figures whose every later item opens with its own number and whose last item ends on an action
    (2100万千瓦火电机组、2812万吨钢铁产能、395台燃煤锅炉超低排放改造; 105万平方米城市建筑、9.9万户农村家庭完成清洁取暖
    改造) shares that action when its own item has none: the environmental domain the last item names, else None."""
    items = clause[number_end:].split(LIST_SEPARATOR)
    if (len(items) < 2 or not all(item[:1].isdigit() for item in items[1:]) or not _ACTION_END.search(items[-1])
            or _ACTION_END.search(items[0])):  # 5532处“多杆合一”整治、…: an item with an action of its own
        return None
    env = _environmental_domains()
    decided = [d for _, d in _deciding(items[-1]) if env[d]]
    return decided[-1] if decided else None


# the domains of environmental quality, whose monitoring sites a count may name
_QUALITY_DOMAINS = ("water", "air", "marine", "soil")
# what a plant whose yearly output names no product of its own is built for, when its sentence says so
_PLANT_PURPOSES = ("solid_waste", "emissions", "air")


def _measure_word_at(phrase: str, end: int) -> bool:
    """The keyword of phrase ending at end is a measure word (年产): it decided only because no noun did."""
    return any(e == end and strength == "measure" for e, _d, strength, _n in _keywords(phrase))


def _purpose_of_the_plant(sentence: str) -> str | None:
    """A plant's yearly output (年产30万吨建筑石膏粉生产线) whose noun names nothing is the environment's when its
    sentence names waste taken up or pollution cut (…,提升磷石膏消纳利用能力; 超低排放治理项目和…年产40万吨球团生产线;
    固废年产140万吨建材加工): the domain of its last such word, else None."""
    found = [domain for _e, domain, strength, _n in _keywords(sentence)
             if strength == "strong" and domain in _PLANT_PURPOSES]
    return found[-1] if found else None


def _ends_on_measure_word(subject: str) -> bool:
    """The subject's last word of a domain only says what is counted (年产, a year's output): the noun after
    the number says what of (年产2万吨污泥综合利用项目)."""
    found = _keywords(subject)
    return bool(found) and found[-1][2] == "measure"


def _examples(clause: str, number: str) -> tuple[str | None, str]:
    """(examples, the clause's own words after them): names closed by 等 that the number or an earlier count
    sums up (甲、乙等【30个】项目; 甲、乙等30个项目完成投资【9亿元】), or an enumeration the number sums up
    (综合实力、绿色发展、投资潜力【3个】百强县); (None, clause) when the clause names no examples."""
    at = clause.rfind("等")
    if at >= 0 and (at == len(clause) - 1 or _COUNT.match(clause, at + 1)):
        return clause[:at], clause[at + 1:]
    count = _COUNT.match(number)
    n = (int(count[1]) if count[1].isdigit() else chinese_integer(count[1])) if count else None
    if clause.count(LIST_SEPARATOR) + 1 == n and not _DIGIT.search(clause):
        return clause, ""
    return None, clause


def _examples_decide(examples: str, own: list[str]) -> bool:
    """Names given as examples of what a figure counts (甲光伏、乙化工等【6个】产业; 甲风电、乙隔膜等【30个】
    项目), often names of firms and projects, tell what it is about only when each of them names the
    environment and the figure's own words (own: its subject, counted noun, words after the examples) name
    no other domain (产业, 投资)."""
    env = _environmental_domains()
    if any(not env[k[1]] for phrase in own for k in _keywords(phrase)):
        return False
    if any(_names_a_kind(phrase) for phrase in own[:2]):
        return False
    return all(any(env[d] for _, d in _deciding(name)) for name in examples.split(LIST_SEPARATOR))


# the words of a counted noun that name no kind of thing: its scale, level and stage (重点, 百亿级, 省级以上, 年度,
# 在建), and a head of any kind of work or campaign (项目, 工程, 专项整治行动, “三年行动计划”, 3场标志性战役) with what is said of it
# after (开工建设, 获评…): the examples say what such works are about
_NO_KIND = re.compile(r"(?:项目|工程|行动|计划|方案|战役|攻坚战).*|重点|重大|标志性|专项|整治|攻坚|[一二两三四五]年|[百千万]亿级|亿元以上|"
                      r"(?:国家|省|市|县|区)级(?:以上)?|年度|在建|新建|续建|新开工|的|[“”\"《》]")


def _names_a_kind(counted: str) -> bool:
    """The noun a count sums up names a kind of its own (甲、乙等5个【化工】项目; 甲等20个【央陕合作】项目; 甲等5个
    【高能级创新平台】; 甲等9件【地方性法规】), not only the work's scale or stage (甲风电等5个重点项目开工建设): then
    the examples named before it are instances of that kind, and what they are about does not say what it is."""
    return len(_CJK.findall(_NO_KIND.sub("", counted))) >= 2


@functools.cache
def _title_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = _rows(DATA / "environmental_titles.csv")
    return (tuple(r["word"] for r in rows if r["environmental"] == "true"),
            tuple(r["word"] for r in rows if r["environmental"] == "false"))


@functools.lru_cache(maxsize=256)  # asked once per measure with its document's title
def is_environmental_document(title: str | None) -> bool:
    """A document whose title names the environment (生态环境保护规划, 大气污染防治, 碳达峰; words in
    loaders/data/environmental_titles.csv, not 营商环境): its figures are environmental unless their own
    words say otherwise. A government work report or an untitled text mixes the economy, society and
    the environment."""
    yes, no = _title_words()
    title = title or ""
    for word in no:
        title = title.replace(word, "")
    return any(word in title for word in yes)


@functools.cache
def _sub_area_automaton() -> Automaton:
    automaton = Automaton()
    for row in _rows(DATA / "sub_area_words.csv"):
        automaton.add_word(row["word"].strip(), row["word"].strip())
    automaton.make_automaton()
    return automaton


@functools.lru_cache(maxsize=1 << 16)  # the same subjects and clauses recur across a corpus
def sub_area(subject: str, clause: str, region_code: str | None, regions: RegionIndex | None = None) -> str | None:
    """The part of the region the figure is limited to (see the module docstring), first where named."""
    for phrase in (subject, clause):
        if not phrase:
            continue
        words = [w for _, w in _sub_area_automaton().iter_long(phrase)]
        if words:
            return words[0]
        if region_code:
            counties = (regions or RegionIndex.load()).counties_in(phrase, region_code)
            if counties:
                return counties[0][0]
        if "流域" not in phrase:  # every match of _BASIN ends with it (_BASIN is tried at every position)
            continue
        for m in _BASIN.finditer(phrase):
            name = _NOT_BASIN_NAME.sub("", m.group(0))
            if len(name) >= 4:  # a name of two characters at least: 长江流域, not 江流域
                return name
    return None


# 和 joining two nouns, not inside a word (碳中和, 饱和, 和美乡村, 和谐)
_CONJUNCTION = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?<![中饱温缓调])和(?![美谐睦平])")


# a count right before the total invested in the things it counts (41个总投资383亿元的…项目, 6个年度计划总投资100亿元的)
_TOTAL_INVESTED_AFTER = re.compile(r"(?:年度|当年|全年)?(?:计划)?总投资(?:额)?(?:约|近|超过|超|达到|达)?"
                                   r"[\d.]+[万亿]*元的")
_COUNT_AFTER_OF = re.compile(r"的[\d.]+[个项座条处家所]")


def _counted(sentence: str, number_end: int | None) -> str:
    """The words right after the number and its unit, to the next clause or list break or number: the noun
    a numeral and classifier come before (2座县域垃圾焚烧发电厂, 500万千瓦新能源基地; past a size that follows
    the count, 3座35万千瓦光热电站). After 的 the number
    describes the noun phrase that follows, to the end of the clause (66万千瓦的甲、乙煤发电项目)."""
    if number_end is None or not 0 <= number_end <= len(sentence):  # a table cell lies outside its row label
        return ""
    total = _TOTAL_INVESTED_AFTER.match(sentence, number_end)
    if total:  # 41个【总投资383亿元的】生态修复等项目: the count is of the things the total is of
        number_end = total.end() - 1
    breaks = CLAUSE_BREAKS if sentence.startswith("的", number_end) else LIST_ITEM_BREAKS
    end = number_end
    if breaks is CLAUSE_BREAKS:  # 总投资39.24亿元的【100个】海绵城市项目: the things after 的 are counted first
        count = _COUNT_AFTER_OF.match(sentence, number_end)
        end = count.end() if count else end
    while end < len(sentence) and (sentence[end].isdigit() or sentence[end] == "."):
        end += 1  # 3座35万千瓦光热电站: a count of units of a size, the noun follows the size
    while end < len(sentence) and sentence[end] not in breaks and not sentence[end].isdigit():
        end += 1
    counted = sentence[number_end:end]
    first = _CONJUNCTION.split(counted, maxsplit=1)[0]
    # 3座光热电站和光热产业创新中心: the count is of the first noun joined by 和 when that noun decides alone
    # (4个地区和园区入选碳达峰试点: 地区 says nothing, the whole phrase does)
    return first if breaks is LIST_ITEM_BREAKS and _deciding(first) else counted


def _share_numerator(phrase: str) -> str:
    """A share (可再生能源占电力装机比重, 研发经费占生产总值比重, 环保投入相当于生产总值的比例) is about its numerator,
    the words before 占 (not 占地, land taken) or 相当于; the phrase itself when it is no share."""
    found = _SHARE.search(phrase)
    return found.group(1) if found else phrase


def _clause_start(sentence: str, number_at: int) -> int:
    """Where the clause holding the number starts: after the last clause break before it."""
    last = LAST_CLAUSE_BREAK_RE.match(sentence, 0, _position(sentence, number_at))  # one scan, not one per break
    return last.end() if last else 0


def _position(sentence: str, i: int) -> int:
    """i as str.find and str.rfind read it (negative: from the end), for a pattern's pos and endpos."""
    return i if i >= 0 else max(len(sentence) + i, 0)


def _clause(sentence: str, number_at: int) -> str:
    """The words of sentence before the number, back to the last clause break."""
    return sentence[_clause_start(sentence, number_at):number_at]


_METRIC_HEADS = ("率", "浓度", "比例", "比重", "占比", "指数")  # the head closing a metric named whole (…处理率, PM2.5浓度)


def _own_member(clause: str, subject: str) -> str:
    """The clause without the other members of the metrics' list the subject is one of (县城生活污水处理率、医疗废物无害
    化处置率分别达到…: 县城 is the first rate's part of the region, not the second's). A member is another metric's
    when it is one whole (ends on its head: 率, 浓度…) or names a place alone (主城区、县城、乡镇生活污水处理率); a
    member naming a part of the list before the shared head stays (城区可吸入颗粒物、细颗粒物平均浓度: 城区 is both's).
    The whole clause when the subject is no whole metric or is not written in the clause as one piece."""
    at = clause.find(subject) if subject else -1
    if at < 0 or "、" not in clause or not subject.endswith(_METRIC_HEADS):
        return clause
    start = clause.rfind("、", 0, at) + 1
    end = clause.find("、", at + len(subject))
    end = end if end >= 0 else len(clause)
    before = [m for m in clause[:start].split("、") if not _another_metric(m)]
    # a later member runs on to the shared verb (…、县城生活污水处理率分别达到): one holding a whole metric is another's
    after = [m for m in clause[end:].split("、") if not _another_metric(m) and not any(h in m for h in _METRIC_HEADS)]
    return "、".join(before + [clause[start:end]] + after)


def _another_metric(member: str) -> bool:
    member = member.strip()
    return member.endswith(_METRIC_HEADS) or any(
        member.endswith(w) for _, w in _sub_area_automaton().iter_long(member))


def measure_semantics(row: dict, document: dict) -> dict:
    """The is_environmental, sub_area and (for a figure that is not environmental) domain_code of a
    raw_measures row of document (a raw_documents row)."""
    sentence = row["sentence"] or ""
    number_at = row["char_start"] - row["sentence_start"]
    clause = _clause(sentence, number_at)
    subject = row["subject_zh"] or ""
    env_doc = is_environmental_document(document.get("title")) and document.get("doc_kind") != "work_report"
    number_end = None if row.get("char_end") is None else row["char_end"] - row["sentence_start"]
    is_env, domain = relevance(subject, clause, sentence, number_at, env_doc, number_end)
    out = {"is_environmental": is_env, "sub_area": sub_area(subject, _own_member(clause, subject),
                                                            document.get("region_code"))}
    if not is_env:  # the classifier's domain is an environmental one; say which other domain it is
        out["domain_code"] = domain
    return out

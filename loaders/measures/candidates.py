"""Pass 1, candidates: every number (or masked number) directly followed by a unit, not part of a date, a
name, a code or a quotation. Returns Candidate records whose later fields are still empty."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from loaders.measures.document import DocumentView
from loaders.measures.grammar import Grammar, Unit
from loaders.numbers import MULTIPLIERS, Number, find_numbers, parse_chinese_integer
from loaders.records import fast_init

if TYPE_CHECKING:
    from loaders.measures.sections import Part

COUNT_UNITS = frozenset({"count", "persons"})
PERIODS = ("年", "月", "日", "天", "季", "周", "小时")  # after "/": a frequency (1次/年), not a ratio unit
RATIO_ENDINGS = ("率", "比例", "比重", "占比", "比")
_UNIT_LIST_SEPARATORS = ("、", "和", "及", "与", " 、")
_MASK_RE = re.compile(r"(?:\d+\.)?\*+(?:\.\*+)?|\(略\)|（略）")
# a template's placeholder for a number: XX%, xx天, ××个 (not a Latin word such as XXL)
_MASK_HOLDS = ("*", "(略)", "（略）")  # every match of _MASK_RE holds one of these
_LETTER_MASK_HOLDS = ("XX", "xx", "××")  # ... and of _LETTER_MASK_RE
_LETTER_MASK_RE = re.compile(r"(?<![A-Za-z])(?:XX+|xx+|××+)(?:\.(?:X+|x+))?(?![A-Za-z])")
_CODE_BEFORE = re.compile(r"[A-Za-z][A-Za-z\s/\-.]?$")  # PM2.5, GB 3095-2012, COD
_SCOPE_SPAN = 8  # a scope word (服务半径) after the unit and at most 以上的 / 以内的
# 岸线1公里、5公里、15公里范围内 / 岸线1公里区域范围内 / 两岸各宽3公里左右区域: distances (a list of them, or one about so
# far) bounding the zone named after them, no length of work (治理修复岸线46公里 / 沿黄岸线180公里流沙治理 stay)
_ZONE_AFTER_DISTANCE_RE = re.compile(r"(?:[、和]\d+(?:\.\d+)?(?:公里|千米|米|km|m))*(?:左右)?(?:区域|范围)")
_DISTANCE_UNITS = ("km", "m")
_ORDINAL_BEFORE = ("第", "届", "周", "星期", "前")
# 成为首批5个国家公园之一: a count that places one thing in a group names the group's size, not work done
_ONE_OF_RE = re.compile(r"[^，,。；;、：:]{0,16}?之一")
# 省委十一届八次、九次、十次全会: the sessions of a party committee or congress are named by their number
# 两个“正面清单” / “两个正面清单”: a quoted name after the count, ending in an abstract noun, is ideas counted too
_QUOTED_NAME_AFTER_RE = re.compile(r"[“\"]?([^“”\"，,。；;、：:\n]{1,10})[”\"]")
_SESSION_RE = re.compile(r"(?:、[一二三四五六七八九十]+次)*(?:全会|全体会议|党代会)")
# 在市内三区实施 / 主城四区: districts named by their number after the place they lie in, not a count of work
_PLACE_NAME_AFTER_RE = re.compile(r"[山峰岭]|子[河山村屯]")
_NAMED_DISTRICTS_BEFORE = ("市内", "城内", "主城", "中心城", "城区", "近郊", "远郊")
# names holding a Chinese-numeral count: a policy named by its number of articles (清洁能源十八条、, “金融十条”,
# 三十条等: 十 and 条 with the clause or the name ending right after) and a firm (五株科技, 三一科技)
_POLICY_ARTICLES_END_RE = re.compile(r"[，,。；;、：:”》)）等和及]|$")
# 每万城镇常住人口配备18名社区工作者 / 每千人口拥有床位6张: a count per 10 000 (or 1 000) of a base, a ratio with
# no unit code (like 0.53吨标准煤/万元), not 18 persons
_PER_BASE_BEFORE_RE = re.compile(r"每[十百千万]+[^，,。；;：:\d]{0,16}$")
# (not after 个, 家, 项 …: 两个科技园区, 三家公司 count places and firms)
_FIRM_WORDS = ("科技", "集团", "公司", "股份", "控股", "药业", "实业")
_GENERIC_CLASSIFIERS = ("个", "家", "项", "批", "座", "处", "所", "户")
# 完成国家下达(的)…目标 / 完成经国家审核衔接后确定的目标 / 等约束性指标全部完成: a figure in words
# 完成省定任务 / 完成省控目标 / 控制在自治区下达目标内: the level above set the figure (_ISSUER 定 / 控 / 下达);
# so do 控制在省调控范围内 / 达到(省)考核要求 / 达省下达目标要求 / 完成省上下达要求; 完成A任务和省下达的B任务: 和 repeats 完成
# 受污染耕地安全利用率稳定达标: a rate whose figure is the standard it meets; A降低目标与国家“十五五”考核目标统筹衔接:
# a goal tied to the one the level above sets
# (国家和省下达 / 国省下达: two levels setting one goal; 达到国家及某省要求, 达到省级要求; 上级分解任务要求, 上级管控目标,
# 达到省级下达指标: the level above's goal in other words)
_ISSUER = "(?:(?:国家|国省|中央|自治区|省上|省级|省|市|上级)(?:政府)?(?:和(?:省上|省级|省|自治区|市)(?:政府)?)?)"
_WORDS_ONLY_RE = re.compile(
    rf"(?=[预全如超提完稳持保达确控和与满优不目已])(?:(?:(?:预计|确保)?(?:全面|全部|如期|超额|提前)?完成了?|(?<=[务标])和(?={_ISSUER}(?:下达|[定控])))(?:经)?"
    rf"(?:(?:{_ISSUER}?(?:下达|分解|审核衔接后确定)|{_ISSUER}(?:[定控]|管控))的?(?:我省|我市|全省|全市)?(?:“十[一二三四五六]五”)?"
    r"(?P<short>[\u4e00-\u9fff]{0,6}?)"
    rf"|{_ISSUER}?(?:下达的?)?(?:我省|我市|全省|全市)?(?P<metric>(?:PM2\.5|PM10|[\u4e00-\u9fffA-Z“”\"、()（）]){{3,30}}?))"
    r"(?:目标任务|指标任务|目标|任务|约束性指标|指标)(?!、)"  # 完成A目标、B目标任务: one list of goals, up to its last
    rf"|控制在{_ISSUER}(?:和{_ISSUER})?(?:(?:下达|[定控])的?(?:年度)?(?:任务目标|目标任务|目标|指标|任务)|(?:下达的?)?(?:调控|计划)范围)以?内"
    # 排放量不超过省下达的最高允许排放量 / 岸线不低于省下达指标要求: a bound the level above sets, in words
    rf"|不(?:超过|突破|高于|低于){_ISSUER}(?:下达|[定控])的?(?:[\u4e00-\u9fff]{{0,8}}?(?:量|目标|指标|任务))?(?:要求)?(?=[，,。；;\n])"
    rf"|(?:达到|实现|达|完成|满足){_ISSUER}(?:[定控](?:目标|指标)|(?:[定控]|下达|分解)的?(?:目标|指标|任务)?要求|下达的?(?:年度)?(?:任务目标|目标任务|目标|指标))"
    r"|(?:达到|实现|达)(?:(?:国家|自治区|省|市|上级)?考核(?:目标|指标)?"
    r"|(?:国家|自治区|省级|省|上级)(?:[、及和][\u4e00-\u9fff]{0,3}?省)?(?:目标)?)要求"
    r"(?=[，,。；;\n])"
    # 约束性指标全部完成 / …指标全面完成。 / 13项约束性指标目标全部超额完成 / 10项约束性指标已提前完成: indicators done, in words
    r"|完成(?:年度)?目标任务|(?<=指标)(?P<done>全部完成|(?:目标)?已?(?:全面|全部|超额|提前|按期|如期){1,2}完成(?=[，,。；;\n]))"
    # 断面优良比例优于某省下达目标 / …比例优于省下达的考核目标 / PM2.5平均浓度优于年控目标: better than a goal, in words
    rf"|优于(?:(?:[\u4e00-\u9fff]{{1,3}}(?=省|市|自治区))?{_ISSUER}(?:下达|[定控])的?(?:考核|年度)?|年控|年度(?:考核)?)"
    r"(?:目标|指标|任务|要求)(?=[，,。；;\n])"
    rf"|(?<=目标)与{_ISSUER}(?:下达的?)?(?:“十[一二三四五六]五”)?(?:考核|规划)?目标(?:统筹|相)?衔接"
    r"|(?<=率)(?:稳定|持续|保持|全面)?达标(?![率排])(?=[，,。；;\n])"
    # 森林覆盖率不降低 / 生态质量指数不低于现有水平 / 红线占国土面积比例确保不减少 / 森林覆盖率保持稳定 / 优良水体比例稳中
    # 有升: a level held, in words (the tables' 不降低, 保持稳定 and 稳中向好 cells); not 其面积不减少, 湿地总面积保持稳定 nor
    # 土壤环境质量不下降 (no rate, share or index named)
    r"|(?<=[率例数])(?:确保)?(?:不降低|不减少|不低于现有水平|不低于现状水平|保持稳定|稳中有升|稳中向好)(?=[，,。；;、\n并])"
    r"|(?:(?<=水质)|(?<=水源)|(?<=源地))(?P<met>(?:全部|全面|持续|稳定|保持){0,3}达标)(?![率排])(?=[，,。；;\n]))")
# 饮用水水源地水质全部达标 / 集中式饮用水源地全面稳定达标 (水质 left unsaid): the water of drinking sources meeting its
# standard in words is a figure of their compliance rate (the gold writes it as a words-only row); a section's 水质达标
# is no share of a catalogue class
_STANDARD_MET_SUBJECTS = ("饮用水",)
# 9项约束性指标 / 10项…约束性指标: indicators counted right before their completion
_COUNTED_INDICATORS_RE = re.compile(r"(?:\d+|[两二三四五六七八九十]+)项[^，,。；;：:\n]{0,20}指标$")
# the metric a figure in words follows, and its unit (longest first)
# (…降低值 / 生态质量指数 / 生态环境状况指数 / 生态保护红线面积: a cut's value, an environmental index and the red
# line's area are metrics too; a bare 指数, 居民消费价格指数, is no figure of the environment; 单位GDP能源消耗 is an
# intensity, 重点建设用地安全利用 its safe-use rate; 污染物排放量 and 煤炭消费总量 are totals in t, 能源消费总量 in tce;
# a change's 下降幅度 is in percent, like 降幅; 降尘量 is a dust fall, in t per km2 a month)
_WORDS_ONLY_UNITS = (("浓度", "ug_m3"), ("降幅", "percent"), ("减排", "t"), ("降低率", "percent"), ("下降率", "percent"),
                     ("降低值", "percent"), ("下降值", "percent"), ("质量指数", "index"), ("状况指数", "index"),
                     ("红线面积", "km2"), ("能源消耗", "percent"), ("安全利用", "percent"), ("降低", "percent"),
                     ("下降", "percent"), ("强度", "percent"), ("比例", "percent"), ("率", "percent"),
                     ("指标", "percent"), ("排放", "percent"), ("能耗", "percent"), ("天数", "days"),
                     ("排放量", "t"), ("排放总量", "t"), ("煤炭消费总量", "t"), ("能源消费总量", "tce"),
                     ("幅度", "percent"), ("降尘量", "t_per_km2_month"))
# the pollutants whose cut (减排 / 削减) a goal in words may name after listing them
_POLLUTANTS = ("二氧化硫", "氮氧化物", "化学需氧量", "氨氮", "挥发性有机物", "VOCs", "总磷", "总氮", "重金属")
_CUT_WORDS = ("减排", "削减", "总量削减", "总量减排")
# 重污染天数控制 / PM2.5年控 (目标): the control of a metric, named before its goal
_CONTROL_ENDING_RE = re.compile(r"(?:年控|控制)$")
_POLLUTANT_CODE_RE = re.compile(r"(PM2\.5|PM10)(?:指标)?(?=$|[和、])")
# the endings of a listed item that names a metric of its own (生态环境质量指标 names several: no metric)
WORDS_ONLY_METRIC_ENDINGS = tuple(ending for ending, _ in _WORDS_ONLY_UNITS if ending != "指标") + ("总量",)
# 节能减排 / 降碳减排: a line of work, not a metric a figure in words could be a value of
_GENERIC_WORKS = ("节能减排", "降碳减排", "减污降碳", "减排降碳")
_COUNTED_FIGURES_RE = re.compile(r"[“\"](?P<count>[两二三四五六七八九十])个(?P<figure>\d+(?:\.\d+)?%)[”\"]")
_PER_VOLUME = "每立方米"
_PER_VOLUME_SPAN = 16  # 每立方米45微克、60微克: the list's later numbers share it
_BACKWARD_MASSES = {"微克": ("ug_m3", 1.0), "毫克": ("ug_m3", 1000.0)}
_BARE_RATIO_RE = re.compile(r"(\d(?<=[为达到在]\d)\d*(?:\.\d+)?)(?=[,，;；。\n])")  # a digit after 为/达/到/在 (document.YEAR_RE: why so)
# 生态环境公众满意度从84.7提升至89.6 / 空气质量综合指数2.80, / 生态状况指数(EI)为62.6 / 指数保持在70以上 / 生态质量指数
# (EQI)值为66.96: an index or a
# score has no unit to write; the number ending its clause (but for 以上/以下/左右) right after the metric or its verb is
# its value, the start of 从A提升至B none
_INDEX = Unit("", "index", 1.0)
_BARE_INDEX_RE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?=(?:以上|以下|左右)?[,，;；。、\n])")
_INDEX_HEAD_RE = re.compile(r"(?:指数|满意度)(?:\([A-ZΔ]+\)|（[A-ZΔ]+）)?值?(?:[从由]\d+(?:\.\d+)?)?"
                            r"(?:为|达到|达|保持在|稳定在|(?:提升|提高|上升|升|下降|降)(?:至|到))?$")


@fast_init
@dataclass(frozen=True)
class Candidate:
    """A number and its unit, then what each later pass decided about it.

    Each pass owns its fields and returns new records (Candidate.but); none sets another's fields.
    """

    # candidates
    number: Number | None  # None when masked
    start: int  # of the number as written
    unit: Unit
    end: int  # after the unit (and, once the comparators pass ran, any suffix comparator)
    unknown_ratio: bool = False  # 0.53吨标准煤/万元: kept only so that a change after it finds its subject
    words_only: bool = False  # 完成国家下达任务: a figure stated in words, number None but not masked
    words_metric: str = ""  # 完成国家下达的单位GDP二氧化碳排放降低任务: the metric the words name inside
    # comparators
    suffix: str | None = None  # comparator of a suffix (以上 -> ge)
    suffix_text: str | None = None
    prefix: tuple[str, str, int] | None = None  # (surface, comparator, start offset)
    is_change: bool = False
    inherited: str | None = None  # comparator taken from the head of a list
    comparator: str = "eq"  # with no comparator word, a number is what it says
    comparator_rule: str = "comparator_default"
    in_list: tuple[int, int] = (0, 1)  # (position, length) in its list of numbers (30、50微克/立方米)
    # subjects
    subject: str = ""
    shared_by: tuple[str, ...] = ()  # "A、B均为100%": one measure for each subject
    # sections (work reports): the part of the report the number sits in
    section: Part | None = None
    # filters
    dropped: bool = False

    @property
    def opening(self) -> int:
        """Where the figure's words begin: its prefix comparator's start (约40辆: at 约), else the number's."""
        return self.prefix[2] if self.prefix else self.start

    def but(self, **changes) -> Candidate:
        """A copy with some fields changed: dataclasses.replace without re-running __init__ over every
        field (a pass copies thousands of candidates per document; replace cost the loader 15 %)."""
        if not changes.keys() <= _FIELDS:
            raise TypeError(f"Candidate has no field {sorted(changes.keys() - _FIELDS)}")
        new = object.__new__(Candidate)
        new.__dict__.update(self.__dict__, **changes)
        return new


_FIELDS = frozenset(f.name for f in fields(Candidate))


# 60.9亿度 / 20万度: 度 is a kilowatt-hour only after 万 or 亿; alone it is an angle or a temperature (25度以上的坡耕地,
# 北纬45度, 360度)
_AFTER_MULTIPLIER_ONLY = frozenset({"度"})
_MULTIPLIERS = ("万", "亿")


def unit_at(grammar: Grammar, text: str, pos: int, allow_space: bool = True) -> tuple[Unit, int] | None:
    number_end = pos
    if allow_space and pos < len(text) and text[pos] == " ":
        pos += 1
    if pos >= len(text):
        return None
    for u in grammar.units_by_first.get(text[pos], ()):
        if text.startswith(u.surface, pos):
            if u.surface in _AFTER_MULTIPLIER_ONLY and not text[:number_end].endswith(_MULTIPLIERS):
                continue
            return u, pos + len(u.surface)
    return None


def find_candidates(doc: DocumentView) -> list[Candidate]:
    """Numbers with a unit, masked numbers, then bare ratios ("劣V类比例保持为0"), in text order."""
    out = _numbers_with_units(doc)
    out += _bare_ratio_numbers(doc, {c.start for c in out})
    out += _words_only(doc)
    out += _water_classes(doc)
    out += _counted_figures(doc, {c.start for c in out})
    out += _none_of(doc)
    out.sort(key=lambda c: c.start)
    return out


def _words_only(doc: DocumentView) -> list[Candidate]:
    """A figure stated in words only, right after its metric: 二氧化碳排放降低完成国家下达任务, 能耗下降率等约束性
    指标全部完成. Kept with a null value (not masked: there is no number to hide) and the unit of its metric
    (a rate, share or reduction in percent; a concentration in ug_m3), so that the indicator still matches."""
    text, out = doc.text, []
    for m in _WORDS_ONLY_RE.finditer(text):
        if m.group("met"):
            out += _standard_met(doc, m)
            continue
        if m.group("done") not in (None, "全部完成") and _COUNTED_INDICATORS_RE.search(text, max(0, m.start() - 40),
                                                                                    m.start()):
            continue  # 生态环境9项约束性指标全面完成: the count of the indicators met is the figure (the gold's convention)
        before = text[max(0, m.start() - 9) : m.start()]
        # A率和B率均完成…目标 / A降低目标与国家考核目标衔接 (the goal tied to the level above's)
        before = before.removesuffix("目标") if m.group().startswith("与") else before.removesuffix("均")
        unit = words_only_unit(before)
        # 完成国家下达的<metric>任务 / 提前完成“十四五”<metric>目标任务: a metric when it ends like one
        inside = re.sub(r"[“”\"]", "", doc.grammar.term_re.sub("", m.group("metric") or m.group("short") or ""))
        inside = _pollutant_metric(inside)
        listed, inside = inside, inside.rsplit("、", 1)[-1]  # 完成下达的粮食生产、<metric>目标任务: the list's last item
        own = None
        if len(inside) >= 4 and not inside.endswith(_GENERIC_WORKS):
            own = words_only_unit(inside)
        if own and all(p.endswith(WORDS_ONLY_METRIC_ENDINGS) for p in listed.split("、")):
            inside = listed  # 完成优良天数比率、PM2.5年均浓度目标: each listed metric (subjects splits them)
        if own is None and m.group("metric"):  # 完成下达的物价、碳排放和环境保护目标任务: the listed item naming a metric
            named = [(p, u) for p in re.split(r"[和及与]", inside) for ending, u in _WORDS_ONLY_UNITS
                     if len(p) >= 3 and p.endswith(ending) and ending != "指标"]
            if len(named) == 1 and collective_unit(doc.grammar, inside) is None:
                inside, own = named[0]
        own = own or collective_unit(doc.grammar, inside)  # 完成省下达的节能减排降碳约束性指标: works naming metrics
        if own is None and (listed_before := _metrics_counted_before(text, m.start())):
            inside, own = listed_before, words_only_unit(listed_before)  # A率、B率、C浓度三项指标达到…目标: each one named
        elif own is None and listed_before is None:
            continue  # …为38微克/立方米,三项指标达到省下达任务目标: the indicators counted had their figures before
        if own is None and m.group("metric") and collective_unit(doc.grammar, listed):
            inside, own = listed, collective_unit(doc.grammar, listed)  # 省下达的节能减排、环境保护等任务: a work listed first
        if m.group("metric") and not own and inside:
            continue  # 完成<a work>目标: a task done, no figure (完成“十四五”任务 names only a period: its metric is before)
        clause = re.split(r"[，,。；;：:\n]", text[max(0, m.start() - 30) : m.start()])[-1]
        pollutants = [p for p in re.split(r"[、和及与]", clause) if p]
        if own is None and inside in _CUT_WORDS and len(pollutants) > 1 and all(p.endswith(_POLLUTANTS)
                                                                               for p in pollutants):
            # 化学需氧量、氨氮、氮氧化物完成上级下达的减排任务: the cut of each pollutant listed
            inside, own = "、".join(p + "减排" for p in pollutants), "t"
        # (not for indicators done, 10项…约束性指标已提前完成: the share of them done, whatever the clause named before)
        if not own and not m.group("done"):  # 节能减排降碳控制在自治区下达目标内: the figures of the works the clause names
            unit = collective_unit(doc.grammar, clause) or unit
        if not own and unit is None:  # 单位生产能耗和物价指数控制在省调控范围内: the one listed item naming a metric
            named = [(p, u) for p in re.split(r"[、和及与]", clause) for ending, u in _WORDS_ONLY_UNITS
                     if len(p) >= 3 and p.endswith(ending) and ending != "指标"]
            if len(named) == 1:
                inside, own = named[0]
        if (own == "t" and inside.startswith("单位")) or (own is None and unit == "t" and "单位" in clause):
            own, unit = ("percent" if own else own), "percent"  # 单位生产总值二氧化碳减排: an intensity, cut in percent
        if (own or unit) is None or doc.is_excluded(m.start()) or text.startswith("的", m.end()):
            continue  # (完成目标任务的60%以上: a share of the task, a figure of its own)
        out.append(Candidate(None, m.start(), Unit(m.group(), own or unit, 1.0), m.end(), words_only=True,
                             words_metric=inside if own else ""))
    return out


# 优良天数比率、重污染天数比率、PM2.5浓度三项约束性指标 / A、B等3项指标均: metrics listed, then counted as indicators, before their
# goal in words
_METRICS_COUNTED_RE = re.compile(r"(?P<list>[^，,。；;：:\n]+?)等?(?:[两二三四五六七八九十]|\d+)项[\u4e00-\u9fff]{0,4}?指标"
                                 r"(?:均|全部|全面|都)?$")
_METRICS_COUNTED_SPAN = 80  # characters before the goal searched for the list
# (…为38微克/立方米,)三项指标(均)达到: indicators counted alone, opening their clause
_INDICATORS_COUNTED_RE = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?:以上|上述)?(?:[两二三四五六七八九十]|\d+)项指标(?:均|全部|全面|都)?$")


def _metrics_counted_before(text: str, at: int) -> str | None:
    """The 、-list of metrics a goal in words counts as indicators right before it (A率、B率、C浓度三项指标达到省下达任务目标:
    each metric's goal), every item ending like a metric; None when the indicators are counted alone, opening their
    clause (三项指标达到…: the figures were given before), "" otherwise."""
    m = _METRICS_COUNTED_RE.search(text, max(0, at - _METRICS_COUNTED_SPAN), at)
    if m is None:
        bare = _INDICATORS_COUNTED_RE.search(text, max(0, at - _METRICS_COUNTED_SPAN), at)
        return None if bare else ""
    parts = re.split(r"[、和]", m.group("list"))
    if len(parts) < 2 or not all(p.endswith(WORDS_ONLY_METRIC_ENDINGS) for p in parts):
        return ""
    return m.group("list")


# a water's class stated in words (黄河干流水质稳定保持Ⅱ类, 水质保持在地表水Ⅲ类及以上, 出境断面水质达Ⅱ类标准以上): the
# class is the figure, as a table's 水质类别 cell is (value null, the class as written); not a share of waters of a
# class (水质达到Ⅲ类比例), nor a change of class (由Ⅲ类提升到Ⅱ类: no verb of a level)
# (a hedge or 均 may come first, and 稳定 be the verb itself: 南淝河水质力争稳定Ⅲ类, 4个断面水质均达到Ⅲ类)
_WATER_CLASS_RE = re.compile(
    r"(?<=水质)(?:力争|确保|均)?(?:稳定|持续|总体|全面|始终|连续[\d一二三四五六七八九十]+年)*"
    r"(?:保持在?|维持在?|稳定在|达到|达|为|在|稳定)"
    r"(?:国家)?(?:地表水)?(?P<cls>(?:[ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V|[一二三四五])类(?:水质)?(?:标准)?(?:及以上|以上|或以上)?(?:标准)?)"
    r"(?=[，,。；;、\n]|进出)")
# the same class written before 水质, the water named before the verb (黄河干流某段连续4年保持Ⅱ类水质, 长江干流某段稳定达到
# Ⅱ类水质标准); not a share (达到或优于Ⅲ类水质比例) nor a class with a rate after it (达到Ⅲ类水质达标率100%)
_WATER_CLASS_BEFORE_RE = re.compile(
    r"(?:稳定|持续|总体|全面|全部|始终|常年|连续[\d一二三四五六七八九十]+年)*(?:保持在?|维持在?|稳定在|达到|达|为)"
    r"(?:国家)?(?:地表水)?(?P<cls>(?:[ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)类(?:及以上|以上|或以上)?水质(?:标准)?)"
    r"(?=[，,。；;、\n])")
_CLASS_CHANGE_WORDS = ("提升", "改善", "上升", "提高", "好转")
# the water named before such a verb holds a word of a water body
_WATER_BODY_RE = re.compile(r"[河江湖库溪渠海]|干流|支流|水系|断面|水体|水域|流域")
_WATER_CLASS_LEAD_RE = re.compile(r"^(?:确保|保障|力争|推动|实现|巩固|保持|使|其中)+")
_WATER_CLASS_SUBJECT_SPAN = 30  # characters before 水质 searched for the water's name


def _water_classes(doc: DocumentView) -> list[Candidate]:
    """The class of a named water stated in words (东江湖水质稳定保持Ⅰ类): a figure in words, its subject the water."""
    text, out = doc.text, []
    for m in _WATER_CLASS_RE.finditer(text):
        if doc.is_excluded(m.start("cls")):
            continue
        head = text[max(0, m.start() - _WATER_CLASS_SUBJECT_SPAN) : m.start()]
        water = _WATER_CLASS_LEAD_RE.sub("", re.split(r"[，,。；;：:\n]", head)[-1])  # 确保A水质: the water is A
        if len(water) < 4:  # 水质 alone: no water named
            continue
        out.append(Candidate(None, m.start("cls"), Unit(m.group("cls"), "index", 1.0), m.end("cls"), words_only=True,
                             words_metric=water))
    taken = {c.start for c in out}
    for m in _WATER_CLASS_BEFORE_RE.finditer(text):
        if (m.start("cls") in taken or doc.is_excluded(m.start("cls")) or text.endswith("水质", 0, m.start())
                or text.endswith(_CLASS_CHANGE_WORDS, 0, m.start())):  # 提升为Ⅱ类水质: a change of class
            continue
        head = re.split(r"[，,。；;：:\n]", text[max(0, m.start() - _WATER_CLASS_SUBJECT_SPAN) : m.start()])[-1]
        water = _WATER_CLASS_LEAD_RE.sub("", head)
        if len(water) < 3 or not _WATER_BODY_RE.search(water) or re.search(r"\d", water):
            continue  # 2020年达到Ⅱ类水质: no water named (a year, a deadline)
        out.append(Candidate(None, m.start("cls"), Unit(m.group("cls"), "index", 1.0), m.end("cls"), words_only=True,
                             words_metric=water + "水质"))
    return out


def _pollutant_metric(metric: str) -> str:
    """完成省下达的PM2.5指标和重污染天数控制任务 / 完成PM2.5年控目标任务: the metrics a quota of air quality names
    (a pollutant's code alone or with 指标 is its concentration; 控制 / 年控 before the goal is no part of it)."""
    return _POLLUTANT_CODE_RE.sub(r"\1浓度", _CONTROL_ENDING_RE.sub("", metric))


def words_only_unit(metric: str) -> str | None:
    """The unit of a metric a figure in words follows, by its ending (PM2.5平均浓度 -> ug_m3), if any; an amount per
    unit of output (单位GDP二氧化碳排放量) is an intensity and a part of a total (非化石能源占能源消费总量) a share, in
    percent, not a total in t."""
    unit = next((u for ending, u in _WORDS_ONLY_UNITS if metric.endswith(ending)), None)
    return "percent" if unit in ("t", "tce") and ("单位" in metric or "占" in metric) else unit


def _standard_met(doc: DocumentView, m: re.Match) -> list[Candidate]:
    """国控断面和饮用水源地水质稳定达标: of the clause's listed waters, the drinking sources' compliance rate in words."""
    clause = re.split(r"[，,。；;：:\n]", doc.text[max(0, m.start() - 40) : m.start()])[-1]
    item = re.split(r"[、和]", clause)[-1]
    if not any(w in item for w in _STANDARD_MET_SUBJECTS) or doc.is_excluded(m.start()):
        return []
    return [Candidate(None, m.start(), Unit(m.group(), "percent", 1.0), m.end(), words_only=True,
                      words_metric=item + "达标率")]


def _counted_figures(doc: DocumentView, taken: set[int]) -> list[Candidate]:
    """A、B、C首次实现“三个100%”: a quoted count of figures (quotations are otherwise no measure) is a figure
    shared by a list before it, when the list has as many items as the count says."""
    text, out = doc.text, []
    for m in _COUNTED_FIGURES_RE.finditer(text):
        start = m.start("figure")
        a, _ = doc.clause(m.start(), m.end())
        listed = text[a : m.start()].split("、")
        if start in taken or len(listed) != parse_chinese_integer(m.group("count")):
            continue
        digits = m.group("figure")[:-1]
        out.append(Candidate(Number(start, start + len(digits), digits, float(digits)), start, doc.grammar.percent,
                             m.end("figure")))
    return out


# 确保全年无重污染天气 / 全市无重污染天气 / …同比增加8天;无重污染天 (a clause of its own): none of the days counted, a figure of 0 days in words (无 of a state, not the
# 基本消除 / 全面消除 of a work, which the gold leaves as no measure)
_NONE_OF_RE = re.compile(r"(?:(?<=全年)|(?<=全[市省区县州])|(?<=实现)|(?<=确保)|(?<=[,，;；]))无(?P<what>重污染天(?:气|数)?)(?=[，,。；;、\n])")
_DAYS = Unit("", "days", 1.0)


def _none_of(doc: DocumentView) -> list[Candidate]:
    """全年无重污染天气: a count of days stated as none, its value 0 and its metric the days named after 无."""
    return [Candidate(Number(m.start(), m.start() + 1, "无", 0.0, chinese=True), m.start(), _DAYS, m.start() + 1,
                      words_metric=m.group("what"))
            for m in _NONE_OF_RE.finditer(doc.text) if not doc.is_excluded(m.start())]


# 一千公里 / 三百万吨: a numeral in words with a magnitude (百, 千, 万, 亿) is a quantity of any unit, not an article
# (money in words names a class: 过三千亿元城市, 五百亿元产业)
_MAGNITUDE_NUMERAL_RE = re.compile(r"[一二两三四五六七八九十][一二两三四五六七八九十百千万亿零]*[百千万亿][一二两三四五六七八九十百千万亿零]*")


def collective_unit(grammar: Grammar, words: str) -> str | None:
    """The unit of the figures a collective term among the words stands for (节能 -> percent), if any."""
    return next((grammar.collective_units[t] for t in grammar.collective_terms if t in words), None)


def _unit_written_backwards(text: str, num: Number) -> tuple[Unit, int] | None:
    """每立方米45微克(、60微克): a concentration whose volume is written before the number."""
    for mass, (code, factor) in _BACKWARD_MASSES.items():
        if text.startswith(mass, num.end) and _PER_VOLUME in text[max(0, num.start - _PER_VOLUME_SPAN) : num.start]:
            return Unit(_PER_VOLUME + mass, code, factor), num.end + len(mass)
    return None


def _multiplier_of(num: Number) -> str | None:
    """The multiplier a number written in digits closes on (84万 -> 万), if any."""
    return None if num.chinese else next((m for m in _LIST_MULTIPLIERS if num.text.endswith(m)), None)


_LIST_MULTIPLIERS = ("万亿", "亿", "万")


def _numbers_with_units(doc: DocumentView) -> list[Candidate]:
    text, g = doc.text, doc.grammar
    out: list[Candidate] = []
    numbers = find_numbers(text)
    # "30、50微克/立方米": a number of a list takes the unit closing the list; "3.4个、1个百分点": also when it
    # repeats only the unit's classifier (个 of 个百分点); "407、262、84万千瓦": and the multiplier closing it, as a
    # range's low end borrows its high end's (5—10万)
    shared: dict[int, tuple[Unit, int]] = {}
    list_multiplier: dict[int, str] = {}
    for k in range(len(numbers) - 2, -1, -1):
        num, nxt = numbers[k], numbers[k + 1]
        between = text[num.end : nxt.start]
        if num.chinese or not between.endswith(_UNIT_LIST_SEPARATORS):
            continue
        found = shared.get(k + 1, (None,))[0] or (None if nxt.percent else (unit_at(g, text, nxt.end) or (None,))[0])
        if found is None or found.unit == "none":
            continue
        if between in _UNIT_LIST_SEPARATORS and not unit_at(g, text, num.end):
            shared[k] = (found, num.end)
            mult = list_multiplier.get(k + 1) or _multiplier_of(nxt)
            if mult and not _multiplier_of(num):
                list_multiplier[k] = mult
        elif between[:1] and between[0] == found.surface[0] and len(found.surface) > 1 and \
                between[1:] in _UNIT_LIST_SEPARATORS:
            shared[k] = (found, num.end + 1)
    high_ends: set[int] = set()  # numbers read as the high end of a range written with its unit twice
    for k, num in enumerate(numbers):
        if k in high_ends:
            continue
        found = (g.percent, num.end) if num.percent else unit_at(g, text, num.end)
        if k in shared and (not found or shared[k][1] > num.end):
            found = shared[k]
            if k in list_multiplier:
                num = Number(num.start, num.end, num.text, num.value * MULTIPLIERS[list_multiplier[k]], qualifier=num.qualifier)
        if not found:
            found = _unit_written_backwards(text, num)
        if not found or found[0].unit == "none":
            continue
        unit, end = found
        high = _high_end(g, text, numbers, k, unit, end)
        if high is not None:  # 93.7%—94.8%: one range, as 93.7—94.8% is
            nxt, end = high
            num = Number(num.start, nxt.end, text[num.start : nxt.end], num.value, nxt.value, nxt.qualifier)
            high_ends.add(k + 1)
        if doc.is_excluded(num.start):
            continue
        before = text[max(0, num.start - 3) : num.start]
        if _CODE_BEFORE.search(before) or before.endswith("+") or text[end : end + 1] == "+":
            continue
        if before.endswith(_ORDINAL_BEFORE) or _listed_ordinal(text, num):
            continue
        if text[end : end + _SCOPE_SPAN].lstrip(" 以上下内的").startswith(g.scope_words):
            continue  # 沿岸10公里范围内 / 1公里的服务半径: a scope, not a quantity
        if unit.unit in _DISTANCE_UNITS and _ZONE_AFTER_DISTANCE_RE.match(text, end):
            continue  # 岸线1公里、5公里范围内 / 两岸各宽3公里左右区域: the zone's width, not a quantity
        if text[max(0, num.start - 8) : num.start].rstrip(" 为是共有:：").endswith(g.denominator_words):
            continue  # 自然天数365天, 优良天数364天: the base a rate is taken over
        if num.chinese and not num.percent:
            # Chinese numerals count things (四市, 两批); 一 is an article (一批, 一次)
            nxt = numbers[k + 1] if k + 1 < len(numbers) else None
            if ((unit.unit not in COUNT_UNITS and (unit.unit == "yuan" or not _MAGNITUDE_NUMERAL_RE.fullmatch(num.text)))
                    or num.text == "一" or (nxt and nxt.start == end)):
                continue
            if unit.surface == "次" and _ROUTINE_RE.search(_CLAUSE_BREAK_RE.split(text[max(0, num.start - 24) : num.start])[-1]):
                continue  # 主次干道每天吸两次、高压冲洗两次: a routine's frequency, no quantity
            if unit.surface in ("区", "县") and text[max(0, num.start - 3) : num.start].endswith(_NAMED_DISTRICTS_BEFORE):
                continue
            if unit.surface == "条" and "十" in num.text and _POLICY_ARTICLES_END_RE.match(text, end):
                continue
            if text.startswith(_FIRM_WORDS, end) and unit.surface not in _GENERIC_CLASSIFIERS:
                continue
            if unit.surface != "座" and _PLACE_NAME_AFTER_RE.match(text, end):
                continue  # 三台山 / 五台山 / 八家子河: a place's name holds the numeral (三座山 counts mountains)
        quoted = _QUOTED_NAME_AFTER_RE.match(text, end)
        if unit.unit in COUNT_UNITS and (text.startswith(g.abstract_nouns, end)
                                         or (quoted and quoted.group(1).endswith(g.abstract_nouns))):
            continue  # 两个抓手 / 9个方面重点工作 / 两条底线 / 两个“正面清单”: ideas counted, not work
        if unit.surface == "次" and _SESSION_RE.match(text, end):
            continue
        if unit.unit == "days" and text[max(0, num.start - 2) : num.start].endswith(_CAMPAIGN_LENGTH_BEFORE):
            continue  # 攻坚战冲刺30天 / 开展为期15天的专项检查: how long a campaign runs, no quantity of the environment
        if unit.unit in COUNT_UNITS and _ONE_OF_RE.match(text, end):
            continue
        per_head = unit.unit in COUNT_UNITS and _PER_BASE_BEFORE_RE.search(text, max(0, num.start - 20), num.start)
        out.append(Candidate(num, num.start, unit, end, unknown_ratio=bool(per_head) or _unknown_ratio(text, end)))
    for m in _scan(_MASK_RE, text, _MASK_HOLDS):
        found = unit_at(g, text, m.end(), allow_space=False)
        if found and found[0].unit != "none" and not doc.is_excluded(m.start()):
            out.append(Candidate(None, m.start(), found[0], found[1]))
    for m in _scan(_LETTER_MASK_RE, text, _LETTER_MASK_HOLDS):
        found = unit_at(g, text, m.end(), allow_space=False)
        if (found and found[0].unit != "none" and found[0].surface not in g.region_classifiers
                and not doc.is_excluded(m.start())):
            out.append(Candidate(None, m.start(), found[0], found[1]))
    out.sort(key=lambda c: c.start)
    return out


_CAMPAIGN_LENGTH_BEFORE = ("冲刺", "为期", "历时")  # the words before a campaign's length in days
# a period of a routine (每天, 每月) before a number of times in words in its clause: the frequency of a work routine
_ROUTINE_RE = re.compile(r"每(?:天|日|周|月|季度|年)")
_CLAUSE_BREAK_RE = re.compile(r"[,，。;；]")


def _high_end(g: Grammar, text: str, numbers: list[Number], k: int, unit: Unit, end: int
              ) -> tuple[Number, int] | None:
    """93.7%—94.8% / 4.5%-5%: the next number, right after a dash that follows this one's unit, with the same unit
    and a value not lower, is the high end of one range (a bound of the figure, not a figure of its own); with
    the end of its unit."""
    num = numbers[k]
    if num.chinese or num.high is not None or k + 1 >= len(numbers) or text[end : end + 1] not in _RANGE_DASHES:
        return None
    nxt = numbers[k + 1]
    if nxt.start != end + 1 or nxt.chinese or nxt.high is not None or nxt.value < num.value:
        return None
    found = (g.percent, nxt.end) if nxt.percent else unit_at(g, text, nxt.end, allow_space=False)
    return (nxt, found[1]) if found and found[0].surface == unit.surface else None


_RANGE_DASHES = "—–-~～"


def _scan(pattern: re.Pattern[str], text: str, holds: tuple[str, ...]):
    """pattern.finditer(text), skipped when the text holds none of what every match holds: the mask
    patterns open with optional parts, so the regex engine tries them at every character."""
    return pattern.finditer(text) if any(h in text for h in holds) else ()


def _unknown_ratio(text: str, end: int) -> bool:
    """0.53吨标准煤/万元: a unit divided by another quantity is a ratio we have no code for;
    divided by a period (1次/年) it is still a count."""
    return text[end : end + 1] == "/" and not text.startswith(PERIODS, end + 1)


def _listed_ordinal(text: str, num: Number) -> bool:
    """第二、三批 / 十一届五次、六次: a Chinese numeral listed after an ordinal is an ordinal too."""
    if not num.chinese or text[num.start - 1 : num.start] != "、":
        return False
    i = num.start - 1
    while i > 0 and text[i - 1] in "零〇一二两三四五六七八九十百":
        i -= 1
    if i == num.start - 1:  # the previous item is not a Chinese numeral
        return False
    return text[max(0, i - 2) : i].endswith(_ORDINAL_BEFORE)


def _bare_ratio_numbers(doc: DocumentView, taken: set[int]) -> list[Candidate]:
    """'劣V类比例保持为0': a ratio stated without %, right after a comparator, ends its clause; '综合指数2.80': an
    index or score, right after its metric or its verb, ends its clause."""
    out = []
    for m in _BARE_RATIO_RE.finditer(doc.text):
        if m.start() in taken or doc.is_excluded(m.start()):
            continue
        a, _ = doc.clause(m.start(), m.end())
        head = doc.text[a : m.start()]
        if any(head.rstrip("保持为达到在 ").endswith(e) for e in RATIO_ENDINGS):
            num = find_numbers(m.group())[0]
            moved = Number(m.start(), m.end(), num.text, num.value)
            out.append(Candidate(moved, m.start(), doc.grammar.percent, m.end()))
    for m in _BARE_INDEX_RE.finditer(doc.text):
        if m.start() in taken or doc.is_excluded(m.start()):
            continue
        a, _ = doc.clause(m.start(), m.end())
        if _INDEX_HEAD_RE.search(doc.text[a : m.start()]):
            num = find_numbers(m.group())[0]
            moved = Number(m.start(), m.end(), num.text, num.value)
            out.append(Candidate(moved, m.start(), _INDEX, m.end()))
    return out


def list_chains(text: str, cands: list[Candidate]) -> list[list[int]]:
    """Indices of candidates joined only by list separators (30、50微克/立方米 / 6.8%、5.4%), one list per run;
    a candidate on its own is a list of one. Run by the comparators pass, which records the result in
    Candidate.in_list (read it back with lists_of)."""
    chains: list[list[int]] = []
    i = 0
    while i < len(cands):
        chain = [i]
        while chain[-1] + 1 < len(cands):
            prev, nxt = cands[chain[-1]], cands[chain[-1] + 1]
            gap = text[prev.end : nxt.start].strip(" ")
            number_first = text[nxt.end : nxt.end + 1] == "的"  # ,53%以上的行政村…: a clause of its own
            if (len(gap) == 1 and gap in LIST_SEPARATORS and nxt.unit.unit == prev.unit.unit and not nxt.prefix
                    and not nxt.words_only and not number_first and not _count_opening_a_clause(text, gap, nxt)):
                chain.append(chain[-1] + 1)
            else:
                break
        chains.append(chain)
        i += len(chain)
    return chains


LIST_SEPARATORS = "、,，和及与"
# 以上 / 及以下 / 左右 / 上下 / 余 / 多: a suffix of the count, not the things it counts
_COUNT_SUFFIX_STARTS = ("以", "及", "左右", "上下", "余", "多")


def _count_opening_a_clause(text: str, gap: str, nxt: Candidate) -> bool:
    """…“无废城市细胞”3500余个,26个区县实现…: a count after a comma with the things it counts right after it opens a clause
    of its own, no item of a list with the count before."""
    after = text[nxt.end : nxt.end + 2]
    return (gap in "，," and nxt.unit.unit in COUNT_UNITS and after[:1] != "" and "\u4e00" <= after[0] <= "\u9fff"
            and not after.startswith(_COUNT_SUFFIX_STARTS))


def lists_of(cands: list[Candidate]) -> list[list[int]]:
    """The lists of two or more numbers the comparators pass found (Candidate.in_list), as indices."""
    return [list(range(i, i + c.in_list[1])) for i, c in enumerate(cands) if c.in_list[0] == 0 and c.in_list[1] > 1]

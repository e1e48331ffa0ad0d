"""Pass 5, kind and year: the year a measure is about (a year in its clause or paragraph, its item's
heading, the document's) and whether it is a target or an outcome, each with the name of the rule that
decided it."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from loaders.measures.candidates import COUNT_UNITS, Candidate
from loaders.measures.document import BASELINE_BEFORE, DocumentView
from loaders.measures.grammar import last_match, words_re
from loaders.measures.sections import Part, plan_period
from loaders.records import Sentence, fast_init

_DONE = "已"  # the aspect marker of completed action
_YEAR_ON_YEAR = "同比"
_CUMULATIVE = "累计"
# 完成了25个污水处理厂建设,投资7.5亿元 / 投入普查经费420万元 in a plan's review: money spent over its years (not 需投入,
# money still needed; a count or a rate after 投入, 投入运营的车辆194辆 / 研发投入强度, is no money)
_MONEY = "yuan"
_INVESTED_RE = re.compile(r"(?<!需)(?:投资|投入)")
_EACH_YEAR = "每年"
_AS_IT_STANDS_NOW_RE = re.compile(r"(?<!截至)(?<!截止)(?<!到)目前")
_SHARE_OF = "占"  # 占市域面积26.1%: a share of a whole, a level
_PART_OF = "其中"  # a clause of the parts of a count before (其中国家级5处、省级12处; not a share: 其中A占97%)
_PLAN_END_BASE = 2005  # five-year plans end in 2005, 2010, … 2025
_FROM_YEAR_OF_RE = re.compile(r"[底末]?的")  # 从2021年的 / 由2020年底的: a rise's starting point
_LEVEL_REACHED_RE = re.compile(r"(?:提高|提升|下降|降低|增长|增加|减少|改善)(?:到|至|达到)")  # 提升达到100% too
# a flow word inside a noun (污水治理率, 消除比例, 新建居住区养老设施配建率, 城市建成区, 实际完成情况): a rate, an area or a state
# named, no work done over a period (a rate of change, 排放量减少率, still is a change over it: _CHANGE_FLOWS stay)
_FLOW_IN_A_NOUN = r"(?:{})(?:[\u4e00-\u9fff]{{0,10}}?(?:率|比例)|区|情况)"
_CHANGE_FLOWS = ("增长", "增加", "下降", "提高", "提升", "减少", "改善", "削减", "降低")
# a capacity, a system, a facility or a firm to dispose of waste (危废处置能力达26万吨/年, 收运处置体系, 全市仅1家医疗废物处置
# 单位, 污水收集处置设施): things that dispose, no waste disposed of
_DISPOSERS_RE = re.compile(r"处置(?:利用)?(?:能力|体系|设施|单位|中心|企业|场|厂)")
# land zoned for building, a project under review, a title of ecological civilisation (生态文明建设示范区), value
# added (工业增加值), the disposers above: no work done
_NOUNS_OF_WORK_RE = re.compile(r"建设(?:用地|项目)|文明建设|增加值|" + _DISPOSERS_RE.pattern)
_DIGIT_RE = re.compile(r"\d")
_LEVEL_VERBS = ("达到", "达", "增至", "升至", "降至", "为")  # …、达到20.6厘米: the level a change reached
_SHARE_NAMED_RE = re.compile(r"率|占比|比例|比重")
_PARAGRAPH_SPAN = 400  # how far back a stated year of the paragraph is looked for
# 到2025年 (but 到2023年底 states where things stand, and 提升到2021年的338天 the level that year had)
_BY_YEAR_RE = re.compile(r"到\s?(?:19|20)\d\d\s?年(?![底末的])")
# 2022年底前 / 2023年前 / 到2023年底: a deadline (in a plan; a report's 到2023年底 states where things stand)
_DEADLINE_RE = re.compile(r"((?:19|20)\d\d)\s?年(?:年?[底末])?以?前|到\s?((?:19|20)\d\d)\s?年年?[底末]")
# 较2020年下降5% / 比2020年分别下降 / 与2015年相比: the year a change is counted from
_BASE_YEAR_RE = re.compile(r"(?:较|比|与|相比|相较)\s?((?:19|20)\d\d)\s?年(?:年?[底末])?")
_LAST_YEAR_BASE_RE = re.compile(r"同比|(?:较|比)(?:去年|上年|上一年)")  # a change on the year before: annual
# 重点工程减排量 / 削减量: a quantity cut over a five-year plan's years, its total (the tables write it [ ])
_FIVE_YEAR_AMOUNT_RE = re.compile(r"减排量|削减量")
# 治理沙化土地6.67万亩 / 新增水土流失治理面积975平方公里 / 坝上地区造林100万亩: land worked over a five-year plan's
# years, its total (a year's work in a report is another figure); an area's level (红线面积) names no work
_LAND_WORKED_RE = re.compile(r"治理|整治|修复|防治|治沙|造林|育林|种草|封育|绿化|复绿|抚育")
_AREA_UNITS = ("km2", "mu")
_ANNUAL_CHANGE_RE = re.compile(r"逐年|年均|每年|同比|(?:较|比)(?:去年|上年|上一年)")  # a change of each year
# “十四五”任务 / “十四五”主要污染物减排目标: a five-year plan the clause names (not “十四五”末 / 初, a time in it)
_PLAN_NAMED_RE = re.compile(r"十([一二三四五六七八九])五[”\"]?(?![末初])")
_ANY_PLAN_RE = re.compile(r"十[一二三四五六七八九]五")  # a five-year plan named, its end or start too (“十四五”末)


@fast_init
@dataclass(frozen=True)
class KindYear:
    kind: str  # "target" | "outcome"
    kind_rule: str
    year: int | None
    year_rule: str
    clause: tuple[int, int]
    sentence_start: int
    sentence_end: int
    sentence: Sentence | None
    period: str | None = None  # "2021-2025" for a figure over a five-year period; year is then its end


def kind_and_year(doc: DocumentView, c: Candidate) -> KindYear:
    s_start, s_end, sentence = doc.sentence_at(c.start)
    clause = doc.clause(c.start, c.end)
    year, year_rule = doc.year(c.start, clause)
    period = None
    reviewed = None  # (year, rule, period) of a page's review of five years, kept for an outcome
    if c.section is not None:
        if c.section.rule.startswith("plan_review") and year_rule == "year_in_paragraph" \
                and f"{year}年" not in doc.text[s_start : clause[1]]:
            year_rule = ""  # a plan's review runs long paragraphs: a year of an earlier sentence says nothing
            # (not even one of the same ';'-chain: 于2018年底全部完成…;完成…项目53个 — only its as-of date, below)
        if c.section.rule.startswith("plan_review") and year_rule not in ("year_in_clause", "year_in_paragraph"):
            chained = list(_CHAIN_DATE_RE.finditer(doc.text, _chain_start(doc, s_start), s_start))
            if chained:  # 截至2019年底,林地面积…;\n园林绿地面积972.63公顷: the date of the statement it goes on
                year, year_rule = int(chained[-1].group(1)), "year_in_chain"
        year, year_rule, period = _section_year(doc, c, clause, year, year_rule)
    elif (year_rule == "year_in_paragraph" and _in_own_plan_years(doc, year) and year < doc.meta.year
          and f"{year}年" not in doc.text[s_start : clause[1]]):
        # 到2022年底,…。确保入海断面水质100% / 2021年全省完成…。燃煤锅炉改造工程…: a milestone of a five-year
        # plan binds its own sentence; the next one is of the plan's years (its heading's year, else its own);
        # a year before the plan's (2020年,…) is the history its review tells, which goes on
        year, year_rule = doc.heading_year(c.start) or doc.meta.year, "year_of_document"
    elif (doc.doc_type == "report" and year_rule == "year_of_document" and year is not None
          and _led_by_a_period_review(doc, s_start, c.start)):
        # 过去五年,全市累计完成造林120万亩 on a page that is no work report (no parts of its own): the total of the five
        # years up to the one it is about, as in a work report's review of them
        # (its kind is left to the page's rules: 下一步将力争… in such a paragraph is still a goal, of no period)
        section = Part("outcome", year, year - 4, year, f"{year - 4}-{year}", "page_lead_period_review")
        reviewed = _section_year(doc, c.but(section=section), clause, year, year_rule)
    if (respective := _year_of_a_list(doc, c, s_start)) is not None:
        year, year_rule = respective, "year_of_list_respectively"
    period = _period_since_base(doc, c, s_start, year) or period
    kind, kind_rule = decide_kind(doc, c, clause, s_start, sentence, year)
    if reviewed is not None and kind == "outcome":
        year, year_rule, period = reviewed
    if (kind == "outcome" and year_rule == "year_of_document" and doc.meta.doc_kind == "five_year_plan"
            and doc.published_year is not None and year is not None and year >= doc.published_year
            and not _ANY_PLAN_RE.search(doc.text, s_start, c.start)):
        # 确保危险废物100%安全贮存和处置利用 under a review's 完成情况 label of a plan for 2021-2025: done before the plan,
        # in the year its review closes, not in the plan's last year (nothing of a year to come is done)
        year, year_rule = year - 5, "year_of_plan_review"
    if (period is None and kind == "target" and doc.meta.doc_kind == "five_year_plan" and year == doc.meta.year
            and (_FIVE_YEAR_AMOUNT_RE.search(c.subject)
                 or (c.unit.unit in _AREA_UNITS and _LAND_WORKED_RE.search(c.subject)
                     and not _ANNUAL_CHANGE_RE.search(doc.text, s_start, c.start))
                 or (c.is_change and not _ANNUAL_CHANGE_RE.search(doc.text, s_start, c.start)))):
        # 氮氧化物重点工程减排量1.38万吨 / 治理沙化土地6.67万亩 / 单位地区生产总值能耗下降18% in a 十四五 plan: over
        # 2021-2025 (a change with no base year written is counted from the plan's base, its first year's previous)
        period = f"{year - 4}-{year}"
    elif period is None and kind == "target" and doc.meta.doc_kind == "five_year_plan" and year == doc.meta.year:
        period = _work_over_the_plans_period(doc, c, s_start, year)
    return KindYear(kind, kind_rule, year, year_rule, clause, s_start, s_end, sentence, period)


# “十四五”期间 / 十四五时期 / “十四五”内: the whole of a five-year plan's years
_PLAN_YEARS_RE = re.compile(r"十([一二三四五六七八九])五[”\"]?(?:期间|时期|内)")


def _work_over_the_plans_period(doc: DocumentView, c: Candidate, s_start: int, year: int) -> str | None:
    """“十四五”期间,建成特色田园乡村50个 / “十四五”期间至少完成1次…排查整改 in that plan: work done over its years, their
    total (not a level, 达标率保持100%, nor work of each year, 每年实施2-3个)."""
    named = list(_PLAN_YEARS_RE.finditer(doc.text, s_start, c.start))
    if (not named or plan_period(named[-1].group(1)) != (year - 4, year)
            or c.unit.unit in ("percent", "percentage_point") or "_per_" in c.unit.unit):
        return None  # (a capacity, 60万吨/年, is a level too)
    opened = max(doc.text.rfind(p, s_start, named[-1].start()) for p in ",，;；") + 1 or s_start
    if doc.text[max(opened, s_start) : named[-1].start()].strip().rstrip("“\"") not in ("", "力争", "确保", "争取"):
        return None  # 为保证“十四五”期间各项目标的如期实现: the period qualifies a word, it does not open the work
    head = doc.text[named[-1].end() : c.start]
    if _ANNUAL_CHANGE_RE.search(head) or _SHARE_NAMED_RE.search(head):
        return None
    flows = _flow_in_a_noun_re(doc.grammar.report_words.get("period_flow", ())).sub("", _NOUNS_OF_WORK_RE.sub("", head))
    if any(w in flows for w in doc.grammar.report_words.get("period_flow", ()) if w not in _CHANGE_FLOWS):
        return f"{year - 4}-{year}"
    return None


def _led_by_a_period_review(doc: DocumentView, s_start: int, pos: int) -> bool:
    """The sentence or the line the figure is in opens on 过去五年 / 五年来 (report_sections.csv period_review_lead)."""
    leads = doc.grammar.report_words.get("period_review_lead", ())
    line_start = doc.text.rfind("\n", 0, pos) + 1
    return any(doc.text[start:pos].lstrip().startswith(leads) for start in (s_start, line_start))


# 2025年、2030年,供应能力分别达到137亿立方米、165亿立方米: a list of years, then 分别 and as many figures
_YEAR_LIST_RE = re.compile(r"(?:19|20)\d\d\s?年(?:\s?[、和及与至]\s?(?:19|20)\d\d\s?年)+")
_YEAR_IN_LIST_RE = re.compile(r"((?:19|20)\d\d)\s?年")


def _year_of_a_list(doc: DocumentView, c: Candidate, s_start: int) -> int | None:
    """The year of a list of years the figure's place in the list after 分别 gives (the second figure, the second year)."""
    text = doc.text
    m = last_match(_YEAR_LIST_RE, text, s_start, c.start)
    if m is None or "至" in m.group(0) or (each := text.find("分别", m.end(), c.start)) < 0:
        return None
    years = [int(y) for y in _YEAR_IN_LIST_RE.findall(m.group(0))]
    k = text.count("、", each, c.start)
    return years[k] if k < len(years) and text.count("、", each, doc.clause(c.start, c.end)[1]) == len(years) - 1 else None


def _chain_start(doc: DocumentView, s_start: int) -> int:
    """Where a statement chained by ';' over sentences starts (截至2019年底,林地面积…;\n园林绿地面积…: the lines a
    PDF broke after ';' go on with the first one's date)."""
    while True:
        end = s_start
        while end > 0 and doc.text[end - 1].isspace():
            end -= 1
        if end == 0 or doc.text[end - 1] not in _CHAIN_MARKS:
            return s_start
        s_start = doc.sentence_at(end - 1)[0]


def _section_year(doc: DocumentView, c: Candidate, clause: tuple[int, int], year: int | None,
                  year_rule: str) -> tuple[int | None, str, str | None]:
    """In a part of a work report (sections.py): a year the text states within the part's range, else the
    part's year; in a five-year review, a change or a total of work done is over the period."""
    part = c.section
    stated = year if year_rule in ("year_in_clause", "year_in_paragraph", "year_in_chain") else None
    if stated is not None and year_rule != "year_in_chain" \
            and f"{stated}年" not in doc.text[max(0, clause[0] - _PARAGRAPH_SPAN) : clause[1]]:
        stated = None  # 今年 / 明年: a work report's own year decides, not the guessed date of publication
    if stated is not None and _started_from(doc, f"{stated}年", max(0, clause[0] - _PARAGRAPH_SPAN), c.start):
        stated = None  # 从2021年的46503元分别提高到58794元 / 2022年以来: the year a rise or run started, not the figure's
    if stated is not None and part.first <= stated <= part.last:
        year = stated
    else:
        year, year_rule = part.year, "year_of_" + part.rule  # year_of_work_report_lead_year_review
    period = part.period if year == part.year else None  # 到2027年 in a five-year part: that year alone
    if (period and part.kind == "outcome" and stated == year
            and _year_alone(doc, f"{stated}年", doc.sentence_at(c.start)[0], clause[1])
            and _AVERAGE_OVER_YEARS not in doc.text[clause[0] : c.start]):
        # 2020年共办理案件120件,罚款1029万元: the year its sentence states, even the period's last (but 2020年消费量
        # 47亿立方米,年均增长5.6%: an average over the period's years). A goal of the next period stating its last
        # year (产量2030年达到300亿立方米, 2030年前实现碳达峰…,巢湖水质稳定达到Ⅲ类) is still the period's goal
        period = None
    if period and part.kind == "outcome":
        head = doc.text[clause[0] : c.start]
        if head.lstrip().startswith(_PART_OF) and c.unit.unit in COUNT_UNITS:
            head = doc.text[doc.clause(clause[0] - 1, clause[0] - 1)[0] : c.start]  # 创建…17处,其中省级12处: its verb
        flows = _LEVEL_REACHED_RE.sub("", head)  # 森林覆盖率提高到42.5%: the level reached, not a change
        if c.unit.unit == "percent" and _SHARE_OF in flows:
            flows = flows[flows.rindex(_SHARE_OF) :]  # 划定并严守占市域面积26.1%的红线: a share, what the verb made
        flows = _flow_in_a_noun_re(doc.grammar.report_words.get("period_flow", ())).sub("", _NOUNS_OF_WORK_RE.sub("", flows))
        before, _, last = flows.rpartition("、")
        if _DIGIT_RE.search(before) and (_SHARE_NAMED_RE.search(last) or last.startswith(_LEVEL_VERBS)):
            # 外送电量年均增长6%、绿电占比超三成 / 耕层厚度提升3.5%、达到20.6厘米: the change is the figure before's;
            # a share or the level reached follows
            flows = last
        if not (c.is_change or any(w in flows for w in doc.grammar.report_words.get("period_flow", ()))
                or (c.unit.unit in COUNT_UNITS and _reviews_a_period(part.rule)
                    and (_work_done_after(doc, c, clause) or c.unit.surface == _TIMES))
                or (c.unit.unit == _MONEY and part.rule.startswith("plan_review") and _INVESTED_RE.search(flows))
                or (c.words_only and _names_the_plan(doc, c, period))):
            period = None  # a level at the period's end (森林覆盖率达25%; 年均浓度, an annual mean, is one)
        elif _EACH_YEAR in head:
            period = None  # 每年开展活动3万场: a figure of each year, not the period's total
        elif _AS_IT_STANDS_NOW_RE.search(head):
            period = None  # 目前已建成10个污水处理厂 / 名录(目前共25家): the stock now (截至目前已完成: work up to now)
        elif _YEAR_ON_YEAR in head:
            period = None  # 同比下降16.7%: against the year before, not over the period
    elif part.kind == "outcome" and part.period is None and year == part.year and (c.is_change or c.words_only):
        named = [plan_period(m.group(1)) for m in _PLAN_NAMED_RE.finditer(doc.text, clause[0], c.end)]
        if named and named[-1][1] == year:
            # 提前完成“十四五”主要污染物减排目标任务 / 能耗累计降幅完成“十四五”任务 in the review of 2025: the plan's
            # goal over its years
            period = "{}-{}".format(*named[-1])
        elif c.is_change and _CUMULATIVE in doc.text[clause[0] : c.start] and (year - _PLAN_END_BASE) % 5 == 0:
            # 能耗强度累计下降17.3% in the review of 2025, the last year of a five-year plan: over the plan's years
            period = f"{year - 4}-{year}"
    return year, year_rule, period


def _reviews_a_period(rule: str) -> bool:
    """A plan's review of the last plan, or a work report's of the five years (这五年, 19家企业战略性重组: the
    things counted, then the work done to them over the period, as the dev gold's 河南 row)."""
    return rule.startswith("plan_review") or rule.endswith("_period_review")


_TIMES = "次"  # 5次调高基础养老金标准 in a review of five years: times something was done over them


# 截至2020年底 / 到2020年 / 2016-2020年 / 2020年以来: a year that closes or opens a run, not a year alone
_AVERAGE_OVER_YEARS = "年均"
_CHAIN_MARKS = (";", "；")
_CHAIN_DATE_RE = re.compile(r"(?:截至|截止|到)\s?((?:19|20)\d\d)\s?年")  # the date a chained statement is as of
_YEAR_OF_A_RUN_BEFORE_RE = re.compile(r"(?:截至|截止|到|至|[-—–~])\s?$")


def _year_alone(doc: DocumentView, year_word: str, start: int, end: int) -> bool:
    """year_word stands in text[start:end] as the year of its figures (2020年共…), not as a run's end or start."""
    at = doc.text.find(year_word, start, end)
    while at >= 0:
        if (not _YEAR_OF_A_RUN_BEFORE_RE.search(doc.text, max(0, at - 3), at)
                and not doc.text.startswith(("以来", "底", "末"), at + len(year_word))):
            return True
        at = doc.text.find(year_word, at + 1, end)
    return False


def _started_from(doc: DocumentView, year_word: str, start: int, end: int) -> bool:
    """The last year_word before end opens a run (2022年以来) or is the start of a rise to the level at end
    (从2021年的46503元提高到58794元)."""
    at = doc.text.rfind(year_word, start, end)
    if at < 0:
        return False
    after = at + len(year_word)
    if doc.text.startswith("以来", after):
        return True
    return (doc.text[at - 1 : at] in "从由" and at > 0 and _FROM_YEAR_OF_RE.match(doc.text, after) is not None
            and _LEVEL_REACHED_RE.search(doc.text, after, end) is not None)


def _in_own_plan_years(doc: DocumentView, year: int | None) -> bool:
    """year is one of a five-year plan's own years or later (2021 in a plan ending 2025), not the history before."""
    return (doc.meta.doc_kind == "five_year_plan" and doc.meta.year is not None and year is not None
            and year > doc.meta.year - 5)


def _names_the_plan(doc: DocumentView, c: Candidate, period: str) -> bool:
    """A figure in words names the plan of the period (超额完成省上下达的“十三五”减排目标 in a review of 2016-2020):
    the plan's goal met over its years, like 完成“十四五”任务 in a work report's review of them."""
    named = [plan_period(m.group(1)) for m in _PLAN_NAMED_RE.finditer(doc.text, c.start, c.end)]
    return bool(named) and "{}-{}".format(*named[-1]) == period


def _work_done_after(doc: DocumentView, c: Candidate, clause: tuple[int, int]) -> bool:
    """110座污水处理厂完成提标改造 / 3049处产污设施安装监测点: the things counted, then the work done to them (not a
    change, 10个断面水质提高, which is the level's)."""
    if doc.text[clause[0] : c.start].rstrip().endswith(_LEVEL_VERBS):
        return False  # 普通高等学校达66所、累计招生117.6万人: the level reached; the work is the next item's
    words = tuple(w for w in doc.grammar.report_words.get("period_flow", ()) if w not in _CHANGE_FLOWS)
    tail = _flow_in_a_noun_re(words).sub("", _DISPOSERS_RE.sub("", doc.text[c.end : clause[1]]))
    return any(w in tail for w in words)


@functools.cache
def _flow_in_a_noun_re(words: tuple[str, ...]) -> re.Pattern[str]:
    words = tuple(w for w in words if w not in _CHANGE_FLOWS)
    return re.compile(_FLOW_IN_A_NOUN.format("|".join(map(re.escape, words))) if words else "(?!)")


def _period_since_base(doc: DocumentView, c: Candidate, s_start: int, year: int | None) -> str | None:
    """A change counted from a year its sentence names before it (到2025年,用水量较2020年下降5%; 2020年臭氧
    浓度较2016年上升13.3%) covers the years after that one up to the figure's year: 2021-2025, 2017-2020.
    None when the base is the year before (an annual change) or a change on last year comes after it."""
    if not c.is_change or year is None:
        return None
    head = doc.text[s_start : c.start]
    found = None
    for m in _BASE_YEAR_RE.finditer(head):
        found = m  # the last base named before the number
    if found is None or _LAST_YEAR_BASE_RE.search(head, found.end()):
        return None
    base = int(found.group(1))
    return f"{base + 1}-{year}" if year - base >= 2 else None


class KindContext(NamedTuple):
    """What a kind rule may read about one candidate (a tuple: one is built per candidate)."""

    doc: DocumentView
    c: Candidate
    clause: tuple[int, int]
    sentence_start: int
    sentence: Sentence | None
    year: int | None

    @property
    def head(self) -> str:  # the clause up to the number
        return self.doc.text[self.clause[0] : self.c.start]

    @property
    def clause_text(self) -> str:
        return self.doc.text[self.clause[0] : self.clause[1]]


Decision = tuple[str, str] | None  # (kind, rule name), or None: the rule does not apply


def _task_named(x: KindContext) -> Decision:
    """占年度任务(1026台)55.75%: a number named as the task (but 超出年度任务37.3% is an outcome)."""
    named = x.head.rstrip(" (（为是:：")
    if (len(named) < len(x.head) and named.endswith(x.doc.grammar.task_markers)) or _GOALS_NAMED_RE.search(x.head):
        return "target", "kind_task_named"
    return None


def _share_of_the_task_done(x: KindContext) -> Decision:
    """完成年度任务的108.5% / 超出年度任务37.3% / 占任务数的118.7%: the part of a task done, measured (unless the clause
    sets it as a goal: 确保完成年度任务的100%)."""
    if x.c.unit.unit != "percent" or x.c.suffix is not None or not _SHARE_OF_TASK_RE.search(x.head):
        return None  # (完成…目标任务60%以上: a floor is a goal's)
    if words_re(x.doc.grammar.target_markers).search(x.doc.text, *x.clause):
        return None
    return "outcome", "kind_share_of_task_done"


_SHARE_OF_TASK_RE = re.compile(r"(?:完成|超出|超额完成|占)[^,，;；。]{0,16}?(?:任务|目标)(?:数|量)?的?\s*$")


# 年度削减目标分别为1%、【2.5%】 / 目标为: each figure after is the goal named
_GOALS_NAMED_RE = re.compile(r"(?:目标|任务)(?:分别|均)?(?:为|是)[:：]?(?:[^,，;；。]*[、和及与])?\s*$")


def _task_of(x: KindContext) -> Decision:
    """下达的淘汰1283台的年度任务: the number of a task; 降低3.89%的目标任务全面完成: that task, done."""
    text, g, c = x.doc.text, x.doc.grammar, x.c
    if text.startswith("的", c.end) and text.startswith(g.task_markers + ("任务", "目标"), c.end + 1):
        if words_re(g.done_markers).search(text, c.end, x.clause[1]):
            return "outcome", "kind_task_done"
        return "target", "kind_task_of"
    return None


# 未完成…下降15%的改善目标 / 未达到2020年20%的规划指标: a goal the text says was missed (the clause up to it negates
# reaching it; the number qualifies the goal with 的)
_NOT_REACHED_RE = re.compile(r"(?:未|未能|没有|尚未)(?:完成|达到|实现)")
_GOAL_OF_RE = re.compile(r"的[\u4e00-\u9fff]{0,6}?(?:目标|指标|任务)")


def _goal_not_met(x: KindContext) -> Decision:
    """未完成“十三五”PM2.5浓度下降15%的改善目标: the goal a review says was missed is a target, not what was done."""
    if _GOAL_OF_RE.match(x.doc.text, x.c.end, x.clause[1]) and _NOT_REACHED_RE.search(x.head):
        return "target", "kind_goal_not_met"
    return None


# 全年计划完成农村改厕3000户 / 拟新增造林1.2万亩 / 计划利用2年时间,完成3000户…治理: work a plan's word (计划, 拟) puts before
# its verb, the number's clause running on from that verb: planned, not done, even in a review (but 按计划完成 / 超计划 /
# 原计划: done by or beyond the plan; 年度计划投资, 计划的: a plan named, no plan's word)
_PLANNED_WORK_RE = re.compile(r"(?<![按照超原度总划])(?:计划|拟)(?:(?:于|在|用|利用)[^,，;；。]{0,10}?[,，]?)?"
                              r"(?:完成|新建|建成|建设|实施|新增|改造|治理|整治|开工|淘汰|关停|拆除|造林|种植|安装|创建)"
                              r"(?P<rest>[^,，;；。已]*)$")


def _planned_work(x: KindContext) -> Decision:
    """全年计划完成农村改厕3000户,实际完成3200户: the number of work 计划 or 拟 plans is a target (the year stays the
    year reviewed), wherever the sentence stands. Not works counted after the verb (计划实施…重点工程项目618个、总投资
    1069.31亿元 in a progress report, 谋划储备近两年计划实施项目922个: 计划实施 qualifies the projects, a set reported)."""
    m = _PLANNED_WORK_RE.search(x.doc.text, x.sentence_start, x.c.start)
    if m is None:
        return None
    verb_end = m.start("rest")
    first = _DIGIT_RE.search(x.doc.text, verb_end, x.c.start)  # the first figure after the verb, this one or before it
    if x.doc.text[verb_end : first.start() if first else x.c.start].rstrip().endswith(_WORKS_COUNTED):
        return None
    return "target", "kind_planned_work"


_WORKS_COUNTED = ("项目", "工程")


def _report_section(x: KindContext) -> Decision:
    """A government work report's review (outcomes) or plan (targets): the part the number sits in."""
    if x.c.section is not None:
        return x.c.section.kind, "kind_" + x.c.section.rule  # kind_work_report_heading_period_goals
    return None


def _goal_quoted(x: KindContext) -> Decision:
    """2030年目标为“建成污水处理设施36座”: a figure of the goal's own words, quoted after the words naming it."""
    if any(a < x.c.start < b for a, b in x.doc.goal_quotes):
        return "target", "kind_goal_quoted"
    return None


def _by_year(x: KindContext) -> Decision:
    """到2020年,黑臭水体控制在10%以内: a goal by a year, even one now past; and the goals chained after it by ';'
    (到2020年,受污染耕地安全利用率达到90%;污染地块安全利用率达到90%: the year opens the whole statement)."""
    if _BY_YEAR_RE.search(x.doc.text, _chain_start(x.doc, x.sentence_start), x.c.start) and not words_re(
            x.doc.grammar.outcome_markers).search(x.doc.text, *x.clause):
        return "target", "kind_by_year"
    return None


def _plan_deadline(x: KindContext) -> Decision:
    """2022年底前,城市清洁取暖率达到93% in a five-year plan published in 2022: a goal of the plan on the way
    to its last year, not a year past (a deadline before the plan was published is history, but for one within
    a five-year plan's own years: 2021年年底前 in a 十四五 plan drafted in 2021 and published in 2022)."""
    doc = x.doc
    if doc.doc_type != "plan":
        return None
    found = None
    for m in _DEADLINE_RE.finditer(doc.text, x.sentence_start, x.c.start):
        found = m  # the last deadline before the number
    if found is None or any(m in x.clause_text for m in doc.grammar.outcome_markers):
        return None
    year = int(found.group(1) or found.group(2))
    if doc.published_year is not None and year < doc.published_year and not _in_own_plan_years(doc, year):
        return None
    return "target", "kind_plan_deadline"


def _year_before_document(x: KindContext) -> Decision:
    """2022年完成销号的62条 in a document about 2023: what was done (but 2022年,至少有1个区实现垃圾分类全覆盖 in a
    five-year plan published in 2021 is a goal on the way to its last year, and a year within a five-year plan's
    own years is left to _year_before_publication)."""
    meta_year, published = x.doc.meta.year, x.doc.published_year
    if x.doc.doc_type == "plan" and published is not None and x.year is not None and x.year > published:
        return None
    if _in_own_plan_years(x.doc, x.year):
        return None  # 2021年全省散煤替代7.6万户 in a 十四五 plan's tasks: a year of its own, left to publication
    if meta_year is not None and x.year is not None and x.year < meta_year:
        return "outcome", "kind_year_before_document"
    return None


def _section_label(x: KindContext) -> Decision:
    """工作任务 / 完成情况: the label of the section holding the sentence (loaders/items.py)."""
    if x.sentence is not None and x.sentence.section_kind:
        return x.sentence.section_kind, "kind_section_label"
    return None


def _in_report(x: KindContext) -> Decision:
    """In a report: a plan inside it (拟 / 力争 … earlier in the sentence or in the clause), a later year
    that nothing says is done yet ("2024年新建管网100公里" in a report on 2023); else what was done."""
    doc, g = x.doc, x.doc.grammar
    if doc.doc_type != "report":
        return None
    if words_re(g.target_markers).search(doc.text, min(x.sentence_start, x.clause[0]), x.clause[1]):
        return "target", "kind_report_target_marker"
    in_clause = bisect.bisect_left(doc.year_positions, x.clause[0]) < bisect.bisect_left(doc.year_positions, x.clause[1])
    later = in_clause and doc.meta.year is not None and x.year is not None and x.year > doc.meta.year
    if later and not words_re(g.outcome_markers).search(doc.text, *x.clause):
        return "target", "kind_report_later_year"
    return "outcome", "kind_report"


def _year_before_publication(x: KindContext) -> Decision:
    """2021年,全市优良天数为310天 in a plan published in 2022: a plan recalling what is done."""
    stated = x.doc.text_year(x.c.start, x.clause)
    if x.doc.published_year is not None and stated is not None and stated < x.doc.published_year:
        return "outcome", "kind_year_before_publication"
    return None


def _reported(x: KindContext) -> Decision:
    """Without a target marker in the sentence: a source's figures (据了解,全县优良天数为364天) and a rank
    (优良天数为310天,位居全省第一: earned, not planned) are outcomes."""
    doc, g, pos = x.doc, x.doc.grammar, x.c.start
    if words_re(g.target_markers).search(doc.text, x.sentence_start, x.clause[1]):
        return None
    if words_re(g.reporting_markers).search(doc.text, doc.text.rfind("\n", 0, pos) + 1, pos):
        return "outcome", "kind_reported_source"
    sentence_text = doc.text[x.sentence_start : x.clause[1] + 24]
    if doc.published_year is not None and x.year is not None and x.year > doc.published_year:
        return None  # “十四五”末…达到600万千瓦左右,应用规模位居全国前列 in a plan of 2021: a rank still to earn
    if g.rank_re.search(sentence_text[: sentence_text.find("。") + 1 or None]):
        return "outcome", "kind_rank"
    return None


def _done_aspect(x: KindContext) -> Decision:
    """全省已建成污水处理厂120座: the aspect 已 before the number (but 升级已上线的13个应用 is planned work, and
    a rate of the things 已 qualifies, 确保已建治理设施运行率达到80%, is a rate like any other)."""
    head = x.head
    i = head.rfind(_DONE)
    if i >= 0 and "的" not in head[i:] and not _SHARE_NAMED_RE.search(head, i):
        return "outcome", "kind_done_aspect"
    return None


# 共实施了20条小流域治理 / 开展了…工程: a verb of work with the aspect 了, the work done
_FUTURE_RE = re.compile(r"将|预计|计划|力争|拟|年底前")  # 完成了…,今年底…将累计达到260万吨/日: the work after is to come
_DONE_WITH_LE_RE = re.compile(r"(?:完成|实施|开展|建成|治理|整治|改造|新建|关停|淘汰|取缔|拆除|修复|划定|创建)了")
# 优良天数332天,…均创新标准实施以来新纪录 / 创历史最好水平: a record the statement says was set
_RECORD_RE = re.compile(r"创[^,，。;；]{0,16}?(?:新纪录|新高|最好水平|最好成绩|最高纪录|最好纪录|最优水平)")
# 过去5年, / 过去的一年 / 五年来: a span of years the text looks back on
_PAST_SPAN_RE = re.compile(r"过去的?(?:[一二三四五六七八九十]|\d{1,2})年|(?<![\d近])(?:[一二三四五六七八九十]|\d{1,2})年来")


# 一季度, / 2024年上半年, / 1—9月份, opening a statement: a part of the year, measured when compared 同比
_PART_OF_YEAR_LEAD_RE = re.compile(r"(?:(?:19|20)\d\d\s?年)?(?:上半年|前三季度|第?[一二三]季度|1\s?[-—–~至到]\s?\d{1,2}\s?月份?)[,，]")
_CHAIN_END_RE = re.compile(r"[。\n]")


def _said_done(x: KindContext) -> Decision:
    """去年,全省完成水土流失综合治理面积273万亩 / 1994—2008年,共实施了20条小流域的治理 in a page of no known date or
    kind: a year the text calls past (去年, 上年; not the base of a comparison, 比上年) or a verb of work with the aspect
    了 before the number in its sentence says the figure was reached, whatever else the page plans; so does a statement
    opened by a past part of the year (一季度, 上半年, 1—9月份) that compares its figures year on year (同比) and sets
    no goal (确保, 力争); so does a span of years the text looks back on (过去5年, 五年来) before the figure, and a
    record the statement says was set (创…新纪录, 创历史最好水平) with no goal word."""
    doc = x.doc
    start = _chain_start(doc, x.sentence_start)
    if _PART_OF_YEAR_LEAD_RE.match(doc.text, start):
        end = _CHAIN_END_RE.search(doc.text, x.c.end)
        chain = doc.text[start : end.start() if end else len(doc.text)]
        if _YEAR_ON_YEAR in chain and not words_re(doc.grammar.target_markers).search(chain):
            return "outcome", "kind_part_of_year_measured"
    done = last_match(_DONE_WITH_LE_RE, doc.text, start, x.c.start)
    if done is not None and not _FUTURE_RE.search(doc.text, done.end(), x.c.start):
        return "outcome", "kind_done_with_le"
    end = _CHAIN_END_RE.search(doc.text, x.c.end)
    sentence = doc.text[start : end.start() if end else len(doc.text)]
    if _RECORD_RE.search(sentence) and not words_re(doc.grammar.target_markers).search(sentence):
        return "outcome", "kind_record_set"
    span = last_match(_PAST_SPAN_RE, doc.text, start, x.c.start)
    if span is not None and not _FUTURE_RE.search(doc.text, span.end(), x.c.start):
        return "outcome", "kind_past_span"
    for word, offset in doc.grammar.time_words.items():
        if offset >= 0:
            continue
        at = start
        while (i := doc.text.find(word, at, x.c.start)) >= 0:
            if not doc.text[max(0, i - 2) : i].endswith(BASELINE_BEFORE):
                return "outcome", "kind_past_year_word"
            at = i + len(word)
    return None


# The kind rules in order; the first that applies decides. A new rule is a function of a KindContext
# returning (kind, rule name) or None, put at its place here.
KIND_RULES = (_task_named, _task_of, _goal_not_met, _goal_quoted, _planned_work, _report_section, _by_year, _plan_deadline, _year_before_document, _section_label,
              _in_report, _year_before_publication, _reported, _done_aspect, _said_done,
              _share_of_the_task_done)


def decide_kind(doc: DocumentView, c: Candidate, clause: tuple[int, int], sentence_start: int,
                sentence: Sentence | None, year: int | None) -> tuple[str, str]:
    """(kind, rule): the first of KIND_RULES that applies; else a target of a plan."""
    x = KindContext(doc, c, clause, sentence_start, sentence, year)
    for rule in KIND_RULES:
        decided = rule(x)
        if decided is not None:
            return decided
    return "target", "kind_plan"

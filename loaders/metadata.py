"""Stage 2: clean text (+ page-header fields) -> Metadata.

title        header 名称/信息名称/..., else the first title-like line of the body (with the line above it when
             that is its first half), else the file name when it reads as a title
issuer       header 发布机构/..., else a signature line (XX市人民政府), else 'XX印发《…》'
doc_number   header 文件编号/..., else a line holding only a number such as 常政发〔2023〕23号
published_on header date fields, else a signature date line (2023年4月17日)
region       the first that answers of the ordered rules of _PLACE_RULES: regions named in the title, then in
             a speech's opening, then in the issuer, then the body's most named one, made precise by the file
             name (三亚.txt) or the city a city's report names bare (现代化三亚)
region_scope the level the document speaks for: province | city (the region's own level), or
             county when it names, or speaks for (全县), a county-level division of its region;
             county_name/county_code name that division (GB/T 2260, cpca's table) when known
doc_type     the type keyword ending last in the title (工作方案 -> plan, 完成情况 -> report),
             else cues of the body
year         the year the document is about: a plan of a period (十四五, 2021-2023年) its last year, a work
             report the year it plans; else the title's year; else for a plan the first
             20xx年 of the body, for a report the year its body names most often
Keyword dictionaries: loaders/data/metadata_keywords.csv.
A file's own properties (a PDF's title and date, an export's title, date, region and year columns) fill only
what the text leaves null (apply_properties).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path

from loaders.items import starts_with_number_marker
from loaders.numbers import parse_chinese_integer
from loaders.reading import t2s
from loaders.records import Metadata
from loaders.regions import Region, RegionIndex, RegionMention

KEYWORDS_CSV = Path(__file__).parent / "data" / "metadata_keywords.csv"

_SENTENCE_ENDS = ("。", ";", ":", ",")
_HEAD_LINES = 15  # title-like lines are looked for among the first lines only
_FALLBACK_TITLE_LINES = 3  # else a short line among the very first ...
_MIN_FALLBACK_TITLE_CHARS = 6  # ... that is longer than a label (会议认为, 发布会)
# A page <title> copied into the text: "标题-站点名" / "标题_站点名" / "标题|站点名"
_SITE_SUFFIX = re.compile(r"(?<=[\u4e00-\u9fff》”)])\s*[-_|–—]\s*(?![\d—-])[^-_|–—]{1,20}$")
_MAX_TITLE_CHARS = 80
_MAX_SIGNATURE_CHARS = 30
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*(?:年|—|-|–)")  # 2023年 / 2023年度 / 2021—2025年
# the literal 2 first, looked behind after it: the engine jumps to each 2 (measures/document.py YEAR_RE)
_BODY_YEAR = re.compile(r"(2(?<![\d〔\[(/-]2)0\d{2})\s*年")
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[(【]\s*(?:19|20)\d{2}\s*[〕\])】]\s*\d{1,4}\s*号")
_DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_DATE_LINE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")
_CN_DATE_LINE = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_BOOK_TITLE = re.compile(r"《([^《》]{2,60})》")
# a forwarding notice's body: 《…规划》已经市政府同意,现印发给你们 issues the document it names
_FORWARDED = re.compile(r"《([^《》]{4,60})》[^《》。\n]{0,40}?印发给你们")
# a document number alone on its line, whatever its brackets came out as (市政办发„2022 ‟91号): no title
_NUMBER_LINE = re.compile(r"[\u4e00-\u9fff]{1,12}\s*\S?\s*(?:19|20)\d{2}\s*\S?\s*\d{1,4}\s*号")


# Kinds tried in this order: 整改 decides whatever else a title says, a work report or bulletin is
# one whatever it reviews, a report on a plan (规划完成情况) is a progress report, not the plan.
_DOC_KIND_ORDER = ("rectification_report", "work_report", "bulletin", "progress_report", "five_year_plan", "annual_plan")


@dataclass(frozen=True)
class _Keywords:
    title_fields: list[str]
    issuer_fields: list[str]
    source_fields: list[str]
    number_fields: list[str]
    date_fields: list[str]
    title_endings: tuple[str, ...]
    doc_types: dict[str, str]  # keyword -> plan | report
    body_cues: dict[str, str]
    level_cues: dict[str, str]  # 全省 -> province, 全市 -> city, 全县 -> county, 全国 -> national
    issuer_suffixes: tuple[str, ...]
    conjunctions: tuple[str, ...]  # 和 / 及 / 暨: "2023年工作总结和2024年工作计划"
    summary_words: tuple[str, ...]  # 总结 / 回顾: the year next to them is the year reported on
    not_issuers: frozenset[str]  # 来源 values that name no body: 本站, 网络
    this_year_words: tuple[str, ...]  # 今年 / 本年度: a year named relative to the publication
    doc_kinds: dict[str, list[str]]  # doc_kind -> title words naming it
    plan_periods: tuple[str, ...]  # 十四五 / 五年: a 规划 naming one is a five-year plan
    work_report_cues: tuple[str, ...]  # 向大会报告 / 作工作报告: an opening addressed to a congress
    work_report_body_cues: tuple[str, ...]  # 政府自身建设: a section only work reports have
    speaker_levels: dict[str, str]  # 省 / 市 / 行署 ... -> the level of the government a speech is given for


@lru_cache(maxsize=1)
def _keywords() -> _Keywords:
    rows: dict[str, list[tuple[str, str]]] = {}
    with open(KEYWORDS_CSV, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"].startswith("#"):
                continue
            rows.setdefault(row["kind"], []).append((row["keyword"], row["value"] or ""))

    def by_priority(kind: str) -> list[str]:
        return [k for k, _ in sorted(rows[kind], key=lambda kv: int(kv[1]))]

    return _Keywords(
        title_fields=by_priority("title_field"),
        issuer_fields=by_priority("issuer_field"),
        source_fields=by_priority("source_field"),
        number_fields=by_priority("number_field"),
        date_fields=by_priority("date_field"),
        title_endings=tuple(k for k, _ in rows["title_ending"]),
        doc_types=dict(rows["doc_type"]),
        body_cues=dict(rows["body_cue"]),
        level_cues=dict(rows["level_cue"]),
        issuer_suffixes=tuple(sorted((k for k, _ in rows["issuer_suffix"]), key=len, reverse=True)),
        conjunctions=tuple(sorted((k for k, _ in rows["conjunction"]), key=len, reverse=True)),
        summary_words=tuple(k for k, _ in rows["summary_word"]),
        not_issuers=frozenset(k for k, _ in rows["not_issuer"]),
        this_year_words=tuple(k for k, _ in rows["this_year"]),
        doc_kinds={kind: [k for k, v in rows["doc_kind"] if v == kind] for kind in _DOC_KIND_ORDER},
        plan_periods=tuple(k for k, _ in rows["plan_period"]),
        work_report_cues=tuple(k for k, _ in rows["work_report_cue"]),
        work_report_body_cues=tuple(k for k, _ in rows["work_report_body_cue"]),
        speaker_levels=dict(rows["speaker_level"]),
    )


def _first_field(header: dict[str, str], fields: list[str]) -> str | None:
    return next((header[f].strip() for f in fields if header.get(f, "").strip()), None)


# --- title, issuer, number, date ---------------------------------------------------------


# A numbered heading of the body (一、2024年工作总结 / (二)… / 3. / 第一章) is never the title
# (items.starts_with_number_marker).
_PAGE_DATE_TIME = re.compile(r"(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")  # a byline or page stamp, not a title


_TRAILING_NUMBER = re.compile(r"\s*[(（][^()（）]{1,30}[)）]?$")  # a document number in brackets, closed or cut off


def _is_link_bar(line: str) -> bool:
    """要闻 | 城市 | 原创 | 滚动: a page's navigation, pieces joined by bars."""
    return line.count("|") + line.count("丨") >= 2


def _is_title_like(line: str) -> bool:
    if _is_link_bar(line) or len(line) > _MAX_TITLE_CHARS or line.endswith(_SENTENCE_ENDS) or starts_with_number_marker(line):
        return False
    if _PAGE_DATE_TIME.search(line):
        return False
    if _BOOK_TITLE.search(line):
        return True
    core = _TRAILING_NUMBER.sub("", line)  # 关于印发…的通知(鄂环发〔2024〕1号)
    core = re.sub(r"(的通知|》|\))$", "", core)
    return line.endswith(_keywords().title_endings) or core.endswith(_keywords().title_endings)


def _without_site_name(line: str) -> str:
    """'2024年某市工作要点-某某网' -> '2024年某市工作要点' when what is left is still a title."""
    m = _SITE_SUFFIX.search(line)
    if m is None or line.endswith(_keywords().title_endings):  # "大气治理-秋冬季攻坚方案" is one title
        return line
    stripped = line[: m.start()]
    return stripped if len(stripped) >= _MIN_FALLBACK_TITLE_CHARS else line


# A speech or a report to a congress opens with its audience: "尊敬的各位领导:", "各位代表:"
_SALUTATION = re.compile(r"(?:尊敬的[\u4e00-\u9fff、]{1,20}|各位[\u4e00-\u9fff、]{1,12}|同志们)[::]")


def _before_salutation(line: str) -> str:
    """'…情况汇报尊敬的各位领导:…' (a title run into the salutation on one line) -> '…情况汇报'."""
    m = _SALUTATION.search(line)
    if m and m.start() >= _MIN_FALLBACK_TITLE_CHARS and _is_title_like(line[: m.start()]):
        return line[: m.start()]
    return line


def _title_head(line: str) -> bool:
    """A line that can be the first half of a title broken over two lines (青岛市温室气体减排和…协同控制 /
    三年行动计划(2021-2023年); 某市人民政府办公室关于印发 / 某某规划的通知): long enough, no sentence, label,
    date, document number or navigation."""
    return (_MIN_FALLBACK_TITLE_CHARS <= len(line) <= _MAX_TITLE_CHARS and not line.endswith(_SENTENCE_ENDS)
            and not re.search(r"[:：,，。]", line) and not _PAGE_DATE_TIME.search(line) and not _is_link_bar(line)
            and not starts_with_number_marker(line) and not _DOC_NUMBER.search(line) and not _is_title_like(line))


def _file_title(source_file: str | None) -> str | None:
    """A file's name when it reads as a title (白银市“十四五”生态环境保护规划（2021-2025）.pdf), in simplified
    characters, a site's name dropped and underscores read as spaces (云南省_2026_政府工作报告)."""
    if not source_file:
        return None
    stem = _without_site_name(t2s(source_file.rsplit("/", 1)[-1].rsplit(".", 1)[0]))
    stem = re.sub(r"_+", " ", stem).strip()
    return stem if _is_title_like(stem) else None


def find_title(lines: list[str], header: dict[str, str], source_file: str | None = None) -> str | None:
    """The header's title field, else the first title-like line of the head (joined to the line above it when
    that is its first half), else the file's name when it reads as a title, else a short line at the top."""
    title = _first_field(header, _keywords().title_fields)
    if title:
        return title
    head = [_without_site_name(_before_salutation(line)) for line in lines[:_HEAD_LINES]]
    at = next((i for i, line in enumerate(head) if _is_title_like(line)), None)
    if at is not None:
        title = head[at]
        if 0 < at < _FALLBACK_TITLE_LINES and _title_head(head[at - 1]) and len(head[at - 1] + title) <= _MAX_TITLE_CHARS:
            title = head[at - 1] + title
    if not title:  # the document a forwarding notice issues (its own title line lost)
        title = next((m.group(1) for line in head if (m := _FORWARDED.search(line))), None)
    title = title or _file_title(source_file)
    if not title:  # a short line at the top, unless it is a sentence (a news lead), a byline or a heading
        title = next((line for line in head[:_FALLBACK_TITLE_LINES]
                      if _MIN_FALLBACK_TITLE_CHARS <= len(line) <= _MAX_TITLE_CHARS
                      and not line.endswith(_SENTENCE_ENDS) and not _PAGE_DATE_TIME.search(line)
                      and not _is_link_bar(line) and not _NUMBER_LINE.fullmatch(line)
                      and not starts_with_number_marker(line)), None)
    title = (title or header.get("网页标题") or "").lstrip("—-– ")  # "——在…会议上的工作报告": a subtitle's dash
    return title or None


def _is_issuer_name(line: str) -> bool:
    return 2 < len(line) <= _MAX_SIGNATURE_CHARS and line.endswith(_keywords().issuer_suffixes) and not re.search(r"[,。:;、]", line)


_ISSUED_BY = re.compile(r"(?:^|[,。;:\d日])([\u4e00-\u9fff]{2,24}?)(?:联合)?(?:印发|发布|出台|公布)(?:了)?《")


def find_issuer(lines: list[str], header: dict[str, str]) -> str | None:
    """发布机构-like header fields, else the signature, else a news lead, else 来源-like fields
    (a page's 来源 may name the website that copied the document)."""
    issuer = _first_field(header, _keywords().issuer_fields)
    if issuer:
        return issuer
    names = [i for i, line in enumerate(lines) if _is_issuer_name(line)]
    signed = [i for i in names if i + 1 < len(lines) and _signature_date(lines[i + 1])]
    if names:  # a name over a date is the signature; a lone name is the next best
        return lines[(signed or names)[0]]
    for line in lines[:_HEAD_LINES]:  # a news lead: '3月28日,浙江省生态环境厅印发《…》'
        m = _ISSUED_BY.search(line)
        if m and m.group(1).endswith(_keywords().issuer_suffixes):
            return m.group(1)
    source = _first_field(header, _keywords().source_fields)
    return source if source and source not in _keywords().not_issuers else None  # 来源:本站 names no one


def find_doc_number(lines: list[str], header: dict[str, str]) -> str | None:
    value = _first_field(header, _keywords().number_fields)
    if value and (m := _DOC_NUMBER.search(value)):
        return re.sub(r"\s", "", m.group(0))
    for line in lines[:_HEAD_LINES]:  # a number standing alone under the title, not one cited in a sentence
        if (m := _DOC_NUMBER.fullmatch(line.strip("() "))) is not None:
            return re.sub(r"\s", "", m.group(0))
    return None


def _iso(year: int | str, month: int | str, day: int | str) -> str | None:
    year, month, day = int(year), int(month), int(day)
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None




def _signature_date(line: str) -> str | None:
    """ISO date of a line holding only a date: 2023年4月17日 or 二〇二三年四月十七日."""
    line = line.strip("() ")
    if m := _DATE_LINE.fullmatch(line):
        return _iso(*m.groups())
    if m := _CN_DATE_LINE.fullmatch(line):
        year, month, day = (parse_chinese_integer(g) for g in m.groups())
        return _iso(year, month, day)
    return None


# A page stamp near the top of a news page: "2023-02-27 17:05:32来源:…", "时间:2021-12-16 18:11",
# "2023年09月01日 09:38" (a written date counts only with a clock time or a weekday, a paper's page head: in a
# sentence it is an event), or
# closing a newspaper's dateline ("某某日报    2019年03月12日": the paper's name, then the day's date alone).
_PAGE_STAMP = re.compile(
    r"((?:19|20)\d{2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?![\d.%])"
    r"|((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日(?=\s*(?:\d{1,2}:\d{2}|星期[一二三四五六日天]))"
    r"|^[\u4e00-\u9fff]{1,10}[报刊]\s+((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$"
)


def _page_stamp(lines: list[str]) -> str | None:
    for line in lines[:_HEAD_LINES]:
        if line.endswith("。") or len(line) > _MAX_TITLE_CHARS:
            continue  # a sentence of the body ("【字体:" may end a stamp line)
        if m := _PAGE_STAMP.search(line):
            year, month, day = (g for g in m.groups() if g is not None)
            if iso := _iso(year, month, day):
                return iso
    return None


def find_published_on(lines: list[str], header: dict[str, str]) -> str | None:
    for field in _keywords().date_fields:
        if (m := _DATE.search(header.get(field, ""))) and (iso := _iso(*m.groups())):
            return iso
    signed = next((iso for line in lines if (iso := _signature_date(line))), None)
    # 来源:某某广播电视台 2021-12-04: the date a 来源-like header field ends on stamps the page
    return signed or _page_stamp(lines) or _page_stamp([header[f] for f in _keywords().source_fields if header.get(f)])


# --- type and year ---------------------------------------------------------------------


def _type_in(title: str) -> str | None:
    """Type keyword ending last in the text (Chinese titles end with their genre)."""
    best: tuple[int, int, str] | None = None
    for keyword, doc_type in _keywords().doc_types.items():
        pos = title.rfind(keyword)
        if pos >= 0:
            key = (pos + len(keyword), len(keyword), doc_type)
            best = max(best, key) if best else key
    return best[2] if best else None


def _reports_then_plans(title: str) -> bool:
    """'2023年工作总结和2024年工作计划': a part that reports, joined to a later part that plans.
    Such a document is a report on the first period (its plans become targets through the
    section labels of the items stage)."""
    for conjunction in _keywords().conjunctions:
        head, sep, tail = title.partition(conjunction)
        while sep:
            if _type_in(head) == "report" and _type_in(tail) == "plan":
                return True
            more_head, sep, tail = tail.partition(conjunction)
            head = head + conjunction + more_head
    return False


# "超额完成2016年节能降耗目标任务" reports that a target was met: the target words it completes
# are not the genre of the document.
_COMPLETED_TARGET = re.compile(r"完成[^,。《》]{0,30}?(?:目标任务|重点任务|目标|任务)")


def find_doc_type(title: str | None, text: str) -> str:
    if title:
        inner = _BOOK_TITLE.findall(title)  # 关于印发《…工作方案》的通知: the inner title decides
        for candidate in [*inner, title]:
            candidate = _COMPLETED_TARGET.sub("完成情况", candidate)
            if _reports_then_plans(candidate):
                return "report"
            if doc_type := _type_in(candidate):
                return doc_type
    if _summary_year(text[:_SUMMARY_HEAD_CHARS]) is not None:  # 全面总结了2023年工作: an untitled summary
        return "report"
    votes = Counter({"plan": 0, "report": 0})
    for cue, doc_type in _keywords().body_cues.items():
        votes[doc_type] += text.count(cue)
    return "report" if votes["report"] > votes["plan"] else "plan"


_MEETING_YEAR = re.compile(r"(20\d{2})\s*年度?[^,。;《》]{0,20}?(?:会议|大会|会上|务虚会)")  # 2024年全国…工作会议
_SUMMARY_HEAD_CHARS = 600  # where a report says what it sums up: its title and first paragraphs


@lru_cache(maxsize=1)
def _summary_year_regex() -> re.Pattern[str]:
    words = "|".join(map(re.escape, _keywords().summary_words))
    return re.compile(rf"(?:(?:{words})了?\s*(20\d{{2}})\s*年|(?<!\d)(20\d{{2}})\s*年度?(?:的|全年)?(?:工作)?(?:{words}))")


def _summary_year(text: str) -> int | None:
    """The year a report says it sums up: 总结2023年… / 2023年工作总结 (first such phrase)."""
    m = _summary_year_regex().search(text)
    return int(m.group(1) or m.group(2)) if m else None


# A year a change is measured from (较2013年, 由2013年的, 与2015年相比, 2013年以来) is a baseline,
# never the year the document is about.
_BASELINE_YEAR = re.compile(
    r"(?=[较比由相对从与同2])(?:"  # the first characters of the alternatives: the engine skips the others at once
    r"(?:较|比|由|相比|对比)\s*20\d{2}\s*年|从\s*20\d{2}\s*年的"
    r"|(?:与|同)\s*20\d{2}\s*年[^,。;]{0,8}?相比|20\d{2}\s*年(?:以来|来))"
)


def _without_baselines(text: str) -> str:
    return _BASELINE_YEAR.sub(lambda m: "#" * len(m.group(0)), text)


def find_year(title: str | None, text: str, doc_type: str, published_on: str | None = None) -> int | None:
    """See the module docstring; also: baseline years are skipped; an untitled-year plan that
    speaks of 今年 is about the year it was published; a text naming no year at all is too."""
    title, text = _without_baselines(title or ""), _without_baselines(text)
    published_year = int(published_on[:4]) if published_on else None
    title_years = [int(y) for y in _YEAR.findall(title or "")]
    if doc_type == "report":
        summed = _summary_year(title or "")
        if summed is None and all(_MEETING_YEAR.match(title or "", m.start()) for m in _YEAR.finditer(title or "")):
            # no year, or only the year of a meeting: a work report at the 2024 conference sums up 2023
            summed = _summary_year(text[:_SUMMARY_HEAD_CHARS])
        if summed is not None and (not title_years or summed <= min(title_years)):
            return summed
    if title_years:  # a report's title may also name the year it is published in: take the earlier
        return min(title_years) if doc_type == "report" else title_years[0]
    if doc_type == "plan" and published_year and any(w in text for w in _keywords().this_year_words):
        return published_year  # 今年市区优良率要达83%: the targets are for the year of the page
    years = [int(y) for y in _BODY_YEAR.findall(text)]
    if not years:
        return published_year
    if doc_type == "plan":
        return years[0]
    counts = Counter(years).most_common()
    top = counts[0][1]
    return min(y for y, n in counts if n == top)  # a tie: a report is about the earlier year


# --- document kind ---------------------------------------------------------------------

_OPENING_CHARS = 400  # where a speech says whom it addresses (各位代表: … 向大会报告工作)
_YEAR_RANGE = re.compile(r"20\d{2}\s*[—–\-~至到]\s*20\d{2}")


def find_doc_kind(title: str | None, text: str) -> str:
    """annual_plan, five_year_plan, work_report, progress_report, bulletin, rectification_report or
    other: the first kind (in _DOC_KIND_ORDER) whose words the title holds (the inner 《title》 first);
    a text addressed to a people's congress, or whose headings review a year then plan the next, is a work report."""
    kw = _keywords()
    if any(cue in text[:_OPENING_CHARS] for cue in kw.work_report_cues) or _reviews_then_plans_next_year(text):
        return "work_report"  # a speech to a congress, whatever its first title-like line (2024年工作安排) says
    candidates = [*_BOOK_TITLE.findall(title), title] if title else []
    for candidate in candidates:
        candidate = _COMPLETED_TARGET.sub("完成情况", candidate)  # 超额完成…目标任务 reports, it does not plan
        for kind in _DOC_KIND_ORDER:
            if not any(word in candidate for word in kw.doc_kinds[kind]):
                continue
            if kind == "five_year_plan" and plan_period_end(candidate) is None and plan_period_end(text[:_OPENING_CHARS]) is None:
                continue  # a 规划 of no five-year period, in its title or its first lines (a title cut by a page)
            return kind
    if any(cue in text for cue in kw.work_report_body_cues):
        return "work_report"
    return "other"


_REVIEW_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、)?(20\d{2})年(?:政府)?工作回顾$", re.M)
_HEADING_BEFORE_YEAR = r"^(?:[一二三四五六七八九十]+、)?[^,，。;；:：\n]{0,12}?"  # 二、 / 努力做好 ... before 2024年
_HEADING_AFTER_YEAR = r"年[^,，。;；:：\n]{0,24}$"  # 2024年 + 工作安排 / 重点工作 / 主要目标和重点任务


def _reviews_then_plans_next_year(text: str) -> bool:
    """A work report's two parts as headings: 一、2023年工作回顾 at the top, then a heading of the next year
    (二、2024年工作安排 / 2024年重点工作 / 努力做好2024年各项工作) — a work report whose salutation was not copied."""
    m = _REVIEW_HEADING.search(text[:_SUMMARY_HEAD_CHARS])
    if m is None:
        return False
    next_year = re.compile(_HEADING_BEFORE_YEAR + str(int(m.group(1)) + 1) + _HEADING_AFTER_YEAR, re.M)
    return next_year.search(text, m.end()) is not None


_PLAN_NUMBER = re.compile(r"十([一二三四五六七八九])五")  # 十四五: the 14th Five-Year Plan
_CN_UNITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}


def plan_period_end(text: str) -> int | None:
    """The last year of the five-year period a text names: 十四五 -> 2025 (the n-th plan ends in
    1955 + 5n), a year range 2021—2025 -> 2025; 0 for a five-year plan named without its years
    (五年规划); None when it names none."""
    if m := _PLAN_NUMBER.search(text):
        return 1955 + 5 * (10 + _CN_UNITS[m.group(1)])
    if m := _YEAR_RANGE.search(text):
        return int(m.group(0)[-4:])
    if any(p in text for p in _keywords().plan_periods if not p.startswith("十")):  # 五年规划 without a period
        return 0
    return None


# the dated session line of a work report: 2026年1月28日在…人民代表大会上
_CONGRESS_DATE = re.compile(r"(20\d{2}|二[〇零○]\d{2}|二[〇零○][一二三四五六七八九〇零○]{2})\s*年[^。\n]{0,40}?人民代表大会")


def work_report_year(title: str | None, text: str, published_on: str | None = None) -> int | None:
    """The year a government work report is about: the year its title names, else the year of the
    congress it is given to (its plan;
    the review of the year before is dated by the sentences), from the dated session line
    (2026年1月28日在…人民代表大会…上), else the year of the page's date (a paper's digest of the report), else the
    year after the one its opening reviews (2023年工作回顾, else the first year it names)."""
    if (reviewed := _summary_year(title or "")) is not None:
        return reviewed + 1  # a first line "2023年工作回顾" taken for the title
    work_report_words = _keywords().doc_kinds["work_report"]
    if any(w in (title or "") for w in work_report_words) and (years := _YEAR.findall(_without_baselines(title))):
        return max(int(y) for y in years)  # 2026年政府工作报告 (not a heading taken for the title)
    head = text[:_SUMMARY_HEAD_CHARS]
    if m := _CONGRESS_DATE.search(head):
        year = m.group(1)  # 2026 / 二〇二六
        return int(year) if year.isdigit() else parse_chinese_integer(year)
    if published_on:  # a page (a paper's digest) dated by its stamp: a report is given early in the year it plans
        return int(published_on[:4])
    reviewed = _summary_year(head)
    if reviewed is None and (years := _BODY_YEAR.findall(_without_baselines(head))):
        reviewed = int(years[0])  # 2023年是…的开局之年: the review comes first
    return reviewed + 1 if reviewed else None


# --- region ----------------------------------------------------------------------------
#
# Where a document speaks from is decided by the ordered rules of _PLACE_RULES (find_place, below): the
# first rule that answers wins. What the document says of itself in a short text (title, speech opening,
# issuer) comes before what its body names most; the file name and a city's bare name only make the
# body's region more precise. The level the text speaks for (its voice) guides the rules that count.


@dataclass(frozen=True)
class Place:
    """Where a document speaks from: its warehouse region and the level it speaks for."""

    region_code: str | None = None
    scope: str | None = None  # province | city | county; None with no region
    county_name: str | None = None  # the county-level division of a county document, when known
    county_code: str | None = None


@dataclass(frozen=True)
class _Evidence:
    """What the rules of find_place read."""

    title: str | None
    issuer: str | None
    text: str
    index: RegionIndex
    source_file: str | None
    speaker: str | None  # the level a speech says it is given for (我代表市人民政府), else None
    voice: str | None  # the speaker's level, else the level the body speaks for (全省 / 全市 / 全县 / 全国)

    @cached_property
    def mentions(self) -> list[RegionMention]:
        """Every region the text names, scanned once for all the rules."""
        return self.index.find_mentions(self.text)


# --- the place a rule gives


def _county_named(mentions: list[RegionMention], short_text: str, region_code: str, index: RegionIndex) -> tuple[str, str] | None:
    """The county of region_code a title or issuer names: a county mention (武进区), else a name
    only the region tells apart (南京市鼓楼区, 沛县人民政府)."""
    named = [(m.county_name, m.county_code) for m in mentions if m.county_code and m.code == region_code]
    named = named or index.counties_in(short_text, region_code)
    return named[0] if named else None


def _place(region_code: str, county: tuple[str, str] | None, voice: str | None, index: RegionIndex) -> Place:
    """A county's place keeps its parent region and is marked scope county; else the region's own level, or
    county when the text speaks for a county it does not name."""
    if county:
        return Place(region_code, "county", *county)
    region = index.get(region_code)
    return Place(region_code, "county" if voice == "county" else region.level if region else None)


# --- the level a text speaks for

# 我代表…政府 is read twice: for the region it names (a name of two characters or more: 我代表云南省人民政府,
# 喀什地区行政公署) and for the level it speaks for, which a bare 我代表市政府 or 行署 tells too.
_SPEAKS_FOR_NAMED = re.compile(r"代表([\u4e00-\u9fff]{2,16}?)(?:人民政府|行政公署)")
_SPEAKS_FOR_LEVEL = re.compile(r"代表([\u4e00-\u9fff]{0,16}?)(人民政府|政府|行政公署|行署|国务院)")


def _speaker_level(text: str) -> str | None:
    """The level of the government a speech is given for (我代表市人民政府 -> city, 我代表国务院 ->
    national), from its opening lines; None when it does not say."""
    m = _SPEAKS_FOR_LEVEL.search(text[:_OPENING_CHARS])
    if m is None:
        return None
    levels = _keywords().speaker_levels
    if m.group(2) in levels:
        return levels[m.group(2)]
    return next((level for word, level in sorted(levels.items(), key=lambda kv: -len(kv[0]))
                 if m.group(1).endswith(word)), None)


def _level_of_voice(text: str, autonomous_region: bool = False) -> str | None:
    """province | city | county when the body speaks clearly for one level (全省/我省 vs 全市/我市/全区
    vs 全县/我县; a county is a local voice like a city's, told apart only by its own cues),
    national when it speaks for the country (全国, 党中央) twice as often as for the others, else None.
    autonomous_region: the text is about a 自治区, whose 全区/我区 speak for it, not for a district."""
    votes = Counter({"province": 0, "city": 0, "county": 0, "national": 0})
    for cue, level in _keywords().level_cues.items():
        votes["province" if autonomous_region and level == "city" and cue.endswith("区") else level] += text.count(cue)
    local = votes["city"] + votes["county"]
    if votes["national"] >= 2 and votes["national"] > 2 * (votes["province"] + local):
        return "national"  # clearly: a province's page may well cite 全国 and 党中央 a few times
    if votes["province"] == local:
        return None
    if votes["province"] > local:
        return "province"
    return "county" if votes["county"] > votes["city"] else "city"


def _is_local(voice: str | None) -> bool:
    """A city's or a county's voice (全市, 我县): both speak for a place below the province."""
    return voice in ("city", "county")


def _fits_voice(region: Region, voice: str | None) -> bool:
    """A region of the level a text speaks for: a province's voice (全省) a province, a city's (我代表市/州/盟…)
    a prefecture-level unit or a municipality (直辖市, a province-level 市)."""
    if voice == "province":
        return region.level == "province"
    if _is_local(voice):
        return region.level == "city" or region.name.endswith("市")
    return True


# --- rules 1-3: a region a short text names

# "兰州等4城市…", "甲市、乙市等地…": a title naming examples of a list is not about that city
_LISTED = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{1,8})*等")
# the congress a report is given to; a 盟 or 地区 has none, its report goes to the congress' working committee
_CONGRESS = re.compile(r"([\u4e00-\u9fff]{2,16}?)(?:第?[一二三四五六七八九十]{1,3}届人民代表大会|人大工作委员会|人大工委)")


def _opening_names(text: str) -> list[str]:
    """Who a speech speaks for, in its opening lines: the congress it is given to (在XX市第十六届人民
    代表大会…), then the government it speaks for (我代表XX州人民政府)."""
    head = text[:_SUMMARY_HEAD_CHARS]
    return [m.group(1) for regex in (_CONGRESS, _SPEAKS_FOR_NAMED) for m in regex.finditer(head)]


def _place_named_in(short_text: str | None, ev: _Evidence) -> Place | None:
    """The place a short text names: its first city not listed as an example, else its first province,
    with the county it names of that region."""
    if not short_text:
        return None
    mentions = [m for m in ev.index.find_mentions(short_text) if not _LISTED.match(short_text, m.end)]
    cities = [m for m in mentions if m.level == "city"]
    named = cities[0] if cities else (mentions[0] if mentions else None)
    if named is None:
        return None
    return _place(named.code, _county_named(mentions, short_text, named.code, ev.index), ev.voice, ev.index)


def _named_in_title(ev: _Evidence) -> Place | None:
    """The place the title names, unless the body never names it again and names another province at least twice
    (a site's header taken for the title: 某省时政热点 over a page about another province)."""
    place = _place_named_in(ev.title, ev)
    at = ev.text.find(ev.title) if place and place.region_code and ev.title else -1
    if at < 0:
        return place
    named = ev.index.get(place.region_code)
    body = [m for m in ev.mentions if not at <= m.start < at + len(ev.title)]
    if any(m.province_code == named.province_code for m in body):
        return place
    others = Counter(m.province_code for m in body).most_common(1)
    return None if others and others[0][1] >= 2 else place


def _named_in_opening(ev: _Evidence) -> Place | None:
    return next((place for name in _opening_names(ev.text) if (place := _place_named_in(name, ev))), None)


def _named_by_issuer(ev: _Evidence) -> Place | None:
    return _place_named_in(ev.issuer, ev)


# --- rule 4: the country


def _spoken_for_country(ev: _Evidence) -> Place | None:
    return Place() if ev.voice == "national" else None


# --- rule 5: the body, made precise by the file name or a city's bare name

_DATELINE = re.compile(r"\s*\d{1,2}月\d{1,2}日(?:电|讯)")  # 新华社北京5月6日电: where the news was filed
_LOCAL_NAME_REPEATS = 3  # a local report names its own place by its bare name many times (现代化三亚, 三亚湾, 三亚港)


def _dominant_region(mentions: list[RegionMention], voice: str | None) -> str | None:
    """The body's region. A city when it is named clearly more than any other city and either
    the body speaks for a city (全市, 我区) or the city outnumbers all province names, or when it is the only
    region the body names; else the province named most (directly or through its cities)."""
    # a county the province administers directly (天门市) competes with the cities, as its province
    cities = Counter(m.code for m in mentions if m.level == "city" or m.county_code).most_common(2)
    if cities and voice != "province" and (len(cities) == 1 or cities[0][1] >= 2 * cities[1][1]):
        n_city = cities[0][1]
        n_province = sum(1 for m in mentions if m.level == "province")
        if (_is_local(voice) and (n_city >= 2 or not n_province)) or (n_city >= 2 and n_city > n_province) \
                or (len(cities) == 1 and not n_province):  # the one place a body names (2020年,某市…) is its own
            return cities[0][0]
    provinces = Counter(m.province_code for m in mentions)
    direct = Counter(m.code for m in mentions if m.level == "province")
    if not provinces:
        return None
    return max(provinces, key=lambda code: (provinces[code], direct[code]))


def _file_name_region(source_file: str | None, voice: str | None, index: RegionIndex) -> Region | None:
    """The region the file name gives by its full or short name (凉山.txt, 云南省_2026_报告.txt); of a name
    that several share (吉林, 海南), the one of the level the text speaks for."""
    if not source_file:
        return None
    stem = t2s(source_file.rsplit("/", 1)[-1].rsplit(".", 1)[0])  # 黔東南.txt: the text is simplified, its name not
    for token in re.split(r"[_\-\s.—]+", stem):
        if regions := index.named(token) if token else []:
            return next((r for r in regions if _fits_voice(r, voice)), regions[0])
    return None


def _file_name_agrees(named: Region, code: str | None, mentions: list[RegionMention], text: str, voice: str | None,
                      index: RegionIndex) -> bool:
    """Whether the file name's region is the body's region made more precise; the reasons, in order."""
    if code is None:
        return True  # the body names no region: the file name is all there is
    region = index.get(code)
    if _is_local(voice) and named.level == "city" and region and region.short_name == named.short_name:
        return True  # a city's voice naming a province only by the short name they share (海南: 海南省, 海南藏族自治州)
    if named.level != "city" or region is None or named.province_code != region.province_code:
        return False  # only a city of the body's own province makes it more precise
    if region.level == "province":  # a city of the province the body is about: named there in any form (现代化凉山)
        return any(m.code == named.code for m in mentions) or _is_local(voice) or named.short_name in text
    # another city of the province (its capital: 融入X都市圈, X市) named more than the speaker names itself bare
    return _is_local(voice) or text.count(named.short_name) >= text.count(region.short_name)


def _local_place_named_most(text: str, province_code: str, index: RegionIndex) -> str | None:
    """The city of a province that a text speaking for a city names most by its bare name or its counties', when
    named at least _LOCAL_NAME_REPEATS times and twice as often as any other city of the province or county the
    province administers (天门's own report names no city most)."""
    counts = index.count_local_names(text, province_code)
    if not counts or counts[0][0] < _LOCAL_NAME_REPEATS or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    return counts[0][1] if index.get(counts[0][1]) else None  # a county the province administers is no region


def _named_by_file(ev: _Evidence, code: str | None, mentions: list[RegionMention], voice: str | None) -> str | None:
    """5a. The region of the file name when it agrees with the body's (code)."""
    named = _file_name_region(ev.source_file, voice, ev.index)
    return named.code if named and _file_name_agrees(named, code, mentions, ev.text, voice, ev.index) else None


def _named_bare_most(ev: _Evidence, code: str | None, voice: str | None) -> str | None:
    """5b. In a text speaking for a city, the city of the body's province it names most by its bare name; when
    the body names no region in full (a city paper's story: 株洲日报讯…湘江株洲段), of any province."""
    if not _is_local(voice):
        return None
    if code is not None:
        return _local_place_named_most(ev.text, ev.index.get(code).province_code, ev.index)
    return _city_named_bare_most(ev.text, ev.index)


def _city_named_bare_most(text: str, index: RegionIndex) -> str | None:
    """The city (not a county: 三河 are three rivers too) a text names by its bare name at least _LOCAL_NAME_REPEATS
    times and twice as often as any other city."""
    counts = sorted(((text.count(name), code) for name, code in index.city_short_names), reverse=True)
    if not counts or counts[0][0] < _LOCAL_NAME_REPEATS or counts[0][0] < 2 * counts[1][0]:
        return None
    return counts[0][1]


def _county_of_body(mentions: list[RegionMention], region_code: str) -> tuple[str, str] | None:
    """A body that names one county of its region (at least twice) more often than the region
    itself and its other counties together speaks for that county (慈溪市…慈溪市…宁波市)."""
    of_region = [m for m in mentions if m.code == region_code]
    counties = Counter((m.county_name, m.county_code) for m in of_region if m.county_code).most_common(1)
    if counties and counties[0][1] >= 2 and counties[0][1] > len(of_region) - counties[0][1]:
        return counties[0][0]
    return None


def _without_qualifying_provinces(mentions: list[RegionMention]) -> list[RegionMention]:
    """The mentions but a province's name written right before one of its cities or counties (福建省光泽县, 福建省南平市):
    it says where that place is, it names no province of its own."""
    starts = {(m.start, m.province_code) for m in mentions if m.level == "city"}
    return [m for m in mentions if not (m.level == "province" and (m.end, m.province_code) in starts)]


# 赤峰国际陆港至天津港、大连港: a region's name before 港 names its port, a place the page links to, not what it is about
_PORT = "港"


def _region_of_body(ev: _Evidence) -> Place:
    """The body's dominant region, made more precise by the file name when it agrees (三亚.txt), else, in a
    text speaking for a city, by the city it names most by its bare name (现代化三亚); with the county the
    body speaks for, else the one its title or issuer names."""
    text, index = ev.text, ev.index
    mentions = _without_qualifying_provinces([m for m in ev.mentions
                                              if not _DATELINE.match(text, m.end) and not text.startswith(_PORT, m.end)])
    voice = ev.voice
    provinces = Counter(m.province_code for m in mentions).most_common(1)
    if ev.speaker is None and provinces and index.get(provinces[0][0]).name.endswith("自治区"):
        voice = _level_of_voice(text, autonomous_region=True)  # 全区 of 广西: the region's own voice, not a district's
    code = _dominant_region(mentions, voice)
    code = _named_by_file(ev, code, mentions, voice) or _named_bare_most(ev, code, voice) or code  # 5a, else 5b
    if code is None:
        return Place()
    county = _county_of_body(mentions, code) if voice != "province" else None
    for short_text in (ev.title, ev.issuer):
        county = county or (_county_named([], short_text, code, index) if short_text else None)
    return _place(code, county, voice, index)


# --- the rules in order

# The order of evidence: the first rule that answers gives the place.
_PLACE_RULES: tuple[Callable[[_Evidence], Place | None], ...] = (
    _named_in_title,  # a title names what the document is about (某市…规划)
    _named_in_opening,  # a speech names the congress it is given to, then the government it speaks for
    _named_by_issuer,  # after the opening: a speech's page may be issued by a newspaper (吉林日报)
    _spoken_for_country,  # a body speaking for the whole country (全国, 党中央) is about no province or city
    _region_of_body,  # what the body names most (a city named clearly most, else the province named most),
    # made more precise by 5a. the file name when it agrees with the body (三亚.txt), else 5b. in a city's
    # voice, the city of the province it names most by its bare name (现代化三亚)
)


def find_place(title: str | None, issuer: str | None, text: str, index: RegionIndex,
               source_file: str | None = None) -> Place:
    """Where a document speaks from: the place the first of _PLACE_RULES gives; an empty Place for a document
    about the whole country or naming no region. The voice is the level a speech says it is given for, else
    the level the body speaks for."""
    speaker = _speaker_level(text)
    ev = _Evidence(title, issuer, text, index, source_file, speaker, speaker or _level_of_voice(text))
    return next(place for rule in _PLACE_RULES if (place := rule(ev)) is not None)


def find_region(title: str | None, issuer: str | None, text: str, index: RegionIndex) -> str | None:
    return find_place(title, issuer, text, index).region_code


# --- the stage ---------------------------------------------------------------------------


def extract_metadata(text: str, header: dict[str, str] | None = None, regions: RegionIndex | None = None,
                     source_file: str | None = None) -> Metadata:
    header = header or {}
    index = regions or RegionIndex.load()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = find_title(lines, header, source_file)
    issuer = find_issuer(lines, header)
    doc_type = find_doc_type(title, text)
    published_on = find_published_on(lines, header)
    place = find_place(title, issuer, text, index, source_file)
    region = index.get(place.region_code)
    doc_kind = find_doc_kind(title, text)
    year = work_report_year(title, text, published_on) if doc_kind == "work_report" else None
    if doc_kind == "five_year_plan":  # a five-year plan is about its period, dated by its last year
        year = plan_period_end(title or "") or plan_period_end(text[:_OPENING_CHARS]) or None
    elif doc_type == "plan" and (period := _YEAR_RANGE.search(title or "")):
        year = int(period.group(0)[-4:])  # 三年行动计划(2021-2023年): so is a plan of any period its title names
    return Metadata(
        title=title,
        issuer=issuer,
        doc_number=find_doc_number(lines, header),
        published_on=published_on,
        region_name=region.name if region else None,
        region_code=place.region_code,
        doc_type=doc_type,
        year=year or find_year(title, text, doc_type, published_on),
        region_scope=place.scope,
        county_name=place.county_name,
        county_code=place.county_code,
        doc_kind=doc_kind,
    )


def apply_properties(meta: Metadata, properties: dict[str, str], regions: RegionIndex | None = None) -> Metadata:
    """The file's own properties only where the text says nothing: title, published_on (created), the region
    (region: names of a province, city or county, the finest that resolves) and the year."""
    if meta.title is None and properties.get("title"):
        meta = replace(meta, title=properties["title"])
    if meta.published_on is None and properties.get("created"):
        meta = replace(meta, published_on=properties["created"])
    if meta.year is None and (properties.get("year") or "").isdigit():
        meta = replace(meta, year=int(properties["year"]))
    if meta.region_code is None and properties.get("region"):
        index = regions or RegionIndex.load()
        found = [r for r in map(index.get, map(index.resolve, properties["region"].split())) if r is not None]
        if region := next((r for r in found if r.level == "city"), found[0] if found else None):
            meta = replace(meta, region_code=region.code, region_name=region.name, region_scope=region.level)
    return meta

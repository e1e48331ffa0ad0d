"""Region lookup: names of provinces and prefecture-level cities in text -> GB/T 2260 codes.

Reads regions.csv (loaders/reference.py) (one row per province- and prefecture-level division, and per
county-level unit a province governs directly). Mentions are
found with one Aho-Corasick pass over full names (江苏省, 常州市, 延边朝鲜族自治州) and short
names (江苏, 常州, 延边). Short names of cities are common words or parts of words (长治久安,
红河, 白银), so a two-character short city name counts only when the text marks it as a place:
a following 市/州/盟/地区/区/县 or a list separator, or a preceding 、 (the tail of a list).
Province short names (江苏, 内蒙古) count wherever they stand, except before a shore word
(黄河南岸 names no province).

County-level divisions (嵊州市, 襄城区, 定边县) are not regions of the warehouse: a county's
document is about its prefecture (a district of a municipality: the municipality). Their full
names, read from cpca's table, are found as mentions of that prefecture (the mention keeps the
county's name and code); a name that two counties share (鼓楼区) or shorter than three characters
is left out, as it cannot tell which one is meant. counties_in() finds those too, in a title or
issuer, once the prefecture is known: 南京市鼓楼区 names the 鼓楼区 of 南京.
"""

from __future__ import annotations

import csv
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from loaders.matching import Automaton
from loaders.reference import seed

DEFAULT_CSV = seed("regions.csv")
_DEFAULT_NAME, _DEFAULT_IS_ABSOLUTE = str(DEFAULT_CSV), os.path.isabs(DEFAULT_CSV)
# "南京江北新区", "西安高新区": a zone named after a short city name marks it as the place
_ZONE_AFTER = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:新区|高新区|开发区|经开区|园区)")
_MIN_COUNTY_NAME = 3  # 忠县, 沛县: two-character county names are left out (parts of other words)
# 东区, 南县, 新县, 和县: a compass word, 新 or a conjunction before 区 / 县 is a word of its own (园区东区, 新县城,
# 市本级和县(市、区)) more often than a county named alone
_COMPASS = "东西南北中新和与及"
_PHRASES_KEPT = 50_000  # phrases whose answer is kept (bounded: a worker reads thousands of documents)

_PLACE_SUFFIX = "市州盟区县地"  # 常州市 / 延边州 / 兴安盟 / 阿里地区 ...
_LIST_SEPARATORS = "、,，;；和与及等/"
_DIRECT_UNIT_DIGITS = "90"  # GB/T 2260: the county-level units a province governs directly (429006 天门市)
# the item of a 、-list right before or after a name (up to 8 characters of Chinese)
_LIST_ITEM_BEFORE = re.compile(r"[\u4e00-\u9fff]{1,8}$")
_LIST_ITEM_AFTER = re.compile(r"[\u4e00-\u9fff]{1,8}?(?=[、,，;；。和及与等\s]|$)")
_SHORE_WORDS = "岸侧麓畔"  # 黄河南岸, 太湖北侧: a river or lake name plus a direction, not 河南 or 湖北
# 外环河北段: a section (段) of a water whose name ends on the province name's first character (the direction its last);
# not 大运河河北段 nor 黄河干流山西段, 高铁河南段, 二线湖北段, whose water, stream, line or road is named in full before the
# province (its section in that province)
_SECTION_WORDS = "段"
_NAME_ENDINGS = "河江湖海"
_THINGS_WITH_SECTIONS = "河江湖海流渠线路铁速道管网廊带"
_DIRECTIONS = "东南西北"


@dataclass(frozen=True)
class Region:
    code: str  # GB/T 2260 six-digit code
    name: str  # full name, e.g. 常州市
    short_name: str  # e.g. 常州
    level: str  # province | city
    province_code: str
    province_name: str


@dataclass(frozen=True)
class RegionMention:
    name: str  # canonical full name of the region
    code: str
    level: str
    province_code: str
    start: int  # offsets of the words as written in the text
    end: int
    text: str  # as written, e.g. 常州 or 常州市
    county_name: str | None = None  # set when the words name a county of the region (武进区)
    county_code: str | None = None  # its six-digit code


def county_names(path: Path | str | None = None) -> list[tuple[str, str]]:
    """(full name, six-digit code) of every county-level division in cpca's table (12-digit codes:
    PPCCDD000000 with DD != 00), or in a CSV of the same columns; [] when cpca is missing."""
    if path is None:
        try:
            import importlib.resources

            path = importlib.resources.files("cpca") / "resources" / "adcodes.csv"
            text = path.read_text(encoding="utf-8")
        except (ModuleNotFoundError, FileNotFoundError):
            return []
    else:
        text = Path(path).read_text(encoding="utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        code = row["adcode"].strip()
        if len(code) >= 6 and code[4:6] != "00" and set(code[6:]) <= {"0"}:
            out.append((row["name"].strip(), code[:6]))
    return out


def _a_word_of_its_own(text: str, start: int, end: int) -> bool:
    """Whether jieba's dictionary (the domain keywords taught, loaders/domains.py) cuts the words around
    text[start:end] so that it is one word (攸县/扎实/推进, not 经费/县级)."""
    # jieba's dictionary is loaded once, and only when a short name is seen
    import jieba

    from loaders.domains import init_jieba

    init_jieba()
    a = max(0, start - 6)
    at = a
    for token in jieba.cut(text[a : end + 6], HMM=False):
        if at == start:
            return at + len(token) == end
        if at > start:
            return False
        at += len(token)
    return False


class RegionIndex:
    def __init__(self, regions: list[Region], counties: list[tuple[str, str]] | None = None) -> None:
        self.by_code = {r.code: r for r in regions}
        self._last_mentions: tuple[str, tuple[RegionMention, ...]] | None = None  # see find_mentions
        self._counties_seen: dict[tuple[str, str], list[tuple[str, str]]] = {}  # see counties_in
        self._county_firsts: dict[str, frozenset[str]] = {}  # parent code -> first characters of its counties' names
        self._names: dict[str, list[tuple[Region, bool]]] = {}  # name -> [(region, is_short_name)]
        for r in regions:
            self._names.setdefault(r.name, []).append((r, False))
            if r.short_name and r.short_name != r.name:
                self._names.setdefault(r.short_name, []).append((r, True))
        self._county_names = frozenset(name for name, _ in counties or [])
        self._unique_counties: dict[str, str] = {}  # county name found as a mention -> its code
        for name, (parent, code) in self._county_parents(counties or []).items():
            self._names.setdefault(name, []).append((parent, False))
            self._unique_counties[name] = code
        self._automaton = Automaton()
        for name, entries in self._names.items():
            self._automaton.add_word(name, (name, entries))
        self._automaton.make_automaton()
        # every county name, shared or short, with (code, parent code): read only next to a known parent
        by_name: dict[str, list[tuple[str, str]]] = {}
        for name, code in counties or []:
            parent = self._parent_of(code)
            if parent is not None:
                by_name.setdefault(name, []).append((code, parent.code))
        self._counties_of: dict[str, list[tuple[str, str]]] = {}  # parent code -> (name, code) of its counties
        for name, entries in by_name.items():
            for code, parent in entries:
                self._counties_of.setdefault(parent, []).append((name, code))
        self._local_regex: dict[str, re.Pattern[str] | None] = {}  # see count_local_names
        self._local_codes: dict[str, dict[str, str]] = {}
        # province code -> county name -> [(code, parent code)]: a county named right after its province (湖南省攸县)
        self._counties_in_province: dict[str, dict[str, list[tuple[str, str]]]] = {}
        for name, entries in by_name.items():
            for code, parent in entries:
                self._counties_in_province.setdefault(code[:2] + "0000", {}).setdefault(name, []).append((code, parent))
        self._county_name_lengths = sorted({len(name) for name in by_name}, reverse=True)
        self._county_automaton = Automaton()
        for name, entries in by_name.items():
            self._county_automaton.add_word(name, (name, entries))
        if by_name:
            self._county_automaton.make_automaton()

    def _parent_of(self, county_code: str) -> Region | None:
        """A county's prefecture, else its province (a municipality's district, a county the
        province administers directly)."""
        return self.by_code.get(county_code[:4] + "00") or self.by_code.get(county_code[:2] + "0000")

    def _county_parents(self, counties: list[tuple[str, str]]) -> dict[str, tuple[Region, str]]:
        """County name -> (its prefecture or province-level municipality, its code), for names
        that are unique, long enough and not already the name of a region."""
        seen: dict[str, int] = {}
        for name, _ in counties:
            seen[name] = seen.get(name, 0) + 1
        parents = {}
        for name, code in counties:
            if seen[name] > 1 or len(name) < _MIN_COUNTY_NAME or name in self._names:
                continue
            parent = self._parent_of(code)
            if parent is not None:
                parents[name] = (parent, code)
        return parents

    @classmethod
    def from_csv(cls, path: Path | str = DEFAULT_CSV, counties: Path | str | None = None) -> RegionIndex:
        """Regions of a CSV like loaders/data/seeds/regions.csv; county names from cpca, or from a CSV of cpca's
        columns (adcode,name,...) given as counties."""
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        return cls(
            [
                Region(
                    code=row["region_code"].strip(),
                    name=row["region_name_zh"].strip(),
                    short_name=(row.get("short_name_zh") or "").strip(),
                    level=row["region_level"].strip(),
                    province_code=row["province_code"].strip(),
                    province_name=row["province_name_zh"].strip(),
                )
                for row in rows
            ],
            county_names(counties),
        )

    @classmethod
    def load(cls, path: Path | str = DEFAULT_CSV) -> RegionIndex:
        """The index of a CSV, built once per process and path."""
        if path is DEFAULT_CSV and _DEFAULT_IS_ABSOLUTE:  # asked per measure: no path conversions (0.5 -> 0.14 µs)
            return _load_as_named(_DEFAULT_NAME, "")
        return _load_as_named(str(path), "" if os.path.isabs(path) else os.getcwd())

    def find_mentions(self, text: str) -> list[RegionMention]:
        """Regions named in text, left to right, longest name first where names overlap.

        The last text's mentions are kept: metadata and the measures stage both scan a document's whole
        text (mentions are frozen; the caller gets its own list)."""
        last = self._last_mentions
        if last is not None and last[0] is text:
            return list(last[1])
        mentions = self._find_mentions(text)
        self._last_mentions = (text, tuple(mentions))
        return mentions

    def _find_mentions(self, text: str) -> list[RegionMention]:
        mentions = []
        for end_index, (name, entries) in self._automaton.iter_long(text):
            start, end = end_index - len(name) + 1, end_index + 1
            region = self._pick(entries, text, start, end)
            if region is not None:
                county = self._unique_counties.get(name)
                mentions.append(RegionMention(region.name, region.code, region.level, region.province_code, start, end, name,
                                              name if county else None, county))
        return self._short_counties_alone(text, self._counties_after_their_province(text, mentions))

    @cached_property
    def _short_county_re(self) -> re.Pattern[str] | None:
        """The counties of two characters whose name no other county bears and no other region's name is, but
        those opening on a word of its own (东区, 新县: parts of 园区东区, 新县城; _COMPASS)."""
        names = sorted(name for name, entries in self._short_counties.items() if name[0] not in _COMPASS)
        return re.compile("|".join(names)) if names else None

    @cached_property
    def _short_counties(self) -> dict[str, tuple[str, str]]:
        """Two-character county name -> (code, parent code), for names borne by one county nationwide."""
        out: dict[str, tuple[str, str]] = {}
        for province in self._counties_in_province.values():
            for name, entries in province.items():
                if len(name) == 2 and name not in self._names:
                    out[name] = entries[0] if len(entries) == 1 and name not in out else ("", "")
        return {name: entry for name, entry in out.items() if entry[0]}

    def _short_counties_alone(self, text: str, mentions: list[RegionMention]) -> list[RegionMention]:
        """攸县扎实推进…: a county of two characters named alone (no province before it) is a mention of its
        prefecture, the county kept, when no other county bears its name and the words around it, as jieba's
        dictionary cuts them, hold it as a word of its own (not 经费县级, 云南县域, 和县域)."""
        pattern = self._short_county_re
        if pattern is None or not text:
            return mentions
        taken = [(m.start, m.end) for m in mentions]
        added = []
        for found in pattern.finditer(text):
            start, end = found.span()
            if (any(a < end and start < b for a, b in taken) or text.startswith(("(市", "(区", "市", "区"), end)
                    or not _a_word_of_its_own(text, start, end)):  # 县(市、区) / 县市区: the counties of a region
                continue
            code, parent_code = self._short_counties[found.group()]
            parent = self.by_code.get(parent_code)
            if parent is not None:
                added.append(RegionMention(parent.name, parent.code, parent.level, parent.province_code, start, end,
                                           found.group(), found.group(), code))
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def _counties_after_their_province(self, text: str, mentions: list[RegionMention]) -> list[RegionMention]:
        """湖南省攸县 / 福建省鼓楼区: a county written right after its province's full name, even a short one (攸县) or one
        other provinces share, is a mention of its prefecture (the county's name and code kept), when the province has
        one county of that name."""
        starts = {m.start for m in mentions}
        added = []
        for m in mentions:
            if m.level != "province" or m.text != m.name or m.end in starts:
                continue
            counties = self._counties_in_province.get(m.code, {})
            for n in self._county_name_lengths:
                found = counties.get(text[m.end : m.end + n], ())
                if len(found) == 1 and (parent := self.by_code.get(found[0][1])) is not None:
                    name = text[m.end : m.end + n]
                    added.append(RegionMention(parent.name, parent.code, parent.level, parent.province_code, m.end,
                                               m.end + n, name, name, found[0][0]))
                    break
        return sorted(mentions + added, key=lambda m: m.start) if added else mentions

    def counties_in(self, text: str, parent_code: str) -> list[tuple[str, str]]:
        """(name, code) of the counties of parent_code named in a short text (a title, an issuer),
        shared names included. A two-character name (沛县, 城区) counts only at the start of the
        text or right after a region's name (阳泉市城区), not inside a phrase (主城区).
        Kept per (text, parent): the semantics stage asks it for every measure's subject and clause."""
        firsts = self._county_firsts.get(parent_code)
        if firsts is None:  # no county of parent_code is named in a text holding none of their first characters
            firsts = self._county_firsts[parent_code] = frozenset(name[0] for name, _ in self._counties_of.get(parent_code, ()))
        if firsts.isdisjoint(text):  # most phrases (a city has a dozen counties): no pass, no cache entry
            return []
        key = (text, parent_code)
        if key not in self._counties_seen:
            if len(self._counties_seen) >= _PHRASES_KEPT:
                self._counties_seen.clear()
            self._counties_seen[key] = self._counties_in(text, parent_code)
        return list(self._counties_seen[key])

    def _counties_in(self, text: str, parent_code: str) -> list[tuple[str, str]]:
        if not len(self._county_automaton):
            return []
        region_ends = None  # found only when a short name needs them: most phrases name no county
        found = []
        for end_index, (name, entries) in self._county_automaton.iter_long(text):
            start = end_index - len(name) + 1
            if len(name) < _MIN_COUNTY_NAME and start != 0:
                if region_ends is None:
                    region_ends = {m.end for m in self._find_mentions(text)}
                if start not in region_ends:
                    continue
            found += [(name, code) for code, parent in entries if parent == parent_code]
        return found

    def _pick(self, entries: list[tuple[Region, bool]], text: str, start: int, end: int) -> Region | None:
        """The region a matched name stands for here, or None when a short name is not a place."""
        full = [r for r, short in entries if not short]
        if full:
            return full[0]
        after = text[end : end + 1]
        before = text[start - 1 : start] if start else ""
        provinces = [r for r, _ in entries if r.level == "province"]
        cities = [r for r, _ in entries if r.level == "city"]
        if after == "省" and provinces:
            return provinces[0]
        if text[start : end + 1] in self._county_names:
            return None  # 朝阳区 is a district (of two cities), not 朝阳市
        if after and after in _PLACE_SUFFIX and cities:
            return cities[0]
        if provinces:  # 吉林 and 海南 are provinces unless written 吉林市 / 海南州
            return None if after and (after in _SHORE_WORDS or self._section_of_a_name(text, start, end)) else provinces[0]
        city = cities[0]
        if city.code[2:4] == _DIRECT_UNIT_DIGITS:
            return None  # 东方, 白沙 (units a province governs directly) are common words: only 东方市, 白沙县 name them
        marked = (not after) or after in _LIST_SEPARATORS or after == "\n" or before == "、" \
            or _ZONE_AFTER.match(text, end) is not None
        if marked and len(city.short_name) < 3 and self._kinds_listed(text, start, end):
            return None  # 臭河、黑河、垃圾河: kinds of river listed, not the city 黑河
        return city if len(city.short_name) >= 3 or marked else None

    @staticmethod
    def _section_of_a_name(text: str, start: int, end: int) -> bool:
        """Whether a province's short name is a water's name end and a direction before 段 (外环河北段: the northern section
        of 外环河), the words before it the rest of that name (not a water, line or road named in full: 大运河河北段)."""
        name, before = text[start:end], text[start - 1 : start] if start else ""
        return (text[end : end + 1] in _SECTION_WORDS and name[0] in _NAME_ENDINGS and name[-1] in _DIRECTIONS
                and "\u4e00" <= before <= "\u9fff" and before not in _THINGS_WITH_SECTIONS)

    def _kinds_listed(self, text: str, start: int, end: int) -> bool:
        """Whether a name is an item of a 、-list whose next or previous item ends on the name's last character and
        is no region (臭河、黑河、垃圾河 / 白湖、黑湖: kinds of one thing), unlike a list of places (佛山、中山)."""
        neighbours = []
        if text[start - 1 : start] == "、" and (m := _LIST_ITEM_BEFORE.search(text, max(0, start - 9), start - 1)):
            neighbours.append((m.group(), [m.group()[k:] for k in range(len(m.group()) - 1)]))  # 组织佛山: 佛山
        if text[end : end + 1] == "、" and (m := _LIST_ITEM_AFTER.match(text, end + 1)):
            neighbours.append((m.group(), [m.group()[:k] for k in range(2, len(m.group()) + 1)]))  # 江门开展: 江门
        return any(item.endswith(text[end - 1]) and not any(w in self._names for w in words)
                   for item, words in neighbours)

    def resolve(self, name: str) -> str | None:
        """Code of a region given by its full or short name (江苏省, 江苏, 常州市, 常州), else None."""
        name = name.strip()
        entries = self._names.get(name)
        if not entries:
            return None
        full = [r for r, short in entries if not short]
        provinces = [r for r, _ in entries if r.level == "province"]
        return (full or provinces or [r for r, _ in entries])[0].code

    def is_name(self, name: str) -> bool:
        """Whether name is a region's or a county-level division's full name as written (沈阳市, 宿豫区, 新县)."""
        return any(not short for _, short in self._names.get(name, ())) or name in self._county_names

    def named(self, name: str) -> list[Region]:
        """Every region of a full or short name, full names first (吉林: the province and the city)."""
        entries = self._names.get(name.strip(), [])
        return [r for r, short in entries if not short] + [r for r, short in entries if short]

    def count_local_names(self, text: str, province_code: str) -> list[tuple[int, str]]:
        """(times named, code) of each city of a province in a text, by its bare name and its counties' (西昌 for
        凉山, 东坡 for 眉山); a county the province administers directly (天门) counts for itself, under its own
        code. Most named first; names are read longest first and never overlap (防城港 is not 防城区's 防城)."""
        if province_code not in self._local_regex:
            names = self.local_names(province_code)
            self._local_codes[province_code] = dict(names)
            alternatives = sorted(self._local_codes[province_code], key=len, reverse=True)
            self._local_regex[province_code] = re.compile("|".join(map(re.escape, alternatives))) if names else None
        regex, owner = self._local_regex[province_code], self._local_codes[province_code]
        counts = Counter(owner[m.group(0)] for m in regex.finditer(text)) if regex else Counter()
        return sorted(((n, code) for code, n in counts.items()), reverse=True)

    def local_names(self, province_code: str) -> list[tuple[str, str]]:
        """(bare name, code it stands for) of every city of a province and every county in it: the names a local
        report repeats without 市 or 县 (三亚湾, 现代化凉山, 天门). A county stands for its city, or for itself (its
        own code) when the province administers it. A name a province bears too (吉林, 海南) is left out: it names
        the province as often; so is a county's bare name that is its city's (黄山区, 恩施市)."""
        bare = {r.short_name: r.code for r in self.by_code.values() if r.level == "city" and r.province_code == province_code}
        for parent, counties in self._counties_of.items():
            if parent[:2] != province_code[:2]:
                continue
            for name, code in counties:
                if len(name) >= _MIN_COUNTY_NAME and name[-1] in _PLACE_SUFFIX and name[:-1] not in bare:
                    bare[name[:-1]] = parent if self.by_code[parent].level == "city" else code
        return [(name, code) for name, code in bare.items() if self._bare_name_of_no_province(name)]

    def _bare_name_of_no_province(self, name: str) -> bool:
        """A bare name of two characters or more that no province bears (吉林, 海南 name their provinces as often)."""
        return len(name) >= 2 and not any(r.level == "province" for r in self.named(name))

    @cached_property
    def city_short_names(self) -> tuple[tuple[str, str], ...]:
        """(bare name, code) of every prefecture-level city whose bare name no province bears (吉林, 海南 are left out)."""
        return tuple((r.short_name, r.code) for r in self.by_code.values()
                     if r.level == "city" and self._bare_name_of_no_province(r.short_name))

    def get(self, code: str | None) -> Region | None:
        return self.by_code.get(code) if code else None


@lru_cache(maxsize=16)
def _load_as_named(path: str, cwd: str) -> RegionIndex:
    """load() is called per measure: resolving the path each time (system calls) cost a quarter of the loader."""
    return _load_cached(str(Path(cwd, path).resolve()))


@lru_cache(maxsize=4)
def _load_cached(path: str) -> RegionIndex:
    return RegionIndex.from_csv(path)

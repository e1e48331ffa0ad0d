"""Synthetic corpora for the benchmark: deterministic variations of the sample documents.

Document i of a corpus depends only on (seed, i): it takes sample i mod k, moves it to other regions
(province -> another province, its cities -> cities of that province), shifts every year by the same
number of years, and scales every quantity by a random factor. Corpora of different sizes therefore
nest (the 100-document corpus is the first 100 of the 1 000-document one) and the same seed always
gives the same bytes.

Every file is marked synthetic twice: its name starts with PREFIX and its first line is MARKER.
Files are written only under benchmarks/out/ (or outside the repository, e.g. a test's tmp dir),
never into data/, so they cannot reach the real warehouse.
"""

from __future__ import annotations

import csv
import random
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from opencc import OpenCC

REPO = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO / "data" / "documents"
REGIONS_CSV = REPO / "loaders" / "data" / "seeds" / "regions.csv"
OUT_ROOT = REPO / "benchmarks" / "out"

PREFIX = "synthetic_"
MARKER = "【合成测试文档 synthetic benchmark document】"
GB18030_SHARE = 0.2  # part of the files written in GB18030, so the decoder's detection is exercised too
YEAR_SHIFTS = (-4, -3, -2, -1, 1, 2)  # 2023 -> 2019 .. 2025, never unchanged
SCALE = (0.75, 1.25)  # every quantity is multiplied by a factor drawn from this range


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # 江苏省
    short: str  # 江苏
    level: str  # province | city
    province: str  # name of the province it belongs to (itself for a province)


# Used only when regions.csv is missing: a few provinces with some of their cities.
_BUILTIN = {
    ("320000", "江苏省", "江苏"): [("320100", "南京市"), ("320400", "常州市"), ("320500", "苏州市"), ("321200", "泰州市")],
    ("330000", "浙江省", "浙江"): [("330100", "杭州市"), ("330200", "宁波市"), ("330300", "温州市")],
    ("340000", "安徽省", "安徽"): [("340100", "合肥市"), ("340200", "芜湖市"), ("340300", "蚌埠市")],
    ("370000", "山东省", "山东"): [("370100", "济南市"), ("370200", "青岛市"), ("370700", "潍坊市")],
    ("420000", "湖北省", "湖北"): [("420100", "武汉市"), ("420500", "宜昌市"), ("420600", "襄阳市")],
    ("440000", "广东省", "广东"): [("440100", "广州市"), ("440300", "深圳市"), ("440600", "佛山市")],
    ("510000", "四川省", "四川"): [("510100", "成都市"), ("510700", "绵阳市"), ("511500", "宜宾市")],
}


def builtin_regions() -> list[Region]:
    out = []
    for (pcode, pname, pshort), cities in _BUILTIN.items():
        out.append(Region(pcode, pname, pshort, "province", pname))
        out += [Region(code, name, name[:-1], "city", pname) for code, name in cities]
    return out


def load_regions(path: Path = REGIONS_CSV) -> list[Region]:
    """Regions of loaders/data/seeds/regions.csv, or the built-in list when the seed does not exist."""
    if not path.exists():
        return builtin_regions()
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Region(r["region_code"], r["region_name_zh"], r.get("short_name_zh") or r["region_name_zh"],
                   r["region_level"], r["province_name_zh"])
            for r in csv.DictReader(fh)
        ]


def load_samples(folder: Path = SAMPLES_DIR) -> list[tuple[str, str]]:
    """(stem, text) of the sample documents, in name order."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.iterdir()) if p.is_file()]


# A number not glued to a Latin letter or another number (PM2.5, O3, GB3095 stay as they are).
_NUMBER = re.compile(r"(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![\d.])")
_YEAR = re.compile(r"19[89]\d|20[0-4]\d")
# After these a number is a date, an ordinal or a reference, not a quantity.
_NOT_QUANTITY_AFTER = set("月日时点号届期版级类章节条款")
_NOT_QUANTITY_BEFORE = set("第〔[（(")
_PERCENT = set("%‰")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


@dataclass(frozen=True)
class SyntheticDocument:
    name: str
    text: str  # starts with MARKER
    encoding: str  # utf-8 | gb18030

    @property
    def data(self) -> bytes:
        return self.text.encode(self.encoding)


@dataclass(frozen=True)
class _Sample:
    stem: str
    text: str
    traditional: bool
    provinces: list[Region]  # provinces whose full name occurs in the text
    cities: list[Region]  # cities whose full name occurs in the text
    names: re.Pattern | None  # full and short names of those regions, as written in the text


class CorpusGenerator:
    """Makes document i of a corpus for a seed; cheap per document (two regex passes)."""

    def __init__(self, samples: list[tuple[str, str]], regions: list[Region], seed: int = 0):
        if not samples:
            raise ValueError("no sample documents to vary")
        self.seed = seed
        self.regions = regions
        self._s2t = OpenCC("s2t")
        t2s = OpenCC("t2s")
        self._cities_of: dict[str, list[Region]] = {}
        for r in regions:
            if r.level == "city":
                self._cities_of.setdefault(r.province, []).append(r)
        self._provinces = [r for r in regions if r.level == "province"]
        self._samples = [self._prepare(stem, text, t2s) for stem, text in samples]

    def _written(self, name: str, traditional: bool) -> str:
        return self._s2t.convert(name) if traditional else name

    def _prepare(self, stem: str, text: str, t2s: OpenCC) -> _Sample:
        head = text[:5000]
        traditional = sum(a != b for a, b in zip(head, t2s.convert(head), strict=True)) > len(head) * 0.02
        found = [r for r in self.regions if self._written(r.name, traditional) in text]
        names = sorted({self._written(n, traditional) for r in found for n in (r.name, r.short) if len(n) >= 2},
                       key=lambda n: (-len(n), n))
        pattern = re.compile("|".join(map(re.escape, names))) if names else None
        return _Sample(stem, text, traditional,
                       [r for r in found if r.level == "province"], [r for r in found if r.level == "city"], pattern)

    def _region_map(self, sample: _Sample, rng: random.Random) -> tuple[dict[str, str], Region | None]:
        """Written name -> substitute, for every region the sample names; and the main substitute."""
        need = max(1, len(sample.cities))
        others = [p for p in self._provinces if p not in sample.provinces] or self._provinces
        candidates = [p for p in others if len(self._cities_of.get(p.name, [])) >= need] or others
        targets = rng.sample(candidates, min(len(candidates), len(sample.provinces) + 1))
        province_map = dict(zip((p.name for p in sample.provinces), targets, strict=False))
        main_province = targets[0] if sample.provinces else rng.choice(candidates)
        free = {p.name: list(self._cities_of.get(p.name, [])) for p in targets}
        all_cities = [c for cs in self._cities_of.values() for c in cs]
        mapping: dict[Region, Region] = {p: province_map[p.name] for p in sample.provinces}
        for city in sample.cities:
            home = province_map.get(city.province, main_province)
            pool = free.setdefault(home.name, list(self._cities_of.get(home.name, [])))
            substitute = pool.pop(rng.randrange(len(pool))) if pool else rng.choice(all_cities)
            mapping[city] = substitute
        written: dict[str, str] = {}
        for old, new in mapping.items():
            t = sample.traditional
            written[self._written(old.name, t)] = self._written(new.name, t)
            written.setdefault(self._written(old.short, t), self._written(new.short, t))
        main = next(iter(mapping.values()), None)
        return written, main

    def _vary_numbers(self, text: str, rng: random.Random) -> str:
        shift = rng.choice(YEAR_SHIFTS)

        def replace(m: re.Match) -> str:
            s = m.group()
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            unit_follows = after in _PERCENT or (_is_cjk(after) and after != "年")
            if _YEAR.fullmatch(s) and not unit_follows:
                return str(int(s) + shift)
            if not unit_follows or after in _NOT_QUANTITY_AFTER or before in _NOT_QUANTITY_BEFORE:
                return s
            return _scale(s, rng.uniform(*SCALE), cap=100.0 if after == "%" and float(s) <= 100 else None)

        return _NUMBER.sub(replace, text)

    def document(self, index: int) -> SyntheticDocument:
        """Document `index` of the corpus."""
        rng = random.Random(f"{self.seed}:{index}")
        sample = self._samples[index % len(self._samples)]
        text = sample.text
        mapping, main = self._region_map(sample, rng)
        if sample.names is not None:
            text = sample.names.sub(lambda m: mapping.get(m.group(), m.group()), text)
        text = self._vary_numbers(text, rng)
        encoding = "gb18030" if rng.random() < GB18030_SHARE else "utf-8"
        name = f"{PREFIX}{index:06d}_{main.code if main else 'noregion'}_from_{sample.stem}.txt"
        return SyntheticDocument(name, f"{MARKER}\n{text}", encoding)

    def documents(self, n: int) -> Iterator[SyntheticDocument]:
        for i in range(n):
            yield self.document(i)


def _scale(s: str, factor: float, cap: float | None) -> str:
    """s * factor, written with as many decimals as s; zero stays zero, a positive count stays >= 1."""
    value = float(s)
    if value == 0:
        return s
    decimals = len(s.partition(".")[2])
    new = value * factor
    if cap is not None:
        new = min(new, cap)
    if decimals == 0:
        return str(max(1, round(new)))
    return f"{new:.{decimals}f}"


def check_out_dir(out_dir: Path) -> Path:
    """Refuse any folder of the repository other than benchmarks/out/ (synthetic files must never reach data/)."""
    out = out_dir.resolve()
    inside = lambda root: out == root or root in out.parents  # noqa: E731
    if inside(REPO) and not inside(OUT_ROOT.resolve()):
        raise ValueError(f"synthetic documents may only be written under {OUT_ROOT}, not {out}")
    return out


def write_corpus(out_dir: Path, n: int, seed: int = 0, generator: CorpusGenerator | None = None) -> dict:
    """Write n synthetic documents into out_dir (emptied first); returns counts of files, bytes and characters."""
    out = check_out_dir(out_dir)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    gen = generator or CorpusGenerator(load_samples(), load_regions(), seed)
    n_bytes = n_chars = 0
    for doc in gen.documents(n):
        data = doc.data
        (out / doc.name).write_bytes(data)
        n_bytes += len(data)
        n_chars += len(doc.text)
    return {"documents": n, "bytes": n_bytes, "chars": n_chars}

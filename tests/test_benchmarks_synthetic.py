"""The benchmark's synthetic corpus: deterministic, clearly marked, varied, and kept out of data/."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

# benchmarks/ is not part of the installed package; `pytest` (unlike `python -m pytest`) does not put the
# repository root on sys.path.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import (  # noqa: E402
    MARKER,
    PREFIX,
    REPO,
    CorpusGenerator,
    builtin_regions,
    check_out_dir,
    write_corpus,
)

SAMPLES = [
    ("plan", "2023年江苏省生态环境工作要点\n一、工作目标\n常州市PM2.5浓度低于31微克/立方米,优良天数比率达到80.5%。\n"
             "1.完成727个行政村治理任务,淘汰老旧柴油货车7.5万辆。\n发布日期:2023-04-17 常政发〔2023〕23号\n"),
    ("report", "浙江省2022年工作总结\n全省完成造林1.2万亩,劣V类比例保持为0,第3批试点。\n"),
]


def generator(seed: int = 7) -> CorpusGenerator:
    return CorpusGenerator(SAMPLES, builtin_regions(), seed)


def body(doc) -> str:
    return doc.text.split("\n", 1)[1]


def test_same_seed_gives_same_bytes(tmp_path):
    a = write_corpus(tmp_path / "a", 6, generator=generator())
    b = write_corpus(tmp_path / "b", 6, generator=generator())
    assert a == b
    files_a = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files_a == sorted(p.name for p in (tmp_path / "b").iterdir())
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_other_seed_gives_other_documents():
    assert [d.text for d in generator(1).documents(4)] != [d.text for d in generator(2).documents(4)]


def test_smaller_corpus_is_a_prefix_of_a_larger_one():
    small = [d.data for d in generator().documents(3)]
    large = [d.data for d in generator().documents(8)]
    assert large[:3] == small


def test_every_document_is_marked_synthetic(tmp_path):
    write_corpus(tmp_path, 5, generator=generator())
    for path in tmp_path.iterdir():
        assert path.name.startswith(PREFIX)
        data = path.read_bytes()
        text = data.decode("utf-8") if data.startswith(MARKER.encode("utf-8")) else data.decode("gb18030")
        assert text.splitlines()[0] == MARKER


def test_regions_are_substituted_consistently():
    doc = generator().document(0)
    text = body(doc)
    assert "江苏" not in text and "常州" not in text
    regions = builtin_regions()
    province = next(r for r in regions if r.level == "province" and r.name in text)
    city = next(r for r in regions if r.level == "city" and r.name in text)
    assert city.province == province.name  # a city of the sample's province becomes a city of the new province


def test_years_shift_together_and_numbers_vary():
    doc = generator().document(0)
    text = body(doc)
    years = {int(y) for y in re.findall(r"(\d{4})年", text)} | {int(text.split("发布日期:")[1][:4])}
    assert len(years) == 1 and years != {2023}  # every year moved by the same shift
    original_numbers = re.findall(r"\d+(?:\.\d+)?(?=微克|%|个|万)", SAMPLES[0][1])
    new_numbers = re.findall(r"\d+(?:\.\d+)?(?=微克|%|个|万)", text)
    assert len(new_numbers) == len(original_numbers)
    assert new_numbers != original_numbers
    # decimals keep their precision
    assert [len(n.partition(".")[2]) for n in new_numbers] == [len(n.partition(".")[2]) for n in original_numbers]


def test_what_is_not_a_quantity_is_left_alone():
    text = body(generator().document(1))
    assert "第3批" in text and "为0" in text
    text = body(generator().document(0))
    assert "PM2.5" in text and "\n1.完成" in text and "〕23号" in text


def test_percentages_stay_at_most_100():
    samples = [("p", "江苏省2023年目标:达标率达到99%,覆盖率100%。")]
    gen = CorpusGenerator(samples, builtin_regions(), 3)
    for doc in gen.documents(30):
        assert all(float(v) <= 100 for v in re.findall(r"([\d.]+)%", doc.text))


@pytest.mark.parametrize("inside", ["data", "data/documents", "loaders", "."])
def test_refuses_to_write_into_the_repository_outside_benchmarks_out(inside):
    with pytest.raises(ValueError):
        check_out_dir(REPO / inside / "synthetic")


def test_benchmarks_out_is_allowed():
    assert check_out_dir(REPO / "benchmarks" / "out" / "10" / "docs").is_relative_to(REPO / "benchmarks" / "out")

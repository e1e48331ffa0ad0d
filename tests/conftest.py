"""Shared fixtures: small inline documents, folders of them, loading them into a private raw folder, and the
two builds made once per test session: the sample corpus (`sample_build`) and the whole real corpus
(`corpus_build`)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from loaders.pipeline import LoadOptions, LoadSummary, load_folder
from loaders.writing import read_raw

ROOT = Path(__file__).resolve().parents[1]
ENVWH = Path(sys.executable).with_name("envwh")
RAW_TABLES = ("raw_documents", "raw_items", "raw_measures", "raw_load_errors")


def plan_text(region: str = "浙江省", year: int = 2023, pm25: float = 26, extra: str = "") -> str:
    """A short work plan in the shape of the real ones: title, issuer, numbered items, targets."""
    return (
        f"{region}生态环境厅关于印发《{region}{year}年生态环境工作要点》的通知\n"
        f"{region}{year}年生态环境工作要点\n"
        "一、深入打好蓝天保卫战\n"
        f"（一）{year}年全省PM2.5平均浓度低于{pm25}微克/立方米，空气质量优良天数比率达到90%以上。\n"
        "二、深入打好碧水保卫战\n"
        "（一）地表水省控断面达到或好于Ⅲ类水体比例达到95%。\n"
        f"{extra}"
    )


@pytest.fixture
def make_folder(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Path]:
    """make_folder({"a.txt": "text" or b"bytes", ...}) -> a folder holding those files (called again: adds)."""
    folder = tmp_path / "docs"

    def make(files: dict[str, str | bytes]) -> Path:
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return folder

    return make


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    return tmp_path / "raw"


def run_load(folder: Path, raw: Path, **options) -> LoadSummary:
    """load_folder with one worker unless told otherwise; collects reported errors on the summary."""
    options.setdefault("workers", 1)
    reported: list[dict] = []
    summary = load_folder(folder, raw, LoadOptions(**options), report=reported.append)
    summary.reported = reported  # type: ignore[attr-defined]
    return summary


def rows(raw: Path, table: str) -> list[dict]:
    """Every row of a raw table, over its parts (a row table's base and deltas)."""
    return read_raw(raw, table).to_pylist()


def file_bytes(raw: Path) -> dict[str, bytes]:
    return {t: (raw / f"{t}.parquet").read_bytes() for t in RAW_TABLES}


@dataclass(frozen=True)
class SampleBuild:
    """data/documents after one `envwh refresh`: data/ holds raw/ and the published warehouse.duckdb."""

    data: Path
    refresh: subprocess.CompletedProcess

    @property
    def db(self) -> Path:
        return self.data / "warehouse.duckdb"


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory) -> SampleBuild:
    """The sample corpus loaded and built by dbt ONCE for every test that reads a built warehouse (a dbt build
    is most of the suite's time), run as a scheduler would: from another folder. Tests must not write into it:
    copy it first."""
    work = tmp_path_factory.mktemp("sample")
    data = work / "analyst's data"  # a quote in the path must not break the SQL dbt writes
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("ENVWH_")},  # --data-dir decides
           "DBT_TARGET_PATH": str(work / "target"), "DBT_LOG_PATH": str(work / "logs")}
    refresh = subprocess.run([str(ENVWH), "refresh", str(ROOT / "data" / "documents"), "--data-dir", str(data),
                              "--quiet"], cwd=work, env=env, capture_output=True, text=True, timeout=900)
    assert refresh.returncode == 0, refresh.stdout + refresh.stderr
    return SampleBuild(data, refresh)


@pytest.fixture(scope="session")
def spark(tmp_path_factory):
    """One local Spark session (local[2]) for every Spark test: starting one costs 20-45 s. dbt's
    `session` method (profiles.yml, target spark) picks up this running session."""
    import os
    import shutil

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        message = "the Spark engine needs Java 17 (README, Scaling out)"
        if os.environ.get("CI"):  # CI's machines have it: a missing Java there is a broken machine, not a skip
            pytest.fail(message)
        pytest.skip(message)
    sys.path.insert(0, str(ROOT))  # benchmarks/ is not part of the installed package
    from benchmarks.spark import local_spark_session

    session = local_spark_session(tmp_path_factory.mktemp("spark"))
    yield session
    session.stop()


CORPUS = ROOT / "data" / "corpus"
CORPUS_SETS = ("pdf", "city-reports-2024", "province-reports-2026")  # data/corpus: every document, PDFs included


@dataclass(frozen=True)
class CorpusBuild:
    """data/corpus (all 121 documents, PDFs included) after one `envwh refresh`."""

    data: Path
    refresh: subprocess.CompletedProcess
    files: list[str]  # source_file of every document, as the loaders name it (e.g. "pdf/x.pdf")

    @property
    def db(self) -> Path:
        return self.data / "warehouse.duckdb"

    def raw(self, table: str) -> list[dict]:
        return rows(self.data / "raw", table)


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory) -> CorpusBuild:
    """The whole corpus loaded (two workers) and built by dbt ONCE for the tests that read it: the PDF test,
    the corpus build test and the gold quote test (a PDF load is most of their time). Tests must not write
    into it. The held-out documents are loaded, since the build must hold for them, but never scored."""
    if not all((CORPUS / name).is_dir() for name in CORPUS_SETS):
        pytest.skip("the corpus is not checked out")
    work = tmp_path_factory.mktemp("corpus")
    folder, files = work / "documents", []
    for name in CORPUS_SETS:
        (folder / name).mkdir(parents=True)
        for path in sorted(p for p in (CORPUS / name).iterdir() if p.is_file()):
            os.symlink(path, folder / name / path.name)
            files.append(f"{name}/{path.name}")
    data = work / "data"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("ENVWH_")},  # --data-dir decides
           "DBT_TARGET_PATH": str(work / "target"), "DBT_LOG_PATH": str(work / "logs")}
    refresh = subprocess.run([str(ENVWH), "refresh", str(folder), "--data-dir", str(data), "--workers", "2", "--quiet",
                              "--follow-symlinks"],  # the corpus is linked in, not copied
                             cwd=work, env=env, capture_output=True, text=True, timeout=1800)
    return CorpusBuild(data, refresh, files)

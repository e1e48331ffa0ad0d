"""The package stands alone: its reference data ships inside it, a wheel installs and loads a document from
outside the repository, and the loader fingerprint covers only what parsing reads."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import pipeline, reference

ROOT = Path(__file__).resolve().parents[1]


def _fingerprint_with(tmp_path: Path, monkeypatch, name: str) -> str:
    """LOADER_VERSION of a copy of the package whose reference table `name` got one more line."""
    package = tmp_path / "loaders"
    shutil.copytree(ROOT / "loaders", package, ignore=shutil.ignore_patterns("__pycache__"))
    with open(package / "data" / "seeds" / name, "a", encoding="utf-8") as fh:
        fh.write("\n")
    monkeypatch.setattr(pipeline, "__file__", str(package / "pipeline.py"))
    monkeypatch.setattr(reference, "SEEDS", package / "data" / "seeds")
    return pipeline._loader_version()


def test_editing_a_table_only_dbt_reads_does_not_force_a_reparse(tmp_path, monkeypatch):
    assert _fingerprint_with(tmp_path, monkeypatch, "indicators.csv") == pipeline.LOADER_VERSION


def test_editing_a_table_parsing_reads_does(tmp_path, monkeypatch):
    assert _fingerprint_with(tmp_path, monkeypatch, "domain_keywords.csv") != pipeline.LOADER_VERSION


def test_no_loader_reads_the_repository_seeds_folder():
    for path in (ROOT / "loaders").rglob("*.py"):
        assert '"seeds"' not in path.read_text(encoding="utf-8").replace('"data" / "seeds"', ""), path


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git to copy the tracked tree")
def test_wheel_installs_and_loads_a_document_outside_the_repository(tmp_path):
    """`pip wheel .` of a clean copy of the tracked files, installed into a fresh target folder (no deps:
    they are the venv's), loads a document from a folder that is not the repository."""
    src = tmp_path / "src"
    files = subprocess.run(["git", "ls-files", "-z", "--", "pyproject.toml", "loaders"], cwd=ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(pip + ["wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(src)], check=True)
    (wheel,) = wheels.glob("envwh-*.whl")
    subprocess.run(pip + ["install", "--no-deps", "--target", str(target), str(wheel)], check=True)
    docs = tmp_path / "elsewhere"
    docs.mkdir()
    shutil.copy2(ROOT / "data" / "documents" / sorted(p.name for p in (ROOT / "data" / "documents").iterdir())[0], docs)
    code = (
        "import sys, loaders, pathlib\n"
        f"assert pathlib.Path(loaders.__file__).is_relative_to({str(target)!r}), loaders.__file__\n"
        "from loaders.pipeline import load_folder, LoadOptions\n"
        "s = load_folder(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), LoadOptions(workers=1, progress=False))\n"
        "assert s.parsed == 1 and s.failed == 0 and s.measures > 0, s\n"
        "print(s.measures)\n"
    )
    # -I: isolated (no cwd, no user site, no PYTHONPATH); the installed copy comes first, the venv's deps after
    out = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r})\n" + code,
                          str(docs), str(tmp_path / "raw")], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert int(out.stdout.split()[-1]) > 0

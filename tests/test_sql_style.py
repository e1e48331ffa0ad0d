"""SQL style: `sqlfluff lint` (config in .sqlfluff: duckdb dialect, jinja templater) passes on models/, analyses/ and data-tests/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("sqlfluff", reason="sqlfluff is a dev requirement (requirements-dev.txt)")

ROOT = Path(__file__).resolve().parents[1]


def test_models_analyses_and_data_tests_pass_sqlfluff():
    result = subprocess.run(
        [sys.executable, "-m", "sqlfluff", "lint", "models", "analyses", "data-tests", "--processes", "1", "--disable-progress-bar"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr

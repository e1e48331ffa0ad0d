"""Reference data shipped inside the package: the one place that knows where it lives.

The tables in loaders/data/seeds/ (regions, domains, domain keywords, indicators, indicator synonyms) are
read by the loaders and loaded by dbt as seeds (dbt_project.yml: seed-paths), so both read one copy, and a
wheel (`pip wheel .`) carries them. PARSING_TABLES are those that shape the raw rows: they, and no other
seed, enter the loader fingerprint (pipeline.LOADER_VERSION); indicators and their synonyms are read by dbt
and by the gold evaluation only, so editing them never forces a re-parse.
"""

from __future__ import annotations

from pathlib import Path

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
PARSING_TABLES = ("regions.csv", "domains.csv", "domain_keywords.csv")


def seed(name: str) -> Path:
    """Path of a reference table, e.g. seed("regions.csv")."""
    return SEEDS / name

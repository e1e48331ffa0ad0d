# The two commands of the README:
#   make warehouse   set up, load data/documents, dbt build, publish data/warehouse.duckdb
#   make test        set up, lint, run the unit, integration and gold-evaluation tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup warehouse test lint evaluate benchmark clean

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

warehouse: $(STAMP)
	$(BIN)/envwh refresh data/documents

test: $(STAMP)
	$(BIN)/ruff check loaders tests benchmarks
	$(BIN)/pytest -q

evaluate: $(STAMP)
	$(BIN)/envwh evaluate data/documents tests/gold/measures.csv

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf data/raw data/warehouse.duckdb target logs

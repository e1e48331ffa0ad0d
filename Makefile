# The two commands of the README:
#   make warehouse   set up, load data/documents, dbt build, publish data/warehouse.duckdb
#   make test        set up, lint, run the unit, integration and gold-evaluation tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup warehouse test lint evaluate benchmark benchmark-corpus clean chromium ocr catdoc report screenshots

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

warehouse: $(STAMP)
	$(BIN)/envwh refresh data/documents

test: $(STAMP) chromium ocr catdoc
	$(BIN)/ruff check loaders tests benchmarks
	$(BIN)/pytest -q --durations=20

evaluate: $(STAMP)
	$(BIN)/envwh evaluate data/documents tests/gold/measures.csv

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.run

# The real corpus alone (data/corpus, a few minutes): its block of benchmarks/RESULTS.md.
benchmark-corpus: $(STAMP)
	$(BIN)/python -m benchmarks.run --corpus-only

# Headless Chromium and CJK fonts for the report tests and screenshots (Debian packages; CI runs as root).
# A no-op when both are present.
chromium:
	@command -v chromium >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q . || \
		(apt-get update && apt-get install -y chromium fonts-noto-cjk)

# tesseract and its simplified-Chinese model, for `envwh load --ocr` (scanned PDF pages) and its tests.
# A no-op when both are present.
ocr:
	@command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx chi_sim || \
		(apt-get update && apt-get install -y tesseract-ocr tesseract-ocr-chi-sim)

# catdoc converts old binary Word and WPS files (.doc, .wps) to text for the loader. A no-op when present.
catdoc:
	@command -v catdoc >/dev/null 2>&1 || (apt-get update && apt-get install -y catdoc)

# The static report of the published warehouse, in data/report/index.html
report: $(STAMP)
	$(BIN)/envwh report

# The README's screenshots, taken from a report of the sample warehouse (make warehouse first)
screenshots: $(STAMP) chromium
	$(BIN)/python -m loaders.report.screenshots data/warehouse.duckdb docs

clean:
	rm -rf data/raw data/warehouse.duckdb target logs

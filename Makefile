# Set-up and everyday commands. Only python3 is needed: the rest installs itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
export DAGSTER_HOME ?= $(CURDIR)/.dagster_home
# The installer that installs the pinned dependencies is pinned too.
UV_VERSION := 0.13.9

.PHONY: setup ocr run test evaluate ui samples bench lint clean

# Dependencies are compiled to bytecode once, at install (~25 s): where Python may not write it
# itself (PYTHONDONTWRITEBYTECODE, a read-only install), every start of `oap` or of a test
# would compile Dagster, pandas and the rest again (imports ~6.5 s instead of ~2.5 s).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	rm -f $(VENV)/.installed-* && touch $(STAMP)

setup: $(STAMP) ocr  ## virtual environment from pinned dependencies, plus OCR when possible

ocr:
	@sh scripts/install-ocr.sh

run: setup  ## read the bundled samples: warehouse/oap.duckdb and reports/
	$(BIN)/oap run

test: setup  ## the test suite, on real PDF and Word files, DuckDB and Dagster
	$(BIN)/python -m pytest

evaluate: setup  ## precision and recall of extraction on the labelled corpus
	$(BIN)/oap evaluate

ui: setup  ## the Dagster UI on http://127.0.0.1:3000, same runs as `oap run`
	$(BIN)/oap ui

bench: setup  ## speed and memory on a synthetic pile of documents (DOCUMENTS=500)
	$(BIN)/python -m bench.run_benchmark --documents $(or $(DOCUMENTS),500)

samples: setup  ## regenerate the bundled sample updates from corpus/samples
	$(BIN)/python -m corpus.render corpus/samples samples

lint: setup
	$(BIN)/ruff check .

clean:
	rm -rf reports warehouse/*.duckdb warehouse/*.wal .dagster_home

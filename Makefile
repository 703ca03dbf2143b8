# newsdesk — raw articles ──stage──▶ documents ──spaCy──▶ entities / quotes / figures ──pandera──▶ DuckDB ──▶ SQL views
#   make demo    set up .venv and run the main flow over samples/ into warehouse/news.duckdb
#   make test    set up .venv and run the test suite (what CI runs)
#   make serve   local Prefect server + UI on http://127.0.0.1:4200 and the scheduled inbox deployment
#   make bench   whole commands vs plain spaCy on ../shared/corpus/bbc (1 process, default, re-runs) — BENCHMARKS.md
#   make evaluate  accuracy on the public gold data in ../shared/eval and the seeds — see ACCURACY.md
#   make docs    re-render the README's query outputs and write docs/catalog.html (the data catalogue)
#   make units   rebuild newsdesk/data/units.tsv from the unit catalogues (quantulum3, babel/CLDR, pint)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
WAREHOUSE ?= warehouse/news.duckdb
SHARED ?= ../shared
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: install demo test test-all test-ui bench serve docs evaluate units clean-warehouse

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[test,dask,units]"
	@touch $(STAMP)

demo: install
	rm -f $(WAREHOUSE) $(WAREHOUSE).wal
	$(BIN)/newsdesk run --source samples --warehouse $(WAREHOUSE)
	@echo
	@echo '$$ newsdesk sql "SELECT speaker_name, count(*) AS quotes FROM quotes WHERE speaker_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 8"'
	@$(BIN)/newsdesk sql "SELECT speaker_name, count(*) AS quotes FROM quotes WHERE speaker_name IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 8" --warehouse $(WAREHOUSE)

test: install
	$(BIN)/python -m pytest -q

test-all: install
	$(BIN)/python -m pytest -q -m "slow or not slow"

serve: install
	bash scripts/serve.sh

bench: install
	$(BIN)/newsdesk bench --corpus $(SHARED)/corpus/bbc --json warehouse/bench.json

docs: install
	$(BIN)/python scripts/render_readme.py

test-ui: install
	$(BIN)/python -m pytest -q -m ui

evaluate: install
	$(BIN)/newsdesk evaluate ner --conll $(SHARED)/eval/conll2003/eng.testa
	$(BIN)/newsdesk evaluate quotes --polnear $(SHARED)/eval/polnear
	$(BIN)/newsdesk evaluate figures --newsquant $(SHARED)/eval/newsquant/NewsQuant.dev.json
	$(BIN)/newsdesk evaluate figures --newsquant $(SHARED)/eval/newsquant/NewsQuant.dev.json --part A
	$(BIN)/newsdesk evaluate figures --newsquant $(SHARED)/eval/newsquant/NewsQuant.dev.json --part B
	$(BIN)/newsdesk evaluate seeds --seeds $(SHARED)/seeds

units: install
	PYTHONHASHSEED=0 $(BIN)/python -m newsdesk.unitcatalog

clean-warehouse:
	rm -rf warehouse/news.duckdb warehouse/news.duckdb.wal warehouse/news-raw warehouse/raw

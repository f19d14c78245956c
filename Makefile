# ceasewatch: `make run` (demo on SQLite + dashboard) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CW     := $(BIN)/ceasewatch
DEMO_DB ?= sqlite:///$(CURDIR)/out/demo.db
PG_DIR ?= /tmp/ceasewatch-pg
PG_PORT ?= 54329

.PHONY: run demo test install system-deps lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(BIN)/.installed

system-deps:
	scripts/system-deps.sh

## The main job on the embedded SQLite default: ingest the bundled demo
## corpus, extract claims, link and assess them, serve the dashboard.
demo: install
	@mkdir -p out
	$(CW) --db $(DEMO_DB) ingest demo
	$(CW) --db $(DEMO_DB) extract
	$(CW) --db $(DEMO_DB) assess

run: demo
	$(CW) --db $(DEMO_DB) serve --host 127.0.0.1 --port 8000

lint: install
	$(BIN)/ruff check src tests bench

## Installs everything (venv, Debian packages), starts a throwaway PostgreSQL
## for the storage tests, runs ruff and pytest, stops PostgreSQL.
test: install system-deps
	$(BIN)/ruff check src tests bench
	@PG_URL=$$(PG_DIR=$(PG_DIR) PG_PORT=$(PG_PORT) scripts/pg.sh start) || { echo "could not start PostgreSQL" >&2; exit 1; }; \
	echo "PostgreSQL for tests: $$PG_URL"; \
	CEASEWATCH_TEST_PG="$$PG_URL" $(BIN)/python -m pytest $(PYTEST_ARGS); rc=$$?; \
	PG_DIR=$(PG_DIR) PG_PORT=$(PG_PORT) scripts/pg.sh stop >/dev/null 2>&1 || true; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

bench: install
	for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf out .pytest_cache .ruff_cache

# The two commands a new user needs: `make demo` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export CLA_DATA_DIR ?= $(CURDIR)/data
export DAGSTER_HOME ?= $(CLA_DATA_DIR)/dagster_home
export CLA_WAREHOUSE ?= $(CLA_DATA_DIR)/warehouse.duckdb
export GX_ANALYTICS_ENABLED := false
export DO_NOT_TRACK := 1
export DBT_SEND_ANONYMOUS_USAGE_STATS := false

.PHONY: install browser postgres demo demo-region test ui bench bench-validation bench-england bench-variants bench-region lint clean

# Install once, again only when the dependencies change; every version is pinned in constraints.txt.
$(VENV)/.installed: pyproject.toml constraints.txt
	@command -v $(PYTHON) >/dev/null || { echo "needs $(PYTHON) (Python 3.11)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

install: $(VENV)/.installed

# tests/test_ui.py drives Debian's Chromium through Playwright (a browser is never downloaded), and the scorecard's
# PDF is printed by it; the printing tests render PDFs with poppler and workbooks with LibreOffice. As root (CI
# is), install what is missing; otherwise say how, and those tests fail saying the same. Only `make test` needs them.
RENDERERS := chromium:chromium pdftoppm:poppler-utils soffice:libreoffice-calc-nogui
browser:
	@missing="$$(for pair in $(RENDERERS); do command -v $${pair%%:*} >/dev/null || echo $${pair#*:}; done)"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "not installed: $$missing (sudo apt-get install $$missing): the UI and printing tests need them"; fi

# The PostgreSQL tests (the SSD read from a server, the regional hub, the seeds) start Debian's PostgreSQL in a
# temporary folder (tests/postgres_server.py). As root, install it when it is missing; otherwise say how.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || if [ "$$(id -u)" = 0 ]; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; \
	else echo "postgresql is not installed: the PostgreSQL tests need it (sudo apt-get install postgresql)"; fi

$(DAGSTER_HOME)/dagster.yaml: orchestration/dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp orchestration/dagster.yaml $@

demo: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/cla demo --faults all

# A region of eight synthetic authorities of different sizes: each builds its warehouse and makes its share, the
# hub (the second code location) loads them and builds the regional marts. `make ui` then shows both.
REGION_SCALE ?= 0.1
demo-region: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/cla generate --region 8 --scale $(REGION_SCALE)
	$(BIN)/cla region

# Two workers (pytest-xdist), a file's tests on one worker (its module-scoped build made once); the slowest files
# first (tests/conftest.py), in that order (--no-loadscope-reorder: xdist would put the files of most tests first).
test: install browser postgres
	$(BIN)/pytest -q --durations=15 -n 2 --dist loadfile --no-loadscope-reorder

ui: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

bench: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m orchestration.bench

# Only 903 validation against the sector validator (csc-validator-be-903 in its own environment, if installed;
# see orchestration/ssda903/validation/bench.py).
bench-validation: install
	$(BIN)/python -m orchestration.bench --validation

# Only England's size (scale 45): generate, ingest, build, the return and the scorecard, each step's wall time and
# peak memory; DuckDB bounded by CLA_DUCKDB_MEMORY_LIMIT (4GB unless set), the run stopped past CLA_BENCH_MAX_GIB
# (12). Needs about 20 GB of disk under data/bench/.
bench-england: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m orchestration.bench --england

# Only the other shapes of input at full scale: the SSD layout, and another authority (Lambeth).
bench-variants: install $(DAGSTER_HOME)/dagster.yaml
	$(BIN)/python -m orchestration.bench --variants

# The regional hub at 8 and 33 authorities on DuckDB and PostgreSQL (a server started in a temporary folder).
bench-region: install postgres
	$(BIN)/python -m orchestration.regional.bench

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf data/landing data/warehouse.duckdb data/warehouse.duckdb.wal data/exports dbt_project/target

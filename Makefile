# Two entry points for a new user: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The demo activity log ends on this day, so the demo is scored as of it.
DEMO_AS_OF ?= 2026-09-30
# The CRMs whose loader tables models/staging/<crm>/ stages and models/crm/<crm>/ maps to the
# input contract (var lead_scoring_crm).
CRMS := hubspot salesforce marketo
# dbt-project-evaluator's findings not excepted (scripts/project_evaluator.py) that `make lint`
# lets through: none (every finding is fixed, or excepted with its reason in
# scripts/project_evaluator_exceptions.csv); a change that adds one fails lint.
EVALUATOR_MAX_FINDINGS ?= 0

export DBT_PROFILES_DIR := $(CURDIR)/profiles
export LEAD_SCORING_DUCKDB_PATH ?= $(CURDIR)/lead_scoring.duckdb

.PHONY: install demo test test-bi bi bi-stop lint format demo-data bench docs clean

# --no-compile: Python compiles a module when it is first imported; byte-compiling every file
# of every package at install time took 21 s of the install's 50 (29 s without)
$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-compile -r requirements-dev.txt -c constraints.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-compile --no-deps -e .
	touch $@

install: $(VENV)/.installed

## The demo project integration_tests/ installs this one as a package: seed its demo data,
## score it with `dbt build` and its grid, the shipped one plus the example models of
## grids/examples/ (tests gate the marts), print a summary, publish the marts for BI tools
## (lead_scoring_published.duckdb). The demo's grid is written from those folders each time
## (integration_tests/seeds/grid/, not committed: the rows live in one place).
demo: install
	$(BIN)/lead-scoring check-grid
	cd integration_tests && DBT_PROFILES_DIR=$(CURDIR)/integration_tests/profiles $(CURDIR)/$(BIN)/dbt deps --quiet
	rm -rf integration_tests/seeds/grid
	$(BIN)/lead-scoring add-grid seeds/grid $(sort $(wildcard grids/examples/*)) --seeds-dir integration_tests/seeds/grid
	cd integration_tests && DBT_PROFILES_DIR=$(CURDIR)/integration_tests/profiles $(CURDIR)/$(BIN)/dbt seed --select path:seeds/demo path:seeds/grid --full-refresh
	cd integration_tests && DBT_PROFILES_DIR=$(CURDIR)/integration_tests/profiles $(CURDIR)/$(BIN)/dbt build --exclude path:seeds/demo --vars '{scoring_as_of: "$(DEMO_AS_OF)"}'
	$(BIN)/lead-scoring summary --duckdb "$(LEAD_SCORING_DUCKDB_PATH)" --project-dir integration_tests
	$(BIN)/lead-scoring publish --duckdb "$(LEAD_SCORING_DUCKDB_PATH)" --output "$(CURDIR)/lead_scoring_published.duckdb" --project-dir integration_tests

## Linters, then the test suite (dbt unit and data tests run inside it), with a throwaway
## PostgreSQL server and fakesnow's Snowflake emulator on 127.0.0.1 and Spark in local mode
## for the cross-engine tests (both servers stopped at the end, pass or fail); Java and
## Chromium (the impact report's and the dashboard's pages) come from Debian's packages when
## missing, Apache Superset (the dashboard's test) into its own environment (.superset/venv,
## about a minute, once).
test: lint
	scripts/ensure_debian_package.sh java openjdk-17-jre-headless
	scripts/ensure_debian_package.sh chromium chromium
	scripts/superset.sh install
	scripts/postgres.sh start
	FAKESNOW=$(abspath $(BIN))/fakesnow scripts/fakesnow.sh start || { scripts/postgres.sh stop; exit 1; }
	$(BIN)/pytest; status=$$?; scripts/fakesnow.sh stop; scripts/postgres.sh stop; exit $$status

## The Superset dashboard's test alone (`make test` runs it with the others): installs
## Superset in its own environment, imports the dashboard on a demo warehouse scored on three
## days and reads it in headless Chromium, then again on PostgreSQL (a throwaway server).
test-bi: install
	scripts/ensure_debian_package.sh chromium chromium
	scripts/superset.sh install
	scripts/postgres.sh start
	$(BIN)/pytest -m bi --numprocesses=0 tests/python/test_superset.py; status=$$?; scripts/postgres.sh stop; exit $$status

## Apache Superset on http://127.0.0.1:8088 with the shipped dashboard on the published
## marts of `make demo` (user admin; the password is printed). `make bi-stop` stops it.
bi: install
	scripts/superset.sh setup
	scripts/superset.sh start

bi-stop:
	scripts/superset.sh stop

## Time the build on generated data at 100k and 1M contacts; writes bench/RESULTS.md.
bench: install
	$(BIN)/python bench/benchmark.py --scale medium --scale large

# `make lint`'s steps are independent (each sqlfluff run and each `dbt parse` has its own target
# path and DuckDB file), so they run side by side, the longest first, each step's output
# printed whole when it ends (on two cores, from a clean target/: 114 s one after another, 71 s
# with two at a time, 78 s with three)
LINT_STEPS := lint-sql-models $(CRMS:%=lint-sql-%) lint-dbt $(CRMS:%=lint-dbt-%) lint-sql-peers \
	lint-python
LINT_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
.PHONY: $(LINT_STEPS)

lint: install
	$(MAKE) --no-print-directory --output-sync=target --jobs=$(LINT_JOBS) $(LINT_STEPS)

lint-python:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# one process per CPU (`--processes 0`: 54 s -> 31 s on two cores); its own target path and
# DuckDB file, so that neither `dbt parse` beside it nor a running build gets in its way
lint-sql-models:
	mkdir -p target/sqlfluff
	DBT_TARGET_PATH=target/sqlfluff LEAD_SCORING_DUCKDB_PATH=target/sqlfluff/sqlfluff.duckdb \
		$(BIN)/sqlfluff lint models tests --processes 0

# the benchmark's hand-written peer query: plain SQL with Python placeholders
lint-sql-peers:
	$(BIN)/sqlfluff lint bench/peers --templater python

# each CRM's staging and CRM layer compile only with `lead_scoring_crm` set (else disabled)
$(CRMS:%=lint-sql-%): lint-sql-%:
	mkdir -p target/sqlfluff-$*
	printf '[sqlfluff:templater:dbt]\ntarget_path = target/sqlfluff-%s\n\n[sqlfluff:templater:dbt:context]\nlead_scoring_crm = %s\nload_demo_data = False\n' \
		$* $* > target/sqlfluff-$*.cfg
	LEAD_SCORING_DUCKDB_PATH=target/sqlfluff-$*/sqlfluff.duckdb $(BIN)/sqlfluff lint \
		models/staging/$* models/crm/$* models/marts/scoring_data_quality.sql \
		--config target/sqlfluff-$*.cfg --processes 0

lint-dbt:
	$(BIN)/dbt parse --quiet
	$(BIN)/dbt-score lint --manifest target/manifest.json
	$(BIN)/python scripts/project_evaluator.py --max-findings $(EVALUATOR_MAX_FINDINGS)

# and with each CRM's staging and CRM layer enabled (a manifest each, in target/<crm>/)
$(CRMS:%=lint-dbt-%): lint-dbt-%:
	$(BIN)/dbt parse --quiet --target-path target/$* --vars "{lead_scoring_crm: $*}"
	$(BIN)/python scripts/project_evaluator.py --manifest target/$*/manifest.json \
		--max-findings $(EVALUATOR_MAX_FINDINGS)

format: install
	$(BIN)/ruff format .
	DBT_TARGET_PATH=target/sqlfluff LEAD_SCORING_DUCKDB_PATH=target/sqlfluff/sqlfluff.duckdb \
		$(BIN)/sqlfluff fix models tests --processes 0

## The docs site as one file, target/static_index.html (models, columns, lineage, exposures),
## from the warehouse `make demo` built.
docs: install
	$(BIN)/dbt docs generate --static --vars '{scoring_as_of: "$(DEMO_AS_OF)"}'

## Rewrite the shipped demo dataset (deterministic: the same files every time).
demo-data: install
	$(BIN)/lead-scoring generate --csv integration_tests/seeds/demo

clean:
	rm -rf target logs lead_scoring.duckdb

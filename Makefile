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
## Chromium (the impact report's page) come from Debian's packages when missing.
test: lint
	scripts/ensure_debian_package.sh java openjdk-17-jre-headless
	scripts/ensure_debian_package.sh chromium chromium
	scripts/postgres.sh start
	FAKESNOW=$(abspath $(BIN))/fakesnow scripts/fakesnow.sh start || { scripts/postgres.sh stop; exit 1; }
	$(BIN)/pytest; status=$$?; scripts/fakesnow.sh stop; scripts/postgres.sh stop; exit $$status

## The Superset dashboard's test: installs Superset in its own environment (.superset/venv,
## minutes, once), imports the dashboard on a demo warehouse scored on three days and reads
## it in headless Chromium, then again on PostgreSQL (a throwaway server, as `make test`'s).
## CI runs it as a step of its own, after `make test`.
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

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	# its own DuckDB file, so that a running build never holds the lock; one process per CPU
	# (`--processes 0`: 54 s -> 31 s on two cores)
	LEAD_SCORING_DUCKDB_PATH=target/sqlfluff.duckdb $(BIN)/sqlfluff lint models tests --processes 0
	# the benchmark's hand-written peer query: plain SQL with Python placeholders
	$(BIN)/sqlfluff lint bench/peers --templater python
	# each CRM's staging and CRM layer compile only with `lead_scoring_crm` set (else disabled)
	for crm in $(CRMS); do \
		printf '[sqlfluff:templater:dbt:context]\nlead_scoring_crm = %s\nload_demo_data = False\n' \
			$$crm > target/sqlfluff-$$crm.cfg; \
		LEAD_SCORING_DUCKDB_PATH=target/sqlfluff.duckdb $(BIN)/sqlfluff lint \
			models/staging/$$crm models/crm/$$crm models/marts/scoring_data_quality.sql \
			--config target/sqlfluff-$$crm.cfg --processes 0 || exit 1; \
	done
	$(BIN)/dbt parse --quiet
	$(BIN)/dbt-score lint --manifest target/manifest.json
	$(BIN)/python scripts/project_evaluator.py --max-findings $(EVALUATOR_MAX_FINDINGS)
	# and with each CRM's staging and CRM layer enabled (a manifest each, in target/<crm>/)
	for crm in $(CRMS); do \
		$(BIN)/dbt parse --quiet --target-path target/$$crm --vars "{lead_scoring_crm: $$crm}" \
			&& $(BIN)/python scripts/project_evaluator.py --manifest target/$$crm/manifest.json \
				--max-findings $(EVALUATOR_MAX_FINDINGS) || exit 1; \
	done

format: install
	$(BIN)/ruff format .
	LEAD_SCORING_DUCKDB_PATH=target/sqlfluff.duckdb $(BIN)/sqlfluff fix models tests --processes 0

## The docs site as one file, target/static_index.html (models, columns, lineage, exposures),
## from the warehouse `make demo` built.
docs: install
	$(BIN)/dbt docs generate --static --vars '{scoring_as_of: "$(DEMO_AS_OF)"}'

## Rewrite the shipped demo dataset (deterministic: the same files every time).
demo-data: install
	$(BIN)/lead-scoring generate --csv integration_tests/seeds/demo

clean:
	rm -rf target logs lead_scoring.duckdb

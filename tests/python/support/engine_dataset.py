"""The dataset `test_engines.py` builds on every engine, and its build: the demo's, with
the golden dataset (golden_dataset.py with its extra `tiers` model, together with
grid_language_dataset.py's contacts, optional inputs and test models of the second grid
edition) added to it, moved to the demo's as-of date. `test_superset.py` reads the same
PostgreSQL build (``shared_engine_build``: built once per run, by the first test that
asks)."""

from __future__ import annotations

import csv
import datetime as dt
import re
import shutil
from pathlib import Path

from support import golden_dataset as golden
from support import grid_language_dataset as grid_language
from support.dbt_harness import (
    DEMO_AS_OF,
    DEMO_MODELS,
    NO_UNIT_TESTS,
    TARGETS,
    DbtRun,
    append_seed_rows,
    copy_project,
    demo_input_vars,
    drop_snowflake_schemas,
    run_dbt,
    run_dbt_steps,
    shared_build,
    snowflake_load_csv,
    spark_csv_step,
)

ENGINES = list(TARGETS)
# What each engine's build leaves out. The emulator cannot run dbt's unit tests
# (dbt_harness.NO_UNIT_TESTS); on the other engines they run once, in this build. This
# project's own data tests (its generic tests and singular tests) run on every engine; dbt's
# built-in generic tests are each adapter's own to prove, and the rows they would check
# equal DuckDB's, whose build runs every data test (its unit tests run in the run's demo
# build, conftest.py's ``demo_build``)
NO_BUILT_IN_TESTS = [
    "--exclude",
    *(f"test_name:{name}" for name in ["not_null", "unique", "accepted_values", "relationships"]),
]
EXCLUDED = {
    "duckdb": NO_UNIT_TESTS,
    "snowflake": NO_UNIT_TESTS + NO_BUILT_IN_TESTS,
    "postgres": NO_BUILT_IN_TESTS,
    "spark": NO_BUILT_IN_TESTS,
}
# the schema each engine's build writes to (and `<schema>_demo`, its seeded inputs)
SCHEMA = "engines"
# the golden datasets' dates move by this many days, so that they are scored as of the
# demo's date: every date in them is a number of days before their as-of date, so each
# case keeps its distance to a window's or a half-life's edge
GOLDEN_SHIFT = dt.date.fromisoformat(DEMO_AS_OF) - golden.AS_OF
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?")
# the JVM of a short build on tiny data: its just-in-time compiler's first tier alone (with
# room for its code: the 48 MB it gets by default fills up, the compiler stops and Spark's
# context with it) and one garbage collector thread. Spark's build takes 25-30 % less CPU
# time (233-239 s to 160-183 s, on the two cores CI has) and less wall time (124-136 s to
# 97-109 s), measured three runs each
SPARK_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m -XX:+UseSerialGC"
# the emulator reads each of the INSERTs dbt's seed sends through a SQL parser, and Spark
# runs each batch of them as a job: the demo's 60,000 events take minutes that way and
# seconds by each engine's own bulk load (Snowflake's PUT and COPY INTO, Spark's CSV reader).
# dbt seeds them empty (so with the seed's column types) and every other table in full
BULK_LOADED = {"snowflake": ["events"], "spark": ["events"]}


def shifted(rows: list[dict]) -> list[dict]:
    """``rows`` of a golden dataset with every date and timestamp ``GOLDEN_SHIFT`` later."""

    def moved(value):
        if not (isinstance(value, str) and _TIMESTAMP.fullmatch(value)):
            return value
        date, _, time = value.partition(" ")
        later = (dt.date.fromisoformat(date) + GOLDEN_SHIFT).isoformat()
        return f"{later} {time}" if time else later

    return [{column: moved(value) for column, value in row.items()} for row in rows]


def add_to_demo_seed(project_dir: Path, table: str, rows: list[dict]) -> None:
    """Append ``rows`` to a demo seed, in the seed's own column order."""
    path = project_dir / "seeds" / "demo" / f"{table}.csv"
    with path.open(newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        for row in rows:
            writer.writerow(
                {
                    column: str(row.get(column)).lower()
                    if isinstance(row.get(column), bool)
                    else row.get(column)
                    for column in header
                }
            )


def prepare(workdir: Path) -> Path:
    """The demo project with both golden datasets added to its seeds and grid: their
    contact, account and event keys are distinct from each other's and the demo's."""
    project_dir = copy_project(workdir / "project", DEMO_MODELS, with_demo=True)
    assert golden.AS_OF == grid_language.AS_OF
    for table, rows in {
        "contacts": golden.CONTACTS + grid_language.CONTACTS,
        "accounts": golden.ACCOUNTS + grid_language.ACCOUNTS,
        "events": golden.EVENTS + grid_language.EVENTS,
        "conversions": golden.CONVERSIONS + grid_language.CONVERSIONS,
        "contact_attributes": grid_language.ATTRIBUTES,
        "sales_feedback": grid_language.FEEDBACK,
    }.items():
        add_to_demo_seed(project_dir, table, shifted(rows))
    for extra_rows in (golden.GRID_ROWS, grid_language.GRID_ROWS):
        for seed, rows in extra_rows.items():
            append_seed_rows(project_dir, seed, rows)
    return project_dir


def engine_env(workdir: Path, engine: str) -> dict[str, str]:
    """The environment that points dbt at ``engine`` and the build's schema there."""
    return {
        "LEAD_SCORING_TARGET": TARGETS[engine],
        "LEAD_SCORING_PG_SCHEMA": SCHEMA,
        "LEAD_SCORING_SPARK_SCHEMA": SCHEMA,
        "LEAD_SCORING_SPARK_DIR": str(workdir / "spark"),
        "LEAD_SCORING_SPARK_JAVA_OPTIONS": SPARK_JAVA_OPTIONS,
        "LEAD_SCORING_SNOWFLAKE_SCHEMA": SCHEMA,
    }


def build_variables(engine: str) -> dict[str, object]:
    # the demo seeds load into <target schema>_demo (DuckDB's profile schema is main)
    return {
        "scoring_as_of": DEMO_AS_OF,
        **demo_input_vars("main" if engine == "duckdb" else SCHEMA),
    }


def build(workdir: Path, engine: str) -> DbtRun:
    """Seed, then build (4 threads), on one engine."""
    project_dir = prepare(workdir)
    env = engine_env(workdir, engine)
    if engine == "snowflake":
        drop_snowflake_schemas(SCHEMA)
    duckdb_path = workdir / "scores.duckdb"
    variables = build_variables(engine)
    bulk_files = {}
    for table in BULK_LOADED.get(engine, []):
        seed = project_dir / "seeds" / "demo" / f"{table}.csv"
        bulk_files[table] = Path(shutil.move(seed, workdir / seed.name))
        with bulk_files[table].open() as handle:
            seed.write_text(handle.readline())
    seeding = ["seed", "--full-refresh"]
    # the seeds are the build's inputs (its sources, not its parents): seeded first
    building = ["build", "--exclude", "resource_type:seed", *EXCLUDED.get(engine, [])]
    if bulk_files and engine == "spark":
        loading = [
            spark_csv_step(f"{SCHEMA}_demo.{table}", path) for table, path in bulk_files.items()
        ]
        # one process: the loads run in the session dbt's seed started
        built = run_dbt_steps(
            project_dir, duckdb_path, [seeding, *loading, building], variables, 4, env
        )
    elif bulk_files:
        seeded = run_dbt(project_dir, duckdb_path, seeding, variables, 4, env)
        assert seeded.returncode == 0, seeded.output
        for table, path in bulk_files.items():
            snowflake_load_csv(f"{SCHEMA}_demo", table, path)
        built = run_dbt(project_dir, duckdb_path, building, variables, 4, env)
    else:
        # both in one process: dbt starts once
        built = run_dbt_steps(project_dir, duckdb_path, [seeding, building], variables, 4, env)
    assert built.returncode == 0, built.output
    return built


def shared_engine_build(tmp_path_factory, engine: str) -> DbtRun:
    """``build`` on ``engine`` once per test run, shared by the tests and workers that read
    it (``shared_build``); on DuckDB a test copies it before it queries or changes it, on
    the other engines it lives in the engine's schema ``SCHEMA``."""
    return shared_build(
        tmp_path_factory, f"{SCHEMA}_{engine}", lambda workdir: build(workdir, engine)
    )

"""The same SQL gives the same scores on DuckDB, PostgreSQL, Apache Spark and Snowflake
(fakesnow's emulator).

One dataset is built with `dbt build` on every engine: the demo's, with the golden dataset
(support/golden_dataset.py with its extra `tiers` model, together with
support/grid_language_dataset.py's contacts, optional inputs and test models of the second
grid edition) added to it, moved to the demo's as-of date. lead_scores, lead_score_details,
account_scores and the evaluation marts must hold identical rows everywhere (rates to nine
decimals). PostgreSQL and the Snowflake emulator must be running (`scripts/postgres.sh
start`, `scripts/fakesnow.sh start`: `make test` starts both); Spark runs inside dbt
(session method). On the emulator an invalid grid must publish nothing, with the messages it
gets everywhere else.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import re
import shutil
from pathlib import Path

import duckdb
import psycopg2
import pytest

from support import bad_grids
from support import golden_dataset as golden
from support import grid_language_dataset as grid_language
from support.dbt_harness import (
    DEMO_AS_OF,
    DEMO_MODELS,
    NO_UNIT_TESTS,
    PG,
    TARGETS,
    DbtRun,
    append_seed_rows,
    copy_project,
    copy_run,
    demo_input_vars,
    drop_snowflake_schemas,
    run_dbt,
    run_dbt_steps,
    shared_build,
    snowflake_load_csv,
    snowflake_query,
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
MARTS = [
    "lead_scores",
    "lead_score_details",
    "lead_next_steps",
    "score_evaluation_by_grade",
    "score_evaluation_by_zone",
    "score_model_performance",
    "account_scores",
    "score_sales_feedback_by_grade",
    "score_calibration",
]
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


def normalised(rows) -> list[tuple]:
    def value(item):
        if isinstance(item, (decimal.Decimal, float)) and item == int(item):
            return int(item)
        if isinstance(item, float):  # rates and AUC: sums in another order, same to 1e-9
            return round(item, 9)
        if isinstance(item, dt.datetime):
            return item.date()
        return item

    return sorted((tuple(value(item) for item in row) for row in rows), key=repr)


def fetch(run: DbtRun, engine: str, table: str) -> list[tuple]:
    if engine == "duckdb":
        return normalised(run.query(f"select * from main.{table}"))
    if engine == "postgres":
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            cursor.execute(f"select * from {SCHEMA}.{table}")
            return normalised(cursor.fetchall())
    if engine == "snowflake":
        return normalised(snowflake_query(f"select * from {SCHEMA}.{table}"))
    # Spark keeps its tables as Parquet files under the warehouse directory
    files = run.project_dir.parent / "spark" / "warehouse" / f"{SCHEMA}.db" / table / "*.parquet"
    return normalised(duckdb.sql(f"select * from '{files}'").fetchall())


class _Cache(dict):
    """A dict that computes a missing key's value once, when a test first asks for it (a
    test selected with -k builds only the engines it compares). A failure is kept too: the
    other tests of a failed build fail at once instead of building it again."""

    def __init__(self, compute):
        super().__init__()
        self._compute = compute
        self._failures: dict = {}

    def __missing__(self, key):
        if key in self._failures:
            raise self._failures[key]
        try:
            self[key] = self._compute(*key)
        except Exception as failure:
            self._failures[key] = failure
            raise
        return self[key]


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[tuple[str], DbtRun]:
    """The dataset built on each engine, by (engine,). The DuckDB build every other engine
    compares with is built once per run (``shared_build``: the workers take the engines
    apart)."""

    def compute(engine: str) -> DbtRun:
        workdir = tmp_path_factory.mktemp(engine)
        if engine != "duckdb":
            return build(workdir, engine)
        shared = shared_build(
            tmp_path_factory, SCHEMA, lambda shared_dir: build(shared_dir, engine)
        )
        assert shared.returncode == 0, shared.output
        return copy_run(shared, workdir)

    return _Cache(compute)


@pytest.fixture(scope="module")
def marts(builds) -> dict[tuple[str, str], list[tuple]]:
    """Each mart's rows, by (engine, table)."""
    return _Cache(lambda engine, table: fetch(builds[(engine,)], engine, table))


@pytest.mark.parametrize("table", MARTS)
@pytest.mark.parametrize("engine", ["postgres", "spark", "snowflake"])
def test_engine_publishes_the_same_rows_as_duckdb(marts, engine, table):
    reference = marts[("duckdb", table)]
    assert reference, "DuckDB published nothing to compare with"
    assert marts[(engine, table)] == reference


@pytest.mark.parametrize("engine", ENGINES)
def test_golden_reasons_survive_every_engine(marts, engine):
    # the ordered reasons are the most engine-sensitive column: check one by hand too
    rows = marts[(engine, "lead_scores")]
    # score_reasons is the 12th column of lead_scores
    reasons = [row[11] for row in rows if row[0] == "reasons" and row[2] == "default"]
    assert reasons == [
        "Key page visits (2) +1000; Demo or contact request +1000; Unsubscribe -500; "
        "Target industry +300; Webinar registration +200; Senior title +200; "
        "Phone provided +50"
    ]


# grid errors of the shipped `default` model, each in a different seed row, made at once:
# the validation names every problem
PUBLISHED = ["lead_scores", "lead_score_details"]
SNOWFLAKE_BAD_GRIDS = [
    "unknown operator and attribute no input table has",
    "tier above its cap",
    "between value that is not two numbers",
    "zone matrix missing a cell",
]


def test_invalid_grid_publishes_nothing_on_snowflake(builds, marts):
    """Cases of support/bad_grids.py (test_bad_grids.py) on the emulator: the build fails
    with the same messages and the published scores stay as the good build left them."""
    run = builds[("snowflake",)]
    before = {table: marts[("snowflake", table)] for table in PUBLISHED}
    for case in SNOWFLAKE_BAD_GRIDS:
        change, _ = bad_grids.BAD_GRIDS[case]
        change(run.project_dir)
    workdir = run.project_dir.parent
    rebuilt = run_dbt(
        run.project_dir,
        run.duckdb_path,
        [*bad_grids.GATED_BUILD, *NO_UNIT_TESTS],
        build_variables("snowflake"),
        4,
        engine_env(workdir, "snowflake"),
    )

    assert rebuilt.returncode != 0
    assert "The scoring grid is invalid; nothing was published" in rebuilt.output
    for case in SNOWFLAKE_BAD_GRIDS:
        for words in bad_grids.BAD_GRIDS[case][1]:
            assert words in rebuilt.output, case
    assert before["lead_scores"], "the good build published no score"
    for table in PUBLISHED:
        assert fetch(rebuilt, "snowflake", table) == before[table]

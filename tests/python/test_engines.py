"""The same SQL gives the same scores on DuckDB, PostgreSQL, Apache Spark and Snowflake
(fakesnow's emulator).

The demo dataset and the golden dataset (support/golden_dataset.py with its extra `tiers`
model, together with support/grid_language_dataset.py's contacts, optional inputs and test models of
the second grid edition) are each loaded as seeds and built with `dbt build` on every
engine; lead_scores, lead_score_details, account_scores and the evaluation marts must hold
identical rows everywhere (rates to nine decimals). PostgreSQL and the Snowflake emulator
must be running (`scripts/postgres.sh start`, `scripts/fakesnow.sh start`: `make test` starts
both); Spark runs inside dbt (session method). On the emulator an invalid grid must publish
nothing, with the messages it gets everywhere else.
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
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
    build_demo,
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
# What each engine's builds leave out. The emulator cannot run dbt's unit tests
# (dbt_harness.NO_UNIT_TESTS); on the other engines they run with the golden dataset:
# their inputs are their own given rows, so the demo's build would run the same ones again.
# This project's own data tests (its generic tests and singular tests) run on every engine
# with the golden dataset; dbt's built-in generic tests are each adapter's own to prove, and
# the rows they would check equal DuckDB's, whose builds run every test. The demo's builds
# elsewhere skip the data tests altogether: their marts must equal DuckDB's row for row,
# and DuckDB's demo build runs every data test on those rows
NO_DATA_TESTS = ["--exclude-resource-type", "test"]
NO_BUILT_IN_TESTS = [
    "--exclude",
    *(f"test_name:{name}" for name in ["not_null", "unique", "accepted_values", "relationships"]),
]
EXCLUDED = {
    ("snowflake", "demo"): NO_UNIT_TESTS + NO_DATA_TESTS,
    ("snowflake", "golden"): NO_UNIT_TESTS + NO_BUILT_IN_TESTS,
    ("postgres", "demo"): NO_UNIT_TESTS + NO_DATA_TESTS,
    ("postgres", "golden"): NO_BUILT_IN_TESTS,
    ("spark", "demo"): NO_UNIT_TESTS + NO_DATA_TESTS,
    ("spark", "golden"): NO_BUILT_IN_TESTS,
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
DATASETS = {"demo": DEMO_AS_OF, "golden": golden.AS_OF.isoformat()}
# the emulator reads each of the INSERTs dbt's seed sends through a SQL parser, and Spark
# runs each batch of them as a job: the demo's 60,000 events take minutes that way and
# seconds by each engine's own bulk load (Snowflake's PUT and COPY INTO, Spark's CSV reader).
# dbt seeds them empty (so with the seed's column types) and every other table in full; the
# golden builds seed their events with dbt as well
BULK_LOADED = {("snowflake", "demo"): ["events"], ("spark", "demo"): ["events"]}


def write_demo_seed(project_dir: Path, table: str, rows: list[dict]) -> None:
    """Replace a demo seed with ``rows``, in the seed's own column order."""
    path = project_dir / "seeds" / "demo" / f"{table}.csv"
    with path.open(newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {
                    column: str(row.get(column)).lower()
                    if isinstance(row.get(column), bool)
                    else row.get(column)
                    for column in header
                }
            )


def prepare(workdir: Path, dataset: str) -> Path:
    project_dir = copy_project(workdir / "project", DEMO_MODELS, with_demo=True)
    if dataset == "golden":
        # both golden datasets at once: their contact, account and event keys are distinct,
        # and both are scored as of the same date
        assert golden.AS_OF == grid_language.AS_OF
        write_demo_seed(project_dir, "contacts", golden.CONTACTS + grid_language.CONTACTS)
        write_demo_seed(project_dir, "accounts", golden.ACCOUNTS + grid_language.ACCOUNTS)
        write_demo_seed(project_dir, "events", golden.EVENTS + grid_language.EVENTS)
        write_demo_seed(project_dir, "conversions", golden.CONVERSIONS + grid_language.CONVERSIONS)
        write_demo_seed(project_dir, "contact_attributes", grid_language.ATTRIBUTES)
        write_demo_seed(project_dir, "sales_feedback", grid_language.FEEDBACK)
        for extra_rows in (golden.GRID_ROWS, grid_language.GRID_ROWS):
            for seed, rows in extra_rows.items():
                append_seed_rows(project_dir, seed, rows)
    return project_dir


def engine_env(workdir: Path, engine: str, dataset: str) -> dict[str, str]:
    """The environment that points dbt at ``engine`` and the dataset's schema there."""
    schema = f"engines_{dataset}"
    return {
        "LEAD_SCORING_TARGET": TARGETS[engine],
        "LEAD_SCORING_PG_SCHEMA": schema,
        "LEAD_SCORING_SPARK_SCHEMA": schema,
        "LEAD_SCORING_SPARK_DIR": str(workdir / "spark"),
        "LEAD_SCORING_SNOWFLAKE_SCHEMA": schema,
    }


def build(workdir: Path, engine: str, dataset: str) -> DbtRun:
    """Seed, then build (4 threads), on one engine."""
    project_dir = prepare(workdir, dataset)
    env = engine_env(workdir, engine, dataset)
    schema = f"engines_{dataset}"
    if engine == "snowflake":
        drop_snowflake_schemas(schema)
    duckdb_path = workdir / "scores.duckdb"
    # the demo seeds load into <target schema>_demo (DuckDB's profile schema is main)
    demo = demo_input_vars("main" if engine == "duckdb" else schema)
    variables = {"scoring_as_of": DATASETS[dataset], **demo}
    bulk_files = {}
    for table in BULK_LOADED.get((engine, dataset), []):
        seed = project_dir / "seeds" / "demo" / f"{table}.csv"
        bulk_files[table] = Path(shutil.move(seed, workdir / seed.name))
        with bulk_files[table].open() as handle:
            seed.write_text(handle.readline())
    seeding = ["seed", "--full-refresh"]
    # the seeds are the build's inputs (its sources, not its parents): seeded first
    building = ["build", "--exclude", "resource_type:seed", *EXCLUDED.get((engine, dataset), [])]
    if bulk_files and engine == "spark":
        loading = [
            spark_csv_step(f"{schema}_demo.{table}", path) for table, path in bulk_files.items()
        ]
        # one process: the loads run in the session dbt's seed started
        built = run_dbt_steps(
            project_dir, duckdb_path, [seeding, *loading, building], variables, 4, env
        )
    elif bulk_files:
        seeded = run_dbt(project_dir, duckdb_path, seeding, variables, 4, env)
        assert seeded.returncode == 0, seeded.output
        for table, path in bulk_files.items():
            snowflake_load_csv(f"{schema}_demo", table, path)
        built = run_dbt(project_dir, duckdb_path, building, variables, 4, env)
    else:
        # both in one process: dbt starts once (on Spark, so do the JVM and its session)
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


def fetch(run: DbtRun, engine: str, dataset: str, table: str) -> list[tuple]:
    schema = f"engines_{dataset}"
    if engine == "duckdb":
        return normalised(run.query(f"select * from main.{table}"))
    if engine == "postgres":
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            cursor.execute(f"select * from {schema}.{table}")
            return normalised(cursor.fetchall())
    if engine == "snowflake":
        return normalised(snowflake_query(f"select * from {schema}.{table}"))
    # Spark keeps its tables as Parquet files under the warehouse directory
    files = run.project_dir.parent / "spark" / "warehouse" / f"{schema}.db" / table / "*.parquet"
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
def builds(tmp_path_factory) -> dict[tuple[str, str], DbtRun]:
    """Each dataset built on each engine, by (engine, dataset). The DuckDB builds every other
    engine compares with are built once per run (``shared_build``: the workers take the
    engines apart), the demo's being the run's demo build (``build_demo``, conftest.py's
    ``demo_build``: the same seeds, vars and build as ``build``'s)."""

    def compute(engine: str, dataset: str) -> DbtRun:
        workdir = tmp_path_factory.mktemp(f"{engine}_{dataset}")
        if (engine, dataset) == ("duckdb", "demo"):
            shared = shared_build(tmp_path_factory, "demo", build_demo)
        elif engine == "duckdb":
            shared = shared_build(
                tmp_path_factory,
                f"engines_{dataset}",
                lambda shared_dir: build(shared_dir, engine, dataset),
            )
        else:
            return build(workdir, engine, dataset)
        assert shared.returncode == 0, shared.output
        return copy_run(shared, workdir)

    return _Cache(compute)


@pytest.fixture(scope="module")
def marts(builds) -> dict[tuple[str, str, str], list[tuple]]:
    """Each mart's rows, by (engine, dataset, table)."""
    return _Cache(
        lambda engine, dataset, table: fetch(builds[(engine, dataset)], engine, dataset, table)
    )


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize("table", MARTS)
@pytest.mark.parametrize("engine", ["postgres", "spark", "snowflake"])
def test_engine_publishes_the_same_rows_as_duckdb(marts, engine, dataset, table):
    reference = marts[("duckdb", dataset, table)]
    assert reference, "DuckDB published nothing to compare with"
    assert marts[(engine, dataset, table)] == reference


@pytest.mark.parametrize("engine", ENGINES)
def test_golden_reasons_survive_every_engine(marts, engine):
    # the ordered reasons are the most engine-sensitive column: check one by hand too
    rows = marts[(engine, "golden", "lead_scores")]
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
    run = builds[("snowflake", "golden")]
    before = {table: marts[("snowflake", "golden", table)] for table in PUBLISHED}
    for case in SNOWFLAKE_BAD_GRIDS:
        change, _ = bad_grids.BAD_GRIDS[case]
        change(run.project_dir)
    workdir = run.project_dir.parent
    rebuilt = run_dbt(
        run.project_dir,
        run.duckdb_path,
        [*bad_grids.GATED_BUILD, *NO_UNIT_TESTS],
        {"scoring_as_of": DATASETS["golden"]},
        4,
        engine_env(workdir, "snowflake", "golden"),
    )

    assert rebuilt.returncode != 0
    assert "The scoring grid is invalid; nothing was published" in rebuilt.output
    for case in SNOWFLAKE_BAD_GRIDS:
        for words in bad_grids.BAD_GRIDS[case][1]:
            assert words in rebuilt.output, case
    assert before["lead_scores"], "the good build published no score"
    for table in PUBLISHED:
        assert fetch(rebuilt, "snowflake", "golden", table) == before[table]

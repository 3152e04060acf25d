"""The same SQL gives the same scores on DuckDB, PostgreSQL, Apache Spark and Snowflake
(fakesnow's emulator).

One dataset is built with `dbt build` on every engine (support/engine_dataset.py): the
demo's, with the golden dataset (support/golden_dataset.py with its extra `tiers` model,
together with support/grid_language_dataset.py's contacts, optional inputs and test models
of the second grid edition) added to it, moved to the demo's as-of date. lead_scores,
lead_score_details, account_scores and the evaluation marts must hold identical rows
everywhere (rates to nine decimals). PostgreSQL and the Snowflake emulator must be running
(`scripts/postgres.sh start`, `scripts/fakesnow.sh start`: `make test` starts both); Spark
runs inside dbt (session method). On the emulator an invalid grid must publish nothing,
with the messages it gets everywhere else.
"""

from __future__ import annotations

import datetime as dt
import decimal

import duckdb
import psycopg2
import pytest

from support import bad_grids
from support.dbt_harness import PG, DbtRun, copy_run, run_dbt, snowflake_query
from support.engine_dataset import (
    ENGINES,
    NO_UNIT_TESTS,
    SCHEMA,
    build,
    build_variables,
    engine_env,
    shared_engine_build,
)

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
# the builds other tests read too, made once per run (``shared_engine_build``): DuckDB's,
# which every engine's is compared with, and PostgreSQL's, which test_superset.py's
# dashboard reads
SHARED = ("duckdb", "postgres")


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
    """The dataset built on each engine, by (engine,). The ``SHARED`` builds are made once
    per run (the workers take the engines apart); a copy of DuckDB's is read."""

    def compute(engine: str) -> DbtRun:
        workdir = tmp_path_factory.mktemp(engine)
        if engine not in SHARED:
            return build(workdir, engine)
        shared = shared_engine_build(tmp_path_factory, engine)
        assert shared.returncode == 0, shared.output
        return copy_run(shared, workdir) if engine == "duckdb" else shared

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

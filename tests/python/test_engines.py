"""The same SQL gives the same scores on DuckDB, PostgreSQL and Apache Spark.

The demo dataset and the golden dataset (test_golden_scores.py with its extra `tiers`
model, together with test_grid_language.py's contacts, optional inputs and test models of
the second grid edition) are each loaded as seeds and built with `dbt build` on every
engine; lead_scores, lead_score_details, account_scores and the evaluation marts must hold
identical rows everywhere (rates to nine decimals). PostgreSQL must be running
(`scripts/postgres.sh start`, done by `make test`); Spark runs inside dbt (session method).
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import os
from pathlib import Path

import duckdb
import psycopg2
import pytest

import test_golden_scores as golden
import test_grid_language as grid_language
from dbt_harness import (
    DEMO_MODELS,
    DbtRun,
    append_seed_rows,
    copy_project,
    demo_input_vars,
    run_dbt,
)

ENGINES = ["duckdb", "postgres", "spark"]
MARTS = [
    "lead_scores",
    "lead_score_details",
    "score_evaluation_by_grade",
    "score_model_performance",
    "account_scores",
    "score_sales_feedback_by_grade",
]
DATASETS = {"demo": "2026-09-30", "golden": golden.AS_OF.isoformat()}
PG = {
    "host": os.environ.get("LEAD_SCORING_PG_HOST", "127.0.0.1"),
    "port": int(os.environ.get("LEAD_SCORING_PG_PORT", "55432")),
    "user": os.environ.get("LEAD_SCORING_PG_USER", "lead_scoring"),
    "password": os.environ.get("LEAD_SCORING_PG_PASSWORD", "lead_scoring"),
    "dbname": os.environ.get("LEAD_SCORING_PG_DATABASE", "lead_scoring"),
}


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
        write_demo_seed(project_dir, "conversions", grid_language.CONVERSIONS)
        write_demo_seed(project_dir, "contact_attributes", grid_language.ATTRIBUTES)
        write_demo_seed(project_dir, "sales_feedback", grid_language.FEEDBACK)
        for extra_rows in (golden.TIERS_MODEL_ROWS, grid_language.GRID_ROWS):
            for seed, rows in extra_rows.items():
                append_seed_rows(project_dir, seed, rows)
    return project_dir


def build(workdir: Path, engine: str, dataset: str) -> DbtRun:
    """Seed, then build (4 threads once the seeds are in), on one engine."""
    project_dir = prepare(workdir, dataset)
    schema = f"engines_{dataset}"
    env = {
        "LEAD_SCORING_TARGET": engine,
        "LEAD_SCORING_PG_SCHEMA": schema,
        "LEAD_SCORING_SPARK_SCHEMA": schema,
        "LEAD_SCORING_SPARK_DIR": str(workdir / "spark"),
    }
    duckdb_path = workdir / "scores.duckdb"
    # the demo seeds load into <target schema>_demo (DuckDB's profile schema is main)
    demo = demo_input_vars("main" if engine == "duckdb" else schema)
    variables = {"scoring_as_of": DATASETS[dataset], **demo}
    seeded = run_dbt(project_dir, duckdb_path, ["seed", "--full-refresh"], variables, 4, env)
    assert seeded.returncode == 0, seeded.output
    built = run_dbt(
        project_dir, duckdb_path, ["build", "--exclude", "resource_type:seed"], variables, 4, env
    )
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
    # Spark keeps its tables as Parquet files under the warehouse directory
    files = run.project_dir.parent / "spark" / "warehouse" / f"{schema}.db" / table / "*.parquet"
    return normalised(duckdb.sql(f"select * from '{files}'").fetchall())


@pytest.fixture(scope="module")
def marts(tmp_path_factory) -> dict[tuple[str, str, str], list[tuple]]:
    found = {}
    for dataset in DATASETS:
        for engine in ENGINES:
            workdir = tmp_path_factory.mktemp(f"{engine}_{dataset}")
            run = build(workdir, engine, dataset)
            for table in MARTS:
                found[(engine, dataset, table)] = fetch(run, engine, dataset, table)
    return found


@pytest.mark.parametrize("dataset", list(DATASETS))
@pytest.mark.parametrize("table", MARTS)
@pytest.mark.parametrize("engine", ["postgres", "spark"])
def test_engine_publishes_the_same_rows_as_duckdb(marts, engine, dataset, table):
    reference = marts[("duckdb", dataset, table)]
    assert reference, "DuckDB published nothing to compare with"
    assert marts[(engine, dataset, table)] == reference


def test_golden_reasons_survive_every_engine(marts):
    # the ordered reasons are the most engine-sensitive column: check one by hand too
    for engine in ENGINES:
        rows = marts[(engine, "golden", "lead_scores")]
        # score_reasons is the 12th column of lead_scores
        reasons = [row[11] for row in rows if row[0] == "reasons" and row[2] == "default"]
        assert reasons == [
            "Key page visits (2) +1000; Demo or contact request +1000; Unsubscribe -500; "
            "Target industry +300; Webinar registration +200; Senior title +200; "
            "Phone provided +50"
        ], engine

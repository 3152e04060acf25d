"""Build the dbt project on contract-shaped inputs written by a test, in a scratch copy.

Each build copies the project into a temporary directory (so a test may add grid rows
without touching the repository), writes the input tables into a fresh DuckDB file, runs
`dbt build` there and hands back the file to query.
"""

from __future__ import annotations

import atexit
import contextlib
import csv
import fcntl
import hashlib
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from lead_scoring import grid_files, warehouse

PROJECT_ROOT = Path(__file__).resolve().parents[3]
# `LEAD_SCORING_DEEP=1 make test`: the deeper run (docs/tests.md) that the CI run is sized
# down from: the property tests draw ten times the examples, every invalid grid builds alone
DEEP = os.environ.get("LEAD_SCORING_DEEP") == "1"
# `LEAD_SCORING_DBT_IN_CHILD=1`: every dbt run in a child process of its own, as dbt's command
# line runs (DuckDB runs otherwise run in the test's process: ``_run_in_this_process``)
IN_CHILD_PROCESS = os.environ.get("LEAD_SCORING_DBT_IN_CHILD") == "1"
INPUT_SCHEMA = "test_input"
# a build's data tests left out (added to a command), where its marts must equal ones they
# passed on or another test proves them
NO_DATA_TESTS = ["--exclude-resource-type", "test"]
# a build that only feeds a comparison: seeds and models, none of the data and unit tests
SCORE_ONLY = ["build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
# DuckDB's column types as PostgreSQL spells them, to copy an input table there
POSTGRES_TYPES = {
    "VARCHAR": "text",
    "TIMESTAMP": "timestamp",
    "DATE": "date",
    "BOOLEAN": "boolean",
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "DOUBLE": "double precision",
    "DECIMAL": "numeric",
}
MARTS_SCHEMA = "main"
# the throwaway server scripts/postgres.sh starts (`make test` does) and the `postgres`
# target of profiles/profiles.yml reaches
PG = {
    "host": os.environ.get("LEAD_SCORING_PG_HOST", "127.0.0.1"),
    "port": int(os.environ.get("LEAD_SCORING_PG_PORT", "55432")),
    "user": os.environ.get("LEAD_SCORING_PG_USER", "lead_scoring"),
    "password": os.environ.get("LEAD_SCORING_PG_PASSWORD", "lead_scoring"),
    "dbname": os.environ.get("LEAD_SCORING_PG_DATABASE", "lead_scoring"),
}
# fakesnow's emulator as scripts/fakesnow.sh starts it (`make test` does) and the
# `snowflake_emulated` target of profiles/profiles.yml reaches it
SNOWFLAKE_EMULATED = {
    "account": "fakesnow",
    "user": "fake",
    "password": "snow",
    "host": "127.0.0.1",
    "port": int(os.environ.get("LEAD_SCORING_FAKESNOW_PORT", "55450")),
    "protocol": "http",
    "database": os.environ.get("LEAD_SCORING_SNOWFLAKE_DATABASE", "lead_scoring"),
}
# the profile target (profiles/profiles.yml) each engine's tests build on, named by
# LEAD_SCORING_TARGET; a run with none builds on DuckDB
TARGETS = {
    "duckdb": "duckdb",
    "postgres": "postgres",
    "spark": "spark",
    "snowflake": "snowflake_emulated",
}
# DuckDB's targets: its own, and the same file with the user's DuckDB file attached
DUCKDB_TARGETS = (TARGETS["duckdb"], "duckdb_attached")
# dbt's unit tests create temporary tables under a database-qualified name, which the
# emulator cannot do: they run on the other engines (docs/engines.md)
NO_UNIT_TESTS = ["--exclude-resource-type", "unit_test"]
# dbt's unit tests read only their own given rows, whatever the warehouse holds: the run's
# demo build (``build_demo``) and the golden builds on PostgreSQL and Spark run them. A build
# of a test's own data runs every data test on it and leaves the unit tests out
DATA_BUILD = ["build", *NO_UNIT_TESTS]

INPUT_COLUMNS = {
    "contacts": {
        "contact_id": "varchar",
        "account_id": "varchar",
        "email": "varchar",
        "job_title": "varchar",
        "phone": "varchar",
        "country": "varchar",
        "is_decision_maker": "boolean",
        "lead_source": "varchar",
        "created_at": "timestamp",
        "updated_at": "timestamp",
        # not in the contract: the shipped example models test them, as any column may be
        "department": "varchar",
        "years_in_role": "integer",
    },
    "accounts": {
        "account_id": "varchar",
        "account_name": "varchar",
        "domain": "varchar",
        "industry": "varchar",
        "employee_count": "integer",
        "annual_revenue": "decimal(18, 2)",
        "country": "varchar",
        "funding_stage": "varchar",
    },
    "events": {
        "event_id": "varchar",
        "contact_id": "varchar",
        "event_type": "varchar",
        "subject": "varchar",
        "occurred_at": "timestamp",
    },
    "conversions": {"contact_id": "varchar", "converted_at": "timestamp", "product": "varchar"},
    # optional inputs (contract section 6): written empty unless a test gives rows or omits them
    "contact_attributes": {
        "contact_id": "varchar",
        "attribute": "varchar",
        "value": "varchar",
        "updated_at": "timestamp",
    },
    "sales_feedback": {
        "contact_id": "varchar",
        "feedback_at": "timestamp",
        "outcome": "varchar",
        "reason": "varchar",
    },
}

_COPIED = ["dbt_project.yml", "models", "macros", "seeds", "tests", "profiles"]


@dataclass
class DbtRun:
    """The outcome of one `dbt build` in a scratch project."""

    project_dir: Path
    duckdb_path: Path
    returncode: int
    output: str

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        """Rows of a query against the built DuckDB file."""
        with duckdb.connect(str(self.duckdb_path), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    def relations(self) -> dict[str, str]:
        """Every relation's `"schema"."identifier"` in the built file, by name: the models
        (the marts in the target's schema, staging and intermediate beside it) and the
        inputs and seeds, read from the file's catalog (a test's run writes no manifest:
        ``run_dbt``'s ``artifacts``). A name found in two schemas is left out."""
        schemas: dict[str, list[str]] = {}
        for name, schema in self.query(
            "select table_name, table_schema from information_schema.tables"
            " where table_catalog = current_database()"
        ):
            schemas.setdefault(name, []).append(schema)
        return {
            name: f'"{found[0]}"."{name}"' for name, found in schemas.items() if len(found) == 1
        }


DEMO_SEEDS = PROJECT_ROOT / "integration_tests" / "seeds" / "demo"
"""The demo dataset: integration_tests/'s, never part of lead_scoring's own lineage."""
EXAMPLES_DIR = PROJECT_ROOT / "grids" / "examples"
EXAMPLE_MODELS = tuple(sorted(path.name for path in EXAMPLES_DIR.iterdir() if path.is_dir()))
"""The example scoring models kept beside the shipped grid, one folder each."""
DEMO_MODELS = ("default", *EXAMPLE_MODELS)
"""The scoring models of the demo (`make demo`): the shipped grid and every example."""


DEMO_AS_OF = "2026-09-30"
"""The demo activity log ends on this day, so the demo is scored as of it (`make demo`)."""


def demo_input_vars(target_schema: str = "main") -> dict[str, str]:
    """The var that points a build of a copy ``with_demo`` on a target of this schema (main:
    the DuckDB profile's) at the demo seeds, `<target schema>_demo` (the package itself
    reads the target's own schema)."""
    return {"lead_scoring_schema": f"{target_schema}_demo"}


def copy_project(
    destination: Path, scoring_models: tuple[str, ...] | None = None, with_demo: bool = False
) -> Path:
    """Copy the dbt project's sources (not its build artefacts) into ``destination``, with
    the shipped grid; with ``scoring_models``, the grid seeds hold exactly those models: the
    shipped grid's rows of the named ones, then the rows of each named example model of
    grids/examples/ (``DEMO_MODELS``: the demo's grid); ``with_demo`` adds the demo dataset
    as seeds of the copy (they load into `<schema>_demo`: `dbt seed` them before `dbt build`
    and point the var `lead_scoring_schema` there, ``demo_input_vars``)."""
    destination.mkdir(parents=True)
    for name in _COPIED:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    if with_demo:
        shutil.copytree(DEMO_SEEDS, destination / "seeds" / "demo")
    if scoring_models is not None:
        grid_dir = destination / "seeds" / "grid"
        for path in grid_dir.glob("grid_*.csv"):
            with path.open(newline="") as handle:
                reader = csv.DictReader(handle)
                header = reader.fieldnames
                kept = [row for row in reader if row["scoring_model"] in scoring_models]
            with path.open("w", newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
                writer.writeheader()
                writer.writerows(kept)
        for model in scoring_models:
            if model in EXAMPLE_MODELS:
                grid_files.add_grid(EXAMPLES_DIR / model, grid_dir)
    return destination


CONSUMER = PROJECT_ROOT / "integration_tests"
"""The demo project, which installs lead_scoring as a package."""


def copy_consumer(workdir: Path) -> Path:
    """Copy this project (``copy_project``) into ``workdir``/lead_scoring and the demo project
    into ``workdir``/integration_tests, installing that copy of the package; without the
    demo's data and grid (its seeds/grid/, when `make demo` wrote it) nor the partner grid:
    a test gives it its own. Returns the demo project's copy (`dbt deps` it first)."""
    package_dir = copy_project(workdir / "lead_scoring")
    consumer_dir = workdir / "integration_tests"
    shutil.copytree(
        CONSUMER,
        consumer_dir,
        ignore=shutil.ignore_patterns(
            "target", "dbt_packages", "*.duckdb", "demo", "grid", "partner_program_grid"
        ),
    )
    # the package where the test put it (the committed packages.yml says `local: ../`)
    (consumer_dir / "packages.yml").write_text(
        f"packages:\n  - local: {json.dumps(str(package_dir))}\n"
    )
    return consumer_dir


def append_seed_rows(project_dir: Path, seed: str, rows: list[dict]) -> None:
    """Append rows to a grid seed of a copied project, in the seed's column order."""
    path = project_dir / "seeds" / "grid" / f"{seed}.csv"
    with path.open(newline="") as handle:
        header = next(csv.reader(handle))
    with path.open("a", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        for row in rows:
            writer.writerow(row)


def write_inputs(
    duckdb_path: Path, tables: dict[str, list[dict]], omit: tuple[str, ...] = ()
) -> None:
    """Create the input tables in ``INPUT_SCHEMA`` with the contract's column types; a table
    named in ``omit`` is dropped instead and a `table.column` named there left out, to test
    an optional input's absence."""
    with duckdb.connect(str(duckdb_path)) as con:
        con.execute(f"create schema if not exists {INPUT_SCHEMA}")
        for table, columns in INPUT_COLUMNS.items():
            if table in omit:
                con.execute(f"drop table if exists {INPUT_SCHEMA}.{table}")
                continue
            columns = {
                name: type_ for name, type_ in columns.items() if f"{table}.{name}" not in omit
            }
            column_list = ", ".join(f"{name} {type_}" for name, type_ in columns.items())
            con.execute(f"create or replace table {INPUT_SCHEMA}.{table} ({column_list})")
            rows = tables.get(table, [])
            if rows:
                placeholders = ", ".join("?" for _ in columns)
                con.executemany(
                    f"insert into {INPUT_SCHEMA}.{table} values ({placeholders})",
                    [[row.get(name) for name in columns] for row in rows],
                )


def run_dbt(
    project_dir: Path,
    duckdb_path: Path,
    command: list[str],
    variables: dict[str, object],
    threads: int = 1,
    env: dict[str, str] | None = None,
    artifacts: bool = False,
) -> DbtRun:
    """Run a dbt command (e.g. ``["build"]``) in ``project_dir`` against ``duckdb_path``;
    ``env`` adds environment variables (e.g. ``LEAD_SCORING_TARGET`` for another engine).
    A DuckDB run of this project runs in this process's fixed place (``_in_place``), so that
    dbt parses only what changed since a run with the same vars. ``artifacts``: dbt writes
    its JSON files in target/ (manifest.json, run_results.json, sources.json, the docs
    site): only for a test that reads them (``ARTIFACTS``)."""
    return run_dbt_steps(
        project_dir, duckdb_path, [command], variables, threads, env, artifacts=artifacts
    )


# dbt writes target/manifest.json twice in a build (once parsed, once compiled), about 2 s
# of CPU each time on this project; most tests read the warehouse alone, so their runs
# leave the JSON files out (`--no-write-json`; DbtRun.relations reads the catalog). The
# partial parse dbt reuses (target/partial_parse.msgpack) is written either way
ARTIFACTS = {"DBT_WRITE_JSON": "true"}
NO_ARTIFACTS = {"DBT_WRITE_JSON": "false"}


# dbt's commands one after another in one Python process (dbt's programmatic entry point),
# stopping at the first that fails: dbt and its adapter are imported once, and on Spark the
# JVM and its session (dbt-spark's session method keeps one per process) start once
_STEPS = """
import json, sys
from dbt.cli.main import dbtRunner
from lead_scoring.warehouse import release_dbt
for command in json.loads(sys.argv[1]):
    if isinstance(command, dict):  # {"spark_csv": [table, path]}: see spark_csv_step
        from pyspark.sql import SparkSession
        table, path = command["spark_csv"]
        spark = SparkSession.builder.getOrCreate()
        rows = spark.read.csv(
            path, header=True, schema=spark.table(table).schema, escape='"',
            timestampFormat="yyyy-MM-dd HH:mm:ss",
        )
        rows.write.insertInto(table, overwrite=True)
        continue
    result = dbtRunner().invoke(command)
    release_dbt()
    if not result.success:
        sys.exit(1 if result.exception is None else 2)
"""


def spark_csv_step(table: str, path: Path) -> dict:
    """A step of ``run_dbt_steps`` on Spark that loads a CSV file into ``table`` (which a
    ``dbt seed`` step before it made, with the seed's column types) by Spark's own CSV reader:
    dbt-spark seeds a table by INSERT statements of a few hundred rows each, minutes for the
    demo's 60,000 events, a few seconds this way. It runs in the session dbt's steps use."""
    return {"spark_csv": [table, str(path)]}


def run_dbt_steps(
    project_dir: Path,
    duckdb_path: Path,
    commands: list[list[str] | dict],
    variables: dict[str, object],
    threads: int = 1,
    env: dict[str, str] | None = None,
    artifacts: bool = False,
) -> DbtRun:
    """``run_dbt`` for several dbt commands with the same vars (e.g. a seed, then a build),
    run in one process: this one on DuckDB, a child process on the other engines (a step may
    also be a ``spark_csv_step``); the first that fails ends the run (its exit code, dbt's:
    1 for a failed node, 2 for an error before any ran)."""
    with _in_place(project_dir, duckdb_path, variables, threads, env) as (place, database):
        run_env = {
            **os.environ,
            "DBT_PROFILES_DIR": str(place / "profiles"),
            "LEAD_SCORING_DUCKDB_PATH": str(database),
            "LEAD_SCORING_DBT_THREADS": str(threads),
            "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            **(ARTIFACTS if artifacts else NO_ARTIFACTS),
            **(env or {}),
        }
        steps = [
            command if isinstance(command, dict) else [*command, "--vars", json.dumps(variables)]
            for command in commands
        ]
        target = run_env.get("LEAD_SCORING_TARGET", TARGETS["duckdb"])
        dbt_only = all(isinstance(step, list) for step in steps)  # no spark_csv_step
        if target in DUCKDB_TARGETS and not IN_CHILD_PROCESS and dbt_only:
            returncode, output = _run_in_this_process(steps, place, run_env)
        else:
            returncode, output = _run_in_child_process(steps, place, run_env)
    return DbtRun(
        project_dir=project_dir,
        duckdb_path=duckdb_path,
        returncode=returncode,
        output=output,
    )


def _run_in_child_process(steps: list, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    if len(steps) == 1:  # dbt's own command line
        argv = [str(Path(sys.executable).parent / "dbt"), *steps[0]]
    else:
        argv = [sys.executable, "-c", _STEPS, json.dumps(steps)]
    completed = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    return completed.returncode, completed.stdout + completed.stderr


def _run_in_this_process(steps: list, cwd: Path, env: dict[str, str]) -> tuple[int, str]:
    """dbt's commands in the test's own process (dbt's programmatic entry point, as
    `lead-scoring backfill` runs them), with ``env`` as the environment and ``cwd`` as the
    working directory while they run; what dbt prints is the output. A child process would
    start Python and import dbt and its adapter again for each run: ~2 s of CPU each, in a
    suite of a few hundred runs."""
    from dbt.cli.main import dbtRunner

    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    printed = io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
            for command in steps:
                try:
                    result = dbtRunner().invoke(command)
                finally:
                    warehouse.release_dbt()
                if not result.success:
                    # dbt's exit codes: 1 for a failed node, 2 for an error before any ran
                    return (1 if result.exception is None else 2), printed.getvalue()
        return 0, printed.getvalue()
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


# dbt parses a project from scratch (~4 s of each run here) unless the saved parse
# (target/partial_parse.msgpack) was made with the same vars, the same connection (the
# DuckDB file's path is part of it) and the project at the same path (a seed is read from
# the path it was parsed at). Each test copies the project to a directory of its own, so a
# DuckDB run moves the copy's directory to one fixed place per test process, hands dbt the
# last parse made there with the same vars, and moves it back: dbt reparses only the files
# the test changed. Runs on other engines, projects that install packages (dbt links a
# local package by its absolute path) and runs told a path inside the directory run where
# they are.
_PLACE = Path(tempfile.gettempdir()) / f"lead_scoring_dbt_place_{os.getpid()}"
_PARSE_CACHE = _PLACE / "parses"
atexit.register(shutil.rmtree, _PLACE, ignore_errors=True)


@contextlib.contextmanager
def _in_place(
    project_dir: Path,
    duckdb_path: Path,
    variables: dict[str, object],
    threads: int,
    env: dict[str, str] | None,
) -> Iterator[tuple[Path, Path]]:
    workdir = project_dir.parent
    movable = (
        (env or {}).get("LEAD_SCORING_TARGET", TARGETS["duckdb"]) in DUCKDB_TARGETS
        and not (project_dir / "packages.yml").exists()
        and not (project_dir / "dependencies.yml").exists()
        and duckdb_path.parent == workdir
        # a var or variable naming a file of the directory would name it while it is away
        and str(workdir) not in json.dumps([variables, env])
    )
    if not movable:
        yield project_dir, duckdb_path
        return
    place = _PLACE / "work"
    _PARSE_CACHE.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(
        json.dumps([project_dir.name, variables, threads, sorted((env or {}).items())]).encode()
    ).hexdigest()
    cached = _PARSE_CACHE / f"{key}.msgpack"
    parsed = place / project_dir.name / "target" / "partial_parse.msgpack"
    workdir.rename(place)
    try:
        if cached.exists():
            parsed.parent.mkdir(exist_ok=True)
            shutil.copyfile(cached, parsed)
        yield place / project_dir.name, place / duckdb_path.name
        if parsed.exists():
            shutil.copyfile(parsed, cached)
    finally:
        place.rename(workdir)


def build_on_inputs(
    workdir: Path,
    tables: dict[str, list[dict]],
    as_of: str,
    extra_grid_rows: dict[str, list[dict]] | None = None,
    omit_tables: tuple[str, ...] = (),
    scoring_models: tuple[str, ...] | None = None,
) -> DbtRun:
    """Copy the project into ``workdir`` (keeping only ``scoring_models`` of the shipped
    grid, when given), write ``tables`` as its inputs and build it."""
    project_dir = copy_project(workdir / "project", scoring_models)
    for seed, rows in (extra_grid_rows or {}).items():
        append_seed_rows(project_dir, seed, rows)
    duckdb_path = workdir / "scores.duckdb"
    write_inputs(duckdb_path, tables, omit=omit_tables)
    return run_dbt(
        project_dir,
        duckdb_path,
        DATA_BUILD,
        {
            "scoring_as_of": as_of,
            "lead_scoring_schema": INPUT_SCHEMA,
        },
        threads=4,
    )


def rebuild_copy(
    published: DbtRun,
    workdir: Path,
    as_of: str,
    change_project: Callable[[Path], None] | None = None,
    tables: dict[str, list[dict]] | None = None,
    scoring_models: tuple[str, ...] | None = None,
    command: list[str] | None = None,
) -> DbtRun:
    """Build again on a copy of an already built warehouse (with ``scoring_models`` as
    ``copy_project`` takes them), after changing the project (e.g. a grid seed) and/or
    replacing the input tables; ``command`` instead of `dbt build` (e.g. a selection)."""
    project_dir = copy_project(workdir / "project", scoring_models)
    if change_project:
        change_project(project_dir)
    duckdb_path = workdir / "scores.duckdb"
    shutil.copy(published.duckdb_path, duckdb_path)
    if tables is not None:
        write_inputs(duckdb_path, tables)
    return run_dbt(
        project_dir,
        duckdb_path,
        command or DATA_BUILD,
        {"scoring_as_of": as_of, "lead_scoring_schema": INPUT_SCHEMA},
        threads=4,
    )


def build_demo(workdir: Path) -> DbtRun:
    """The demo as `make demo` scores it (the shipped grid and every example model) in a copy
    of this project under ``workdir``: the demo seeds loaded, then `dbt build` on four
    threads (every unit and data test). The failed step's run when one fails."""
    project_dir = copy_project(workdir / "project", DEMO_MODELS, with_demo=True)
    duckdb_path = workdir / "demo.duckdb"
    # the demo data is no part of the scoring lineage: seeded first, then the build (on
    # several threads, as the production DAG runs)
    seeded = run_dbt(project_dir, duckdb_path, ["seed", "--select", "path:seeds/demo"], {})
    if seeded.returncode != 0:
        return seeded
    return run_dbt(
        project_dir,
        duckdb_path,
        ["build", "--exclude", "path:seeds/demo"],
        {"scoring_as_of": DEMO_AS_OF, **demo_input_vars()},
        threads=4,
        # its manifest, as `make demo` leaves it: `lead-scoring summary` reads it
        artifacts=True,
    )


def shared_build(tmp_path_factory, name: str, build: Callable[[Path], DbtRun]) -> DbtRun:
    """``build`` run once per test run under the name ``name``, shared by the xdist workers:
    the first to ask builds it under a file lock, the others wait and read its outcome.
    A test copies it (``copy_run``) before it queries or changes it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's directory, shared by its workers
    workdir = root / f"shared_{name}"
    record = workdir / "run.json"
    with (root / f"shared_{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            built = build(workdir)
            record.write_text(
                json.dumps(
                    {
                        "project_dir": str(built.project_dir),
                        "duckdb_path": str(built.duckdb_path),
                        "returncode": built.returncode,
                        "output": built.output,
                    }
                )
            )
    saved = json.loads(record.read_text())
    return DbtRun(
        Path(saved["project_dir"]), Path(saved["duckdb_path"]), saved["returncode"], saved["output"]
    )


def copy_run(run: DbtRun, workdir: Path) -> DbtRun:
    """A copy of a built project and of its warehouse under ``workdir``, for a test to query,
    change or build again without touching the original (a shared build)."""
    project_dir = Path(shutil.copytree(run.project_dir, workdir / "project"))
    duckdb_path = workdir / run.duckdb_path.name
    shutil.copy(run.duckdb_path, duckdb_path)
    return DbtRun(project_dir, duckdb_path, run.returncode, run.output)


def snowflake_query(sql: str) -> list[tuple]:
    """Rows of a query on the Snowflake emulator."""
    import snowflake.connector  # only the Snowflake tests need the connector

    # the connector retries a refused connection for minutes: say at once what is missing
    try:
        socket.create_connection(
            (SNOWFLAKE_EMULATED["host"], SNOWFLAKE_EMULATED["port"]), timeout=5
        ).close()
    except OSError as error:
        raise AssertionError(
            "the Snowflake emulator is not running: scripts/fakesnow.sh start"
            f" (127.0.0.1:{SNOWFLAKE_EMULATED['port']}: {error})"
        ) from error
    with snowflake.connector.connect(**SNOWFLAKE_EMULATED) as connection:
        return connection.cursor().execute(sql).fetchall()


def snowflake_load_csv(schema: str, table: str, path: Path) -> None:
    """Append a CSV file (with a header line, empty fields null) to ``schema.table`` on the
    Snowflake emulator, as Snowflake loads files: PUT to the table's stage, COPY INTO."""
    import snowflake.connector  # only the Snowflake tests need the connector

    with snowflake.connector.connect(**SNOWFLAKE_EMULATED) as connection:
        cursor = connection.cursor()
        cursor.execute(f"put 'file://{path}' @{schema}.%{table}")
        cursor.execute(
            f"copy into {schema}.{table} from @{schema}.%{table}"
            " file_format = (type = csv skip_header = 1"
            " field_optionally_enclosed_by = '\"' null_if = (''))"
        )


def drop_snowflake_schemas(prefix: str) -> None:
    """Drop the emulator's schemas named ``prefix``... (a server kept from an earlier run
    holds an earlier build's incremental tables)."""
    found = snowflake_query(
        "select schema_name from information_schema.schemata"
        f" where lower(schema_name) like '{prefix.lower()}%'"
    )
    for (schema,) in found:
        snowflake_query(f"drop schema if exists {schema} cascade")


def snowflake_insert(table: str, width: int, rows: list[tuple], batch: int = 2000) -> None:
    """Insert ``rows`` (``width`` values each) into ``table`` on the emulator."""
    import snowflake.connector

    placeholders = "(" + ", ".join(["%s"] * width) + ")"
    with snowflake.connector.connect(**SNOWFLAKE_EMULATED) as connection:
        cursor = connection.cursor()
        for start in range(0, len(rows), batch):
            cursor.executemany(
                f"insert into {table} values {placeholders}", rows[start : start + batch]
            )

"""Scheduled runs under faults (issue 27, item 4; docs/operations.md, "Runs that overlap or
fail"): two runs started at once, a PostgreSQL connection killed in the middle of a build, a
day's events delivered twice.

The hand-made golden dataset, default model only, delivered as a warehouse receives it: the
events up to the day before its as-of date first (the previous run), the as-of day's and
later ones after. A run of the test is held in the middle of its build deterministically:
its own project copy gives the base event table (``stg_lead_scoring__events``, the model
every published score reads) a post-hook, run inside the model's transaction after its rows
are written and before they commit, that waits for an advisory lock the test holds; the
test sees the run waiting there in `pg_stat_activity`, then lets it go or kills it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import pytest

from lead_scoring import cli, run_lock
from lead_scoring.warehouse import SCHEDULED_BUILD
from support import golden_dataset as golden
from support.dbt_harness import (
    INPUT_COLUMNS,
    INPUT_SCHEMA,
    PG,
    POSTGRES_TYPES,
    copy_project,
    copy_run,
    run_dbt,
    write_inputs,
)

AS_OF = golden.AS_OF
PREVIOUS_DAY = AS_OF - dt.timedelta(days=1)
INPUTS = {
    "contacts": golden.CONTACTS,
    "accounts": golden.ACCOUNTS,
    "conversions": golden.CONVERSIONS,
}
# the events the previous run saw (every event of a day up to its as-of date, and those
# without a date), and those delivered after it
DELIVERED_BEFORE = [
    event
    for event in golden.EVENTS
    if event["occurred_at"] is None or event["occurred_at"][:10] <= PREVIOUS_DAY.isoformat()
]
DELIVERED_AFTER = [event for event in golden.EVENTS if event not in DELIVERED_BEFORE]
# the scheduled build (docs/operations.md), as `lead-scoring run` runs it
SCHEDULED = list(SCHEDULED_BUILD)
# what a scheduled run publishes; scoring_data_quality reports on the inputs as they are,
# whatever the scores (a failed run may refresh it, as test_schedule.py says)
PUBLISHED = (
    "lead_scores",
    "lead_score_details",
    "lead_score_history",
    "lead_score_changes",
    "account_scores",
    "lead_next_steps",
)
PAUSE = "lead_scoring test pause"
PAUSED_MODEL = Path("models/staging/lead_scoring/stg_lead_scoring__events.sql")
WAIT_LIMIT_S = 600  # a bound on waiting for a run to reach the pause, never a measure


def variables(as_of: dt.date, input_schema: str) -> dict[str, str]:
    return {"scoring_as_of": as_of.isoformat(), "lead_scoring_schema": input_schema}


# --- DuckDB -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def duckdb_run(tmp_path_factory):
    """The previous day's scheduled run on DuckDB, every event delivered."""
    workdir = tmp_path_factory.mktemp("faults_duckdb")
    project_dir = copy_project(workdir / "project", ("default",))
    duckdb_path = workdir / "scores.duckdb"
    write_inputs(duckdb_path, {**INPUTS, "events": golden.EVENTS})
    built = run_dbt(
        project_dir, duckdb_path, SCHEDULED, variables(PREVIOUS_DAY, INPUT_SCHEMA), threads=4
    )
    assert built.returncode == 0, built.output
    return built


def duckdb_marts(run) -> dict[str, list[tuple]]:
    """Every row of each mart a scheduled run publishes, sorted."""
    return {
        table: sorted(run.query(f"select * from main.{table}"), key=repr) for table in PUBLISHED
    }


def identical_copies_reported(run) -> int:
    """The event rows scoring_data_quality reports as identical copies of a kept delivery."""
    return run.query(
        "select row_count from main.scoring_data_quality"
        " where input_table = 'events' and reason = 'duplicate_event_identical'"
    )[0][0]


def test_a_day_delivered_twice_changes_no_score(duckdb_run, tmp_path):
    run = copy_run(duckdb_run, tmp_path)
    before = duckdb_marts(run)
    # the loader delivers 2026-06-28's twelve events again
    redelivered = [e for e in golden.EVENTS if (e["occurred_at"] or "").startswith("2026-06-28")]
    assert len(redelivered) == 12
    write_inputs(run.duckdb_path, {**INPUTS, "events": golden.EVENTS + redelivered})
    rerun = run_dbt(
        run.project_dir,
        run.duckdb_path,
        SCHEDULED,
        variables(PREVIOUS_DAY, INPUT_SCHEMA),
        threads=4,
    )
    assert rerun.returncode == 0, rerun.output
    # scores, details, history and the change feed as they were
    assert duckdb_marts(run) == before
    # each copy counted once, and reported
    assert identical_copies_reported(run) == identical_copies_reported(duckdb_run) + 12


def test_a_run_while_another_holds_the_duckdb_file_stops_with_a_clear_message(
    duckdb_run, tmp_path, monkeypatch, capsys
):
    """DuckDB alone would fail the second build with a traceback ("Could not set lock on
    file"): `lead-scoring run` stops before dbt starts and names the run holding it."""
    run = copy_run(duckdb_run, tmp_path)
    before = duckdb_marts(run)
    monkeypatch.setenv("DBT_PROFILES_DIR", str(run.project_dir / "profiles"))
    arguments = [
        "run",
        "--project-dir",
        str(run.project_dir),
        "--duckdb",
        str(run.duckdb_path),
        "--vars",
        json.dumps(variables(AS_OF, INPUT_SCHEMA)),
    ]
    lock_file = run.duckdb_path.with_name(f"{run.duckdb_path.name}.run-lock")
    # the run in progress: a process that holds the lock as `lead-scoring run` does
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_FILE_LOCK, str(lock_file)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert cli.main(arguments) == run_lock.LOCKED_EXIT
        message = capsys.readouterr().err
        assert f"another scheduled run is building {run.duckdb_path}" in message
        assert f"pid {holder.pid} since" in message
        assert "this run stops without building" in message
    finally:
        holder.kill()  # the run holding the lock is killed: it leaves no stale lock
        holder.wait()
    assert duckdb_marts(run) == before
    # once it has ended, the next run builds
    assert cli.main(arguments) == 0
    assert run.query("select distinct scored_as_of from main.lead_scores") == [(AS_OF,)]


_HOLD_FILE_LOCK = """
import fcntl, os, signal, sys
with open(sys.argv[1], "a+") as handle:
    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    handle.truncate(0)
    handle.write(f"pid {os.getpid()} since 2026-12-04 18:00:00")
    handle.flush()
    print("held", flush=True)
    signal.pause()  # until the test kills it
"""


# --- PostgreSQL ---------------------------------------------------------------------------


class PostgresWarehouse:
    """A project copy scheduled on PostgreSQL in a schema of its own, its inputs there."""

    def __init__(self, workdir: Path, schema: str) -> None:
        self.schema = schema
        self.inputs = f"{schema}_input"
        self.project_dir = copy_project(workdir / "project", ("default",))
        self.duckdb_path = workdir / "unused.duckdb"
        self.env = {
            "LEAD_SCORING_TARGET": "postgres",
            "LEAD_SCORING_PG_SCHEMA": schema,
            "LEAD_SCORING_DBT_THREADS": "4",
        }
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            cursor.execute("select nspname from pg_namespace where nspname like %s", [f"{schema}%"])
            for (found,) in cursor.fetchall():
                cursor.execute(f"drop schema {found} cascade")
            cursor.execute(f"create schema {self.inputs}")
            for table, columns in INPUT_COLUMNS.items():
                column_list = ", ".join(
                    f"{name} {POSTGRES_TYPES[type_.upper().split('(')[0]]}"
                    for name, type_ in columns.items()
                )
                cursor.execute(f"create table {self.inputs}.{table} ({column_list})")
                self._insert(cursor, table, {**INPUTS, "events": DELIVERED_BEFORE}.get(table))

    def _insert(self, cursor, table: str, rows: list[dict] | None) -> None:
        columns = INPUT_COLUMNS[table]
        if rows:
            cursor.executemany(
                f"insert into {self.inputs}.{table} values ({', '.join(['%s'] * len(columns))})",
                [[row.get(name) for name in columns] for row in rows],
            )

    def deliver(self, events: list[dict]) -> None:
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            self._insert(cursor, "events", events)

    def build(self, as_of: dt.date, *extra: str):
        return run_dbt(
            self.project_dir,
            self.duckdb_path,
            [*SCHEDULED, *extra],
            variables(as_of, self.inputs),
            threads=4,
            env=self.env,
        )

    def scheduled_run(self, as_of: dt.date, *extra: str) -> subprocess.Popen:
        """`lead-scoring run` in a child process (as cron starts it)."""
        return subprocess.Popen(
            [
                str(Path(sys.executable).parent / "lead-scoring"),
                "run",
                "--project-dir",
                str(self.project_dir),
                "--vars",
                json.dumps(variables(as_of, self.inputs)),
                *extra,
            ],
            env={
                **os.environ,
                **self.env,
                "DBT_PROFILES_DIR": str(self.project_dir / "profiles"),
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def rows(self, sql: str) -> list[tuple]:
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    def published_days(self) -> set[dt.date]:
        return {
            day
            for (day,) in self.rows(f"select distinct scored_as_of from {self.schema}.lead_scores")
        }

    def loaded_events(self) -> int:
        """Rows of the base event table (every delivery, duplicates ranked)."""
        return self.rows(f"select count(*) from {self.schema}_staging.stg_lead_scoring__events")[0][
            0
        ]

    def marts(self) -> dict[str, list[tuple]]:
        return {
            table: sorted(self.rows(f"select * from {self.schema}.{table}"), key=repr)
            for table in PUBLISHED
        }

    def scores(self) -> dict[tuple[str, str], tuple]:
        return {
            (contact_id, model): tuple(rest)
            for contact_id, model, *rest in self.rows(
                "select contact_id, scoring_model, total_points, fit_points, activity_points,"
                f" grade, zone, is_mql, is_surging from {self.schema}.lead_scores"
            )
        }

    def pause_builds(self, paused: bool) -> None:
        """The project copy's base event table waits, inside its transaction, for the
        test's advisory lock (``PAUSE``), or no longer."""
        path = self.project_dir / PAUSED_MODEL
        original = (Path(__file__).resolve().parents[2] / PAUSED_MODEL).read_text()
        hook = f"    post_hook=\"select pg_advisory_xact_lock(hashtext('{PAUSE}'))\",\n) }}}}"
        path.write_text(original.replace("\n) }}", f"\n{hook}", 1) if paused else original)


@pytest.fixture
def postgres_warehouse(tmp_path, request):
    """A warehouse whose previous day's run published, the as-of day's events delivered
    since; the test holds the pause lock (``PAUSE``) until it releases it."""
    warehouse = PostgresWarehouse(tmp_path, f"faults_{request.node.name[5:20]}")
    built = warehouse.build(PREVIOUS_DAY)
    assert built.returncode == 0, built.output
    warehouse.deliver(DELIVERED_AFTER)
    warehouse.pause_builds(True)
    with psycopg2.connect(**PG) as pause:
        pause.autocommit = True
        with pause.cursor() as cursor:
            cursor.execute("select pg_advisory_lock(hashtext(%s))", [PAUSE])
        warehouse.pause = pause
        yield warehouse


def waiting_backend(run: subprocess.Popen, query: str) -> int:
    """The server process of ``run`` waiting for a lock in a statement like ``query``
    (polled, with a bound); fails with the run's output if the run ends first."""
    deadline = time.monotonic() + WAIT_LIMIT_S
    while time.monotonic() < deadline:
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            cursor.execute(
                "select pid from pg_stat_activity where wait_event_type = 'Lock' and query like %s",
                [query],
            )
            found = cursor.fetchall()
        if found:
            return found[0][0]
        if run.poll() is not None:
            pytest.fail(f"the run ended before it waited:\n{run.stdout.read()}")
        time.sleep(0.5)
    pytest.fail(f"the run never waited in {query}")


def paused_backend(run: subprocess.Popen) -> int:
    """The server process of ``run``'s build waiting at the pause."""
    return waiting_backend(run, f"%pg_advisory_xact_lock%{PAUSE}%")


def implied_history(before: dict, after: dict) -> set[tuple]:
    """History after runs on PREVIOUS_DAY and AS_OF that published ``before``, ``after``
    (contract section 7)."""
    history = set()
    for lead in before.keys() | after.keys():
        old, new = before.get(lead), after.get(lead)
        if old == new:
            history.add((*lead, PREVIOUS_DAY, None, *old))
            continue
        if old is not None:
            history.add((*lead, PREVIOUS_DAY, AS_OF, *old))
        if new is not None:
            history.add((*lead, AS_OF, None, *new))
    return history


def recorded_history(warehouse: PostgresWarehouse) -> list[tuple]:
    return warehouse.rows(
        "select contact_id, scoring_model, valid_from, valid_to, total_points, fit_points,"
        f" activity_points, grade, zone, is_mql, is_surging from {warehouse.schema}."
        "lead_score_history"
    )


def test_two_scheduled_runs_at_once_on_postgres_one_stops_neither_half_writes(
    postgres_warehouse,
):
    """Without the lock both builds failed with `relation "..." already exists` (measured:
    each created the same intermediate relations), publishing neither day."""
    warehouse = postgres_warehouse
    before, before_scores = warehouse.marts(), warehouse.scores()
    first = warehouse.scheduled_run(AS_OF)
    paused_backend(first)
    # the first is in the middle of its build, its event rows written but not committed
    second = warehouse.scheduled_run(AS_OF)
    output = second.communicate()[0]
    assert second.returncode == run_lock.LOCKED_EXIT, output
    assert f"another scheduled run is building lead_scoring.{warehouse.schema}" in output
    assert "PostgreSQL advisory lock held by server process" in output
    assert "Running with dbt" not in output  # it stopped before dbt started
    assert warehouse.marts() == before
    # a run told to wait waits for the lock, before dbt starts
    waiting = warehouse.scheduled_run(AS_OF, "--wait")
    waiting_backend(waiting, "select pg_advisory_lock(%")
    # let the first run finish: it publishes the day, whole; then the waiting one runs
    with warehouse.pause.cursor() as cursor:
        cursor.execute("select pg_advisory_unlock(hashtext(%s))", [PAUSE])
    first_output = first.communicate()[0]
    assert first.returncode == 0, first_output
    waited_output = waiting.communicate()[0]
    assert waiting.returncode == 0, waited_output
    assert waited_output.index("holding the scheduled-run lock") < waited_output.index(
        "Running with dbt"
    )
    # both at the same date: history records the day once
    assert warehouse.published_days() == {AS_OF}
    assert sorted(recorded_history(warehouse), key=repr) == sorted(
        implied_history(before_scores, warehouse.scores()), key=repr
    )


def test_a_connection_killed_mid_build_publishes_nothing_and_the_next_run_recovers(
    postgres_warehouse,
):
    warehouse = postgres_warehouse
    before, before_scores = warehouse.marts(), warehouse.scores()
    loaded = warehouse.loaded_events()
    killed = warehouse.scheduled_run(AS_OF)
    # the server process writing the base event table, before it commits
    backend = paused_backend(killed)
    assert warehouse.rows(f"select pg_terminate_backend({backend})") == [(True,)]
    output = killed.communicate()[0]
    assert killed.returncode == 1, output
    assert "Failure in model stg_lead_scoring__events" in output
    assert "server closed the connection unexpectedly" in output
    # the published marts are the previous run's, whole; the event rows it wrote are gone
    assert warehouse.marts() == before
    assert warehouse.loaded_events() == loaded
    # the next run recovers: the day's scores, history closed and opened once
    with warehouse.pause.cursor() as cursor:
        cursor.execute("select pg_advisory_unlock(hashtext(%s))", [PAUSE])
    warehouse.pause_builds(False)
    recovered = warehouse.scheduled_run(AS_OF)
    output = recovered.communicate()[0]
    assert recovered.returncode == 0, output
    assert warehouse.published_days() == {AS_OF}
    assert warehouse.loaded_events() == len(golden.EVENTS)
    assert sorted(recorded_history(warehouse), key=repr) == sorted(
        implied_history(before_scores, warehouse.scores()), key=repr
    )
    # and its scores are the day's: a full refresh publishes the same
    recovered_marts = warehouse.marts()
    refreshed = warehouse.build(AS_OF, "--full-refresh")
    assert refreshed.returncode == 0, refreshed.output
    assert warehouse.marts() == recovered_marts

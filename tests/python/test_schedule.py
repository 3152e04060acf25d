"""Scheduled operation (contract section 7): daily runs keep lead_score_history and the change
feed lead_score_changes, and give the same tables as full refreshes.

A generated dataset (the demo generator at a small size) is replayed as a warehouse would
receive it: each day's build sees the events loaded by then, where most events load on the
day they occur, some one to three days late and a few twelve days late; an account, a
contact and an attribute are edited, a contact is deleted and a conversion recorded, and the
grid changes, in the middle of the month. The scheduled runs
take nine days of the month (``RUN_DAYS``: why these, below). The history and the change
feed they leave must be what the run-by-run published scores imply (worked out here in
Python from the lead_scores of each run), and the scores of the last day must equal a full
refresh's.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import psycopg2
import pytest

from lead_scoring import cli
from lead_scoring.demo import data as demo_data
from lead_scoring.warehouse import SCHEDULED_BUILD, DailyBuilds, DbtProject
from support.dbt_harness import (
    INPUT_SCHEMA,
    NO_DATA_TESTS,
    PG,
    POSTGRES_TYPES,
    DbtRun,
    copy_project,
    run_dbt,
)

FIRST_DAY = dt.date(2026, 9, 1)
DAYS = [FIRST_DAY + dt.timedelta(days=offset) for offset in range(30)]
EDIT_DAY = DAYS[11]  # CRM edits: an account, a contact, an attribute; a deletion; a conversion
GRID_CHANGE_DAY = DAYS[19]  # the default grid's key page visits earn less from this day
# The days the schedule runs (a build takes ~10 s: the whole month's thirty took five
# minutes). Measured over all thirty days, every run after the first changes ~350 of the
# 1,626 leads with every kind of change (activity points up and down as events arrive, age
# out of their windows and decay; grade and zone; becoming and leaving MQL; starting and
# stopping to surge; a change history records but the feed does not), so each kind is in
# every run below; what differs between days is covered by choosing: the first run (every
# lead opens a period), runs on consecutive days (1, 2; 19, 20: the smallest step) and after
# gaps of four to eight days (many changes at once, periods closed and reopened), the CRM
# edit (fit points change, day 11), the grid change (19), leads that first appear after the
# first run (contacts created on days 9, 20 and 25), events arriving twelve days late after
# runs that scored their day without them (asserted below), and a run after day 25 for the
# rewind to 25. Every run's changes are checked: the implied history and feed are worked
# out from each run's published scores.
RUN_DAYS = [DAYS[index] for index in (0, 1, 2, 9, 11, 19, 20, 25, 29)]
# the daily runs whose tables a full refresh at the same date must give: the edits' day (the
# old grid), the day after the grid change, the last day
KEPT_DAYS = [EDIT_DAY, DAYS[20], DAYS[-1]]
# the per-contact models a daily run updates only for the contacts it rescores
RESCORED_MODELS = [
    "int_contact_attribute_values_all",
    "int_contact_attribute_values_tested",
    "int_contact_rule_matches",
    "int_contact_model_audiences",
    "int_contact_model_audiences_at_calibration_start",
    "int_contact_activity_counts",
    "int_contact_sequence_points",
    "int_contact_criterion_points",
    "int_contact_points_graded",
    "int_contact_points_graded_earlier",
    "int_contact_criterion_next_tiers",
    "int_contact_next_steps",
    "int_scored_leads_with_rep_signals",
]
ALL_INPUTS = "all_inputs"
SCORE_COLUMNS = "total_points, fit_points, activity_points, grade, zone, is_mql, is_surging"


class Warehouse:
    """A scratch project and warehouse that daily builds run against. The generated inputs
    live in a DuckDB file; on PostgreSQL they are copied into the server after each change."""

    def __init__(self, workdir: Path, engine: str = "duckdb") -> None:
        self.engine = engine
        self.project_dir = copy_project(
            workdir / "project", scoring_models=("default", "fading_engagement", "customer_upsell")
        )
        self.duckdb_path = workdir / "scores.duckdb"
        self.exports = workdir / "exports"
        self.marts = "main" if engine == "duckdb" else "schedule_marts"
        self.kept: dict[dt.date, Path] = {}  # the warehouse file after a run (KEPT_DAYS)
        self.inputs = INPUT_SCHEMA if engine == "duckdb" else "schedule_input"
        self.env = {
            "LEAD_SCORING_TARGET": engine,
            "LEAD_SCORING_PG_SCHEMA": self.marts,
            "LEAD_SCORING_DUCKDB_PATH": str(self.duckdb_path),
            "LEAD_SCORING_DBT_THREADS": "4",
            "DBT_PROFILES_DIR": str(self.project_dir / "profiles"),
        }
        with duckdb.connect(str(self.duckdb_path)) as con:
            demo_data.generate(
                con,
                ALL_INPUTS,
                demo_data.DemoSize(contacts=800, accounts=120, events=16_000),
                seed=7,
                end_date=DAYS[-1],
            )
            # when each event reaches the warehouse: most on the day they occur, some late
            con.execute(
                f"""
                create table {ALL_INPUTS}.event_loads as
                select
                    *,
                    cast(occurred_at as date) + cast(case
                        when hash(event_id, 'late') % 100 < 1 then 12
                        when hash(event_id, 'late') % 100 < 5 then 1 + hash(event_id) % 3
                        else 0
                    end as integer) as loaded_on
                from {ALL_INPUTS}.events
                """
            )
            con.execute(f"create schema {INPUT_SCHEMA}")
            for table in demo_data.TABLES:
                if table != "events":
                    con.execute(
                        f"create table {INPUT_SCHEMA}.{table} as select * from {ALL_INPUTS}.{table}"
                    )
        if engine == "postgres":
            with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
                for schema in (self.marts, self.inputs):
                    cursor.execute(f"drop schema if exists {schema} cascade")

    def load_until(self, day: dt.date) -> None:
        """The input tables as the warehouse holds them on ``day``."""
        with duckdb.connect(str(self.duckdb_path)) as con:
            con.execute(
                f"""
                create or replace table {INPUT_SCHEMA}.events as
                select * exclude (loaded_on)
                from {ALL_INPUTS}.event_loads
                where loaded_on is null or loaded_on <= ?
                """,
                [day],
            )
            if day == EDIT_DAY:
                con.execute(
                    f"""
                    update {INPUT_SCHEMA}.accounts set industry = 'Software'
                    where account_id = (select min(account_id) from {INPUT_SCHEMA}.accounts
                        where industry != 'Software')
                    """
                )
                con.execute(
                    f"""
                    update {INPUT_SCHEMA}.contacts
                    set job_title = 'VP Marketing', updated_at = ?
                    where contact_id = (select min(contact_id) from {INPUT_SCHEMA}.contacts)
                    """,
                    [dt.datetime.combine(day, dt.time(9))],
                )
                # an attribute edited, a contact deleted in the CRM (its events stay in the
                # log), a conversion recorded for a contact that had none
                con.execute(
                    f"""
                    update {INPUT_SCHEMA}.contact_attributes
                    set value = 'Edited ' || coalesce(value, ''), updated_at = ?
                    where contact_id = (
                        select max(contact_id) from {INPUT_SCHEMA}.contact_attributes
                    )
                    """,
                    [dt.datetime.combine(day, dt.time(9))],
                )
                con.execute(
                    f"""
                    delete from {INPUT_SCHEMA}.contacts
                    where contact_id = (
                        select min(contact_id) from {INPUT_SCHEMA}.events
                        where contact_id in (select contact_id from {INPUT_SCHEMA}.contacts)
                    )
                    """
                )
                con.execute(
                    f"""
                    insert into {INPUT_SCHEMA}.conversions (contact_id, converted_at, product)
                    select max(contact_id), ?, null from {INPUT_SCHEMA}.contacts
                    where contact_id not in (select contact_id from {INPUT_SCHEMA}.conversions)
                    """,
                    [dt.datetime.combine(day, dt.time(10))],
                )
            if self.engine == "postgres":
                self._copy_inputs_to_postgres(con)
        if day == GRID_CHANGE_DAY:
            # the first key page visit earns 400 instead of 500
            edit_grid(self.project_dir, "key_page_visits", "points_1_plus", "400")

    def _copy_inputs_to_postgres(self, con: duckdb.DuckDBPyConnection) -> None:
        self.exports.mkdir(exist_ok=True)
        with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
            cursor.execute(f"create schema if not exists {self.inputs}")
            for table in demo_data.TABLES:
                columns = con.execute(f"describe {INPUT_SCHEMA}.{table}").fetchall()
                column_list = ", ".join(
                    f"{name} {POSTGRES_TYPES.get(type_.split('(')[0], 'numeric')}"
                    for name, type_, *_ in columns
                )
                path = self.exports / f"{table}.csv"
                con.execute(f"copy {INPUT_SCHEMA}.{table} to '{path}' (header)")
                # emptied, not dropped: the project's views read the tables
                cursor.execute(f"create table if not exists {self.inputs}.{table} ({column_list})")
                cursor.execute(f"truncate {self.inputs}.{table}")
                with path.open() as handle:
                    cursor.copy_expert(
                        f"copy {self.inputs}.{table} from stdin with (format csv, header)", handle
                    )

    def project(self) -> DbtProject:
        return DbtProject(
            project_dir=self.project_dir,
            variables={"lead_scoring_schema": self.inputs},
            env=self.env,
        )

    def build(self, day: dt.date, *extra: str, data_tests: bool = True) -> DbtRun:
        """One scheduled build (``SCHEDULED_BUILD``, what `lead-scoring run` runs) by
        ``run_dbt``, which points it at this project's profiles and DuckDB file itself (named
        in ``env``, they would keep a DuckDB run from reusing the last parse made with the
        same vars). ``data_tests=False`` leaves the data tests out, for a build whose marts
        must equal ones they already passed on (a rerun, a full refresh)."""
        own = ("LEAD_SCORING_DUCKDB_PATH", "DBT_PROFILES_DIR")
        no_tests = [] if data_tests else NO_DATA_TESTS
        return run_dbt(
            self.project_dir,
            self.duckdb_path,
            [*SCHEDULED_BUILD, *no_tests, *extra],
            {**self.project().variables, "scoring_as_of": day.isoformat()},
            threads=4,
            env={name: value for name, value in self.env.items() if name not in own},
        )

    def query(self, sql: str) -> tuple[list[str], list[tuple]]:
        """The column names and rows of a query."""
        if self.engine == "postgres":
            with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
                cursor.execute(sql)
                return [column.name for column in cursor.description], cursor.fetchall()
        with duckdb.connect(str(self.duckdb_path), read_only=True) as con:
            result = con.execute(sql)
            return [column[0] for column in result.description], result.fetchall()

    def rows(self, sql: str) -> list[tuple]:
        return self.query(sql)[1]

    def table(self, name: str) -> list[tuple]:
        """Every row of a mart or an intermediate model, sorted; without the time the run
        started (scoring_data_quality) or the time the row was computed (rescored_at)."""
        schema = self.marts + ("_intermediate" if name.startswith("int_") else "")
        names, rows = self.query(f"select * from {schema}.{name}")
        kept = [
            i for i, column in enumerate(names) if column not in ("run_started_at", "rescored_at")
        ]
        return sorted((tuple(row[i] for i in kept) for row in rows), key=repr)


def daily_runs(warehouse: Warehouse, days: list[dt.date]) -> list[tuple[dt.date, dict]]:
    """Scheduled builds on ``days`` (`dbt build` in this process, parsed once, as `lead-scoring
    backfill` runs them); the published scores after each. The data tests run on the day
    the grid changes and on the last day: the daily builds take twice as long with them."""
    builds = DailyBuilds(warehouse.project())
    daily = []
    for day in days:
        warehouse.load_until(day)
        with_tests = day in (GRID_CHANGE_DAY, days[-1])
        skip_tests = [] if with_tests else ["--exclude-resource-type", "test", "unit_test"]
        assert builds.build(day, skip_tests), f"the build as of {day} failed (dbt's output above)"
        daily.append((day, published_scores(warehouse)))
        if day in KEPT_DAYS and warehouse.engine == "duckdb":
            kept = warehouse.duckdb_path.with_name(f"after_{day}.duckdb")
            shutil.copy(warehouse.duckdb_path, kept)
            warehouse.kept[day] = kept
    return daily


def edit_grid(project_dir: Path, criterion: str, column: str, value: str) -> None:
    """Set one cell of the default grid's activity criterion."""
    path = project_dir / "seeds" / "grid" / "grid_activity_criteria.csv"
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    edited = [
        row for row in rows if (row["scoring_model"], row["criterion"]) == ("default", criterion)
    ]
    assert len(edited) == 1
    edited[0][column] = value
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def published_scores(warehouse: Warehouse) -> dict[tuple[str, str], tuple]:
    return {
        (contact_id, model): tuple(rest)
        for contact_id, model, *rest in warehouse.rows(
            f"select contact_id, scoring_model, {SCORE_COLUMNS} from {warehouse.marts}.lead_scores"
        )
    }


def implied_history(
    daily: list[tuple[dt.date, dict[tuple[str, str], tuple]]],
) -> tuple[set[tuple], set[tuple]]:
    """The history periods and change-feed rows that consecutive runs publishing ``daily``
    scores imply, worked out from contract section 7's words."""
    periods: dict[tuple[str, str], list[list]] = {}
    changes = set()
    for day, scores in daily:
        for lead in sorted(set(scores) | set(periods)):
            lead_periods = periods.setdefault(lead, [])
            current = scores.get(lead)
            open_period = lead_periods[-1] if lead_periods and lead_periods[-1][1] is None else None
            previous = open_period[2] if open_period else None
            if previous == current:
                continue
            if open_period:
                open_period[1] = day
            if current is not None:
                lead_periods.append([day, None, current])
            # the feed: grade, zone or total changed (or the lead entered or left), or the
            # lead started surging (SPEC section 8)
            was_surging = bool(previous and previous[6])
            is_surging = bool(current and current[6])
            if (
                previous is None
                or current is None
                or _feed(previous) != _feed(current)
                or (is_surging and not was_surging)
            ):
                was_mql = bool(previous and previous[5])
                is_mql = bool(current and current[5])
                changes.add(
                    (
                        *lead,
                        day,
                        previous[3] if previous else None,
                        current[3] if current else None,
                        previous[4] if previous else None,
                        current[4] if current else None,
                        previous[0] if previous else None,
                        current[0] if current else None,
                        is_mql and not was_mql,
                        was_mql and not is_mql,
                        is_surging and not was_surging,
                    )
                )
    history = {
        (*lead, valid_from, valid_to, *values)
        for lead, lead_periods in periods.items()
        for valid_from, valid_to, values in lead_periods
    }
    return history, changes


def _feed(values: tuple) -> tuple:
    total, _fit, _activity, grade, zone, _is_mql, _is_surging = values
    return total, grade, zone


def recorded_history(warehouse: Warehouse) -> set[tuple]:
    return set(
        warehouse.rows(
            f"""
            select contact_id, scoring_model, valid_from, valid_to, {SCORE_COLUMNS}
            from {warehouse.marts}.lead_score_history
            """
        )
    )


def recorded_changes(warehouse: Warehouse) -> set[tuple]:
    return set(
        warehouse.rows(
            f"""
            select contact_id, scoring_model, changed_on, previous_grade, current_grade,
                previous_zone, current_zone, previous_total_points, current_total_points,
                became_mql, left_mql, became_surging
            from {warehouse.marts}.lead_score_changes
            """
        )
    )


@pytest.fixture(scope="module")
def month_of_daily_runs(tmp_path_factory):
    """The scheduled builds of ``RUN_DAYS`` on DuckDB; the published scores after each."""
    warehouse = Warehouse(tmp_path_factory.mktemp("schedule"))
    return warehouse, daily_runs(warehouse, RUN_DAYS)


def test_history_and_change_feed_are_what_the_daily_scores_imply(month_of_daily_runs):
    warehouse, daily = month_of_daily_runs
    history, changes = implied_history(daily)
    assert recorded_history(warehouse) == history
    assert recorded_changes(warehouse) == changes
    # the month saw every kind of change the feed knows
    assert all(any(row[flag] for row in changes) for flag in (-3, -2, -1))
    assert {row[2] for row in changes} == set(RUN_DAYS)
    # leads that first appear after the first run
    assert {row[2] for row in changes if row[7] is None} > {FIRST_DAY}
    # events that reached the warehouse twelve days late, after a run scored their day
    late = warehouse.rows(
        f"select cast(occurred_at as date), loaded_on from {ALL_INPUTS}.event_loads"
        " where loaded_on - cast(occurred_at as date) = 12"
    )
    assert any(occurred <= day < loaded for occurred, loaded in late for day in RUN_DAYS)


def test_first_mql_on_is_the_first_day_history_records_the_lead_hot(month_of_daily_runs):
    warehouse, daily = month_of_daily_runs
    first_hot: dict[tuple[str, str], dt.date] = {}
    for day, scores in daily:
        for lead, values in scores.items():
            if values[5]:
                first_hot.setdefault(lead, day)
    published = {
        (contact_id, model): first_mql_on
        for contact_id, model, first_mql_on in warehouse.rows(
            f"select contact_id, scoring_model, first_mql_on from {warehouse.marts}.lead_scores"
        )
    }
    assert published == {lead: first_hot.get(lead) for lead in daily[-1][1]}
    assert len(set(published.values())) > 3


def test_rerunning_a_day_changes_nothing(month_of_daily_runs, tmp_path):
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    before = snapshot(copy)
    rerun = copy.build(DAYS[-1], data_tests=False)
    assert rerun.returncode == 0, rerun.output
    assert snapshot(copy) == before


@pytest.mark.parametrize("day", KEPT_DAYS, ids=str)
def test_a_full_refresh_gives_the_tables_the_daily_runs_left(month_of_daily_runs, tmp_path, day):
    """Every mart and every per-contact model (issue 27: a daily run computes again only the
    contacts whose scores can change) as the daily runs up to ``day`` left them, and as a
    full refresh at ``day`` on the same inputs computes them."""
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path, state=warehouse.kept[day])
    if day < GRID_CHANGE_DAY:
        edit_grid(copy.project_dir, "key_page_visits", "points_1_plus", "500")
    before = snapshot(copy)
    # the daily runs rescored some contacts and kept the others' rows as they were
    reasons = dict(
        copy.rows(
            f"""
            select rescore_reason, count(distinct contact_id)
            from {copy.marts}_intermediate.int_contacts_to_rescore
            where scored_as_of = '{day}' group by 1
            """
        )
    )
    leads = len(published_scores(copy))
    assert 0 < sum(reasons.values()) < leads, reasons
    # window_moved_earlier: rescored by the models of the earlier dates only (velocity,
    # calibration); the others keep those contacts' rows, and the refresh below agrees
    assert {"events_loaded", "window_moved", "window_moved_earlier", "decaying"} <= set(reasons), (
        reasons
    )
    if day == EDIT_DAY:
        assert reasons["inputs_changed"] >= 4, reasons
    refreshed = copy.build(day, "--full-refresh", data_tests=False)
    assert refreshed.returncode == 0, refreshed.output
    assert snapshot(copy) == before


def test_the_run_after_one_that_stopped_midway_catches_up(month_of_daily_runs, tmp_path):
    """A run that stops after the rescore log (dbt skips what follows a failed model: here
    the models from int_contact_points_graded on are left out) leaves those models behind;
    the next run applies both runs' entries, and its tables equal a full refresh's."""
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    stopped_on, next_day = DAYS[-1] + dt.timedelta(days=1), DAYS[-1] + dt.timedelta(days=2)
    copy.load_until(stopped_on)
    stopped = copy.build(stopped_on, "--exclude", "int_contact_points_graded+", data_tests=False)
    assert stopped.returncode == 0, stopped.output
    copy.load_until(next_day)
    caught_up = copy.build(next_day, data_tests=False)
    assert caught_up.returncode == 0, caught_up.output
    before = snapshot(copy)
    refreshed = copy.build(next_day, "--full-refresh", data_tests=False)
    assert refreshed.returncode == 0, refreshed.output
    assert snapshot(copy) == before


def test_a_run_that_fails_publishes_nothing_and_leaves_history_untouched(
    month_of_daily_runs, tmp_path
):
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    before = snapshot(copy)
    # an invalid grid (a tier above its cap) fails the build before anything is published
    edit_grid(copy.project_dir, "key_page_visits", "points_2_plus", "5000")
    failed = copy.build(DAYS[-1] + dt.timedelta(days=1))
    assert failed.returncode != 0
    # the data-quality report is not a score: it reports on the inputs whatever the grid
    after = snapshot(copy, intermediate=False)
    del after["scoring_data_quality"], before["scoring_data_quality"]
    assert after == {table: rows for table, rows in before.items() if table in after}


def test_a_run_at_an_earlier_date_rewinds_history_to_it(month_of_daily_runs, tmp_path):
    warehouse, daily = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    rewound_to = RUN_DAYS[-2]
    rerun = copy.build(rewound_to)
    assert rerun.returncode == 0, rerun.output
    # the days before are kept as recorded; the rerun's scores replace the later ones (they
    # may differ from the first run at that date: events have arrived late since)
    history, changes = implied_history([*daily[:-2], (rewound_to, published_scores(copy))])
    assert recorded_history(copy) == history
    assert recorded_changes(copy) == changes
    assert max(row[2] for row in changes) == rewound_to


def test_a_record_from_before_velocity_gains_its_columns_at_the_next_run(
    month_of_daily_runs, tmp_path
):
    """The upgrade: a history and a change feed an earlier release wrote have no
    is_surging / became_surging (the columns dropped here leave the tables as that release
    left them); the next run adds them (false in the rows already recorded: that release
    flagged no surge) instead of failing on the schema change, and reports every lead
    surging then as starting to."""
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    last_day = DAYS[-1]
    with duckdb.connect(str(copy.duckdb_path)) as con:
        con.execute(f"alter table {copy.marts}.lead_score_history drop column is_surging")
        con.execute(f"alter table {copy.marts}.lead_score_changes drop column became_surging")
    rerun = copy.build(last_day)
    assert rerun.returncode == 0, rerun.output

    history = recorded_history(copy)
    changes = recorded_changes(copy)
    # the rows recorded before the upgrade say "not surging"
    assert {row[-1] for row in history if row[2] < last_day} == {False}
    assert {row[-1] for row in changes if row[2] < last_day} == {False}
    # the current periods are the published scores, as after any run
    published = published_scores(copy)
    assert {row[:2]: row[4:] for row in history if row[3] is None} == published
    # every lead surging now starts to, for the record: a row of the feed at the run
    surging = {lead for lead, values in published.items() if values[-1]}
    assert surging
    assert {row[:2] for row in changes if row[2] == last_day and row[-1]} == surging


def test_a_warehouse_from_before_rescoring_is_rescored_whole_at_the_next_run(
    month_of_daily_runs, tmp_path
):
    """The upgrade to per-contact rescoring, with nothing to run by hand: the warehouse an
    earlier release left (per-contact tables without rescored_at and with the columns they
    lost since, an event table without loaded_at, no rescore log) is rescored whole by the
    next run, whose tables equal a full refresh's."""
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    intermediate = f"{copy.marts}_intermediate"
    with duckdb.connect(str(copy.duckdb_path)) as con:
        for model in RESCORED_MODELS:
            con.execute(f"alter table {intermediate}.{model} drop column rescored_at")
        con.execute(
            f"alter table {intermediate}.int_contact_activity_counts"
            " add column days_since_last_event integer"
        )
        con.execute("alter table main_staging.stg_lead_scoring__events drop column loaded_at")
        for model in ("int_contacts_to_rescore", "int_contact_input_fingerprints"):
            con.execute(f"drop table {intermediate}.{model}")
    next_day = DAYS[-1] + dt.timedelta(days=1)
    copy.load_until(next_day)
    upgraded = copy.build(next_day, data_tests=False)
    assert upgraded.returncode == 0, upgraded.output
    assert copy.rows(
        f"select rescores_everyone from {intermediate}.int_contacts_to_rescore"
        " where rescore_reason = 'run'"
    ) == [(True,)]
    before = snapshot(copy)
    refreshed = copy.build(next_day, "--full-refresh", data_tests=False)
    assert refreshed.returncode == 0, refreshed.output
    assert snapshot(copy) == before


def copy_warehouse(warehouse: Warehouse, workdir: Path, state: Path | None = None) -> Warehouse:
    """A copy of a DuckDB warehouse and its project, to change without touching the first;
    ``state``: a warehouse file the daily runs kept instead of the last one."""
    assert warehouse.engine == "duckdb"
    copy = Warehouse.__new__(Warehouse)
    copy.__dict__.update(warehouse.__dict__)
    copy.project_dir = workdir / "project"
    shutil.copytree(
        warehouse.project_dir, copy.project_dir, ignore=shutil.ignore_patterns("target")
    )
    copy.duckdb_path = workdir / "scores.duckdb"
    shutil.copy(state or warehouse.duckdb_path, copy.duckdb_path)
    copy.env = {
        **warehouse.env,
        "LEAD_SCORING_DUCKDB_PATH": str(copy.duckdb_path),
        "DBT_PROFILES_DIR": str(copy.project_dir / "profiles"),
    }
    return copy


def snapshot(warehouse: Warehouse, intermediate: bool = True) -> dict[str, list[tuple]]:
    """Every mart a daily run writes (the data-quality report without its run time) and,
    unless ``intermediate`` is false, every per-contact model it updates."""
    tables = [
        "lead_scores",
        "lead_score_details",
        "lead_score_history",
        "lead_score_changes",
        "account_scores",
        "scoring_data_quality",
        "lead_next_steps",
        *(RESCORED_MODELS if intermediate else []),
    ]
    return {table: warehouse.table(table) for table in tables}


def test_postgres_daily_runs_keep_the_same_record(tmp_path):
    """The same on PostgreSQL over three runs (a first run, the grid change two days later
    with late events arriving between, and the next day): history and feed as the daily
    scores imply; a rerun and a full refresh change nothing."""
    warehouse = Warehouse(tmp_path, engine="postgres")
    days = [DAYS[17], GRID_CHANGE_DAY, DAYS[20]]
    daily = daily_runs(warehouse, days)
    history, changes = implied_history(daily)
    assert recorded_history(warehouse) == history
    assert recorded_changes(warehouse) == changes
    before = snapshot(warehouse)
    for extra in ([], ["--full-refresh"]):
        rebuilt = warehouse.build(days[-1], *extra, data_tests=False)
        assert rebuilt.returncode == 0, rebuilt.output
        assert snapshot(warehouse) == before


def test_backfill_replays_the_daily_runs_in_order(month_of_daily_runs, tmp_path, monkeypatch):
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    for name, value in copy.env.items():
        monkeypatch.setenv(name, value)
    replayed = [DAYS[-1] + dt.timedelta(days=offset) for offset in (1, 2)]
    variables = json.dumps(copy.project().variables)
    common = ["--vars", variables, "--project-dir", str(copy.project_dir)]

    assert cli.main(["backfill", "--from", "2026-10-02", "--to", "2026-10-01", *common]) == 2
    assert cli.main(["backfill", "--from", "2026-10-01", "--to", "2026-10-02", *common]) == 0

    recorded_days = {
        row[0] for row in copy.rows(f"select scored_as_of from {copy.marts}.lead_scores")
    }
    assert recorded_days == {replayed[-1]}
    # each replayed day closed what decay faded since the day before
    changed_days = {row[2] for row in recorded_changes(copy)}
    assert set(replayed) <= changed_days


def test_an_event_table_from_before_the_incremental_one_asks_for_a_full_refresh(
    month_of_daily_runs, tmp_path
):
    warehouse, _ = month_of_daily_runs
    copy = copy_warehouse(warehouse, tmp_path)
    with duckdb.connect(str(copy.duckdb_path)) as con:
        con.execute("alter table main_staging.stg_lead_scoring__events drop column event_key")
    failed = copy.build(DAYS[-1], data_tests=False)
    assert failed.returncode != 0
    assert "no event_key column): run `dbt build --full-refresh` once" in failed.output
    refreshed = copy.build(DAYS[-1], "--full-refresh", data_tests=False)
    assert refreshed.returncode == 0, refreshed.output
    assert snapshot(copy) == snapshot(warehouse)

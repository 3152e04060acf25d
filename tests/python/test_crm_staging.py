"""CRM staging round trips: the demo's leads written as a CRM's loader writes them (with the
CRM's traps planted), scored by a dbt project that installs this one as a package and sets
two vars (`lead_scoring_crm`, `lead_scoring_schema`), must score exactly as the
contract-shaped tables a correct mapping gives back (``<crm>_expected``, scored by this
project standalone), both with the CRM's starter grid (grids/<crm>/). Every trap row is
left out or moved, and counted in scoring_data_quality with its reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import psycopg2
import pytest

from dbt_harness import (
    POSTGRES_TYPES,
    PROJECT_ROOT,
    SCORE_ONLY,
    copy_consumer,
    copy_project,
    run_dbt,
)
from lead_scoring import crm_shapes
from lead_scoring.cli import main as lead_scoring_cli
from test_engines import PG

AS_OF = "2026-09-30"
SCORES = "select * from main.lead_scores order by contact_id, scoring_model"
# a smaller demo than `make demo`'s: the round trip is about shapes, not volume
DEMO_SIZE = ["--contacts=400", "--accounts=60", "--events=8000"]


def _use_starter_grid(project_dir: Path, crm: str) -> None:
    (project_dir / "seeds" / "grid").mkdir(parents=True, exist_ok=True)
    for path in (PROJECT_ROOT / "grids" / crm).glob("grid_*.csv"):
        shutil.copy(path, project_dir / "seeds" / "grid" / path.name)


@pytest.fixture(scope="module", params=crm_shapes.CRMS)
def round_trip(request, tmp_path_factory):
    """The CRM's tables scored through its staging in the consumer project, and the
    expected contract-shaped tables scored standalone: (crm, crm run, expected run)."""
    crm = request.param
    workdir = tmp_path_factory.mktemp(crm)
    inputs = workdir / "inputs.duckdb"
    assert lead_scoring_cli(["generate", *DEMO_SIZE, f"--crm={crm}", f"--duckdb={inputs}"]) == 0

    consumer_dir = copy_consumer(workdir)
    # the CRM's starter grid as the consumer project's own grid
    _use_starter_grid(consumer_dir, crm)
    crm_warehouse = workdir / "crm.duckdb"
    shutil.copy(inputs, crm_warehouse)
    installed = run_dbt(consumer_dir, crm_warehouse, ["deps"], {})
    assert installed.returncode == 0, installed.output
    # the two vars a team with this CRM sets
    crm_run = run_dbt(
        consumer_dir,
        crm_warehouse,
        ["build"],
        {"scoring_as_of": AS_OF, "lead_scoring_crm": crm, "lead_scoring_schema": crm},
        threads=4,
    )
    assert crm_run.returncode == 0, crm_run.output

    project_dir = copy_project(workdir / "standalone")
    _use_starter_grid(project_dir, crm)
    expected_warehouse = workdir / "expected.duckdb"
    shutil.copy(inputs, expected_warehouse)
    expected_run = run_dbt(
        project_dir,
        expected_warehouse,
        SCORE_ONLY,
        {
            "scoring_as_of": AS_OF,
            "lead_scoring_schema": f"{crm}_expected",
        },
        threads=4,
    )
    assert expected_run.returncode == 0, expected_run.output
    return crm, crm_run, expected_run


def _reported(run) -> dict[tuple[str, str], int]:
    return {
        (table, reason): count
        for table, reason, count in run.query(
            "select input_table, reason, row_count from main.scoring_data_quality"
            " where outcome = 'reported'"
        )
    }


def test_the_crm_tables_score_as_the_contract_shaped_demo(round_trip):
    crm, crm_run, expected_run = round_trip
    scores = crm_run.query(SCORES)
    assert scores == expected_run.query(SCORES)
    assert {row[2] for row in scores} == {f"{crm}_starter"}
    zones = dict(crm_run.query("select zone, count(*) from main.lead_scores group by zone"))
    assert set(zones) == {"hot", "warm", "cold"}, zones


def test_nothing_of_a_trap_reaches_the_contract(round_trip):
    _, crm_run, _ = round_trip
    reported = _reported(crm_run)
    # deleted and merged-away contacts' activity was left out or moved, not passed on as
    # activity of unknown contacts
    assert reported[("events", "unknown_contact")] == 0
    assert reported[("events", "missing_contact_id")] == 0
    assert reported[("events", "duplicate_event_conflicting")] == 0


# Traps crm_shapes plants in a fixed number: (loader table, reason) -> rows reported
PLANTED = {
    "hubspot": {
        # 20 deleted contacts with a form, a click and a won deal each
        ("hubspot.contact", "deleted_contact"): 20,
        ("hubspot.email_event", "deleted_contact"): 20,
        ("hubspot.contact_form_submission", "deleted_contact"): 20,
        ("hubspot.deal_contact", "deleted_contact"): 20,
        # 10 e-mails to addresses no contact has, 3 deleted companies
        ("hubspot.email_event", "unknown_recipient"): 10,
        ("hubspot.company", "deleted_company"): 3,
    },
    "salesforce": {
        # 20 deleted contacts with a campaign response, an e-mail task and a won opportunity
        ("salesforce.contact", "deleted_contact"): 20,
        ("salesforce.campaign_member", "deleted_person"): 20,
        ("salesforce.task", "deleted_person"): 20,
        ("salesforce.opportunity", "deleted_person"): 20,
        ("salesforce.account", "deleted_account"): 3,
    },
    "marketo": {
        # 20 deleted leads (10 still synced as rows) with an open and a form fill each
        ("marketo.lead", "deleted_lead"): 10,
        ("marketo.activity_open_email", "deleted_lead"): 20,
        ("marketo.activity_fill_out_form", "deleted_lead"): 20,
    },
}

# Traps whose number depends on the demo: (loader table, reason) -> the loader rows, counted
# in the CRM's own tables
COUNTED = {
    "hubspot": {
        ("hubspot.contact", "merged_contact"): "select count(*) from hubspot.contact"
        " where property_hs_calculated_merged_vids is not null",
        ("hubspot.deal_contact", "deal_not_won"): "select count(*) from hubspot.deal"
        " where not is_deleted and deal_pipeline_stage_id != 'closedwon'",
        ("hubspot.deal_contact", "deleted_deal"): "select count(*) from hubspot.deal"
        " where is_deleted",
        ("hubspot.contact_list_member", "left_list"): "select count(*)"
        " from hubspot.contact_list_member where _fivetran_deleted",
    },
    "salesforce": {
        ("salesforce.contact", "merged_contact"): "select count(*) from salesforce.contact"
        " where is_deleted and master_record_id is not null",
        ("salesforce.lead", "converted_lead"): "select count(*) from salesforce.lead"
        " where is_converted",
        ("salesforce.opportunity", "opportunity_not_won"): "select count(*)"
        " from salesforce.opportunity where not is_won and not is_deleted",
        ("salesforce.task", "deleted_record"): "select count(*) from salesforce.task"
        " where is_deleted",
        ("salesforce.campaign_member", "deleted_record"): "select count(*)"
        " from salesforce.campaign_member where is_deleted",
    },
    "marketo": {
        ("marketo.lead", "merged_lead"): "select count(*) from marketo.activity_merge_leads",
        ("marketo.activity_change_data_value", "not_a_conversion"): "select count(*)"
        " from marketo.activity_change_data_value where new_value != 'Customer'",
    },
}

# Rows moved to the record they became, in every CRM's activity and conversions
MOVED = {
    "hubspot": [
        ("hubspot.email_event", "merged_contact_moved"),
        ("hubspot.contact_form_submission", "merged_contact_moved"),
        ("hubspot.contact_list_member", "merged_contact_moved"),
        ("hubspot.deal_contact", "merged_contact_moved"),
    ],
    "salesforce": [
        ("salesforce.campaign_member", "merged_person_moved"),
        ("salesforce.campaign_member", "converted_lead_moved"),
        ("salesforce.event", "converted_lead_moved"),
        # won opportunities without a contact role convert their account's contacts
        ("salesforce.opportunity", "account_contact"),
    ],
    "marketo": [
        ("marketo.activity_visit_webpage", "merged_lead_moved"),
        ("marketo.activity_open_email", "merged_lead_moved"),
        ("marketo.activity_fill_out_form", "merged_lead_moved"),
    ],
}


def test_planted_traps_are_reported_with_their_reasons(round_trip):
    crm, crm_run, _ = round_trip
    reported = _reported(crm_run)
    for key, rows in PLANTED[crm].items():
        assert reported[key] == rows, key
    with duckdb.connect(str(crm_run.duckdb_path), read_only=True) as con:
        for key, query in COUNTED[crm].items():
            (rows,) = con.execute(query).fetchone()
            assert rows > 0 and reported[key] == rows, (key, rows, reported[key])
    for key in MOVED[crm]:
        assert reported[key] > 0, key


def test_every_reason_of_the_crm_is_listed_and_nothing_else_crm_shaped(round_trip):
    crm, crm_run, _ = round_trip
    tables = {
        table
        for (table,) in crm_run.query("select distinct input_table from main.scoring_data_quality")
    }
    crm_tables = {table for table in tables if "." in table}
    assert crm_tables and all(table.startswith(f"{crm}.") for table in crm_tables)


def test_countries_spelled_out_by_the_crm_earn_the_region_rule(round_trip):
    _, crm_run, _ = round_trip
    # the CRMs' pick lists spell most countries out ("United States"); the rule lists codes
    reported = _reported(crm_run)
    assert reported[("accounts", "unmapped_country")] == 0
    regional = crm_run.query(
        "select count(*) from main.lead_score_details where criterion = 'region' and points = 100"
    )[0][0]
    assert regional > 0


def _copy_schema_to_postgres(duckdb_path: Path, schema: str, workdir: Path) -> None:
    """The loader's tables as they would be synced into PostgreSQL (schema ``schema``)."""
    with (
        duckdb.connect(str(duckdb_path), read_only=True) as con,
        psycopg2.connect(**PG) as connection,
        connection.cursor() as cursor,
    ):
        cursor.execute(f"drop schema if exists {schema} cascade")
        cursor.execute(f"create schema {schema}")
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = ?", [schema]
        ).fetchall()
        for (table,) in tables:
            columns = con.execute(f"describe {schema}.{table}").fetchall()
            column_list = ", ".join(
                f"{name} {POSTGRES_TYPES[type_.split('(')[0]]}" for name, type_, *_ in columns
            )
            cursor.execute(f"create table {schema}.{table} ({column_list})")
            path = workdir / f"{schema}.{table}.csv"
            con.execute(f"copy {schema}.{table} to '{path}' (header)")
            with path.open() as handle:
                cursor.copy_expert(
                    f"copy {schema}.{table} from stdin with (format csv, header)", handle
                )


def test_the_crm_staging_scores_alike_on_postgres(round_trip, tmp_path):
    """The same SQL on PostgreSQL (running: `make test` starts it), the CRM's tables synced
    into a schema there."""
    crm, crm_run, _ = round_trip
    _copy_schema_to_postgres(crm_run.duckdb_path, crm, tmp_path)
    project_dir = copy_project(tmp_path / "project")
    _use_starter_grid(project_dir, crm)
    marts_schema = f"crm_staging_{crm}"
    with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
        # a server kept from an earlier run holds an earlier build's incremental tables
        cursor.execute(
            "select schema_name from information_schema.schemata where schema_name like %s",
            [f"{marts_schema}%"],
        )
        for (schema,) in cursor.fetchall():
            cursor.execute(f"drop schema {schema} cascade")
    built = run_dbt(
        project_dir,
        tmp_path / "unused.duckdb",
        SCORE_ONLY,
        {
            "scoring_as_of": AS_OF,
            "lead_scoring_crm": crm,
            "lead_scoring_schema": crm,
        },
        threads=4,
        env={"LEAD_SCORING_TARGET": "postgres", "LEAD_SCORING_PG_SCHEMA": marts_schema},
    )
    assert built.returncode == 0, built.output
    columns = "contact_id, scoring_model, fit_points, activity_points, grade, zone, score_reasons"
    with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
        cursor.execute(f"select {columns} from {marts_schema}.lead_scores")
        postgres_scores = sorted(cursor.fetchall())
        cursor.execute(
            f"select input_table, reason, row_count from {marts_schema}.scoring_data_quality"
        )
        postgres_quality = sorted(cursor.fetchall())
    assert postgres_scores == sorted(crm_run.query(f"select {columns} from main.lead_scores"))
    assert postgres_quality == sorted(
        crm_run.query("select input_table, reason, row_count from main.scoring_data_quality")
    )

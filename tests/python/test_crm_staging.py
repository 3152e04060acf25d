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

from lead_scoring.cli import main as lead_scoring_cli
from lead_scoring.demo.data import DemoSize
from support import crm_shapes
from support.dbt_harness import (
    DATA_BUILD,
    PG,
    POSTGRES_TYPES,
    PROJECT_ROOT,
    SCORE_ONLY,
    copy_consumer,
    copy_project,
    drop_snowflake_schemas,
    run_dbt,
    snowflake_insert,
    snowflake_query,
)

AS_OF = "2026-09-30"
SCORES = "select * from main.lead_scores order by contact_id, scoring_model"
# a smaller demo than `make demo`'s: the round trip is about shapes, not volume
DEMO = DemoSize(contacts=400, accounts=60, events=8000)
DEMO_SIZE = [
    f"--contacts={DEMO.contacts}",
    f"--accounts={DEMO.accounts}",
    f"--events={DEMO.events}",
]


def _use_starter_grid(project_dir: Path, crm: str) -> None:
    (project_dir / "seeds" / "grid").mkdir(parents=True, exist_ok=True)
    for path in (PROJECT_ROOT / "grids" / crm).glob("grid_*.csv"):
        shutil.copy(path, project_dir / "seeds" / "grid" / path.name)


def _consumer_project(workdir: Path, crm: str, warehouse_path: Path) -> Path:
    """integration_tests/ installing this project (``copy_consumer``), the CRM's starter grid
    as its own grid, its packages installed against ``warehouse_path``."""
    consumer_dir = copy_consumer(workdir)
    _use_starter_grid(consumer_dir, crm)
    installed = run_dbt(consumer_dir, warehouse_path, ["deps"], {})
    assert installed.returncode == 0, installed.output
    return consumer_dir


@pytest.fixture(scope="module", params=crm_shapes.CRMS)
def round_trip(request, tmp_path_factory):
    """The CRM's tables scored through its staging in the consumer project, and the
    expected contract-shaped tables scored standalone: (crm, crm run, expected run)."""
    crm = request.param
    workdir = tmp_path_factory.mktemp(crm)
    inputs = workdir / "inputs.duckdb"
    # what `generate --crm` writes, and the expected contract-shaped tables beside it
    crm_shapes.generate(inputs, crm, DEMO)

    crm_warehouse = workdir / "crm.duckdb"
    shutil.copy(inputs, crm_warehouse)
    consumer_dir = _consumer_project(workdir, crm, crm_warehouse)
    # the two vars a team with this CRM sets
    crm_run = run_dbt(
        consumer_dir,
        crm_warehouse,
        DATA_BUILD,
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
        # 10 e-mails to addresses no contact has, 3 deleted companies (1 by `is_deleted`,
        # 2 by `_fivetran_deleted` alone)
        ("hubspot.email_event", "unknown_recipient"): 10,
        ("hubspot.company", "deleted_company"): 3,
        # unsubscribes with no e-mail event of 20 deleted contacts and 5 unknown addresses
        ("hubspot.email_subscription_change", "deleted_contact"): 20,
        ("hubspot.email_subscription_change", "unknown_recipient"): 5,
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
        " where property_hs_merged_object_ids is not null",
        ("hubspot.deal_contact", "deal_not_won"): "select count(*) from hubspot.deal"
        " where not is_deleted and not _fivetran_deleted and not property_hs_is_closed_won",
        ("hubspot.deal_contact", "deleted_deal"): "select count(*) from hubspot.deal"
        " where is_deleted or _fivetran_deleted",
        ("hubspot.engagement_contact", "deleted_engagement"): "select count(*)"
        " from hubspot.engagement_call where _fivetran_deleted",
        ("hubspot.email_subscription_change", "recorded_by_email_event"): "select count(*)"
        " from hubspot.email_subscription_change where caused_by_event_id is not null",
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
        # deleted in Salesforce, or found deleted by the connector only
        ("salesforce.opportunity", "deleted_opportunity"): "select count(*)"
        " from salesforce.opportunity where is_deleted or _fivetran_deleted",
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
        ("hubspot.email_subscription_change", "merged_contact_moved"),
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


SCORED_COLUMNS = (
    "contact_id, scoring_model, fit_points, activity_points, grade, zone, score_reasons"
)
QUALITY_COLUMNS = "input_table, reason, row_count"
# the CRM whose round trip also runs on the Snowflake emulator (one is enough to prove the
# SQL; loading the loader's tables into the emulator takes a while)
SNOWFLAKE_CRM = "salesforce"


def _score_on_another_engine(crm: str, tmp_path: Path, env: dict[str, str]) -> None:
    """Score the CRM's tables (already in the engine's schema ``crm``) through its staging,
    with the starter grid, on the engine ``env`` points at."""
    project_dir = copy_project(tmp_path / "project")
    _use_starter_grid(project_dir, crm)
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
        env=env,
    )
    assert built.returncode == 0, built.output


def _published_on_duckdb(crm_run) -> tuple[list[tuple], list[tuple]]:
    return (
        sorted(crm_run.query(f"select {SCORED_COLUMNS} from main.lead_scores")),
        sorted(crm_run.query(f"select {QUALITY_COLUMNS} from main.scoring_data_quality")),
    )


# HubSpot as Fivetran's connector writes it today (crm_shapes plants each case)
hubspot_only = pytest.mark.parametrize("round_trip", ["hubspot"], indirect=True)


def _relation(crm_run, model: str) -> str:
    """A model's `"schema"."identifier"` in the CRM run's warehouse (e.g. a CRM layer's
    ``crm_hubspot__events``)."""
    return crm_run.relations()[model]


@hubspot_only
def test_hubspot_merges_in_hs_merged_object_ids_are_resolved(round_trip):
    _, crm_run, _ = round_trip
    merged = crm_run.query(
        "select count(*) from hubspot.contact where property_hs_merged_object_ids is not null"
    )[0][0]
    assert merged > 0
    assert _reported(crm_run)[("hubspot.contact", "merged_contact")] == merged
    # the merged-away copies (ids from 5000001) are no leads of their own
    assert (
        crm_run.query(
            "select count(*) from main.lead_scores"
            " where cast(contact_id as bigint) between 5000001 and 8999999"
        )[0][0]
        == 0
    )


@hubspot_only
def test_hubspot_unsubscribes_with_no_email_event_are_counted(round_trip):
    _, crm_run, _ = round_trip
    # contacts unsubscribed by an import or a rep (email_subscription_change, no e-mail
    # event), their address in no STATUSCHANGE e-mail event
    unsubscribed = {
        str(contact_id)
        for (contact_id,) in crm_run.query(
            """
            select distinct case when contact.id > 5000000 then contact.id - 5000000
                else contact.id end
            from hubspot.email_subscription_change as change
            inner join hubspot.contact
                on lower(trim(change.recipient)) = lower(trim(contact.property_email))
            where
                change.caused_by_event_id is null
                and change.change = 'UNSUBSCRIBED'
                and not contact._fivetran_deleted
                and lower(trim(change.recipient)) not in (
                    select lower(trim(recipient)) from hubspot.email_event
                    where type = 'STATUSCHANGE'
                )
            """
        )
    }
    assert len(unsubscribed) >= 10
    penalised = {
        contact_id
        for (contact_id,) in crm_run.query(
            "select contact_id from main.lead_score_details"
            " where criterion = 'unsubscribe' and points = -500"
        )
    }
    assert unsubscribed <= penalised
    # the STATUSCHANGE e-mails' own subscription changes are not counted a second time
    assert _reported(crm_run)[("hubspot.email_subscription_change", "recorded_by_email_event")] > 0
    events = _relation(crm_run, "crm_hubspot__events")
    staged = crm_run.query(
        f"select count(*) from {events} where event_id like 'email_subscription_change:%'"
    )[0][0]
    without_email = crm_run.query(
        "select count(*) from hubspot.email_subscription_change where caused_by_event_id is null"
    )[0][0]
    # all but the 20 deleted contacts' and the 5 unknown addresses' changes
    assert staged == without_email - 25


@hubspot_only
def test_hubspot_a_submission_under_a_survivor_and_a_merged_id_counts_once(round_trip):
    _, crm_run, _ = round_trip
    stored_twice = crm_run.query(
        "select count(*) from (select conversion_id from hubspot.contact_form_submission"
        " group by conversion_id having count(*) = 2)"
    )[0][0]
    assert stored_twice > 0
    # staged twice under one event id, the survivor's: the contract's staging keeps one
    assert _reported(crm_run)[("events", "duplicate_event_identical")] == stored_twice
    events = _relation(crm_run, "crm_hubspot__events")
    staged, distinct = crm_run.query(
        f"select count(*), count(distinct event_id) from {events}"
        " where event_type = 'form_submission'"
    )[0]
    assert staged - distinct == stored_twice


@hubspot_only
def test_hubspot_form_subjects_name_the_landing_page(round_trip):
    _, crm_run, _ = round_trip
    events = _relation(crm_run, "crm_hubspot__events")
    subjects = {
        subject
        for (subject,) in crm_run.query(
            f"select distinct subject from {events} where event_type = 'form_submission'"
        )
    }
    # one gated-content form on each asset's page, scored per asset; no host, no query
    assert "Download @ /ebook/lead-scoring-101" in subjects
    assert "Demo request @ /demo-request" in subjects
    assert not [subject for subject in subjects if "?" in subject or "example.com" in subject]


@hubspot_only
def test_hubspot_deals_deleted_by_fivetran_deleted_are_no_conversions(round_trip):
    _, crm_run, _ = round_trip
    deleted_won = crm_run.query(
        "select count(*) from hubspot.deal"
        " where _fivetran_deleted and not is_deleted and property_hs_is_closed_won"
    )[0][0]
    assert deleted_won > 0
    conversions = _relation(crm_run, "crm_hubspot__conversions")
    # the deleted won deals closed on 2026-08-25; no live deal did
    assert (
        crm_run.query(
            f"select count(*) from {conversions} where cast(converted_at as date) = '2026-08-25'"
        )[0][0]
        == 0
    )
    accounts = _relation(crm_run, "crm_hubspot__accounts")
    assert crm_run.query(f"select count(*) from {accounts} where account_name like 'Deleted Co%'")[
        0
    ] == (0,)


@hubspot_only
def test_hubspot_today_s_connector_lacks_no_relied_on_column(round_trip):
    _, crm_run, _ = round_trip
    missing = {key: rows for key, rows in _reported(crm_run).items() if key[1] == "missing_column"}
    assert missing and set(missing.values()) == {0}, missing
    assert "lead_scoring: the hubspot connector" not in crm_run.output


@pytest.fixture(scope="module")
def older_hubspot_run(tmp_path_factory):
    """HubSpot's tables as an older connector version wrote them, scored through the
    staging in the consumer project."""
    workdir = tmp_path_factory.mktemp("older_hubspot")
    warehouse_path = workdir / "crm.duckdb"
    assert (
        lead_scoring_cli(["generate", *DEMO_SIZE, "--crm=hubspot", f"--duckdb={warehouse_path}"])
        == 0
    )
    with duckdb.connect(str(warehouse_path)) as con:
        crm_shapes.write_older_connector(con, "hubspot", "hubspot")
    return run_dbt(
        _consumer_project(workdir, "hubspot", warehouse_path),
        warehouse_path,
        SCORE_ONLY,
        {"scoring_as_of": AS_OF, "lead_scoring_crm": "hubspot", "lead_scoring_schema": "hubspot"},
        threads=4,
    )


def test_an_older_hubspot_connector_scores_and_warns_of_what_it_lacks(older_hubspot_run):
    run = older_hubspot_run
    assert run.returncode == 0, run.output
    reported = _reported(run)
    # its merge, deletion, stage and engagement columns are read in their older spellings
    merged = run.query(
        "select count(*) from hubspot.contact where property_hs_calculated_merged_vids is not null"
    )[0][0]
    assert merged > 0 and reported[("hubspot.contact", "merged_contact")] == merged
    assert reported[("hubspot.company", "deleted_company")] == 3
    assert (
        reported[("hubspot.deal_contact", "deleted_deal")]
        == (run.query("select count(*) from hubspot.deal where is_deleted")[0][0])
    )
    assert (
        reported[("hubspot.engagement_contact", "inactive_engagement")]
        == (run.query("select count(*) from hubspot.engagement where not active")[0][0])
    )
    assert reported[("events", "missing_occurred_at")] == 0
    for table in ("contact", "company", "deal", "deal_pipeline_stage"):
        assert reported[(f"hubspot.{table}", "missing_column")] == 0, table
    # what it does not write is warned about and reported, never read as null in silence
    assert reported[("hubspot.contact_form_submission", "missing_column")] == 2
    assert reported[("hubspot.email_subscription_change", "missing_column")] == 1
    assert (
        "the hubspot connector hubspot.contact_form_submission has no column conversion_id"
        in run.output
    )
    assert "the hubspot connector has no table hubspot.email_subscription_change" in run.output


@pytest.mark.parametrize("round_trip", ["salesforce"], indirect=True)
def test_salesforce_history_mode_versions_and_fivetran_deleted_are_left_out(round_trip):
    _, crm_run, _ = round_trip
    versioned = {
        contact_id
        for (contact_id,) in crm_run.query(
            "select id from salesforce.contact where not _fivetran_active"
        )
    }
    assert versioned
    contacts = _relation(crm_run, "crm_salesforce__contacts")
    # one row per record, its active version's title
    assert crm_run.query(
        f"select count(*), count(distinct contact_id), count(*) filter (where job_title = 'Intern')"
        f" from {contacts} where contact_id in (select id from salesforce.contact"
        " where not _fivetran_active)"
    ) == [(len(versioned), len(versioned), 0)]
    conversions = _relation(crm_run, "crm_salesforce__conversions")
    assert (
        crm_run.query(
            "select count(*) from salesforce.opportunity where _fivetran_deleted and not is_deleted"
        )[0][0]
        > 0
    )
    assert crm_run.query(
        f"select count(*) from {conversions} where cast(converted_at as date) = '2026-08-25'"
    ) == [(0,)]


@pytest.mark.parametrize("round_trip", ["marketo"], indirect=True)
def test_marketo_unsubscribes_by_a_field_change_are_counted(round_trip):
    _, crm_run, _ = round_trip
    unsubscribed = {
        str(lead_id)
        for (lead_id,) in crm_run.query(
            "select lead_id from marketo.activity_change_data_value"
            " where primary_attribute_value = 'Unsubscribed' and new_value = 'true'"
        )
    }
    assert len(unsubscribed) >= 10
    penalised = {
        contact_id
        for (contact_id,) in crm_run.query(
            "select contact_id from main.lead_score_details"
            " where criterion = 'unsubscribe' and points < 0"
        )
    }
    assert unsubscribed <= penalised


def test_the_crm_staging_scores_alike_on_postgres(round_trip, tmp_path):
    """The same SQL on PostgreSQL (running: `make test` starts it), the CRM's tables synced
    into a schema there."""
    crm, crm_run, _ = round_trip
    _copy_schema_to_postgres(crm_run.duckdb_path, crm, tmp_path)
    marts_schema = f"crm_staging_{crm}"
    with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
        # a server kept from an earlier run holds an earlier build's incremental tables
        cursor.execute(
            "select schema_name from information_schema.schemata where schema_name like %s",
            [f"{marts_schema}%"],
        )
        for (schema,) in cursor.fetchall():
            cursor.execute(f"drop schema {schema} cascade")
    _score_on_another_engine(
        crm,
        tmp_path,
        {"LEAD_SCORING_TARGET": "postgres", "LEAD_SCORING_PG_SCHEMA": marts_schema},
    )
    with psycopg2.connect(**PG) as connection, connection.cursor() as cursor:
        cursor.execute(f"select {SCORED_COLUMNS} from {marts_schema}.lead_scores")
        postgres_scores = sorted(cursor.fetchall())
        cursor.execute(f"select {QUALITY_COLUMNS} from {marts_schema}.scoring_data_quality")
        postgres_quality = sorted(cursor.fetchall())
    assert (postgres_scores, postgres_quality) == _published_on_duckdb(crm_run)


def _copy_schema_to_snowflake(duckdb_path: Path, schema: str) -> None:
    """The loader's tables as they would be synced into Snowflake (schema ``schema`` of the
    emulator); DuckDB's type names of these tables are Snowflake's too."""
    drop_snowflake_schemas(schema)
    snowflake_query(f"create schema {schema}")
    with duckdb.connect(str(duckdb_path), read_only=True) as con:
        tables = con.execute(
            "select table_name from duckdb_tables() where schema_name = ?", [schema]
        ).fetchall()
        for (table,) in tables:
            columns = con.execute(f"describe {schema}.{table}").fetchall()
            snowflake_query(
                f"create table {schema}.{table} ("
                + ", ".join(f"{name} {type_}" for name, type_, *_ in columns)
                + ")"
            )
            rows = con.execute(f"select * from {schema}.{table}").fetchall()
            snowflake_insert(f"{schema}.{table}", len(columns), rows)


@pytest.mark.parametrize("round_trip", [SNOWFLAKE_CRM], indirect=True)
def test_the_crm_staging_scores_alike_on_snowflake(round_trip, tmp_path):
    """The same SQL on the Snowflake emulator (running: `make test` starts it), the CRM's
    tables synced into a schema there."""
    crm, crm_run, _ = round_trip
    _copy_schema_to_snowflake(crm_run.duckdb_path, crm)
    marts_schema = f"crm_staging_{crm}"
    drop_snowflake_schemas(marts_schema)
    _score_on_another_engine(
        crm,
        tmp_path,
        {
            "LEAD_SCORING_TARGET": "snowflake_emulated",
            "LEAD_SCORING_SNOWFLAKE_SCHEMA": marts_schema,
        },
    )
    published = (
        sorted(snowflake_query(f"select {SCORED_COLUMNS} from {marts_schema}.lead_scores")),
        sorted(
            snowflake_query(f"select {QUALITY_COLUMNS} from {marts_schema}.scoring_data_quality")
        ),
    )
    assert published == _published_on_duckdb(crm_run)

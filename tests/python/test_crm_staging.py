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
import pytest
import yaml

from dbt_harness import PROJECT_ROOT, copy_project, run_dbt
from lead_scoring import crm_shapes
from lead_scoring.cli import main as lead_scoring_cli

AS_OF = "2026-09-30"
CONSUMER = PROJECT_ROOT / "integration_tests"
SCORES = "select * from main.lead_scores order by contact_id, scoring_model"
# a smaller demo than `make demo`'s: the round trip is about shapes, not volume
DEMO_SIZE = ["--contacts=800", "--accounts=100", "--events=20000"]


def _use_starter_grid(project_dir: Path, crm: str) -> None:
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

    package_dir = copy_project(workdir / "lead_scoring")
    consumer_dir = workdir / "integration_tests"
    shutil.copytree(
        CONSUMER, consumer_dir, ignore=shutil.ignore_patterns("target", "dbt_packages", "*.duckdb")
    )
    (consumer_dir / "packages.yml").write_text(
        yaml.safe_dump({"packages": [{"local": str(package_dir)}]})
    )
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
        ["build"],
        {
            "scoring_as_of": AS_OF,
            "lead_scoring_schema": f"{crm}_expected",
            "load_demo_data": False,
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


def test_hubspot_traps_are_reported_with_their_reasons(round_trip):
    crm, crm_run, _ = round_trip
    if crm != "hubspot":
        pytest.skip("HubSpot's traps")
    reported = _reported(crm_run)
    with duckdb.connect(str(crm_run.duckdb_path), read_only=True) as con:
        (merged,) = con.execute(
            "select count(*) from hubspot.contact where property_hs_calculated_merged_vids"
            " is not null"
        ).fetchone()
        (lost_or_open,) = con.execute(
            "select count(*) from hubspot.deal where not is_deleted"
            " and deal_pipeline_stage_id != 'closedwon'"
        ).fetchone()
        (deleted_deals,) = con.execute(
            "select count(*) from hubspot.deal where is_deleted"
        ).fetchone()
    assert merged > 0 and lost_or_open > 0 and deleted_deals > 0
    # planted by crm_shapes: 20 deleted contacts with a form, a click and a won deal each,
    # 10 e-mails to nobody's address, 3 deleted companies
    assert reported[("hubspot.contact", "deleted_contact")] == 20
    assert reported[("hubspot.contact", "merged_contact")] == merged
    assert reported[("hubspot.company", "deleted_company")] == 3
    assert reported[("hubspot.email_event", "unknown_recipient")] == 10
    assert reported[("hubspot.email_event", "deleted_contact")] == 20
    assert reported[("hubspot.contact_form_submission", "deleted_contact")] == 20
    assert reported[("hubspot.deal_contact", "deleted_contact")] == 20
    assert reported[("hubspot.deal_contact", "deal_not_won")] == lost_or_open
    assert reported[("hubspot.deal_contact", "deleted_deal")] == deleted_deals
    # activity of merged-away contacts moved to the survivor, through every table
    for table in ("email_event", "contact_form_submission", "deal_contact"):
        assert reported[(f"hubspot.{table}", "merged_contact_moved")] > 0, table
    assert reported[("hubspot.contact_list_member", "left_list")] > 0
    assert reported[("hubspot.engagement_contact", "inactive_engagement")] > 0
    # companies' countries spelled out ("United States") still earn the region rule
    with duckdb.connect(str(crm_run.duckdb_path), read_only=True) as con:
        (spelled_out,) = con.execute(
            "select count(*) from hubspot.company where property_country = 'United States'"
        ).fetchone()
    assert spelled_out > 0
    assert reported[("accounts", "unmapped_country")] == 0

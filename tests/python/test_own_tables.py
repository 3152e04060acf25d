"""Scoring your own tables on DuckDB, as docs/own-tables.md shows: the four contract tables alone in
the target's schema, scored with the shipped grid and no var at all; CSV exports loaded into
a schema with `lead-scoring load-csv`, or your own DuckDB file attached read-only (the profile
target `duckdb_attached`), or tables of other names (the identifier vars). All must give the
same scores from the same data."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from lead_scoring.cli import main as lead_scoring_cli
from support.dbt_harness import copy_project, run_dbt

AS_OF = "2026-09-30"
# hundred_point (grids/examples/) reads the optional contact_attributes table: it must be
# found in both places
MODELS = ("default", "hundred_point")
SCORES = (
    "select contact_id, scoring_model, total_points, grade, zone, score_reasons"
    " from main.lead_scores order by 1, 2"
)


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> Path:
    """The generated demo data, as a CRM export would be: CSV files and a DuckDB file."""
    directory = tmp_path_factory.mktemp("exports")
    assert lead_scoring_cli(["generate", f"--csv={directory / 'csv'}"]) == 0
    assert lead_scoring_cli(["generate", f"--duckdb={directory / 'exports.duckdb'}"]) == 0
    return directory


def build(workdir: Path, warehouse: Path, variables: dict, env: dict | None = None):
    """`dbt build` with every data test; dbt's unit tests are left to the demo's build: their
    inputs are their own given rows, whatever tables the build reads."""
    project_dir = copy_project(workdir / "project", scoring_models=MODELS)
    built = run_dbt(
        project_dir,
        warehouse,
        ["build", "--exclude-resource-type", "unit_test"],
        {"scoring_as_of": AS_OF, **variables},
        threads=4,
        env=env,
    )
    assert built.returncode == 0, built.output
    return built


def test_csv_exports_and_an_attached_file_score_alike(exports, tmp_path, capsys):
    loaded = tmp_path / "loaded.duckdb"
    status = lead_scoring_cli(
        ["load-csv", str(exports / "csv"), f"--duckdb={loaded}", "--input-schema=crm"]
    )
    assert status == 0
    assert "contact_attributes 3,034 rows" in capsys.readouterr().out
    from_csv = build(tmp_path / "csv", loaded, {"lead_scoring_schema": "crm"})

    attached = build(
        tmp_path / "attached",
        tmp_path / "scores.duckdb",
        {"lead_scoring_database": "inputs", "lead_scoring_schema": "lead_scoring_input"},
        {
            "LEAD_SCORING_TARGET": "duckdb_attached",
            "LEAD_SCORING_INPUTS_DUCKDB_PATH": str(exports / "exports.duckdb"),
        },
    )
    # the same tables under a loader's own names, named by the identifier vars
    renamed = tmp_path / "renamed.duckdb"
    shutil.copy(loaded, renamed)
    identifiers = {}
    with duckdb.connect(str(renamed)) as con:
        for (table,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'crm'"
        ).fetchall():
            con.execute(f"alter table crm.{table} rename to crm_{table}_export")
            identifiers[f"lead_scoring_{table}_identifier"] = f"crm_{table}_export"
    assert len(identifiers) == 6
    from_renamed = build(
        tmp_path / "renamed", renamed, {"lead_scoring_schema": "crm", **identifiers}
    )

    scores = from_csv.query(SCORES)
    assert scores == attached.query(SCORES)
    assert scores == from_renamed.query(SCORES)
    # every contact of the demo scored by both models, the customers left out of one
    assert {model for _, model, *_ in scores} == set(MODELS)
    assert sum(1 for row in scores if row[1] == "default" and row[4] == "hot") > 0
    # the attached file is read, never written to: its only tables are the inputs
    with duckdb.connect(str(exports / "exports.duckdb"), read_only=True) as con:
        schemas = {
            row[0] for row in con.execute("select schema_name from duckdb_tables()").fetchall()
        }
    assert schemas == {"lead_scoring_input"}


# contract section 1, the contract's columns and nothing else: no optional table
# (contact_attributes, sales_feedback), no optional column (conversions.product)
CONTRACT_TABLES = {
    "contacts": """contact_id varchar, account_id varchar, email varchar, job_title varchar,
        phone varchar, country varchar, is_decision_maker boolean, lead_source varchar,
        created_at timestamp, updated_at timestamp""",
    "accounts": """account_id varchar, account_name varchar, domain varchar, industry varchar,
        employee_count integer, annual_revenue decimal(18, 2), country varchar""",
    "events": """event_id varchar, contact_id varchar, event_type varchar, subject varchar,
        occurred_at timestamp""",
    "conversions": "contact_id varchar, converted_at timestamp",
}
CONTRACT_ROWS = {
    "contacts": [
        (
            "c1",
            "a1",
            "ann@corp.example",
            "VP Marketing",
            "+33 1 23 45 67 89",
            "FR",
            True,
            "web",
            "2026-01-01",
            "2026-01-02",
        ),
        (
            "c2",
            None,
            "bob@gmail.com",
            "Engineer",
            None,
            "US",
            False,
            "event",
            "2026-01-01",
            "2026-01-02",
        ),
        (
            "c3",
            "a2",
            "carol@acme.example",
            "Marketing Manager",
            None,
            "DE",
            None,
            "web",
            "2026-01-01",
            "2026-01-02",
        ),
    ],
    "accounts": [
        ("a1", "Corp", "corp.example", "Software", 300, 50_000_000, "FR"),
        ("a2", "Acme", "acme.example", "Retail", 20, 1_000_000, "DE"),
    ],
    "events": [
        ("e1", "c1", "page_view", "/pricing", "2026-06-01 09:00:00"),
        ("e2", "c1", "page_view", "/product/tour", "2026-06-10 09:00:00"),
        ("e3", "c1", "demo_request", None, "2026-06-15 09:00:00"),
        # unsubscribe counts over all history
        ("e4", "c2", "unsubscribe", None, "2025-01-01 09:00:00"),
        ("e5", "c3", "content_download", "ebook/intro", "2026-05-01 09:00:00"),
        # before the 90 days of the window (2026-04-02 ... 2026-06-30): not counted
        ("e6", "c3", "webinar_registration", None, "2026-03-01 09:00:00"),
    ],
    "conversions": [("c1", "2026-08-01 00:00:00")],
}


def test_the_four_contract_tables_alone_score_with_the_shipped_grid_on_the_first_build(
    tmp_path,
):
    project_dir = copy_project(tmp_path / "project")
    warehouse = tmp_path / "warehouse.duckdb"
    # the target's own schema (main), where the package reads its inputs by default
    with duckdb.connect(str(warehouse)) as con:
        for table, columns in CONTRACT_TABLES.items():
            con.execute(f"create table main.{table} ({columns})")
            rows = CONTRACT_ROWS[table]
            placeholders = ", ".join("?" for _ in rows[0])
            con.executemany(f"insert into main.{table} values ({placeholders})", rows)

    built = run_dbt(project_dir, warehouse, ["build"], {"scoring_as_of": "2026-06-30"}, 4)

    assert built.returncode == 0, built.output
    assert "ERROR=0" in built.output
    scores = built.query(
        "select contact_id, scoring_model, fit_points, activity_points, grade, zone, is_mql"
        " from main.lead_scores order by contact_id"
    )
    assert scores == [
        # industry 300, size 300, region 100, revenue 100, VP 200, decision maker 100, phone
        # 50; two key page visits 1000, a demo request 1000
        ("c1", "default", 1150, 2000, "A4", "hot", True),
        # a personal address -500; an unsubscribe -500
        ("c2", "default", -500, -500, "D1", "cold", False),
        # region 100, manager 100; one ebook 500 (the webinar is out of the window)
        ("c3", "default", 200, 500, "C3", "warm", False),
    ]
    [(reasons,)] = built.query("select score_reasons from main.lead_scores where contact_id = 'c1'")
    assert reasons.startswith(
        "Key page visits (2) +1000; Demo or contact request +1000; Target industry +300;"
    )


def test_a_missing_export_is_named_and_nothing_is_loaded(exports, tmp_path, capsys):
    directory = tmp_path / "partial"
    directory.mkdir()
    for name in ("contacts", "accounts", "conversions"):
        (directory / f"{name}.csv").write_text((exports / "csv" / f"{name}.csv").read_text())
    warehouse = tmp_path / "loaded.duckdb"
    assert lead_scoring_cli(["load-csv", str(directory), f"--duckdb={warehouse}"]) == 2
    assert "no events.csv" in capsys.readouterr().err
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute("select count(*) from information_schema.tables").fetchone() == (0,)

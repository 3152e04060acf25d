"""Scoring your own tables on DuckDB, as the README shows: CSV exports loaded into a schema
with `lead-scoring load-csv`, or your own DuckDB file attached read-only (the profile target
`duckdb_attached`), or tables of other names (the identifier vars). All must give the same
scores from the same data."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dbt_harness import copy_project, run_dbt
from lead_scoring.cli import main as lead_scoring_cli

AS_OF = "2026-09-30"
# hundred_point reads the optional contact_attributes table: it must be found in both places
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
    project_dir = copy_project(workdir / "project", scoring_models=MODELS)
    built = run_dbt(
        project_dir,
        warehouse,
        ["build"],
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

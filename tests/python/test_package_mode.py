"""Package mode: integration_tests/ is a dbt project that installs this one as a package
(`packages.yml`, `local:`). Given its own grid in its own seeds/grid/ and inputs in a schema
of its own under a loader's table names (integration_tests/partner_program_grid/), it must
score exactly as this project does standalone with the same grid on the same data."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest
import yaml

from lead_scoring.cli import main as lead_scoring_cli
from support.dbt_harness import CONSUMER, SCORE_ONLY, copy_consumer, copy_project, run_dbt

AS_OF = "2026-09-30"
PARTNER_GRID = CONSUMER / "partner_program_grid"
SETTINGS = yaml.safe_load((PARTNER_GRID / "_project_settings.yml").read_text())
SCORES = "select * from main.lead_scores order by contact_id, scoring_model"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    """The demo data generated into a DuckDB file, once under the contract's names (schema
    lead_scoring_input) and once as the consumer project's loader names them (schema crm)."""
    path = tmp_path_factory.mktemp("inputs") / "inputs.duckdb"
    assert lead_scoring_cli(["generate", f"--duckdb={path}"]) == 0
    variables = SETTINGS["vars"]
    with duckdb.connect(str(path)) as con:
        con.execute("create schema crm")
        for (table,) in con.execute(
            "select table_name from duckdb_tables() where schema_name = 'lead_scoring_input'"
        ).fetchall():
            renamed = variables[f"lead_scoring_{table}_identifier"]
            con.execute(f"create table crm.{renamed} as select * from lead_scoring_input.{table}")
    return path


@pytest.fixture(scope="module")
def consumer_run(inputs, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("consumer")
    consumer_dir = copy_consumer(workdir)
    # its own grid and its loader's table names, instead of the demo and the shipped grid
    (consumer_dir / "seeds" / "grid").mkdir(parents=True)
    for path in PARTNER_GRID.glob("grid_*.csv"):
        shutil.copy(path, consumer_dir / "seeds" / "grid" / path.name)
    project = yaml.safe_load((consumer_dir / "dbt_project.yml").read_text())
    (consumer_dir / "dbt_project.yml").write_text(yaml.safe_dump({**project, **SETTINGS}))
    warehouse = workdir / "consumer.duckdb"
    shutil.copy(inputs, warehouse)
    installed = run_dbt(consumer_dir, warehouse, ["deps"], {})
    assert installed.returncode == 0, installed.output
    built = run_dbt(consumer_dir, warehouse, ["build"], {"scoring_as_of": AS_OF}, threads=4)
    assert built.returncode == 0, built.output
    return built


@pytest.fixture(scope="module")
def standalone_run(inputs, tmp_path_factory):
    """This project on its own, its grid seeds replaced by the consumer's."""
    workdir = tmp_path_factory.mktemp("standalone")
    project_dir = copy_project(workdir / "project")
    for path in PARTNER_GRID.glob("grid_*.csv"):
        shutil.copy(path, project_dir / "seeds" / "grid" / path.name)
    warehouse = workdir / "standalone.duckdb"
    shutil.copy(inputs, warehouse)
    built = run_dbt(
        project_dir,
        warehouse,
        SCORE_ONLY,
        {
            "scoring_as_of": AS_OF,
            "lead_scoring_schema": "lead_scoring_input",
        },
        threads=4,
    )
    assert built.returncode == 0, built.output
    return built


def test_the_consumer_project_scores_as_the_standalone_project(consumer_run, standalone_run):
    scores = consumer_run.query(SCORES)
    assert scores == standalone_run.query(SCORES)
    # the consumer's own grid scored, the package's shipped grid not at all
    assert {row[2] for row in scores} == {"partner_program"}
    zones = dict(consumer_run.query("select zone, count(*) from main.lead_scores group by zone"))
    assert set(zones) == {"hot", "warm", "cold"}, zones


def test_the_consumer_grid_lives_in_its_own_schema_and_the_shipped_seeds_are_not_built(
    consumer_run,
):
    seeds = consumer_run.query(
        "select schema_name, table_name from duckdb_tables() where table_name like 'grid_%'"
    )
    assert {schema for schema, _ in seeds} == {"main_grid"}
    # its nine files: the partner grid is from before sequences (no grid_activity_sequences
    # file), and the build passes on the package's stand-in, which scores no sequence
    assert len(seeds) == 9
    assert consumer_run.query(
        "select count(*) from main_intermediate.int_contact_sequence_points"
    ) == [(0,)]
    # nor are the package's demo seeds: the inputs are the project's own
    schemas = {
        schema for (schema,) in consumer_run.query("select schema_name from duckdb_tables()")
    }
    assert "main_demo" not in schemas and "crm" in schemas
    (models,) = consumer_run.query("select count(*) from main_grid.grid_scoring_models")[0]
    assert models == 1


def test_countries_spelled_out_match_the_codes_of_the_region_rule(consumer_run, inputs):
    # the demo spells some contacts' countries out ("United States"); the rule lists codes
    with duckdb.connect(str(inputs), read_only=True) as con:
        spelled_out = {
            contact_id
            for (contact_id,) in con.execute(
                "select contact_id from crm.crm_contacts"
                " where country in ('United States', 'United Kingdom', 'Germany')"
                # exported once: a later version of a duplicated contact may say otherwise
                " and contact_id in (select contact_id from crm.crm_contacts"
                " group by contact_id having count(*) = 1)"
            ).fetchall()
        }
    regional = {
        contact_id
        for (contact_id,) in consumer_run.query(
            "select contact_id from main.lead_score_details"
            " where criterion = 'region' and points = 200"
        )
    }
    assert spelled_out and spelled_out <= regional


def test_check_grid_reads_the_consumer_grid_against_the_package_yaml(consumer_run, tmp_path):
    consumer_dir = consumer_run.project_dir
    # the consumer documents no grid seeds of its own: the installed package's YAML says
    assert not (consumer_dir / "seeds" / "grid" / "_grid__seeds.yml").exists()
    seeds_dir = consumer_dir / "seeds" / "grid"
    assert lead_scoring_cli(["check-grid", f"--seeds-dir={seeds_dir}"]) == 0
    broken = tmp_path / "consumer"
    shutil.copytree(consumer_dir, broken, ignore=shutil.ignore_patterns("*.duckdb", "target"))
    criteria = broken / "seeds" / "grid" / "grid_activity_criteria.csv"
    criteria.write_text(criteria.read_text().replace("max_points", "max_point", 1))
    assert lead_scoring_cli(["check-grid", f"--seeds-dir={broken / 'seeds' / 'grid'}"]) == 2


# a team's own schema naming, as many projects have it: custom schemas without the target's
OWN_SCHEMA_NAMING = """{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ custom_schema_name | trim if custom_schema_name else target.schema }}
{%- endmacro %}
"""


def test_learn_in_the_consumer_project_builds_apart_and_writes_its_grid(consumer_run, tmp_path):
    consumer_dir = tmp_path / "consumer"
    shutil.copytree(consumer_run.project_dir, consumer_dir, ignore=shutil.ignore_patterns("target"))
    # even under a project's own schema naming: dbt names the package's models' schemas with
    # the package's generate_schema_name, which appends the learning build's suffix
    (consumer_dir / "macros").mkdir()
    (consumer_dir / "macros" / "generate_schema_name.sql").write_text(OWN_SCHEMA_NAMING)
    warehouse = tmp_path / "consumer.duckdb"
    shutil.copy(consumer_run.duckdb_path, warehouse)
    published = consumer_run.query(SCORES)
    learned = lead_scoring_cli(
        [
            "learn",
            f"--project-dir={consumer_dir}",
            f"--profiles-dir={consumer_dir / 'profiles'}",
            f"--duckdb={warehouse}",
            "--as-of=2026-06-30",
            "--model=learned",
        ]
    )
    assert learned == 0
    # the learned rows are in the consumer's own grid, after its partner_program rows
    criteria = (consumer_dir / "seeds" / "grid" / "grid_activity_criteria.csv").read_text()
    assert "\nlearned," in criteria and "\npartner_program," in criteria
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(SCORES).fetchall() == published
        schemas = {
            schema
            for (schema,) in con.execute(
                "select schema_name from duckdb_tables()"
                " union select schema_name from duckdb_views()"
            ).fetchall()
        }
    assert "main_learning_intermediate" in schemas


def test_impact_in_the_consumer_project_reports_its_own_grid_change(consumer_run, tmp_path):
    consumer_dir = tmp_path / "consumer"
    shutil.copytree(consumer_run.project_dir, consumer_dir, ignore=shutil.ignore_patterns("target"))
    warehouse = tmp_path / "consumer.duckdb"
    shutil.copy(consumer_run.duckdb_path, warehouse)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=consumer_dir, check=True)
    subprocess.run([*git, "add", "."], cwd=consumer_dir, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "grid"], cwd=consumer_dir, check=True)
    # the pull request: the hot threshold of the consumer's model rises
    thresholds = consumer_dir / "seeds" / "grid" / "grid_zone_thresholds.csv"
    lines = thresholds.read_text().splitlines()
    hot = next(i for i, line in enumerate(lines) if line.startswith("partner_program,hot,"))
    points = int(lines[hot].split(",")[2])
    lines[hot] = f"partner_program,hot,{points + 200}"
    thresholds.write_text("\n".join(lines) + "\n")
    status = lead_scoring_cli(
        [
            "impact",
            f"--project-dir={consumer_dir}",
            f"--profiles-dir={consumer_dir / 'profiles'}",
            f"--duckdb={warehouse}",
            "--base=HEAD",
            f"--as-of={AS_OF}",
            f"--output-dir={tmp_path / 'impact'}",
        ]
    )
    assert status == 0
    report = (tmp_path / "impact" / "impact.md").read_text()
    assert "partner_program" in report and "MQLs" in report
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.execute(SCORES).fetchall() == consumer_run.query(SCORES)

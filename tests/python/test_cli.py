"""The `lead-scoring` command line speaks dbt's language: `--vars` in YAML reaches dbt as dbt
reads the same text, `impact` and `backtest` default to the published scores' date and say
so, and an option name means the same thing in every subcommand. Fast: no dbt build."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import duckdb
import psycopg2
import pytest
from dbt.config.utils import parse_cli_vars

from lead_scoring import backtest, cli, impact, warehouse
from support.dbt_harness import PG, PROJECT_ROOT

# the commands that run dbt, and dbt's own names for what they share with it
DBT_COMMANDS = ("run", "backtest", "backfill", "learn", "impact")
DBT_OPTIONS = ("--project-dir", "--profiles-dir", "--target", "--vars")


def subcommands() -> dict[str, argparse.ArgumentParser]:
    (commands,) = (
        action
        for action in cli.build_parser()._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    return dict(commands.choices)


def visible_options(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """A subcommand's options by name, without --help and the hidden deprecated spellings."""
    return {
        name: action
        for action in parser._actions
        if action.help is not argparse.SUPPRESS and action.dest != "help"
        for name in action.option_strings
    }


def dbt_vars_of(command: list[str]) -> dict:
    """The vars dbt reads from a command line's --vars, parsed by dbt itself."""
    return parse_cli_vars(command[command.index("--vars") + 1])


# --vars


def test_vars_in_yaml_are_read_as_dbt_reads_them():
    text = "{scoring_as_of: 2026-09-30, lead_scoring_schema: crm, conversion_horizon_days: 60}"

    assert warehouse.parse_vars(text) == {
        "scoring_as_of": date(2026, 9, 30),
        "lead_scoring_schema": "crm",
        "conversion_horizon_days": 60,
    }
    assert warehouse.parse_vars(text) == parse_cli_vars(text)


def test_vars_in_json_are_still_accepted():
    assert warehouse.parse_vars(
        '{"lead_scoring_schema": "crm", "evaluation_min_cell_leads": 5}'
    ) == {
        "lead_scoring_schema": "crm",
        "evaluation_min_cell_leads": 5,
    }


def test_vars_reach_dbt_as_dbt_would_read_the_users_text():
    # a YAML date stays a date, a quoted date stays text, null stays null
    text = "{since: 2026-01-01, label: '2026-01-01', schema: crm, cap: null, days: [7, 30]}"
    variables = warehouse.parse_vars(text)

    assert parse_cli_vars(warehouse.vars_option(variables)) == parse_cli_vars(text)
    assert parse_cli_vars(warehouse.vars_option(variables))["since"] == date(2026, 1, 1)
    assert parse_cli_vars(warehouse.vars_option(variables))["label"] == "2026-01-01"


def test_the_backtest_build_gets_the_users_vars_and_its_own():
    project = warehouse.DbtProject(
        project_dir=PROJECT_ROOT,
        profiles_dir=PROJECT_ROOT / "profiles",
        variables=warehouse.parse_vars("{lead_scoring_schema: crm, since: 2026-01-01}"),
    )

    command = backtest.dbt_command(date(2026, 5, 31), project, ["--threads", "2"])

    assert dbt_vars_of(command) == {
        "lead_scoring_schema": "crm",
        "since": date(2026, 1, 1),
        "scoring_as_of": "2026-05-31",
        "lead_scoring_schema_suffix": "_backtest",
    }
    assert command[-2:] == ["--threads", "2"]
    assert "--profiles-dir" in command and "--project-dir" in command


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("[lead_scoring_schema, crm]", "list"),
        ("lead_scoring_schema=crm", "str"),
        ("2026-09-30", "date"),
    ],
)
def test_vars_that_are_not_a_mapping_are_refused_with_what_was_given(text, given, capsys):
    status = cli.main(["backfill", "--from=2026-09-01", "--to=2026-09-02", "--vars", text])

    assert status == 2
    error = capsys.readouterr().err
    assert "lead-scoring backfill: --vars must be a YAML mapping" in error
    assert f"got {given} {text!r}" in error


def test_vars_that_are_not_yaml_are_refused(capsys):
    status = cli.main(["backfill", "--from=2026-09-01", "--to=2026-09-02", "--vars", "{a: [}"])

    assert status == 2
    assert "lead-scoring backfill: --vars is not YAML" in capsys.readouterr().err


# the default as-of date: the published scores'


@pytest.fixture
def published(tmp_path) -> Path:
    """A DuckDB file holding the lead_scores mart the scheduled build published (two models
    scored as of 2026-09-30, one left at an older date)."""
    path = tmp_path / "published.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("create table main.lead_scores (scoring_model varchar, scored_as_of date)")
        con.execute(
            "insert into main.lead_scores values ('default', '2026-09-30'),"
            " ('default', '2026-09-30'), ('old_model', '2026-08-31')"
        )
    return path


def warehouse_options(duckdb_path: Path) -> list[str]:
    return [
        f"--project-dir={PROJECT_ROOT}",
        f"--profiles-dir={PROJECT_ROOT / 'profiles'}",
        "--target=duckdb",
        f"--duckdb={duckdb_path}",
    ]


@pytest.fixture
def impact_runs(monkeypatch) -> list[impact.Options]:
    """impact's options as the command hands them over (the two builds are not run)."""
    runs = []

    def run(options: impact.Options) -> impact.Report:
        runs.append(options)
        return impact.Report("HEAD", "abc1234", options.as_of, [], [], [], ["default"])

    monkeypatch.setattr(impact, "run", run)
    return runs


def test_impact_scores_as_of_the_published_date_and_says_so(
    published, impact_runs, tmp_path, capsys
):
    status = cli.main(
        ["impact", *warehouse_options(published), f"--output-dir={tmp_path / 'report'}"]
    )

    assert status == 0
    assert [options.as_of for options in impact_runs] == [date(2026, 9, 30)]
    assert capsys.readouterr().out.startswith(
        "impact: as of 2026-09-30, the published scores' date (max(scored_as_of) of lead_scores)"
    )


def test_impact_without_published_scores_scores_as_of_today_and_says_so(
    impact_runs, tmp_path, capsys
):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()

    status = cli.main(["impact", *warehouse_options(empty), f"--output-dir={tmp_path / 'out'}"])

    assert status == 0
    assert [options.as_of for options in impact_runs] == [date.today()]
    assert capsys.readouterr().out.startswith(
        f"impact: as of {date.today()}, today: the target has no published scores"
    )


def test_impact_as_of_a_given_date_says_it_was_given(published, impact_runs, tmp_path, capsys):
    status = cli.main(
        [
            "impact",
            "--as-of=2026-06-30",
            *warehouse_options(published),
            f"--output-dir={tmp_path / 'report'}",
        ]
    )

    assert status == 0
    assert [options.as_of for options in impact_runs] == [date(2026, 6, 30)]
    assert capsys.readouterr().out.startswith("impact: as of 2026-06-30, given by --as-of")


def test_impact_takes_the_as_of_date_from_vars_as_a_dbt_user_gives_it(
    impact_runs, tmp_path, capsys
):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()

    status = cli.main(
        [
            "impact",
            "--vars",
            "{scoring_as_of: 2026-09-30, lead_scoring_schema: crm}",
            *warehouse_options(empty),
            f"--output-dir={tmp_path / 'report'}",
        ]
    )

    assert status == 0
    [options] = impact_runs
    assert options.as_of == date(2026, 9, 30)
    assert options.project.variables == {"lead_scoring_schema": "crm"}  # impact sets scoring_as_of
    assert capsys.readouterr().out.startswith(
        "impact: as of 2026-09-30, given by --vars scoring_as_of"
    )


def test_impact_refuses_an_as_of_date_and_a_scoring_as_of_var_that_disagree(
    impact_runs, published, tmp_path, capsys
):
    status = cli.main(
        [
            "impact",
            "--as-of=2026-06-30",
            "--vars={scoring_as_of: 2026-09-30}",
            *warehouse_options(published),
            f"--output-dir={tmp_path / 'report'}",
        ]
    )

    assert status == 2
    assert impact_runs == []
    assert (
        "lead-scoring impact: --as-of 2026-06-30 and --vars scoring_as_of 2026-09-30 disagree"
        in capsys.readouterr().err
    )


def test_a_command_building_at_each_date_refuses_scoring_as_of_in_vars(capsys):
    status = cli.main(
        ["backfill", "--from=2026-09-01", "--to=2026-09-02", "--vars={scoring_as_of: 2026-09-30}"]
    )

    assert status == 2
    assert (
        "lead-scoring backfill: backfill sets scoring_as_of to each date from --from to --to"
        in capsys.readouterr().err
    )


def test_impact_on_a_target_it_cannot_read_says_so_and_scores_nothing(
    published, impact_runs, tmp_path, capsys
):
    options = [option for option in warehouse_options(published) if option != "--target=duckdb"]

    status = cli.main(
        ["impact", *options, "--target=no_such_target", f"--output-dir={tmp_path / 'report'}"]
    )

    assert status == 2
    assert impact_runs == []
    error = capsys.readouterr().err
    assert "lead-scoring impact: cannot read the published scores' date" in error
    assert "no_such_target" in error


def test_backtest_runs_up_to_the_published_date_and_says_so(published, monkeypatch, capsys):
    built = []

    def run(dates, project, dbt_args):
        built.append(dates)
        return 1  # as a failed build: nothing to print

    monkeypatch.setattr(backtest, "run", run)

    status = cli.main(["backtest", "--from=2026-06-01", *warehouse_options(published)])

    assert status == 1
    assert built == [[date(2026, 6, 30), date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30)]]
    assert capsys.readouterr().out.startswith(
        "backtest: up to 2026-09-30, the published scores' date"
    )


def test_the_published_date_is_read_on_the_profiles_target_postgres(monkeypatch):
    """On PostgreSQL (the throwaway server `make test` starts): the target's schema's
    lead_scores, and none for a schema without it."""
    with psycopg2.connect(**PG) as con, con.cursor() as cursor:
        cursor.execute("drop schema if exists cli_published cascade")
        cursor.execute("create schema cli_published")
        cursor.execute("create table cli_published.lead_scores (scored_as_of date)")
        cursor.execute(
            "insert into cli_published.lead_scores values ('2026-09-30'), ('2026-08-31')"
        )
    con.close()

    def published(schema: str) -> date | None:
        project = warehouse.DbtProject(
            project_dir=PROJECT_ROOT,
            profiles_dir=PROJECT_ROOT / "profiles",
            target="postgres",
            env={"LEAD_SCORING_PG_SCHEMA": schema},
        )
        return warehouse.published_as_of(project)

    assert published("cli_published") == date(2026, 9, 30)
    assert published("cli_nothing_published") is None


# the same option names for the same things


def test_an_option_shared_by_commands_means_the_same_in_each():
    seen: dict[str, list[str]] = {}
    for command, parser in subcommands().items():
        for name, action in visible_options(parser).items():
            seen.setdefault(name, []).append(command)
            if name in cli.SHARED_OPTIONS:
                dest, metavar, meaning = cli.SHARED_OPTIONS[name]
                assert (action.dest, action.metavar) == (dest, metavar), (command, name)
                assert action.help.startswith(meaning), (command, name)
    shared = {name for name, commands in seen.items() if len(commands) > 1}
    assert shared <= set(cli.SHARED_OPTIONS), shared - set(cli.SHARED_OPTIONS)


def test_every_command_that_runs_dbt_takes_dbts_option_names():
    for command in DBT_COMMANDS:
        options = visible_options(subcommands()[command])
        assert set(DBT_OPTIONS) <= set(options), command
        assert {"--duckdb", "--input-schema"} <= set(options), command


def test_no_command_uses_another_name_for_what_dbt_names():
    other_names = {"--project", "--profile-dir", "--profiles", "--database", "--var", "--dir"}
    for command, parser in subcommands().items():
        assert not other_names & set(visible_options(parser)), command


def test_old_spellings_still_work_with_a_warning(capsys):
    parser = cli.build_parser()

    generate = parser.parse_args(["generate", "--csv=out", "--schema=crm"])
    published = parser.parse_args(["publish", "--to=bi.duckdb"])
    loaded = parser.parse_args(["load-csv", "exports", "--schema=raw"])

    assert generate.input_schema == "crm"
    assert published.output == "bi.duckdb"
    assert loaded.input_schema == "raw"
    warnings = capsys.readouterr().err
    assert "lead-scoring: --schema is deprecated, use --input-schema" in warnings
    assert "lead-scoring: --to is deprecated, use --output" in warnings

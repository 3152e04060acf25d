"""Run this dbt project and read what it built, on whatever target the profile names.

The commands that need rows back in Python (`lead-scoring learn`) build with the `dbt` CLI,
then read the built relations through the connection of the same dbt adapter, so that they
work on every warehouse dbt does (DuckDB, PostgreSQL, Spark, ...) without a second set of
connection settings.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from argparse import Namespace
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import duckdb
import yaml

# the daily run the README schedules: unit tests check model logic on fixed inputs and run
# in CI; the data tests still gate every publish. The `learning` models are what `lead-scoring
# learn` reads: it builds and tests them itself, as of its own date in <schema>_learning, so
# a scheduled run leaves them out (at 1M contacts their key tests alone were 45 s of a
# build's node time)
SCHEDULED_BUILD = ("build", "--exclude-resource-type", "unit_test", "--exclude", "tag:learning")


class WarehouseError(Exception):
    """The dbt build failed, or its relations could not be read."""


def parse_vars(text: str | None) -> dict:
    """A `--vars` option as dbt reads it: YAML (so JSON too), a mapping of var names to values;
    empty when not given. Raises ValueError, saying what was given, for anything else."""
    if not text:
        return {}
    try:
        parsed = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ValueError(f"--vars is not YAML: {error}") from error
    if not isinstance(parsed, dict):
        raise ValueError(
            "--vars must be a YAML mapping of var names to values, as dbt's,"
            f" e.g. '{{scoring_as_of: 2026-09-30}}'; got {type(parsed).__name__} {text!r}"
        )
    return parsed


def vars_option(variables: dict) -> str:
    """The `--vars` value that gives dbt `variables` as they are: YAML, so that a value read
    from a user's YAML (`2026-09-30` is a date) reaches dbt as dbt reads the user's text."""
    return yaml.safe_dump(
        variables, default_flow_style=True, sort_keys=False, width=1 << 20
    ).strip()


@dataclass
class DbtProject:
    """Where the project is, which profile target to use and the vars of a run."""

    project_dir: Path
    profiles_dir: Path | None = None
    target: str | None = None
    variables: dict = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)  # over this process's environment

    def environment(self) -> dict[str, str]:
        return {**os.environ, **self.env}

    def resolved_profiles_dir(self) -> Path:
        """--profiles-dir, else DBT_PROFILES_DIR, else the project's profiles/, else ~/.dbt."""
        if self.profiles_dir is not None:
            return self.profiles_dir
        if self.environment().get("DBT_PROFILES_DIR"):
            return Path(self.environment()["DBT_PROFILES_DIR"])
        if (self.project_dir / "profiles" / "profiles.yml").exists():
            return self.project_dir / "profiles"
        return Path.home() / ".dbt"

    def dbt_args(self) -> list[str]:
        """The dbt command-line options that point a command at this project and target."""
        return [
            "--project-dir",
            str(self.project_dir),
            "--profiles-dir",
            str(self.resolved_profiles_dir()),
            *(["--target", self.target] if self.target else []),
        ]


def _run_dbt(project: DbtProject, command: list[str], target_path: Path, what: str) -> None:
    """A dbt command with the project's vars; raises WarehouseError with dbt's summary of
    what failed when it fails."""
    finished = subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            *command,
            "--vars",
            vars_option(project.variables),
            *project.dbt_args(),
            "--target-path",
            str(target_path),
        ],
        cwd=project.project_dir,
        env=project.environment(),
        capture_output=True,
        text=True,
    )
    if finished.returncode != 0:
        lines = [
            re.sub(r"^\d\d:\d\d:\d\d\s+", "", re.sub(r"\x1b\[[0-9;]*m", "", line))
            for line in (finished.stdout + finished.stderr).splitlines()
        ]
        # dbt's own summary of what failed, else the end of its output
        start = next(
            (
                i
                for i, line in enumerate(lines)
                if line.startswith(("Completed with", "Encountered an error"))
            ),
            max(0, len(lines) - 20),
        )
        details = "\n".join(line for line in lines[start:] if line.strip())
        raise WarehouseError(f"{what} failed:\n{details}")


def build(project: DbtProject, selector: str, target_path: Path) -> dict:
    """`dbt build --select <selector>` with the project's vars (only the tests whose every
    parent is built); returns the manifest it wrote. Raises WarehouseError with dbt's output
    when the build fails."""
    _run_dbt(
        project,
        ["build", "--select", selector, "--indirect-selection", "cautious"],
        target_path,
        f"dbt build --select {selector}",
    )
    return read_manifest(target_path)


def invoke_dbt(
    project: DbtProject,
    runner,
    command: list[str],
    variables: dict,
    dbt_args: list[str] | tuple[str, ...] = (),
):
    """A dbt command in this process (dbt's programmatic entry point, `runner`) on the
    project with `variables` as its vars and the project's environment; dbt's result. Leaves
    no dbt state behind (``release_dbt``)."""
    saved = dict(os.environ)
    os.environ.update(project.env)
    try:
        return runner.invoke(
            [*command, *project.dbt_args(), *dbt_args, "--vars", vars_option(variables)]
        )
    finally:
        os.environ.clear()
        os.environ.update(saved)
        release_dbt()


def scheduled_build(project: DbtProject, dbt_args: list[str] | tuple[str, ...] = ()) -> int:
    """The scheduled `dbt build` (``SCHEDULED_BUILD``) with the project's vars, dbt's output
    printed as it comes; dbt's exit status (1: a node failed, 2: an error before any ran).
    It runs in this process, so that it ends with the process holding the scheduled-run
    lock, however that ends (a child dbt would outlive a killed parent and its lock)."""
    from dbt.cli.main import dbtRunner

    result = invoke_dbt(project, dbtRunner(), list(SCHEDULED_BUILD), project.variables, dbt_args)
    if result.success:
        return 0
    return 1 if result.exception is None else 2


class DailyBuilds:
    """The scheduled build at a series of as-of dates inside this process: the project is parsed
    once (a new `scoring_as_of` on the command line would make every `dbt build` parse the
    whole project again), then built once per date with the var set to it. Between builds
    nothing holds the warehouse open, so the caller may change the inputs."""

    def __init__(self, project: DbtProject, dbt_args: list[str] | tuple[str, ...] = ()) -> None:
        from dbt.cli.main import dbtRunner

        self.project = project
        self.dbt_args = dbt_args
        parsed = invoke_dbt(project, dbtRunner(), ["parse", "--quiet"], project.variables, dbt_args)
        if not parsed.success:
            raise WarehouseError(f"dbt parse failed: {parsed.exception}")
        self.runner = dbtRunner(manifest=parsed.result)

    def build(self, as_of: date, extra_args: list[str] | tuple[str, ...] = ()) -> bool:
        """One `dbt build` as of `as_of` (dbt prints its errors); True when it passed."""
        variables = {**self.project.variables, "scoring_as_of": as_of.isoformat()}
        return invoke_dbt(
            self.project,
            self.runner,
            [*SCHEDULED_BUILD, "--quiet", *extra_args],
            variables,
            self.dbt_args,
        ).success


def release_dbt() -> None:
    """Leave no dbt state behind in this process: dbt-duckdb keeps its database open for the
    whole process (the file would stay locked for whoever reads or writes it next), and a
    registered adapter keeps the credentials it was made with (the next in-process command
    would reach the previous run's warehouse)."""
    from dbt.adapters.factory import reset_adapters

    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # another adapter
        DuckDBConnectionManager = None
    if DuckDBConnectionManager is not None and DuckDBConnectionManager._ENV is not None:
        DuckDBConnectionManager._ENV.close()
        DuckDBConnectionManager._ENV = None
    reset_adapters()


def read_manifest(target_path: Path) -> dict:
    """The manifest a dbt command wrote (dbt writes it once parsed, even when the build then
    fails)."""
    return json.loads((target_path / "manifest.json").read_text())


def relation_names(manifest: dict, tag: str | None = None) -> dict[str, str]:
    """The quoted relation name of every model (carrying `tag`, when given), by model name."""
    return {
        node["name"]: node["relation_name"]
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and (tag is None or tag in node["tags"])
    }


def schema_relation_names(manifest: dict) -> dict[str, str]:
    """`"schema"."identifier"` of every model, by model name: for a DuckDB file opened under
    another name than the one dbt built it as (the database part left out)."""
    return {
        node["name"]: f'"{node["schema"]}"."{node["alias"]}"'
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
    }


def _package_vars(config) -> dict:
    """lead_scoring's own var defaults when the project installs it as a package (its
    dbt_project.yml, in the packages folder), with the installing project's vars scoped to
    it (`vars: {lead_scoring: {...}}`) over them; none for lead_scoring itself."""
    if config.project_name == "lead_scoring":
        return {}
    installed = Path(config.packages_install_path)
    if not installed.is_absolute():
        installed = Path(config.project_root) / installed
    path = installed / "lead_scoring" / "dbt_project.yml"
    defaults = (yaml.safe_load(path.read_text()) or {}).get("vars", {}) if path.exists() else {}
    scoped = config.vars.vars.get("lead_scoring", {})
    return {**defaults, **(scoped if isinstance(scoped, dict) else {})}


def _runtime_config(project: DbtProject):
    """dbt's configuration of a run of the project (profile target, vars), read without
    connecting."""
    from dbt.config.runtime import RuntimeConfig
    from dbt.flags import set_from_args
    from dbt_common.context import set_invocation_context
    from dbt_common.events.event_manager_client import cleanup_event_logger

    cleanup_event_logger()  # dbt's own log lines would mix with the command's report
    set_invocation_context(project.environment())
    args = Namespace(
        project_dir=str(project.project_dir),
        profiles_dir=str(project.resolved_profiles_dir()),
        target=project.target,
        vars=project.variables,
        profile=None,
        threads=None,
    )
    set_from_args(args, None)
    return RuntimeConfig.from_args(args)


def target_credentials(project: DbtProject):
    """The connection settings of the project's profile target (dbt's credentials object:
    `type`, and the adapter's own fields), without connecting; WarehouseError when the
    profile or target cannot be read."""
    from dbt_common.exceptions import DbtBaseException

    try:
        return _runtime_config(project).credentials
    except DbtBaseException as error:
        raise WarehouseError(f"cannot read the profile's target: {error}") from error


@contextmanager
def _adapter(project: DbtProject) -> Iterator[tuple[object, object]]:
    """The dbt adapter of the project's target, with a connection open, and the run's config.
    Uses dbt's adapter API of the pinned dbt-core 1.11."""
    from multiprocessing import get_context

    from dbt.adapters.factory import get_adapter, register_adapter

    config = _runtime_config(project)
    register_adapter(config, get_context("spawn"))
    adapter = get_adapter(config)
    try:
        with adapter.connection_named("lead_scoring"):
            yield adapter, config
    finally:
        adapter.cleanup_connections()
        release_dbt()


@contextmanager
def connection(project: DbtProject) -> Iterator[tuple[object, dict]]:
    """A DB-API cursor on the project's target and the project's resolved vars (the run's
    vars over dbt_project.yml's)."""
    with _adapter(project) as (adapter, config):
        variables = {**_package_vars(config), **config.vars.vars, **config.cli_vars}
        cursor = adapter.connections.get_thread_connection().handle.cursor()
        try:
            yield cursor, variables
        finally:
            cursor.close()


PUBLISHED_AS_OF_SQL = "select max(scored_as_of) from {relation}"


def published_as_of(
    source: DbtProject | duckdb.DuckDBPyConnection, schema: str = "main"
) -> date | None:
    """The as-of date of the published scores: `max(scored_as_of)` of the `lead_scores` mart;
    None when there is no such table or it is empty.

    `source` is a dbt project, read on its profile's target through dbt's adapter in the
    target's schema (where the scheduled build publishes; raises WarehouseError when the
    target cannot be reached), or an open DuckDB connection, read in `schema` (a file opened
    as it is, e.g. by `lead-scoring summary`)."""
    if isinstance(source, DbtProject):
        value = _published_on_target(source)
    else:
        try:
            relation = f'"{schema}".lead_scores'
            value = source.execute(PUBLISHED_AS_OF_SQL.format(relation=relation)).fetchone()[0]
        except duckdb.CatalogException:  # no such table: nothing published
            value = None
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _published_on_target(project: DbtProject):
    """max(scored_as_of) of the target schema's lead_scores through the project's adapter."""
    from dbt.adapters.exceptions.connection import FailedToConnectError
    from dbt_common.exceptions import DbtBaseException, DbtRuntimeError

    try:
        with _adapter(project) as (adapter, config):
            relation = adapter.Relation.create(
                database=config.credentials.database,
                schema=config.credentials.schema,
                identifier="lead_scores",
            )
            try:
                _, table = adapter.execute(
                    PUBLISHED_AS_OF_SQL.format(relation=relation), fetch=True
                )
            except FailedToConnectError:
                raise
            except DbtRuntimeError:  # no such table (the adapter's error): nothing published
                return None
    except DbtBaseException as error:  # no such profile or target, no connection
        raise WarehouseError(f"cannot read the published scores' date: {error}") from error
    return table.rows[0][0] if len(table.rows) else None


def fetch_in_batches(cursor, sql: str, batch_rows: int = 100_000) -> Iterator[list[tuple]]:
    """The rows of `sql`, a batch at a time (large results never sit in memory at once)."""
    cursor.execute(sql)
    while batch := cursor.fetchmany(batch_rows):
        yield batch

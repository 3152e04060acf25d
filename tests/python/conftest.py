"""What every test file shares: the demo built once per run, and the order and grouping in
which pytest-xdist's two workers take the tests (slowest first)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

from support.dbt_harness import DbtRun, build_demo, shared_build

# dbt's debug log of each test's throwaway project (logs/dbt.log) is never read: not writing
# it takes ~12 % off the CPU time of each build (the demo's: 16.3 s to 14.3 s, three runs
# each). Export DBT_LOG_LEVEL_FILE=debug to have it back when looking into a failure
os.environ.setdefault("DBT_LOG_LEVEL_FILE", "none")

# The groups a worker takes whole (``group``) that run for several minutes each, longest
# first; the others follow in file order. Measured with `--durations=0` (docs/tests.md).
SLOWEST_GROUPS = (
    "test_engines.py::spark",
    # its time is a third idle (Superset's server and Chromium answering): beside the others
    "test_superset.py",
    "test_engines.py::snowflake",
    "test_crm_staging.py",
    "test_properties.py",
    "test_schedule.py",
    "test_schedule_faults.py",
    "test_learn.py",
    "test_engines.py::postgres",
)
# tests that share no costly fixture with the rest of their file: each is a group of its own,
# so that both workers take some of a long file
APART = (
    "test_properties.py::test_permuting_input_and_grid_rows_changes_nothing",
    "test_properties.py::test_rerunning_the_build_on_the_same_data_gives_identical_tables",
)
# test_engines.py: one group per engine (its builds and every comparison with them; the
# DuckDB builds they compare with are shared by the run)
ENGINE_GROUPS = ("spark", "snowflake", "postgres")


def group(nodeid: str) -> str:
    """The unit a worker takes whole: a test file, or a part of one (above)."""
    path, _, name = nodeid.partition("::")
    file = Path(path).name
    if file == "test_engines.py":
        engine = next((engine for engine in ENGINE_GROUPS if engine in name), "")
        return f"{path}::{engine}"
    if f"{file}::{name.split('[')[0]}" in APART:
        return f"{path}::{name.split('[')[0]}"
    return path


def rank(item: pytest.Item) -> int:
    found = group(item.nodeid)
    prefix = next(
        (slow for slow in SLOWEST_GROUPS if found.rpartition("/")[2].startswith(slow)), None
    )
    return SLOWEST_GROUPS.index(prefix) if prefix else len(SLOWEST_GROUPS)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slowest groups first: they start in this order (xdist's reordering by test count is
    turned off in pyproject.toml), so a slow group never starts last while the other
    worker idles."""
    items.sort(key=rank)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log) -> LoadScopeScheduling:
    """xdist's file scheduling (`--dist loadfile`), with the split files' tests apart."""

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group(nodeid)

    return GroupScheduling(config, log)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> DbtRun:
    """The demo built once per test run (``build_demo``), shared by the xdist workers
    (``shared_build``). Tests copy it (``copy_run``) before they query or change it."""
    return shared_build(tmp_path_factory, "demo", build_demo)

"""What every test file shares: the demo built once per run, and the order and grouping in
which pytest-xdist's two workers take the tests (slowest first)."""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

from support.dbt_harness import DbtRun, build_demo

# the files that run for several minutes each, longest first (the rest keep their order);
# measured with `--durations=0` (docs/tests.md)
SLOWEST_FILES = (
    "test_properties.py",
    "test_schedule.py",
    "test_engines.py",
    "test_learn.py",
    "test_crm_staging.py",
    "test_bad_grids.py",
)
# files whose tests share no costly fixture: each test is a group of its own, so that both
# workers take some (a file's other tests stay together, its module fixtures built once)
SPLIT_FILES = ("test_properties.py",)


def rank(item: pytest.Item) -> int:
    name = item.path.name
    return SLOWEST_FILES.index(name) if name in SLOWEST_FILES else len(SLOWEST_FILES)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Slowest files first: the groups start in this order (xdist's reordering by test
    count is turned off in pyproject.toml), so a slow file never starts last while the
    other worker idles."""
    items.sort(key=rank)


def group(nodeid: str) -> str:
    """The unit a worker takes whole: the test's file, or the test itself (all its
    parameters) in a split file."""
    path, _, name = nodeid.partition("::")
    return f"{path}::{name.split('[')[0]}" if Path(path).name in SPLIT_FILES else path


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log) -> LoadScopeScheduling:
    """xdist's file scheduling (`--dist loadfile`), with the split files' tests apart."""

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return group(nodeid)

    return GroupScheduling(config, log)


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> DbtRun:
    """The demo built once per test run (``build_demo``), shared by the xdist workers: the
    first to ask builds it under a file lock, the others wait for it. Tests copy it
    (``copy_run``) before they query or change it."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's directory, shared by its workers
    workdir = root / "shared_demo"
    record = workdir / "run.json"
    with (root / "shared_demo.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            built = build_demo(workdir)
            record.write_text(json.dumps({"returncode": built.returncode, "output": built.output}))
    saved = json.loads(record.read_text())
    return DbtRun(
        workdir / "project", workdir / "demo.duckdb", saved["returncode"], saved["output"]
    )

"""Run the slowest test files first: pytest-xdist hands whole files to its two workers in
collection order, so a slow file collected last would run alone while the other worker
idles."""

from __future__ import annotations

# the files that run for several minutes each, longest first (the rest keep their order)
SLOWEST_FILES = (
    "test_properties.py",
    "test_schedule.py",
    "test_engines.py",
    "test_learn.py",
    "test_crm_staging.py",
    "test_bad_grids.py",
)


def pytest_collection_modifyitems(items: list) -> None:
    def rank(item) -> int:
        name = item.path.name
        return SLOWEST_FILES.index(name) if name in SLOWEST_FILES else len(SLOWEST_FILES)

    items.sort(key=rank)

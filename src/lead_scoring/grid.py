"""The grid's vocabulary as the Python tooling reads it: grade letters and digits, zones, tiers.

The SQL owns these words: `grade_scale()` and `zones()` in macros/, the tier columns in the
grid seeds' YAML (`grid_activity_criteria`: `points_1_plus` ... `points_10_plus`), the
optional grid seeds (`meta: {optional: true}` there, read by name in `grid_seed()`). The
commands run where that project is not (an installed wheel, a project that installs
lead_scoring as a package), so Python keeps them here, once, and
tests/python/test_grid_vocabulary.py reads the macros and the seeds YAML to prove that this
copy says the same.
"""

from __future__ import annotations

from pathlib import Path

GRID_DIR = Path("seeds") / "grid"
"""Where a dbt project keeps its grid seeds, relative to the project."""

FIT_GRADES = ("A", "B", "C", "D")
"""The fit grades, best first (`grade_scale()['fit']`)."""

ACTIVITY_GRADES = ("4", "3", "2", "1")
"""The activity grades, best first (`grade_scale()['activity']`)."""

GRADES = {"fit": FIT_GRADES, "activity": ACTIVITY_GRADES}
"""The grades of each dimension, as `grade_scale()` returns them."""

ZONES = ("hot", "warm", "cold")
"""The zones, best first (`zones()`); a lead in the first is an MQL."""

HOT, WARM, COLD = ZONES

TIERS = (1, 2, 5, 10)
"""The event counts an activity criterion's tiers start at."""

TIER_COLUMNS = tuple(f"points_{tier}_plus" for tier in TIERS)
"""The columns of `grid_activity_criteria` holding each tier's points."""

OPTIONAL_GRID_SEEDS = ("grid_activity_sequences",)
"""The grid seeds a grid may lack (one copied before they existed): no file means no row
(`meta: {optional: true}` in the seeds YAML; `grid_seed()`'s `optional_seeds`)."""

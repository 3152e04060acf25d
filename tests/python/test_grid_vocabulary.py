"""The grid's words in Python (lead_scoring.grid) are the SQL's: the grades of
`grade_scale()`, the zones of `zones()`, the tier and zone-matrix columns of the grid seeds'
YAML. Fast: reads the files, no dbt."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

from lead_scoring import grid

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def macro_return(name: str):
    """The literal a one-line `{{ return(...) }}` macro of macros/ returns (each macro in
    its own file, named like it, in a folder by concern)."""
    (path,) = (PROJECT_ROOT / "macros").glob(f"*/{name}.sql")
    text = path.read_text()
    (returned,) = re.findall(r"\{\{\s*return\((.*)\)\s*\}\}", text)
    return ast.literal_eval(returned)


def seed_columns(seed: str) -> list[str]:
    """The columns the grid seeds' YAML documents for one seed."""
    document = yaml.safe_load((PROJECT_ROOT / grid.GRID_DIR / "_grid__seeds.yml").read_text())
    (entry,) = (entry for entry in document["seeds"] if entry["name"] == seed)
    return [column["name"] for column in entry["columns"]]


def test_the_grades_are_those_of_grade_scale():
    assert macro_return("grade_scale") == {
        "fit": list(grid.FIT_GRADES),
        "activity": list(grid.ACTIVITY_GRADES),
    }
    assert grid.GRADES == {"fit": grid.FIT_GRADES, "activity": grid.ACTIVITY_GRADES}


def test_the_zones_are_those_of_zones_best_first():
    assert macro_return("zones") == list(grid.ZONES)
    assert (grid.HOT, grid.WARM, grid.COLD) == ("hot", "warm", "cold")


def test_the_tiers_are_the_tier_columns_of_the_activity_criteria_seed():
    tier_columns = [c for c in seed_columns("grid_activity_criteria") if c.endswith("_plus")]

    assert tier_columns == list(grid.TIER_COLUMNS)
    assert grid.TIER_COLUMNS == (
        "points_1_plus",
        "points_2_plus",
        "points_5_plus",
        "points_10_plus",
    )


def test_the_zone_matrix_has_a_column_per_activity_grade():
    columns = [c for c in seed_columns("grid_zone_matrix") if c.startswith("activity_")]

    assert sorted(columns) == sorted(f"activity_{grade}" for grade in grid.ACTIVITY_GRADES)


def test_the_optional_grid_seeds_are_those_the_yaml_and_grid_seed_name():
    document = yaml.safe_load((PROJECT_ROOT / grid.GRID_DIR / "_grid__seeds.yml").read_text())
    optional_in_yaml = [
        entry["name"]
        for entry in document["seeds"]
        if entry.get("config", {}).get("meta", {}).get("optional")
    ]
    macro = (PROJECT_ROOT / "macros" / "scoring" / "grid_seed.sql").read_text()
    (listed,) = re.findall(r"set optional_seeds = (\[.*?\])", macro)

    assert optional_in_yaml == list(grid.OPTIONAL_GRID_SEEDS) == ast.literal_eval(listed)
    assert grid.OPTIONAL_GRID_SEEDS == ("grid_activity_sequences",)

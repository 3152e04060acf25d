"""`lead-scoring check-grid`: a broken grid CSV is named with its file and line before dbt
loads anything, against the columns documented in seeds/grid/_grid__seeds.yml."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from lead_scoring.cli import main as lead_scoring_cli
from lead_scoring.grid_files import GridFileProblem, add_grid, check_grid_files
from support.dbt_harness import PROJECT_ROOT

SHIPPED_GRID = PROJECT_ROOT / "seeds" / "grid"


@pytest.fixture
def grid(tmp_path: Path) -> Path:
    """A copy of the shipped grid that a test may break."""
    return Path(shutil.copytree(SHIPPED_GRID, tmp_path / "grid"))


def test_the_shipped_grid_passes():
    assert check_grid_files(SHIPPED_GRID) == []


def test_a_misspelled_column_names_line_1_and_the_closest_documented_column(grid):
    path = grid / "grid_activity_criteria.csv"
    path.write_text(path.read_text().replace(",lookback_days,", ",lookback_day,", 1))

    assert check_grid_files(grid) == [
        GridFileProblem(path, 1, 'unknown column "lookback_day" (did you mean "lookback_days"?)')
    ]


def test_a_missing_column_is_named(grid):
    path = grid / "grid_grade_bands.csv"
    path.write_text("scoring_model,dimension,grade\ndefault,fit,A\n")

    assert check_grid_files(grid) == [GridFileProblem(path, 1, 'missing column "min_points"')]


def test_a_duplicated_column_is_named(grid):
    path = grid / "grid_zone_thresholds.csv"
    path.write_text("scoring_model,zone,zone,min_total_points\nhubspot_style,hot,hot,1000\n")

    assert check_grid_files(grid) == [GridFileProblem(path, 1, 'column "zone" appears 2 times')]


def test_an_undocumented_column_is_named(grid):
    path = grid / "grid_zone_thresholds.csv"
    path.write_text("scoring_model,zone,min_total_points,owner\nhubspot_style,hot,1000,ann\n")

    assert check_grid_files(grid) == [
        GridFileProblem(path, 1, 'unknown column "owner" (not documented in _grid__seeds.yml)')
    ]


def test_columns_in_another_order_are_fine(grid):
    (grid / "grid_zone_thresholds.csv").write_text(
        "min_total_points,zone,scoring_model\n1000,hot,hubspot_style\n,cold,hubspot_style\n"
    )

    assert check_grid_files(grid) == []


MULTI_LINE_LABEL = (
    "scoring_model,label,zone_method,conversion_product,surge_points\n"  # line 1
    'default,"Fit x activity\n'  # line 2
    '(the shipped grid)",matrix,,\n'  # line 3: the same row
)


def test_a_short_row_names_its_line_counting_a_multi_line_cell(grid):
    path = grid / "grid_scoring_models.csv"
    path.write_text(MULTI_LINE_LABEL + "short,Short row,matrix\n")

    assert check_grid_files(grid) == [GridFileProblem(path, 4, "row has 3 cells, the header has 5")]


def test_a_long_row_names_its_line_counting_a_multi_line_cell(grid):
    path = grid / "grid_scoring_models.csv"
    path.write_text(MULTI_LINE_LABEL + "ok,Fine,total,,\nlong,Long, with a comma,total,,\n")

    assert check_grid_files(grid) == [GridFileProblem(path, 5, "row has 6 cells, the header has 5")]


def test_an_unclosed_quote_names_the_line_its_row_starts_on(grid):
    path = grid / "grid_scoring_models.csv"
    path.write_text(MULTI_LINE_LABEL + 'open,"Never closed,total,\n')

    assert check_grid_files(grid) == [
        GridFileProblem(
            path, 4, 'a quoted value in the row starting on this line is never closed (unmatched ")'
        )
    ]


def test_blank_lines_at_the_end_are_fine(grid):
    path = grid / "grid_zone_matrix.csv"
    path.write_text(path.read_text() + "\n\n\n")

    assert check_grid_files(grid) == []


def test_a_blank_line_between_rows_is_named(grid):
    path = grid / "grid_zone_thresholds.csv"
    path.write_text("scoring_model,zone,min_total_points\nm,hot,1000\n\nm,cold,\n")

    assert check_grid_files(grid) == [
        GridFileProblem(path, 3, "blank line between rows: delete it")
    ]


def test_an_empty_file_is_named_with_the_header_it_needs(grid):
    path = grid / "grid_zone_thresholds.csv"
    path.write_text("")

    assert check_grid_files(grid) == [
        GridFileProblem(
            path, 1, "file is empty; its header should be: scoring_model,zone,min_total_points"
        )
    ]


def test_a_file_that_is_not_utf8_names_the_line_of_the_bad_byte(grid):
    path = grid / "grid_zone_thresholds.csv"
    path.write_bytes(b"scoring_model,zone,min_total_points\nm,hot,1000\nm,ti\xe8de,500\n")

    assert check_grid_files(grid) == [
        GridFileProblem(path, 3, "not UTF-8 (byte 0xe8 cannot be read): save the file as UTF-8")
    ]


def test_a_utf8_byte_order_mark_is_fine(grid):
    path = grid / "grid_zone_thresholds.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    assert check_grid_files(grid) == []


def test_a_documented_csv_that_is_missing_is_named(grid):
    path = grid / "grid_zone_matrix.csv"
    path.unlink()

    assert check_grid_files(grid) == [
        GridFileProblem(
            path, None, "file is missing (_grid__seeds.yml documents seed grid_zone_matrix)"
        )
    ]


def test_a_grid_from_before_sequences_passes_without_grid_activity_sequences(grid):
    # the seeds YAML marks grid_activity_sequences optional: its absence means no sequence
    (grid / "grid_activity_sequences.csv").unlink()

    assert check_grid_files(grid) == []


def test_an_optional_csv_that_is_present_is_still_checked(grid):
    path = grid / "grid_activity_sequences.csv"
    path.write_text(
        "scoring_model,criterion,label,first_criterion,then_criterion,within_day,points,"
        "display_order\n"
    )

    assert check_grid_files(grid) == [
        GridFileProblem(path, 1, 'unknown column "within_day" (did you mean "within_days"?)')
    ]


def test_an_undocumented_csv_is_named(grid):
    path = grid / "grid_old_fit_rules.csv"
    path.write_text("a,b\n1,2\n")

    assert check_grid_files(grid) == [
        GridFileProblem(
            path,
            None,
            "not documented in _grid__seeds.yml: dbt would load it as a seed nobody checks;"
            f" document its columns there or move the file out of {grid}",
        )
    ]


def test_the_expected_header_is_read_from_the_seeds_yaml(grid):
    seeds_yml = grid / "_grid__seeds.yml"
    seeds_yml.write_text(
        seeds_yml.read_text().replace("- name: min_total_points", "- name: minimum_points", 1)
    )

    assert check_grid_files(grid) == [
        GridFileProblem(
            grid / "grid_zone_thresholds.csv",
            1,
            'unknown column "min_total_points" (did you mean "minimum_points"?)',
        )
    ]


def test_check_grid_prints_ok_on_stdout_and_exits_0_when_clean(capsys):
    status = lead_scoring_cli(["check-grid", f"--seeds-dir={SHIPPED_GRID}"])

    assert (status, capsys.readouterr()) == (0, ("grid files OK: 10 files\n", ""))


def test_check_grid_prints_path_line_message_on_stderr_and_exits_2(grid, capsys, monkeypatch):
    path = grid / "grid_fit_rules.csv"
    lines = path.read_text().splitlines(keepends=True)
    lines[6] = lines[6].rsplit(",", 1)[0] + "\n"  # line 7 loses its last cell
    path.write_text("".join(lines))
    monkeypatch.chdir(grid.parent)

    status = lead_scoring_cli(["check-grid", "--seeds-dir", "grid"])

    assert (status, capsys.readouterr()) == (
        2,
        ("", "grid/grid_fit_rules.csv:7: row has 7 cells, the header has 8\n"),
    )


def test_backtest_checks_the_grid_files_before_any_build(tmp_path, capsys):
    project_dir = tmp_path / "project"
    shutil.copytree(PROJECT_ROOT / "seeds" / "grid", project_dir / "seeds" / "grid")
    path = project_dir / "seeds" / "grid" / "grid_fit_rules.csv"
    path.write_text(path.read_text().replace("display_order", "display_ordre", 1))

    status = lead_scoring_cli(
        ["backtest", "--from=2026-05-01", "--to=2026-06-30", f"--project-dir={project_dir}"]
    )

    assert status == 2
    printed = capsys.readouterr()
    assert 'grid_fit_rules.csv:1: unknown column "display_ordre"' in printed.err
    assert "scoring and evaluating" not in printed.out


EXAMPLES = PROJECT_ROOT / "grids" / "examples"
STARTERS = [PROJECT_ROOT / "grids" / crm for crm in ("hubspot", "salesforce", "marketo")]


def models_in(grid_dir: Path) -> dict[str, set[str]]:
    """The scoring models each grid CSV of a folder has rows of."""
    found = {}
    for path in sorted(grid_dir.glob("grid_*.csv")):
        with path.open(newline="") as handle:
            found[path.name] = {row["scoring_model"] for row in csv.DictReader(handle)}
    return found


def test_the_shipped_grid_is_the_default_model_alone():
    models = models_in(SHIPPED_GRID)
    assert len(models) == 10
    # grid_activity_sequences is its header alone: `default` has no sequence
    assert models["grid_activity_sequences.csv"] == set()
    assert set().union(*models.values()) == {"default"}


def test_every_example_and_starter_grid_has_the_documented_files():
    # the nine files every grid needs; the optional grid_activity_sequences.csv where the
    # model has a sequence (buying_sequence)
    examples = sorted(EXAMPLES.iterdir())
    assert [path.name for path in examples] == [
        "buying_sequence",
        "customer_upsell",
        "fading_engagement",
        "hubspot_style",
        "hundred_point",
    ]
    seeds_yml = SHIPPED_GRID / "_grid__seeds.yml"
    for folder in [*examples, *STARTERS]:
        assert check_grid_files(folder, seeds_yml) == [], folder
        assert (folder / "README.md").exists() or folder in STARTERS, folder
    for folder in examples:
        # one scoring model each, named as its folder
        assert set().union(*models_in(folder).values()) == {folder.name}


def test_add_grid_appends_an_example_model_after_the_grid_rows(grid, capsys):
    before = {path.name: path.read_text() for path in grid.glob("grid_*.csv")}
    example = EXAMPLES / "hundred_point"

    assert lead_scoring_cli(["add-grid", str(example), f"--seeds-dir={grid}"]) == 0

    assert "added scoring model hundred_point (32 rows)" in capsys.readouterr().out
    for path in example.glob("grid_*.csv"):
        added = path.read_text().split("\n", 1)[1]
        assert (grid / path.name).read_text() == before[path.name] + added, path.name
    assert check_grid_files(grid) == []


def test_add_grid_refuses_a_model_the_grid_already_has_and_writes_nothing(grid, capsys):
    example = EXAMPLES / "hubspot_style"
    assert lead_scoring_cli(["add-grid", str(example), f"--seeds-dir={grid}"]) == 0
    once = {path.name: path.read_text() for path in grid.glob("grid_*.csv")}
    capsys.readouterr()

    assert lead_scoring_cli(["add-grid", str(example), f"--seeds-dir={grid}"]) == 2

    assert "already has the scoring models ['hubspot_style']" in capsys.readouterr().err
    assert {path.name: path.read_text() for path in grid.glob("grid_*.csv")} == once


def test_add_grid_matches_columns_by_name(grid, tmp_path):
    folder = tmp_path / "reordered"
    folder.mkdir()
    (folder / "grid_zone_thresholds.csv").write_text(
        "min_total_points,zone,scoring_model\n100,hot,mine\n,cold,mine\n"
    )

    assert add_grid(folder, grid) == {"mine": 2}

    assert (grid / "grid_zone_thresholds.csv").read_text() == (
        "scoring_model,zone,min_total_points\nmine,hot,100\nmine,cold,\n"
    )

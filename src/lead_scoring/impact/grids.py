"""The two grids `lead-scoring impact` compares: the grid seeds at a base git ref and in the
working tree, which scoring models differ and how, and the one grid that holds each changed
model once per side (`base__<model>`, `head__<model>`)."""

from __future__ import annotations

import csv
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path

from lead_scoring.grid import GRID_DIR

BASE, HEAD = "base", "head"
# the grid seeds that hold a model's criteria (a sequence is a criterion of its own), and
# what the others set
CRITERIA_FILES = (
    "grid_activity_criteria",
    "grid_activity_match_rules",
    "grid_activity_sequences",
    "grid_fit_rules",
)

SETTINGS = {
    "grid_scoring_models": "model settings",
    "grid_grade_bands": "grade bands",
    "grid_zone_matrix": "zone matrix",
    "grid_zone_thresholds": "zone thresholds",
    "grid_model_audiences": "audience",
    "grid_account_zones": "account zones",
}


class ImpactError(Exception):
    """The report cannot be made (bad ref, dbt failed for another reason than the grid)."""


@dataclass
class Grid:
    """The grid seeds of one side: per file, its header and rows (dicts)."""

    files: dict[str, tuple[list[str], list[dict]]]

    def models(self) -> set[str]:
        return {row["scoring_model"] for _, rows in self.files.values() for row in rows}

    def model_rows(self, model: str) -> dict[str, list[tuple]]:
        """Each file's rows of one model, without the model column, sorted: equal when the
        model's grid is the same."""
        return {
            name: sorted(
                tuple(row[column] for column in header if column != "scoring_model")
                for row in rows
                if row["scoring_model"] == model
            )
            for name, (header, rows) in self.files.items()
        }

    def criteria(self, model: str) -> dict[str, list[tuple]]:
        """A model's criteria, each with the rows that define it (label, tiers, rules)."""
        found: dict[str, list[tuple]] = {}
        for name in CRITERIA_FILES:
            header, rows = self.files.get(name, ([], []))
            for row in rows:
                if row["scoring_model"] == model:
                    found.setdefault(row["criterion"], []).append(
                        (name, *(row[column] for column in header))
                    )
        return {criterion: sorted(rows) for criterion, rows in found.items()}


@dataclass
class ModelChange:
    """What changed in one scoring model's grid."""

    model: str
    status: str  # changed, added or removed
    criteria_added: list[str]
    criteria_removed: list[str]
    criteria_changed: list[str]
    settings_changed: list[str]


def read_grid(texts: dict[str, str]) -> Grid:
    files = {}
    for name, text in texts.items():
        reader = csv.DictReader(io.StringIO(text))
        files[name] = (list(reader.fieldnames or []), list(reader))
    return Grid(files)


def git(project_dir: Path, *args: str) -> str:
    finished = subprocess.run(
        ["git", *args], cwd=project_dir, capture_output=True, text=True, check=False
    )
    if finished.returncode != 0:
        raise ImpactError(f"git {' '.join(args)}: {finished.stderr.strip()}")
    return finished.stdout


def default_base(project_dir: Path) -> str:
    """The merge base of HEAD with the main branch (local, else origin's)."""
    for branch in ("main", "origin/main", "master", "origin/master"):
        try:
            return git(project_dir, "merge-base", "HEAD", branch).strip()
        except ImpactError:
            continue
    raise ImpactError("no main branch to compare with: name one with --base")


def base_grid_texts(project_dir: Path, ref: str, head_texts: dict[str, str]) -> dict[str, str]:
    """The grid CSVs at a git ref; a file the ref lacks (a seed the change adds) has the
    working tree's header and no row."""
    commit = git(project_dir, "rev-parse", "--verify", f"{ref}^{{commit}}").strip()
    listed = set(git(project_dir, "ls-tree", "--name-only", commit, f"./{GRID_DIR}/").split())
    texts = {}
    for name, head_text in head_texts.items():
        path = f"{GRID_DIR}/{name}.csv"
        in_ref = any(entry.endswith(path) for entry in listed)
        header = head_text.splitlines()[0] + "\n" if head_text.strip() else ""
        texts[name] = git(project_dir, "show", f"{commit}:./{path}") if in_ref else header
    return texts


def head_grid_texts(project_dir: Path) -> dict[str, str]:
    return {
        path.stem: path.read_text() for path in sorted((project_dir / GRID_DIR).glob("grid_*.csv"))
    }


def model_changes(base: Grid, head: Grid) -> list[ModelChange]:
    changes = []
    for model in sorted(base.models() | head.models()):
        if model not in head.models():
            status = "removed"
        elif model not in base.models():
            status = "added"
        elif base.model_rows(model) != head.model_rows(model):
            status = "changed"
        else:
            continue
        before, after = base.criteria(model), head.criteria(model)
        old_rows, new_rows = base.model_rows(model), head.model_rows(model)
        changes.append(
            ModelChange(
                model=model,
                status=status,
                criteria_added=sorted(set(after) - set(before)),
                criteria_removed=sorted(set(before) - set(after)),
                criteria_changed=sorted(
                    name for name in set(before) & set(after) if before[name] != after[name]
                ),
                settings_changed=[
                    label
                    for name, label in SETTINGS.items()
                    if status == "changed" and old_rows.get(name) != new_rows.get(name)
                ],
            )
        )
    return changes


def side_model(side: str, model: str) -> str:
    return f"{side}__{model}"


def combined_grid(sides: dict[str, Grid], changes: list[ModelChange]) -> dict[str, str]:
    """One grid holding each changed model once per side, renamed `<side>__<model>`."""
    models = {change.model for change in changes}
    texts = {}
    names = sorted({name for grid in sides.values() for name in grid.files})
    for name in names:
        header = next(grid.files[name][0] for grid in sides.values() if name in grid.files)
        output = io.StringIO()
        writer = csv.DictWriter(output, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        for side, grid in sides.items():
            for row in grid.files.get(name, ([], []))[1]:
                if row["scoring_model"] in models:
                    writer.writerow(
                        {
                            **{column: row.get(column, "") for column in header},
                            "scoring_model": side_model(side, row["scoring_model"]),
                        }
                    )
        texts[name] = output.getvalue()
    return texts

"""A learned grid written out: its seed rows (one scoring model's rows in every grid seed,
other models' rows kept) and the Markdown note that reports how it was learned."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from lead_scoring.grid import (
    ACTIVITY_GRADES,
    COLD,
    FIT_GRADES,
    HOT,
    OPTIONAL_GRID_SEEDS,
    TIER_COLUMNS,
    TIERS,
    WARM,
)
from lead_scoring.learn.grid_fit import Grid

if TYPE_CHECKING:  # run.py writes with this module: its types only for the checker
    from lead_scoring.learn.run import LearnedGrid, Options, Report

GRID_FILES = {
    "scoring_models": "grid_scoring_models.csv",
    "activity_criteria": "grid_activity_criteria.csv",
    "match_rules": "grid_activity_match_rules.csv",
    "fit_rules": "grid_fit_rules.csv",
    "grade_bands": "grid_grade_bands.csv",
    "zone_matrix": "grid_zone_matrix.csv",
    "zone_thresholds": "grid_zone_thresholds.csv",
}
OPTIONAL_GRID_FILES = {name.removeprefix("grid_"): f"{name}.csv" for name in OPTIONAL_GRID_SEEDS}
"""Grid seeds a grid may lack (one from before them): rewritten like the others when present,
never created."""


def seed_rows(options: Options, grid: Grid, zones: dict) -> dict:
    """The learned model's rows of every grid seed, by LearnedGrid field: criteria in order of
    their largest points, fit rules by criterion, its grade bands and its zones."""
    model = options.model
    activity_criteria, match_rules, fit_rules = [], [], []
    ordered_activity = sorted(
        grid.activity, key=lambda row: (-max(map(abs, row[2])), row[0].criterion)
    )
    for order, (candidate, half_life, points) in enumerate(ordered_activity, start=1):
        # tiers below the criterion's first are worth 0; above its last, blank (as the last)
        by_tier = dict(zip(candidate.tiers, points, strict=True))
        values = {
            column: by_tier.get(tier, 0 if tier < candidate.tiers[0] else None)
            for tier, column in zip(TIERS, TIER_COLUMNS, strict=True)
        }
        activity_criteria.append(
            {
                "scoring_model": model,
                "criterion": candidate.criterion,
                "label": candidate.label,
                **{column: "" if v is None else v for column, v in values.items()},
                "max_points": max(points, key=abs),
                "lookback_days": options.lookback_days,
                "decay_half_life_days": "" if half_life is None else int(half_life),
                "display_order": order,
            }
        )
        match_rules.extend(
            {
                "scoring_model": model,
                "criterion": candidate.criterion,
                "event_type": event_type,
                "subject_pattern": pattern or "",
            }
            for event_type, pattern in candidate.match_rules
        )
    ordered_fit = sorted(grid.fit, key=lambda row: (row[0].criterion, -row[1], row[0].value))
    for order, (candidate, points) in enumerate(ordered_fit, start=len(activity_criteria) + 1):
        fit_rules.append(
            {
                "scoring_model": model,
                "criterion": candidate.criterion,
                "label": candidate.label,
                "attribute": candidate.attribute,
                "operator": candidate.operator,
                "value": candidate.value,
                "points": points,
                "display_order": order,
            }
        )
    grade_bands = [
        {
            "scoring_model": model,
            "dimension": dimension,
            "grade": grade,
            "min_points": "" if minimum is None else minimum,
        }
        for dimension, grades, bands in (
            ("fit", FIT_GRADES, zones["fit_bands"]),
            ("activity", ACTIVITY_GRADES, zones["activity_bands"]),
        )
        if bands is not None
        for grade, minimum in zip(grades, bands, strict=True)
    ]
    zone_matrix = [
        {
            "scoring_model": model,
            "fit_grade": fit_grade,
            **{f"activity_{a}": zones["matrix"][(fit_grade, a)] for a in sorted(ACTIVITY_GRADES)},
        }
        for fit_grade in FIT_GRADES
        if "matrix" in zones
    ]
    zone_thresholds = []
    if "thresholds" in zones:
        for zone in (HOT, WARM):
            if zones["thresholds"][zone] is not None:
                zone_thresholds.append(
                    {
                        "scoring_model": model,
                        "zone": zone,
                        "min_total_points": zones["thresholds"][zone],
                    }
                )
        zone_thresholds.append({"scoring_model": model, "zone": COLD, "min_total_points": ""})
    scoring_models = [
        {
            "scoring_model": model,
            "label": f"Learned from conversions after {options.as_of}",
            "zone_method": "matrix" if "matrix" in zones else "total",
            "conversion_product": options.conversion_product or "",
            # a learned grid flags no surge: the rep sets surge_points once the velocity
            # of its leads is known
            "surge_points": "",
        }
    ]
    return {
        "scoring_models": scoring_models,
        "activity_criteria": activity_criteria,
        "match_rules": match_rules,
        "fit_rules": fit_rules,
        "grade_bands": grade_bands,
        "zone_matrix": zone_matrix,
        "zone_thresholds": zone_thresholds,
        # the learner weighs counts of events, not their order: a learned model has no
        # sequence (and one learned again loses the sequences, naming its old criteria)
        "activity_sequences": [],
    }


def write(options: Options, learned: LearnedGrid) -> list[Path]:
    """Replace the rows of the learned model in every grid seed (other models' rows stay as
    they are, in their order; the model's rows follow them) and write the note."""
    written = []
    for key, file_name in {**GRID_FILES, **OPTIONAL_GRID_FILES}.items():
        path = options.seeds_dir / file_name
        if key in OPTIONAL_GRID_FILES and not path.exists():
            continue
        with path.open(newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            kept = [row for row in reader if row["scoring_model"] != options.model]
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows(kept)
            writer.writerows(getattr(learned, key))
        written.append(path)
    options.note_path.parent.mkdir(parents=True, exist_ok=True)
    options.note_path.write_text(note(options, learned))
    written.append(options.note_path)
    return written


def summary_lines(report: Report) -> list[str]:
    """The report, as the command prints it and the note opens with."""

    def interval(bounds: tuple[float, float]) -> str:
        return f"[{bounds[0]:.3f}, {bounds[1]:.3f}]"

    zones = ", ".join(
        f"{method} {shares[0]:.0%} of leads / {shares[1]:.0%} of conversions"
        for method, shares in sorted(report.zone_comparison.items())
    )
    decayed = ", ".join(f"{c} {h} days" for c, h in sorted(report.decayed.items()))
    return [
        f"{report.leads:,} leads, {report.positives:,} converted within {report.horizon_days}"
        f" days; {report.criteria} criteria kept of {report.candidates} candidates;"
        f" decay: {decayed or 'none'}",
        f"cross-validated AUC ({report.folds} folds, every lead held out once, 95 % bootstrap"
        f" interval): learned grid {report.auc_grid:.4f} {interval(report.auc_grid_interval)},"
        f" unconstrained regression {report.auc_regression:.4f}"
        f" {interval(report.auc_regression_interval)}",
        f"rounding to integer points cost {report.auc_unrounded - report.auc_grid:+.4f} AUC;"
        f" keeping {report.criteria} criteria instead of all"
        f" {report.auc_all_candidates - report.auc_unrounded:+.4f}",
        f"penalty per lead by cross-validation: {report.penalty:g} (grid),"
        f" {report.regression_penalty:g} (regression)",
        f"zones: {report.zone_method} (held-out hot zone: {zones})",
        f"hot zone on held-out leads: {report.hot_share:.0%} of leads,"
        f" {report.hot_conversion_share:.0%} of conversions; best grade cell converts"
        f" {report.best_cell_rate:.1%}, worst {report.worst_cell_rate:.1%}",
    ]


def note(options: Options, learned: LearnedGrid) -> str:
    report = learned.report
    lines = [
        f"# Learned scoring model `{options.model}`",
        "",
        (
            f"Learned by `lead-scoring learn` from conversions within {report.horizon_days}"
            f" days after {options.as_of} (activity over the {options.lookback_days} days"
            " before it). Held-out figures: the whole learner run"
            f" {report.folds} times, each time without one fold of the leads, scoring that"
            " fold; the rows below are learned the same way from every lead."
        ),
        "",
        *(f"- {line}" for line in summary_lines(report)),
        "",
        "| dimension | criterion | rule | points |",
        "|---|---|---|---|",
    ]
    for row in learned.activity_criteria:
        tiers = ", ".join(
            f"{tier}+: {row[column]}"
            for tier, column in zip(TIERS, TIER_COLUMNS, strict=True)
            if row[column] != ""
        )
        decay = (
            f", half-life {row['decay_half_life_days']} days"
            if row["decay_half_life_days"] != ""
            else ""
        )
        lines.append(f"| activity | {row['label']} | {tiers}{decay} | cap {row['max_points']} |")
    for row in learned.fit_rules:
        lines.append(
            f"| fit | {row['label']} | {row['attribute']} {row['operator']} {row['value']} |"
            f" {row['points']} |"
        )
    return "\n".join(lines) + "\n"

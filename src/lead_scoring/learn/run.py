"""Learn a points grid from past conversions and write it as seed rows of one scoring model
(never SQL), on whatever warehouse the dbt profile names.

dbt builds the learning inputs at the learning as-of date in `<schema>_learning` (the
`learning`-tagged models, read from this project's staging: no second copy of any staging
rule); Python reads them through the same dbt adapter, fits and writes seed rows.

The fit is a logistic regression on features in the grid's own form (features.py), with
the grid's constraints inside the optimisation: the tiers of an activity criterion are
non-negative increments of one sign (bounded L-BFGS-B), so the learned points never fall as
events grow. The regularisation is chosen by k-fold cross-validation on the training leads,
a decay half-life per activity criterion where dates carry signal, about `max_criteria`
criteria are kept (by the spread of their points), and the zones come from thresholds on
`total_points` or from a matrix, whichever catches more held-out conversions. Held-out leads
(never seen by the fit) measure it; the grid written is then refitted on every lead.
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from lead_scoring import warehouse
from lead_scoring.learn import features as learn_features
from lead_scoring.learn import fit as learn_fit
from lead_scoring.learn.features import LearnError, LearningData
from lead_scoring.learn.grid_fit import (
    design_matrix,
    fit_grid,
    grid_points,
    regression_penalty,
    regression_scores,
)
from lead_scoring.learn.seeds import GRID_FILES, seed_rows
from lead_scoring.learn.zones import cell_rates, choose_zone_method, grades_and_zones, hot_shares

_CLOCK = {"started": time.perf_counter()}


def _progress(message: str) -> None:
    """One line on stderr per step, with the seconds since learning started."""
    seconds = time.perf_counter() - _CLOCK["started"]
    print(f"learn [{seconds:6.1f} s] {message}", file=sys.stderr, flush=True)


@dataclass
class Options:
    """What to learn from and where to write it: `project` is the dbt project, its profile
    target and the run's vars (e.g. the input schema) the learning models are built with."""

    project: warehouse.DbtProject
    as_of: date
    model: str
    seeds_dir: Path
    note_path: Path
    horizon_days: int | None = None  # None: the project's conversion_horizon_days
    lookback_days: int = 90
    conversion_product: str | None = None
    target_hot_share: float = 0.30
    max_criteria: int = 20
    folds: int = 5
    min_support: float = 0.01
    max_subject_groups: int = 8


@dataclass
class Report:
    """What the learner measured, printed and written into the note. Held-out figures come
    from k-fold cross-validation of the whole learner: each lead is scored by a grid learned
    (criteria, decay, penalty, points, bands and zones) without it."""

    leads: int
    positives: int
    horizon_days: int
    folds: int
    candidates: int
    criteria: int
    penalty: float
    regression_penalty: float
    auc_grid: float
    auc_grid_interval: tuple[float, float]
    auc_regression: float
    auc_regression_interval: tuple[float, float]
    auc_unrounded: float
    auc_all_candidates: float
    zone_method: str
    zone_comparison: dict[str, tuple[float, float]]  # method -> (hot share, capture)
    hot_share: float
    hot_conversion_share: float
    best_cell_rate: float
    worst_cell_rate: float
    decayed: dict[str, int]  # criterion -> half-life


@dataclass
class LearnedGrid:
    scoring_models: list[dict]
    activity_criteria: list[dict]
    match_rules: list[dict]
    fit_rules: list[dict]
    grade_bands: list[dict]
    zone_matrix: list[dict]
    zone_thresholds: list[dict]
    activity_sequences: list[dict]
    report: Report


def learn(options: Options) -> LearnedGrid:
    """Learn the grid; raise LearnError on input it cannot learn from."""
    # the fits run many small vector operations: BLAS threads cost more than they give
    with threadpool_limits(limits=1, user_api="blas"):
        return _learn(options)


def _learn(options: Options) -> LearnedGrid:
    missing = [name for name in GRID_FILES.values() if not (options.seeds_dir / name).exists()]
    if missing:
        raise LearnError(f"{options.seeds_dir} has no grid seed {', '.join(missing)}")
    _CLOCK["started"] = time.perf_counter()
    data, variables = _read(options)
    _progress(
        f"read {len(data.labels):,} leads, {len(data.activity)} activity and"
        f" {len(data.fit)} fit candidates"
    )
    labels = data.labels
    positives = int(labels.sum())
    if not len(labels):
        raise LearnError("no lead to learn from (no contact that was not a customer yet)")
    horizon = int(variables.get("conversion_horizon_days") or 90)
    if positives == 0:
        raise LearnError(
            f"no conversion within {horizon} days after {options.as_of}: nothing to learn from"
        )
    if positives == len(labels):
        raise LearnError("every lead converted: a single class, nothing to rank")
    if not data.activity and not data.fit:
        raise LearnError("no attribute or behaviour has enough support to learn from")
    if positives < 2 * options.folds or len(labels) - positives < 2 * options.folds:
        raise LearnError(f"only {positives} conversions: too few to learn and check a grid")
    lead_count = len(labels)
    # the regression's features: every candidate as counted (heavy-use twins would repeat
    # columns it already has)
    plain = design_matrix(
        lead_count, [(c, None, 0) for c in data.activity if c.opposes is None], data.fit
    )

    # held-out figures: the whole learner, k times, each time without one fold of leads
    outer = learn_fit.stratified_folds(labels, options.folds)
    total, unrounded, every_candidate, regression = (np.zeros(lead_count) for _ in range(4))
    hot = {"matrix": np.zeros(lead_count, dtype=bool), "total": np.zeros(lead_count, dtype=bool)}
    cells = np.full(lead_count, "", dtype=object)
    for k in range(options.folds):
        train, held = outer != k, outer == k
        fitted = fit_grid(data, train, options)
        fit_points, activity_points = grid_points(fitted.grid, lead_count)
        total[held] = (fit_points + activity_points)[held]
        unrounded[held] = learn_fit.linear_score(fitted.selected.matrix[held], fitted.weights)
        every_candidate[held] = learn_fit.linear_score(
            fitted.everything.matrix[held], fitted.everything_weights
        )
        for method in list(hot):
            zones = grades_and_zones(
                method, fitted.grid, fit_points, activity_points, labels, train, options
            )
            if zones is None:  # a matrix needs both dimensions
                hot.pop(method)
                continue
            hot[method][held] = zones["is_hot"][held]
            if zones["fit_grades"] is not None and zones["activity_grades"] is not None:
                cells[held] = zones["fit_grades"][held] + zones["activity_grades"][held]
        regression[held] = regression_scores(plain, labels, train, held, options)
        _progress(f"fold {k + 1} of {options.folds} learned and scored")
    comparison = {method: hot_shares(is_hot, labels) for method, is_hot in hot.items()}
    zone_method = choose_zone_method(comparison, options.target_hot_share)
    grid_interval, regression_interval = learn_fit.bootstrap_auc(labels, [total, regression])
    rates = cell_rates(cells, labels, int(variables["evaluation_min_cell_leads"]))

    # the grid written: the same learner on every lead
    everyone = np.ones(lead_count, dtype=bool)
    final = fit_grid(data, everyone, options)
    final_fit, final_activity = grid_points(final.grid, lead_count)
    final_zones = grades_and_zones(
        zone_method, final.grid, final_fit, final_activity, labels, everyone, options
    )
    if final_zones is None:  # one dimension left: only total thresholds can zone it
        zone_method = "total"
        final_zones = grades_and_zones(
            zone_method, final.grid, final_fit, final_activity, labels, everyone, options
        )
    final_regression_penalty, _ = regression_penalty(plain, labels, everyone, options)
    _progress("learned the grid on every lead")
    report = Report(
        leads=lead_count,
        positives=positives,
        horizon_days=horizon,
        folds=options.folds,
        candidates=len(set(final.everything.criterion_of_column)),
        criteria=len(final.grid.activity) + len({c.criterion for c, _ in final.grid.fit}),
        penalty=final.penalty,
        regression_penalty=final_regression_penalty,
        auc_grid=learn_fit.auc(labels, total),
        auc_grid_interval=grid_interval,
        auc_regression=learn_fit.auc(labels, regression),
        auc_regression_interval=regression_interval,
        auc_unrounded=learn_fit.auc(labels, unrounded),
        auc_all_candidates=learn_fit.auc(labels, every_candidate),
        zone_method=zone_method,
        zone_comparison=comparison,
        hot_share=comparison.get(zone_method, (float("nan"),) * 2)[0],
        hot_conversion_share=comparison.get(zone_method, (float("nan"),) * 2)[1],
        best_cell_rate=max(rates, default=float("nan")),
        worst_cell_rate=min(rates, default=float("nan")),
        decayed={c.criterion: int(h) for c, h, _ in final.grid.activity if h is not None},
    )
    return LearnedGrid(**seed_rows(options, final.grid, final_zones), report=report)


def _read(options: Options) -> tuple[LearningData, dict]:
    """Build the learning models at the learning as-of date apart from published relations,
    then read the leads and the candidate features through the profile's adapter."""
    variables = {
        **options.project.variables,
        "scoring_as_of": options.as_of.isoformat(),
        "learning_lookback_days": options.lookback_days,
        "learning_conversion_product": options.conversion_product,
        "lead_scoring_schema_suffix": "_learning",
    }
    if options.horizon_days is not None:
        variables["conversion_horizon_days"] = options.horizon_days
    project = replace(options.project, variables=variables)
    _progress(f"building the learning models as of {options.as_of}")
    with tempfile.TemporaryDirectory(prefix="lead_scoring_learn_") as target_path:
        try:
            manifest = warehouse.build(project, "+tag:learning", Path(target_path))
        except warehouse.WarehouseError as error:
            raise LearnError(str(error)) from error
    relations = warehouse.relation_names(manifest, "learning")
    try:
        with warehouse.connection(project) as (cursor, resolved):
            data, _ = learn_features.read(
                cursor, relations, options.min_support, options.max_subject_groups
            )
    except Exception as error:  # the adapter's own errors, whatever the warehouse
        raise LearnError(f"could not read the learning models: {error}") from error
    return data, resolved

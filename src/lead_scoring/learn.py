"""Learn a points grid from past conversions and write it as seed rows of one scoring model
(never SQL), on whatever warehouse the dbt profile names.

dbt builds the learning inputs at the learning as-of date in `<schema>_learning` (the
`learning`-tagged models, read from this project's staging: no second copy of any staging
rule); Python reads them through the same dbt adapter, fits and writes seed rows.

The fit is a logistic regression on features in the grid's own form (learn_features), with
the grid's constraints inside the optimisation: the tiers of an activity criterion are
non-negative increments of one sign (bounded L-BFGS-B), so the learned points never fall as
events grow. The regularisation is chosen by k-fold cross-validation on the training leads,
a decay half-life per activity criterion where dates carry signal, about `max_criteria`
criteria are kept (by the spread of their points), and the zones come from thresholds on
`total_points` or from a matrix, whichever catches more held-out conversions. Held-out leads
(never seen by the fit) measure it; the grid written is then refitted on every lead.
"""

from __future__ import annotations

import csv
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from scipy import sparse
from threadpoolctl import threadpool_limits

from lead_scoring import learn_features, learn_fit, warehouse
from lead_scoring.learn_features import TIERS, ActivityCandidate, FitCandidate, LearningData

TIER_COLUMNS = ("points_1_plus", "points_2_plus", "points_5_plus", "points_10_plus")
GRID_FILES = {
    "scoring_models": "grid_scoring_models.csv",
    "activity_criteria": "grid_activity_criteria.csv",
    "match_rules": "grid_activity_match_rules.csv",
    "fit_rules": "grid_fit_rules.csv",
    "grade_bands": "grid_grade_bands.csv",
    "zone_matrix": "grid_zone_matrix.csv",
    "zone_thresholds": "grid_zone_thresholds.csv",
}
FIT_GRADES = ("A", "B", "C", "D")
ACTIVITY_GRADES = ("4", "3", "2", "1")
FIT_BAND_SHARES = (0.15, 0.25, 0.30)
ACTIVITY_BAND_SHARES = (0.15, 0.20, 0.25)
POINTS_PER_LOGIT = 100  # points are the model's weights in hundredths of a logit
HALF_LIVES = (7, 14, 30, 60)  # decay half-lives tried per activity criterion, in days
# a half-life is kept only when it lowers the criterion's cross-validated deviance by more
# than this (twice the one log-likelihood unit an extra parameter costs, as AIC counts)
DECAY_MIN_GAIN = 2.0
# hyperparameters (penalty, decay) are chosen by this many folds of at most this many of
# the leads a fit learns from (the penalty is per lead, so it carries over to all of them)
TUNING_FOLDS = 5
TUNING_MAX_LEADS = 20_000
ZONE_SHARE_SLACK = 0.05  # a zone method may put this much more than the target in hot
# per lead: the fit that reads the signs, and the one-criterion fits that choose decay
SCREENING_PENALTY = 1e-3


class LearnError(Exception):
    """Input the learner cannot learn from; nothing has been written."""


_CLOCK = {"started": time.perf_counter()}


def _progress(message: str) -> None:
    """One line on stderr per step, with the seconds since learning started."""
    seconds = time.perf_counter() - _CLOCK["started"]
    print(f"learn [{seconds:6.1f} s] {message}", file=sys.stderr, flush=True)


@dataclass
class Options:
    project_dir: Path
    as_of: date
    model: str
    seeds_dir: Path
    note_path: Path
    target: str | None = None
    profiles_dir: Path | None = None
    variables: dict = field(default_factory=dict)  # more dbt vars (e.g. the input schema)
    env: dict[str, str] = field(default_factory=dict)  # e.g. LEAD_SCORING_DUCKDB_PATH
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
    report: Report


@dataclass
class Design:
    """The design matrix of some candidates, and how its columns map back to them."""

    matrix: sparse.csr_matrix
    activity: list[tuple[ActivityCandidate, float | None, int]]  # candidate, half-life, sign
    fit: list[FitCandidate]
    criterion_of_column: list[str]
    bounds: list[tuple[float | None, float | None]]


@dataclass
class Grid:
    """Integer points in the grid's form."""

    activity: list[tuple[ActivityCandidate, float | None, list[int]]]  # points per tier
    fit: list[tuple[FitCandidate, int]]


@dataclass
class Fitted:
    """One run of the learner on some leads: the designs, weights and the integer grid."""

    everything: Design
    everything_weights: np.ndarray
    selected: Design
    weights: np.ndarray
    penalty: float
    grid: Grid


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
    plain = _design(
        lead_count, [(c, None, 0) for c in data.activity if c.opposes is None], data.fit
    )

    # held-out figures: the whole learner, k times, each time without one fold of leads
    outer = learn_fit.stratified_folds(labels, options.folds)
    total, unrounded, every_candidate, regression = (np.zeros(lead_count) for _ in range(4))
    hot = {"matrix": np.zeros(lead_count, dtype=bool), "total": np.zeros(lead_count, dtype=bool)}
    cells = np.full(lead_count, "", dtype=object)
    for k in range(options.folds):
        train, held = outer != k, outer == k
        fitted = _fit(data, train, options)
        fit_points, activity_points = _points(fitted.grid, lead_count)
        total[held] = (fit_points + activity_points)[held]
        unrounded[held] = learn_fit.linear_score(fitted.selected.matrix[held], fitted.weights)
        every_candidate[held] = learn_fit.linear_score(
            fitted.everything.matrix[held], fitted.everything_weights
        )
        for method in list(hot):
            zones = _zones(method, fitted.grid, fit_points, activity_points, labels, train, options)
            if zones is None:  # a matrix needs both dimensions
                hot.pop(method)
                continue
            hot[method][held] = zones["is_hot"][held]
            if zones["fit_grades"] is not None and zones["activity_grades"] is not None:
                cells[held] = zones["fit_grades"][held] + zones["activity_grades"][held]
        regression[held] = _regression_scores(plain, labels, train, held, options)
        _progress(f"fold {k + 1} of {options.folds} learned and scored")
    comparison = {method: _hot_shares(is_hot, labels) for method, is_hot in hot.items()}
    zone_method = _choose_zone_method(comparison, options.target_hot_share)
    grid_interval, regression_interval = learn_fit.bootstrap_auc(labels, [total, regression])
    cell_rates = _cell_rates(cells, labels, int(variables["evaluation_min_cell_leads"]))

    # the grid written: the same learner on every lead
    everyone = np.ones(lead_count, dtype=bool)
    final = _fit(data, everyone, options)
    final_fit, final_activity = _points(final.grid, lead_count)
    final_zones = _zones(
        zone_method, final.grid, final_fit, final_activity, labels, everyone, options
    )
    if final_zones is None:  # one dimension left: only total thresholds can zone it
        zone_method = "total"
        final_zones = _zones(
            zone_method, final.grid, final_fit, final_activity, labels, everyone, options
        )
    regression_penalty, _ = _regression_penalty(plain, labels, everyone, options)
    _progress("learned the grid on every lead")
    report = Report(
        leads=lead_count,
        positives=positives,
        horizon_days=horizon,
        folds=options.folds,
        candidates=len(set(final.everything.criterion_of_column)),
        criteria=len(final.grid.activity) + len({c.criterion for c, _ in final.grid.fit}),
        penalty=final.penalty,
        regression_penalty=regression_penalty,
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
        best_cell_rate=max(cell_rates, default=float("nan")),
        worst_cell_rate=min(cell_rates, default=float("nan")),
        decayed={c.criterion: int(h) for c, h, _ in final.grid.activity if h is not None},
    )
    return LearnedGrid(**_seed_rows(options, final.grid, final_zones), report=report)


def _fit(data: LearningData, train: np.ndarray, options: Options) -> Fitted:
    """The learner on the `train` leads: a sign and a decay per activity criterion, a
    penalty by cross-validation, the criteria that matter most, their constrained fit."""
    labels = data.labels
    lead_count = len(labels)
    tuning = _tuning(labels, train)
    fold = np.full(lead_count, -1)
    fold[tuning] = learn_fit.stratified_folds(labels[tuning], TUNING_FOLDS)
    activity = [
        (candidate, *_sign_and_decay(candidate, labels, tuning, fold))
        for candidate in data.activity
    ]
    activity = _joint_signs(activity, data.fit, labels, tuning)
    everything = _design(lead_count, activity, data.fit)
    penalty, _ = learn_fit.cross_validate(
        everything.matrix[tuning], labels[tuning], fold[tuning], everything.bounds
    )
    everything_weights = learn_fit.fit_logistic(
        everything.matrix[train], labels[train], penalty, everything.bounds
    )
    kept = _top_criteria(everything, everything_weights, train, options.max_criteria)
    selected = _design(
        lead_count,
        [row for row in activity if row[0].criterion in kept],
        [candidate for candidate in data.fit if candidate.criterion in kept],
    )
    if selected.matrix.shape[1] == 0:
        raise LearnError("no attribute or behaviour moves the odds of converting")
    penalty, _ = learn_fit.cross_validate(
        selected.matrix[tuning], labels[tuning], fold[tuning], selected.bounds
    )
    weights = learn_fit.fit_logistic(
        selected.matrix[train], labels[train], penalty, selected.bounds
    )
    return Fitted(
        everything, everything_weights, selected, weights, penalty, _grid(selected, weights)
    )


def _joint_signs(activity, fit: list[FitCandidate], labels, tuning) -> list:
    """Each activity criterion's sign as the other criteria leave it: from one unconstrained
    fit of every candidate (a subject group whose events say less than its event type's
    would otherwise be forced to 0 by the sign its own leads show)."""
    free = _design(len(labels), [(c, h, 0) for c, h, _ in activity], fit)
    weights = learn_fit.fit_logistic(free.matrix[tuning], labels[tuning], SCREENING_PENALTY)
    signed, column = [], 0
    for candidate, half_life, sign in activity:
        cumulative = np.cumsum(weights[column : column + len(candidate.tiers)])
        column += len(candidate.tiers)
        strongest = cumulative[np.argmax(np.abs(cumulative))]
        joint = sign if abs(strongest) < 1e-9 else (1 if strongest > 0 else -1)
        signed.append((candidate, half_life, joint))
    return signed


def _regression_penalty(plain: Design, labels, train, options) -> tuple[float, np.ndarray]:
    """The unconstrained regression's penalty, by the same cross-validation."""
    tuning = _tuning(labels, train)
    fold = learn_fit.stratified_folds(labels[tuning], TUNING_FOLDS)
    return learn_fit.cross_validate(plain.matrix[tuning], labels[tuning], fold)


def _regression_scores(plain: Design, labels, train, held, options) -> np.ndarray:
    """The unconstrained regression on every candidate feature (no decay, no sign, no
    selection), fitted on `train`, scoring the `held` leads."""
    penalty, _ = _regression_penalty(plain, labels, train, options)
    weights = learn_fit.fit_logistic(plain.matrix[train], labels[train], penalty)
    return learn_fit.linear_score(plain.matrix[held], weights)


def _read(options: Options) -> tuple[LearningData, dict]:
    """Build the learning models at the learning as-of date apart from published relations,
    then read the leads and the candidate features through the profile's adapter."""
    variables = {
        **options.variables,
        "scoring_as_of": options.as_of.isoformat(),
        "learning_lookback_days": options.lookback_days,
        "learning_conversion_product": options.conversion_product,
        "lead_scoring_schema_suffix": "_learning",
    }
    if options.horizon_days is not None:
        variables["conversion_horizon_days"] = options.horizon_days
    project = warehouse.DbtProject(
        options.project_dir, options.profiles_dir, options.target, variables, options.env
    )
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


def _tuning(labels: np.ndarray, training: np.ndarray) -> np.ndarray:
    """The training leads hyperparameters are chosen on: all of them up to TUNING_MAX_LEADS,
    else an even, stratified subset of them (the final fits use every training lead)."""
    tuning = training.copy()
    if training.sum() > TUNING_MAX_LEADS:
        keep = TUNING_MAX_LEADS / training.sum()
        for label in (0, 1):
            members = np.flatnonzero(training & (labels == label))
            tuning[members] = (np.arange(len(members)) * keep) % 1 >= 1 - keep - 1e-9
    return tuning


def _sign_and_decay(candidate: ActivityCandidate, labels, tuning, fold) -> tuple:
    """The criterion's sign (its leads convert more or less than the others) and the decay
    half-life under which the criterion alone (tiers reached x decay factor) has the lowest
    cross-validated deviance; none unless it gains DECAY_MIN_GAIN over no decay."""
    lead_count = len(labels)
    has_events = np.zeros(lead_count, dtype=bool)
    has_events[candidate.leads] = True
    with_rate = labels[tuning & has_events].mean() if (tuning & has_events).any() else 0
    without_rate = labels[tuning & ~has_events].mean() if (tuning & ~has_events).any() else 0
    sign = 1 if with_rate >= without_rate else -1
    if candidate.opposes is not None:  # a heavy-use twin scores against its criterion
        sign = -sign
    reached = candidate.reached(lead_count)[tuning].astype(float)
    days = candidate.days(lead_count)[tuning]
    outcomes, folds = labels[tuning], fold[tuning]
    losses = {}
    for half_life in (None, *HALF_LIVES):
        feature = reached if half_life is None else reached * learn_features.decay(days, half_life)
        values, inverse = np.unique(feature, return_inverse=True)
        scores = np.empty(len(feature))
        for k in range(folds.max() + 1):
            train, held = folds != k, folds == k
            leads = np.bincount(inverse[train], minlength=len(values)).astype(float)
            positives = np.bincount(
                inverse[train], weights=outcomes[train].astype(float), minlength=len(values)
            )
            slope, intercept = learn_fit.fit_one_feature(
                values, leads, positives, sign, SCREENING_PENALTY
            )
            scores[held] = slope * feature[held] + intercept
        losses[half_life] = learn_fit.deviance(outcomes, scores)
    best = min(HALF_LIVES, key=lambda h: (losses[h], h))
    return (best if losses[best] < losses[None] - DECAY_MIN_GAIN else None), sign


def _design(lead_count: int, activity, fit: list[FitCandidate]) -> Design:
    rows, cols, values, criteria, bounds = [], [], [], [], []
    column = 0
    for candidate, half_life, sign in activity:
        factor = (
            np.ones(len(candidate.leads))
            if half_life is None
            else learn_features.decay(candidate.days_since_last, half_life)
        )
        for tier in candidate.tiers:
            reached = candidate.counts >= tier
            rows.append(candidate.leads[reached])
            cols.append(np.full(int(reached.sum()), column))
            values.append(factor[reached])
            criteria.append(candidate.criterion)
            bounds.append((0.0, None) if sign > 0 else (None, 0.0) if sign < 0 else (None, None))
            column += 1
    for candidate in fit:
        nonzero = np.flatnonzero(candidate.matches)
        rows.append(nonzero)
        cols.append(np.full(len(nonzero), column))
        values.append(np.ones(len(nonzero)))
        criteria.append(candidate.criterion)
        bounds.append((None, None))
        column += 1
    matrix = sparse.csr_matrix(
        (
            np.concatenate(values) if values else np.zeros(0),
            (
                np.concatenate(rows) if rows else np.zeros(0, dtype=int),
                np.concatenate(cols) if cols else np.zeros(0, dtype=int),
            ),
        ),
        shape=(lead_count, column),
    )
    return Design(matrix, list(activity), list(fit), criteria, bounds)


def _top_criteria(design: Design, weights: np.ndarray, leads, max_criteria: int) -> set[str]:
    """The criteria whose points spread the most over the leads (the standard deviation of
    their contribution to the score), at most max_criteria of them."""
    criteria = np.array(design.criterion_of_column)
    matrix = design.matrix[leads].tocsc()  # column slices
    spread = {}
    for criterion in sorted(set(design.criterion_of_column)):
        columns = np.flatnonzero(criteria == criterion)
        spread[criterion] = float(np.std(matrix[:, columns] @ weights[columns]))
    ranked = sorted((-value, name) for name, value in spread.items() if value > 1e-6)
    return {name for _, name in ranked[:max_criteria]}


def _grid(design: Design, weights: np.ndarray) -> Grid:
    """Weights -> integer points: an activity criterion's tier is worth the sum of the
    increments up to it (one sign, so never falling), a fit rule its own weight."""
    activity, fit, column = [], [], 0
    for candidate, half_life, _ in design.activity:
        increments = weights[column : column + len(candidate.tiers)]
        column += len(candidate.tiers)
        points = [round(float(value) * POINTS_PER_LOGIT) for value in np.cumsum(increments)]
        if any(points):
            activity.append((candidate, half_life, points))
    for candidate in design.fit:
        points = round(float(weights[column]) * POINTS_PER_LOGIT)
        column += 1
        if points:
            fit.append((candidate, points))
    return Grid(activity, fit)


def _points(grid: Grid, lead_count: int) -> tuple[np.ndarray, np.ndarray]:
    """Fit and activity points of every lead under the grid, as the SQL scores them: the
    highest tier reached, capped at the top tier, decayed and truncated toward zero; the
    best matching rule per fit criterion."""
    activity = np.zeros(lead_count)
    for candidate, half_life, points in grid.activity:
        reached = candidate.reached(lead_count)
        values = np.concatenate([[0], points])[reached].astype(float)
        if half_life is not None:
            values = np.trunc(values * learn_features.decay(candidate.days(lead_count), half_life))
        activity += values
    best: dict[str, np.ndarray] = {}
    for candidate, points in grid.fit:
        current = best.setdefault(candidate.criterion, np.full(lead_count, -np.inf))
        np.maximum(current, np.where(candidate.matches, points, -np.inf), out=current)
    fit = np.zeros(lead_count)
    for values in best.values():
        fit += np.where(np.isinf(values), 0, values)
    return fit, activity


def _bands(points: np.ndarray, shares: tuple[float, float, float]) -> list[int | None]:
    """Minimum points of the top three grades, so that about `shares` of leads (best grade
    first, cumulative) reach them, strictly decreasing; the lowest grade has none."""
    thresholds, previous = [], None
    for share in np.cumsum(shares):
        value = int(np.ceil(np.quantile(points, 1 - share)))
        if previous is not None and value >= previous:
            value = previous - 1
        thresholds.append(value)
        previous = value
    return [*thresholds, None]


def _grade(points: np.ndarray, thresholds: list[int | None], grades: tuple[str, ...]) -> np.ndarray:
    graded = np.full(points.shape, grades[-1], dtype=object)
    for grade, minimum in reversed(list(zip(grades[:-1], thresholds[:-1], strict=True))):
        graded = np.where(points >= minimum, grade, graded)
    return graded


def _zones(method, grid: Grid, fit_points, activity_points, labels, fitted_on, options):
    """Grade bands and the zones of `method` set on the `fitted_on` leads, and every lead's
    grades and hot flag; None for a matrix when a dimension is empty (one-dimension models
    need total thresholds)."""
    has_fit, has_activity = bool(grid.fit), bool(grid.activity)
    fit_bands = _bands(fit_points[fitted_on], FIT_BAND_SHARES) if has_fit else None
    activity_bands = (
        _bands(activity_points[fitted_on], ACTIVITY_BAND_SHARES) if has_activity else None
    )
    fit_grades = _grade(fit_points, fit_bands, FIT_GRADES) if has_fit else None
    activity_grades = (
        _grade(activity_points, activity_bands, ACTIVITY_GRADES) if has_activity else None
    )
    zones = {"fit_bands": fit_bands, "activity_bands": activity_bands}
    zones.update(fit_grades=fit_grades, activity_grades=activity_grades)
    if method == "matrix":
        if not (has_fit and has_activity):
            return None
        matrix = _zone_matrix(
            fit_grades[fitted_on],
            activity_grades[fitted_on],
            labels[fitted_on],
            options.target_hot_share,
        )
        zones["matrix"] = matrix
        zones["is_hot"] = np.array(
            [matrix[(f, a)] == "hot" for f, a in zip(fit_grades, activity_grades, strict=True)]
        )
    else:
        total = fit_points + activity_points
        hot = _threshold(total[fitted_on], options.target_hot_share)
        warm = _threshold(total[fitted_on], 2 * options.target_hot_share + 0.1)
        zones["thresholds"] = {"hot": hot, "warm": warm if warm < hot else None}
        zones["is_hot"] = total >= hot
    return zones


def _threshold(total: np.ndarray, share: float) -> int:
    """The lowest whole total reached by at most `share` of the leads (ties decide: a
    total held by many leads is either all in or all out)."""
    values, counts = np.unique(total, return_counts=True)
    reaching = np.cumsum(counts[::-1])[::-1] / len(total)  # share at or above each value
    allowed = values[reaching <= share]
    return int(allowed.min()) if len(allowed) else int(values.max()) + 1


def _zone_matrix(fit_grades, activity_grades, labels, target_hot_share: float) -> dict:
    """Cells ranked by (smoothed) conversion rate: hot while the leads they hold stay within
    the target share, warm for about as many leads again, cold for the rest."""
    overall = labels.mean()
    cells = []
    for fit_grade in FIT_GRADES:
        for activity_grade in ACTIVITY_GRADES:
            in_cell = (fit_grades == fit_grade) & (activity_grades == activity_grade)
            leads, conversions = int(in_cell.sum()), float(labels[in_cell].sum())
            rate = (conversions + 10 * overall) / (leads + 10)
            cells.append((-rate, fit_grade, activity_grade, leads))
    zones, cumulative = {}, 0
    total = len(labels)
    for _, fit_grade, activity_grade, leads in sorted(cells):
        share = (cumulative + leads) / total
        if share <= target_hot_share or cumulative == 0:
            zone = "hot"
        elif share <= 2 * target_hot_share + 0.1:
            zone = "warm"
        else:
            zone = "cold"
        cumulative += leads
        zones[(fit_grade, activity_grade)] = zone
    return zones


def _hot_shares(is_hot: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Share of leads in hot, and share of conversions they hold."""
    return float(is_hot.mean()), float(is_hot[labels == 1].mean())


def _choose_zone_method(comparison: dict, target_hot_share: float) -> str:
    """The method catching the larger share of held-out conversions among those whose hot
    zone holds at most the target share (plus a little slack); the matrix on a tie."""
    allowed = {
        method: shares
        for method, shares in comparison.items()
        if shares[0] <= target_hot_share + ZONE_SHARE_SLACK
    }
    if not allowed:  # neither fits: the smaller hot zone
        return min(comparison, key=lambda method: (comparison[method][0], method))
    return max(sorted(allowed), key=lambda method: (allowed[method][1], method == "matrix"))


def _cell_rates(cells: np.ndarray, labels: np.ndarray, min_cell_leads: int) -> list[float]:
    """Conversion rates of the grade cells holding at least min_cell_leads leads."""
    rates = []
    for cell in sorted(set(cells) - {""}):
        in_cell = cells == cell
        if in_cell.sum() >= min_cell_leads:
            rates.append(float(labels[in_cell].mean()))
    return rates


def _seed_rows(options: Options, grid: Grid, zones: dict) -> dict:
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
        for zone in ("hot", "warm"):
            if zones["thresholds"][zone] is not None:
                zone_thresholds.append(
                    {
                        "scoring_model": model,
                        "zone": zone,
                        "min_total_points": zones["thresholds"][zone],
                    }
                )
        zone_thresholds.append({"scoring_model": model, "zone": "cold", "min_total_points": ""})
    scoring_models = [
        {
            "scoring_model": model,
            "label": f"Learned from conversions after {options.as_of}",
            "zone_method": "matrix" if "matrix" in zones else "total",
            "conversion_product": options.conversion_product or "",
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
    }


def write(options: Options, learned: LearnedGrid) -> list[Path]:
    """Replace the rows of the learned model in every grid seed (other models' rows stay as
    they are, in their order; the model's rows follow them) and write the note."""
    written = []
    for key, file_name in GRID_FILES.items():
        path = options.seeds_dir / file_name
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

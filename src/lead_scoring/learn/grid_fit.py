"""The learner on some leads, in the grid's own form: a sign and a decay half-life per activity
criterion, a penalty by cross-validation, the criteria that matter most and their constrained
fit, rounded to integer points; and the unconstrained regression it is measured against."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from scipy import sparse

from lead_scoring.learn import features as learn_features
from lead_scoring.learn import fit as learn_fit
from lead_scoring.learn.features import (
    ActivityCandidate,
    FitCandidate,
    LearnError,
    LearningData,
)

if TYPE_CHECKING:  # run.py calls this module: its types only for the checker
    from lead_scoring.learn.run import Options

POINTS_PER_LOGIT = 100  # points are the model's weights in hundredths of a logit

HALF_LIVES = (7, 14, 30, 60)  # decay half-lives tried per activity criterion, in days

# a half-life is kept only when it lowers the criterion's cross-validated deviance by more
# than this (twice the one log-likelihood unit an extra parameter costs, as AIC counts)
DECAY_MIN_GAIN = 2.0

# hyperparameters (penalty, decay) are chosen by this many folds of at most this many of
# the leads a fit learns from (the penalty is per lead, so it carries over to all of them)
TUNING_FOLDS = 5
TUNING_MAX_LEADS = 20_000

# per lead: the fit that reads the signs, and the one-criterion fits that choose decay
SCREENING_PENALTY = 1e-3


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


def fit_grid(data: LearningData, train: np.ndarray, options: Options) -> Fitted:
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
    everything = design_matrix(lead_count, activity, data.fit)
    penalty, _ = learn_fit.cross_validate(
        everything.matrix[tuning], labels[tuning], fold[tuning], everything.bounds
    )
    everything_weights = learn_fit.fit_logistic(
        everything.matrix[train], labels[train], penalty, everything.bounds
    )
    kept = _top_criteria(everything, everything_weights, train, options.max_criteria)
    selected = design_matrix(
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
        everything, everything_weights, selected, weights, penalty, integer_grid(selected, weights)
    )


def _joint_signs(activity, fit: list[FitCandidate], labels, tuning) -> list:
    """Each activity criterion's sign as the other criteria leave it: from one unconstrained
    fit of every candidate (a subject group whose events say less than its event type's
    would otherwise be forced to 0 by the sign its own leads show)."""
    free = design_matrix(len(labels), [(c, h, 0) for c, h, _ in activity], fit)
    weights = learn_fit.fit_logistic(free.matrix[tuning], labels[tuning], SCREENING_PENALTY)
    signed, column = [], 0
    for candidate, half_life, sign in activity:
        cumulative = np.cumsum(weights[column : column + len(candidate.tiers)])
        column += len(candidate.tiers)
        strongest = cumulative[np.argmax(np.abs(cumulative))]
        joint = sign if abs(strongest) < 1e-9 else (1 if strongest > 0 else -1)
        signed.append((candidate, half_life, joint))
    return signed


def regression_penalty(plain: Design, labels, train, options) -> tuple[float, np.ndarray]:
    """The unconstrained regression's penalty, by the same cross-validation."""
    tuning = _tuning(labels, train)
    fold = learn_fit.stratified_folds(labels[tuning], TUNING_FOLDS)
    return learn_fit.cross_validate(plain.matrix[tuning], labels[tuning], fold)


def regression_scores(plain: Design, labels, train, held, options) -> np.ndarray:
    """The unconstrained regression on every candidate feature (no decay, no sign, no
    selection), fitted on `train`, scoring the `held` leads."""
    penalty, _ = regression_penalty(plain, labels, train, options)
    weights = learn_fit.fit_logistic(plain.matrix[train], labels[train], penalty)
    return learn_fit.linear_score(plain.matrix[held], weights)


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


def design_matrix(lead_count: int, activity, fit: list[FitCandidate]) -> Design:
    """The sparse design matrix of the candidates: per activity criterion (candidate,
    half-life, sign) one column per tier (the decay factor where it decays, bounded to the
    criterion's sign), per fit rule one 0/1 column."""
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


def integer_grid(design: Design, weights: np.ndarray) -> Grid:
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


def grid_points(grid: Grid, lead_count: int) -> tuple[np.ndarray, np.ndarray]:
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

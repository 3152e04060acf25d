"""Fitting for `lead-scoring learn`: an L2-regularised logistic regression whose weights may
be bounded (the grid's sign and monotone-tier constraints are bounds on tier increments),
fitted by L-BFGS-B; folds, cross-validation and AUC with a bootstrap interval."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.metrics import roc_auc_score

# L2 penalties per lead tried by cross-validation: the fit minimises the summed log-loss
# plus penalty * leads * |w|^2 / 2 (scikit-learn's C is 1 / (penalty * leads)), so a penalty
# chosen on a sample of leads carries over to all of them
PENALTY_GRID = (1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1)
BOOTSTRAP_ROUNDS = 200


def fit_logistic(
    matrix: sparse.csr_matrix,
    labels: np.ndarray,
    penalty: float,
    bounds: list[tuple[float | None, float | None]] | None = None,
    start: np.ndarray | None = None,
    sample_weight: np.ndarray | None = None,
) -> np.ndarray:
    """Weights (one per column, then the intercept) minimising the summed log-loss (each
    row counted `sample_weight` times) plus penalty * leads * |w|^2 / 2, each weight within
    its bounds (the intercept is free)."""
    columns = matrix.shape[1]
    y = labels.astype(float)
    counted = np.ones(len(y)) if sample_weight is None else sample_weight.astype(float)
    penalty = penalty * counted.sum()
    transposed = matrix.T.tocsr()

    def objective(weights: np.ndarray) -> tuple[float, np.ndarray]:
        coefficients, intercept = weights[:-1], weights[-1]
        z = matrix @ coefficients + intercept
        loss = float(counted @ (np.logaddexp(0.0, z) - y * z))
        residual = counted * (expit(z) - y)
        gradient = np.empty(columns + 1)
        gradient[:-1] = transposed @ residual + penalty * coefficients
        gradient[-1] = residual.sum()
        return loss + 0.5 * penalty * float(coefficients @ coefficients), gradient

    if start is None:
        rate = np.clip(counted @ y / counted.sum(), 1e-6, 1 - 1e-6)
        start = np.append(np.zeros(columns), np.log(rate / (1 - rate)))
    every_bound = (bounds or [(None, None)] * columns) + [(None, None)]
    start = np.array(
        [
            np.clip(w, -np.inf if lo is None else lo, np.inf if hi is None else hi)
            for w, (lo, hi) in zip(start, every_bound, strict=True)
        ]
    )
    result = minimize(
        objective,
        start,
        jac=True,
        method="L-BFGS-B",
        bounds=every_bound,
        options={"maxiter": 1000, "ftol": 1e-9, "gtol": 1e-5},
    )
    return result.x


def linear_score(matrix: sparse.csr_matrix, weights: np.ndarray) -> np.ndarray:
    return matrix @ weights[:-1] + weights[-1]


def deviance(labels: np.ndarray, score: np.ndarray) -> float:
    return float(2 * np.sum(np.logaddexp(0.0, score) - labels * score))


def stratified_folds(labels: np.ndarray, folds: int) -> np.ndarray:
    """Fold number of every lead: positives and negatives dealt round-robin in the leads'
    order (ordered by lead_key, a hash: the deal is random but the same on every engine)."""
    fold = np.empty(len(labels), dtype=int)
    for label in (0, 1):
        members = np.flatnonzero(labels == label)
        fold[members] = np.arange(len(members)) % folds
    return fold


def cross_validate(
    matrix: sparse.csr_matrix,
    labels: np.ndarray,
    fold: np.ndarray,
    bounds=None,
    grid=PENALTY_GRID,
) -> tuple[float, np.ndarray]:
    """The penalty with the lowest out-of-fold deviance, and the out-of-fold linear scores
    it gave (each lead scored by the fit that did not see it)."""
    best = None
    starts: dict[int, np.ndarray] = {}
    for penalty in sorted(grid, reverse=True):
        scores = np.empty(len(labels))
        for k in np.unique(fold):
            train, held = fold != k, fold == k
            weights = fit_logistic(matrix[train], labels[train], penalty, bounds, starts.get(k))
            starts[k] = weights  # warm start for the next, weaker penalty
            scores[held] = linear_score(matrix[held], weights)
        loss = deviance(labels, scores)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, penalty, scores)
    return best[1], best[2]


def auc(labels: np.ndarray, score: np.ndarray) -> float:
    return float(roc_auc_score(labels, score))


def bootstrap_auc(labels: np.ndarray, scores: list[np.ndarray], seed: int = 0):
    """A 95 % percentile interval of the AUC of each score over the same bootstrap samples
    of leads (so that two scores' intervals are comparable). Each sample weighs every lead
    by a Poisson(1) count, so a round is one weighted pass over the scores sorted once."""
    rng = np.random.default_rng(seed)
    weights = [rng.poisson(1.0, len(labels)) for _ in range(BOOTSTRAP_ROUNDS)]
    intervals = []
    for score in scores:
        groups = np.unique(score, return_inverse=True)[1]  # tied scores share a group
        draws = []
        for weight in weights:
            positives = np.bincount(groups, weights=weight * labels)
            negatives = np.bincount(groups, weights=weight * (1 - labels))
            below = np.cumsum(negatives) - negatives
            pairs = positives.sum() * negatives.sum()
            if pairs > 0:
                draws.append(float(positives @ (below + 0.5 * negatives)) / pairs)
        intervals.append((float(np.percentile(draws, 2.5)), float(np.percentile(draws, 97.5))))
    return intervals


def fit_one_feature(
    values: np.ndarray, leads: np.ndarray, positives: np.ndarray, sign: int, penalty: float
) -> tuple[float, float]:
    """Slope and intercept of a logistic regression on one feature given as its distinct
    `values` with the leads and the positives at each, the slope L2-penalised (`penalty`
    per lead: a feature only converting leads have stays finite) and kept to `sign` (0 when
    the data point the other way); Newton steps, exact and fast on a few hundred values."""
    rate = np.clip(positives.sum() / leads.sum(), 1e-6, 1 - 1e-6)
    base = float(np.log(rate / (1 - rate)))
    slope, intercept = 0.0, base
    ridge = penalty * float(leads.sum())

    def objective(a: float, b: float) -> float:
        z = a * values + b
        return float(leads @ np.logaddexp(0.0, z) - positives @ z) + 0.5 * ridge * a * a

    current = objective(slope, intercept)
    for _ in range(100):
        p = expit(slope * values + intercept)
        residual = positives - leads * p
        weight = leads * p * (1 - p)
        # the 2 x 2 Newton system, solved by hand
        g_slope = float(residual @ values) - ridge * slope
        g_intercept = float(residual.sum())
        h_ss = float(weight @ (values * values)) + ridge + 1e-9
        h_si = float(weight @ values)
        h_ii = float(weight.sum()) + 1e-9
        determinant = h_ss * h_ii - h_si * h_si
        if determinant <= 0:
            break
        step_slope = (h_ii * g_slope - h_si * g_intercept) / determinant
        step_intercept = (h_ss * g_intercept - h_si * g_slope) / determinant
        # halve the step until the objective falls (a full Newton step can overshoot)
        for _ in range(40):
            candidate = objective(slope + step_slope, intercept + step_intercept)
            if candidate <= current:
                break
            step_slope, step_intercept = step_slope / 2, step_intercept / 2
        else:
            break
        slope, intercept, current = slope + step_slope, intercept + step_intercept, candidate
        if max(abs(step_slope), abs(step_intercept)) < 1e-8:
            break
    if sign * slope < 0:  # the bound binds: the best fit with the slope at 0
        return 0.0, base
    return float(slope), float(intercept)

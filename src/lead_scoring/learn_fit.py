"""Fitting for `lead-scoring learn`: an L2-regularised logistic regression whose weights may
be bounded (the grid's sign and monotone-tier constraints are bounds on tier increments),
fitted by L-BFGS-B; folds, cross-validation and AUC with a bootstrap interval."""

from __future__ import annotations

import numpy as np
from scipy import sparse
from scipy.optimize import minimize
from scipy.special import expit
from sklearn.metrics import roc_auc_score

# inverse L2 strengths tried by cross-validation (the penalty is |w|^2 / 2C over the summed
# log-loss, as in scikit-learn)
REGULARIZATION_GRID = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0)
BOOTSTRAP_ROUNDS = 200


def fit_logistic(
    matrix: sparse.csr_matrix,
    labels: np.ndarray,
    regularization: float,
    bounds: list[tuple[float | None, float | None]] | None = None,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Weights (one per column, then the intercept) minimising the summed log-loss plus
    |w|^2 / (2 * regularization), each weight within its bounds (the intercept is free)."""
    columns = matrix.shape[1]
    penalty = 1.0 / regularization
    y = labels.astype(float)
    transposed = matrix.T.tocsr()

    def objective(weights: np.ndarray) -> tuple[float, np.ndarray]:
        coefficients, intercept = weights[:-1], weights[-1]
        z = matrix @ coefficients + intercept
        loss = float(np.sum(np.logaddexp(0.0, z) - y * z))
        residual = expit(z) - y
        gradient = np.empty(columns + 1)
        gradient[:-1] = transposed @ residual + penalty * coefficients
        gradient[-1] = residual.sum()
        return loss + 0.5 * penalty * float(coefficients @ coefficients), gradient

    if start is None:
        rate = np.clip(y.mean(), 1e-6, 1 - 1e-6)
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
        options={"maxiter": 2000, "ftol": 1e-10, "gtol": 1e-7},
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
    grid=REGULARIZATION_GRID,
) -> tuple[float, np.ndarray]:
    """The regularisation with the lowest out-of-fold deviance, and the out-of-fold linear
    scores it gave (each lead scored by the fit that did not see it)."""
    best = None
    starts: dict[int, np.ndarray] = {}
    for regularization in grid:
        scores = np.empty(len(labels))
        for k in np.unique(fold):
            train, held = fold != k, fold == k
            weights = fit_logistic(
                matrix[train], labels[train], regularization, bounds, starts.get(k)
            )
            starts[k] = weights  # warm start for the next, weaker penalty
            scores[held] = linear_score(matrix[held], weights)
        loss = deviance(labels, scores)
        if best is None or loss < best[0] - 1e-9:
            best = (loss, regularization, scores)
    return best[1], best[2]


def auc(labels: np.ndarray, score: np.ndarray) -> float:
    return float(roc_auc_score(labels, score))


def bootstrap_auc(labels: np.ndarray, scores: list[np.ndarray], seed: int = 0):
    """A 95 % percentile interval of the AUC of each score over the same bootstrap samples
    of leads (so that two scores' intervals are comparable)."""
    rng = np.random.default_rng(seed)
    draws: list[list[float]] = [[] for _ in scores]
    for _ in range(BOOTSTRAP_ROUNDS):
        sample = rng.integers(0, len(labels), len(labels))
        sampled = labels[sample]
        if sampled.min() == sampled.max():
            continue
        for draw, score in zip(draws, scores, strict=True):
            draw.append(roc_auc_score(sampled, score[sample]))
    return [(float(np.percentile(draw, 2.5)), float(np.percentile(draw, 97.5))) for draw in draws]

"""Grades and zones of a learned grid: grade bands at shares of the leads, and either total
thresholds or a 4x4 matrix for the zones, whichever catches more held-out conversions."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from lead_scoring.grid import ACTIVITY_GRADES, COLD, FIT_GRADES, HOT, WARM
from lead_scoring.learn.grid_fit import Grid

if TYPE_CHECKING:  # run.py calls this module: its types only for the checker
    from lead_scoring.learn.run import Options

FIT_BAND_SHARES = (0.15, 0.25, 0.30)
ACTIVITY_BAND_SHARES = (0.15, 0.20, 0.25)
ZONE_SHARE_SLACK = 0.05  # a zone method may put this much more than the target in hot


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


def grades_and_zones(
    method, grid: Grid, fit_points, activity_points, labels, fitted_on, options: Options
):
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
            [matrix[(f, a)] == HOT for f, a in zip(fit_grades, activity_grades, strict=True)]
        )
    else:
        total = fit_points + activity_points
        hot = _threshold(total[fitted_on], options.target_hot_share)
        warm = _threshold(total[fitted_on], 2 * options.target_hot_share + 0.1)
        zones["thresholds"] = {HOT: hot, WARM: warm if warm < hot else None}
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
            zone = HOT
        elif share <= 2 * target_hot_share + 0.1:
            zone = WARM
        else:
            zone = COLD
        cumulative += leads
        zones[(fit_grade, activity_grade)] = zone
    return zones


def hot_shares(is_hot: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Share of leads in hot, and share of conversions they hold."""
    return float(is_hot.mean()), float(is_hot[labels == 1].mean())


def choose_zone_method(comparison: dict, target_hot_share: float) -> str:
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


def cell_rates(cells: np.ndarray, labels: np.ndarray, min_cell_leads: int) -> list[float]:
    """Conversion rates of the grade cells holding at least min_cell_leads leads."""
    rates = []
    for cell in sorted(set(cells) - {""}):
        in_cell = cells == cell
        if in_cell.sum() >= min_cell_leads:
            rates.append(float(labels[in_cell].mean()))
    return rates

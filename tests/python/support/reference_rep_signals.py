"""The independent Python reference of score velocity and conversion probability (SPEC
section 8), written from the SPEC on top of reference_scoring.score_all, never from the SQL.

Velocity: the activity points now minus those the same grid gives with the activity scored
as of 7 (30) days earlier. Calibration: the leads scored as of A - H (contacts created by
then, customers then in the model's conversion scope left out), positive when they
converted in (A - H, A]; per grade cell (conversions + m * p) / (leads + m); the Brier score
on the window and on the leads scored at A against the H days after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from support.reference_scoring import (
    ACTIVITY_ORDER,
    FIT_ORDER,
    Grid,
    as_datetime,
    key,
    latest_contacts,
    number,
    score_all,
    scoring_models,
    text,
)

VELOCITY_DAYS = (7, 30)


def velocity(
    tables: dict[str, list[dict]], grid: Grid, as_of: dt.date
) -> dict[tuple[str, str], tuple[int, int, bool]]:
    """(points_7d, points_30d, is_surging) per (contact_id, scoring_model)."""
    now = _scores(tables, grid, as_of)
    earlier = {
        days: _scores(tables, grid, as_of, as_of - dt.timedelta(days=days))
        for days in VELOCITY_DAYS
    }
    surge = {row["scoring_model"]: number(row.get("surge_points")) for row in grid.scoring_models}
    result = {}
    for scored, score in now.items():
        points_7d, points_30d = (
            score.activity_points - earlier[days][scored].activity_points for days in VELOCITY_DAYS
        )
        threshold = surge.get(scored[1])
        result[scored] = (points_7d, points_30d, threshold is not None and points_7d >= threshold)
    return result


@dataclass
class Calibration:
    """Per (scoring_model, grade): window leads, conversions, probability (None when the
    model's window is empty); per model: the Brier scores; per lead: its probability."""

    cells: dict[tuple[str, str], tuple[int, int, float | None]]
    brier: dict[str, float | None]
    backtest_brier: dict[str, float | None]
    lead_probability: dict[tuple[str, str], float | None]


def calibration(
    tables: dict[str, list[dict]],
    grid: Grid,
    as_of: dt.date,
    horizon_days: int = 90,
    prior_leads: int = 20,
) -> Calibration:
    start = as_of - dt.timedelta(days=horizon_days)
    now = _scores(tables, grid, as_of)
    then = _scores(tables, grid, as_of, start, audience_as_of=start)
    contacts = latest_contacts(tables["contacts"])
    scope = {
        row["scoring_model"]: text(row.get("conversion_product")) for row in grid.scoring_models
    }

    def conversion_dates(contact_id: str, model: str) -> list[dt.date]:
        return [
            as_datetime(row["converted_at"]).date()
            for row in tables.get("conversions", [])
            if key(row.get("contact_id")) == contact_id
            and as_datetime(row.get("converted_at")) is not None
            and (scope.get(model) is None or text(row.get("product")) == scope[model])
        ]

    def outcome(contact_id: str, model: str, date: dt.date) -> bool | None:
        """None for a customer on ``date``; else whether it converts within H days after."""
        dates = conversion_dates(contact_id, model)
        if any(day <= date for day in dates):
            return None
        return any(date < day <= date + dt.timedelta(days=horizon_days) for day in dates)

    window = {}
    for (contact_id, model), score in then.items():
        created = as_datetime(contacts[contact_id].get("created_at"))
        if created is not None and created.date() > start:
            continue
        positive = outcome(contact_id, model, start)
        if positive is not None:
            window[(contact_id, model)] = (score.grade, positive)

    cells = {}
    brier, backtest_brier, lead_probability = {}, {}, {}
    for model in scoring_models(grid):
        name = model.name
        leads = [(grade, positive) for (_, m), (grade, positive) in window.items() if m == name]
        rate = sum(positive for _, positive in leads) / len(leads) if leads else None
        grades = set(_grid_cells(grid, model)) | {grade for grade, _ in leads}
        grades |= {score.grade for (_, m), score in now.items() if m == name}
        probability = {}
        for grade in grades:
            in_cell = [positive for g, positive in leads if g == grade]
            conversions = sum(in_cell)
            probability[grade] = (
                None
                if rate is None or len(in_cell) + prior_leads == 0
                else (conversions + prior_leads * rate) / (len(in_cell) + prior_leads)
            )
            cells[(name, grade)] = (len(in_cell), conversions, probability[grade])
        brier[name] = (
            sum((probability[grade] - positive) ** 2 for grade, positive in leads) / len(leads)
            if leads
            else None
        )
        scored_now = [
            (contact_id, score.grade, outcome(contact_id, name, as_of))
            for (contact_id, m), score in now.items()
            if m == name
        ]
        for contact_id, grade, _ in scored_now:
            lead_probability[(contact_id, name)] = probability[grade]
        followed = [(grade, positive) for _, grade, positive in scored_now if positive is not None]
        has_future = any(
            day > as_of
            for contact_id, _, positive in scored_now
            if positive is not None
            for day in conversion_dates(contact_id, name)
        )
        backtest_brier[name] = (
            sum((probability[grade] - positive) ** 2 for grade, positive in followed)
            / len(followed)
            if has_future and followed and rate is not None
            else None
        )
    return Calibration(cells, brier, backtest_brier, lead_probability)


def _scores(
    tables: dict[str, list[dict]],
    grid: Grid,
    as_of: dt.date,
    activity_as_of=None,
    audience_as_of=None,
):
    return score_all(
        tables["contacts"],
        tables["accounts"],
        tables["events"],
        grid,
        as_of,
        contact_attributes=tables.get("contact_attributes", ()),
        conversions=tables.get("conversions", ()),
        activity_as_of=activity_as_of,
        audience_as_of=audience_as_of,
    )


def _grid_cells(grid: Grid, model) -> Iterable[str]:
    """Every grade cell the model's bands give: fit letter x activity digit, or the one
    dimension's grades."""
    bands = [band for band in grid.grade_bands if band["scoring_model"] == model.name]
    fit = [g for g in FIT_ORDER if any(b["dimension"] == "fit" and b["grade"] == g for b in bands)]
    activity = [
        g
        for g in ACTIVITY_ORDER
        if any(b["dimension"] == "activity" and b["grade"] == g for b in bands)
    ]
    fit = fit if model.has_fit_grade else [""]
    activity = activity if model.has_activity_grade else [""]
    return [f + a for f in fit for a in activity]

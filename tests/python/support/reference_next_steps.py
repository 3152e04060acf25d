"""An independent reference of the next step to the next zone (contract section 8), in plain
Python, written from the contract's words and read on top of reference_scoring.py's scores.

For each scored lead that is not hot and each activity criterion whose points can still rise
(positive points, not at its cap): the smallest k >= 1 of further matching events, dated on
the as-of date (decay factor 1), that lifts the criterion to a tier with more points; the
points that adds (undecayed points after minus the points now), the zone with only that
change, whether it is hotter, and the step's rank per lead.
"""

from __future__ import annotations

from dataclasses import dataclass

from support.reference_scoring import (
    Grid,
    Score,
    capped,
    grades_and_zone,
    scoring_models,
    tier_points,
)

ZONE_ORDER = ["hot", "warm", "cold"]  # hottest first


@dataclass(frozen=True)
class Step:
    criterion: str
    label: str
    events_needed: int
    points_gained: int
    zone_after: str
    reaches_next_zone: bool
    step_rank: int


def next_tier(criterion: dict, count: int, points_now: int) -> tuple[int, int] | None:
    """(k, points gained) of the fewest further events that give the criterion more capped
    points than it has with ``count`` events, or None: no such tier, or not above 0."""
    cap = criterion.get("max_points")
    capped_now = capped(tier_points(criterion, count), cap)
    # beyond the 10+ tier no count gives more points
    for k in range(1, max(10 - count, 0) + 1):
        after = capped(tier_points(criterion, count + k), cap)
        if after > capped_now and after > 0:
            return k, after - points_now
    return None


def next_steps(
    grid: Grid, scores: dict[tuple[str, str], Score]
) -> dict[tuple[str, str], list[Step]]:
    """Each scored lead's steps in rank order, keyed by (contact_id, scoring_model); a lead
    with no step (hot, or nothing can rise) is left out."""
    models = {model.name: model for model in scoring_models(grid)}
    steps = {}
    for (contact_id, model_name), score in scores.items():
        if score.is_mql:
            continue
        model = models[model_name]
        candidates = []
        for criterion in grid.activity_criteria:
            if criterion["scoring_model"] != model_name:
                continue
            name = criterion["criterion"]
            found = next_tier(
                criterion,
                score.event_counts.get(name, 0),
                score.criterion_points.get(name, 0),
            )
            if found is None:
                continue
            k, gained = found
            _, _, zone_after = grades_and_zone(
                grid, model, score.fit_points, score.activity_points + gained
            )
            reaches = ZONE_ORDER.index(zone_after) < ZONE_ORDER.index(score.zone)
            order = (not reaches, k, -gained, criterion["display_order"], name)
            candidates.append((order, criterion, k, gained, zone_after, reaches))
        candidates.sort(key=lambda candidate: candidate[0])
        if candidates:
            steps[(contact_id, model_name)] = [
                Step(criterion["criterion"], criterion["label"], k, gained, zone, reaches, rank)
                for rank, (_, criterion, k, gained, zone, reaches) in enumerate(candidates, 1)
            ]
    return steps


def next_step_text(steps: list[Step]) -> str | None:
    """lead_scores.next_step: the rank-1 step when it reaches a hotter zone."""
    first = steps[0] if steps else None
    if first is None or not first.reaches_next_zone:
        return None
    return f"{first.events_needed} more {first.label} (+{first.points_gained}) → {first.zone_after}"

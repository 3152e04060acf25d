"""An independent reference implementation of SPEC section 2, in plain Python.

Written from the SPEC's words, not from the SQL: property tests score random grids and
random inputs with both and require the same points, grades, zones and reasons. Rows are
dicts shaped like the input tables and like the grid seeds (seeds/grid/*.csv).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

TIERS = ((10, "points_10_plus"), (5, "points_5_plus"), (2, "points_2_plus"), (1, "points_1_plus"))
FIT_ORDER = ["A", "B", "C", "D"]
ACTIVITY_ORDER = ["4", "3", "2", "1"]


@dataclass
class Grid:
    """The five grid seeds, as lists of row dicts (blank cells as None)."""

    activity_criteria: list[dict]
    match_rules: list[dict]
    fit_rules: list[dict]
    grade_bands: list[dict]
    zone_matrix: list[dict]


@dataclass
class Score:
    """One lead's score under one scoring model, as lead_scores publishes it."""

    fit_points: int
    activity_points: int
    fit_grade: str
    activity_grade: str
    zone: str
    is_mql: bool
    score_reasons: str
    criterion_points: dict[str, int] = field(default_factory=dict)


def text(value) -> str | None:
    """Compare text ignoring case and surrounding spaces; blank is missing."""
    if value is None:
        return None
    if isinstance(value, bool):
        value = "true" if value else "false"
    cleaned = str(value).strip().lower()
    return cleaned or None


def key(value) -> str | None:
    cleaned = None if value is None else str(value).strip()
    return cleaned or None


def like(pattern: str, subject: str) -> bool:
    """SQL LIKE: % is any text, _ is one character, the whole subject must match."""
    regex = "".join(
        ".*" if char == "%" else "." if char == "_" else re.escape(char) for char in pattern
    )
    return re.fullmatch(regex, subject, flags=re.DOTALL) is not None


def as_datetime(value) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def latest_contacts(contacts: list[dict]) -> dict[str, dict]:
    """One row per contact_id: the version with the latest updated_at."""
    kept: dict[str, dict] = {}
    for row in contacts:
        contact_id = key(row.get("contact_id"))
        if contact_id is None:
            continue
        current = kept.get(contact_id)
        updated = as_datetime(row.get("updated_at"))
        if current is None or (
            updated is not None and (current["_updated"] is None or updated > current["_updated"])
        ):
            kept[contact_id] = {**row, "_updated": updated}
    return kept


def attribute_values(contact: dict, account: dict | None) -> dict[str, tuple]:
    """Every attribute a fit rule may name, as (normalised text, number or None)."""
    values = {}
    for column in ["account_id", "email", "job_title", "phone", "country"]:
        values[f"contacts.{column}"] = (text(contact.get(column)), None)
    values["contacts.is_decision_maker"] = (text(contact.get("is_decision_maker")), None)
    values["contacts.lead_source"] = (text(contact.get("lead_source")), None)
    account = account or {}
    for column in ["account_name", "domain", "industry", "country"]:
        values[f"accounts.{column}"] = (text(account.get(column)), None)
    for column in ["employee_count", "annual_revenue"]:
        number = account.get(column)
        values[f"accounts.{column}"] = (text(number), None if number is None else float(number))
    return values


def fit_rule_matches(rule: dict, value: str | None, number: float | None) -> bool:
    operator = text(rule["operator"])
    raw = rule.get("value")
    items = [] if raw is None else [text(item) for item in str(raw).split("|")]
    items = [item for item in items if item]
    if value is None:
        return False
    if operator == "equals":
        return value == text(raw)
    if operator == "in":
        return value in items
    if operator == "contains_any":
        return any(item in value for item in items)
    if operator == "is_present":
        return True
    if operator == "email_domain_in":
        parts = value.split("@")
        return len(parts) > 1 and parts[1].strip() in items
    if operator == "between":
        low, high = (float(bound) for bound in str(raw).split("|"))
        return number is not None and low <= number <= high
    return False


def tier_points(criterion: dict, count: int) -> int:
    """Points of the highest tier reached, a blank tier keeping the previous one's."""
    if count == 0:
        return 0
    reached = [column for threshold, column in reversed(TIERS) if count >= threshold]
    points = 0
    for column in reached:
        if criterion.get(column) is not None:
            points = int(criterion[column])
    return points


def capped(points: int, max_points) -> int:
    if max_points is None:
        return points
    return min(points, max_points) if max_points >= 0 else max(points, max_points)


def grade_for(points: int, bands: list[dict], order: list[str]) -> str:
    """The best grade whose minimum (inclusive) the points reach; blank minimum = floor."""
    by_grade = {band["grade"]: band["min_points"] for band in bands}
    for grade in order:
        minimum = by_grade.get(grade)
        if minimum is None or points >= minimum:
            return grade
    raise AssertionError("a valid grid always grades")


def score_all(
    contacts: list[dict],
    accounts: list[dict],
    events: list[dict],
    grid: Grid,
    as_of: dt.date,
) -> dict[tuple[str, str], Score]:
    """Score every contact under every scoring model of the grid."""
    kept_contacts = latest_contacts(contacts)
    accounts_by_id = {key(row["account_id"]): row for row in accounts}
    first_delivery: dict[str, dict] = {}
    for row in events:
        event_id = key(row.get("event_id"))
        if event_id is None:
            continue
        when = as_datetime(row.get("occurred_at"))
        current = first_delivery.get(event_id)
        if current is None or (
            when is not None and (current["_when"] is None or when < current["_when"])
        ):
            first_delivery[event_id] = {**row, "_when": when}

    models = sorted(
        {row["scoring_model"] for row in grid.activity_criteria}
        | {row["scoring_model"] for row in grid.fit_rules}
        | {row["scoring_model"] for row in grid.grade_bands}
    )
    scores = {}
    for contact_id, contact in kept_contacts.items():
        account = accounts_by_id.get(key(contact.get("account_id")))
        attributes = attribute_values(contact, account)
        own_events = [
            event
            for event in first_delivery.values()
            if key(event.get("contact_id")) == contact_id
            and event["_when"] is not None
            and event["_when"].date() <= as_of
        ]
        for model in models:
            reasons = []  # (abs points, display order, text, points)
            criterion_points = {}
            activity_total = 0
            for criterion in grid.activity_criteria:
                if criterion["scoring_model"] != model:
                    continue
                rules = [
                    rule
                    for rule in grid.match_rules
                    if rule["scoring_model"] == model
                    and rule["criterion"] == criterion["criterion"]
                ]
                lookback = criterion.get("lookback_days")
                count = 0
                for event in own_events:
                    days_before = (as_of - event["_when"].date()).days
                    if lookback is not None and days_before > lookback - 1:
                        continue
                    subject = text(event.get("subject"))
                    if any(
                        text(event.get("event_type")) == text(rule["event_type"])
                        and (
                            text(rule.get("subject_pattern")) is None
                            or (
                                subject is not None and like(text(rule["subject_pattern"]), subject)
                            )
                        )
                        for rule in rules
                    ):
                        count += 1
                points = capped(tier_points(criterion, count), criterion.get("max_points"))
                activity_total += points
                if count:
                    criterion_points[criterion["criterion"]] = points
                if points:
                    counted = f" ({count})" if count > 1 else ""
                    sign = "+" if points > 0 else ""
                    label = f"{criterion['label']}{counted} {sign}{points}"
                    reasons.append((abs(points), criterion["display_order"], label, points))
            fit_total = 0
            best_rows: dict[str, dict] = {}
            for rule in grid.fit_rules:
                if rule["scoring_model"] != model:
                    continue
                value, number = attributes.get(text(rule["attribute"]), (None, None))
                if not fit_rule_matches(rule, value, number):
                    continue
                best = best_rows.get(rule["criterion"])
                if best is None or (rule["points"], -rule["display_order"]) > (
                    best["points"],
                    -best["display_order"],
                ):
                    best_rows[rule["criterion"]] = rule
            for criterion, rule in best_rows.items():
                points = int(rule["points"])
                fit_total += points
                criterion_points[criterion] = points
                if points:
                    sign = "+" if points > 0 else ""
                    label = f"{rule['label']} {sign}{points}"
                    reasons.append((abs(points), rule["display_order"], label, points))
            bands = [band for band in grid.grade_bands if band["scoring_model"] == model]
            fit_grade = grade_for(
                fit_total, [b for b in bands if b["dimension"] == "fit"], FIT_ORDER
            )
            activity_grade = grade_for(
                activity_total, [b for b in bands if b["dimension"] == "activity"], ACTIVITY_ORDER
            )
            row = next(
                zone
                for zone in grid.zone_matrix
                if zone["scoring_model"] == model and zone["fit_grade"] == fit_grade
            )
            zone = row[f"activity_{activity_grade}"]
            reasons.sort(key=lambda reason: (-reason[0], reason[1], reason[2]))
            scores[(contact_id, model)] = Score(
                fit_points=fit_total,
                activity_points=activity_total,
                fit_grade=fit_grade,
                activity_grade=activity_grade,
                zone=zone,
                is_mql=zone == "hot",
                score_reasons="; ".join(reason[2] for reason in reasons),
                criterion_points=criterion_points,
            )
    return scores

"""An independent reference implementation of contract sections 2 and 6, and of section 8's
sequence criteria, in plain Python.

Written from the contract's words, not from the SQL: property tests score random grids and
random inputs with both and require the same points, grades, zones and reasons. Rows are
dicts shaped like the input tables and like the grid seeds (seeds/grid/*.csv).

Section 6 (the grid language, second edition) adds: scoring models listed in
grid_scoring_models, zones by total points (grid_zone_thresholds), one-dimension models,
fit rules on any contact or account column and on `attributes.<name>` (contact_attributes),
audiences (grid_model_audiences, with `lead.is_customer`) and decayed activity points.
Section 8 adds sequence criteria (grid_activity_sequences): a first and a then activity
criterion's counted events, the then-event 0 to `within_days` days after the first, earn the
sequence's points once.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

TIERS = ((10, "points_10_plus"), (5, "points_5_plus"), (2, "points_2_plus"), (1, "points_1_plus"))
FIT_ORDER = ["A", "B", "C", "D"]
ACTIVITY_ORDER = ["4", "3", "2", "1"]
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")


@dataclass
class Grid:
    """The grid seeds, as lists of row dicts (blank cells as None).

    The first five are the first edition's; a grid with no ``scoring_models`` row is read as
    the first edition read it (every model named in the criteria, rules or bands, zoned by
    the matrix)."""

    activity_criteria: list[dict]
    match_rules: list[dict]
    fit_rules: list[dict]
    grade_bands: list[dict]
    zone_matrix: list[dict]
    scoring_models: list[dict] = field(default_factory=list)
    zone_thresholds: list[dict] = field(default_factory=list)
    model_audiences: list[dict] = field(default_factory=list)
    activity_sequences: list[dict] = field(default_factory=list)


@dataclass
class Score:
    """One lead's score under one scoring model, as lead_scores publishes it.

    A grade is None when the model has no such dimension; ``criterion_points`` holds the
    (decayed) points of every activity criterion that counted events and of every fit
    criterion that matched."""

    fit_points: int
    activity_points: int
    total_points: int
    fit_grade: str | None
    activity_grade: str | None
    grade: str
    zone: str
    is_mql: bool
    score_reasons: str
    criterion_points: dict[str, int] = field(default_factory=dict)
    # events each activity criterion counted (criteria with none left out)
    event_counts: dict[str, int] = field(default_factory=dict)


def text(value) -> str | None:
    """Compare text ignoring case and surrounding spaces; blank is missing."""
    if value is None:
        return None
    if isinstance(value, bool):
        value = "true" if value else "false"
    cleaned = str(value).strip().lower()
    return cleaned or None


def number(value) -> float | None:
    """A value as `between` reads it: numbers as they are, text parsed (a non-number is
    None, and matches nothing)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return float(value)
    cleaned = str(value).strip()
    return float(cleaned) if NUMBER.fullmatch(cleaned) else None


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


def latest_attributes(contact_attributes: list[dict]) -> dict[str, dict[str, str | None]]:
    """contact_id -> attribute name -> value: per contact and name (ignoring case and
    surrounding spaces) the row with the latest updated_at wins, even when its value is
    blank (then the attribute is missing)."""
    kept: dict[tuple[str, str], tuple[dt.datetime | None, str | None]] = {}
    for row in contact_attributes:
        contact_id, name = key(row.get("contact_id")), text(row.get("attribute"))
        if contact_id is None or name is None:
            continue
        updated = as_datetime(row.get("updated_at"))
        current = kept.get((contact_id, name))
        if current is None or (
            updated is not None and (current[0] is None or updated > current[0])
        ):
            kept[(contact_id, name)] = (updated, row.get("value"))
    by_contact: dict[str, dict[str, str | None]] = {}
    for (contact_id, name), (_, value) in kept.items():
        by_contact.setdefault(contact_id, {})[name] = value
    return by_contact


def customers(conversions: list[dict], as_of: dt.date) -> set[str]:
    """Contacts with a conversion (any product) on or before the as-of date."""
    return {
        key(row.get("contact_id"))
        for row in conversions
        if key(row.get("contact_id")) is not None
        and as_datetime(row.get("converted_at")) is not None
        and as_datetime(row.get("converted_at")).date() <= as_of
    }


COUNTRY_CODES = Path(__file__).resolve().parents[3] / "seeds" / "reference" / "country_codes.csv"


@cache
def country_codes() -> dict[str, str]:
    """The seed's spellings of countries (lowercase, trimmed) and their ISO-2 codes."""
    with COUNTRY_CODES.open(newline="") as handle:
        return {text(row["country_name"]): row["country_code"] for row in csv.DictReader(handle)}


def as_country(raw):
    """A country as the inputs' staging gives it: its ISO-2 code when the seed knows the
    spelling, else the value as given."""
    key = text(raw)
    return country_codes().get(key, raw) if key is not None else raw


def attribute_value(
    attribute: str,
    contact: dict,
    account: dict | None,
    attributes: dict[str, str | None],
    is_customer: bool,
) -> tuple[str | None, float | None]:
    """The attribute a fit rule or an audience row names, as (normalised text, number):
    `contacts.<column>` and `accounts.<column>` (any column of the row), `attributes.<name>`
    (contact_attributes) and `lead.is_customer` ('true' or 'false')."""
    name = text(attribute) or ""
    table, _, column = name.partition(".")
    column = column.strip()
    if name == "lead.is_customer":
        raw = "true" if is_customer else "false"
    elif table == "contacts":
        raw = None if column.startswith("_") else contact.get(column)
    elif table == "accounts":
        raw = (account or {}).get(column)
    elif table == "attributes":
        raw = attributes.get(column)
    else:
        raw = None
    if table in ("contacts", "accounts") and column == "country":
        raw = as_country(raw)
    return text(raw), number(raw)


def fit_rule_matches(rule: dict, value: str | None, numeric: float | None) -> bool:
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
        return numeric is not None and low <= numeric <= high
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


def decayed(points: int, half_life_days, days_since_last_event: int) -> int:
    """Capped points x 0.5^(d / half-life), truncated toward zero; no half-life, no decay."""
    if half_life_days is None:
        return points
    return int(points * 0.5 ** (days_since_last_event / half_life_days))


def grade_for(points: int, bands: list[dict], order: list[str]) -> str:
    """The best grade whose minimum (inclusive) the points reach; blank minimum = floor."""
    by_grade = {band["grade"]: band["min_points"] for band in bands}
    for grade in order:
        minimum = by_grade.get(grade)
        if minimum is None or points >= minimum:
            return grade
    raise AssertionError("a valid grid always grades")


def zone_by_total(total: int, thresholds: list[dict]) -> str:
    """The zone of the highest minimum (inclusive) the total reaches; cold (blank minimum)
    catches every lower total."""
    reached = [
        (row["min_total_points"], row["zone"])
        for row in thresholds
        if row["min_total_points"] is not None and total >= row["min_total_points"]
    ]
    if reached:
        return max(reached)[1]
    return next(row["zone"] for row in thresholds if row["min_total_points"] is None)


@dataclass
class Model:
    """What scoring needs to know about one scoring model."""

    name: str
    zone_method: str
    has_fit_grade: bool
    has_activity_grade: bool


def scoring_models(grid: Grid) -> list[Model]:
    """The models of grid_scoring_models (or, for a first-edition grid, every model named),
    with the dimensions each has: a model with no fit rules and no fit bands has no fit
    grade, likewise activity."""
    if grid.scoring_models:
        listed = {row["scoring_model"]: text(row["zone_method"]) for row in grid.scoring_models}
    else:
        listed = {
            row["scoring_model"]: "matrix"
            for row in grid.activity_criteria + grid.fit_rules + grid.grade_bands
        }

    def has_grade(name: str, dimension: str, criteria: list[dict]) -> bool:
        return any(row["scoring_model"] == name for row in criteria) or any(
            band["scoring_model"] == name and band["dimension"] == dimension
            for band in grid.grade_bands
        )

    return [
        Model(
            name=name,
            zone_method=zone_method,
            has_fit_grade=has_grade(name, "fit", grid.fit_rules),
            has_activity_grade=has_grade(name, "activity", grid.activity_criteria),
        )
        for name, zone_method in sorted(listed.items())
    ]


def grades_and_zone(
    grid: Grid, model: Model, fit_total: int, activity_total: int
) -> tuple[str | None, str | None, str]:
    """(fit grade, activity grade, zone) of a lead with these points under ``model``."""
    bands = [band for band in grid.grade_bands if band["scoring_model"] == model.name]
    fit_grade = (
        grade_for(fit_total, [b for b in bands if b["dimension"] == "fit"], FIT_ORDER)
        if model.has_fit_grade
        else None
    )
    activity_grade = (
        grade_for(
            activity_total,
            [b for b in bands if b["dimension"] == "activity"],
            ACTIVITY_ORDER,
        )
        if model.has_activity_grade
        else None
    )
    if model.zone_method == "total":
        zone = zone_by_total(
            fit_total + activity_total,
            [row for row in grid.zone_thresholds if row["scoring_model"] == model.name],
        )
    else:
        row = next(
            zone
            for zone in grid.zone_matrix
            if zone["scoring_model"] == model.name and zone["fit_grade"] == fit_grade
        )
        zone = row[f"activity_{activity_grade}"]
    return fit_grade, activity_grade, zone


def first_deliveries(events: list[dict]) -> dict[str, dict]:
    """One row per event_id (a redelivered event counts once)."""
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
    return first_delivery


def event_matches(event: dict, rules: list[dict]) -> bool:
    subject = text(event.get("subject"))
    return any(
        text(event.get("event_type")) == text(rule["event_type"])
        and (
            text(rule.get("subject_pattern")) is None
            or (subject is not None and like(text(rule["subject_pattern"]), subject))
        )
        for rule in rules
    )


def score_all(
    contacts: list[dict],
    accounts: list[dict],
    events: list[dict],
    grid: Grid,
    as_of: dt.date,
    contact_attributes: Iterable[dict] = (),
    conversions: Iterable[dict] = (),
    activity_as_of: dt.date | None = None,
    audience_as_of: dt.date | None = None,
) -> dict[tuple[str, str], Score]:
    """Score every contact under every scoring model of the grid whose audience it is in;
    keys are (contact_id, scoring_model). With ``activity_as_of`` (an earlier date) the
    activity is scored as of that date instead (events up to it, windows and decay from
    it), the contacts and fit as of ``as_of`` (SPEC section 8); with ``audience_as_of`` the
    audiences test `lead.is_customer` as of that date (the calibration window's start)."""
    activity_date = activity_as_of or as_of
    kept_contacts = latest_contacts(contacts)
    accounts_by_id = {key(row["account_id"]): row for row in accounts}
    attributes_by_contact = latest_attributes(list(contact_attributes))
    customer_ids = customers(list(conversions), as_of)
    audience_customer_ids = customers(list(conversions), audience_as_of or as_of)
    first_delivery = first_deliveries(events)
    models = scoring_models(grid)

    scores = {}
    for contact_id, contact in kept_contacts.items():
        account = accounts_by_id.get(key(contact.get("account_id")))
        attributes = attributes_by_contact.get(contact_id, {})
        facts = (contact, account, attributes, contact_id in customer_ids)
        audience_facts = (contact, account, attributes, contact_id in audience_customer_ids)
        own_events = [
            event
            for event in first_delivery.values()
            if key(event.get("contact_id")) == contact_id
            and event["_when"] is not None
            and event["_when"].date() <= activity_date
        ]
        for model in models:
            audience = [row for row in grid.model_audiences if row["scoring_model"] == model.name]
            if not all(
                fit_rule_matches(row, *attribute_value(row["attribute"], *audience_facts))
                for row in audience
            ):
                continue
            reasons = []  # (-abs points, display order, text): largest first, ties in grid order
            criterion_points = {}
            event_counts = {}
            activity_total = 0
            counted_on: dict[str, list[dt.date]] = {}  # the dates each criterion counted
            for criterion in grid.activity_criteria:
                if criterion["scoring_model"] != model.name:
                    continue
                rules = [
                    rule
                    for rule in grid.match_rules
                    if rule["scoring_model"] == model.name
                    and rule["criterion"] == criterion["criterion"]
                ]
                lookback = criterion.get("lookback_days")
                counted = [
                    event["_when"].date()
                    for event in own_events
                    if (
                        lookback is None
                        or (activity_date - event["_when"].date()).days <= lookback - 1
                    )
                    and event_matches(event, rules)
                ]
                count = len(counted)
                counted_on[criterion["criterion"]] = counted
                if not count:
                    continue
                points = decayed(
                    capped(tier_points(criterion, count), criterion.get("max_points")),
                    criterion.get("decay_half_life_days"),
                    (activity_date - max(counted)).days,
                )
                activity_total += points
                criterion_points[criterion["criterion"]] = points
                event_counts[criterion["criterion"]] = count
                if points:
                    shown_count = f" ({count})" if count > 1 else ""
                    sign = "+" if points > 0 else ""
                    label = f"{criterion['label']}{shown_count} {sign}{points}"
                    reasons.append((-abs(points), criterion["display_order"], label))
            for sequence in grid.activity_sequences:
                if sequence["scoring_model"] != model.name:
                    continue
                firsts = counted_on.get(sequence["first_criterion"], [])
                thens = counted_on.get(sequence["then_criterion"], [])
                if not any(
                    0 <= (then - first).days <= sequence["within_days"]
                    for first in firsts
                    for then in thens
                ):
                    continue
                points = int(sequence["points"])
                activity_total += points
                criterion_points[sequence["criterion"]] = points
                if points:
                    sign = "+" if points > 0 else ""
                    label = f"{sequence['label']} {sign}{points}"
                    reasons.append((-abs(points), sequence["display_order"], label))
            fit_total = 0
            best_rows: dict[str, dict] = {}
            for rule in grid.fit_rules:
                if rule["scoring_model"] != model.name:
                    continue
                if not fit_rule_matches(rule, *attribute_value(rule["attribute"], *facts)):
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
                    reasons.append((-abs(points), rule["display_order"], label))
            fit_grade, activity_grade, zone = grades_and_zone(
                grid, model, fit_total, activity_total
            )
            total = fit_total + activity_total
            reasons.sort()
            scores[(contact_id, model.name)] = Score(
                fit_points=fit_total,
                activity_points=activity_total,
                total_points=total,
                fit_grade=fit_grade,
                activity_grade=activity_grade,
                grade=(fit_grade or "") + (activity_grade or ""),
                zone=zone,
                is_mql=zone == "hot",
                score_reasons="; ".join(reason[2] for reason in reasons),
                criterion_points=criterion_points,
                event_counts=event_counts,
            )
    return scores

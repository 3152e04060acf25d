"""The grid language dataset (contract section 6): one small hand-made dataset, scored as of
2026-06-30 with the shipped grid plus test models, each showing one rule: total-points zones
at their edges (`total_t`), one-dimension models (`activity_only`, `fit_only`), audiences with
`lead.is_customer` at the as-of boundary and with two rows (`customers_only`, `champions`),
decay (`fading`), a conversion product (`addon`), any contact column and long-form attributes
(`total_t`), account scores and sales feedback, sequence criteria at their edges
(`sequenced`, contract section 8); with the grid-row builders (``fit_rule``,
``criterion``, ``bands``, ``thresholds``) other tests write their own models with.

test_grid_language.py checks it by hand-computed numbers; test_engines.py builds the same
rows on every engine.
"""

from __future__ import annotations

import datetime as dt
import itertools

AS_OF = dt.date(2026, 6, 30)

_event_ids = itertools.count(1)


def days_before(days: int, time: str = "12:00:00") -> str:
    """A timestamp ``days`` calendar days before the as-of date."""
    return f"{AS_OF - dt.timedelta(days=days)} {time}"


def event(contact_id: str, event_type: str, when: str, subject: str | None = None) -> dict:
    return {
        "event_id": f"g{next(_event_ids):05d}",
        "contact_id": contact_id,
        "event_type": event_type,
        "subject": subject,
        "occurred_at": when,
    }


CONTACTS: list[dict] = []
EVENTS: list[dict] = []
ATTRIBUTES: list[dict] = []
CONVERSIONS: list[dict] = []
FEEDBACK: list[dict] = []
ACCOUNTS = [
    {
        "account_id": "acct_team",
        "account_name": "Team",
        "industry": "Software",
        "employee_count": 250,
    },
    {
        "account_id": "acct_quiet",
        "account_name": "Quiet",
        "industry": "Retail",
        "employee_count": 5,
    },
]


def lead(contact_id: str, events=(), attributes=(), account_id=None, **columns) -> None:
    """A contact with neutral contract attributes, its events and its long-form attributes
    given as (name as typed, value as typed, days before the as-of date it was set)."""
    CONTACTS.append(
        {
            "contact_id": contact_id,
            "account_id": account_id,
            "email": f"{contact_id}@corp.example",
            "job_title": "Analyst",
            "lead_source": "test",
            "updated_at": "2026-01-01 00:00:00",
            **columns,
        }
    )
    EVENTS.extend(events)
    ATTRIBUTES.extend(
        {
            "contact_id": contact_id,
            "attribute": name,
            "value": value,
            "updated_at": days_before(age, "00:00:00"),
        }
        for name, value, age in attributes
    )


def demo(contact_id: str, days: int = 1) -> dict:
    return event(contact_id, "demo_request", days_before(days))


# total_t: department marketing 40, persona champion 30, 3-10 years in role 9, team size
# 10-100 1; a demo request 60, page views 10 (1+) / 11 (2+); hot >= 100, warm >= 50.
lead("t100", [demo("t100")], account_id="acct_team", department="  Marketing ")
lead(
    "t99",
    [demo("t99")],
    attributes=[
        ("persona", "student", 30),
        ("PERSONA", "economic_buyer", 20),
        ("Persona ", " Champion ", 5),
    ],
    account_id="acct_quiet",
    years_in_role=5,
)
lead(
    "t50",
    [event("t50", "page_view", days_before(3), "/blog")],
    account_id="acct_team",
    department="marketing",
)
lead("t49", account_id="acct_team", department="Marketing", years_in_role=3)
lead("team_not_a_number", attributes=[("team_size", "about 50", 1)])
lead("team_42", attributes=[("team_size", " 42 ", 1)])
# some engines' casts read 1e1 as ten: the grid reads digits and a decimal point only
lead("team_exponent", attributes=[("team_size", "1e1", 1)])
lead("t_rejected", [demo("t_rejected", 2)], department="marketing")
FEEDBACK.extend(
    [
        {
            "contact_id": "t100",
            "feedback_at": days_before(29),
            "outcome": "rejected",
            "reason": "No budget",
        },
        {
            "contact_id": "t100",
            "feedback_at": days_before(10),
            "outcome": "Accepted ",
            "reason": None,
        },
        {
            "contact_id": "t_rejected",
            "feedback_at": days_before(20),
            "outcome": "rejected",
            "reason": " no budget ",
        },
        {
            "contact_id": "t_rejected",
            "feedback_at": "2026-07-02 09:00:00",
            "outcome": "accepted",
            "reason": None,
        },
    ]
)

# customers_only (lead.is_customer = true) and the as-of boundary of a conversion
lead("cust_on_as_of", [demo("cust_on_as_of")])
CONVERSIONS.append(
    {"contact_id": "cust_on_as_of", "converted_at": "2026-06-30 23:59:59", "product": "platform"}
)
lead("cust_after", [demo("cust_after")])
CONVERSIONS.append(
    {"contact_id": "cust_after", "converted_at": "2026-07-01 00:00:00", "product": "platform"}
)
lead("cust_addon")
CONVERSIONS.append(
    {"contact_id": "cust_addon", "converted_at": "2026-05-01 10:00:00", "product": "addon"}
)

# champions: persona champion AND department in marketing|sales; t99 has no department
lead("champ_both", attributes=[("persona", "champion", 1)], department="Sales")

# fading: a demo request worth 1000 and an unsubscribe worth -333, both halving every 10 days
lead("decay_d0", [demo("decay_d0", 0)])
lead("decay_d10", [demo("decay_d10", 10)])
lead("decay_d20", [demo("decay_d20", 20)])
lead("decay_latest", [demo("decay_latest", 30), demo("decay_latest", 10)])
lead("decay_negative", [event("decay_negative", "unsubscribe", days_before(10))])
# fading also counts email clicks: 100 (1+) / 400 (2+), capped at 400, halving every 10 days
lead("decay_clicks", [event("decay_clicks", "email_click", days_before(10))])
# total_t: a demo request (60, at its cap) and one page view (10) make 70, warm; one more
# view adds 1 (11 is the 2+ tier and the cap): no single step reaches hot
lead("t_short", [demo("t_short"), event("t_short", "page_view", days_before(2), "/blog")])


# sequenced: a seq_content event (1+ 100, 30-day window) then a seq_pricing event (1+ 50,
# 90-day window) on the same day or within 14 days after earns the sequence's 300 once
# (event types no other model matches, so no other model's score moves)
def seq_content(contact_id: str, days: int, time: str = "12:00:00") -> dict:
    return event(contact_id, "seq_content", days_before(days, time))


def seq_pricing(contact_id: str, days: int, time: str = "12:00:00") -> dict:
    return event(contact_id, "seq_pricing", days_before(days, time))


# the then-event earlier in the day than the first one: the same day still counts
lead(
    "seq_same_day",
    [seq_content("seq_same_day", 10, "15:00:00"), seq_pricing("seq_same_day", 10, "09:00:00")],
)
lead("seq_exact", [seq_content("seq_exact", 20), seq_pricing("seq_exact", 6)])  # 14 days after
lead("seq_late", [seq_content("seq_late", 21), seq_pricing("seq_late", 6)])  # 15 days after
# the first event 35 days back is outside its 30-day window: not counted, so no sequence,
# though the then-event 10 days later is inside its own
lead(
    "seq_first_outside",
    [seq_content("seq_first_outside", 35), seq_pricing("seq_first_outside", 25)],
)
lead("seq_reversed", [seq_pricing("seq_reversed", 20), seq_content("seq_reversed", 10)])
# two qualifying pairs (28 -> 27 and 10 -> 5 days back): the 300 once, completed 27 days back
lead(
    "seq_twice",
    [
        seq_content("seq_twice", 28),
        seq_pricing("seq_twice", 27),
        seq_content("seq_twice", 10),
        seq_pricing("seq_twice", 5),
    ],
)

# addon: evaluated against add-on conversions only
CONVERSIONS.append(
    {"contact_id": "t100", "converted_at": "2026-07-10 10:00:00", "product": "addon"}
)
CONVERSIONS.append(
    {"contact_id": "decay_d0", "converted_at": "2026-07-10 10:00:00", "product": "platform"}
)


def model_rows(name: str, zone_method: str, conversion_product: str = "") -> dict:
    return {
        "scoring_model": name,
        "label": name,
        "zone_method": zone_method,
        "conversion_product": conversion_product,
        "surge_points": "",
    }


def criterion(
    model: str, name: str, event_type: str, tiers: list, cap: int, order: int, **extra
) -> tuple:
    row = {
        "scoring_model": model,
        "criterion": name,
        "label": name.replace("_", " ").capitalize(),
        "points_1_plus": tiers[0],
        "points_2_plus": tiers[1] if len(tiers) > 1 else "",
        "points_5_plus": "",
        "points_10_plus": "",
        "max_points": cap,
        "lookback_days": extra.get("lookback_days", 90),
        "decay_half_life_days": extra.get("half_life", ""),
        "display_order": order,
    }
    rule = {
        "scoring_model": model,
        "criterion": name,
        "event_type": event_type,
        "subject_pattern": "",
    }
    return row, rule


def fit_rule(model, name, label, attribute, operator, value, points, order) -> dict:
    return {
        "scoring_model": model,
        "criterion": name,
        "label": label,
        "attribute": attribute,
        "operator": operator,
        "value": value,
        "points": points,
        "display_order": order,
    }


def bands(model: str, fit: list | None, activity: list | None) -> list[dict]:
    rows = []
    for dimension, grades, minimums in (("fit", "ABCD", fit), ("activity", "4321", activity)):
        for grade, minimum in zip(grades, minimums or [], strict=False):
            rows.append(
                {
                    "scoring_model": model,
                    "dimension": dimension,
                    "grade": grade,
                    "min_points": minimum,
                }
            )
    return rows


def thresholds(model: str, hot: int, warm: int | None = None) -> list[dict]:
    rows = [{"scoring_model": model, "zone": "hot", "min_total_points": hot}]
    if warm is not None:
        rows.append({"scoring_model": model, "zone": "warm", "min_total_points": warm})
    return [*rows, {"scoring_model": model, "zone": "cold", "min_total_points": ""}]


CRITERIA = [
    criterion("total_t", "t_demo", "demo_request", [60], 60, 1),
    criterion("total_t", "t_pages", "page_view", [10, 11], 11, 2),
    criterion("activity_only", "ao_demo", "demo_request", [1000], 1000, 1),
    criterion("customers_only", "cu_demo", "demo_request", [100], 100, 1),
    criterion("fading", "fa_demo", "demo_request", [1000], 1000, 1, lookback_days="", half_life=10),
    criterion(
        "fading", "fa_unsubscribe", "unsubscribe", [-333], -333, 2, lookback_days="", half_life=10
    ),
    criterion(
        "fading", "fa_clicks", "email_click", [100, 400], 400, 3, lookback_days="", half_life=10
    ),
    criterion("addon", "ad_demo", "demo_request", [100], 100, 1),
    criterion("sequenced", "sq_content", "seq_content", [100], 100, 1, lookback_days=30),
    criterion("sequenced", "sq_pricing", "seq_pricing", [50], 50, 2),
]

GRID_ROWS = {
    "grid_scoring_models": [
        model_rows("total_t", "total"),
        model_rows("activity_only", "total"),
        model_rows("fit_only", "total"),
        model_rows("customers_only", "total"),
        model_rows("champions", "total"),
        model_rows("fading", "total"),
        model_rows("addon", "total", "addon"),
        model_rows("sequenced", "total"),
    ],
    "grid_activity_criteria": [row for row, _ in CRITERIA],
    "grid_activity_match_rules": [rule for _, rule in CRITERIA],
    "grid_fit_rules": [
        fit_rule(
            "total_t",
            "t_department",
            "Marketing",
            "contacts.department",
            "equals",
            "marketing",
            40,
            3,
        ),
        fit_rule(
            "total_t", "t_persona", "Champion", "attributes.persona", "equals", "champion", 30, 4
        ),
        fit_rule(
            "total_t", "t_tenure", "Tenure", "contacts.years_in_role", "between", "3|10", 9, 5
        ),
        fit_rule(
            "total_t", "t_team", "Team size", "attributes.team_size", "between", "10|100", 1, 6
        ),
        fit_rule(
            "fit_only",
            "fo_department",
            "Sales or marketing",
            "contacts.department",
            "in",
            "marketing|sales",
            100,
            1,
        ),
        fit_rule(
            "champions",
            "ch_department",
            "Department given",
            "contacts.department",
            "is_present",
            "",
            10,
            1,
        ),
    ],
    "grid_grade_bands": [
        *bands("total_t", [50, 30, 10, ""], [60, 40, 10, ""]),
        *bands("activity_only", None, [1000, 500, 200, ""]),
        *bands("fit_only", [100, 50, 10, ""], None),
        *bands("customers_only", None, [100, 50, 10, ""]),
        *bands("champions", [10, 5, 1, ""], None),
        *bands("fading", None, [1000, 500, 200, ""]),
        *bands("addon", None, [100, 50, 10, ""]),
        *bands("sequenced", None, [400, 300, 100, ""]),
    ],
    "grid_zone_thresholds": [
        *thresholds("total_t", 100, 50),
        *thresholds("activity_only", 1000),
        *thresholds("fit_only", 100),
        *thresholds("customers_only", 100),
        *thresholds("champions", 10),
        *thresholds("fading", 500),
        *thresholds("addon", 100),
        *thresholds("sequenced", 400, 300),
    ],
    "grid_model_audiences": [
        {
            "scoring_model": "customers_only",
            "attribute": "lead.is_customer",
            "operator": "equals",
            "value": "true",
        },
        {
            "scoring_model": "champions",
            "attribute": "attributes.persona",
            "operator": "equals",
            "value": "champion",
        },
        {
            "scoring_model": "champions",
            "attribute": "contacts.department",
            "operator": "in",
            "value": "marketing|sales",
        },
    ],
    "grid_account_zones": [
        {
            "scoring_model": "total_t",
            "zone": "hot",
            "min_engaged_contacts": 2,
            "min_hot_contacts": 1,
        },
        {
            "scoring_model": "total_t",
            "zone": "warm",
            "min_engaged_contacts": 2,
            "min_hot_contacts": "",
        },
        {
            "scoring_model": "total_t",
            "zone": "cold",
            "min_engaged_contacts": "",
            "min_hot_contacts": "",
        },
    ],
    "grid_activity_sequences": [
        {
            "scoring_model": "sequenced",
            "criterion": "sq_content_then_pricing",
            "label": "Content, then pricing",
            "first_criterion": "sq_content",
            "then_criterion": "sq_pricing",
            "within_days": 14,
            "points": 300,
            "display_order": 3,
        },
    ],
}

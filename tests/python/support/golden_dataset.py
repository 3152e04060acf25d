"""The golden dataset: one small hand-made dataset holding every case of contract sections
2-3, each on its own contact, scored as of 2026-06-30 with the shipped `default` grid plus a
test model `tiers` whose one criterion has all four tiers (the default grid leaves 5+ and 10+
blank). The expected numbers beside the cases were worked out from the contract by hand.

test_golden_scores.py checks them on a DuckDB build; test_engines.py builds the same rows on
every engine.
"""

from __future__ import annotations

import datetime as dt
import itertools

AS_OF = dt.date(2026, 6, 30)

_event_ids = itertools.count(1)


def days_before(days: int, time: str = "12:00:00") -> str:
    """A timestamp ``days`` calendar days before the as-of date."""
    return f"{AS_OF - dt.timedelta(days=days)} {time}"


def event(contact_id: str, event_type: str, subject: str | None, when: str, event_id=None):
    return {
        "event_id": event_id or f"e{next(_event_ids):05d}",
        "contact_id": contact_id,
        "event_type": event_type,
        "subject": subject,
        "occurred_at": when,
    }


def pricing_views(contact_id: str, count: int) -> list[dict]:
    """``count`` views of the pricing page on distinct days inside the 90-day window."""
    return [event(contact_id, "page_view", "/pricing", days_before(day)) for day in range(count)]


CONTACTS: list[dict] = []
ACCOUNTS: list[dict] = []
EVENTS: list[dict] = []


def lead(contact_id: str, account: dict | None = None, events: list[dict] = (), **attributes):
    """Add a contact (neutral attributes unless given), its own account and its events."""
    account_id = None
    if account is not None:
        account_id = f"acct_{contact_id}"
        ACCOUNTS.append({"account_id": account_id, "account_name": contact_id, **account})
    CONTACTS.append(
        {
            "contact_id": contact_id,
            "account_id": account_id,
            "email": f"{contact_id}@corp.example",
            "job_title": "Analyst",
            "lead_source": "test",
            "created_at": "2025-01-01 00:00:00",
            "updated_at": "2025-01-01 00:00:00",
            **attributes,
        }
    )
    EVENTS.extend(events)


# --- activity: tiers, floor, window, duplicates, matching --------------------------------
TIER_COUNTS = [0, 1, 2, 4, 5, 9, 10, 11]
for n in TIER_COUNTS:
    lead(f"tiers_{n}", events=pricing_views(f"tiers_{n}", n))

lead(
    "unsubscribed_3_times",
    events=[
        event("unsubscribed_3_times", "unsubscribe", None, days_before(5)),
        event("unsubscribed_3_times", "unsubscribe", None, days_before(200)),
        event("unsubscribed_3_times", "unsubscribe", None, days_before(400)),
    ],
)

WINDOW_CASES = {
    "on_as_of_day": ("2026-06-30 23:59:59", 500),
    "89_days_before": (days_before(89, "00:00:00"), 500),
    "90_days_before": (days_before(90, "23:59:59"), 0),
    "91_days_before": (days_before(91), 0),
    "after_as_of": ("2026-07-01 00:00:00", 0),
}
for name, (when, _) in WINDOW_CASES.items():
    lead(f"window_{name}", events=[event(f"window_{name}", "page_view", "/pricing", when)])

lead(
    "duplicate_event",
    events=[
        event("duplicate_event", "page_view", "/pricing", days_before(10), event_id="dup"),
        event("duplicate_event", "page_view", "/pricing", days_before(10), event_id="dup"),
    ],
)
lead(
    "case_and_spaces",
    events=[
        event("case_and_spaces", " Page_View ", "  /PRICING/enterprise  ", days_before(3)),
        event("case_and_spaces", "CONTENT_DOWNLOAD", " Case-Study/Acme ", days_before(4)),
    ],
)
lead(
    "two_rules_one_criterion",
    events=[
        event("two_rules_one_criterion", "demo_request", "Demo request", days_before(1)),
        event("two_rules_one_criterion", "contact_request", "Contact us", days_before(2)),
    ],
)
lead(
    "unmatched_events",
    events=[
        event("unmatched_events", "chat_started", None, days_before(1)),
        event("unmatched_events", "page_view", "/blog/pricing-tips", days_before(1)),
        event("unmatched_events", "content_download", "ebooks/not-a-guide", days_before(1)),
    ],
)

# --- fit: every operator, with case and space variants ------------------------------------
# contact -> (account attributes or None, contact attributes, criterion, expected points)
FIT_CASES = {
    "industry_in_with_spaces": ({"industry": "  software "}, {}, "industry", 300),
    "industry_in_other_case": ({"industry": "FINANCIAL SERVICES"}, {}, "industry", 300),
    "industry_not_in_list": ({"industry": "Retail"}, {}, "industry", 0),
    "size_49": ({"employee_count": 49}, {}, "company_size", 0),
    "size_50": ({"employee_count": 50}, {}, "company_size", 100),
    "size_199": ({"employee_count": 199}, {}, "company_size", 100),
    "size_200": ({"employee_count": 200}, {}, "company_size", 300),
    "size_4999": ({"employee_count": 4999}, {}, "company_size", 300),
    "size_5000": ({"employee_count": 5000}, {}, "company_size", 200),
    "size_unknown": ({"employee_count": None}, {}, "company_size", 0),
    "region_code_with_spaces": ({"country": " fr "}, {}, "region", 100),
    "region_code_lowercase": ({"country": "us"}, {}, "region", 100),
    # names map to ISO-2 codes in staging (seed country_codes): the rule lists codes only
    "region_spelled_out": ({"country": "France"}, {}, "region", 100),
    "region_alpha3_code": ({"country": " DEU "}, {}, "region", 100),
    "region_name_outside_the_list": ({"country": "Japan"}, {}, "region", 0),
    "region_unknown_name": ({"country": "Atlantis"}, {}, "region", 0),
    "revenue_just_below": ({"annual_revenue": 9_999_999.99}, {}, "revenue", 0),
    "revenue_at_minimum": ({"annual_revenue": 10_000_000}, {}, "revenue", 100),
    "title_chief": (None, {"job_title": "Chief Revenue Officer"}, "seniority", 200),
    "title_manager_uppercase": (None, {"job_title": "marketing MANAGER"}, "seniority", 100),
    "title_lead_with_spaces": (None, {"job_title": "  Team Lead "}, "seniority", 100),
    "title_senior_and_manager": (None, {"job_title": "Director & Manager"}, "seniority", 200),
    "title_neither": (None, {"job_title": "Engineer"}, "seniority", 0),
    "decision_maker_true": (None, {"is_decision_maker": True}, "decision_maker", 100),
    "decision_maker_false": (None, {"is_decision_maker": False}, "decision_maker", 0),
    "decision_maker_unknown": (None, {"is_decision_maker": None}, "decision_maker", 0),
    "phone_present": (None, {"phone": "+33 1 23 45 67 89"}, "phone_provided", 50),
    "phone_blank": (None, {"phone": "   "}, "phone_provided", 0),
    "email_personal_mixed_case": (
        None,
        {"email": " Jane@GMAIL.com "},
        "personal_email",
        -500,
    ),
    "email_lookalike_domain": (
        None,
        {"email": "jane@gmail.com.corp.example"},
        "personal_email",
        0,
    ),
}
for name, (account, attributes, _, _) in FIT_CASES.items():
    lead(f"fit_{name}", account=account, **attributes)

# a contact exported twice: the latest version (an engineer) wins over the older VP one
CONTACTS.append(
    {
        "contact_id": "exported_twice",
        "email": "exported_twice@corp.example",
        "job_title": "VP Sales",
        "created_at": "2025-01-01 00:00:00",
        "updated_at": "2025-02-01 00:00:00",
    }
)
lead("exported_twice", job_title="Engineer", updated_at="2025-03-01 00:00:00")

# --- grades: every cell of the matrix, and each band edge from just below -----------------
FIT_PROFILES = {
    "A": {"industry": "Software", "employee_count": 200, "country": "FR"},  # 300+300+100
    "B": {"industry": "Software", "country": "FR"},  # 300+100
    "C": {"country": "FR"},  # 100
    "D": {},  # 0
}


def activity_profile(contact_id: str, activity_grade: str) -> list[dict]:
    return {
        "4": [event(contact_id, "demo_request", None, days_before(1))],  # 1000
        "3": [event(contact_id, "page_view", "/pricing", days_before(1))],  # 500
        "2": [event(contact_id, "webinar_registration", "webinar-1", days_before(1))],  # 200
        "1": [],  # 0
    }[activity_grade]


ZONES = {
    "A": {"1": "cold", "2": "warm", "3": "hot", "4": "hot"},
    "B": {"1": "cold", "2": "warm", "3": "warm", "4": "hot"},
    "C": {"1": "cold", "2": "cold", "3": "warm", "4": "warm"},
    "D": {"1": "cold", "2": "cold", "3": "cold", "4": "cold"},
}
FIT_AT_MINIMUM = {"A": 700, "B": 400, "C": 100, "D": 0}
ACTIVITY_AT_MINIMUM = {"4": 1000, "3": 500, "2": 200, "1": 0}
for fit_grade, activity_grade in itertools.product("ABCD", "4321"):
    cell = f"cell_{fit_grade}{activity_grade}"
    lead(cell, account=FIT_PROFILES[fit_grade], events=activity_profile(cell, activity_grade))

# contact -> (fit points, activity points, fit grade, activity grade)
BELOW_BAND_EDGES = {
    "fit_650": ({"industry": "Software", "employee_count": 200}, {"phone": "1"}, [], 650, 0),
    "fit_350": ({"industry": "Software"}, {"phone": "1"}, [], 350, 0),
    "fit_50": (None, {"phone": "1"}, [], 50, 0),
    "fit_negative": (None, {"phone": "1", "email": "x@gmail.com"}, [], -450, 0),
    "activity_800": (None, {}, [("webinar_attendance", "webinar-1")], 0, 800),
    "activity_700": (None, {}, [("page_view", "/pricing"), ("webinar_registration", "w")], 0, 700),
    "activity_300": (None, {}, [("webinar_attendance", "w"), ("unsubscribe", None)], 0, 300),
    "activity_negative": (None, {}, [("unsubscribe", None)], 0, -500),
}
for name, (account, attributes, actions, _, _) in BELOW_BAND_EDGES.items():
    lead(
        f"edge_{name}",
        account=account,
        events=[event(f"edge_{name}", kind, subject, days_before(2)) for kind, subject in actions],
        **attributes,
    )

# --- reasons --------------------------------------------------------------------------------
lead(
    "reasons",
    account={"industry": "Software"},
    job_title="VP Sales",
    phone="+1 555 0100",
    events=[
        *pricing_views("reasons", 2),
        event("reasons", "demo_request", None, days_before(1)),
        event("reasons", "unsubscribe", None, days_before(30)),
        event("reasons", "webinar_registration", "webinar-7", days_before(9)),
    ],
)

TIERS_MODEL_ROWS = {
    "grid_scoring_models": [
        {
            "scoring_model": "tiers",
            "label": "All four tiers",
            "zone_method": "matrix",
            "conversion_product": "",
        }
    ],
    "grid_activity_criteria": [
        {
            "scoring_model": "tiers",
            "criterion": "pricing_visits",
            "label": "Pricing visits",
            "points_1_plus": 100,
            "points_2_plus": 200,
            "points_5_plus": 500,
            "points_10_plus": 900,
            "max_points": 1000,
            "lookback_days": 90,
            "display_order": 1,
        }
    ],
    "grid_activity_match_rules": [
        {
            "scoring_model": "tiers",
            "criterion": "pricing_visits",
            "event_type": "page_view",
            "subject_pattern": "/pricing%",
        }
    ],
    "grid_grade_bands": [
        {"scoring_model": "tiers", "dimension": dimension, "grade": grade, "min_points": minimum}
        for dimension, grade, minimum in [
            ("fit", "A", 700),
            ("fit", "B", 400),
            ("fit", "C", 100),
            ("fit", "D", ""),
            ("activity", "4", 1000),
            ("activity", "3", 500),
            ("activity", "2", 200),
            ("activity", "1", ""),
        ]
    ],
    "grid_zone_matrix": [
        {
            "scoring_model": "tiers",
            "fit_grade": fit_grade,
            **{f"activity_{digit}": zone for digit, zone in ZONES[fit_grade].items()},
        }
        for fit_grade in "ABCD"
    ],
}

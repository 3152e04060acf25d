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
            # its leads surge at +100 activity points in 7 days (velocity cases below)
            "surge_points": 100,
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
        },
        # a decaying criterion only the contact velocity_decay has events for
        {
            "scoring_model": "tiers",
            "criterion": "fading_pings",
            "label": "Fading pings",
            "points_1_plus": 400,
            "max_points": 400,
            "lookback_days": 90,
            "decay_half_life_days": 10,
            "display_order": 2,
        },
    ],
    "grid_activity_match_rules": [
        {
            "scoring_model": "tiers",
            "criterion": "pricing_visits",
            "event_type": "page_view",
            "subject_pattern": "/pricing%",
        },
        {
            "scoring_model": "tiers",
            "criterion": "fading_pings",
            "event_type": "velocity_ping",
            "subject_pattern": "",
        },
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


# --- score velocity (SPEC section 8), model `tiers` ---------------------------------------
# points_7d / points_30d = activity points now minus as of A-7 (2026-06-23) / A-30
# (2026-05-31), each with its own 90-day window ending on that date: an event d days before
# A counts as of A-k when d >= k and d - k < 90. pricing_visits: 1 -> 100, 2-4 -> 200.
VELOCITY_CASES = {
    # 93 days before: out as of A (93 >= 90), in as of A-7 (86) and A-30 (63); 50 in all:
    # now 1 event = 100, A-7 2 = 200, A-30 2 = 200 -> -100, -100
    "velocity_leaving": ([93, 50], -100, -100),
    # 50 in all three, 3 only as of A: now 2 = 200; A-7 and A-30 1 = 100 -> +100, +100
    "velocity_new": ([50, 3], 100, 100),
    # 96 leaves the window between A-7 and A (96 - 7 = 89 < 90), 97 is out at A-7 too
    # (90); 10 is in as of A and A-7, after A-30: now {10} = 100, A-7 {96, 10} = 200,
    # A-30 {96, 97} = 200 -> -100, -100
    "velocity_edge_96": ([96, 97, 10], -100, -100),
    # 7 days before is on A-7 itself (counted then), 6 is after it: now 2 = 200, A-7
    # {7} = 100, A-30 none = 0 -> +100, +200
    "velocity_on_earlier_date": ([7, 6], 100, 200),
}
for contact_id, (days, _, _) in VELOCITY_CASES.items():
    lead(
        contact_id,
        events=[event(contact_id, "page_view", "/pricing", days_before(day)) for day in days],
    )

# fading_pings: 400 points, half-life 10 days, from the date scored at. One ping 17 days
# before A: now 400 * 0.5^(17/10) = 123.11 -> 123; as of A-7 it is 10 days old:
# 400 * 0.5 = 200; as of A-30 it is after the date: 0 -> points_7d = 123 - 200 = -77,
# points_30d = 123
lead("velocity_decay", events=[event("velocity_decay", "velocity_ping", None, days_before(17))])
VELOCITY_DECAY = (123, -77, 123)

# --- conversion probability (SPEC section 8), model `calibrated` ---------------------------
# Its audience is the prospects titled "Calibrator" (lead.is_customer false). A = 2026-06-30,
# H = 90 (default): the window starts at A-90 = 2026-04-01 and its outcome is a conversion in
# (04-01, 06-30]. The window scores the audience of its start: cal_a1, a customer since
# 05-15, is no lead of the model now but was a prospect on 04-01 (its conversion is the
# window's one); cal_c1, a customer since 03-01, is in neither.
# One pricing visit = 100 points = grade "2", two = 200 = "3" (hot), none = "1"; "4" (300)
# is out of reach, a cell of the model no lead is in.
# Window (contacts created by 04-01, not customers then), graded as of 04-01:
#   cal_a1..cal_a4: a visit 100 days before A (10 before 04-01): "2"; cal_a1 converts 05-15
#   cal_b1..cal_b6: nothing before 04-01: "1"; cal_b1 converts 07-10 (after A: not in the
#     window), cal_b6 visits 5 and 6 days before A (now "3")
#   cal_c1: customer since 03-01, left out; cal_d1: created 05-01, left out
# 10 leads, 1 conversion: p = 0.1, m = 20 (calibration_prior_leads)
#   "2": 4 leads, 1 conversion, raw 0.25, (1 + 20 * 0.1) / (4 + 20) = 3/24 = 0.125
#   "1": 6 leads, 0 conversions, raw 0, (0 + 2) / (6 + 20) = 2/26 = 0.0769...
#   "3": no window lead (cal_b6's cell now): p = (0 + 2) / (0 + 20) = 0.1, raw null
#   "4": no lead at all, a cell of the model all the same: p = 0.1, raw null
# Brier on the window: ((1 - 0.125)^2 + 3 * 0.125^2 + 6 * (2/26)^2) / 10
#   = (13/16 + 6/169) / 10 = 2293/27040 = 0.084800...
# Backtest at A (the leads now; customers at A, cal_a1 and cal_c1, are not): cal_a2..a4,
# cal_b1..b5 and cal_d1 are "1" now (2/26), cal_b6 "3" (0.1); only cal_b1 converts within 90
# days after A:
#   (8 * (1/13)^2 + (12/13)^2 + 0.1^2) / 10 = (152/169 + 0.01) / 10 = 0.0909408...
CALIBRATION_CELLS = {
    # grade: (window leads, conversions, raw rate, probability)
    "1": (6, 0, 0.0, 2 / 26),
    "2": (4, 1, 0.25, 3 / 24),
    "3": (0, 0, None, 0.1),
    "4": (0, 0, None, 0.1),
}
CALIBRATION_BRIER = 2293 / 27040
CALIBRATION_BACKTEST_BRIER = (152 / 169 + 0.01) / 10
CONVERSIONS: list[dict] = []
for n in range(1, 5):
    lead(
        f"cal_a{n}",
        job_title="Calibrator",
        events=[event(f"cal_a{n}", "page_view", "/pricing", days_before(100))],
    )
for n in range(1, 6):
    lead(f"cal_b{n}", job_title="Calibrator")
lead(
    "cal_b6",
    job_title="Calibrator",
    events=[event("cal_b6", "page_view", "/pricing", days_before(day)) for day in (5, 6)],
)
lead("cal_c1", job_title="Calibrator")
lead("cal_d1", job_title="Calibrator", created_at="2026-05-01 00:00:00")
CONVERSIONS += [
    {"contact_id": "cal_a1", "converted_at": "2026-05-15 10:00:00", "product": "platform"},
    {"contact_id": "cal_b1", "converted_at": "2026-07-10 10:00:00", "product": "platform"},
    {"contact_id": "cal_c1", "converted_at": "2026-03-01 10:00:00", "product": "platform"},
]

CALIBRATED_MODEL_ROWS = {
    "grid_scoring_models": [
        {
            "scoring_model": "calibrated",
            "label": "Calibration cases",
            "zone_method": "total",
            "conversion_product": "",
            "surge_points": "",
        }
    ],
    "grid_model_audiences": [
        {
            "scoring_model": "calibrated",
            "attribute": "contacts.job_title",
            "operator": "equals",
            "value": "Calibrator",
        },
        {
            "scoring_model": "calibrated",
            "attribute": "lead.is_customer",
            "operator": "equals",
            "value": "false",
        },
    ],
    "grid_activity_criteria": [
        {
            "scoring_model": "calibrated",
            "criterion": "pricing_visits",
            "label": "Pricing visits",
            "points_1_plus": 100,
            "points_2_plus": 200,
            "max_points": 200,
            "lookback_days": 90,
            "display_order": 1,
        }
    ],
    "grid_activity_match_rules": [
        {
            "scoring_model": "calibrated",
            "criterion": "pricing_visits",
            "event_type": "page_view",
            "subject_pattern": "/pricing%",
        }
    ],
    "grid_grade_bands": [
        {"scoring_model": "calibrated", "dimension": "activity", "grade": grade, "min_points": m}
        for grade, m in [("4", 300), ("3", 200), ("2", 100), ("1", "")]
    ],
    "grid_zone_thresholds": [
        {"scoring_model": "calibrated", "zone": "hot", "min_total_points": 200},
        {"scoring_model": "calibrated", "zone": "cold", "min_total_points": ""},
    ],
}

# every extra grid row of the golden build: the `tiers` and the `calibrated` model
GRID_ROWS = {
    seed: TIERS_MODEL_ROWS.get(seed, []) + CALIBRATED_MODEL_ROWS.get(seed, [])
    for seed in {**TIERS_MODEL_ROWS, **CALIBRATED_MODEL_ROWS}
}

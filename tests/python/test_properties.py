"""Property tests: random valid grids and random contract-shaped inputs, scored by dbt and by
the independent reference (reference_scoring.py), must agree on every lead; and scores obey
the contract's monotonicity, window, decay and order-independence properties.

A random grid holds one or two scoring models in the grid language of contract section 6: zoned
by the matrix or by total points (with or without a warm threshold), fit x activity or one
dimension only, with or without an audience (`lead.is_customer`, contact_attributes, any
contact column), decay half-lives on some activity criteria, sequence criteria (contract
section 8) and fit rules on extra columns and on `attributes.<name>`. Random inputs carry
contact_attributes (names and values in mixed case and spacing, some rows superseded, some
blank, some for unknown contacts) and conversions before and after the as-of date. A worked
example, checked by hand against the reference and then required of dbt, holds every
feature of section 6 whatever the random examples draw.

The examples are fixed (seeded): CI runs the same ones every time. A dbt build costs far more
than an example, so examples are scored together: each example's models and keys tagged
apart in one grid and one set of inputs (``combined``). The comparison with the reference and
the properties of a change (an event added, moved out of its window or earlier, a next step
taken) share two builds, the examples before and after their changes (``paired_builds``);
the whole-table properties (rows permuted, a rerun) have two of their own.
`LEAD_SCORING_DEEP=1` draws ten times as many examples for a deeper run.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import zlib
from dataclasses import dataclass, fields
from pathlib import Path

import hypothesis
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from support.dbt_harness import (
    DATA_BUILD,
    DEEP,
    INPUT_SCHEMA,
    DbtRun,
    copy_project,
    run_dbt,
    write_inputs,
)
from support.grid_language_dataset import fit_rule
from support.reference_next_steps import Step, next_step_text, next_steps
from support.reference_rep_signals import calibration, velocity
from support.reference_scoring import Grid, Score, event_matches, score_all

AS_OF = dt.date(2026, 6, 30)
MODELS = ["p", "q"]

SLOW = settings(
    deadline=None,
    derandomize=True,
    database=None,
    # every shrinking step is another dbt build: report the failing example as found
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

EVENT_TYPES = ["view", "Download ", "signup", "other"]
SUBJECTS = [None, "/a", " /A/b", "xbx", "_c", "cc", "/abc", "B"]
PATTERNS = [None, None, "/a%", "%b%", "_c%"]
# no two choices are the same rule once attribute, operator and value are normalised
FIT_RULE_CHOICES = [
    ("contacts.job_title", "contains_any", "vp|head"),
    ("contacts.job_title", "equals", "VP Sales"),
    ("accounts.industry", "in", "software| retail"),
    ("accounts.employee_count", "between", "10|100"),
    ("accounts.employee_count", "between", "50|500"),
    ("contacts.phone", "is_present", None),
    ("contacts.email", "email_domain_in", "gmail.com|mail.test"),
    ("contacts.is_decision_maker", "equals", "true"),
    ("contacts.country", "in", "fr|us"),
    # columns outside the input contract, and contact_attributes
    ("contacts.department", "in", "marketing| Sales"),
    ("contacts.department", "contains_any", "ENG"),
    ("contacts.years_in_role", "between", "2|5"),
    ("attributes.Persona", "equals", " Economic Buyer"),
    ("attributes.persona", "in", "champion|economic buyer"),
    ("attributes.budget_confirmed", "is_present", None),
    ("attributes.SEATS", "between", "5|50"),
]
AUDIENCE_CHOICES = [
    ("lead.is_customer", "equals", "true"),
    ("lead.is_customer", "equals", "False "),
    ("Attributes.Persona", "is_present", None),
    ("attributes.seats", "between", "1|20"),
    ("contacts.department", "contains_any", "market|sales"),
    ("accounts.industry", "is_present", None),
]
# a model is fit x activity (zoned by the matrix or by total points) or one dimension only
SHAPES = ["matrix", "total", "activity_only", "fit_only"]
ATTRIBUTE_NAMES = ["persona", " Persona", "PERSONA ", "budget_confirmed", "Budget_Confirmed "]
ATTRIBUTE_NAMES += ["seats", " SEATS"]
ATTRIBUTE_VALUES = ["Economic Buyer", " economic buyer ", "CHAMPION", "yes", "10", " 5 "]
ATTRIBUTE_VALUES += ["50.5", "abc", "", None]


# --- grids --------------------------------------------------------------------------------


@st.composite
def activity_criterion(draw, model: str, index: int) -> dict:
    """Tiers a valid grid allows: one sign, never falling in weight, within the cap."""
    negative = draw(st.booleans()) and index > 0
    steps = draw(st.lists(st.sampled_from([0, 50, 100, 250]), min_size=4, max_size=4))
    first = draw(st.sampled_from([50, 100, 200, 500]))
    tiers, running = [], first
    for step in steps:
        tiers.append(running)
        running += step
    # tiers never fall, so they still never fall once a blank tier takes the previous one's
    blanks = draw(st.lists(st.booleans(), min_size=3, max_size=3))
    values = [tiers[0]] + [
        None if blank else tier for tier, blank in zip(tiers[1:], blanks, strict=True)
    ]
    top = max(v for v in values if v is not None)
    cap = draw(st.sampled_from([None, top, top + 100]))
    sign = -1 if negative else 1
    return {
        "scoring_model": model,
        "criterion": f"act_{index}",
        "label": f"Act {index}",
        "points_1_plus": sign * values[0],
        "points_2_plus": None if values[1] is None else sign * values[1],
        "points_5_plus": None if values[2] is None else sign * values[2],
        "points_10_plus": None if values[3] is None else sign * values[3],
        "max_points": None if cap is None else sign * cap,
        "lookback_days": draw(st.sampled_from([None, 1, 7, 30])),
        "decay_half_life_days": draw(st.sampled_from([None, None, 1, 7, 30])),
    }


def minimums(draw, count: int) -> list[int]:
    """``count`` distinct minimums on a 50-point scale, highest first."""
    return sorted(
        draw(
            st.lists(
                st.integers(-4, 30).map(lambda n: n * 50),
                min_size=count,
                max_size=count,
                unique=True,
            )
        ),
        reverse=True,
    )


@st.composite
def model_grid(draw, model: str) -> Grid:
    """The rows of one valid scoring model, in every grid seed."""
    # the first model always has activity criteria, for the activity properties to test
    shape = draw(st.sampled_from(SHAPES if model != MODELS[0] else SHAPES[:3]))
    has_activity = shape != "fit_only"
    has_fit = shape != "activity_only"
    criteria = (
        [draw(activity_criterion(model, i)) for i in range(draw(st.integers(1, 3)))]
        if has_activity
        else []
    )
    match_rules = []
    for criterion in criteria:
        rules = draw(
            st.lists(
                st.tuples(st.sampled_from(EVENT_TYPES[:3]), st.sampled_from(PATTERNS)),
                min_size=1,
                max_size=2,
                unique=True,
            )
        )
        match_rules += [
            {
                "scoring_model": model,
                "criterion": criterion["criterion"],
                "event_type": event_type,
                "subject_pattern": pattern,
            }
            for event_type, pattern in rules
        ]
    fit_rules = []
    # a fit x activity model may have fit bands and no fit rule (every lead's fit is 0)
    fit_criteria = draw(st.integers(1 if shape == "fit_only" else 0, 3)) if has_fit else 0
    for index in range(fit_criteria):
        chosen = draw(
            st.lists(st.sampled_from(FIT_RULE_CHOICES), min_size=1, max_size=2, unique=True)
        )
        points = draw(
            st.lists(
                st.sampled_from([-300, -100, 50, 100, 200, 400]),
                min_size=len(chosen),
                max_size=len(chosen),
                unique=True,
            )
        )
        fit_rules += [
            {
                "scoring_model": model,
                "criterion": f"fit_{index}",
                "label": f"Fit {index} row {row}",
                "attribute": attribute,
                "operator": operator,
                "value": value,
                "points": rule_points,
            }
            for row, ((attribute, operator, value), rule_points) in enumerate(
                zip(chosen, points, strict=True)
            )
        ]
    # sequences of two activity criteria (the same one twice allowed: one event then pairs
    # with itself), earned once when the then-event falls 0 to within_days days after
    sequences = [
        {
            "scoring_model": model,
            "criterion": f"seq_{index}",
            "label": f"Seq {index}",
            "first_criterion": draw(st.sampled_from(criteria))["criterion"],
            "then_criterion": draw(st.sampled_from(criteria))["criterion"],
            "within_days": draw(st.sampled_from([0, 1, 7, 30])),
            "points": draw(st.sampled_from([-200, 100, 300])),
        }
        for index in range(draw(st.sampled_from([0, 0, 1, 2])) if criteria else 0)
    ]
    for order, row in enumerate(criteria + sequences + fit_rules, start=1):
        row["display_order"] = order
    bands = []
    for dimension, grades, present in [
        ("fit", "ABCD", has_fit),
        ("activity", "4321", has_activity),
    ]:
        if present:
            bands += [
                {"scoring_model": model, "dimension": dimension, "grade": grade, "min_points": low}
                for grade, low in zip(grades, [*minimums(draw, 3), None], strict=True)
            ]
    zones, thresholds = [], []
    if shape == "matrix":
        zones = [
            {
                "scoring_model": model,
                "fit_grade": fit_grade,
                **{
                    f"activity_{digit}": draw(st.sampled_from(["hot", "warm", "cold"]))
                    for digit in "1234"
                },
            }
            for fit_grade in "ABCD"
        ]
    else:
        # hot and cold are required, warm is optional
        lows = minimums(draw, draw(st.integers(1, 2)))
        thresholds = [
            {"scoring_model": model, "zone": zone, "min_total_points": low}
            for zone, low in zip(["hot", "warm"], lows, strict=False)
        ] + [{"scoring_model": model, "zone": "cold", "min_total_points": None}]
    # most models score every contact; an audience has one row, or two
    audience_size = draw(st.sampled_from([0, 0, 1, 1, 2]))
    audiences = [
        {"scoring_model": model, "attribute": attribute, "operator": operator, "value": value}
        for attribute, operator, value in draw(
            st.lists(
                st.sampled_from(AUDIENCE_CHOICES),
                min_size=audience_size,
                max_size=audience_size,
                unique_by=lambda choice: choice[0].strip().lower(),
            )
        )
    ]
    scoring_model = {
        "scoring_model": model,
        "label": f"Model {model}",
        "zone_method": "matrix" if shape == "matrix" else "total",
        "conversion_product": draw(st.sampled_from([None, "addon"])),
        "surge_points": draw(st.sampled_from([None, 1, 50])),
    }
    return Grid(
        criteria,
        match_rules,
        fit_rules,
        bands,
        zones,
        [scoring_model],
        thresholds,
        audiences,
        sequences,
    )


@st.composite
def grids(draw) -> Grid:
    """One or two scoring models side by side."""
    parts = [draw(model_grid(model)) for model in MODELS[: draw(st.integers(1, 2))]]
    return Grid(
        *([row for part in parts for row in getattr(part, seed.name)] for seed in fields(Grid))
    )


# --- inputs -------------------------------------------------------------------------------


def timestamp(days_before: int, seconds: int) -> str:
    moment = dt.datetime.combine(AS_OF, dt.time()) - dt.timedelta(days=days_before)
    return (moment + dt.timedelta(seconds=seconds)).isoformat(sep=" ")


@st.composite
def inputs(draw) -> dict[str, list[dict]]:
    accounts = [
        {
            "account_id": f"a{i}",
            "industry": draw(st.sampled_from(["Software", " RETAIL", "Health", None])),
            "employee_count": draw(st.sampled_from([None, 5, 10, 50, 100, 101, 500, 501])),
        }
        for i in range(draw(st.integers(0, 3)))
    ]
    account_ids = [row["account_id"] for row in accounts] + [None, "a_missing"]
    contacts = []
    for i in range(draw(st.integers(2, 6))):
        versions = draw(st.integers(1, 2))
        for version in range(versions):
            contacts.append(
                {
                    "contact_id": f"c{i}",
                    "account_id": draw(st.sampled_from(account_ids)),
                    "email": draw(
                        st.sampled_from(["a@gmail.com", " b@Mail.Test ", "c@corp.test", None])
                    ),
                    "job_title": draw(
                        st.sampled_from(["VP Sales", " head of IT ", "Engineer", None, "vp SALES"])
                    ),
                    "phone": draw(st.sampled_from([None, "", "  ", "+1 555"])),
                    "country": draw(st.sampled_from(["FR", " us", "Germany", None])),
                    "is_decision_maker": draw(st.sampled_from([True, False, None])),
                    "department": draw(
                        st.sampled_from(["Marketing", "marketing ", "SALES", " Engineering", None])
                    ),
                    "years_in_role": draw(st.sampled_from([None, 1, 2, 5, 6])),
                    # distinct versions of a contact never share updated_at
                    "updated_at": timestamp(100 - version, 0),
                }
            )
    contact_ids = [*sorted({row["contact_id"] for row in contacts}), "ghost", None]
    events = []
    recent = st.builds(
        timestamp, st.one_of(st.integers(0, 7), st.integers(0, 40)), st.integers(0, 86_399)
    )
    for i in range(draw(st.integers(5, 40))):
        # mostly in the last 40 days (windows are 1, 7 or 30 days, decay starts at once),
        # a few after the as-of date or without a timestamp
        kind = draw(st.integers(0, 9))
        when = {0: None, 1: timestamp(-1, 0)}.get(kind) or draw(recent)
        row = {
            "event_id": f"e{i}",
            "contact_id": draw(st.sampled_from(contact_ids)),
            "event_type": draw(st.sampled_from(EVENT_TYPES)),
            "subject": draw(st.sampled_from(SUBJECTS)),
            "occurred_at": when,
        }
        events.append(row)
        if draw(st.integers(0, 9)) == 0:
            events.append(dict(row))  # delivered twice
    # every row its own updated_at (the seconds are the row number): the contract leaves the
    # order of two versions of one attribute written at the same moment open
    contact_attributes = [
        {
            "contact_id": draw(st.sampled_from(contact_ids[:-1])),
            "attribute": draw(st.sampled_from(ATTRIBUTE_NAMES)),
            "value": draw(st.sampled_from(ATTRIBUTE_VALUES)),
            "updated_at": timestamp(draw(st.integers(1, 60)), i),
        }
        for i in range(draw(st.integers(0, 12)))
    ]
    # on the as-of date (its last second) or before it: a customer; after it: not yet
    conversions = [
        {
            "contact_id": draw(st.sampled_from(contact_ids[:-1])),
            "converted_at": draw(
                st.sampled_from([timestamp(30, 0), timestamp(0, 86_399), timestamp(-1, 0)])
            ),
            "product": draw(st.sampled_from([None, "platform", "addon"])),
        }
        for _ in range(draw(st.integers(0, 4)))
    ]
    return {
        "contacts": contacts,
        "accounts": accounts,
        "events": events,
        "contact_attributes": contact_attributes,
        "conversions": conversions,
    }


def reference(grid: Grid, tables: dict[str, list[dict]]) -> dict[tuple[str, str], Score]:
    """The independent reference's scores, keyed by (contact_id, scoring_model)."""
    return score_all(
        tables["contacts"],
        tables["accounts"],
        tables["events"],
        grid,
        AS_OF,
        contact_attributes=tables["contact_attributes"],
        conversions=tables["conversions"],
    )


# --- a worked example ---------------------------------------------------------------------
# Every feature of the second edition at least once, whatever the random examples draw: an
# activity-only model zoned by total points with no warm threshold, decaying criteria (one
# decayed to 0) and a non-customer audience (p); a fit-only model whose audience and rules
# read contact_attributes and an extra contact column (q); a fit x activity model zoned by
# the matrix (r). Its scores are worked out by hand below, then required of dbt.


TIER_COLUMNS = ["points_1_plus", "points_2_plus", "points_5_plus", "points_10_plus"]


def _criterion(model, criterion, label, tiers, cap, lookback, half_life, order) -> dict:
    return {
        "scoring_model": model,
        "criterion": criterion,
        "label": label,
        **dict(zip(TIER_COLUMNS, tiers, strict=True)),
        "max_points": cap,
        "lookback_days": lookback,
        "decay_half_life_days": half_life,
        "display_order": order,
    }


def _bands(model: str, dimension: str, grades: str, minimums: list) -> list[dict]:
    return [
        {"scoring_model": model, "dimension": dimension, "grade": grade, "min_points": low}
        for grade, low in zip(grades, [*minimums, None], strict=True)
    ]


WORKED_GRID = Grid(
    activity_criteria=[
        _criterion("p", "act_0", "Views", [100, 200, None, None], 200, 30, 10, 1),
        _criterion("p", "act_1", "Signups", [-300, None, None, None], -300, None, 2, 2),
        _criterion("r", "act_0", "Downloads", [500, 1000, None, None], 1000, 7, None, 1),
    ],
    match_rules=[
        {"scoring_model": "p", "criterion": "act_0", "event_type": "view"},
        {"scoring_model": "p", "criterion": "act_1", "event_type": "signup"},
        {
            "scoring_model": "r",
            "criterion": "act_0",
            "event_type": "Download ",
            "subject_pattern": "/a%",
        },
    ],
    fit_rules=[
        fit_rule(
            "q",
            "fit_0",
            "Economic buyer",
            "attributes.Persona",
            "equals",
            " Economic Buyer",
            300,
            1,
        ),
        fit_rule("q", "fit_0", "Champion", "attributes.persona", "in", "champion", 100, 2),
        fit_rule("q", "fit_1", "Seats 5-50", "attributes.SEATS", "between", "5|50", 200, 3),
        fit_rule(
            "q", "fit_2", "Marketing", "contacts.department", "in", "marketing| Sales", 100, 4
        ),
        fit_rule("r", "fit_0", "VP", "contacts.job_title", "contains_any", "vp", 400, 2),
    ],
    grade_bands=[
        *_bands("p", "activity", "4321", [300, 150, 0]),
        *_bands("q", "fit", "ABCD", [500, 300, 100]),
        *_bands("r", "fit", "ABCD", [400, 300, 100]),
        *_bands("r", "activity", "4321", [1000, 500, 100]),
    ],
    zone_matrix=[
        {
            "scoring_model": "r",
            "fit_grade": fit_grade,
            **dict(zip([f"activity_{digit}" for digit in "1234"], zones, strict=True)),
        }
        for fit_grade, zones in [
            ("A", ["cold", "warm", "hot", "hot"]),
            ("B", ["cold", "warm", "warm", "hot"]),
            ("C", ["cold", "cold", "warm", "warm"]),
            ("D", ["cold", "cold", "cold", "cold"]),
        ]
    ],
    scoring_models=[
        {"scoring_model": "p", "label": "Activity only", "zone_method": "total"},
        {
            "scoring_model": "q",
            "label": "Fit only",
            "zone_method": "total",
            "conversion_product": "addon",
        },
        {"scoring_model": "r", "label": "Fit x activity", "zone_method": "matrix"},
    ],
    zone_thresholds=[
        {"scoring_model": "p", "zone": "hot", "min_total_points": 150},
        {"scoring_model": "p", "zone": "cold", "min_total_points": None},
        {"scoring_model": "q", "zone": "hot", "min_total_points": 500},
        {"scoring_model": "q", "zone": "warm", "min_total_points": 200},
        {"scoring_model": "q", "zone": "cold", "min_total_points": None},
    ],
    model_audiences=[
        {
            "scoring_model": "p",
            "attribute": "lead.is_customer",
            "operator": "equals",
            "value": "False ",
        },
        {
            "scoring_model": "q",
            "attribute": "Attributes.Persona",
            "operator": "is_present",
            "value": None,
        },
    ],
)


def _contact(contact_id: str, job_title, department, days_before: int = 100) -> dict:
    return {
        "contact_id": contact_id,
        "job_title": job_title,
        "department": department,
        "updated_at": timestamp(days_before, 0),
    }


def _event(event_id: str, contact_id: str, event_type: str, subject, days_before: int) -> dict:
    return {
        "event_id": event_id,
        "contact_id": contact_id,
        "event_type": event_type,
        "subject": subject,
        "occurred_at": timestamp(days_before, 3600),
    }


def _attribute(contact_id: str, name: str, value, days_before: int) -> dict:
    return {
        "contact_id": contact_id,
        "attribute": name,
        "value": value,
        "updated_at": timestamp(days_before, 0),
    }


WORKED_TABLES = {
    "contacts": [
        _contact("c1", "VP Sales", " Marketing"),
        _contact("c2", "VP Sales", "SALES", days_before=200),  # superseded by the next row
        _contact("c2", "Engineer", "SALES"),
        _contact("c3", None, None),
        _contact("c4", " vp marketing", None),
    ],
    "accounts": [],
    "events": [
        _event("e1", "c2", "view", None, 3),
        _event("e2", "c2", "view", None, 12),
        _event("e3", "c2", "view", None, 40),  # before the 30-day window
        _event("e4", "c2", "signup", None, 1),
        _event("e5", "c3", "view", None, 35),  # before the window
        _event("e6", "c3", "signup", None, 20),
        _event("e7", "c4", "view", None, 0),
        _event("e8", "c4", "view", None, 0),
        _event("e9", "c1", "view", None, 0),  # c1 is a customer: not in p's audience
        _event("e10", "c1", "Download", " /ABC", 2),
        _event("e10", "c1", "Download", " /ABC", 2),  # delivered twice
        _event("e11", "c1", "download ", "/a", 6),
    ],
    "contact_attributes": [
        _attribute("c1", " Persona", "economic BUYER ", 10),
        _attribute("c1", "PERSONA ", "champion", 20),  # older: the row above wins
        _attribute("c1", "seats", "abc", 10),  # not a number: between matches nothing
        _attribute("c2", "persona", "Champion", 30),
        _attribute("c2", "persona", "", 5),  # the latest value is blank: no persona
        _attribute("c2", "SEATS ", " 10 ", 5),
        _attribute("c3", "Persona", "student", 5),
        _attribute("c3", "seats", "7.5", 5),
        _attribute("ghost", "persona", "economic buyer", 5),
    ],
    "conversions": [
        # c1 converted in the last second of the as-of date: a customer
        {"contact_id": "c1", "converted_at": timestamp(0, 86_399), "product": "platform"},
        # c2 converts the day after: not yet
        {"contact_id": "c2", "converted_at": timestamp(-1, 0), "product": "addon"},
    ],
}


def test_the_reference_scores_the_worked_example_as_worked_out_by_hand():
    scores = reference(WORKED_GRID, WORKED_TABLES)

    assert {
        scored: (
            score.fit_points,
            score.activity_points,
            score.grade,
            score.zone,
            score.score_reasons,
        )
        for scored, score in scores.items()
    } == {
        # c2: 2 views in the window, the latest 3 days old: 200 x 0.5^(3/10) = 162.45 -> 162;
        # a signup a day old: -300 x 0.5^(1/2) = -212.13 -> -212
        ("c2", "p"): (0, -50, "1", "cold", "Signups -212; Views (2) +162"),
        # c3: its view is before the window; its signup 20 days old: -300 x 0.5^10 -> 0
        ("c3", "p"): (0, 0, "2", "cold", ""),
        ("c4", "p"): (0, 200, "3", "hot", "Views (2) +200"),
        # c1's latest persona is the economic buyer; seats "abc" is no number
        ("c1", "q"): (400, 0, "B", "warm", "Economic buyer +300; Marketing +100"),
        # c3: a student in 7.5 seats; c2's latest persona is blank: not in q's audience
        ("c3", "q"): (200, 0, "C", "warm", "Seats 5-50 +200"),
        ("c1", "r"): (400, 1000, "A4", "hot", "Downloads (2) +1000; VP +400"),
        ("c2", "r"): (0, 0, "D1", "cold", ""),
        ("c3", "r"): (0, 0, "D1", "cold", ""),
        ("c4", "r"): (400, 0, "A1", "cold", "VP +400"),
    }
    assert scores[("c2", "p")].fit_grade is None
    assert scores[("c1", "q")].activity_grade is None
    assert scores[("c3", "p")].criterion_points == {"act_1": 0}


# --- running ------------------------------------------------------------------------------

GRID_SEEDS = {
    "grid_activity_criteria": "activity_criteria",
    "grid_activity_match_rules": "match_rules",
    "grid_fit_rules": "fit_rules",
    "grid_grade_bands": "grade_bands",
    "grid_zone_matrix": "zone_matrix",
    "grid_scoring_models": "scoring_models",
    "grid_zone_thresholds": "zone_thresholds",
    "grid_model_audiences": "model_audiences",
    "grid_activity_sequences": "activity_sequences",
    # account zones are not scored per lead: no random grid has any
    "grid_account_zones": None,
}


def write_grid(project_dir: Path, grid: Grid) -> None:
    """Replace every grid seed of the project with ``grid``'s rows (empty where it has none),
    so that no row of the shipped example models is left."""
    written = {path.stem for path in (project_dir / "seeds" / "grid").glob("*.csv")}
    assert written == set(GRID_SEEDS), "a grid seed this test does not write"
    for seed, field in GRID_SEEDS.items():
        rows = [] if field is None else getattr(grid, field)
        path = project_dir / "seeds" / "grid" / f"{seed}.csv"
        with path.open(newline="") as handle:
            header = next(csv.reader(handle))
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            writer.writerows({column: row.get(column) for column in header} for row in rows)


class Scorer:
    """One scratch project reused by every example of a test (dbt parses it only once)."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.project_dir = copy_project(workdir / "project")
        self.builds = 0

    def build(
        self,
        grid: Grid,
        tables: dict[str, list[dict]],
        fresh: bool = True,
        database: str = "scores",
    ) -> DbtRun:
        """Score ``grid`` on ``tables`` in the warehouse ``database`` (a run's rows stay
        readable while another database is built)."""
        duckdb_path = self.workdir / f"{database}.duckdb"
        if fresh:
            duckdb_path.unlink(missing_ok=True)
        write_grid(self.project_dir, grid)
        write_inputs(duckdb_path, tables)
        self.builds += 1
        built = run_dbt(
            self.project_dir,
            duckdb_path,
            DATA_BUILD,
            {
                "scoring_as_of": AS_OF.isoformat(),
                "lead_scoring_schema": INPUT_SCHEMA,
            },
            threads=4,
        )
        assert built.returncode == 0, built.output
        return built


@pytest.fixture(scope="module")
def scorer(tmp_path_factory) -> Scorer:
    return Scorer(tmp_path_factory.mktemp("properties"))


def lead_scores(run: DbtRun) -> dict[tuple[str, str], tuple]:
    return {
        (contact_id, model): tuple(rest)
        for contact_id, model, *rest in run.query(
            """
            select contact_id, scoring_model, fit_points, activity_points, total_points,
                fit_grade, activity_grade, grade, zone, is_mql, score_reasons
            from main.lead_scores
            """
        )
    }


def criterion_points(run: DbtRun) -> dict[tuple[str, str, str], int]:
    return {
        (contact_id, model, criterion): points
        for contact_id, model, criterion, points in run.query(
            "select contact_id, scoring_model, criterion, points from main.lead_score_details"
        )
    }


def dbt_next_steps(run: DbtRun) -> dict[tuple[str, str], list[Step]]:
    """lead_next_steps as the reference shapes it: each lead's steps in rank order."""
    steps: dict[tuple[str, str], list[Step]] = {}
    for contact_id, model, *step in run.query(
        """
        select contact_id, scoring_model, criterion, label, events_needed, points_gained,
            zone_after, reaches_next_zone, step_rank
        from main.lead_next_steps
        order by contact_id, scoring_model, step_rank
        """
    ):
        steps.setdefault((contact_id, model), []).append(Step(*step))
    return steps


def full_tables(run: DbtRun) -> dict[str, list[tuple]]:
    return {
        table: sorted(run.query(f"select * exclude (run_started_at) from main.{table}"), key=repr)
        if table == "scoring_data_quality"
        else sorted(run.query(f"select * from main.{table}"), key=repr)
        for table in ["lead_scores", "lead_score_details", "scoring_data_quality"]
    }


def audience(grid: Grid, tables: dict[str, list[dict]], model: str) -> list[str]:
    """The contacts ``model`` scores."""
    return sorted(contact_id for contact_id, scored in reference(grid, tables) if scored == model)


def event_matching(grid: Grid, criterion: dict, contact_id: str, days_before: int) -> dict:
    """An event of ``contact_id`` that the criterion's first match rule matches."""
    rule = next(
        rule
        for rule in grid.match_rules
        if (rule["scoring_model"], rule["criterion"])
        == (criterion["scoring_model"], criterion["criterion"])
    )
    return {
        "event_id": "added",
        "contact_id": contact_id,
        "event_type": rule["event_type"],
        "subject": {None: "x", "/a%": "/a", "%b%": "b", "_c%": "xc"}[rule["subject_pattern"]],
        "occurred_at": timestamp(days_before, 3600),
    }


def counted_event_ids(grid: Grid, tables: dict[str, list[dict]]) -> list[str]:
    """The events some activity criterion counts (matching, inside its window) for a
    contact its model scores."""
    scored = set(reference(grid, tables))
    counted = set()
    for event in tables["events"]:
        if event["occurred_at"] is None:
            continue
        days_before = (AS_OF - dt.datetime.fromisoformat(event["occurred_at"]).date()).days
        for criterion in grid.activity_criteria:
            model, lookback = criterion["scoring_model"], criterion["lookback_days"]
            rules = [
                rule
                for rule in grid.match_rules
                if (rule["scoring_model"], rule["criterion"]) == (model, criterion["criterion"])
            ]
            if (
                (event["contact_id"], model) in scored
                and days_before >= 0
                and (lookback is None or days_before < lookback)
                and event_matches(event, rules)
            ):
                counted.add(event["event_id"])
    return sorted(counted)


# --- batches ------------------------------------------------------------------------------

# How many examples each property draws: `LEAD_SCORING_DEEP=1 make test` draws ten times as
# many (docs/tests.md). A property's examples are scored together, so a deeper run costs
# bigger builds, not more of them.
SCALE = 10 if DEEP else 1


def drawn(strategy: st.SearchStrategy, count: int, name: str) -> list:
    """``count`` (times SCALE) examples of ``strategy``, the same ones on every run (the
    seed is ``name``'s); a strategy turns an unsuitable example down with ``assume``."""
    found = []

    @hypothesis.seed(zlib.crc32(name.encode()))
    @settings(SLOW, max_examples=count * SCALE)
    @given(strategy)
    def collect(example) -> None:
        found.append(example)

    collect()
    assert len(found) == count * SCALE
    return found


def tag(index: int, value: str | None, part: str = "x") -> str | None:
    """A key or model name of the ``index``-th example of a batch (of the batch ``part`` of
    a build that scores several)."""
    return None if value is None else f"{part}{index}_{value}"


def in_part(part: str, *names: str) -> bool:
    """Whether every key or model name is one of batch ``part``'s."""
    return all(re.match(rf"{part}\d+_", name) for name in names)


# the columns of each input table that hold a key of the example
INPUT_KEYS = {
    "contacts": ("contact_id", "account_id"),
    "accounts": ("account_id",),
    "events": ("event_id", "contact_id"),
    "contact_attributes": ("contact_id",),
    "conversions": ("contact_id",),
}


def combined(
    examples: list[tuple[Grid, dict[str, list[dict]]]], part: str = "x"
) -> tuple[Grid, dict[str, list[dict]]]:
    """Several examples as one grid and one set of inputs, for one dbt build: the models and
    keys of the ``index``-th are tagged ``x<index>_`` so that no two examples share one. A
    lead's score depends only on its own rows and its model's, so every example scores as
    it would alone; each model also scores the other examples' contacts, and the reference
    scores the same union."""
    grid = Grid(
        *(
            [
                {**row, "scoring_model": tag(index, row["scoring_model"], part)}
                for index, (example_grid, _) in enumerate(examples)
                for row in getattr(example_grid, seed.name)
            ]
            for seed in fields(Grid)
        )
    )
    tables = {
        table: [
            {**row, **{key: tag(index, row.get(key), part) for key in keys}}
            for index, (_, example_tables) in enumerate(examples)
            for row in example_tables.get(table, [])
        ]
        for table, keys in INPUT_KEYS.items()
    }
    return grid, tables


def merged(*batches: tuple[Grid, dict[str, list[dict]]]) -> tuple[Grid, dict[str, list[dict]]]:
    """Combined batches (each tagged with a part of its own) as one grid and one set of
    inputs: every lead still scores as it would in its batch alone."""
    grid = Grid(
        *(
            [row for batch_grid, _ in batches for row in getattr(batch_grid, seed.name)]
            for seed in fields(Grid)
        )
    )
    tables = {
        table: [row for _, batch_tables in batches for row in batch_tables.get(table, [])]
        for table in INPUT_KEYS
    }
    return grid, tables


@st.composite
def examples(draw) -> tuple[Grid, dict[str, list[dict]]]:
    """A random grid and random inputs."""
    return draw(grids()), draw(inputs())


@st.composite
def added_event_cases(draw) -> tuple[Grid, dict, tuple[str, dict]]:
    """An example, a positive activity criterion and a contact its model scores."""
    grid, tables = draw(grids()), draw(inputs())
    positive = [c for c in grid.activity_criteria if c["points_1_plus"] > 0]
    assume(positive)
    criterion = draw(st.sampled_from(positive))
    members = audience(grid, tables, criterion["scoring_model"])
    assume(members)
    return grid, tables, (draw(st.sampled_from(members)), criterion)


@st.composite
def moved_event_cases(draw) -> tuple[Grid, dict, str]:
    """An example and one of its events that some criterion counts."""
    grid, tables = draw(grids()), draw(inputs())
    inside = counted_event_ids(grid, tables)
    assume(inside)
    return grid, tables, draw(st.sampled_from(inside))


@st.composite
def earlier_event_cases(draw) -> tuple[Grid, dict, tuple[dict, str, int]]:
    """An example, a decaying criterion whose window leaves room to move an event earlier
    inside it, a contact its model scores and how many days earlier."""
    grid, tables = draw(grids()), draw(inputs())
    decaying = [
        c
        for c in grid.activity_criteria
        if c["decay_half_life_days"] is not None and c["lookback_days"] != 1
    ]
    assume(decaying)
    criterion = draw(st.sampled_from(decaying))
    members = audience(grid, tables, criterion["scoring_model"])
    assume(members)
    contact_id = draw(st.sampled_from(members))
    lookback = criterion["lookback_days"]
    days_earlier = draw(st.integers(1, 45 if lookback is None else lookback - 1))
    return grid, tables, (criterion, contact_id, days_earlier)


def with_event(tables: dict[str, list[dict]], added: dict) -> dict[str, list[dict]]:
    return {**tables, "events": [*tables["events"], added]}


# --- properties ---------------------------------------------------------------------------


def rounded(value):
    """``value`` with every float rounded to 9 places (SQL sums in another order)."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return tuple(rounded(v) for v in value)
    return value


# --- the paired builds: the reference comparison and the properties of a change -----------

# the batches the paired builds score together, each tagged with a part of its own
REFERENCE, ADDED, MOVED, EARLIER, NEXT_STEP = "r", "a", "m", "e", "n"


@dataclass
class PairedBuilds:
    """The reference's examples and the examples of each change property scored in one
    build before the changes (``before``, with its grid and inputs), then the changed
    examples in one build (``after``); the drawn cases of each property, and the next steps
    whose events ``after`` adds."""

    before: DbtRun
    after: DbtRun
    before_grid: Grid
    before_tables: dict[str, list[dict]]
    added: list
    moved: list
    earlier: list
    promised: dict[tuple[str, str], Step]


def out_of_every_window(tables: dict[str, list[dict]], moved_id: str) -> dict[str, list[dict]]:
    """The event ``moved_id`` moved before every window but all-history ones: 400 days back."""
    return {
        **tables,
        "events": [
            {**event, "occurred_at": timestamp(400, 0)} if event["event_id"] == moved_id else event
            for event in tables["events"]
        ],
    }


def promised_steps(run: DbtRun, grid: Grid) -> tuple[dict[tuple[str, str], Step], list[dict]]:
    """One next step per contact of ``grid``'s batch (NEXT_STEP) and the events that take
    it: of every other contact a step that reaches the next zone if it has one, of the
    others one that does not, each the first whose events no other criterion of the model
    counts too (in turn its model's 1st, 2nd, ... step from contact to contact). A lead's
    score depends only on its own events, so the steps of different contacts are kept apart
    in one rescoring build; its events reach every model that scores it: only the step's
    model is checked."""
    criteria = {(c["scoring_model"], c["criterion"]): c for c in grid.activity_criteria}
    in_sequences = {
        (sequence["scoring_model"], sequence[step])
        for sequence in grid.activity_sequences
        for step in ("first_criterion", "then_criterion")
    }

    def counts_only_for(criterion: dict, event: dict) -> bool:
        """The event matches no other criterion of the step's model, and the criterion is
        no step of a sequence (whose points the events could earn too: `zone_after` is the
        zone with only the step's change)."""
        if (criterion["scoring_model"], criterion["criterion"]) in in_sequences:
            return False
        return not any(
            event_matches(
                event,
                [
                    rule
                    for rule in grid.match_rules
                    if (rule["scoring_model"], rule["criterion"]) == key
                ],
            )
            for key, other in criteria.items()
            if key[0] == criterion["scoring_model"] and other is not criterion
        )

    leads = {
        lead: steps for lead, steps in dbt_next_steps(run).items() if in_part(NEXT_STEP, *lead)
    }
    by_contact: dict[str, list[tuple[tuple, Step]]] = {}
    for index, (lead, steps) in enumerate(sorted(leads.items())):
        turned = steps[index % len(steps) :] + steps[: index % len(steps)]
        by_contact.setdefault(lead[0], []).extend((lead, step) for step in turned)
    chosen, added = {}, []
    for index, (contact_id, candidates) in enumerate(sorted(by_contact.items())):
        wanted = index % 2 == 0
        ordered = sorted(candidates, key=lambda pair: pair[1].reaches_next_zone != wanted)
        for lead, step in ordered:
            criterion = criteria[(lead[1], step.criterion)]
            event = event_matching(grid, criterion, contact_id, 0)
            if counts_only_for(criterion, event):
                chosen[lead] = step
                added += [
                    {**event, "event_id": f"step_{index}_{number}"}
                    for number in range(step.events_needed)
                ]
                break
    return chosen, added


@pytest.fixture(scope="module")
def paired_builds(scorer) -> PairedBuilds:
    # the worked example, then twelve random ones
    reference_batch = combined(
        [(WORKED_GRID, WORKED_TABLES), *drawn(examples(), 12, "reference")], REFERENCE
    )
    added = drawn(added_event_cases(), 3, "added event")
    moved = drawn(moved_event_cases(), 3, "moved event")
    earlier = drawn(earlier_event_cases(), 3, "earlier event")
    # many leads of random examples, one step each
    step_grid, step_tables = combined(drawn(examples(), 10, "next step promise"), NEXT_STEP)

    before_grid, before_tables = merged(
        reference_batch,
        combined([(grid, tables) for grid, tables, _ in added], ADDED),
        combined([(grid, tables) for grid, tables, _ in moved], MOVED),
        # the criterion's latest event, on the as-of date: undecayed
        combined(
            [
                (grid, with_event(tables, event_matching(grid, criterion, contact_id, 0)))
                for grid, tables, (criterion, contact_id, _) in earlier
            ],
            EARLIER,
        ),
        (step_grid, step_tables),
    )
    before = scorer.build(before_grid, before_tables, database="before")
    promised, step_events = promised_steps(before, step_grid)
    after = scorer.build(
        *merged(
            # on the as-of date: inside every window, and nothing decays on its day
            combined(
                [
                    (grid, with_event(tables, event_matching(grid, criterion, contact_id, 0)))
                    for grid, tables, (contact_id, criterion) in added
                ],
                ADDED,
            ),
            combined(
                [(grid, out_of_every_window(tables, moved_id)) for grid, tables, moved_id in moved],
                MOVED,
            ),
            # the same event, still inside the window: the same count, an older last event
            combined(
                [
                    (grid, with_event(tables, event_matching(grid, criterion, contact_id, days)))
                    for grid, tables, (criterion, contact_id, days) in earlier
                ],
                EARLIER,
            ),
            (step_grid, {**step_tables, "events": [*step_tables["events"], *step_events]}),
        ),
        database="after",
    )
    return PairedBuilds(before, after, before_grid, before_tables, added, moved, earlier, promised)


def test_dbt_scores_equal_the_independent_reference(paired_builds):
    run = paired_builds.before
    grid, tables = paired_builds.before_grid, paired_builds.before_tables

    def of_reference(rows: dict) -> dict:
        """The rows of the reference batch's models (keyed by contact, then model)."""
        return {key: value for key, value in rows.items() if in_part(REFERENCE, key[1])}

    expected = of_reference(reference(grid, tables))
    assert len({model for _, model in expected}) > 12  # the worked example's and the random ones'

    # the same contacts scored by each model, with the same points, grades, zone and reasons
    assert of_reference(lead_scores(run)) == {
        scored: (
            score.fit_points,
            score.activity_points,
            score.total_points,
            score.fit_grade,
            score.activity_grade,
            score.grade,
            score.zone,
            score.is_mql,
            score.score_reasons,
        )
        for scored, score in expected.items()
    }
    assert of_reference(criterion_points(run)) == {
        (contact_id, model, criterion): points
        for (contact_id, model), score in expected.items()
        for criterion, points in score.criterion_points.items()
        if points != 0 or criterion.startswith("act_")
    }

    # the same next steps (contract section 8), and next_step as their rank-1 step's text
    expected_steps = next_steps(grid, expected)
    assert of_reference(dbt_next_steps(run)) == expected_steps
    next_step_texts = run.query("select contact_id, scoring_model, next_step from main.lead_scores")
    assert of_reference(
        {(contact_id, model): text for contact_id, model, text in next_step_texts}
    ) == {scored: next_step_text(expected_steps.get(scored, [])) for scored in expected}
    # SPEC section 8 on the same build: velocity, then the calibration window (each model's
    # over every contact it scores, of any batch)
    assert of_reference(
        {
            (contact_id, model): (points_7d, points_30d, is_surging)
            for contact_id, model, points_7d, points_30d, is_surging in run.query(
                "select contact_id, scoring_model, points_7d, points_30d, is_surging"
                " from main.lead_scores"
            )
        }
    ) == of_reference(velocity(tables, grid, AS_OF))
    calibrated = calibration(tables, grid, AS_OF)
    assert rounded(
        of_reference(
            {
                (contact_id, model): probability
                for contact_id, model, probability in run.query(
                    "select contact_id, scoring_model, conversion_probability from main.lead_scores"
                )
            }
        )
    ) == rounded(of_reference(calibrated.lead_probability))
    cells = [
        cell
        for cell in run.query(
            "select scoring_model, grade, window_leads, window_conversions,"
            " conversion_probability, brier_score, backtest_brier_score"
            " from main.score_calibration"
        )
        if in_part(REFERENCE, cell[0])
    ]

    def of_models(rows: dict) -> dict:
        """The rows of the reference batch's models (keyed by model, or model then grade)."""
        return {
            key: value
            for key, value in rows.items()
            if in_part(REFERENCE, key[0] if isinstance(key, tuple) else key)
        }

    assert rounded(
        {
            (model, grade): (leads, conversions, p)
            for model, grade, leads, conversions, p, *_ in cells
        }
    ) == rounded(of_models(calibrated.cells))
    assert rounded({model: brier for model, *_, brier, _ in cells}) == rounded(
        of_models(calibrated.brier)
    )
    assert rounded({model: backtest for model, *_, backtest in cells}) == rounded(
        of_models(calibrated.backtest_brier)
    )


def test_adding_a_matching_event_never_lowers_a_positive_criterion(paired_builds):
    before = criterion_points(paired_builds.before)
    after = criterion_points(paired_builds.after)

    for index, (_, _, (contact_id, criterion)) in enumerate(paired_builds.added):
        key = (
            tag(index, contact_id, ADDED),
            tag(index, criterion["scoring_model"], ADDED),
            criterion["criterion"],
        )
        assert after[key] >= before.get(key, 0), key
        assert after[key] > 0, key


def changed_part(paired_builds: PairedBuilds, part: str) -> tuple[dict, dict]:
    """The criterion points of batch ``part``'s contacts under its own models, before and
    after the change."""
    return tuple(
        {key: points for key, points in criterion_points(run).items() if in_part(part, *key[:2])}
        for run in (paired_builds.before, paired_builds.after)
    )


def test_moving_an_event_out_of_its_window_never_raises_a_criterions_weight(paired_builds):
    # an event that counts (inside a criterion's window, of a contact its model scores),
    # moved before every window
    before, after = changed_part(paired_builds, MOVED)

    assert before
    for key in set(before) | set(after):
        assert abs(after.get(key, 0)) <= abs(before.get(key, 0)), key


def test_moving_a_criterions_latest_event_earlier_never_raises_its_points(paired_builds):
    before, after = changed_part(paired_builds, EARLIER)

    for index, (_, _, (criterion, contact_id, _)) in enumerate(paired_builds.earlier):
        key = (
            tag(index, contact_id, EARLIER),
            tag(index, criterion["scoring_model"], EARLIER),
            criterion["criterion"],
        )
        assert before[key] != 0, key
        assert key in after, key
    # a negative criterion fades towards 0 too: its weight never grows
    for changed in set(before) | set(after):
        assert abs(after.get(changed, 0)) <= abs(before.get(changed, 0)), changed


def test_permuting_input_and_grid_rows_changes_nothing(scorer):
    cases = drawn(st.tuples(grids(), inputs(), st.integers(0, 2**16)), 3, "permuted")
    first = full_tables(scorer.build(*combined([(g, t) for g, t, _ in cases])))

    permuted = []
    for grid, tables, seed in cases:
        shuffler = random.Random(seed)

        def shuffled(rows: list, shuffler: random.Random = shuffler) -> list:
            return shuffler.sample(rows, len(rows))

        permuted_grid = Grid(*(shuffled(rows) for rows in vars(grid).values()))
        permuted.append((permuted_grid, {table: shuffled(rows) for table, rows in tables.items()}))
    second = full_tables(scorer.build(*combined(permuted)))

    assert second == first


def test_rerunning_the_build_on_the_same_data_gives_identical_tables(scorer):
    grid, tables = combined(drawn(examples(), 1, "rerun"))
    first = full_tables(scorer.build(grid, tables))
    second = full_tables(scorer.build(grid, tables, fresh=False))

    assert second == first


def totals_and_zones(run: DbtRun) -> dict[tuple[str, str], tuple[int, str]]:
    return {
        (contact_id, model): (total_points, zone)
        for contact_id, model, total_points, zone in run.query(
            "select contact_id, scoring_model, total_points, zone from main.lead_scores"
        )
    }


def test_the_next_step_keeps_its_promise(paired_builds):
    chosen = paired_builds.promised
    assert len(chosen) >= 20, "too few steps to test"
    assert any(step.reaches_next_zone for step in chosen.values())
    assert any(not step.reaches_next_zone for step in chosen.values())

    scores = totals_and_zones(paired_builds.before)
    rescored = totals_and_zones(paired_builds.after)
    for lead, step in chosen.items():
        total_before, _ = scores[lead]
        assert rescored[lead] == (total_before + step.points_gained, step.zone_after), (
            lead,
            step,
        )

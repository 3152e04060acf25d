"""Golden end-to-end cases: hand-computed from contract sections 2-3, checked on a real dbt build.

The dataset (support/golden_dataset.py) holds every case, each on its own contact, and is
scored once as of 2026-06-30 with the shipped `default` grid plus a test model `tiers` whose
one criterion has all four tiers (the default grid leaves 5+ and 10+ blank). Every expected
number below was worked out from the contract by hand, not read from the output.
"""

from __future__ import annotations

import itertools

import pytest

from support.dbt_harness import DbtRun, build_on_inputs
from support.golden_dataset import (
    ACCOUNTS,
    ACTIVITY_AT_MINIMUM,
    AS_OF,
    BELOW_BAND_EDGES,
    CALIBRATION_BACKTEST_BRIER,
    CALIBRATION_BRIER,
    CALIBRATION_CELLS,
    CONTACTS,
    CONVERSIONS,
    EVENTS,
    FIT_AT_MINIMUM,
    FIT_CASES,
    GRID_ROWS,
    VELOCITY_CASES,
    VELOCITY_DECAY,
    WINDOW_CASES,
    ZONES,
)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> DbtRun:
    built = build_on_inputs(
        tmp_path_factory.mktemp("golden"),
        {"contacts": CONTACTS, "accounts": ACCOUNTS, "events": EVENTS, "conversions": CONVERSIONS},
        as_of=AS_OF.isoformat(),
        extra_grid_rows=GRID_ROWS,
        scoring_models=("default",),
    )
    assert built.returncode == 0, built.output
    return built


def score(run: DbtRun, contact_id: str, scoring_model: str = "default") -> dict:
    rows = run.query(
        """
        select fit_points, activity_points, fit_grade, activity_grade, grade, zone, is_mql,
            score_reasons, scored_as_of
        from main.lead_scores
        where contact_id = ? and scoring_model = ?
        """,
        [contact_id, scoring_model],
    )
    assert len(rows) == 1, f"{contact_id}: expected one {scoring_model} row, got {rows}"
    keys = ["fit_points", "activity_points", "fit_grade", "activity_grade", "grade", "zone"]
    keys += ["is_mql", "score_reasons", "scored_as_of"]
    return dict(zip(keys, rows[0], strict=True))


def detail(run: DbtRun, contact_id: str, criterion: str, scoring_model: str = "default"):
    """(event_count, uncapped_points, points, max_points) of a criterion, or None."""
    rows = run.query(
        """
        select event_count, uncapped_points, points, max_points
        from main.lead_score_details
        where contact_id = ? and criterion = ? and scoring_model = ?
        """,
        [contact_id, criterion, scoring_model],
    )
    assert len(rows) <= 1
    return rows[0] if rows else None


def test_every_contact_is_scored_once_per_model(run):
    contacts = {row["contact_id"] for row in CONTACTS}
    rows = run.query(
        "select scoring_model, count(*), count(distinct contact_id)"
        " from main.lead_scores group by 1 order by 1"
    )
    # the calibrated model's audience: the prospects titled Calibrator (cal_a1 and cal_c1
    # are customers as of the as-of date)
    calibrators = {
        row["contact_id"]
        for row in CONTACTS
        if row["job_title"] == "Calibrator" and row["contact_id"] not in {"cal_a1", "cal_c1"}
    }
    assert rows == [
        ("calibrated", len(calibrators), len(calibrators)),
        ("default", len(contacts), len(contacts)),
        ("tiers", len(contacts), len(contacts)),
    ]


def test_scores_carry_the_as_of_date(run):
    assert score(run, "cell_A4")["scored_as_of"] == AS_OF


@pytest.mark.parametrize(
    ("count", "default_points", "tiers_points"),
    [
        (0, 0, 0),
        (1, 500, 100),
        (2, 1000, 200),
        (4, 1000, 200),
        (5, 1000, 500),
        (9, 1000, 500),
        (10, 1000, 900),
        (11, 1000, 900),
    ],
)
def test_highest_tier_reached_counts(run, count, default_points, tiers_points):
    assert score(run, f"tiers_{count}")["activity_points"] == default_points
    assert score(run, f"tiers_{count}", "tiers")["activity_points"] == tiers_points


def test_key_page_visits_never_pass_their_cap(run):
    assert detail(run, "tiers_11", "key_page_visits") == (11, 1000, 1000, 1000)


def test_criterion_with_no_event_has_no_detail_row(run):
    assert detail(run, "tiers_0", "key_page_visits") is None


def test_negative_criterion_stays_at_its_floor_over_all_history(run):
    # unsubscribe looks at all history: the event 400 days back counts too
    assert detail(run, "unsubscribed_3_times", "unsubscribe") == (3, -500, -500, -500)
    assert score(run, "unsubscribed_3_times")["activity_points"] == -500


@pytest.mark.parametrize("case", list(WINDOW_CASES))
def test_window_is_90_calendar_days_ending_on_the_as_of_day(run, case):
    expected = WINDOW_CASES[case][1]
    assert score(run, f"window_{case}")["activity_points"] == expected


def test_duplicate_event_id_counts_once(run):
    assert detail(run, "duplicate_event", "key_page_visits") == (1, 500, 500, 1000)


def test_event_type_and_subject_ignore_case_and_spaces(run):
    assert detail(run, "case_and_spaces", "key_page_visits") == (1, 500, 500, 1000)
    assert detail(run, "case_and_spaces", "high_velocity_download") == (1, 1000, 1000, 1000)
    assert score(run, "case_and_spaces")["activity_points"] == 1500


def test_events_matching_two_rules_of_one_criterion_add_up(run):
    assert detail(run, "two_rules_one_criterion", "demo_or_contact_request") == (
        2,
        1000,
        1000,
        1000,
    )


def test_events_no_criterion_knows_score_nothing(run):
    assert score(run, "unmatched_events")["activity_points"] == 0
    rows = run.query(
        "select count(*) from main.lead_score_details where contact_id = 'unmatched_events'"
    )
    assert rows == [(0,)]


@pytest.mark.parametrize("case", list(FIT_CASES))
def test_fit_operator(run, case):
    _, _, criterion, expected = FIT_CASES[case]
    contact_id = f"fit_{case}"
    assert score(run, contact_id)["fit_points"] == expected
    found = detail(run, contact_id, criterion)
    assert (found[2] if found else 0) == expected


def test_highest_matching_row_of_a_fit_criterion_counts(run):
    rows = run.query(
        "select label, points from main.lead_score_details"
        " where contact_id = 'fit_title_senior_and_manager'"
    )
    assert rows == [("Senior title", 200)]


def test_latest_version_of_a_duplicated_contact_is_scored(run):
    assert score(run, "exported_twice")["fit_points"] == 0


@pytest.mark.parametrize(("fit_grade", "activity_grade"), list(itertools.product("ABCD", "4321")))
def test_grade_cell_and_zone(run, fit_grade, activity_grade):
    found = score(run, f"cell_{fit_grade}{activity_grade}")
    zone = ZONES[fit_grade][activity_grade]
    assert (found["fit_points"], found["activity_points"]) == (
        FIT_AT_MINIMUM[fit_grade],
        ACTIVITY_AT_MINIMUM[activity_grade],
    )
    assert (found["fit_grade"], found["activity_grade"]) == (fit_grade, activity_grade)
    assert found["grade"] == f"{fit_grade}{activity_grade}"
    assert (found["zone"], found["is_mql"]) == (zone, zone == "hot")


@pytest.mark.parametrize(
    ("case", "expected_grade"),
    [
        ("fit_650", "B1"),
        ("fit_350", "C1"),
        ("fit_50", "D1"),
        ("fit_negative", "D1"),
        ("activity_800", "D3"),
        ("activity_700", "D3"),
        ("activity_300", "D2"),
        ("activity_negative", "D1"),
    ],
)
def test_points_just_below_a_band_get_the_lower_grade(run, case, expected_grade):
    _, _, _, fit_points, activity_points = BELOW_BAND_EDGES[case]
    found = score(run, f"edge_{case}")
    assert (found["fit_points"], found["activity_points"]) == (fit_points, activity_points)
    assert found["grade"] == expected_grade


def test_reasons_list_largest_absolute_points_first_ties_in_grid_order(run):
    found = score(run, "reasons")
    assert found["score_reasons"] == (
        "Key page visits (2) +1000; Demo or contact request +1000; Unsubscribe -500; "
        "Target industry +300; Webinar registration +200; Senior title +200; "
        "Phone provided +50"
    )
    assert (found["fit_points"], found["activity_points"]) == (550, 1700)


def test_reasons_are_empty_when_nothing_scored(run):
    assert score(run, "cell_D1")["score_reasons"] == ""


def next_steps(run: DbtRun, contact_id: str, scoring_model: str = "default") -> list[tuple]:
    """(criterion, events_needed, points_gained, zone_after, reaches_next_zone, step_rank)."""
    return run.query(
        """
        select criterion, events_needed, points_gained, zone_after, reaches_next_zone, step_rank
        from main.lead_next_steps
        where contact_id = ? and scoring_model = ?
        order by step_rank
        """,
        [contact_id, scoring_model],
    )


def next_step(run: DbtRun, contact_id: str, scoring_model: str = "default") -> str | None:
    rows = run.query(
        "select next_step from main.lead_scores where contact_id = ? and scoring_model = ?",
        [contact_id, scoring_model],
    )
    assert len(rows) == 1
    return rows[0][0]


# default grid, matrix zones. Every activity criterion with no event yet is one event from
# its 1+ tier; ranks: hotter zone first, then fewer events, more points, display_order
# (key page 1, low-velocity 2, high-velocity 3, registration 4, attendance 5, demo 6)
NEXT_STEPS_BY_HAND = {
    # B3 (fit 400, one pricing view = 500), warm. A second view crosses into the 2+ tier,
    # 1000, the cap: +500 -> 1000, B4 hot. High-velocity download +1000 and demo +1000 ->
    # 1500, attendance +800 -> 1300, low-velocity +500 -> 1000: all B4 hot. Registration
    # +200 -> 700, B3 warm: ranked last. The unsubscribe (negative) is never a step.
    "cell_B3": (
        [
            ("high_velocity_download", 1, 1000, "hot", True, 1),
            ("demo_or_contact_request", 1, 1000, "hot", True, 2),
            ("webinar_attendance", 1, 800, "hot", True, 3),
            ("key_page_visits", 1, 500, "hot", True, 4),
            ("low_velocity_download", 1, 500, "hot", True, 5),
            ("webinar_registration", 1, 200, "warm", False, 6),
        ],
        "1 more High-velocity content download (+1000) → hot",
    ),
    # A2 (fit 700, registration 200 = its cap: no step there), warm. +500 -> 700 is A3,
    # hot, already; every other step is hot too
    "cell_A2": (
        [
            ("high_velocity_download", 1, 1000, "hot", True, 1),
            ("demo_or_contact_request", 1, 1000, "hot", True, 2),
            ("webinar_attendance", 1, 800, "hot", True, 3),
            ("key_page_visits", 1, 500, "hot", True, 4),
            ("low_velocity_download", 1, 500, "hot", True, 5),
        ],
        "1 more High-velocity content download (+1000) → hot",
    ),
    # fit D: every cell of row D is cold, so no step reaches a hotter zone. Activity -500
    # (an unsubscribe, negative: no step); each step's points land in D2..D4, cold.
    "edge_activity_negative": (
        [
            ("high_velocity_download", 1, 1000, "cold", False, 1),
            ("demo_or_contact_request", 1, 1000, "cold", False, 2),
            ("webinar_attendance", 1, 800, "cold", False, 3),
            ("key_page_visits", 1, 500, "cold", False, 4),
            ("low_velocity_download", 1, 500, "cold", False, 5),
            ("webinar_registration", 1, 200, "cold", False, 6),
        ],
        None,
    ),
    # hot leads have no step
    "cell_A4": ([], None),
    "cell_A3": ([], None),
}


@pytest.mark.parametrize("contact_id", NEXT_STEPS_BY_HAND)
def test_next_steps_by_hand(run, contact_id):
    expected_steps, expected_text = NEXT_STEPS_BY_HAND[contact_id]
    assert next_steps(run, contact_id) == expected_steps
    assert next_step(run, contact_id) == expected_text


# the `tiers` model (100 / 200 / 500 / 900 at 1 / 2 / 5 / 10 events, cap 1000; no fit rule:
# fit D, always cold): the fewest events to the next tier, the points it adds. Its second
# criterion, fading_pings (400 at 1+, display_order 2), has no event for these leads: one
# ping on the as-of date gives 400 (decay factor 1). No step reaches a hotter zone, so
# fewer events rank first, then more points, then display_order
FADING_PING_STEP = ("fading_pings", 1, 400, "cold", False)


@pytest.mark.parametrize(
    ("contact_id", "expected"),
    [
        # both one event away: 400 > 100
        ("tiers_0", [(*FADING_PING_STEP, 1), ("pricing_visits", 1, 100, "cold", False, 2)]),
        # 5 events: 500 - 200, three events away; the ping is one
        ("tiers_2", [(*FADING_PING_STEP, 1), ("pricing_visits", 3, 300, "cold", False, 2)]),
        # 5 events: 500 - 200, one away as the ping: 400 > 300
        ("tiers_4", [(*FADING_PING_STEP, 1), ("pricing_visits", 1, 300, "cold", False, 2)]),
        # 10 events: 900 - 500 = 400, one away as the ping, same points: display_order 1 first
        ("tiers_9", [("pricing_visits", 1, 400, "cold", False, 1), (*FADING_PING_STEP, 2)]),
        # 900 is the top tier: below the cap (1000) but no tier is higher, so no step there
        ("tiers_10", [(*FADING_PING_STEP, 1)]),
    ],
)
def test_next_step_is_the_nearest_higher_tier(run, contact_id, expected):
    assert next_steps(run, contact_id, "tiers") == expected
    assert next_step(run, contact_id, "tiers") is None


def velocity(run: DbtRun, contact_id: str, scoring_model: str = "tiers") -> tuple:
    """(activity_points, points_7d, points_30d, is_surging) of a lead."""
    rows = run.query(
        "select activity_points, points_7d, points_30d, is_surging from main.lead_scores"
        " where contact_id = ? and scoring_model = ?",
        [contact_id, scoring_model],
    )
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize("contact_id", sorted(VELOCITY_CASES))
def test_velocity_reads_each_earlier_date_with_its_own_window(run, contact_id):
    _, points_7d, points_30d = VELOCITY_CASES[contact_id]
    # the tiers model surges at +100 in 7 days
    assert velocity(run, contact_id)[1:] == (points_7d, points_30d, points_7d >= 100)


def test_velocity_decays_from_the_earlier_date(run):
    assert velocity(run, "velocity_decay")[:3] == VELOCITY_DECAY
    assert detail(run, "velocity_decay", "fading_pings", "tiers") == (1, 400, 123, 400)


def test_a_model_without_surge_points_flags_no_surge(run):
    # cal_b6: two visits in the last 7 days, +200 points, but `calibrated` has no surge_points
    assert velocity(run, "cal_b6", "calibrated") == (200, 200, 200, False)


def test_calibration_cells_with_the_prior_and_an_empty_cell(run):
    rows = run.query(
        "select grade, window_leads, window_conversions, raw_conversion_rate,"
        " conversion_probability, model_window_leads, model_window_conversion_rate,"
        " window_start from main.score_calibration where scoring_model = 'calibrated'"
        " order by grade"
    )
    found = {row[0]: row[1:] for row in rows}
    assert sorted(found) == sorted(CALIBRATION_CELLS)
    for grade, (leads, conversions, raw_rate, probability) in CALIBRATION_CELLS.items():
        got = found[grade]
        assert got[:2] == (leads, conversions), grade
        assert got[2] == (pytest.approx(raw_rate) if raw_rate is not None else None), grade
        assert got[3] == pytest.approx(probability), grade
        assert got[4:6] == (10, pytest.approx(0.1))
        assert str(got[6]) == "2026-04-01"


def test_brier_scores_on_the_window_and_the_backtest(run):
    rows = run.query(
        "select distinct brier_score, backtest_brier_score from main.score_calibration"
        " where scoring_model = 'calibrated'"
    )
    assert rows == [(pytest.approx(CALIBRATION_BRIER), pytest.approx(CALIBRATION_BACKTEST_BRIER))]


def test_each_lead_gets_the_probability_of_its_cell_now(run):
    rows = run.query(
        "select contact_id, grade, conversion_probability from main.lead_scores"
        " where scoring_model = 'calibrated' order by contact_id"
    )
    # now: cal_b6 is "3" (0.1), every other lead "1" (2/26): cal_a's visit is 100 days old;
    # cal_a1 and cal_c1 are customers, no leads of this prospects-only model
    assert rows == [
        (contact_id, grade, pytest.approx(CALIBRATION_CELLS[grade][3]))
        for contact_id, grade in [(f"cal_a{n}", "1") for n in range(2, 5)]
        + [(f"cal_b{n}", "1") for n in range(1, 6)]
        + [("cal_b6", "3"), ("cal_d1", "1")]
    ]

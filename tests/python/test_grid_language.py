"""Golden cases for the second edition of the grid language (contract section 6) and its
sequence criteria (section 8), hand-computed.

The dataset and its test models (support/grid_language_dataset.py) are scored once as of
2026-06-30 with the shipped grid plus test models, each showing one rule: total-points zones
at their edges (`total_t`), one-dimension models (`activity_only`, `fit_only`), audiences with
`lead.is_customer` at the as-of boundary and with two rows (`customers_only`, `champions`),
decay (`fading`), a conversion product (`addon`), any contact column and long-form attributes
(`total_t`), account scores and sales feedback, sequences at their edges (`sequenced`).
Every expected number below was worked out from the contract by hand.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from lead_scoring import summary
from support.dbt_harness import DEMO_MODELS, DbtRun, build_on_inputs
from support.grid_language_dataset import (
    ACCOUNTS,
    AS_OF,
    ATTRIBUTES,
    CONTACTS,
    CONVERSIONS,
    EVENTS,
    FEEDBACK,
    GRID_ROWS,
)


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> DbtRun:
    built = build_on_inputs(
        tmp_path_factory.mktemp("grid_language"),
        {
            "contacts": CONTACTS,
            "accounts": ACCOUNTS,
            "events": EVENTS,
            "conversions": CONVERSIONS,
            "contact_attributes": ATTRIBUTES,
            "sales_feedback": FEEDBACK,
        },
        as_of=AS_OF.isoformat(),
        extra_grid_rows=GRID_ROWS,
        scoring_models=DEMO_MODELS,
    )
    assert built.returncode == 0, built.output
    return built


def score(run: DbtRun, contact_id: str, model: str) -> tuple:
    """(fit, activity, total points, fit grade, activity grade, grade, zone, is_mql)."""
    rows = run.query(
        """
        select fit_points, activity_points, total_points, fit_grade, activity_grade, grade,
            zone, is_mql
        from main.lead_scores
        where contact_id = ? and scoring_model = ?
        """,
        [contact_id, model],
    )
    assert len(rows) == 1, f"{contact_id}: expected one {model} row, got {rows}"
    return rows[0]


def scored_contacts(run: DbtRun, model: str) -> set[str]:
    rows = run.query("select contact_id from main.lead_scores where scoring_model = ?", [model])
    return {contact_id for (contact_id,) in rows}


@pytest.mark.parametrize(
    ("contact_id", "expected"),
    [
        # 40 (department, messy case and spaces) + 60 = 100: hot at the threshold
        ("t100", (40, 60, 100, "B", "4", "B4", "hot", True)),
        # 30 (latest persona row wins, name in another case) + 9 (5 years) + 60 = 99: warm,
        # in the same B4 cell as t100: with zone_method total the cell does not decide
        ("t99", (39, 60, 99, "B", "4", "B4", "warm", False)),
        # 40 + 10 (one page view) = 50: warm at its threshold
        ("t50", (40, 10, 50, "B", "2", "B2", "warm", False)),
        # 40 + 9 (3 years, the lower bound is inclusive) = 49: cold
        ("t49", (49, 0, 49, "B", "1", "B1", "cold", False)),
        # "about 50" is no number: between matches nothing; " 42 " is one
        ("team_not_a_number", (0, 0, 0, "D", "1", "D1", "cold", False)),
        ("team_exponent", (0, 0, 0, "D", "1", "D1", "cold", False)),
        ("team_42", (1, 0, 1, "D", "1", "D1", "cold", False)),
    ],
)
def test_total_points_zones_and_any_attribute(run, contact_id, expected):
    assert score(run, contact_id, "total_t") == expected


def test_non_numeric_value_under_between_is_counted_in_data_quality(run):
    rows = run.query(
        """
        select outcome, row_count, example_keys
        from main.scoring_data_quality
        where input_table = 'attribute_values' and reason = 'non_numeric_between_value'
        """
    )
    assert rows == [
        (
            "reported",
            2,
            "team_exponent attributes.team_size = 1e1,"
            " team_not_a_number attributes.team_size = about 50",
        )
    ]


def test_superseded_attribute_rows_are_counted_in_data_quality(run):
    rows = run.query(
        """
        select reason, row_count
        from main.scoring_data_quality
        where input_table = 'contact_attributes' and row_count > 0
        order by reason
        """
    )
    # t99's three persona rows are one attribute: the two older ones are superseded
    assert rows == [("scored", 5), ("superseded_attribute_value", 2)]


def test_activity_only_model_has_no_fit_grade(run):
    assert score(run, "t100", "activity_only") == (0, 1000, 1000, None, "4", "4", "hot", True)
    assert score(run, "t49", "activity_only") == (0, 0, 0, None, "1", "1", "cold", False)


def test_fit_only_model_has_no_activity_grade(run):
    assert score(run, "t100", "fit_only") == (100, 0, 100, "A", None, "A", "hot", True)
    assert score(run, "champ_both", "fit_only") == (100, 0, 100, "A", None, "A", "hot", True)
    assert score(run, "t99", "fit_only") == (0, 0, 0, "D", None, "D", "cold", False)


def test_customer_audience_is_decided_at_the_end_of_the_as_of_day(run):
    # converted at 23:59:59 on the as-of day: a customer; one second later: not yet; a
    # conversion of any product makes a customer
    assert scored_contacts(run, "customers_only") == {"cust_on_as_of", "cust_addon"}
    assert score(run, "cust_on_as_of", "customers_only") == (
        0,
        100,
        100,
        None,
        "4",
        "4",
        "hot",
        True,
    )


def test_an_audience_of_two_rows_needs_both(run):
    assert scored_contacts(run, "champions") == {"champ_both"}


def test_models_without_audience_score_every_contact(run):
    contacts = {row["contact_id"] for row in CONTACTS}
    assert scored_contacts(run, "total_t") == contacts
    assert scored_contacts(run, "default") == contacts


def fading(run: DbtRun, contact_id: str, criterion_name: str) -> tuple:
    rows = run.query(
        """
        select event_count, last_event_on, decay_factor, uncapped_points, points
        from main.lead_score_details
        where contact_id = ? and scoring_model = 'fading' and criterion = ?
        """,
        [contact_id, criterion_name],
    )
    assert len(rows) == 1
    return rows[0]


@pytest.mark.parametrize(
    ("contact_id", "criterion_name", "expected"),
    [
        ("decay_d0", "fa_demo", (1, AS_OF, 1.0, 1000, 1000)),
        ("decay_d10", "fa_demo", (1, dt.date(2026, 6, 20), 0.5, 1000, 500)),
        ("decay_d20", "fa_demo", (1, dt.date(2026, 6, 10), 0.25, 1000, 250)),
        # the most recent counted event dates the criterion
        ("decay_latest", "fa_demo", (2, dt.date(2026, 6, 20), 0.5, 1000, 500)),
        # -333 x 0.5 = -166.5, truncated toward zero
        ("decay_negative", "fa_unsubscribe", (1, dt.date(2026, 6, 20), 0.5, -333, -166)),
    ],
)
def test_decay_halves_points_every_half_life(run, contact_id, criterion_name, expected):
    assert fading(run, contact_id, criterion_name) == expected


def test_reasons_and_totals_show_decayed_points(run):
    rows = run.query(
        """
        select contact_id, activity_points, zone, score_reasons
        from main.lead_scores
        where
            scoring_model = 'fading'
            and contact_id in ('decay_d10', 'decay_latest', 'decay_negative')
        order by contact_id
        """
    )
    assert rows == [
        ("decay_d10", 500, "hot", "Fa demo +500"),
        ("decay_latest", 500, "hot", "Fa demo (2) +500"),
        ("decay_negative", -166, "cold", "Fa unsubscribe -166"),
    ]


def test_details_without_decay_have_factor_one(run):
    rows = run.query(
        """
        select distinct decay_factor
        from main.lead_score_details
        where scoring_model = 'default'
        """
    )
    assert rows == [(1.0,)]


# sequenced (contract section 8): sq_content 1+ 100 (30-day window), sq_pricing 1+ 50 (90
# days), the sequence "Content, then pricing" 300 once when a pricing event falls 0 to 14
# days after a counted content event; activity bands 4 >= 400, 3 >= 300, 2 >= 100; hot at 400
# total points, warm at 300.
@pytest.mark.parametrize(
    ("contact_id", "expected"),
    [
        # 100 + 50 + 300 = 450: the pricing event at 09:00, the content at 15:00, same day
        (
            "seq_same_day",
            (450, "4", "hot", "Content, then pricing +300; Sq content +100; Sq pricing +50"),
        ),
        # 20 then 6 days back: exactly 14 days after, 100 + 50 + 300 = 450
        (
            "seq_exact",
            (450, "4", "hot", "Content, then pricing +300; Sq content +100; Sq pricing +50"),
        ),
        # 21 then 6 days back: 15 days, one too many: 100 + 50 = 150
        ("seq_late", (150, "2", "cold", "Sq content +100; Sq pricing +50")),
        # content 35 days back, outside its 30-day window: not counted, so neither its 100
        # nor the sequence; the pricing event 25 days back is in its window: 50
        ("seq_first_outside", (50, "1", "cold", "Sq pricing +50")),
        # pricing 20 days back, content 10 days back: the then-event came first, 100 + 50
        ("seq_reversed", (150, "2", "cold", "Sq content +100; Sq pricing +50")),
        # two pairs: the 300 once; two events each stay in the 1+ tier: 100 + 50 + 300
        (
            "seq_twice",
            (
                450,
                "4",
                "hot",
                "Content, then pricing +300; Sq content (2) +100; Sq pricing (2) +50",
            ),
        ),
    ],
)
def test_a_sequence_earns_its_points_once_within_days_of_a_counted_first_event(
    run, contact_id, expected
):
    rows = run.query(
        """
        select activity_points, activity_grade, zone, score_reasons
        from main.lead_scores
        where contact_id = ? and scoring_model = 'sequenced'
        """,
        [contact_id],
    )
    assert rows == [expected]


def test_a_sequence_is_a_criterion_of_its_own_in_the_details(run):
    rows = run.query(
        """
        select contact_id, dimension, event_count, last_event_on, decay_factor,
            uncapped_points, points, max_points
        from main.lead_score_details
        where scoring_model = 'sequenced' and criterion = 'sq_content_then_pricing'
        order by contact_id
        """
    )
    assert rows == [
        # earned once (event_count 1), dated by the then-event that completed it, undecayed
        ("seq_exact", "activity", 1, dt.date(2026, 6, 24), 1.0, 300, 300, 300),
        ("seq_same_day", "activity", 1, dt.date(2026, 6, 20), 1.0, 300, 300, 300),
        # the earlier of its two completing then-events: 27 days before 2026-06-30
        ("seq_twice", "activity", 1, dt.date(2026, 6, 3), 1.0, 300, 300, 300),
    ]


def test_conversion_product_decides_positives_and_existing_customers(run):
    contacts = len(CONTACTS)
    [(leads, positives, existing)] = run.query(
        """
        select leads, positives, existing_customers
        from main.score_model_performance
        where scoring_model = 'addon'
        """
    )
    # only t100's add-on conversion is a positive; cust_addon already had the add-on;
    # cust_on_as_of's platform purchase makes no add-on customer
    assert (leads, positives, existing) == (contacts - 1, 1, 1)
    [(leads, positives, existing)] = run.query(
        """
        select leads, positives, existing_customers
        from main.score_model_performance
        where scoring_model = 'default'
        """
    )
    # any product: cust_after (1 July) and decay_d0 (10 July) and t100 (10 July) convert
    # after the as-of date; cust_on_as_of and cust_addon are customers already
    assert (leads, positives, existing) == (contacts - 2, 3, 2)


def test_one_dimension_models_are_evaluated_on_their_four_grades(run):
    rows = run.query(
        """
        select grade, fit_grade, activity_grade, zone
        from main.score_evaluation_by_grade
        where scoring_model = 'activity_only'
        order by grade
        """
    )
    assert rows == [
        ("1", None, "1", None),
        ("2", None, "2", None),
        ("3", None, "3", None),
        ("4", None, "4", None),
    ]


def test_account_scores_roll_up_contacts_with_the_buying_committee_rule(run):
    rows = run.query(
        """
        select account_id, contacts_scored, engaged_contacts, hot_contacts, best_grade,
            activity_points, account_zone
        from main.account_scores
        where scoring_model = 'total_t'
        order by account_id
        """
    )
    assert rows == [
        # t100 (hot, B4), t50 (engaged, B2), t49 (quiet, B1): two engaged, one hot
        ("acct_quiet", 1, 1, 0, "B4", 60, "cold"),
        ("acct_team", 3, 2, 1, "B4", 70, "hot"),
    ]


def test_account_fit_points_come_from_account_rules(run):
    # default grid: Software (+300) and 250 employees (+300) on the account; t100 (B4, hot)
    # is acct_team's one engaged contact, short of the three a hot account needs: warm
    rows = run.query(
        """
        select account_id, account_fit_points, account_zone
        from main.account_scores
        where scoring_model = 'default'
        order by account_id
        """
    )
    assert rows == [("acct_quiet", 0, "cold"), ("acct_team", 600, "warm")]


def test_sales_feedback_counts_the_latest_verdict_up_to_the_as_of_date(run):
    rows = run.query(
        """
        select mql_leads, mqls_with_feedback, accepted_mqls, rejected_mqls, acceptance_rate,
            top_rejection_reasons
        from main.score_sales_feedback_by_grade
        where scoring_model = 'total_t' and grade = 'B4'
        """
    )
    # t100: rejected, then accepted (latest wins); t_rejected: rejected, and an acceptance
    # after the as-of date that does not count yet
    assert rows == [(2, 2, 1, 1, 0.5, "no budget (1)")]


def test_summary_warns_about_match_rules_that_matched_no_event(run):
    with duckdb.connect(str(run.duckdb_path), read_only=True) as con:
        lines = summary.unseen_event_types(con, run.relations())
        text = summary.render(con, "main", run.relations())
    # this dataset has demo requests, page views and unsubscribes, but no webinar
    assert "  default / webinar_attendance: no event of type 'webinar_attendance'" in lines
    assert not any("t_demo" in line for line in lines)
    assert "Warning: grid match rules that matched no event at all:" in text


def test_summary_shows_one_dimension_grades_as_one_row(run):
    with duckdb.connect(str(run.duckdb_path), read_only=True) as con:
        table = summary.grade_matrix(con, "main", "activity_only")
    # a demo request in the window is worth 1000: t100, t99, t_rejected, t_short,
    # cust_on_as_of, cust_after and the five decay_* contacts but decay_negative (10); the
    # others have none
    quiet = len(CONTACTS) - 10
    assert table == (
        f"grade        4       3       2       1\nleads       10       0       0{quiet:>8}"
    )


def test_optional_inputs_may_be_absent(tmp_path):
    # no sales_feedback table and no product on conversions: the build still publishes
    built = build_on_inputs(
        tmp_path,
        {
            "contacts": CONTACTS,
            "accounts": ACCOUNTS,
            "events": EVENTS,
            "conversions": CONVERSIONS,
            "contact_attributes": ATTRIBUTES,
        },
        as_of=AS_OF.isoformat(),
        extra_grid_rows=GRID_ROWS,
        omit_tables=("sales_feedback", "conversions.product"),
        scoring_models=DEMO_MODELS,
    )
    assert built.returncode == 0, built.output
    assert built.query(
        "select sum(mql_leads) > 0, sum(mqls_with_feedback) from main.score_sales_feedback_by_grade"
    ) == [(True, 0)]
    # without products, a model that names one finds none of its conversions; the others
    # count every conversion as before
    rows = built.query(
        """
        select scoring_model, positives, existing_customers
        from main.score_model_performance
        where scoring_model in ('addon', 'default')
        order by 1
        """
    )
    assert rows == [("addon", 0, 0), ("default", 3, 2)]


def next_steps(run: DbtRun, contact_id: str, model: str) -> list[tuple]:
    """(criterion, events_needed, points_gained, zone_after, reaches_next_zone, step_rank)."""
    return run.query(
        """
        select criterion, events_needed, points_gained, zone_after, reaches_next_zone, step_rank
        from main.lead_next_steps
        where contact_id = ? and scoring_model = ?
        order by step_rank
        """,
        [contact_id, model],
    )


def next_step(run: DbtRun, contact_id: str, model: str) -> str | None:
    rows = run.query(
        "select next_step from main.lead_scores where contact_id = ? and scoring_model = ?",
        [contact_id, model],
    )
    assert len(rows) == 1
    return rows[0][0]


@pytest.mark.parametrize(
    ("contact_id", "model", "expected_steps", "expected_text"),
    [
        # fading (total: hot >= 500, else cold). decay_clicks: one click 10 days ago = 100 x
        # 0.5 = 50 points. A demo request (0 events so far) adds 1000 -> 1050, hot. One more
        # click makes 2, the 2+ tier: 400 undecayed (dated on the as-of date) - 50 now = +350
        # -> 400, still cold. The unsubscribe is negative: never a step.
        (
            "decay_clicks",
            "fading",
            [("fa_demo", 1, 1000, "hot", True, 1), ("fa_clicks", 1, 350, "cold", False, 2)],
            "1 more Fa demo (+1000) → hot",
        ),
        # decay_d20: its demo request faded to 250 but the criterion is at its cap (1000):
        # no step there. A first click adds 100 -> 350, cold: nothing reaches hot.
        ("decay_d20", "fading", [("fa_clicks", 1, 100, "cold", False, 1)], None),
        # total_t (hot >= 100, warm >= 50): demo 60 (its cap) + one view 10 = 70, warm. A
        # second view reaches the 2+ tier, 11 (the cap): +1 -> 71, warm. One step is not
        # enough: the step is listed, next_step is null.
        ("t_short", "total_t", [("t_pages", 1, 1, "warm", False, 1)], None),
        # total_t, cold (0 points): a demo request adds 60 -> 60, warm, hotter than cold;
        # a first page view adds 10 -> 10, cold
        (
            "team_not_a_number",
            "total_t",
            [("t_demo", 1, 60, "warm", True, 1), ("t_pages", 1, 10, "cold", False, 2)],
            "1 more T demo (+60) → warm",
        ),
        # activity_only (one dimension, hot >= 1000): t50 has no demo request: +1000, hot
        (
            "t50",
            "activity_only",
            [("ao_demo", 1, 1000, "hot", True, 1)],
            "1 more Ao demo (+1000) → hot",
        ),
        # fit_only has no activity criterion: no step ever (fit criteria are never steps)
        ("t49", "fit_only", [], None),
        # already hot (t100: 40 + 60 = 100): no step
        ("t100", "total_t", [], None),
    ],
)
def test_next_steps_by_hand(run, contact_id, model, expected_steps, expected_text):
    assert next_steps(run, contact_id, model) == expected_steps
    assert next_step(run, contact_id, model) == expected_text


def test_fit_only_model_has_no_next_steps(run):
    assert run.query(
        "select count(*) from main.lead_next_steps where scoring_model = 'fit_only'"
    ) == [(0,)]


def test_summary_lists_the_leads_nearest_to_hot_with_their_next_step(run):
    with duckdb.connect(str(run.duckdb_path), read_only=True) as con:
        nearest = summary.nearest_to_hot(con, "main", "fading")
    # fading (hot >= 500): every lead without a demo request is one demo (+1000) from hot
    # (decay_negative too: -166 + 1000); all need 1 event, so the most points now come first:
    # decay_clicks (50, activity grade 1), then the leads with 0 by contact id
    assert nearest[0] == (
        "decay_clicks",
        "1",
        "cold",
        0,
        50,
        "1 more Fa demo (+1000) → hot",
    )
    assert len(nearest) == 5

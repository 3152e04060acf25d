"""Evaluation against conversions (score_evaluation_by_grade, score_model_performance): the
outcome rules worked out by hand, and the SQL AUC against scikit-learn's roc_auc_score."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from sklearn.metrics import roc_auc_score

from lead_scoring.backtest import month_ends
from lead_scoring.cli import main as lead_scoring_cli
from support.dbt_harness import INPUT_SCHEMA, DbtRun, build_on_inputs

AS_OF = "2026-06-30"

# Three groups with identical inputs inside each, so points tie within a group and rank
# high > medium > low between groups (a demo request and a phone beat a phone alone).
HIGH = ["h1", "h2", "h3", "h4"]
MEDIUM = ["m1", "m2", "m3"]
LOW = ["l1", "l2", "l3"]

CONVERSIONS = [
    ("h1", "2026-07-15 10:00:00"),
    ("h2", "2026-08-01 10:00:00"),
    # converted on the as-of day: an existing customer, left out of the evaluation
    ("h4", "2026-06-30 23:00:00"),
    # the last day of the 90-day horizon still counts
    ("m1", "2026-09-28 12:00:00"),
    # day 120: after the horizon, a negative
    ("m3", "2026-10-28 12:00:00"),
    # the first day after the as-of date counts
    ("l1", "2026-07-01 08:00:00"),
]
POSITIVES = {"h1", "h2", "m1", "l1"}
EXISTING_CUSTOMERS = {"h4"}

# By hand: each positive scores the negatives below it, and one half for each tied negative.
# h1, h2: 4 below (m2, m3, l2, l3) + 0.5 x 1 tie (h3) = 4.5 each; m1: 2 below + 0.5 x 2 ties
# = 3; l1: 0.5 x 2 ties = 1. Sum 13 over 4 positives x 5 negatives.
HAND_AUC = 13 / 20


def contact(contact_id: str) -> dict:
    has_phone = contact_id[0] in "hm"
    return {"contact_id": contact_id, "phone": "+33 1 23 45 67 89" if has_phone else None}


def inputs() -> dict[str, list[dict]]:
    return {
        "contacts": [contact(c) for c in HIGH + MEDIUM + LOW],
        "accounts": [],
        "events": [
            {
                "event_id": f"e_{c}",
                "contact_id": c,
                "event_type": "demo_request",
                "subject": None,
                "occurred_at": "2026-06-20 09:00:00",
            }
            for c in HIGH
        ],
        "conversions": [{"contact_id": c, "converted_at": at} for c, at in CONVERSIONS],
    }


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> DbtRun:
    built = build_on_inputs(
        tmp_path_factory.mktemp("evaluation"), inputs(), as_of=AS_OF, scoring_models=("default",)
    )
    assert built.returncode == 0, built.output
    return built


def performance(run: DbtRun) -> dict:
    [row] = run.query("select * from main.score_model_performance")
    columns = [
        c for (c,) in run.query("select column_name from (describe main.score_model_performance)")
    ]
    return dict(zip(columns, row, strict=True))


def test_the_points_rank_the_groups_with_ties_inside_each(run):
    points = dict(
        run.query("select contact_id, fit_points + activity_points from main.lead_scores")
    )
    assert len({points[c] for c in HIGH}) == len({points[c] for c in MEDIUM}) == 1
    assert points["h1"] > points["m1"] > points["l1"]


def test_outcomes_follow_the_as_of_date_and_the_horizon(run):
    measured = performance(run)
    assert measured["leads"] == 9
    assert measured["existing_customers"] == 1
    assert measured["positives"] == 4
    assert measured["conversion_rate"] == pytest.approx(4 / 9)


def test_auc_equals_the_hand_computed_value_and_scikit_learn(run):
    rows = run.query(
        "select contact_id, fit_points + activity_points from main.lead_scores"
        " where scoring_model = 'default'"
    )
    evaluated = [(c, p) for c, p in rows if c not in EXISTING_CUSTOMERS]
    labels = [int(c in POSITIVES) for c, _ in evaluated]
    scores = [p for _, p in evaluated]

    assert roc_auc_score(labels, scores) == pytest.approx(HAND_AUC)
    assert performance(run)["auc"] == pytest.approx(HAND_AUC, abs=1e-12)


def test_every_grade_cell_is_listed_and_shares_sum_to_one(run):
    cells = run.query(
        "select grade, leads, conversions, share_of_leads, share_of_conversions"
        " from main.score_evaluation_by_grade"
    )
    assert len(cells) == 16
    assert sum(leads for _, leads, *_ in cells) == 9
    assert sum(conversions for _, _, conversions, *_ in cells) == 4
    assert sum(share for *_, share, _ in cells) == pytest.approx(1)
    assert sum(share for *_, share in cells if share is not None) == pytest.approx(1)


def test_median_days_to_conversion_by_zone(run):
    days_to_conversion = {"h1": 15, "h2": 32, "m1": 90, "l1": 1}
    zones = dict(run.query("select contact_id, zone from main.lead_scores"))
    measured = performance(run)
    for zone in ["hot", "warm", "cold"]:
        days = sorted(d for c, d in days_to_conversion.items() if zones[c] == zone)
        expected = None
        if days:
            middle = len(days) // 2
            expected = days[middle] if len(days) % 2 else (days[middle - 1] + days[middle]) / 2
        assert measured[f"{zone}_median_days_to_conversion"] == expected, zone


def test_month_ends_between_two_dates():
    assert month_ends(date(2025, 11, 15), date(2026, 3, 31), every_months=2) == [
        date(2025, 11, 30),
        date(2026, 1, 31),
        date(2026, 3, 31),
    ]
    assert month_ends(date(2026, 2, 1), date(2026, 2, 27)) == []
    with pytest.raises(ValueError):
        month_ends(date(2026, 3, 1), date(2026, 1, 1))


def test_backtest_keeps_one_row_per_model_and_as_of_date(run, tmp_path, monkeypatch, capsys):
    duckdb_path = tmp_path / "backtest.duckdb"
    shutil.copy(run.duckdb_path, duckdb_path)
    monkeypatch.setenv("DBT_PROFILES_DIR", str(run.project_dir / "profiles"))
    monkeypatch.setenv("LEAD_SCORING_DUCKDB_PATH", str(duckdb_path))
    arguments = [
        "backtest",
        "--to=2026-06-30",
        f"--project-dir={run.project_dir}",
        # YAML, as dbt's --vars takes
        f"--vars={{lead_scoring_schema: {INPUT_SCHEMA}}}",
        f"--duckdb={duckdb_path}",
    ]

    assert lead_scoring_cli([*arguments, "--from=2026-05-01"]) == 0
    first_run = capsys.readouterr().out.splitlines()
    # a rerun of the last date replaces its rows and leaves the earlier date's
    assert lead_scoring_cli([*arguments, "--from=2026-06-01"]) == 0
    second_run = capsys.readouterr().out.splitlines()

    warehouse = DbtRun(run.project_dir, duckdb_path, 0, "")
    backtest = warehouse.query(
        "select scored_as_of, leads, positives, existing_customers, auc"
        " from main_backtest.score_model_backtest order by scored_as_of"
    )
    # as of May 31: h4 converts on June 30 (a positive, not yet a customer) and the demo
    # requests of June 20 have not happened, so the high and the medium group tie
    assert [row[:4] for row in backtest] == [
        (date(2026, 5, 31), 10, 4, 0),
        (date(2026, 6, 30), 9, 4, 1),
    ]
    assert backtest[1][4] == pytest.approx(HAND_AUC)
    # built apart: the published marts keep the one as-of date they were built at
    assert warehouse.query("select scored_as_of from main.score_model_backtest") == run.query(
        "select scored_as_of from main.score_model_backtest"
    )
    assert warehouse.query("select distinct scored_as_of from main.lead_scores") == run.query(
        "select distinct scored_as_of from main.lead_scores"
    )
    # each run's table lists the dates it ran
    rows = [line for line in first_run if line.startswith("default ")]
    assert [line.split()[1] for line in rows] == ["2026-05-31", "2026-06-30"]
    rerun_rows = [line for line in second_run if line.startswith("default ")]
    assert rerun_rows == rows[1:]
    # shares as percentages; four conversions are too few to judge
    assert re.search(r" \d+% +\d+% ", rows[1])
    assert rows[1].endswith("too few conversions to judge (< 20)")

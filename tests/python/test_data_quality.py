"""Bad input rows never crash a run and are never lost silently: each is counted, with its
reason and an example key, in scoring_data_quality (contract section 5)."""

from __future__ import annotations

import pytest

from support.dbt_harness import DbtRun, build_on_inputs, rebuild_copy

AS_OF = "2026-06-30"
LATER = "2026-01-01 00:00:00"
EARLIER = "2025-06-01 00:00:00"


def event(event_id, contact_id, event_type="page_view", when="2026-06-02 09:00:00", subject=None):
    return {
        "event_id": event_id,
        "contact_id": contact_id,
        "event_type": event_type,
        "subject": subject,
        "occurred_at": when,
    }


INPUTS = {
    "contacts": [
        {"contact_id": "c1", "account_id": "a1", "job_title": "VP Sales", "updated_at": LATER},
        {"contact_id": "c1", "account_id": "a1", "job_title": "Intern", "updated_at": EARLIER},
        {"contact_id": "c2", "account_id": "a_missing", "job_title": "Head of IT"},
        {"contact_id": None, "job_title": "Nobody"},
        {"contact_id": "   ", "job_title": "Blank key"},
        # a country no seed spelling names: scored with the value as given, and reported
        {"contact_id": "c3", "account_id": "a2", "country": "Atlantis"},
    ],
    "accounts": [
        # a name is mapped to its ISO-2 code: the default grid's region rule lists US
        {"account_id": "a1", "industry": "Software", "country": " united states "},
        {"account_id": "a2", "country": "Narnia"},
    ],
    "events": [
        event("e1", "c1", "demo_request"),
        event("e1", "c1", "demo_request"),
        event("e2", "c1", subject="/pricing"),
        event("e2", "c2", subject="/pricing"),
        event("e3", None, subject="/pricing"),
        event("e4", "ghost", subject="/pricing"),
        event("e5", "c1", subject="/pricing", when=None),
        event("e6", "c1", subject="/pricing", when="2026-07-01 00:00:00"),
        event("e7", "c1", "chat_started"),
        event("e8", "c1", "chat_started"),
        event("e9", "c1", "newsletter_signup"),
        event(None, "c1", subject="/pricing"),
    ],
    "contact_attributes": [
        {"contact_id": "c1", "attribute": "persona", "value": "champion", "updated_at": LATER},
        {"contact_id": "c1", "attribute": " Persona", "value": "student", "updated_at": EARLIER},
        {"contact_id": None, "attribute": "persona", "value": "champion", "updated_at": LATER},
        {"contact_id": "c2", "attribute": "  ", "value": "x", "updated_at": LATER},
        {"contact_id": "ghost", "attribute": "persona", "value": "x", "updated_at": LATER},
    ],
}

# (input table, reason) -> (rows, example keys)
EXPECTED = {
    ("contacts", "scored"): (1, ""),
    # examples are distinct keys
    ("contacts", "missing_contact_id"): (2, "(no contact_id)"),
    (
        "contacts",
        "duplicate_contact_superseded",
    ): (1, "c1 (kept the version updated 2026-01-01 00:00:00 over 2025-06-01 00:00:00)"),
    ("contacts", "unknown_account"): (1, "c2 (account a_missing)"),
    ("contacts", "unmapped_country"): (1, "c3 (country Atlantis)"),
    ("accounts", "scored"): (1, ""),
    ("accounts", "unmapped_country"): (1, "a2 (country Narnia)"),
    ("accounts", "missing_account_id"): (0, ""),
    ("accounts", "duplicate_account_id"): (0, ""),
    ("events", "scored"): (2, ""),
    ("events", "missing_event_id"): (1, "(no event_id; contact c1)"),
    ("events", "duplicate_event_identical"): (1, "e1"),
    ("events", "duplicate_event_conflicting"): (1, "e2"),
    ("events", "missing_contact_id"): (1, "e3"),
    ("events", "unknown_contact"): (1, "e4"),
    ("events", "missing_occurred_at"): (1, "e5"),
    ("events", "after_as_of"): (1, "e6"),
    # an unmatched event is shown by its type
    ("events", "unmatched_event_type"): (3, "chat_started, newsletter_signup"),
    # the latest value of a contact's attribute is used, its name compared in lowercase
    ("contact_attributes", "scored"): (1, ""),
    ("contact_attributes", "missing_contact_id"): (1, "(no contact_id) persona"),
    ("contact_attributes", "missing_attribute"): (1, "c2 (no attribute)"),
    ("contact_attributes", "superseded_attribute_value"): (1, "c1 persona"),
    ("contact_attributes", "unknown_contact"): (1, "ghost persona"),
    # the default grid's between rules test employee_count and annual_revenue, blank here
    ("attribute_values", "scored"): (0, ""),
    ("attribute_values", "non_numeric_between_value"): (0, ""),
}


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> DbtRun:
    built = build_on_inputs(
        tmp_path_factory.mktemp("bad_rows"), INPUTS, as_of=AS_OF, scoring_models=("default",)
    )
    assert built.returncode == 0, built.output
    return built


def test_bad_rows_only_warn_and_the_run_publishes(run):
    assert "ERROR=0" in run.output
    assert "WARN=" in run.output and "WARN=0" not in run.output


def test_every_reason_is_counted_with_examples(run):
    report = {
        (table, reason): (rows, examples)
        for table, reason, rows, examples in run.query(
            "select input_table, reason, row_count, example_keys from main.scoring_data_quality"
        )
    }
    assert report == EXPECTED


def test_rows_read_equal_rows_scored_plus_rows_reported(run):
    totals = dict(
        run.query("select input_table, sum(row_count) from main.scoring_data_quality group by 1")
    )
    assert totals == {
        "contacts": 6,
        "accounts": 2,
        "events": 12,
        "contact_attributes": 5,
        "attribute_values": 0,
    }


def test_reported_rows_carry_their_outcome_and_explanation(run):
    rows = run.query(
        """
        select outcome, reason_description from main.scoring_data_quality
        where input_table = 'contacts' and reason = 'duplicate_contact_superseded'
        """
    )
    assert rows == [
        (
            "reported",
            "older version of a contact exported more than once: "
            "the version with the latest updated_at is scored",
        )
    ]


def test_latest_version_scored_and_contacts_with_unknown_account_or_country_still_scored(run):
    rows = run.query(
        """
        select contact_id, fit_points, activity_points from main.lead_scores
        order by contact_id
        """
    )
    # c1: VP title 200 + Software 300 + region 100 ("united states" is US); demo request
    # 1000 + one pricing view 500
    # c2: Head title 200, no account attributes; its conflicting copy of e2 is not kept
    # c3: nothing earns points (Narnia is in no region), but the contact is scored
    assert rows == [("c1", 600, 1500), ("c2", 200, 0), ("c3", 0, 0)]


def test_repeated_account_id_fails_the_build_and_keeps_published_scores(run, tmp_path):
    before = sorted(run.query("select * from main.lead_scores"), key=repr)
    tables = {
        **INPUTS,
        "accounts": [
            {"account_id": "a1", "industry": "Software"},
            {"account_id": "a1", "industry": "Retail"},
        ],
    }

    rebuilt = rebuild_copy(run, tmp_path, AS_OF, tables=tables)

    assert rebuilt.returncode != 0
    assert "source_unique_lead_scoring_accounts_account_id" in rebuilt.output
    assert sorted(rebuilt.query("select * from main.lead_scores"), key=repr) == before

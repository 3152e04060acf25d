"""Invalid grids: each case a change of the shipped grid or of an example model's rows and
the words the failing build must show, with the small inputs a good build publishes first.

test_bad_grids.py runs every case on DuckDB; test_engines.py runs some of them at once on the
Snowflake emulator.
"""

from __future__ import annotations

from pathlib import Path

from support.dbt_harness import DEMO_MODELS

AS_OF = "2026-06-30"
# the shipped grid and the example models of grids/examples/: the cases break each shape
MODELS = DEMO_MODELS

# A bad grid's build: the grid validation's inputs, the validation (its test is the gate),
# everything after it (every mart depends on it) and every mart by name (a mart that no
# longer depended on the gate would build and change the published rows). The nodes left
# out (staging, activity and attribute models the gate does not read) publish nothing, the
# good build made them, and the validation reads none of them: the same failure, the same
# messages, with 94 nodes run instead of 234 (the 98 after the gate skipped in both).
GATED_BUILD = ["build", "--select", "+int_grid_validation_issues+", "path:models/marts"]

INPUTS = {
    "contacts": [
        {
            "contact_id": "c1",
            "account_id": "a1",
            "email": "ann@corp.example",
            "job_title": "VP Marketing",
            "updated_at": "2026-01-01 00:00:00",
        },
        {"contact_id": "c2", "email": "bob@gmail.com", "job_title": "Engineer"},
    ],
    "accounts": [{"account_id": "a1", "industry": "Software", "employee_count": 300}],
    "events": [
        {
            "event_id": "e1",
            "contact_id": "c1",
            "event_type": "demo_request",
            "occurred_at": "2026-06-01 10:00:00",
        },
        {
            "event_id": "e2",
            "contact_id": "c2",
            "event_type": "unsubscribe",
            "occurred_at": "2026-06-02 10:00:00",
        },
    ],
}


def replace_in_seed(seed: str, old: str, new: str):
    """A grid change: replace one exact piece of a seed's text."""

    def change(project_dir: Path) -> None:
        path = project_dir / "seeds" / "grid" / f"{seed}.csv"
        text = path.read_text()
        assert old in text, f"{old!r} not in {seed}"
        path.write_text(text.replace(old, new, 1))

    return change


def changes(*steps):
    """Several grid changes made in one build, for problems the validation lists together."""

    def change(project_dir: Path) -> None:
        for step in steps:
            step(project_dir)

    return change


SEQUENCE = (
    'buying_sequence,bs_content_then_pricing,"Content download, then pricing visit",'
    "bs_content_downloads,bs_pricing_visits,14,300,3\n"
)

# case -> (grid change, words the failure must show)
BAD_GRIDS = {
    # two criteria of grid_fit_rules broken in one build (validation lists every problem)
    "unknown operator and attribute no input table has": (
        changes(
            replace_in_seed("grid_fit_rules", ",contains_any,chief", ",contains,chief"),
            replace_in_seed("grid_fit_rules", "accounts.industry", "accounts.sector"),
        ),
        [
            "grid_fit_rules | default | seniority",
            'unknown operator "contains"',
            'industry | attribute "accounts.sector" is not a column of the contacts or accounts',
        ],
    ),
    "unknown dimension": (
        replace_in_seed("grid_grade_bands", "default,fit,A,700", "default,fitness,A,700"),
        ["fitness A", "unknown dimension or grade", "fit A | grade band is missing"],
    ),
    "tier above its cap": (
        replace_in_seed(
            "grid_activity_criteria",
            "Webinar registration,200,,,,200",
            "Webinar registration,300,,,,200",
        ),
        ["webinar_registration | a tier passes the cap max_points"],
    ),
    "points falling as the count rises": (
        replace_in_seed(
            "grid_activity_criteria", "Key page visits,500,1000", "Key page visits,500,400"
        ),
        ["key_page_visits | points fall as the count rises"],
    ),
    "cap of the wrong sign": (
        replace_in_seed(
            "grid_activity_criteria", "Unsubscribe,-500,,,,-500", "Unsubscribe,-500,,,,500"
        ),
        ["unsubscribe | max_points has the wrong sign"],
    ),
    "duplicate criterion": (
        replace_in_seed(
            "grid_activity_criteria",
            "default,webinar_attendance,",
            "default,webinar_attendance,Webinar attendance,800,,,,800,90,,5\n"
            "default,webinar_attendance,",
        ),
        ["webinar_attendance | criterion is listed more than once"],
    ),
    "match rule pointing at no criterion": (
        replace_in_seed(
            "grid_activity_match_rules",
            "default,unsubscribe,unsubscribe,",
            "default,unsubscribe,unsubscribe,\ndefault,key_page_visit,page_view,/pricing%",
        ),
        ["key_page_visit | match rule points at no criterion"],
    ),
    "criterion with no match rule": (
        replace_in_seed(
            "grid_activity_match_rules", "default,webinar_attendance,webinar_attendance,\n", ""
        ),
        ["webinar_attendance | criterion has no match rule"],
    ),
    "between value that is not two numbers": (
        replace_in_seed("grid_fit_rules", "between,50|199", "between,50|abc"),
        ['company_size | between value "50|abc" is not two numbers'],
    ),
    "bands not strictly ordered": (
        replace_in_seed("grid_grade_bands", "default,fit,C,100", "default,fit,C,400"),
        ["fit B | bands are not strictly ordered"],
    ),
    "zone matrix missing a cell": (
        replace_in_seed("grid_zone_matrix", "default,D,cold,cold,cold,cold\n", ""),
        ["grid_zone_matrix | default | D1 | zone matrix cell is missing"],
    ),
    "unknown zone": (
        replace_in_seed(
            "grid_zone_matrix", "default,A,cold,warm,hot,hot", "default,A,cold,warm,hot,tepid"
        ),
        ['A4 | zone "tepid" is not hot, warm or cold'],
    ),
    "misspelled extra column": (
        replace_in_seed("grid_fit_rules", "contacts.department,in,marketing", "contacts.dept,in,x"),
        ['hp_department | attribute "contacts.dept" is not a column'],
    ),
    "unknown zone method": (
        replace_in_seed("grid_scoring_models", "points,total,", "points,totals,"),
        ['grid_scoring_models | hubspot_style |  | zone_method "totals" is not one of'],
    ),
    "one-dimension model zoned by the matrix": (
        replace_in_seed("grid_scoring_models", "points,total,", "points,matrix,"),
        ["hubspot_style |  | a one-dimension model (no fit criteria or bands)"],
    ),
    "surge points not above 0": (
        replace_in_seed("grid_scoring_models", "points,total,,", "points,total,,0"),
        ["grid_scoring_models | hubspot_style |  | surge_points must be above 0"],
    ),
    "model in no grid_scoring_models row": (
        replace_in_seed(
            "grid_scoring_models", "fading_engagement,Fit x activity whose", "fading,Fit x"
        ),
        ["grid_activity_criteria | fading_engagement |  | scoring model has no row in"],
    ),
    "zone thresholds missing cold": (
        replace_in_seed("grid_zone_thresholds", "hundred_point,cold,\n", ""),
        ["grid_zone_thresholds | hundred_point | cold | zone threshold is missing"],
    ),
    "zone thresholds out of order": (
        replace_in_seed("grid_zone_thresholds", "hundred_point,warm,50", "hundred_point,warm,100"),
        ["hundred_point | hot | thresholds out of order"],
    ),
    "unknown audience operator": (
        replace_in_seed(
            "grid_model_audiences",
            "customer_upsell,lead.is_customer,equals",
            "x,lead.is_customer,is",
        ),
        ['grid_model_audiences | x | lead.is_customer | unknown operator "is"'],
    ),
    "zero decay half-life": (
        replace_in_seed(
            "grid_activity_criteria",
            "Key page visits,500,1000,,,1000,180,30",
            "Key page visits,500,1000,,,1000,180,0",
        ),
        ["fe_key_page_visits | decay_half_life_days must be a positive number of days"],
    ),
    "account zones without a cold row": (
        replace_in_seed("grid_account_zones", "hubspot_style,cold,,\n", ""),
        ["grid_account_zones | hubspot_style | cold | a model with account zones needs a cold row"],
    ),
    # every sequence problem in one build: criteria that are no activity criterion of the
    # model (unknown, a fit criterion, another model's), within_days negative or blank, blank
    # points, a key listed twice or shared with an activity criterion, a model not listed
    "sequence problems": (
        replace_in_seed(
            "grid_activity_sequences",
            SEQUENCE,
            SEQUENCE
            + SEQUENCE
            + "buying_sequence,bs_unknown,Unknown,bs_nothing,bs_pricing_visits,14,300,7\n"
            + "buying_sequence,bs_fit,Fit,bs_content_downloads,bs_industry,14,300,7\n"
            + "buying_sequence,bs_other,Other,key_page_visits,bs_pricing_visits,14,300,7\n"
            + "buying_sequence,bs_negative,N,bs_content_downloads,bs_pricing_visits,-1,300,7\n"
            + "buying_sequence,bs_blank_days,B,bs_content_downloads,bs_pricing_visits,,300,7\n"
            + "buying_sequence,bs_no_points,P,bs_content_downloads,bs_pricing_visits,14,,7\n"
            + "buying_sequence,bs_pricing_visits,T,bs_content_downloads,bs_pricing_visits,14,1,7\n"
            + "unlisted,u_seq,U,u_first,u_then,14,300,1\n",
        ),
        [
            "grid_activity_sequences | buying_sequence | bs_unknown | first_criterion"
            ' "bs_nothing" is not an activity criterion of the model in grid_activity_criteria',
            'grid_activity_sequences | buying_sequence | bs_fit | then_criterion "bs_industry"'
            " is not an activity criterion",
            'bs_other | first_criterion "key_page_visits" is not an activity criterion',
            "bs_negative | within_days must be 0 (the same day) or more days, not blank",
            "bs_blank_days | within_days must be 0 (the same day) or more days, not blank",
            "bs_no_points | points is blank",
            "bs_content_then_pricing | sequence is listed more than once",
            "bs_pricing_visits | sequence key is also a criterion of grid_activity_criteria or"
            " grid_fit_rules",
            "grid_activity_sequences | unlisted |  | scoring model has no row in"
            " grid_scoring_models",
        ],
    ),
}


# The cases built together in `make test` (test_bad_grids.py): the validation lists every
# problem of a build, so each case's words must show in its batch's failure (a case that
# hid another's problem would lose them). Cases that change the same seed row, or the same
# model's rows of one seed, are in different batches. `LEAD_SCORING_DEEP=1` builds each case
# alone as well.
BATCHES = [
    [
        "unknown operator and attribute no input table has",
        "unknown dimension",
        "tier above its cap",
        "duplicate criterion",
        "match rule pointing at no criterion",
        "zone matrix missing a cell",
        "unknown zone method",
        "zone thresholds missing cold",
        "unknown audience operator",
        "zero decay half-life",
        "account zones without a cold row",
    ],
    [
        "between value that is not two numbers",
        "bands not strictly ordered",
        "points falling as the count rises",
        "cap of the wrong sign",
        "criterion with no match rule",
        "unknown zone",
        "one-dimension model zoned by the matrix",
        "zone thresholds out of order",
        "sequence problems",
    ],
    [
        "misspelled extra column",
        "surge points not above 0",
        "model in no grid_scoring_models row",
    ],
]

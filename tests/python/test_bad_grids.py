"""An invalid grid fails the build with a message naming what is wrong, and the scores
published by the last good build stay exactly as they were (contract section 5)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from dbt_harness import DEMO_MODELS, DbtRun, build_on_inputs, rebuild_copy

AS_OF = "2026-06-30"
# the shipped grid and the example models of grids/examples/: the cases break each shape
MODELS = DEMO_MODELS

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


# case -> (grid change, words the failure must show)
BAD_GRIDS = {
    "unknown operator": (
        replace_in_seed("grid_fit_rules", ",contains_any,chief", ",contains,chief"),
        ["grid_fit_rules | default | seniority", 'unknown operator "contains"'],
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
    "attribute no input table has": (
        replace_in_seed("grid_fit_rules", "accounts.industry", "accounts.sector"),
        ['industry | attribute "accounts.sector" is not a column of the contacts or accounts'],
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
}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> DbtRun:
    """A good build whose published tables every bad grid must leave alone."""
    built = build_on_inputs(
        tmp_path_factory.mktemp("published"), INPUTS, as_of=AS_OF, scoring_models=MODELS
    )
    assert built.returncode == 0, built.output
    return built


def published_rows(run: DbtRun) -> dict[str, list[tuple]]:
    return {
        table: sorted(run.query(f"select * from main.{table}"), key=repr)
        for table in ["lead_scores", "lead_score_details"]
    }


@pytest.mark.parametrize("case", list(BAD_GRIDS))
def test_invalid_grid_fails_the_build_naming_the_problem_and_keeps_published_scores(
    published, tmp_path, case
):
    change, expected_words = BAD_GRIDS[case]
    before = published_rows(published)
    assert before["lead_scores"], "the good build published no score"

    rebuilt = rebuild_copy(published, tmp_path, AS_OF, change_project=change, scoring_models=MODELS)

    assert rebuilt.returncode != 0
    assert "The scoring grid is invalid; nothing was published" in rebuilt.output
    for words in expected_words:
        assert words in rebuilt.output
    assert published_rows(rebuilt) == before


def test_label_full_of_quotes_and_sql_is_shown_as_text(published, tmp_path):
    label = 'x\'; drop table y; -- "quoted" {{ not_jinja }}'

    def change(project_dir: Path) -> None:
        path = project_dir / "seeds" / "grid" / "grid_fit_rules.csv"
        with path.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        for row in rows:
            if row["criterion"] == "industry":
                row["label"] = label
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    rebuilt = rebuild_copy(published, tmp_path, AS_OF, change_project=change, scoring_models=MODELS)

    assert rebuilt.returncode == 0, rebuilt.output
    [(reasons,)] = rebuilt.query(
        "select score_reasons from main.lead_scores"
        " where contact_id = 'c1' and scoring_model = 'default'"
    )
    assert f"{label} +300" in reasons
    assert rebuilt.query(
        "select count(*) from main.lead_scores where scoring_model = 'default'"
    ) == [(2,)]


def test_attribute_rule_without_the_contact_attributes_table_fails_naming_it(tmp_path):
    built = build_on_inputs(
        tmp_path,
        INPUTS,
        as_of=AS_OF,
        omit_tables=("contact_attributes",),
        scoring_models=("default", "hundred_point"),
    )

    assert built.returncode != 0
    assert "The scoring grid is invalid; nothing was published" in built.output
    assert (
        'hp_persona | attribute "attributes.persona" needs the contact_attributes table,'
        " which is not in the source schema"
    ) in built.output

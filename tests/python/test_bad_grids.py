"""An invalid grid fails the build with a message naming what is wrong, and the scores
published by the last good build stay exactly as they were (contract section 5)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from support.bad_grids import AS_OF, BAD_GRIDS, BATCHES, GATED_BUILD, INPUTS, MODELS, changes
from support.dbt_harness import DEEP, DbtRun, build_on_inputs, rebuild_copy


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


# each batch of cases in one build (bad_grids.BATCHES), and each case alone in the deeper run
BUILDS = {f"batch {number}": cases for number, cases in enumerate(BATCHES, 1)} | (
    {case: [case] for case in BAD_GRIDS} if DEEP else {}
)


def test_the_batches_hold_every_case_once():
    assert sorted(case for cases in BATCHES for case in cases) == sorted(BAD_GRIDS)


@pytest.mark.parametrize("build", list(BUILDS))
def test_invalid_grid_fails_the_build_naming_the_problem_and_keeps_published_scores(
    published, tmp_path, build
):
    cases = BUILDS[build]
    change = changes(*(BAD_GRIDS[case][0] for case in cases))
    before = published_rows(published)
    assert before["lead_scores"], "the good build published no score"

    rebuilt = rebuild_copy(
        published,
        tmp_path,
        AS_OF,
        change_project=change,
        scoring_models=MODELS,
        command=GATED_BUILD,
    )

    assert rebuilt.returncode != 0
    assert "The scoring grid is invalid; nothing was published" in rebuilt.output
    for case in cases:
        for words in BAD_GRIDS[case][1]:
            assert words in rebuilt.output, case
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

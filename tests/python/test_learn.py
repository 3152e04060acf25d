"""`lead-scoring learn`: a grid learned from conversions, written as seed rows of one scoring
model that the dbt project validates and scores like a hand-written one."""

from __future__ import annotations

import filecmp
import shutil
from datetime import date

import duckdb
import numpy as np
import pytest

from dbt_harness import PROJECT_ROOT, DbtRun, copy_project, run_dbt
from lead_scoring.cli import main as lead_scoring_cli
from lead_scoring.demo_data import FIT_EFFECTS, PERSONAL_DOMAINS, TARGET_INDUSTRIES
from lead_scoring.learn import Options
from lead_scoring.learn import learn as learn_grid

AS_OF = "2026-09-30"
SCHEMA = "lead_scoring_input"


@pytest.fixture(scope="module")
def demo_inputs(tmp_path_factory):
    path = tmp_path_factory.mktemp("learn_inputs") / "inputs.duckdb"
    assert lead_scoring_cli(["generate", f"--duckdb={path}", f"--schema={SCHEMA}"]) == 0
    return path


def learn(inputs, project_dir, *extra: str) -> int:
    return lead_scoring_cli(
        [
            "learn",
            f"--duckdb={inputs}",
            f"--schema={SCHEMA}",
            f"--as-of={AS_OF}",
            "--model=learned",
            f"--seeds-dir={project_dir / 'seeds' / 'grid'}",
            f"--note={project_dir / 'seeds' / 'grid' / 'learned.md'}",
            *extra,
        ]
    )


@pytest.fixture(scope="module")
def learned_run(demo_inputs, tmp_path_factory) -> DbtRun:
    workdir = tmp_path_factory.mktemp("learned")
    project_dir = copy_project(workdir / "project")
    assert learn(demo_inputs, project_dir) == 0
    warehouse = workdir / "scores.duckdb"
    shutil.copy(demo_inputs, warehouse)
    built = run_dbt(
        project_dir,
        warehouse,
        ["build"],
        {"scoring_as_of": AS_OF, "lead_scoring_schema": SCHEMA, "load_demo_data": False},
        threads=4,
    )
    assert built.returncode == 0, built.output
    return built


def test_learned_grid_passes_validation_and_scores_every_contact(learned_run):
    models = dict(
        learned_run.query("select scoring_model, count(*) from main.lead_scores group by 1")
    )
    # beside the shipped default and example models
    assert {"default", "learned"} < set(models)
    assert models["default"] == models["learned"]
    performance = dict(
        learned_run.query("select scoring_model, auc from main.score_model_performance")
    )
    assert set(performance) == set(models)
    assert 0.5 < performance["default"] <= 1
    assert 0.5 < performance["learned"] <= 1


def test_other_models_rows_are_untouched(learned_run):
    for seed in (learned_run.project_dir / "seeds" / "grid").glob("grid_*.csv"):
        original = (PROJECT_ROOT / "seeds" / "grid" / seed.name).read_text().splitlines()
        learned = seed.read_text().splitlines()
        assert learned[: len(original)] == original, seed.name
        assert all(line.startswith("learned,") for line in learned[len(original) :]), seed.name


def test_a_rerun_on_the_same_data_writes_the_same_files(demo_inputs, learned_run, tmp_path):
    project_dir = copy_project(tmp_path / "project")
    assert learn(demo_inputs, project_dir) == 0
    for path in (learned_run.project_dir / "seeds" / "grid").iterdir():
        if path.suffix in {".csv", ".md"}:
            assert filecmp.cmp(path, project_dir / "seeds" / "grid" / path.name, shallow=False)


def test_the_note_lists_criteria_points_and_support(learned_run, capsys):
    note = (learned_run.project_dir / "seeds" / "grid" / "learned.md").read_text()
    assert "Held-out AUC: learned grid" in note
    assert "| activity |" in note and "| fit |" in note


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        ("delete from {schema}.conversions", "no conversion"),
        (
            "insert into {schema}.conversions (contact_id, converted_at)"
            " select contact_id, timestamp '2026-10-15'"
            " from {schema}.contacts",
            "single class",
        ),
        ("drop table {schema}.events", "no table events"),
    ],
)
def test_bad_input_is_a_clear_error_and_no_seed_is_touched(
    demo_inputs, tmp_path, capsys, breakage, message
):
    inputs = tmp_path / "inputs.duckdb"
    shutil.copy(demo_inputs, inputs)
    with duckdb.connect(str(inputs)) as con:
        con.execute(breakage.format(schema=SCHEMA))
    project_dir = copy_project(tmp_path / "project")
    before = {p.name: p.read_bytes() for p in (project_dir / "seeds" / "grid").iterdir()}

    assert learn(inputs, project_dir) == 2

    assert message in capsys.readouterr().err
    after = {p.name: p.read_bytes() for p in (project_dir / "seeds" / "grid").iterdir()}
    assert after == before


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A larger generated dataset (its ground truth is demo_data's planted effects) and the
    grid learned from it."""
    workdir = tmp_path_factory.mktemp("planted")
    inputs = workdir / "inputs.duckdb"
    size = ["--contacts=20000", "--accounts=2000", "--events=500000"]
    assert lead_scoring_cli(["generate", *size, f"--duckdb={inputs}", f"--schema={SCHEMA}"]) == 0
    options = Options(
        duckdb_path=inputs,
        schema=SCHEMA,
        as_of=date.fromisoformat(AS_OF),
        model="learned",
        seeds_dir=PROJECT_ROOT / "seeds" / "grid",  # read only: the test never writes
        note_path=workdir / "learned.md",
    )
    return learn_grid(options)


def weights(learned, criterion: str) -> dict[str | int, float]:
    return {
        feature.value if feature.dimension == "fit" else feature.tier: weight
        for feature, weight in zip(learned.features, learned.weights, strict=True)
        if feature.criterion == criterion
    }


def test_learned_grid_meets_the_targets_on_held_out_leads(planted):
    # as good as the unconstrained model on the same features, within 0.005
    assert planted.holdout_auc_grid >= planted.holdout_auc_model - 0.005
    assert planted.holdout_hot_share <= 0.35
    assert planted.holdout_hot_conversion_share >= 0.60
    assert planted.holdout_best_cell_rate >= 10 * planted.holdout_worst_cell_rate


def test_learner_recovers_the_sign_of_the_planted_effects(planted):
    # personal e-mail lowers the odds
    personal = weights(planted, "email_domain")
    assert personal and all(personal[domain] < 0 for domain in PERSONAL_DOMAINS)
    # every target industry weighs more than every other industry
    industry = weights(planted, "accounts_industry")
    targets = {name.lower() for name in TARGET_INDUSTRIES}
    assert min(industry[name] for name in targets) > max(
        weight for name, weight in industry.items() if name not in targets
    )
    # the strong buying signals score points at their first tier
    first_tier = {row["criterion"]: row["points_1_plus"] for row in planted.activity_criteria}
    strong = ["page_view__pricing", "content_download__case_study", "demo_request"]
    assert all(first_tier[criterion] > 0 for criterion in strong)


def test_learner_recovers_the_order_of_the_planted_fit_effects(planted):
    industry = weights(planted, "accounts_industry")
    targets = {name.lower() for name in TARGET_INDUSTRIES}
    industry_effect = np.mean([w for n, w in industry.items() if n in targets]) - np.mean(
        [w for n, w in industry.items() if n not in targets]
    )
    senior_effect = np.mean(
        [weights(planted, f"title_{word}")[word] for word in ("vp", "director")]
    )
    manager_effect = weights(planted, "title_manager")["manager"]
    assert (
        FIT_EFFECTS["target_industry"] > FIT_EFFECTS["senior_title"] > FIT_EFFECTS["manager_title"]
    )
    assert industry_effect > senior_effect > manager_effect

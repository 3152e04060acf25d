"""`lead-scoring learn`: a grid learned from conversions through the project's own dbt models,
on DuckDB and PostgreSQL, written as seed rows of one scoring model that the dbt project
validates and scores like a hand-written one."""

from __future__ import annotations

import csv
import filecmp
import re
import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import duckdb
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse

from lead_scoring.cli import main as lead_scoring_cli
from lead_scoring.demo.distributions import PERSONAL_DOMAINS, TARGET_INDUSTRIES
from lead_scoring.learn import Options
from lead_scoring.learn import fit as learn_fit
from lead_scoring.learn import learn as learn_grid
from lead_scoring.learn import seeds as learn_seeds
from lead_scoring.learn import write as write_grid
from lead_scoring.warehouse import DbtProject
from support import crm_export_data
from support.dbt_harness import (
    DATA_BUILD,
    PROJECT_ROOT,
    DbtRun,
    copy_project,
    demo_input_vars,
    run_dbt,
)

AS_OF = "2026-09-30"
SCHEMA = "lead_scoring_input"
TIER_COLUMNS = ("points_1_plus", "points_2_plus", "points_5_plus", "points_10_plus")


@pytest.fixture(scope="module")
def demo_inputs(tmp_path_factory):
    path = tmp_path_factory.mktemp("learn_inputs") / "inputs.duckdb"
    assert lead_scoring_cli(["generate", f"--duckdb={path}", f"--input-schema={SCHEMA}"]) == 0
    return path


def learn(inputs, project_dir, *extra: str) -> int:
    return lead_scoring_cli(
        [
            "learn",
            f"--duckdb={inputs}",
            f"--input-schema={SCHEMA}",
            f"--as-of={AS_OF}",
            "--model=learned",
            f"--project-dir={project_dir}",
            f"--profiles-dir={project_dir / 'profiles'}",
            *extra,
        ]
    )


def seed_rows(project_dir, seed: str, model: str = "learned") -> list[dict]:
    with (project_dir / "seeds" / "grid" / f"{seed}.csv").open(newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["scoring_model"] == model]


def learned_files(project_dir) -> dict[str, bytes]:
    grid = project_dir / "seeds" / "grid"
    return {path.name: path.read_bytes() for path in sorted(grid.iterdir())}


@pytest.fixture(scope="module")
def learned_run(demo_inputs, tmp_path_factory) -> DbtRun:
    workdir = tmp_path_factory.mktemp("learned")
    project_dir = copy_project(workdir / "project")
    warehouse = workdir / "scores.duckdb"
    shutil.copy(demo_inputs, warehouse)
    assert learn(warehouse, project_dir) == 0
    built = run_dbt(
        project_dir,
        warehouse,
        DATA_BUILD,
        {"scoring_as_of": AS_OF, "lead_scoring_schema": SCHEMA},
        threads=4,
    )
    assert built.returncode == 0, built.output
    return built


def test_learned_grid_passes_validation_and_scores_every_contact(learned_run):
    models = dict(
        learned_run.query("select scoring_model, count(*) from main.lead_scores group by 1")
    )
    # beside the shipped default
    assert set(models) == {"default", "learned"}
    assert models["default"] == models["learned"]
    performance = dict(
        learned_run.query("select scoring_model, auc from main.score_model_performance")
    )
    assert set(performance) == set(models)
    assert 0.5 < performance["learned"] <= 1


def test_learning_again_leaves_published_relations_alone_and_writes_the_same_files(
    demo_inputs, learned_run, tmp_path
):
    # published as of an earlier date; learning at AS_OF builds in main_learning only
    project_dir = copy_project(tmp_path / "project")
    warehouse = tmp_path / "scores.duckdb"
    shutil.copy(demo_inputs, warehouse)
    published_as_of = "2026-06-30"
    variables = {"lead_scoring_schema": SCHEMA}
    built = run_dbt(
        project_dir, warehouse, DATA_BUILD, {**variables, "scoring_as_of": published_as_of}, 4
    )
    assert built.returncode == 0, built.output
    assert learn(warehouse, project_dir) == 0
    assert built.query("select distinct cast(scored_as_of as varchar) from main.lead_scores") == [
        (published_as_of,)
    ]
    # views compile the as-of date into their SQL: the published ones still hold theirs
    (definition,) = built.query(
        "select sql from duckdb_views() where schema_name = 'main_intermediate'"
        " and view_name = 'int_contact_sales_feedback'"
    )[0:1]
    assert published_as_of in definition[0] and AS_OF not in definition[0]
    learning = built.query(
        "select table_name from information_schema.tables"
        " where table_schema = 'main_learning_intermediate' and table_name like 'int_learning_%'"
    )
    assert len(learning) == 3
    # a rerun on the same data writes byte for byte what ``learned_run``'s learning wrote,
    # published relations or none
    for path in (learned_run.project_dir / "seeds" / "grid").iterdir():
        if path.suffix in {".csv", ".md"}:
            assert filecmp.cmp(path, project_dir / "seeds" / "grid" / path.name, shallow=False)


def test_other_models_rows_are_untouched(learned_run):
    for seed in (learned_run.project_dir / "seeds" / "grid").glob("grid_*.csv"):
        original = (PROJECT_ROOT / "seeds" / "grid" / seed.name).read_text().splitlines()
        learned = seed.read_text().splitlines()
        assert learned[: len(original)] == original, seed.name
        assert all(line.startswith("learned,") for line in learned[len(original) :]), seed.name


SEQUENCE_ROW = "{model},{model}_seq,Seq,low_velocity_download,key_page_visits,14,300,9\n"


@pytest.mark.parametrize("has_sequences_file", [True, False])
def test_learn_drops_a_relearned_models_sequences_and_creates_no_sequences_file(
    tmp_path, monkeypatch, has_sequences_file
):
    # a model learned again loses its sequences (they would name criteria the learned grid
    # may not have); other models' stay; a grid from before sequences gets no such file
    grid = Path(shutil.copytree(PROJECT_ROOT / "seeds" / "grid", tmp_path / "grid"))
    sequences = grid / "grid_activity_sequences.csv"
    header = sequences.read_text()
    if has_sequences_file:
        sequences.write_text(
            header + SEQUENCE_ROW.format(model="default") + SEQUENCE_ROW.format(model="learned")
        )
    else:
        sequences.unlink()
    monkeypatch.setattr(learn_seeds, "note", lambda options, learned: "")
    options = SimpleNamespace(seeds_dir=grid, model="learned", note_path=tmp_path / "l.md")
    fields = [*learn_seeds.GRID_FILES, *learn_seeds.OPTIONAL_GRID_FILES]

    write_grid(options, SimpleNamespace(**{field: [] for field in fields}))

    if has_sequences_file:
        assert sequences.read_text() == header + SEQUENCE_ROW.format(model="default")
    else:
        assert not sequences.exists()


def test_the_learned_grid_is_small_enough_to_review(learned_run):
    criteria = {row["criterion"] for row in seed_rows(learned_run.project_dir, "grid_fit_rules")}
    criteria |= {
        row["criterion"] for row in seed_rows(learned_run.project_dir, "grid_activity_criteria")
    }
    assert 5 <= len(criteria) <= 20
    # no criterion counts a single newsletter issue or one rare subject
    for row in seed_rows(learned_run.project_dir, "grid_activity_match_rules"):
        assert row["subject_pattern"].count("/") <= 2


def test_learned_activity_criteria_are_monotone_with_one_sign(learned_run):
    for row in seed_rows(learned_run.project_dir, "grid_activity_criteria"):
        tiers = [int(row[column]) for column in TIER_COLUMNS if row[column] != ""]
        assert tiers == sorted(tiers, key=abs), row
        assert all(t >= 0 for t in tiers) or all(t <= 0 for t in tiers), row
        assert int(row["max_points"]) == tiers[-1]


def test_the_scoring_models_row_names_the_zone_method(learned_run):
    (model,) = seed_rows(learned_run.project_dir, "grid_scoring_models")
    thresholds = seed_rows(learned_run.project_dir, "grid_zone_thresholds")
    matrix = seed_rows(learned_run.project_dir, "grid_zone_matrix")
    if model["zone_method"] == "total":
        assert {row["zone"] for row in thresholds} >= {"hot", "cold"} and not matrix
    else:
        assert model["zone_method"] == "matrix" and len(matrix) == 4 and not thresholds


def test_the_note_is_named_after_the_model_and_reports_cross_validation(learned_run):
    note = (learned_run.project_dir / "seeds" / "grid" / "learned.md").read_text()
    assert not (learned_run.project_dir / "seeds" / "grid" / "learned_learned.md").exists()
    assert "cross-validated AUC (5 folds, every lead held out once, 95 % bootstrap" in note
    assert "unconstrained regression" in note
    assert "rounding to integer points cost" in note
    assert "penalty per lead by cross-validation:" in note
    assert "zones: " in note and "| activity |" in note and "| fit |" in note


def test_the_printed_report_shows_both_models_side_by_side(demo_inputs, tmp_path, capsys):
    project_dir = copy_project(tmp_path / "project")
    warehouse = tmp_path / "scores.duckdb"
    shutil.copy(demo_inputs, warehouse)
    assert learn(warehouse, project_dir, "--max-criteria=6", "--folds=3") == 0
    out = capsys.readouterr().out
    report = dict(
        zip(
            ("leads", "auc", "costs", "penalty", "zones", "hot"),
            out.splitlines()[:6],
            strict=True,
        )
    )
    # both models side by side, each with a bootstrap interval around its AUC
    assert re.fullmatch(
        r"cross-validated AUC \(3 folds, every lead held out once, 95 % bootstrap interval\):"
        r" learned grid 0\.\d{4} \[0\.\d{3}, 0\.\d{3}\],"
        r" unconstrained regression 0\.\d{4} \[0\.\d{3}, 0\.\d{3}\]",
        report["auc"],
    )
    assert re.fullmatch(
        r"rounding to integer points cost [+-]\d\.\d{4} AUC; keeping \d+ criteria instead of"
        r" all [+-]\d\.\d{4}",
        report["costs"],
    )
    assert re.fullmatch(r"zones: (matrix|total) \(held-out hot zone: .*\)", report["zones"])
    assert report["hot"].startswith("hot zone on held-out leads:")
    criteria = {row["criterion"] for row in seed_rows(project_dir, "grid_fit_rules")}
    criteria |= {row["criterion"] for row in seed_rows(project_dir, "grid_activity_criteria")}
    assert len(criteria) <= 6


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
        ("drop table {schema}.events", "events"),
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
    before = learned_files(project_dir)

    assert learn(inputs, project_dir) == 2

    assert message in capsys.readouterr().err
    assert learned_files(project_dir) == before


def test_an_unknown_target_is_a_clear_error(demo_inputs, tmp_path, capsys):
    project_dir = copy_project(tmp_path / "project")
    before = learned_files(project_dir)
    assert learn(demo_inputs, project_dir, "--target=nowhere") == 2
    assert "nowhere" in capsys.readouterr().err
    assert learned_files(project_dir) == before


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    seed=st.integers(0, 10_000),
    tiers=st.integers(1, 4),
    sign=st.sampled_from([1, -1]),
    penalty=st.sampled_from(learn_fit.PENALTY_GRID),
)
def test_bounded_fit_keeps_tier_increments_to_one_sign(seed, tiers, sign, penalty):
    """Whatever the data say (here: random counts and outcomes, often against the sign),
    the fitted increments keep the criterion's sign, so its points never fall as its events
    grow."""
    rng = np.random.default_rng(seed)
    leads = 300
    counts = rng.poisson(rng.uniform(0.2, 4), leads)
    minimums = (1, 2, 5, 10)[:tiers]
    matrix = sparse.csr_matrix(np.column_stack([counts >= m for m in minimums]).astype(float))
    labels = (rng.uniform(size=leads) < 1 / (1 + np.exp(2 - rng.normal() * counts))).astype(int)
    if labels.min() == labels.max():
        labels[0] = 1 - labels[0]
    bounds = [(0.0, None) if sign > 0 else (None, 0.0)] * tiers
    weights = learn_fit.fit_logistic(matrix, labels, penalty, bounds)
    points = np.cumsum(weights[:-1])
    assert np.all(sign * weights[:-1] >= 0)
    assert np.all(np.diff(sign * points) >= -1e-12)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A larger generated dataset (its ground truth is demo_data's planted effects) and the
    grid learned from it with room for every criterion, so that the signs can be read."""
    workdir = tmp_path_factory.mktemp("planted")
    warehouse = workdir / "inputs.duckdb"
    size = ["--contacts=20000", "--accounts=2000", "--events=500000"]
    assert (
        lead_scoring_cli(["generate", *size, f"--duckdb={warehouse}", f"--input-schema={SCHEMA}"])
        == 0
    )
    project_dir = copy_project(workdir / "project")
    assert learn(warehouse, project_dir, "--max-criteria=200", "--folds=3") == 0
    return project_dir


def fit_points(project_dir, criterion: str) -> dict[str, int]:
    return {
        row["value"]: int(row["points"])
        for row in seed_rows(project_dir, "grid_fit_rules")
        if row["criterion"] == criterion
    }


def test_learner_recovers_the_sign_of_the_planted_effects(planted):
    # personal e-mail lowers the odds
    personal = fit_points(planted, "email_domain")
    assert personal and all(personal.get(domain, 0) < 0 for domain in PERSONAL_DOMAINS)
    # every target industry weighs more than every other industry
    industry = fit_points(planted, "accounts_industry")
    targets = {name.lower() for name in TARGET_INDUSTRIES}
    assert min(industry[name] for name in targets) > max(
        (points for name, points in industry.items() if name not in targets), default=0
    )
    # the strong buying signals score points at their first tier
    first_tier = {
        row["criterion"]: int(row["points_1_plus"])
        for row in seed_rows(planted, "grid_activity_criteria")
    }
    strong = ["page_view__pricing", "content_download__case_study", "demo_request"]
    assert all(first_tier[criterion] > 0 for criterion in strong)


def test_postgres_learns_the_same_rows_as_duckdb(learned_run, tmp_path, monkeypatch):
    """The demo seeds loaded on PostgreSQL and learned there: the same seed rows and note as
    DuckDB's learning on the same demo data (``learned_run``'s: `generate` writes the rows the
    demo seeds hold). PostgreSQL must be running (`scripts/postgres.sh start`, done by
    `make test`)."""
    schema = "learn_engines"
    monkeypatch.setenv("LEAD_SCORING_PG_SCHEMA", schema)
    project_dir = copy_project(tmp_path / "postgres", with_demo=True)
    warehouse = tmp_path / "postgres.duckdb"
    seeded = run_dbt(
        project_dir,
        warehouse,
        ["seed", "--select", "path:seeds/demo", "--full-refresh"],
        {},
        4,
        {"LEAD_SCORING_TARGET": "postgres"},
    )
    assert seeded.returncode == 0, seeded.output
    status = lead_scoring_cli(
        [
            "learn",
            f"--as-of={AS_OF}",
            "--model=learned",
            f"--project-dir={project_dir}",
            f"--profiles-dir={project_dir / 'profiles'}",
            "--target=postgres",
            f"--duckdb={warehouse}",
            f"--input-schema={demo_input_vars(schema)['lead_scoring_schema']}",
        ]
    )
    assert status == 0
    on_duckdb = learned_files(learned_run.project_dir)
    assert learned_files(project_dir) == on_duckdb
    assert b"learned," in on_duckdb["grid_fit_rules.csv"]


@pytest.fixture(scope="module")
def crm_export(tmp_path_factory):
    """5,000 leads shaped like a real CRM export (rare values, names and codes for
    countries, ties, bots, noise) and the grid learned from them, with its report."""
    workdir = tmp_path_factory.mktemp("crm_export")
    warehouse = workdir / "inputs.duckdb"
    crm_export_data.write_duckdb(warehouse, SCHEMA, 5_000)
    project_dir = copy_project(workdir / "project")
    options = Options(
        project=DbtProject(
            project_dir=project_dir,
            profiles_dir=project_dir / "profiles",
            variables={"lead_scoring_schema": SCHEMA},
            env={"LEAD_SCORING_DUCKDB_PATH": str(warehouse)},
        ),
        as_of=date.fromisoformat(AS_OF),
        model="learned",
        seeds_dir=project_dir / "seeds" / "grid",
        note_path=project_dir / "seeds" / "grid" / "learned.md",
    )
    learned = learn_grid(options)
    write_grid(options, learned)
    return project_dir, learned.report


def test_on_crm_shaped_data_the_grid_ranks_like_the_regression(crm_export):
    _, report = crm_export
    # bench/LEARNING.md has the figures; a tie within the folds' noise is allowed here
    assert report.auc_grid >= report.auc_regression - 0.01
    assert report.hot_share <= 0.35
    assert report.hot_conversion_share >= 0.60
    assert report.best_cell_rate >= 10 * report.worst_cell_rate


def test_on_crm_shaped_data_every_criterion_is_monotone_and_the_grid_small(crm_export):
    project_dir, report = crm_export
    activity = seed_rows(project_dir, "grid_activity_criteria")
    for row in activity:
        tiers = [int(row[column]) for column in TIER_COLUMNS if row[column] != ""]
        assert tiers == sorted(tiers, key=abs), row
        assert all(t >= 0 for t in tiers) or all(t <= 0 for t in tiers), row
    criteria = {row["criterion"] for row in activity}
    criteria |= {row["criterion"] for row in seed_rows(project_dir, "grid_fit_rules")}
    assert len(criteria) == report.criteria <= 20

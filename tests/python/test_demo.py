"""The shipped demo: the generator reproduces it and `dbt build` scores it, every test green."""

from __future__ import annotations

import csv
import filecmp
import json
import os
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest
from sklearn.metrics import roc_auc_score

from lead_scoring import summary
from lead_scoring.cli import main as lead_scoring_cli
from lead_scoring.demo import data as demo_data
from lead_scoring.publish import public_marts
from support.dbt_harness import (
    DEMO_AS_OF,
    PROJECT_ROOT,
    DbtRun,
    copy_project,
    copy_run,
    demo_input_vars,
    run_dbt,
)

DEMO_DIR = PROJECT_ROOT / "integration_tests" / "seeds" / "demo"


def test_generator_rewrites_the_shipped_demo_files_byte_for_byte(tmp_path, capsys):
    assert lead_scoring_cli(["generate", "--csv", str(tmp_path)]) == 0
    for table in demo_data.TABLES:
        assert filecmp.cmp(tmp_path / f"{table}.csv", DEMO_DIR / f"{table}.csv", shallow=False), (
            table
        )


def test_demo_dataset_has_the_promised_size():
    def data_rows(table: str) -> int:
        with (DEMO_DIR / f"{table}.csv").open() as handle:
            return sum(1 for _ in handle) - 1

    assert data_rows("contacts") >= 2_000
    assert data_rows("accounts") >= 300
    assert data_rows("events") >= 50_000
    assert data_rows("conversions") > 0
    assert data_rows("contact_attributes") > 0
    assert data_rows("sales_feedback") > 0


@pytest.fixture(scope="module")
def demo_run(demo_build, tmp_path_factory) -> DbtRun:
    """The demo as `make demo` scores it (the shipped grid and the example models), built once
    per test run (conftest.py) and copied here."""
    assert demo_build.returncode == 0, demo_build.output
    return copy_run(demo_build, tmp_path_factory.mktemp("demo"))


def test_build_passes_every_unit_and_data_test(demo_run):
    assert "ERROR=0" in demo_run.output
    assert "PASS=" in demo_run.output


def test_every_demo_contact_gets_one_default_score(demo_run):
    [(contacts,)] = demo_run.query("select count(distinct contact_id) from main_demo.contacts")
    [(rows, distinct)] = demo_run.query(
        "select count(*), count(distinct contact_id) from main.lead_scores"
        " where scoring_model = 'default'"
    )
    assert rows == distinct == contacts


def test_demo_fills_every_zone(demo_run):
    zones = dict(demo_run.query("select zone, count(*) from main.lead_scores group by 1"))
    assert set(zones) == {"hot", "warm", "cold"}


def test_demo_conversions_follow_the_score(demo_run):
    # leads who convert after the as-of date are far more often hot than cold
    rates = dict(
        demo_run.query(
            """
            select
                scores.zone,
                avg(case when converted.contact_id is null then 0.0 else 1.0 end)
            from main.lead_scores as scores
            left join (
                select distinct contact_id from main_demo.conversions
                where converted_at >= timestamp '2026-10-01'
            ) as converted
                on scores.contact_id = converted.contact_id
            group by 1
            """
        )
    )
    assert rates["hot"] > 5 * rates["cold"]


def test_the_buying_sequence_example_scores_content_then_pricing_within_14_days(demo_run):
    # grids/examples/buying_sequence, worked out from the demo's events file: a content
    # download, then a /pricing page view on the same day or up to 14 days later, both in
    # the 90 days ending on the as-of date, earns 300 once, dated by the first pricing
    # visit that completed it
    as_of = date.fromisoformat(DEMO_AS_OF)
    dates: dict[tuple[str, str], set[date]] = {}
    seen = set()
    with (DEMO_DIR / "events.csv").open(newline="") as handle:
        for row in csv.DictReader(handle):
            if row["event_id"] in seen or not row["occurred_at"]:
                continue
            seen.add(row["event_id"])
            day = datetime.fromisoformat(row["occurred_at"]).date()
            if not 0 <= (as_of - day).days <= 89:
                continue
            kind = row["event_type"].strip().lower()
            subject = (row["subject"] or "").strip().lower()
            if kind == "content_download":
                dates.setdefault((row["contact_id"], "content"), set()).add(day)
            elif kind == "page_view" and subject.startswith("/pricing"):
                dates.setdefault((row["contact_id"], "pricing"), set()).add(day)
    scored = {contact_id for (contact_id,) in demo_run.query(SCORED_BY_BUYING_SEQUENCE)}
    expected = {}
    for (contact_id, kind), downloads in dates.items():
        completing = [
            visit
            for visit in dates.get((contact_id, "pricing"), ())
            if any(0 <= (visit - download).days <= 14 for download in downloads)
        ]
        if kind == "content" and completing and contact_id in scored:
            expected[contact_id] = (min(completing), 1, 300, 300)

    rows = demo_run.query(
        """
        select contact_id, last_event_on, event_count, points, max_points
        from main.lead_score_details
        where scoring_model = 'buying_sequence' and criterion = 'bs_content_then_pricing'
        """
    )

    assert len(expected) > 10  # the demo has such leads to show
    assert {contact_id: tuple(rest) for contact_id, *rest in rows} == expected
    reasons = demo_run.query(
        "select score_reasons from main.lead_scores where scoring_model = 'buying_sequence'"
        " and score_reasons like '%Content download, then pricing visit +300%'"
    )
    assert len(reasons) == len(expected)


SCORED_BY_BUYING_SEQUENCE = (
    "select contact_id from main.lead_scores where scoring_model = 'buying_sequence'"
)


def test_demo_auc_in_sql_equals_scikit_learn(demo_run):
    # outcomes worked out here from the demo CSV, independently of the SQL
    as_of = date.fromisoformat(DEMO_AS_OF)
    with (DEMO_DIR / "conversions.csv").open() as handle:
        converted = [
            (row["contact_id"], datetime.fromisoformat(row["converted_at"]).date())
            for row in csv.DictReader(handle)
        ]
    existing = {contact for contact, day in converted if day <= as_of}
    positives = {contact for contact, day in converted if 1 <= (day - as_of).days <= 90}
    scores = demo_run.query(
        "select contact_id, fit_points + activity_points from main.lead_scores"
        " where scoring_model = 'default'"
    )
    evaluated = [(contact, points) for contact, points in scores if contact not in existing]
    expected = roc_auc_score(
        [contact in positives for contact, _ in evaluated], [points for _, points in evaluated]
    )

    [(leads, positive_count, auc)] = demo_run.query(
        "select leads, positives, auc from main.score_model_performance"
        " where scoring_model = 'default'"
    )
    assert (leads, positive_count) == (len(evaluated), len(positives - existing))
    assert auc == pytest.approx(expected, abs=1e-12)


def test_the_target_schema_holds_the_public_marts_alone(demo_run):
    public = set(public_marts(PROJECT_ROOT))
    relations = {
        name
        for (name,) in demo_run.query(
            "select table_name from duckdb_tables() where schema_name = 'main' and not internal"
            " union all select view_name from duckdb_views() where schema_name = 'main'"
            " and not internal"
        )
    }
    assert relations == public
    layers = {
        schema
        for (schema,) in demo_run.query(
            "select distinct schema_name from duckdb_views()"
            " where not internal union select schema_name from duckdb_tables()"
        )
    }
    assert layers == {
        "main",
        "main_staging",
        "main_intermediate",
        "main_grid",
        "main_reference",
        "main_semantic",
        "main_demo",
    }


def _relations(con: duckdb.DuckDBPyConnection, schema: str) -> set[str]:
    return {
        name
        for (name,) in con.execute(
            "select table_name from information_schema.tables where table_schema = ?", [schema]
        ).fetchall()
    }


def test_relations_an_earlier_version_left_behind_can_be_dropped(demo_run, tmp_path):
    upgraded = tmp_path / "upgraded.duckdb"
    shutil.copy(demo_run.duckdb_path, upgraded)
    with duckdb.connect(str(upgraded)) as con:
        # as 0.1 built them, beside the marts; and a table of the user's own
        con.execute("create view main.int_events_matched_to_criteria as select 1 as stale")
        con.execute("create table main.grid_fit_rules as select 1 as stale")
        con.execute("create table main.my_own_report as select 1 as mine")
        # as 0.2 named them in its layer schemas (issue 25 renamed them); and a schema of
        # another project's, with relations of those names
        con.execute("create view main_intermediate.int_events_classified as select 1 as stale")
        con.execute("create table main_staging.base_lead_scoring__events as select 1 as stale")
        con.execute("create schema other_project")
        con.execute("create view other_project.int_events_classified as select 1 as theirs")
        con.execute("create table other_project.my_table as select 1 as theirs")
        layers_before = {
            schema: _relations(con, schema)
            for schema in ("main_staging", "main_intermediate", "main_grid", "main_reference")
        }

    # a project of its own: a manifest parsed against another file would name its database
    project_dir = copy_project(tmp_path / "project")

    def drop(args: str) -> DbtRun:
        return run_dbt(
            project_dir,
            upgraded,
            ["run-operation", "drop_relations_left_behind", "--args", args],
            {},
        )

    listed = drop("{}")
    assert listed.returncode == 0, listed.output
    assert '"main"."int_events_matched_to_criteria"' in listed.output
    assert '"main"."grid_fit_rules"' in listed.output
    assert '"main_intermediate"."int_events_classified"' in listed.output
    assert '"main_staging"."base_lead_scoring__events"' in listed.output
    assert "lead_scores" not in listed.output and "my_own_report" not in listed.output
    assert "other_project" not in listed.output
    assert listed.output.count("would drop") == 4, listed.output
    dropped = drop("{dry_run: false}")
    assert dropped.returncode == 0, dropped.output
    with duckdb.connect(str(upgraded), read_only=True) as con:
        public = set(public_marts(PROJECT_ROOT))
        assert _relations(con, "main") == public | {"my_own_report"}
        # in the layer schemas, what the build made stays and the old names are gone
        assert _relations(con, "main_intermediate") == layers_before["main_intermediate"] - {
            "int_events_classified"
        }
        assert _relations(con, "main_staging") == layers_before["main_staging"] - {
            "base_lead_scoring__events"
        }
        assert _relations(con, "main_grid") == layers_before["main_grid"]
        assert _relations(con, "main_reference") == layers_before["main_reference"]
        assert _relations(con, "other_project") == {"int_events_classified", "my_table"}


def source_freshness(project_dir: Path, warehouse: Path) -> dict[str, str]:
    """`dbt source freshness`'s status per input table."""
    checked = run_dbt(
        project_dir, warehouse, ["source", "freshness"], demo_input_vars(), artifacts=True
    )
    results = json.loads((project_dir / "target" / "sources.json").read_text())["results"]
    assert results, checked.output
    return {result["unique_id"].rsplit(".", 1)[1]: result["status"] for result in results}


def test_source_freshness_checks_every_input_with_a_timestamp(demo_run, tmp_path):
    project_dir = copy_project(tmp_path / "project")
    inputs = [
        ("contacts", "updated_at", "contact_id"),
        ("events", "occurred_at", "event_id"),
        ("conversions", "converted_at", "contact_id"),
    ]
    stale, fresh = tmp_path / "stale.duckdb", tmp_path / "fresh.duckdb"
    for copy in (stale, fresh):
        shutil.copy(demo_run.duckdb_path, copy)
    with duckdb.connect(str(stale)) as con:
        # a sync that stopped 20 days ago, and no deal for 40 days
        for table, column, _ in inputs:
            days = 40 if table == "conversions" else 20
            cutoff = f"cast(now() as timestamp) - interval {days} day"
            con.execute(f"update main_demo.{table} set {column} = least({column}, {cutoff})")
    assert source_freshness(project_dir, stale) == {
        "contacts": "error",
        "events": "error",
        "conversions": "warn",
    }
    with duckdb.connect(str(fresh)) as con:
        # one row of each, as a sync that ran a minute ago would write
        for table, column, key in inputs:
            con.execute(
                f"update main_demo.{table} set {column} = cast(now() as timestamp)"
                f" where {key} = (select min({key}) from main_demo.{table})"
            )
    assert set(source_freshness(project_dir, fresh).values()) == {"pass"}


def test_summary_reports_how_the_scores_ranked_later_conversions(demo_run):
    with duckdb.connect(str(demo_run.duckdb_path), read_only=True) as con:
        text = summary.render(con, "main", demo_run.relations())
    [(auc,)] = demo_run.query(
        "select auc from main.score_model_performance where scoring_model = 'default'"
    )
    assert f"AUC {auc:.3f}" in text
    assert "Scoring model 'default' as of 2026-09-30" in text


def test_summary_reports_the_calibration_and_the_surging_leads(demo_run):
    with duckdb.connect(str(demo_run.duckdb_path), read_only=True) as con:
        text = summary.render(con, "main", demo_run.relations())
    [(start, leads, rate, brier)] = demo_run.query(
        "select distinct window_start, model_window_leads, model_window_conversion_rate,"
        " brier_score from main.score_calibration where scoring_model = 'default'"
    )
    [(hot_probability, surging)] = demo_run.query(
        "select avg(conversion_probability) filter (where is_mql),"
        " count(*) filter (where is_surging)"
        " from main.lead_scores where scoring_model = 'default'"
    )
    assert f"Calibration since {start}: {rate:.1%} of {leads} leads converted;" in text
    assert f"convert with probability {hot_probability:.1%}" in text
    assert f"Brier score {brier:.4f} on the window" in text
    # the default grid surges at 1000 points in 7 days; the example models set no surge_points
    assert surging > 0
    assert f"Surging leads (points_7d at least surge_points): {surging}" in text
    assert "Surging leads: none flagged (no surge_points in grid_scoring_models)" in text


def test_summary_says_it_summarises_the_published_scores_date(demo_run, capsys):
    status = lead_scoring_cli(
        ["summary", f"--project-dir={demo_run.project_dir}", f"--duckdb={demo_run.duckdb_path}"]
    )

    assert status == 0
    printed = capsys.readouterr().out
    assert printed.startswith(
        "summary: as of 2026-09-30, the published scores' date (max(scored_as_of) of lead_scores)"
    )
    assert "Scoring model 'default' as of 2026-09-30" in printed


def test_summary_without_published_scores_says_what_to_run(demo_run, tmp_path, capsys):
    empty = tmp_path / "empty.duckdb"
    duckdb.connect(str(empty)).close()

    status = lead_scoring_cli(
        ["summary", f"--project-dir={demo_run.project_dir}", f"--duckdb={empty}"]
    )

    assert status == 2
    assert "no published scores" in capsys.readouterr().err


def metricflow(demo_run: DbtRun, *args: str) -> subprocess.CompletedProcess:
    """`mf` (dbt-metricflow) in the demo build's project, against its DuckDB file."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "mf"), *args],
        cwd=demo_run.project_dir,
        env={
            **os.environ,
            "DBT_PROFILES_DIR": str(demo_run.project_dir / "profiles"),
            "LEAD_SCORING_DUCKDB_PATH": str(demo_run.duckdb_path),
        },
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_semantic_layer_validates_and_its_metrics_equal_the_marts(demo_run, tmp_path):
    validated = metricflow(demo_run, "validate-configs")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "ERRORS: 0" in validated.stdout
    output = tmp_path / "metrics.csv"
    queried = metricflow(
        demo_run,
        "query",
        "--metrics",
        "leads,mqls,conversion_rate,hot_zone_capture,auc",
        "--group-by",
        "scoring_model",
        "--csv",
        str(output),
    )
    assert queried.returncode == 0, queried.stdout + queried.stderr
    with output.open(newline="") as handle:
        metrics = {row["scoring_model"]: row for row in csv.DictReader(handle)}
    marts = {
        model: (leads, mqls, rate, capture, auc)
        for model, leads, mqls, rate, capture, auc in demo_run.query(
            "select scores.scoring_model, count(*), count(*) filter (where scores.is_mql),"
            " any_value(performance.conversion_rate),"
            " any_value(performance.hot_share_of_conversions), any_value(performance.auc)"
            " from main.lead_scores as scores inner join main.score_model_performance as"
            " performance on scores.scoring_model = performance.scoring_model group by 1"
        )
    }
    assert set(metrics) == set(marts)
    for model, (leads, mqls, rate, capture, auc) in marts.items():
        row = metrics[model]
        assert (int(row["leads"]), int(row["mqls"])) == (leads, mqls), model
        assert float(row["conversion_rate"]) == pytest.approx(rate), model
        assert float(row["hot_zone_capture"]) == pytest.approx(capture), model
        assert float(row["auc"]) == pytest.approx(auc), model


def query_metrics(demo_run: DbtRun, output: Path, metrics: str, group_by: str) -> list[dict]:
    """`mf query` of ``metrics`` by ``group_by``: its rows."""
    queried = metricflow(
        demo_run, "query", "--metrics", metrics, "--group-by", group_by, "--csv", str(output)
    )
    assert queried.returncode == 0, queried.stdout + queried.stderr
    with output.open(newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_semantic_layers_next_step_surge_and_expected_metrics_equal_the_marts(
    demo_run, tmp_path
):
    # leads per next step: per model and label of the rank-1 step that reaches the next
    # zone, those leads and those it makes hot
    steps = {
        (row["scoring_model"], row["lead_next_step__label"]): (
            int(row["next_step_leads"]),
            int(row["next_step_mqls"]),
        )
        for row in query_metrics(
            demo_run,
            tmp_path / "steps.csv",
            "next_step_leads,next_step_mqls",
            "scoring_model,lead_next_step__label",
        )
        if row["next_step_leads"] != "0"
    }
    marts = {
        (model, label): (leads, mqls)
        for model, label, leads, mqls in demo_run.query(
            "select scoring_model, label, count(*), count(*) filter (where zone_after = 'hot')"
            " from main.lead_next_steps where step_rank = 1 and reaches_next_zone group by 1, 2"
        )
    }
    assert marts and steps == marts
    # surging leads per model
    surging = {
        row["scoring_model"]: int(row["surging_leads"])
        for row in query_metrics(demo_run, tmp_path / "surge.csv", "surging_leads", "scoring_model")
    }
    assert any(surging.values()) and surging == dict(
        demo_run.query(
            "select scoring_model, count(*) filter (where is_surging)"
            " from main.lead_scores group by 1"
        )
    )
    # expected conversions: the sum of lead_scores.conversion_probability over the leads
    # the evaluation counts (existing customers left out); actual: those of them that
    # converted within the horizon; per model and the lead's zone
    zones = {
        (row["scoring_model"], row["zone_evaluation__zone"]): (
            float(row["expected_conversions"]),
            int(row["actual_conversions"]),
        )
        for row in query_metrics(
            demo_run,
            tmp_path / "zones.csv",
            "expected_conversions,actual_conversions",
            "scoring_model,zone_evaluation__zone",
        )
    }
    leads = {
        (model, zone): (expected, actual)
        for model, zone, expected, actual in demo_run.query(
            "select scores.scoring_model, scores.zone, sum(scores.conversion_probability),"
            " count(*) filter (where outcomes.is_positive)"
            " from main.lead_scores as scores"
            " inner join main_intermediate.int_scored_leads_with_outcome as outcomes"
            " on scores.contact_id = outcomes.contact_id"
            " and scores.scoring_model = outcomes.scoring_model"
            " where not outcomes.is_existing_customer and scores.zone is not null group by 1, 2"
        )
    }
    assert leads
    for key, (expected, actual) in leads.items():
        assert zones[key][0] == pytest.approx(expected), key
        assert zones[key][1] == actual, key
    # a zone without leads expects and gets none
    assert all(zones[key] == (0.0, 0) for key in set(zones) - set(leads))
    assert any(actual for _, actual in zones.values())


# a BI tool in another process: it opens a DuckDB file read-only, counts the scores, waits
# for a line on stdin, counts again on the same connection
BI_READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
count = "select count(*) from main.lead_scores"
print(con.execute(count).fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute(count).fetchone()[0], flush=True)
"""


def start_bi_reader(path: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", BI_READER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def test_bi_readers_of_the_published_copy_never_block_the_build(demo_run, tmp_path):
    built = tmp_path / "lead_scoring.duckdb"
    shutil.copy(demo_run.duckdb_path, built)
    published = tmp_path / "lead_scoring_published.duckdb"

    def publish() -> int:
        return lead_scoring_cli(
            [
                "publish",
                f"--duckdb={built}",
                f"--output={published}",
                f"--project-dir={PROJECT_ROOT}",
            ]
        )

    assert publish() == 0
    reader = start_bi_reader(published)
    try:
        before = int(reader.stdout.readline())
        # the next build writes its file while the BI tool reads the published copy
        with duckdb.connect(str(built)) as con:
            con.execute("delete from main.lead_scores where scoring_model != 'default'")
            after = con.execute("select count(*) from main.lead_scores").fetchone()[0]
        assert publish() == 0
        reader.stdin.write("\n")
        reader.stdin.flush()
        # the open connection still reads the whole previous copy; a new one, the new copy
        assert int(reader.stdout.readline()) == before
    finally:
        reader.communicate(timeout=60)
    assert after < before
    with duckdb.connect(str(published), read_only=True) as con:
        assert con.execute("select count(*) from main.lead_scores").fetchone()[0] == after
        marts = {name for (name,) in con.execute("show tables").fetchall()}
    assert {"lead_scores", "lead_score_history", "lead_score_changes"} <= marts
    assert not any(name.startswith(("int_", "stg_", "base_")) for name in marts)


def test_a_reader_of_the_built_file_itself_would_block_the_build(demo_run, tmp_path):
    # why the published copy exists: DuckDB's lock on the file the build writes
    built = tmp_path / "lead_scoring.duckdb"
    shutil.copy(demo_run.duckdb_path, built)
    reader = start_bi_reader(built)
    try:
        int(reader.stdout.readline())
        with pytest.raises(duckdb.IOException, match="lock"):
            duckdb.connect(str(built))
    finally:
        reader.communicate("\n", timeout=60)


def test_the_static_docs_site_shows_the_marts_and_their_exposures(demo_run):
    generated = run_dbt(
        demo_run.project_dir,
        demo_run.duckdb_path,
        ["docs", "generate", "--static"],
        {"scoring_as_of": DEMO_AS_OF},
        artifacts=True,
    )
    assert generated.returncode == 0, generated.output
    page = (demo_run.project_dir / "target" / "static_index.html").read_text()
    # one file holding the manifest and the catalog: the marts, their columns, the exposures
    for name in (
        "lead_scores",
        "first_mql_on",
        "crm_sync",
        "new_mql_alert",
        "grid_impact_report",
        "superset_lead_scoring_dashboard",
    ):
        assert name in page, name

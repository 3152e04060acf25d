"""The shipped Superset dashboard, imported by scripts/superset.sh into a Superset of its own
and looked at in headless Chromium as a person would: logged in, the dashboard opened, its
numbers read off the rendered page.

The same dashboard is then imported again reading PostgreSQL (`scripts/postgres.sh start`,
done by `make test` and `make test-bi`): the marts test_engines.py builds there. Marked
`bi`: `make test-bi` runs this file alone, `make test` with the others."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psycopg2
import pytest

from lead_scoring.cli import main as lead_scoring_cli
from lead_scoring.warehouse import SCHEDULED_BUILD
from support.dbt_harness import (
    DEMO_MODELS,
    NO_DATA_TESTS,
    PG,
    PROJECT_ROOT,
    copy_project,
    demo_input_vars,
    run_dbt,
)
from support.engine_dataset import SCHEMA as ENGINES_SCHEMA
from support.engine_dataset import shared_engine_build

pytestmark = pytest.mark.bi

# three scheduled runs, so that the history has three dates
RUN_DATES = ["2026-09-28", "2026-09-29", "2026-09-30"]
# the next scheduled run, two weeks on: leads' activity has aged out of the grid's windows
NEXT_RUN = "2026-10-15"
CHARTS = [
    "MQLs",
    "Leads",
    "Leads per grade cell",
    "Leads per zone",
    "MQLs over time",
    "Conversion by grade",
    "Input rows not scored as read",
    "Surging leads",
    "Leads per next step",
    "Surging leads by points in 7 days",
    "Expected and actual conversions per zone",
]
# the charts drawn by ECharts (a canvas each); the big numbers and the table are HTML
CANVAS_CHARTS = ["Leads per grade cell", "Leads per zone", "MQLs over time", "Conversion by grade"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """A demo warehouse scored on three days and published; (project, built, published)."""
    workdir = tmp_path_factory.mktemp("superset")
    project_dir = copy_project(workdir / "project", DEMO_MODELS, with_demo=True)
    built = workdir / "lead_scoring.duckdb"
    seeded = run_dbt(project_dir, built, ["seed", "--select", "path:seeds/demo"], {})
    assert seeded.returncode == 0, seeded.output
    for as_of in RUN_DATES:
        variables = {"scoring_as_of": as_of, **demo_input_vars()}
        # the scheduled build; the data tests on the last day's marts alone (the dashboard
        # reads those: the days before only leave their rows in the history)
        tests = [] if as_of == RUN_DATES[-1] else NO_DATA_TESTS
        run = run_dbt(project_dir, built, [*SCHEDULED_BUILD, *tests], variables, threads=4)
        assert run.returncode == 0, run.output
    published = workdir / "lead_scoring_published.duckdb"
    assert publish(project_dir, built, published) == 0
    return project_dir, built, published


def publish(project_dir: Path, built: Path, published: Path) -> int:
    return lead_scoring_cli(
        ["publish", f"--duckdb={built}", f"--output={published}", f"--project-dir={project_dir}"]
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Superset:
    """A Superset the project's script set up and started."""

    base_url: str
    password: str
    env: dict[str, str]

    def script(self, *args: str, **env: str) -> subprocess.CompletedProcess:
        """`scripts/superset.sh ARGS` for this Superset (``env`` added to its environment)."""
        return subprocess.run(
            [str(PROJECT_ROOT / "scripts" / "superset.sh"), *args],
            env={**self.env, **env},
            capture_output=True,
            text=True,
            check=False,
        )


@pytest.fixture(scope="module")
def superset(warehouse, tmp_path_factory):
    """Superset set up by the project's script, the dashboard imported on the published copy,
    the server started. Stopped at the end."""
    _, _, published = warehouse
    port = free_port()
    password = secrets.token_urlsafe(12)
    env = {
        **os.environ,
        "LEAD_SCORING_SUPERSET_DIR": str(tmp_path_factory.mktemp("superset_state")),
        "LEAD_SCORING_SUPERSET_PORT": str(port),
        "LEAD_SCORING_SUPERSET_PASSWORD": password,
    }
    server = Superset(f"http://127.0.0.1:{port}", password, env)
    setup = server.script("setup", f"duckdb:///{published}")
    assert setup.returncode == 0, setup.stdout + setup.stderr
    started = server.script("start")
    assert started.returncode == 0, started.stdout + started.stderr
    try:
        yield server
    finally:
        stopped = server.script("stop")
        assert stopped.returncode == 0, stopped.stderr


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium: make test-bi installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        yield launched
        launched.close()


def open_dashboard(browser, superset: Superset):
    """A logged-in page showing the dashboard once every chart has drawn."""
    base_url, password = superset.base_url, superset.password
    page = browser.new_page(viewport={"width": 1600, "height": 1400})
    page.goto(f"{base_url}/login/")
    page.get_by_label("Username").fill("admin")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto(f"{base_url}/superset/dashboard/lead-scoring/")
    page.wait_for_selector('[data-test-chart-name="MQLs"] .header-line', timeout=120_000)
    for name in CANVAS_CHARTS:
        page.wait_for_selector(f'[data-test-chart-name="{name}"] canvas', timeout=120_000)
    page.wait_for_load_state("networkidle")
    return page


def chart(page, name: str):
    return page.locator(f'[data-test-chart-name="{name}"]')


DEFAULT_MQLS = (
    "select count(*) filter (where is_mql) from {schema}.lead_scores"
    " where scoring_model = 'default'"
)


def default_mqls(published: Path) -> int:
    with duckdb.connect(str(published), read_only=True) as con:
        return con.execute(DEFAULT_MQLS.format(schema="main")).fetchone()[0]


def shown_count(page, name: str) -> int:
    """The number a big-number chart shows."""
    return int(chart(page, name).locator(".header-line").inner_text().replace(",", ""))


def test_the_dashboard_shows_the_marts_numbers(warehouse, superset, browser):
    _, _, published = warehouse
    page = open_dashboard(browser, superset)
    try:
        names = page.eval_on_selector_all(
            "[data-test-chart-name]", "els => els.map(e => e.dataset.testChartName)"
        )
        assert names == CHARTS
        for name in CHARTS:
            text = chart(page, name).inner_text()
            assert "error" not in text.lower(), (name, text)
        # the scoring-model filter starts on the shipped grid: the MQL count of the mart
        assert shown_count(page, "MQLs") == default_mqls(published)
        with duckdb.connect(str(published), read_only=True) as con:
            (leads,) = con.execute(
                "select count(*) from main.lead_scores where scoring_model = 'default'"
            ).fetchone()
            (unmatched,) = con.execute(
                "select row_count from main.scoring_data_quality"
                " where input_table = 'events' and reason = 'unmatched_event_type'"
            ).fetchone()
        assert shown_count(page, "Leads") == leads
        # the data-quality table: reported reasons with rows, the largest first
        first_row = chart(page, "Input rows not scored as read").locator("tbody tr").first
        cells = [cell.strip() for cell in first_row.locator("td").all_inner_texts()]
        assert cells[:3] == ["events", "unmatched_event_type", str(unmatched)]
    finally:
        page.close()


def table_rows(page, name: str) -> list[list[str]]:
    """The cells of a table chart's rows, as a person reads them, scrolled into view first
    (the dashboard draws a chart once it is on screen)."""
    shown = chart(page, name)
    shown.scroll_into_view_if_needed()
    rows = shown.locator("tbody tr")
    rows.first.wait_for(timeout=120_000)
    return [[cell.strip() for cell in row.locator("td").all_inner_texts()] for row in rows.all()]


def test_the_dashboard_shows_what_a_sales_manager_acts_on(warehouse, superset, browser):
    """Leads per next step, the surging leads and expected against actual conversions per
    zone (SPEC section 8), on the default model as the filter starts: the marts' numbers."""
    _, _, published = warehouse
    with duckdb.connect(str(published), read_only=True) as con:
        (surging,) = con.execute(
            "select count(*) filter (where is_surging) from main.lead_scores"
            " where scoring_model = 'default'"
        ).fetchone()
        # per criterion of the rank-1 steps that reach the next zone: those leads and those
        # made hot, the most leads first
        next_steps = con.execute(
            "select scoring_model, label, count(*), count(*) filter (where zone_after = 'hot')"
            " from main.lead_next_steps where scoring_model = 'default' and step_rank = 1"
            " and reaches_next_zone group by 1, 2 order by 3 desc, 2"
        ).fetchall()
        surging_leads = con.execute(
            "select contact_id, scoring_model, zone, points_7d, points_30d, next_step"
            " from main.lead_scores where scoring_model = 'default' and is_surging"
            " order by points_7d desc, contact_id"
        ).fetchall()
        zones = con.execute(
            "select zone, leads, expected_conversions, conversions"
            " from main.score_evaluation_by_zone where scoring_model = 'default'"
            " order by zone_rank"
        ).fetchall()
    # the demo has something to show in each: surging leads, steps, hot leads that converted
    assert surging > 0 and next_steps and zones[0][3] > 0
    page = open_dashboard(browser, superset)
    try:
        assert shown_count(page, "Surging leads") == surging
        shown_steps = table_rows(page, "Leads per next step")
        # the most leads first; ties in any order
        assert [int(row[2].replace(",", "")) for row in shown_steps] == [
            leads for _, _, leads, _ in next_steps
        ]
        assert sorted(shown_steps) == sorted(
            [model, label, f"{leads:,}", f"{mqls:,}"] for model, label, leads, mqls in next_steps
        )
        assert table_rows(page, "Surging leads by points in 7 days") == [
            [contact, model, zone, str(points_7d), str(points_30d), next_step or "N/A"]
            for contact, model, zone, points_7d, points_30d, next_step in surging_leads
        ]
        assert table_rows(page, "Expected and actual conversions per zone") == [
            [zone, f"{leads:,}", f"{expected:,.1f}", f"{actual:,}"]
            for zone, leads, expected, actual in zones
        ]
    finally:
        page.close()


def test_the_daily_build_runs_while_the_dashboard_is_open_and_shows_after_publish(
    warehouse, superset, browser
):
    project_dir, built, published = warehouse
    page = open_dashboard(browser, superset)
    try:
        before = shown_count(page, "MQLs")
        # the next scheduled build and publish, with Superset connected and the page open
        run = run_dbt(
            project_dir,
            built,
            list(SCHEDULED_BUILD),
            {"scoring_as_of": NEXT_RUN, **demo_input_vars()},
            threads=4,
        )
        assert run.returncode == 0, run.output
        assert publish(project_dir, built, published) == 0
        assert shown_count(page, "MQLs") == before
    finally:
        page.close()
    expected = default_mqls(published)
    assert expected != before
    page = open_dashboard(browser, superset)
    try:
        assert shown_count(page, "MQLs") == expected
    finally:
        page.close()


def test_the_same_dashboard_reads_postgresql(superset, browser, tmp_path_factory):
    # the marts test_engines.py builds on PostgreSQL (the demo with the golden datasets; its
    # data tests run there), built once per run by the first test that asks
    built = shared_engine_build(tmp_path_factory, "postgres")
    assert built.returncode == 0, built.output
    schema = ENGINES_SCHEMA
    with psycopg2.connect(**PG) as con, con.cursor() as cursor:
        cursor.execute(DEFAULT_MQLS.format(schema=schema))
        (expected,) = cursor.fetchone()
    # imported again, reading PostgreSQL: the import replaces the connection and datasets
    uri = "postgresql://{user}:{password}@{host}:{port}/{dbname}".format(**PG)
    setup = superset.script("setup", uri, LEAD_SCORING_SUPERSET_SCHEMA=schema)
    assert setup.returncode == 0, setup.stdout + setup.stderr
    # the URI is said with its password masked
    assert f":{PG['password']}@" not in setup.stdout and ":***@" in setup.stdout
    page = open_dashboard(browser, superset)
    try:
        assert shown_count(page, "MQLs") == expected
        for name in CHARTS:
            assert "error" not in chart(page, name).inner_text().lower(), name
    finally:
        page.close()

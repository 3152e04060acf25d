"""`lead-scoring impact`: the report of a grid change equals what two separate builds (base
grid, working-tree grid) give, its HTML page shows the Markdown's numbers in a real browser,
and an invalid grid on either side is reported as the issue describes."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from lead_scoring.cli import main as lead_scoring_cli
from support.dbt_harness import DATA_BUILD, append_seed_rows, copy_project, run_dbt

AS_OF = "2026-09-30"
SCHEMA = "lead_scoring_input"
MODELS = ("default", "hubspot_style", "hundred_point")


def git(project_dir: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", *args],
        cwd=project_dir,
        check=True,
        capture_output=True,
    )


def rewrite_seed(project_dir: Path, seed: str, change) -> None:
    path = project_dir / "seeds" / "grid" / f"{seed}.csv"
    lines = path.read_text().splitlines()
    path.write_text("".join(line + "\n" for line in change(lines)))


def set_zone_rows(project_dir: Path, *rows: str) -> None:
    """Replace rows of `default`'s zone matrix, e.g. `"B,cold,warm,hot,hot"`."""
    by_letter = {f"default,{row[0]},": f"default,{row}" for row in rows}
    rewrite_seed(
        project_dir,
        "grid_zone_matrix",
        lambda lines: [by_letter.get(line[: len("default,A,")], line) for line in lines],
    )


def change_default_grid(project_dir: Path) -> None:
    """The pull request: one tier raised, a criterion and a sequence added and a criterion
    removed, a zone cell made hot and one warm; `hundred_point` removed; `hubspot_style`
    left alone."""
    rewrite_seed(
        project_dir,
        "grid_activity_criteria",
        lambda lines: [
            line.replace("Key page visits,500,1000", "Key page visits,700,1000") for line in lines
        ],
    )
    append_seed_rows(
        project_dir,
        "grid_activity_criteria",
        [
            {
                "scoring_model": "default",
                "criterion": "email_clicks",
                "label": "E-mail clicks",
                "points_1_plus": "100",
                "points_2_plus": "300",
                "max_points": "300",
                "lookback_days": "90",
                "display_order": "30",
            }
        ],
    )
    append_seed_rows(
        project_dir,
        "grid_activity_match_rules",
        [{"scoring_model": "default", "criterion": "email_clicks", "event_type": "email_click"}],
    )
    rewrite_seed(
        project_dir,
        "grid_fit_rules",
        lambda lines: [line for line in lines if not line.startswith("default,phone_provided,")],
    )
    append_seed_rows(
        project_dir,
        "grid_activity_sequences",
        [
            {
                "scoring_model": "default",
                "criterion": "download_then_pricing",
                "label": "Download, then key page",
                "first_criterion": "low_velocity_download",
                "then_criterion": "key_page_visits",
                "within_days": "14",
                "points": "300",
                "display_order": "31",
            }
        ],
    )
    # B3 becomes hot, A3 warm: leads move both ways
    set_zone_rows(project_dir, "B,cold,warm,hot,hot", "A,cold,warm,warm,hot")
    for path in (project_dir / "seeds" / "grid").glob("grid_*.csv"):
        rewrite_seed(
            project_dir,
            path.stem,
            lambda lines: [line for line in lines if not line.startswith("hundred_point,")],
        )


def impact(project_dir: Path, warehouse: Path, output_dir: Path) -> int:
    return lead_scoring_cli(
        [
            "impact",
            "--base=HEAD",
            f"--as-of={AS_OF}",
            f"--project-dir={project_dir}",
            f"--profiles-dir={project_dir / 'profiles'}",
            f"--duckdb={warehouse}",
            f"--input-schema={SCHEMA}",
            f"--output-dir={output_dir}",
        ]
    )


def impact_on_copy(project_dir: Path, inputs: Path, workdir: Path) -> tuple[int, str]:
    """`impact` on a copy of the inputs: its exit status and its Markdown."""
    warehouse = workdir / "warehouse.duckdb"
    shutil.copy(inputs, warehouse)
    status = impact(project_dir, warehouse, workdir / "report")
    return status, (workdir / "report" / "impact.md").read_text()


def committed_project(workdir: Path) -> Path:
    project_dir = copy_project(workdir / "project", scoring_models=MODELS)
    git(project_dir, "init", "-q", "-b", "main")
    git(project_dir, "add", ".")
    git(project_dir, "commit", "-qm", "base grid")
    return project_dir


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("impact_inputs") / "inputs.duckdb"
    assert lead_scoring_cli(["generate", f"--duckdb={path}", f"--input-schema={SCHEMA}"]) == 0
    return path


@pytest.fixture(scope="module")
def reported(inputs, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("impact")
    project_dir = committed_project(workdir)
    change_default_grid(project_dir)
    warehouse = workdir / "warehouse.duckdb"
    shutil.copy(inputs, warehouse)
    output_dir = workdir / "report"
    assert impact(project_dir, warehouse, output_dir) == 0
    return project_dir, warehouse, output_dir


@pytest.fixture(scope="module")
def separate_builds(inputs, tmp_path_factory) -> dict[str, Path]:
    """The base grid and the working tree's grid, each built alone as a user would."""
    built = {}
    for side in ("base", "head"):
        workdir = tmp_path_factory.mktemp(f"separate_{side}")
        project_dir = copy_project(workdir / "project", scoring_models=MODELS)
        if side == "head":
            change_default_grid(project_dir)
        warehouse = workdir / "scores.duckdb"
        shutil.copy(inputs, warehouse)
        variables = {"scoring_as_of": AS_OF, "lead_scoring_schema": SCHEMA}
        run = run_dbt(project_dir, warehouse, DATA_BUILD, variables, threads=4)
        assert run.returncode == 0, run.output
        built[side] = warehouse
    return built


def markdown_tables(text: str) -> list[tuple[str, list[list[str]]]]:
    """The tables of the Markdown, in order, each under its bold title: rows of cells,
    header first."""
    tables = []
    for line in text.splitlines():
        if line.startswith("**") and line.endswith("**"):
            tables.append((line.strip("*"), []))
        elif line.startswith("| ") and tables:
            tables[-1][1].append([cell.strip() for cell in line.strip("|").split(" | ")])
    return tables


def model_section(text: str, model: str) -> str:
    """The report's section of one scoring model."""
    return re.split(r"^#### ", text.split(f"#### `{model}`: ", 1)[1], flags=re.M)[0]


def table(text: str, title: str) -> list[list[str]]:
    return next(rows for found, rows in markdown_tables(text) if found == title)


def figures(text: str) -> dict:
    rows = table(text, "Leads per zone, MQLs and the evaluation")
    return {row[0]: row[1:] for row in rows[1:]}


def count(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_counts_equal_those_of_two_separate_builds(reported, separate_builds):
    _, _, output_dir = reported
    text = (output_dir / "impact.md").read_text()
    default = model_section(text, "default")
    shown = figures(default)
    with duckdb.connect() as con:
        for side, path in separate_builds.items():
            con.execute(f"attach '{path}' as {side} (read_only)")
        zones = {
            side: dict(
                con.execute(
                    f"select zone, count(*) from {side}.main.lead_scores"
                    " where scoring_model = 'default' group by 1"
                ).fetchall()
            )
            for side in separate_builds
        }
        transitions = dict(
            ((before, after), n)
            for before, after, n in con.execute(
                "select b.zone, h.zone, count(*) from base.main.lead_scores as b"
                " inner join head.main.lead_scores as h on b.contact_id = h.contact_id"
                " and b.scoring_model = h.scoring_model where b.scoring_model = 'default'"
                " group by 1, 2"
            ).fetchall()
        )
        auc = {
            side: con.execute(
                f"select auc from {side}.main.score_model_performance"
                " where scoring_model = 'default'"
            ).fetchone()[0]
            for side in separate_builds
        }
        removed_mqls = con.execute(
            "select count(*) from base.main.lead_scores"
            " where scoring_model = 'hundred_point' and is_mql"
        ).fetchone()[0]
    for zone in ("hot", "warm", "cold"):
        assert [count(cell) for cell in shown[f"zone {zone}"][:2]] == [
            zones["base"].get(zone, 0),
            zones["head"].get(zone, 0),
        ]
    assert [count(cell) for cell in shown["**MQLs**"][:2]] == [
        zones["base"]["hot"],
        zones["head"]["hot"],
    ]
    assert shown["AUC"][:2] == [f"{auc['base']:.3f}", f"{auc['head']:.3f}"]
    # the zone transition matrix, cell by cell
    matrix = table(default, "Zone transitions (rows: before, columns: after)")
    columns = matrix[0][1:]
    for row in matrix[1:]:
        for after, cell in zip(columns, row[1:], strict=True):
            assert count(cell) == transitions.get((row[0], after), 0), (row[0], after)
    entering = sum(n for (b, a), n in transitions.items() if a == "hot" and b != "hot")
    leaving = sum(n for (b, a), n in transitions.items() if b == "hot" and a != "hot")
    assert f"Leads entering the hot zone: {entering:,} (" in text
    assert f"leaving it: {leaving:,} (" in text
    # the change made leads move both ways, and the removed model is reported with its MQLs
    assert entering > 0 and leaving > 0
    assert model_section(text, "hundred_point").startswith("removed")
    assert count(figures(model_section(text, "hundred_point"))["**MQLs**"][0]) == removed_mqls


def test_the_grid_diff_and_the_unchanged_models_are_summarised(reported):
    text = (reported[2] / "impact.md").read_text()
    assert (
        "Grid: criteria added: `download_then_pricing`, `email_clicks`; removed:"
        " `phone_provided`; changed:"
        " `key_page_visits`; also changed: zone matrix." in text
    )
    assert "Unchanged: `hubspot_style`." in text
    assert "#### `default`: changed" in text
    # a pull-request comment: top movers and grade moves are capped
    assert len(text) < 20_000
    movers = table(model_section(text, "default"), "Top movers into the hot zone")
    assert 1 < len(movers) <= 6


def test_nothing_published_is_touched(reported):
    _, warehouse, _ = reported
    with duckdb.connect(str(warehouse), read_only=True) as con:
        schemas = {
            row[0]
            for row in con.execute(
                "select distinct table_schema from information_schema.tables"
            ).fetchall()
        }
    # the inputs, and the report's own schemas (marts, and the layers and grid beside them):
    # never main or its layers
    assert SCHEMA in schemas and "main" not in schemas
    assert all(schema.startswith("main_impact") for schema in schemas if schema != SCHEMA)


def browser_text(page: Path, workdir: Path) -> str:
    """The page's DOM after its scripts ran, in headless Chromium (Debian's package)."""
    chromium = shutil.which("chromium")
    assert chromium, "make test installs Chromium (scripts/ensure_debian_package.sh)"
    finished = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={workdir / 'chromium'}",
            "--virtual-time-budget=10000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return finished.stdout


def test_the_html_page_shows_the_markdown_numbers_and_its_charts(reported, tmp_path):
    _, _, output_dir = reported
    dom = browser_text(output_dir / "impact.html", tmp_path)
    # plotly drew both charts (its SVG roots exist only once the script ran)
    assert dom.count('class="main-svg"') >= 2
    assert "Zone transitions" in dom and "Total points" in dom
    rendered_rows = [
        [
            html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd]>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", dom)
    ]
    for _, rows in markdown_tables((output_dir / "impact.md").read_text()):
        for row in rows:
            plain = [cell.replace("**", "").replace("`", "").replace("\\|", "|") for cell in row]
            assert plain in rendered_rows, plain


def test_an_invalid_working_tree_grid_is_listed_and_fails(inputs, tmp_path):
    project_dir = committed_project(tmp_path)
    # tiers that fall as the count rises
    rewrite_seed(
        project_dir,
        "grid_activity_criteria",
        lambda lines: [
            line.replace("Key page visits,500,1000", "Key page visits,500,200") for line in lines
        ],
    )
    status, text = impact_on_copy(project_dir, inputs, tmp_path)
    assert status == 1
    assert "**The working tree's grid is invalid**" in text
    problems = table(text, "Problems of the working tree's grid")
    assert any(row[1:3] == ["default", "key_page_visits"] for row in problems[1:])
    assert "#### `default`" not in text


def test_an_invalid_base_grid_reports_the_working_tree_alone(inputs, tmp_path):
    project_dir = copy_project(tmp_path / "project", scoring_models=("default",))
    set_zone_rows(project_dir, "B,cold,warm,scorching,hot")
    git(project_dir, "init", "-q", "-b", "main")
    git(project_dir, "add", ".")
    git(project_dir, "commit", "-qm", "an invalid zone")
    set_zone_rows(project_dir, "B,cold,warm,warm,hot")
    status, text = impact_on_copy(project_dir, inputs, tmp_path)
    assert status == 0
    assert "The base grid is invalid" in text
    problems = table(text, "Problems of the base grid")
    assert any(row[1] == "default" and "scorching" in row[3] for row in problems[1:])
    # the working tree's model alone: one column of figures, no transitions
    shown = figures(model_section(text, "default"))
    assert len(shown["**MQLs**"]) == 1 and count(shown["**MQLs**"][0]) > 0
    assert "Zone transitions" not in text

"""`lead-scoring impact`: what a grid change does to the scores, before it merges.

The grid seeds at a base git ref and in the working tree are put side by side in one scratch
copy of the project: every scoring model whose rows differ is scored twice, as
`base__<model>` and `head__<model>`, on the same inputs at the same as-of date, in one
`dbt build` into `<target schema>_impact` and the layers beside it (nothing published is
touched). The report compares the two per model: leads per zone and MQLs, the zone and grade-cell
transitions, the leads entering and leaving the hot zone with their reasons before and
after, the evaluation against later conversions where there are any, and what changed in
the grid. It is written as Markdown sized for a pull-request comment and as one
self-contained HTML page with charts.

An invalid working-tree grid gives a report listing its problems (and exit status 1); an
invalid base grid is said so, and the working tree's models are reported alone."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from lead_scoring import grid_files, warehouse
from lead_scoring.grid import HOT
from lead_scoring.impact.grids import (
    BASE,
    GRID_DIR,
    HEAD,
    Grid,
    ImpactError,
    ModelChange,
    base_grid_texts,
    combined_grid,
    default_base,
    git,
    head_grid_texts,
    model_changes,
    read_grid,
    side_model,
)

SCHEMA_SUFFIX = "_impact"

NOT_SCORED = "(not scored)"

NO_ZONE = "(no zone)"

TOP_MOVERS = 5

TOP_GRADE_MOVES = 10

# what is copied into the scratch project: a dbt project's sources, none of its outputs
_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "target", "logs", "dbt_packages", ".spark", "*.duckdb", "*.duckdb.wal"
)


@dataclass
class Options:
    """What to compare: `project` is the dbt project, its profile target and the run's vars
    (each scratch build runs with them, its own as-of date and schema suffix added)."""

    project: warehouse.DbtProject
    base_ref: str | None
    as_of: date
    output_dir: Path


def _scratch_project(options: Options, scratch: Path, grid: dict[str, str]) -> Path:
    project_dir = scratch / "project"
    shutil.copytree(options.project.project_dir, project_dir, ignore=_IGNORED)
    installed = options.project.project_dir / "dbt_packages"
    if installed.is_dir():
        # a project that installs lead_scoring as a package: the installed packages as they
        # are (a local package is a link to its folder)
        shutil.copytree(installed, project_dir / "dbt_packages", symlinks=True)
    for name, text in grid.items():
        (project_dir / GRID_DIR / f"{name}.csv").write_text(text)
    return project_dir


def _build(
    options: Options, scratch: Path, grid: dict[str, str]
) -> tuple[warehouse.DbtProject, dict, list[tuple]]:
    """Build the scratch project's scores; the project (its connection reads the scores),
    the relations by model name, and the grid's validation issues (empty when it built)."""
    project = replace(
        options.project,
        project_dir=_scratch_project(options, scratch, grid),
        # the profiles the user's project resolves to, not the scratch copy's
        profiles_dir=options.project.resolved_profiles_dir(),
        variables={
            **options.project.variables,
            "scoring_as_of": options.as_of.isoformat(),
            "lead_scoring_schema_suffix": SCHEMA_SUFFIX,
        },
    )
    target_path = scratch / "target"
    selector = "+lead_scores +score_model_performance +int_scored_leads_with_outcome"
    try:
        manifest = warehouse.build(project, selector, target_path)
        failure = None
    except warehouse.WarehouseError as error:
        failure = error
        manifest = warehouse.read_manifest(target_path)
    relations = warehouse.relation_names(manifest)
    if failure is None:
        return project, relations, []
    if "grid_is_valid" not in str(failure):
        raise ImpactError(str(failure))
    with warehouse.connection(project) as (cursor, _):
        cursor.execute(
            "select grid_file, scoring_model, criterion, issue"
            f" from {relations['int_grid_validation_issues']}"
            " order by scoring_model, grid_file, criterion, issue"
        )
        return project, relations, [tuple(row) for row in cursor.fetchall()]


@dataclass
class SideFigures:
    """One side's scores of one model."""

    leads: int
    zones: dict[str, int]
    mqls: int
    performance: dict | None  # score_model_performance's row, when there are leads


@dataclass
class Mover:
    contact_id: str
    total_before: int | None
    total_after: int | None
    reasons_before: str
    reasons_after: str


@dataclass
class ModelReport:
    change: ModelChange
    sides: dict[str, SideFigures]
    zone_transitions: dict[tuple[str, str], int]
    grade_transitions: list[tuple[str, str, int]]
    entering_hot: int
    leaving_hot: int
    # (leads, conversions) among the moved leads that the evaluation counts
    entering_outcomes: tuple[int, int]
    leaving_outcomes: tuple[int, int]
    top_entering: list[Mover]
    top_leaving: list[Mover]
    # total points per side in bins of `bin_width` points: (bin start, leads)
    bin_width: int = 1
    distribution: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class Report:
    base_ref: str
    base_commit: str
    as_of: date
    models: list[ModelReport]
    head_issues: list[tuple]
    base_issues: list[tuple]
    unchanged: list[str]


def _rows(cursor, sql: str) -> list[tuple]:
    cursor.execute(sql)
    return [tuple(row) for row in cursor.fetchall()]


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _model_report(cursor, relations: dict, change: ModelChange, sides: list[str]) -> ModelReport:
    scores = relations["lead_scores"]
    outcomes = relations["int_scored_leads_with_outcome"]
    names = {side: _literal(side_model(side, change.model)) for side in sides}
    figures = {}
    for side in sides:
        zones = dict(
            _rows(
                cursor,
                f"select coalesce(zone, '{NO_ZONE}'), count(*) from {scores}"
                f" where scoring_model = {names[side]} group by 1",
            )
        )
        performance = _rows(
            cursor,
            "select positives, auc, hot_share_of_leads,"
            f" hot_share_of_conversions from {relations['score_model_performance']}"
            f" where scoring_model = {names[side]}",
        )
        figures[side] = SideFigures(
            leads=sum(zones.values()),
            zones=zones,
            mqls=zones.get(HOT, 0),
            performance=(
                dict(
                    zip(
                        ("positives", "auc", "hot_leads", "hot_conversions"),
                        performance[0],
                        strict=True,
                    )
                )
                if performance
                else None
            ),
        )
    bin_width, distribution = _distribution(cursor, scores, names)
    if len(sides) == 1:
        return ModelReport(
            change, figures, {}, [], 0, 0, (0, 0), (0, 0), [], [], bin_width, distribution
        )
    paired = (
        f"(select contact_id, zone, grade, is_mql, total_points, score_reasons from {scores}"
        f" where scoring_model = {names[BASE]}) as before_change"
        f" full outer join (select contact_id, zone, grade, is_mql, total_points, score_reasons"
        f" from {scores} where scoring_model = {names[HEAD]}) as after_change"
        " on before_change.contact_id = after_change.contact_id"
    )
    zone_transitions = {
        (before, after): count
        for before, after, count in _rows(
            cursor,
            f"select coalesce(before_change.zone, '{NOT_SCORED}'),"
            f" coalesce(after_change.zone, '{NOT_SCORED}'), count(*) from {paired} group by 1, 2",
        )
    }
    grade_transitions = _rows(
        cursor,
        f"select coalesce(before_change.grade, '{NOT_SCORED}'),"
        f" coalesce(after_change.grade, '{NOT_SCORED}'), count(*) from {paired}"
        " where before_change.grade is null or after_change.grade is null"
        " or before_change.grade != after_change.grade"
        " group by 1, 2 order by 3 desc, 1, 2",
    )
    entering = "coalesce(after_change.is_mql, false) and not coalesce(before_change.is_mql, false)"
    leaving = "coalesce(before_change.is_mql, false) and not coalesce(after_change.is_mql, false)"

    def count(condition: str) -> int:
        return _rows(cursor, f"select count(*) from {paired} where {condition}")[0][0]

    def outcomes_of(condition: str) -> tuple[int, int]:
        # the head model's definition of a conversion (its product); existing customers are
        # not evaluated
        leads, positives = _rows(
            cursor,
            "select count(*), coalesce(sum(case when outcomes.is_positive then 1 else 0 end), 0)"
            f" from {paired} inner join {outcomes} as outcomes"
            " on coalesce(after_change.contact_id, before_change.contact_id)"
            " = outcomes.contact_id"
            f" and outcomes.scoring_model = {names[HEAD]}"
            f" where {condition} and not outcomes.is_existing_customer",
        )[0]
        return int(leads), int(positives)

    def movers(condition: str) -> list[Mover]:
        return [
            Mover(str(contact), before_total, after_total, before or "", after or "")
            for contact, before_total, after_total, before, after in _rows(
                cursor,
                "select coalesce(after_change.contact_id, before_change.contact_id),"
                " before_change.total_points, after_change.total_points,"
                " before_change.score_reasons, after_change.score_reasons"
                f" from {paired} where {condition}"
                " order by abs(coalesce(after_change.total_points, 0)"
                " - coalesce(before_change.total_points, 0)) desc, 1"
                f" limit {TOP_MOVERS}",
            )
        ]

    return ModelReport(
        change=change,
        sides=figures,
        zone_transitions=zone_transitions,
        grade_transitions=[(b, a, int(n)) for b, a, n in grade_transitions],
        entering_hot=count(entering),
        leaving_hot=count(leaving),
        entering_outcomes=outcomes_of(entering),
        leaving_outcomes=outcomes_of(leaving),
        top_entering=movers(entering),
        top_leaving=movers(leaving),
        bin_width=bin_width,
        distribution=distribution,
    )


def _distribution(cursor, scores: str, names: dict[str, str]) -> tuple[int, dict]:
    """Total points in about 30 bins of a round width, per side."""
    models = ", ".join(names.values())
    low, high = _rows(
        cursor,
        f"select min(total_points), max(total_points) from {scores}"
        f" where scoring_model in ({models})",
    )[0]
    span = max(int(high or 0) - int(low or 0), 1)
    width = next(
        step * scale
        for scale in (1, 10, 100, 1000, 10_000, 100_000)
        for step in (1, 2, 5)
        if step * scale * 30 >= span
    )
    distribution = {}
    for side, name in names.items():
        rows = _rows(
            cursor,
            f"select floor(total_points / {width}.0) * {width}, count(*) from {scores}"
            f" where scoring_model = {name} group by 1 order by 1",
        )
        distribution[side] = [(int(start), int(leads)) for start, leads in rows]
    return width, distribution


def _without_side(issues: list[tuple], side: str) -> list[tuple]:
    """The issues of one side's models, with the model's own name back."""
    prefix = f"{side}__"
    return [
        (grid_file, model.removeprefix(prefix), criterion, issue)
        for grid_file, model, criterion, issue in issues
        if model.startswith(prefix) or model == ""
    ]


def _csv_issues(texts: dict[str, str], scratch: Path, seeds_yml: Path) -> list[tuple]:
    """check-grid's problems of one side's CSVs, as validation issues."""
    directory = scratch
    directory.mkdir(parents=True)
    for name, text in texts.items():
        (directory / f"{name}.csv").write_text(text)
    return [
        (problem.file.name, "", str(problem.line or ""), problem.message)
        for problem in grid_files.check_grid_files(directory, seeds_yml)
    ]


def run(options: Options) -> Report:
    """Score the changed models with both grids and gather the report's figures."""
    project_dir = options.project.project_dir
    base_ref = options.base_ref or default_base(project_dir)
    base_commit = git(project_dir, "rev-parse", "--short", f"{base_ref}^{{commit}}").strip()
    head_texts = head_grid_texts(project_dir)
    base_texts = base_grid_texts(project_dir, base_ref, head_texts)
    seeds_yml = grid_files.grid_seeds_yml(project_dir / GRID_DIR)
    with tempfile.TemporaryDirectory(prefix="lead_scoring_impact_") as scratch_dir:
        scratch = Path(scratch_dir)
        head_issues = _csv_issues(head_texts, scratch / "head_csv", seeds_yml)
        base_issues = _csv_issues(base_texts, scratch / "base_csv", seeds_yml)
        report = Report(base_ref, base_commit, options.as_of, [], head_issues, base_issues, [])
        if head_issues:
            return report
        head = read_grid(head_texts)
        base = read_grid(base_texts) if not base_issues else Grid({})
        changes = model_changes(base, head)
        report.unchanged = sorted(head.models() - {change.model for change in changes})
        if base_issues:
            # the base cannot be read: every working-tree model is reported alone
            changes = [change for change in changes if change.status != "removed"]
        if not changes:
            return report
        grids = {BASE: base, HEAD: head}
        project, relations, issues = _build(
            options, scratch / "both", combined_grid(grids, changes)
        )
        report.head_issues = _without_side(issues, HEAD)
        if report.head_issues:
            return report
        if issues:
            report.base_issues = _without_side(issues, BASE)
            changes = [change for change in changes if change.status != "removed"]
            grids = {HEAD: head}
            project, relations, issues = _build(
                options, scratch / "head", combined_grid(grids, changes)
            )
            if issues:  # not reached: the head grid was valid beside the base one
                raise ImpactError(f"the working tree's grid is invalid: {issues}")
        with warehouse.connection(project) as (cursor, _):
            for change in changes:
                sides = [
                    side
                    for side in grids
                    if not (side == BASE and change.status == "added")
                    and not (side == HEAD and change.status == "removed")
                ]
                report.models.append(_model_report(cursor, relations, change, sides))
    return report

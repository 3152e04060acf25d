"""The ``lead-scoring`` command line."""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

import duckdb

from lead_scoring import (
    backtest,
    crm_shapes,
    demo_data,
    grid_files,
    impact,
    impact_report,
    inputs,
    learn,
    publish,
    summary,
    warehouse,
)


def _generate(args: argparse.Namespace) -> int:
    size = demo_data.DemoSize(contacts=args.contacts, accounts=args.accounts, events=args.events)
    file_format = "csv" if args.csv else "parquet" if args.parquet else None
    if args.crm:
        # the contract-shaped demo in a scratch schema, then the same leads in the CRM's shape
        with duckdb.connect(args.duckdb) as con:
            demo_data.generate(con, "demo_contract_shaped", size=size, seed=args.seed)
            counts = crm_shapes.write(
                con, "demo_contract_shaped", args.crm, args.input_schema or args.crm
            )
            con.execute("drop schema demo_contract_shaped cascade")
        print(", ".join(f"{table}: {rows}" for table, rows in counts.items()))
        return 0
    schema = args.input_schema or "lead_scoring_input"
    with tempfile.TemporaryDirectory() as scratch:
        # without --duckdb, the tables are built in a throwaway database and copied out
        database = args.duckdb or str(Path(scratch) / "generate.duckdb")
        with duckdb.connect(database) as con:
            counts = demo_data.generate(con, schema, size=size, seed=args.seed)
            if file_format:
                demo_data.export(con, schema, Path(args.csv or args.parquet), file_format)
    print(", ".join(f"{table}: {rows}" for table, rows in counts.items()))
    return 0


def _load_csv(args: argparse.Namespace) -> int:
    database = _duckdb_path(args)
    try:
        with duckdb.connect(database) as con:
            loaded = inputs.load_csv(con, Path(args.directory), args.input_schema)
    except inputs.InputError as error:
        print(f"lead-scoring load-csv: {error}", file=sys.stderr)
        return 2
    print(
        f"loaded into {database}, schema {args.input_schema}: "
        + ", ".join(f"{table} {rows:,} rows" for table, rows in loaded.items())
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    source, destination = Path(_duckdb_path(args)), Path(args.output)
    if not source.is_file():
        print(f"lead-scoring publish: no DuckDB file {source}", file=sys.stderr)
        return 2
    copied = publish.publish(
        source, destination, publish.public_marts(Path(args.project_dir)), args.schema
    )
    print(
        f"published {len(copied)} marts to {destination}: "
        + ", ".join(f"{mart} {rows:,}" for mart, rows in copied.items())
    )
    return 0


def _summary(args: argparse.Namespace) -> int:
    manifest = warehouse.read_manifest(Path(args.project_dir) / "target")
    database = _duckdb_path(args)
    if not Path(database).is_file():
        print(f"lead-scoring summary: no DuckDB file {database}", file=sys.stderr)
        return 2
    with duckdb.connect(database, read_only=True) as con:
        published = summary.published_as_of(con, args.schema)
        if published is None:
            print(
                f"lead-scoring summary: no published scores in {database}"
                f" ({args.schema}.lead_scores is missing or empty): run dbt build first",
                file=sys.stderr,
            )
            return 2
        print(f"summary: as of {published}, {PUBLISHED_REASON}\n")
        print(summary.render(con, args.schema, warehouse.schema_relation_names(manifest)))
    return 0


PUBLISHED_REASON = "the published scores' date (max(scored_as_of) of lead_scores)"


def _as_of(
    command: str,
    given: str | None,
    project: warehouse.DbtProject,
    option: str = "--as-of",
    preposition: str = "as of",
) -> date:
    """The date of `option` when given, else the published scores' date on the project's
    target, else today; printed with the reason (ValueError: not a YYYY-MM-DD date;
    WarehouseError: the target cannot be read)."""
    if given:
        as_of, reason = date.fromisoformat(given), f"given by {option}"
    else:
        published = warehouse.published_as_of(project)
        if published is not None:
            as_of, reason = published, PUBLISHED_REASON
        else:
            as_of, reason = date.today(), "today: the target has no published scores"
    print(f"{command}: {preposition} {as_of}, {reason}", flush=True)
    return as_of


def _given_as_of(args: argparse.Namespace, project: warehouse.DbtProject) -> tuple[str | None, str]:
    """--as-of, or else the var scoring_as_of of --vars, as a dbt user sets it (the command
    sets that var itself), and which of the two gave it; ValueError when they disagree."""
    in_vars = project.variables.pop("scoring_as_of", None)
    if in_vars is None:
        return args.as_of, "--as-of"
    if args.as_of and date.fromisoformat(args.as_of) != date.fromisoformat(str(in_vars)):
        raise ValueError(f"--as-of {args.as_of} and --vars scoring_as_of {in_vars} disagree")
    return (args.as_of, "--as-of") if args.as_of else (str(in_vars), "--vars scoring_as_of")


def _dated_run(
    command: str, args: argparse.Namespace, dates_between
) -> tuple[list[date], warehouse.DbtProject] | None:
    """The dates between --from and --to (by `dates_between`; --to defaults to the published
    scores' date, else today) and the project of a command that builds at a series of dates;
    None, after saying why, when they are unusable or a grid CSV dbt cannot read would fail
    every date's build with a cryptic message."""
    try:
        project = _project(args)
        if "scoring_as_of" in project.variables:
            raise ValueError(
                f"{command} sets scoring_as_of to each date from --from to --to:"
                " leave it out of --vars"
            )
        first = date.fromisoformat(args.first)
        last = _as_of(command, args.last, project, "--to", "up to")
        dates = dates_between(first, last)
    except (ValueError, warehouse.WarehouseError) as error:  # bad dates or vars, no target
        print(f"lead-scoring {command}: {error}", file=sys.stderr)
        return None
    if not dates:
        print(f"lead-scoring {command}: no date to build between the two", file=sys.stderr)
        return None
    problems = grid_files.check_grid_files(project.project_dir / "seeds" / "grid")
    for problem in problems:
        print(f"lead-scoring {command}: {problem}", file=sys.stderr)
    return None if problems else (dates, project)


def _backtest(args: argparse.Namespace) -> int:
    run = _dated_run(
        "backtest",
        args,
        lambda first, last: backtest.month_ends(first, last, args.every_months),
    )
    if run is None:
        return 2
    dates, project = run
    status = backtest.run(dates, project, args.dbt_args)
    if status == 0:
        manifest = warehouse.read_manifest(project.project_dir / "target")
        relation = warehouse.relation_names(manifest)["score_model_backtest"]
        with warehouse.connection(project) as (cursor, _):
            print(backtest.render(cursor, relation, dates))
    return status


def _backfill(args: argparse.Namespace) -> int:
    run = _dated_run("backfill", args, backtest.days)
    if run is None:
        return 2
    dates, project = run
    try:
        builds = warehouse.DailyBuilds(project, args.dbt_args)
    except warehouse.WarehouseError as error:
        print(f"lead-scoring backfill: {error}", file=sys.stderr)
        return 2
    for as_of in dates:
        print(f"backfill: the daily build as of {as_of}", flush=True)
        if not builds.build(as_of):
            print(f"backfill: the build as of {as_of} failed; later dates not run", flush=True)
            return 1
    return 0


def _learn(args: argparse.Namespace) -> int:
    if not re.fullmatch(r"[a-z][a-z0-9_]*", args.model):
        print(
            "lead-scoring learn: --model must be lowercase letters, digits and _", file=sys.stderr
        )
        return 2
    try:
        project = _project(args)
        as_of = date.fromisoformat(_given_as_of(args, project)[0])
    except ValueError as error:
        print(f"lead-scoring learn: {error}", file=sys.stderr)
        return 2
    seeds_dir = _seeds_dir(args)
    options = learn.Options(
        project_dir=project.project_dir,
        as_of=as_of,
        model=args.model,
        seeds_dir=seeds_dir,
        note_path=Path(args.note) if args.note else seeds_dir / f"{args.model}.md",
        target=project.target,
        profiles_dir=project.profiles_dir,
        variables=project.variables,
        env=project.env,
        horizon_days=args.horizon_days,
        lookback_days=args.lookback_days,
        conversion_product=args.conversion_product,
        target_hot_share=args.target_hot_share,
        max_criteria=args.max_criteria,
        folds=args.folds,
    )
    try:
        learned = learn.learn(options)
    except learn.LearnError as error:  # nothing has been written
        print(f"lead-scoring learn: {error}", file=sys.stderr)
        return 2
    written = learn.write(options, learned)
    for line in learn.summary_lines(learned.report):
        print(line)
    print("wrote " + ", ".join(str(path) for path in written))
    return 0


def _duckdb_path(args: argparse.Namespace) -> str:
    """The DuckDB file of the profile's duckdb target, as an absolute path (dbt may run in
    another directory): --duckdb, else LEAD_SCORING_DUCKDB_PATH, else lead_scoring.duckdb in
    --project-dir (here for a command without one)."""
    path = args.duckdb or os.environ.get("LEAD_SCORING_DUCKDB_PATH")
    project_dir = Path(getattr(args, "project_dir", None) or ".")
    return str(Path(path or project_dir / "lead_scoring.duckdb").resolve())


def _project(args: argparse.Namespace) -> warehouse.DbtProject:
    """The project, profile target, DuckDB file and vars of a command that runs dbt: --vars
    (YAML, as dbt's), with --input-schema as the var lead_scoring_schema (ValueError: --vars
    is not a YAML mapping)."""
    variables = warehouse.parse_vars(args.vars)
    if args.input_schema:
        variables["lead_scoring_schema"] = args.input_schema
    return warehouse.DbtProject(
        project_dir=Path(args.project_dir).resolve(),
        profiles_dir=Path(args.profiles_dir).resolve() if args.profiles_dir else None,
        target=args.target,
        variables=variables,
        env={"LEAD_SCORING_DUCKDB_PATH": _duckdb_path(args)},
    )


def _seeds_dir(args: argparse.Namespace) -> Path:
    """--seeds-dir, else the grid seeds of --project-dir."""
    return Path(args.seeds_dir) if args.seeds_dir else Path(args.project_dir) / "seeds" / "grid"


def _impact(args: argparse.Namespace) -> int:
    try:
        project = _project(args)
        given, option = _given_as_of(args, project)
        as_of = _as_of("impact", given, project, option)
    except (ValueError, warehouse.WarehouseError) as error:
        print(f"lead-scoring impact: {error}", file=sys.stderr)
        return 2
    options = impact.Options(
        project_dir=project.project_dir,
        base_ref=args.base,
        as_of=as_of,
        output_dir=Path(args.output_dir),
        target=project.target,
        profiles_dir=project.profiles_dir,
        variables=project.variables,
        env=project.env,
    )
    try:
        report = impact.run(options)
    except impact.ImpactError as error:
        print(f"lead-scoring impact: {error}", file=sys.stderr)
        return 2
    options.output_dir.mkdir(parents=True, exist_ok=True)
    text = impact_report.markdown(report)
    (options.output_dir / "impact.md").write_text(text)
    (options.output_dir / "impact.html").write_text(impact_report.page(report))
    print(text)
    print(f"wrote {options.output_dir / 'impact.md'} and {options.output_dir / 'impact.html'}")
    return 1 if report.head_issues else 0


def _check_grid(args: argparse.Namespace) -> int:
    seeds_dir = _seeds_dir(args)
    problems = grid_files.check_grid_files(seeds_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    # clean: the CSVs there are exactly the documented ones
    print(f"grid files OK: {len(list(seeds_dir.rglob('*.csv')))} files")
    return 0


def _add_grid(args: argparse.Namespace) -> int:
    seeds_dir = Path(args.seeds_dir)
    seeds_yml = grid_files.grid_seeds_yml(seeds_dir)
    problems = [
        problem
        for folder in args.folders
        for problem in grid_files.check_grid_files(Path(folder), seeds_yml)
    ]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    for folder in args.folders:
        try:
            added = grid_files.add_grid(Path(folder), seeds_dir)
        except ValueError as error:
            print(f"lead-scoring add-grid: {error}", file=sys.stderr)
            return 2
        for model, rows in added.items():
            print(f"added scoring model {model} ({rows} rows) from {folder} to {seeds_dir}")
    return 0


# Options that several commands take: one name, one meaning and one destination, dbt's name
# where dbt has one (--project-dir, --profiles-dir, --target, --vars); a command adds its
# default or what it does with it after the meaning
SHARED_OPTIONS = {
    "--project-dir": ("project_dir", "DIR", "the dbt project, as dbt's --project-dir"),
    "--profiles-dir": ("profiles_dir", "DIR", "the folder of profiles.yml, as dbt's"),
    "--target": ("target", "NAME", "the profile's target, as dbt's --target"),
    "--vars": ("vars", "YAML", "dbt vars in YAML, as dbt's: '{scoring_as_of: 2026-09-30}'"),
    "--duckdb": ("duckdb", "FILE", "a DuckDB file"),
    "--input-schema": ("input_schema", "SCHEMA", "schema of the inputs (var lead_scoring_schema)"),
    "--schema": ("schema", "SCHEMA", "schema of the marts dbt built, the target's schema"),
    "--as-of": ("as_of", "YYYY-MM-DD", "the as-of date"),
    "--from": ("first", "YYYY-MM-DD", "the first as-of date"),
    "--to": ("last", "YYYY-MM-DD", "the last as-of date"),
    "--seeds-dir": ("seeds_dir", "DIR", "the grid seeds"),
}
PROFILE_DUCKDB = (
    "the profile's duckdb target's file (default: LEAD_SCORING_DUCKDB_PATH, else"
    " lead_scoring.duckdb in --project-dir)"
)


def _option(parser, name: str, detail: str | None = None, **kwargs) -> None:
    """Add a shared option with its one meaning, then this command's `detail`."""
    dest, metavar, meaning = SHARED_OPTIONS[name]
    parser.add_argument(
        name,
        dest=dest,
        metavar=metavar,
        help=f"{meaning}; {detail}" if detail else meaning,
        **kwargs,
    )


def _deprecated(parser, old: str, new: str | None, dest: str | None = None) -> None:
    """An old spelling that still works, with a warning (hidden from --help); `new` None: an
    option no longer needed, accepted and ignored."""

    class Deprecated(argparse.Action):
        def __call__(self, parser, namespace, values, option_string=None):
            if new is None:
                print(f"lead-scoring: {old} is no longer needed and is ignored", file=sys.stderr)
                return
            print(f"lead-scoring: {old} is deprecated, use {new}", file=sys.stderr)
            setattr(namespace, dest, values)

    parser.add_argument(
        old,
        dest=dest or f"deprecated_{old.strip('-').replace('-', '_')}",
        action=Deprecated,
        default=argparse.SUPPRESS,
        help=argparse.SUPPRESS,
    )


def _dbt_options(parser, input_schema_detail: str | None = None) -> None:
    """Where a command that runs dbt finds the project, the profile's target and the inputs."""
    _option(parser, "--project-dir", "default: here", default=".")
    _option(
        parser,
        "--profiles-dir",
        "default: DBT_PROFILES_DIR, else <project-dir>/profiles, else ~/.dbt",
    )
    _option(parser, "--target", "default: the profile's")
    _option(parser, "--vars")
    _option(parser, "--duckdb", PROFILE_DUCKDB)
    _option(parser, "--input-schema", input_schema_detail)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(prog="lead-scoring", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser(
        "generate",
        help="write deterministic, contract-shaped demo data (CSV, Parquet or a DuckDB schema)",
    )
    generate.add_argument("--contacts", type=int, default=demo_data.DemoSize.contacts)
    generate.add_argument("--accounts", type=int, default=demo_data.DemoSize.accounts)
    generate.add_argument("--events", type=int, default=demo_data.DemoSize.events)
    generate.add_argument("--seed", type=int, default=42)
    _option(
        generate, "--input-schema", "to write into (default: lead_scoring_input, or the CRM's name)"
    )
    _deprecated(generate, "--schema", "--input-schema", "input_schema")
    generate.add_argument(
        "--crm",
        choices=crm_shapes.CRMS,
        help="write the demo's leads as this CRM's loader writes them (with --duckdb), and"
        " what this project's staging of them must give back into <input-schema>_expected",
    )
    outputs = generate.add_argument_group("outputs (at least one)")
    _option(outputs, "--duckdb", "to write the tables into")
    outputs.add_argument("--csv", help="directory to write one CSV per table into")
    outputs.add_argument("--parquet", help="directory to write one Parquet file per table into")
    generate.set_defaults(handler=_generate)

    loading = commands.add_parser(
        "load-csv",
        help="load your CSV exports (contacts.csv, events.csv, ...) into a DuckDB schema",
        description=inputs.__doc__,
    )
    loading.add_argument("directory", help="folder of the CSV files, one per input table")
    _option(loading, "--duckdb", PROFILE_DUCKDB.replace(" in --project-dir", " here"))
    _option(loading, "--input-schema", "to load into (default: crm)", default="crm")
    _deprecated(loading, "--schema", "--input-schema", "input_schema")
    loading.set_defaults(handler=_load_csv)

    publishing = commands.add_parser(
        "publish",
        help="copy the public marts into the file BI tools read, swapped in atomically",
        description=publish.__doc__,
    )
    _option(publishing, "--project-dir", "default: here", default=".")
    _option(publishing, "--duckdb", "the one dbt builds, " + PROFILE_DUCKDB)
    _option(publishing, "--schema", "default: main", default="main")
    publishing.add_argument(
        "--output",
        default="lead_scoring_published.duckdb",
        help="the DuckDB file BI tools open (default: lead_scoring_published.duckdb)",
    )
    _deprecated(publishing, "--to", "--output", "output")
    publishing.set_defaults(handler=_publish)

    summarize = commands.add_parser(
        "summary",
        help="print leads per grade cell and the ten hottest leads of the published scores",
        description="The published scores (lead_scores, at the date they were scored as of):"
        " leads per grade cell, MQLs, the hottest leads, the evaluation and the input rows"
        " not scored as read.",
    )
    _option(
        summarize,
        "--project-dir",
        "the one that built them (its manifest); default: here",
        default=".",
    )
    _option(summarize, "--duckdb", "the one dbt built, " + PROFILE_DUCKDB)
    _option(summarize, "--schema", "default: main", default="main")
    summarize.set_defaults(handler=_summary)

    backtesting = commands.add_parser(
        "backtest",
        help="score and evaluate every scoring model at each month end between two dates",
        description=backtest.__doc__,
    )
    _option(backtesting, "--from", required=True)
    _option(backtesting, "--to", "default: the published scores' date, else today")
    backtesting.add_argument("--every-months", type=int, default=1, help="step, in months")
    _dbt_options(backtesting)
    _deprecated(backtesting, "--schema", None)
    backtesting.add_argument(
        "dbt_args", nargs="*", help="more dbt options, after `--`, e.g. -- --threads 2"
    )
    backtesting.set_defaults(handler=_backtest)

    backfilling = commands.add_parser(
        "backfill",
        help="replay the daily build at every date between two dates (history, change feed)",
        description=(
            "Run the scheduled `dbt build` once per day from --from to --to, in order, with "
            "the var scoring_as_of set to each day: lead_score_history and "
            "lead_score_changes then hold what daily runs over those dates would have "
            "recorded (a new installation, or after a grid change). Stops at the first "
            "failed build; rerunning a recorded date replaces it."
        ),
    )
    _option(backfilling, "--from", required=True)
    _option(backfilling, "--to", required=True)
    _dbt_options(backfilling)
    backfilling.add_argument(
        "dbt_args", nargs="*", help="more dbt options, after `--`, e.g. -- --threads 2"
    )
    backfilling.set_defaults(handler=_backfill)

    learning = commands.add_parser(
        "learn",
        help="learn a grid from conversions and write it as seed rows of one scoring model",
        description=learn.__doc__,
    )
    _option(learning, "--as-of", "learn from the conversions that followed it", required=True)
    learning.add_argument("--model", required=True, help="name of the learned scoring model")
    _dbt_options(learning)
    _option(learning, "--seeds-dir", "to write the model into (default: <project-dir>/seeds/grid)")
    learning.add_argument("--note", help="Markdown note (default: <model>.md beside the seeds)")
    learning.add_argument(
        "--horizon-days", type=int, help="default: the project's conversion_horizon_days"
    )
    learning.add_argument("--lookback-days", type=int, default=90)
    learning.add_argument(
        "--conversion-product", help="learn to predict this product's conversions (default: any)"
    )
    learning.add_argument("--target-hot-share", type=float, default=0.30)
    learning.add_argument(
        "--max-criteria", type=int, default=20, help="criteria the grid keeps at most"
    )
    learning.add_argument("--folds", type=int, default=5, help="cross-validation folds")
    learning.set_defaults(handler=_learn)

    impacting = commands.add_parser(
        "impact",
        help="score the data with a base grid and the working tree's grid, and report the change",
        description=impact.__doc__,
    )
    impacting.add_argument(
        "--base", help="git ref of the base grid (default: the merge base with main)"
    )
    _option(
        impacting,
        "--as-of",
        "to score both grids at (default: the published scores' date, else today)",
    )
    _dbt_options(impacting)
    impacting.add_argument(
        "--output-dir", default="target/impact", help="where impact.md and impact.html go"
    )
    impacting.set_defaults(handler=_impact)

    checking = commands.add_parser(
        "check-grid",
        help="check every grid CSV's header and row lengths against the seeds YAML",
        description=grid_files.__doc__,
    )
    _option(checking, "--project-dir", "default: here", default=".")
    _option(checking, "--seeds-dir", "to check (default: <project-dir>/seeds/grid)")
    checking.set_defaults(handler=_check_grid)

    adding = commands.add_parser(
        "add-grid",
        help="append the scoring models of grid folders (grids/examples/<model>/) to a grid",
        description=grid_files.add_grid.__doc__,
    )
    adding.add_argument("folders", nargs="+", help="grid folders whose rows to append")
    _option(adding, "--seeds-dir", "to append to", default="seeds/grid")
    adding.set_defaults(handler=_add_grid)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``lead-scoring`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "generate" and not (args.duckdb or args.csv or args.parquet):
        parser.error("generate needs --duckdb, --csv or --parquet")
    if args.command == "generate" and args.crm and not args.duckdb:
        parser.error("generate --crm needs --duckdb")
    if args.command == "generate" and args.csv and args.parquet:
        parser.error("choose one of --csv and --parquet")
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

"""The ``lead-scoring`` command line."""

from __future__ import annotations

import argparse
import json
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
                con, "demo_contract_shaped", args.crm, args.schema or args.crm
            )
            con.execute("drop schema demo_contract_shaped cascade")
        print(", ".join(f"{table}: {rows}" for table, rows in counts.items()))
        return 0
    schema = args.schema or "lead_scoring_input"
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
    try:
        with duckdb.connect(args.duckdb) as con:
            loaded = inputs.load_csv(con, Path(args.directory), args.schema)
    except inputs.InputError as error:
        print(f"lead-scoring load-csv: {error}", file=sys.stderr)
        return 2
    print(
        f"loaded into {args.duckdb}, schema {args.schema}: "
        + ", ".join(f"{table} {rows:,} rows" for table, rows in loaded.items())
    )
    return 0


def _publish(args: argparse.Namespace) -> int:
    source, destination = Path(args.duckdb), Path(args.to)
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
    con = duckdb.connect(args.duckdb, read_only=True)
    print(summary.render(con, args.schema, warehouse.schema_relation_names(manifest)))
    return 0


def _dated_run(
    command: str, args: argparse.Namespace, dates_between
) -> tuple[list[date], dict] | None:
    """The dates between --from and --to (by `dates_between`) and the --vars of a command
    that builds at a series of dates; None, after saying why, when they are unusable or a
    grid CSV dbt cannot read would fail every date's build with a cryptic message."""
    try:
        dates = dates_between(date.fromisoformat(args.first), date.fromisoformat(args.last))
        extra_vars = json.loads(args.vars) if args.vars else {}
    except ValueError as error:  # bad dates or JSON
        print(f"lead-scoring {command}: {error}", file=sys.stderr)
        return None
    if not dates:
        print(f"lead-scoring {command}: no date to build between the two", file=sys.stderr)
        return None
    problems = grid_files.check_grid_files(Path(args.project_dir) / "seeds" / "grid")
    for problem in problems:
        print(f"lead-scoring {command}: {problem}", file=sys.stderr)
    return None if problems else (dates, extra_vars)


def _backtest(args: argparse.Namespace) -> int:
    run = _dated_run(
        "backtest",
        args,
        lambda first, last: backtest.month_ends(first, last, args.every_months),
    )
    if run is None:
        return 2
    dates, extra_vars = run
    status = backtest.run(dates, extra_vars, args.dbt_args, Path(args.project_dir))
    if status == 0 and args.duckdb:
        with duckdb.connect(args.duckdb, read_only=True) as con:
            print(backtest.render(con, args.schema, dates))
    return status


def _backfill(args: argparse.Namespace) -> int:
    run = _dated_run("backfill", args, backtest.days)
    if run is None:
        return 2
    dates, extra_vars = run
    project = warehouse.DbtProject(project_dir=Path(args.project_dir), variables=extra_vars)
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
        as_of = date.fromisoformat(args.as_of)
        variables = _warehouse_vars(args)
    except ValueError as error:
        print(f"lead-scoring learn: {error}", file=sys.stderr)
        return 2
    # the file this project's DuckDB profile builds into
    env = {"LEAD_SCORING_DUCKDB_PATH": str(Path(args.duckdb).resolve())} if args.duckdb else {}
    project_dir = Path(args.project_dir)
    seeds_dir = Path(args.seeds_dir) if args.seeds_dir else project_dir / "seeds" / "grid"
    options = learn.Options(
        project_dir=project_dir,
        as_of=as_of,
        model=args.model,
        seeds_dir=seeds_dir,
        note_path=Path(args.note) if args.note else seeds_dir / f"{args.model}.md",
        target=args.target,
        profiles_dir=Path(args.profiles_dir) if args.profiles_dir else None,
        variables=variables,
        env=env,
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


def _duckdb_env(duckdb_path: str | None, project_dir: Path) -> dict[str, str]:
    """The DuckDB file of the profile's duckdb target, as an absolute path (dbt may run in
    another directory): --duckdb, else LEAD_SCORING_DUCKDB_PATH, else the project's file."""
    path = duckdb_path or os.environ.get("LEAD_SCORING_DUCKDB_PATH")
    return {
        "LEAD_SCORING_DUCKDB_PATH": str(Path(path or project_dir / "lead_scoring.duckdb").resolve())
    }


def _impact(args: argparse.Namespace) -> int:
    try:
        as_of = date.fromisoformat(args.as_of) if args.as_of else date.today()
        variables = _warehouse_vars(args)
    except ValueError as error:
        print(f"lead-scoring impact: {error}", file=sys.stderr)
        return 2
    project_dir = Path(args.project_dir).resolve()
    options = impact.Options(
        project_dir=project_dir,
        base_ref=args.base,
        as_of=as_of,
        output_dir=Path(args.output_dir),
        target=args.target,
        profiles_dir=Path(args.profiles_dir).resolve() if args.profiles_dir else None,
        variables=variables,
        env=_duckdb_env(args.duckdb, project_dir),
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
    seeds_dir = Path(args.seeds_dir)
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


def _add_warehouse_arguments(parser: argparse.ArgumentParser) -> None:
    """Where a command that builds in its own schema finds the project and the inputs."""
    parser.add_argument("--project-dir", default=".", help="the dbt project (default: here)")
    parser.add_argument("--profiles-dir", help="dbt profiles (default: as dbt finds them)")
    parser.add_argument("--target", help="profile target (default: the profile's)")
    parser.add_argument(
        "--duckdb", help="DuckDB file of this project's duckdb target (LEAD_SCORING_DUCKDB_PATH)"
    )
    parser.add_argument("--input-schema", help="schema of contacts, events, ... (dbt var)")
    parser.add_argument("--vars", help="more dbt vars, as JSON")


def _warehouse_vars(args: argparse.Namespace) -> dict:
    """--vars with --input-schema as the var lead_scoring_schema (ValueError: bad JSON)."""
    variables = json.loads(args.vars) if args.vars else {}
    if args.input_schema:
        variables["lead_scoring_schema"] = args.input_schema
    return variables


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
    generate.add_argument(
        "--schema", help="schema to write into (default: lead_scoring_input, or the CRM's name)"
    )
    generate.add_argument(
        "--crm",
        choices=crm_shapes.CRMS,
        help="write the demo's leads as this CRM's loader writes them (with --duckdb), and"
        " what this project's staging of them must give back into <schema>_expected",
    )
    outputs = generate.add_argument_group("outputs (at least one)")
    outputs.add_argument("--duckdb", help="DuckDB file to write the tables into")
    outputs.add_argument("--csv", help="directory to write one CSV per table into")
    outputs.add_argument("--parquet", help="directory to write one Parquet file per table into")
    generate.set_defaults(handler=_generate)

    loading = commands.add_parser(
        "load-csv",
        help="load your CSV exports (contacts.csv, events.csv, ...) into a DuckDB schema",
        description=inputs.__doc__,
    )
    loading.add_argument("directory", help="folder of the CSV files, one per input table")
    loading.add_argument(
        "--duckdb", default="lead_scoring.duckdb", help="DuckDB file (default: the project's)"
    )
    loading.add_argument("--schema", default="crm", help="schema to load into (default: crm)")
    loading.set_defaults(handler=_load_csv)

    publishing = commands.add_parser(
        "publish",
        help="copy the public marts into the file BI tools read, swapped in atomically",
        description=publish.__doc__,
    )
    publishing.add_argument(
        "--duckdb",
        default="lead_scoring.duckdb",
        help="the file dbt builds (default: the project's)",
    )
    publishing.add_argument(
        "--to", default="lead_scoring_published.duckdb", help="the file BI tools open"
    )
    publishing.add_argument("--schema", default="main", help="schema of the marts")
    publishing.add_argument("--project-dir", default=".", help="the dbt project (default: here)")
    publishing.set_defaults(handler=_publish)

    summarize = commands.add_parser(
        "summary", help="print leads per grade cell and the ten hottest leads"
    )
    summarize.add_argument("--duckdb", required=True, help="DuckDB file dbt built")
    summarize.add_argument("--schema", default="main", help="schema of the lead_scores mart")
    summarize.add_argument(
        "--project-dir", default=".", help="the dbt project that built it (its manifest)"
    )
    summarize.set_defaults(handler=_summary)

    backtesting = commands.add_parser(
        "backtest",
        help="score and evaluate every scoring model at each month end between two dates",
        description=backtest.__doc__,
    )
    backtesting.add_argument("--from", dest="first", required=True, help="YYYY-MM-DD")
    backtesting.add_argument("--to", dest="last", required=True, help="YYYY-MM-DD")
    backtesting.add_argument("--every-months", type=int, default=1, help="step, in months")
    backtesting.add_argument("--vars", help="more dbt vars, as JSON (e.g. the input schema)")
    backtesting.add_argument("--project-dir", default=".", help="the dbt project")
    backtesting.add_argument(
        "--duckdb", help="DuckDB file dbt builds into: print the backtest table from it"
    )
    backtesting.add_argument(
        "--schema",
        default="main",
        help="the target's schema (the backtest builds in <schema>_backtest)",
    )
    backtesting.add_argument(
        "dbt_args", nargs="*", help="passed to dbt after `--`, e.g. -- --target postgres"
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
    backfilling.add_argument("--from", dest="first", required=True, help="YYYY-MM-DD")
    backfilling.add_argument("--to", dest="last", required=True, help="YYYY-MM-DD")
    backfilling.add_argument("--vars", help="more dbt vars, as JSON (e.g. the input schema)")
    backfilling.add_argument("--project-dir", default=".", help="the dbt project")
    backfilling.add_argument(
        "dbt_args", nargs="*", help="passed to dbt after `--`, e.g. -- --target postgres"
    )
    backfilling.set_defaults(handler=_backfill)

    learning = commands.add_parser(
        "learn",
        help="learn a grid from conversions and write it as seed rows of one scoring model",
        description=learn.__doc__,
    )
    learning.add_argument("--as-of", required=True, help="YYYY-MM-DD: learn from what followed")
    learning.add_argument("--model", required=True, help="name of the learned scoring model")
    _add_warehouse_arguments(learning)
    learning.add_argument("--seeds-dir", help="the grid seeds to write (default: seeds/grid)")
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
    impacting.add_argument("--as-of", help="YYYY-MM-DD to score both grids at (default: today)")
    _add_warehouse_arguments(impacting)
    impacting.add_argument(
        "--output-dir", default="target/impact", help="where impact.md and impact.html go"
    )
    impacting.set_defaults(handler=_impact)

    checking = commands.add_parser(
        "check-grid",
        help="check every grid CSV's header and row lengths against the seeds YAML",
        description=grid_files.__doc__,
    )
    checking.add_argument("--seeds-dir", default="seeds/grid", help="the grid seeds to check")
    checking.set_defaults(handler=_check_grid)

    adding = commands.add_parser(
        "add-grid",
        help="append the scoring models of grid folders (grids/examples/<model>/) to a grid",
        description=grid_files.add_grid.__doc__,
    )
    adding.add_argument("folders", nargs="+", help="grid folders whose rows to append")
    adding.add_argument("--seeds-dir", default="seeds/grid", help="the grid to append to")
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

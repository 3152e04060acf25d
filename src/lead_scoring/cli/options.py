"""What the commands of ``lead-scoring`` share: the options several take, declared once with
one meaning (dbt's names where dbt has one), and how they become a dbt project, a DuckDB file,
a grid folder and an as-of date."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path

from lead_scoring import grid_files, run_lock, warehouse
from lead_scoring.grid import GRID_DIR

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
    "--wait": (
        "wait",
        None,
        "when another scheduled run holds the target's lock, wait for it to end (default:"
        f" stop at once, exit status {run_lock.LOCKED_EXIT})",
    ),
}

PROFILE_DUCKDB = (
    "the profile's duckdb target's file (default: LEAD_SCORING_DUCKDB_PATH, else"
    " lead_scoring.duckdb in --project-dir)"
)

PUBLISHED_REASON = "the published scores' date (max(scored_as_of) of lead_scores)"


def option(parser, name: str, detail: str | None = None, **kwargs) -> None:
    """Add a shared option with its one meaning, then this command's `detail`."""
    dest, metavar, meaning = SHARED_OPTIONS[name]
    parser.add_argument(
        name,
        dest=dest,
        **({"metavar": metavar} if metavar else {}),
        help=f"{meaning}; {detail}" if detail else meaning,
        **kwargs,
    )


def deprecated(parser, old: str, new: str | None, dest: str | None = None) -> None:
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


def dbt_options(parser, input_schema_detail: str | None = None) -> None:
    """Where a command that runs dbt finds the project, the profile's target and the inputs."""
    option(parser, "--project-dir", "default: here", default=".")
    option(
        parser,
        "--profiles-dir",
        "default: DBT_PROFILES_DIR, else <project-dir>/profiles, else ~/.dbt",
    )
    option(parser, "--target", "default: the profile's")
    option(parser, "--vars")
    option(parser, "--duckdb", PROFILE_DUCKDB)
    option(parser, "--input-schema", input_schema_detail)


def date_range_options(parser, to_detail: str | None = None, to_required: bool = False) -> None:
    """--from and --to of a command that builds at each date between them."""
    option(parser, "--from", required=True)
    option(parser, "--to", to_detail, required=to_required)


def dbt_build_options(parser) -> None:
    """Where a command that runs `dbt build` itself builds, and more dbt options after `--`."""
    dbt_options(parser)
    parser.add_argument(
        "dbt_args", nargs="*", help="more dbt options, after `--`, e.g. -- --threads 2"
    )


def wait_option(parser) -> None:
    """--wait of a command that holds the scheduled-run lock of its target."""
    option(parser, "--wait", action="store_true")


def duckdb_path(args: argparse.Namespace) -> str:
    """The DuckDB file of the profile's duckdb target, as an absolute path (dbt may run in
    another directory): --duckdb, else LEAD_SCORING_DUCKDB_PATH, else lead_scoring.duckdb in
    --project-dir (here for a command without one)."""
    path = args.duckdb or os.environ.get("LEAD_SCORING_DUCKDB_PATH")
    project_dir = Path(getattr(args, "project_dir", None) or ".")
    return str(Path(path or project_dir / "lead_scoring.duckdb").resolve())


def project_of(args: argparse.Namespace) -> warehouse.DbtProject:
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
        env={"LEAD_SCORING_DUCKDB_PATH": duckdb_path(args)},
    )


def grid_seeds_dir(args: argparse.Namespace) -> Path:
    """--seeds-dir, else the grid seeds of --project-dir."""
    return Path(args.seeds_dir) if args.seeds_dir else Path(args.project_dir) / GRID_DIR


def resolve_as_of(
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


def given_as_of(args: argparse.Namespace, project: warehouse.DbtProject) -> tuple[str | None, str]:
    """--as-of, or else the var scoring_as_of of --vars, as a dbt user sets it (the command
    sets that var itself), and which of the two gave it; ValueError when they disagree."""
    in_vars = project.variables.pop("scoring_as_of", None)
    if in_vars is None:
        return args.as_of, "--as-of"
    if args.as_of and date.fromisoformat(args.as_of) != date.fromisoformat(str(in_vars)):
        raise ValueError(f"--as-of {args.as_of} and --vars scoring_as_of {in_vars} disagree")
    return (args.as_of, "--as-of") if args.as_of else (str(in_vars), "--vars scoring_as_of")


def dated_run(
    command: str, args: argparse.Namespace, dates_between
) -> tuple[list[date], warehouse.DbtProject] | None:
    """The dates between --from and --to (by `dates_between`; --to defaults to the published
    scores' date, else today) and the project of a command that builds at a series of dates;
    None, after saying why, when they are unusable or a grid CSV dbt cannot read would fail
    every date's build with a cryptic message."""
    try:
        project = project_of(args)
        if "scoring_as_of" in project.variables:
            raise ValueError(
                f"{command} sets scoring_as_of to each date from --from to --to:"
                " leave it out of --vars"
            )
        first = date.fromisoformat(args.first)
        last = resolve_as_of(command, args.last, project, "--to", "up to")
        dates = dates_between(first, last)
    except (ValueError, warehouse.WarehouseError) as error:  # bad dates or vars, no target
        print(f"lead-scoring {command}: {error}", file=sys.stderr)
        return None
    if not dates:
        print(f"lead-scoring {command}: no date to build between the two", file=sys.stderr)
        return None
    problems = grid_files.check_grid_files(project.project_dir / GRID_DIR)
    for problem in problems:
        print(f"lead-scoring {command}: {problem}", file=sys.stderr)
    return None if problems else (dates, project)

"""The ``lead-scoring`` parser: one subcommand per module of this package."""

from __future__ import annotations

import argparse
import sys

from lead_scoring.cli import (
    add_grid,
    backfill,
    backtest,
    check_grid,
    generate,
    impact,
    learn,
    load_csv,
    publish,
    run,
    summary,
)

COMMANDS = (
    generate,
    load_csv,
    run,
    publish,
    summary,
    backtest,
    backfill,
    learn,
    impact,
    check_grid,
    add_grid,
)
"""The subcommands, in the order --help lists them. Each module has the subcommand's NAME, HELP,
DESCRIPTION (optional), `add_arguments(parser)`, `run(args) -> exit status` and, optionally,
`check(args)`: what the parser should refuse that argparse cannot say."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="lead-scoring", description="The ``lead-scoring`` command line."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        subparser = commands.add_parser(
            command.NAME, help=command.HELP, description=getattr(command, "DESCRIPTION", None)
        )
        command.add_arguments(subparser)
        subparser.set_defaults(handler=command.run, check=getattr(command, "check", None))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``lead-scoring`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    check = getattr(args, "check", None)
    problem = check(args) if check else None
    if problem:
        parser.error(problem)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

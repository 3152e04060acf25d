"""`lead-scoring check-grid`: every grid CSV checked against the seeds YAML."""

from __future__ import annotations

import argparse
import sys

from lead_scoring import grid_files
from lead_scoring.cli.options import grid_seeds_dir, option

NAME = "check-grid"
HELP = "check every grid CSV's header and row lengths against the seeds YAML"
DESCRIPTION = grid_files.__doc__


def add_arguments(parser) -> None:
    option(parser, "--project-dir", "default: here", default=".")
    option(parser, "--seeds-dir", "to check (default: <project-dir>/seeds/grid)")


def run(args: argparse.Namespace) -> int:
    seeds_dir = grid_seeds_dir(args)
    problems = grid_files.check_grid_files(seeds_dir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 2
    # clean: the CSVs there are exactly the documented ones
    print(f"grid files OK: {len(list(seeds_dir.rglob('*.csv')))} files")
    return 0

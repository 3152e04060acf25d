"""`lead-scoring add-grid`: the scoring models of grid folders appended to a grid."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lead_scoring import grid_files
from lead_scoring.cli.options import option

NAME = "add-grid"
HELP = "append the scoring models of grid folders (grids/examples/<model>/) to a grid"
DESCRIPTION = grid_files.add_grid.__doc__


def add_arguments(parser) -> None:
    parser.add_argument("folders", nargs="+", help="grid folders whose rows to append")
    option(parser, "--seeds-dir", "to append to", default="seeds/grid")


def run(args: argparse.Namespace) -> int:
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

"""`lead-scoring publish`: the public marts copied into the file BI tools read."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lead_scoring import publish
from lead_scoring.cli.options import PROFILE_DUCKDB, deprecated, duckdb_path, option

NAME = "publish"
HELP = "copy the public marts into the file BI tools read, swapped in atomically"
DESCRIPTION = publish.__doc__


def add_arguments(parser) -> None:
    option(parser, "--project-dir", "default: here", default=".")
    option(parser, "--duckdb", "the one dbt builds, " + PROFILE_DUCKDB)
    option(parser, "--schema", "default: main", default="main")
    parser.add_argument(
        "--output",
        default="lead_scoring_published.duckdb",
        help="the DuckDB file BI tools open (default: lead_scoring_published.duckdb)",
    )
    deprecated(parser, "--to", "--output", "output")


def run(args: argparse.Namespace) -> int:
    source, destination = Path(duckdb_path(args)), Path(args.output)
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

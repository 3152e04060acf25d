"""`lead-scoring load-csv`: CSV exports loaded as the input tables of a DuckDB schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from lead_scoring import inputs
from lead_scoring.cli.options import PROFILE_DUCKDB, deprecated, duckdb_path, option

NAME = "load-csv"
HELP = "load your CSV exports (contacts.csv, events.csv, ...) into a DuckDB schema"
DESCRIPTION = inputs.__doc__


def add_arguments(parser) -> None:
    parser.add_argument("directory", help="folder of the CSV files, one per input table")
    option(parser, "--duckdb", PROFILE_DUCKDB.replace(" in --project-dir", " here"))
    option(parser, "--input-schema", "to load into (default: crm)", default="crm")
    deprecated(parser, "--schema", "--input-schema", "input_schema")


def run(args: argparse.Namespace) -> int:
    database = duckdb_path(args)
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

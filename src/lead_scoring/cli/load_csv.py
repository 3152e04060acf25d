"""`lead-scoring load-csv`: CSV exports loaded as the input tables of a DuckDB schema."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from lead_scoring import inputs
from lead_scoring.cli.options import PROFILE_DUCKDB, deprecated, duckdb_path, option


def add_parser(commands) -> None:
    loading = commands.add_parser(
        "load-csv",
        help="load your CSV exports (contacts.csv, events.csv, ...) into a DuckDB schema",
        description=inputs.__doc__,
    )
    loading.add_argument("directory", help="folder of the CSV files, one per input table")
    option(loading, "--duckdb", PROFILE_DUCKDB.replace(" in --project-dir", " here"))
    option(loading, "--input-schema", "to load into (default: crm)", default="crm")
    deprecated(loading, "--schema", "--input-schema", "input_schema")
    loading.set_defaults(handler=run)


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

"""The ``lead-scoring`` command line."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import duckdb

from lead_scoring import demo_data, summary


def _generate(args: argparse.Namespace) -> int:
    size = demo_data.DemoSize(contacts=args.contacts, accounts=args.accounts, events=args.events)
    file_format = "csv" if args.csv else "parquet" if args.parquet else None
    with tempfile.TemporaryDirectory() as scratch:
        # without --duckdb, the tables are built in a throwaway database and copied out
        database = args.duckdb or str(Path(scratch) / "generate.duckdb")
        with duckdb.connect(database) as con:
            counts = demo_data.generate(con, args.schema, size=size, seed=args.seed)
            if file_format:
                demo_data.export(con, args.schema, Path(args.csv or args.parquet), file_format)
    print(", ".join(f"{table}: {rows}" for table, rows in counts.items()))
    return 0


def _summary(args: argparse.Namespace) -> int:
    con = duckdb.connect(args.duckdb, read_only=True)
    print(summary.render(con, args.schema))
    return 0


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
    generate.add_argument("--schema", default="lead_scoring_input", help="schema to write into")
    outputs = generate.add_argument_group("outputs (at least one)")
    outputs.add_argument("--duckdb", help="DuckDB file to write the tables into")
    outputs.add_argument("--csv", help="directory to write one CSV per table into")
    outputs.add_argument("--parquet", help="directory to write one Parquet file per table into")
    generate.set_defaults(handler=_generate)

    summarize = commands.add_parser(
        "summary", help="print leads per grade cell and the ten hottest leads"
    )
    summarize.add_argument("--duckdb", required=True, help="DuckDB file dbt built")
    summarize.add_argument("--schema", default="main", help="schema of the lead_scores mart")
    summarize.set_defaults(handler=_summary)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``lead-scoring`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "generate" and not (args.duckdb or args.csv or args.parquet):
        parser.error("generate needs --duckdb, --csv or --parquet")
    if args.command == "generate" and args.csv and args.parquet:
        parser.error("choose one of --csv and --parquet")
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())

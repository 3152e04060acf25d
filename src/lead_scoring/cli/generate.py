"""`lead-scoring generate`: deterministic, contract-shaped demo data, or the same leads in a
CRM loader's shape."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import duckdb

from lead_scoring.cli.options import deprecated, option
from lead_scoring.demo import crm_shapes, data

NAME = "generate"
HELP = "write deterministic, contract-shaped demo data (CSV, Parquet or a DuckDB schema)"


def add_arguments(parser) -> None:
    parser.add_argument("--contacts", type=int, default=data.DemoSize.contacts)
    parser.add_argument("--accounts", type=int, default=data.DemoSize.accounts)
    parser.add_argument("--events", type=int, default=data.DemoSize.events)
    parser.add_argument("--seed", type=int, default=42)
    option(
        parser, "--input-schema", "to write into (default: lead_scoring_input, or the CRM's name)"
    )
    deprecated(parser, "--schema", "--input-schema", "input_schema")
    parser.add_argument(
        "--crm",
        choices=crm_shapes.CRMS,
        help="write the demo's leads as this CRM's loader writes them (with --duckdb)",
    )
    outputs = parser.add_argument_group("outputs (at least one)")
    option(outputs, "--duckdb", "to write the tables into")
    outputs.add_argument("--csv", help="directory to write one CSV per table into")
    outputs.add_argument("--parquet", help="directory to write one Parquet file per table into")


def check(args: argparse.Namespace) -> str | None:
    """What is wrong with the outputs asked for, if anything (the parser's error)."""
    if not (args.duckdb or args.csv or args.parquet):
        return "generate needs --duckdb, --csv or --parquet"
    if args.crm and not args.duckdb:
        return "generate --crm needs --duckdb"
    if args.csv and args.parquet:
        return "choose one of --csv and --parquet"
    return None


def run(args: argparse.Namespace) -> int:
    size = data.DemoSize(contacts=args.contacts, accounts=args.accounts, events=args.events)
    file_format = "csv" if args.csv else "parquet" if args.parquet else None
    if args.crm:
        # the contract-shaped demo in a scratch schema, then the same leads in the CRM's shape
        with duckdb.connect(args.duckdb) as con:
            data.generate(con, "demo_contract_shaped", size=size, seed=args.seed)
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
            counts = data.generate(con, schema, size=size, seed=args.seed)
            if file_format:
                data.export(con, schema, Path(args.csv or args.parquet), file_format)
    print(", ".join(f"{table}: {rows}" for table, rows in counts.items()))
    return 0

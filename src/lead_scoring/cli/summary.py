"""`lead-scoring summary`: leads per grade cell, MQLs and the hottest leads of the published
scores, read from the DuckDB file dbt built."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from lead_scoring import summary, warehouse
from lead_scoring.cli.options import PROFILE_DUCKDB, PUBLISHED_REASON, duckdb_path, option

NAME = "summary"
HELP = "print leads per grade cell and the five hottest leads of the published scores"
DESCRIPTION = (
    "The published scores (lead_scores, at the date they were scored as of):"
    " leads per grade cell, MQLs, the hottest leads, the evaluation and the input rows"
    " not scored as read."
)


def add_arguments(parser) -> None:
    option(
        parser,
        "--project-dir",
        "the one that built them (its manifest); default: here",
        default=".",
    )
    option(parser, "--duckdb", "the one dbt built, " + PROFILE_DUCKDB)
    option(parser, "--schema", "default: main", default="main")


def run(args: argparse.Namespace) -> int:
    manifest = warehouse.read_manifest(Path(args.project_dir) / "target")
    database = duckdb_path(args)
    if not Path(database).is_file():
        print(f"lead-scoring summary: no DuckDB file {database}", file=sys.stderr)
        return 2
    with duckdb.connect(database, read_only=True) as con:
        published = warehouse.published_as_of(con, args.schema)
        if published is None:
            print(
                f"lead-scoring summary: no published scores in {database}"
                f" ({args.schema}.lead_scores is missing or empty): run dbt build first",
                file=sys.stderr,
            )
            return 2
        print(f"summary: as of {published}, {PUBLISHED_REASON}\n")
        print(summary.render(con, args.schema, warehouse.schema_relation_names(manifest)))
    return 0

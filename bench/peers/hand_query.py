"""Run the hand-written peer query (hand_query.sql beside this file) on a warehouse, in a
process of its own: once to warm the file cache (as the build's own reads did) and write its
rows to a Parquet file for the benchmark's check, then once timed; prints the timed seconds.
bench/benchmark.py runs it as a child so that the query's memory never counts as the peak of
a build started after it (a child forked from a large process reports that size).

    python bench/peers/hand_query.py --duckdb warehouse.duckdb --input-schema lead_scoring_input \
        --as-of 2026-09-29 --output rows.parquet
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb

HERE = Path(__file__).resolve().parent
GRID = HERE.parents[1] / "seeds" / "grid"


def query(input_schema: str, as_of: str, scoring_model: str) -> str:
    """hand_query.sql, reading the warehouse's input tables and the grid's CSV files."""
    return (
        (HERE / "hand_query.sql")
        .read_text()
        .format(grid_dir=GRID, scoring_model=scoring_model, input_schema=input_schema, as_of=as_of)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", required=True)
    parser.add_argument("--input-schema", required=True)
    parser.add_argument("--as-of", required=True)
    parser.add_argument("--scoring-model", default="default")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    sql = query(args.input_schema, args.as_of, args.scoring_model)
    with duckdb.connect(args.duckdb, read_only=True) as con:
        con.execute(f"copy ({sql}) to '{args.output}' (format parquet)")
        started = time.perf_counter()
        con.execute(sql).fetchall()
        print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()

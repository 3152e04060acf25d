"""`lead-scoring load-csv`: CSV exports loaded as the input tables of a DuckDB schema.

One file per input table, named after it (`contacts.csv`, `accounts.csv`, `events.csv`,
`conversions.csv`, and when you have them `contact_attributes.csv` and
`sales_feedback.csv`), with a header row of the contract's column names; extra columns are kept
(a fit rule may test them). DuckDB reads every row to choose each column's type, so a late
odd value cannot break the load. Point dbt at the schema with the var
`lead_scoring_schema`."""

from __future__ import annotations

from pathlib import Path

REQUIRED = ("contacts", "accounts", "events", "conversions")
OPTIONAL = ("contact_attributes", "sales_feedback")


class InputError(Exception):
    """A required file is missing, or a file cannot be read as CSV."""


def load_csv(con, directory: Path, schema: str) -> dict[str, int]:
    """Replace `schema`'s input tables with the CSV files of `directory`; the rows of each
    table loaded, by table. Raises InputError before writing anything when a required file is
    missing."""
    missing = [table for table in REQUIRED if not (directory / f"{table}.csv").is_file()]
    if missing:
        raise InputError(
            f"{directory}: no "
            + ", ".join(f"{table}.csv" for table in missing)
            + f" (needed: {', '.join(REQUIRED)}; optional: {', '.join(OPTIONAL)})"
        )
    quoted_schema = '"' + schema.replace('"', '""') + '"'
    con.execute(f"create schema if not exists {quoted_schema}")
    loaded = {}
    for table in REQUIRED + OPTIONAL:
        path = directory / f"{table}.csv"
        if not path.is_file():
            continue
        try:
            con.execute(
                f"create or replace table {quoted_schema}.{table} as"
                " select * from read_csv(?, header = true, sample_size = -1)",
                [str(path)],
            )
        except Exception as error:  # DuckDB's own message names the line and the column
            raise InputError(f"{path}: {error}") from error
        loaded[table] = con.execute(f"select count(*) from {quoted_schema}.{table}").fetchone()[0]
    return loaded

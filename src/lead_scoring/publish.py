"""`lead-scoring publish`: a copy of the public marts for BI tools, swapped in atomically.

DuckDB lets one process write a database file, and a process that opens it (even a BI tool
reading) holds a lock that stops the scheduled build ("Could not set lock on file"). Point
BI tools at the published copy instead: after each build, the public marts (the models of
`models/marts/`) are copied into a new file beside it, which then replaces the previous copy
in one rename. A reader that has the old copy open keeps reading it, whole; the next
connection opens the new one; the build never waits for a reader."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb


def public_marts(project_dir: Path) -> list[str]:
    """The public interface: the models of lead_scoring's `models/marts/`, by name (in
    `project_dir`, or in the lead_scoring package it installs)."""
    marts = project_dir / "models" / "marts"
    installed = project_dir / "dbt_packages" / "lead_scoring" / "models" / "marts"
    if not marts.is_dir() and installed.is_dir():
        marts = installed
    return sorted(path.stem for path in marts.glob("*.sql"))


def publish(source: Path, destination: Path, marts: list[str], schema: str = "main") -> dict:
    """Copy `schema`'s marts of `source` into a new DuckDB file and rename it onto
    `destination`; the rows copied, by mart (a mart the build has not made is skipped)."""
    temporary = destination.with_name(f".{destination.name}.publishing")
    temporary.unlink(missing_ok=True)
    copied = {}
    with duckdb.connect(str(temporary)) as con:
        con.execute("attach ? as built (read_only)", [str(source)])
        existing = {
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() where database_name = 'built'"
                " and schema_name = ?",
                [schema],
            ).fetchall()
        }
        for mart in marts:
            if mart not in existing:
                continue
            con.execute(f'create table main."{mart}" as select * from built."{schema}"."{mart}"')
            copied[mart] = con.execute(f'select count(*) from main."{mart}"').fetchone()[0]
        con.execute("detach built")
    os.replace(temporary, destination)  # atomic: readers see the old file or the new one
    return copied

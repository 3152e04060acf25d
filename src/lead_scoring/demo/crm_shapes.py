"""The demo's leads in the table shapes CRM loaders write, with each CRM's traps planted.

``write`` reads contract-shaped tables (``lead-scoring generate``) from one DuckDB schema and
writes the same leads as Fivetran's connector for the CRM writes them (table and column
names of its dbt source package), so that the CRM staging (var ``lead_scoring_crm``) can be
tried on them. The SQL of each shape is in ``crm_sql/<crm>.sql`` beside this module.

What each CRM can carry decides what is written: HubSpot has no per-contact page views, so
the demo's page views are not written for it; a HubSpot form submission is a
``form_submission`` whatever the demo called it (a demo request, a content download), with
the form's title and its landing page's path as its subject. The traps (merged and deleted
records, deletions only ``_fivetran_deleted`` knows, Salesforce history-mode versions, e-mail
events keyed by address in another case, unsubscribes with no e-mail event, a submission
stored under a survivor and a merged-away id, countries spelled out, lost and deleted deals,
left lists) are rows a correct staging leaves out or resolves. The tables follow the column
sets of Fivetran's current packages (``get_*_columns``).

What a correct staging must give back (the contract-shaped tables the CRM round-trip test
scores beside these) is a test fixture: tests/python/support/crm_shapes.py writes it on the
same connection, from the temporary views ``write`` leaves there.
"""

from __future__ import annotations

from importlib import resources

import duckdb

CRMS = ("hubspot", "salesforce", "marketo")
"""The CRMs ``write`` can shape the demo like."""

COUNTRY_NAMES = {
    "AU": "Australia",
    "BE": "Belgium",
    "BR": "Brazil",
    "CA": "Canada",
    "CH": "Switzerland",
    "DE": "Germany",
    "ES": "Spain",
    "FR": "France",
    "GB": "United Kingdom",
    "IN": "India",
    "IT": "Italy",
    "NL": "Netherlands",
    "RO": "Romania",
    "US": "United States",
}
"""The names a CRM's country picklist writes for the demo's countries."""

SYNCED_AT = "timestamp '2026-09-30 23:00:00'"
"""When the loader last wrote every row (a fixed time: the output is deterministic)."""


def _sql(name: str) -> str:
    """One of the SQL scripts in crm_sql/."""
    return resources.files("lead_scoring.demo").joinpath("crm_sql", f"{name}.sql").read_text()


def write(
    con: duckdb.DuckDBPyConnection,
    source_schema: str,
    crm: str,
    schema: str,
) -> dict[str, int]:
    """Write the contract-shaped tables of ``source_schema`` as ``crm``'s loader writes them
    into ``schema``; the temporary views the shape was drawn from stay on ``con`` (the rows
    the contract's staging keeps, ``kept_*``, and the CRM's own).

    Returns the row count of each table written into ``schema``.
    """
    if crm not in CRMS:
        raise ValueError(f"unknown CRM {crm!r}: expected one of {', '.join(CRMS)}")
    con.execute(
        "create or replace temp table country_names (country_code varchar, country_name varchar)"
    )
    con.executemany("insert into country_names values (?, ?)", sorted(COUNTRY_NAMES.items()))
    con.execute(_sql("kept_rows").format(source=source_schema))
    con.execute(_sql(crm).format(target=schema, synced_at=SYNCED_AT))
    tables = con.execute(
        "select table_name from duckdb_tables() where schema_name = ? order by table_name",
        [schema],
    ).fetchall()
    return {
        table: con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
        for (table,) in tables
    }

"""Deterministic generator of realistic, contract-shaped B2B lead data.

Every random draw comes from ``numpy`` generators seeded by the caller, so the same
arguments always give the same rows. Numbers are drawn in NumPy; text columns (keys, emails,
subjects, timestamps) are then built by DuckDB in one vectorised pass, which keeps tens of
millions of events within seconds.

Conversions are planted: a contact's chance to convert rises with its fit (industry, size,
seniority, work email) and with its buying intent, which also drives how often and how
recently it visits key pages, downloads case studies and asks for a demo.

What the second edition of the grid language reads (contract section 6) is drawn afterwards from
a second generator, spawned from the same seed: columns outside the contract (department,
years in role, funding stage), long-form CRM properties (``contact_attributes``), add-on
conversions of existing customers (``conversions.product``) and sales' verdicts
(``sales_feedback``). Drawing them apart leaves every first-edition row as it was.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from lead_scoring.demo import leads, second_edition
from lead_scoring.demo.distributions import (
    DEMO_END_DATE,
    EVENT_KINDS,
    HISTORY_DAYS,
    PRODUCT,
    SUBJECTS,
    UPSELL_PRODUCT,
    DemoSize,
)

TABLES = (
    "contacts",
    "accounts",
    "events",
    "conversions",
    "contact_attributes",
    "sales_feedback",
)
"""Every table ``generate`` writes and ``export`` copies out, in that order."""


def generate(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    size: DemoSize | None = None,
    seed: int = 42,
    end_date: dt.date = DEMO_END_DATE,
) -> dict[str, int]:
    """Write the tables of TABLES into ``schema`` of ``con``.

    Returns the row count of each table. The same ``size`` (default: ``DemoSize()``),
    ``seed`` and ``end_date`` always give the same rows.
    """
    size = size or DemoSize()
    rng = np.random.default_rng(seed)
    accounts = leads.draw_accounts(rng, size)
    contacts = leads.draw_contacts(rng, size, accounts)
    events = leads.draw_events(rng, size, contacts)
    conversions = leads.draw_conversions(rng, contacts, events)

    second = second_edition.second_edition_rng(seed)
    for name, column in second_edition.draw_contact_profiles(second, contacts).items():
        contacts = contacts.append_column(name, column)
    accounts = accounts.append_column(
        "funding_stage", second_edition.draw_funding_stages(second, accounts)
    )
    upsells = second_edition.draw_upsells(second, size, events, conversions)
    contact_attributes = second_edition.draw_contact_attributes(second, size, contacts)
    sales_feedback = second_edition.draw_sales_feedback(second, size, contacts, events)

    kinds = pa.table(
        {
            "kind": np.arange(len(EVENT_KINDS)),
            "event_type": [k[0] for k in EVENT_KINDS],
            "family": [k[1] for k in EVENT_KINDS],
        }
    )
    subjects = pa.table(
        {
            "family": [f for f, items in SUBJECTS.items() for _ in items],
            "item_no": [i for items in SUBJECTS.values() for i in range(len(items))],
            "item_count": [len(items) for items in SUBJECTS.values() for _ in items],
            "subject": [s for items in SUBJECTS.values() for s in items],
        }
    )
    for name, table in {
        "gen_accounts": accounts,
        "gen_contacts": contacts,
        "gen_events": events,
        "gen_conversions": conversions,
        "gen_upsells": upsells,
        "gen_contact_attributes": contact_attributes,
        "gen_sales_feedback": sales_feedback,
        "gen_kinds": kinds,
        "gen_subjects": subjects,
    }.items():
        con.register(name, table)

    end = f"timestamp '{end_date.isoformat()} 00:00:00'"
    con.execute(f'create schema if not exists "{schema}"')
    con.execute(
        f"""
        create or replace table "{schema}".accounts as
        select
            'A' || lpad(account_no::varchar, 6, '0') as account_id,
            'Company ' || account_no as account_name,
            'company' || account_no || '.example.com' as domain,
            industry,
            employee_count::integer as employee_count,
            annual_revenue::decimal(18, 2) as annual_revenue,
            country_code as country,
            funding_stage
        from gen_accounts
        order by account_no
        """
    )
    contacts_select = f"""
        select
            'C' || lpad(c.contact_no::varchar, 7, '0') as contact_id,
            case when c.account_no is not null
                then 'A' || lpad(c.account_no::varchar, 6, '0') end as account_id,
            'lead' || c.contact_no || '@' || case
                when c.is_personal_email then c.personal_domain
                else 'company' || c.account_no || '.example.com'
            end as email,
            c.job_title,
            case when c.has_phone
                then '+1 555 ' || lpad((c.contact_no % 10000000)::varchar, 7, '0') end as phone,
            c.country,
            c.is_decision_maker,
            c.lead_source,
            {end} - to_days({HISTORY_DAYS} - c.created_day) as created_at,
            {end} - to_days({HISTORY_DAYS} - c.created_day) + to_days(c.updated_lag_days)
                as updated_at,
            c.department,
            c.years_in_role::integer as years_in_role
        from gen_contacts as c
    """
    # about 1 % of contacts are exported twice, the older copy with a stale title
    con.execute(
        f"""
        create or replace table "{schema}".contacts as
        with base as ({contacts_select})
        select * from base
        union all
        select * replace (
            'Former ' || job_title as job_title,
            updated_at - interval 30 day as updated_at
        )
        from base
        where hash(contact_id) % 100 = 0
        union all
        -- a handful of contacts point at an account the CRM never exported
        select * replace ('X' || contact_id as contact_id, 'A999999' as account_id)
        from base where hash(contact_id) % 400 = 1
        order by contact_id, updated_at
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".events as
        with built as (
            select
                'E' || lpad(e.event_no::varchar, 9, '0') as event_id,
                'C' || lpad(e.contact_no::varchar, 7, '0') as contact_id,
                k.event_type,
                nullif(s.subject, '') as subject,
                {end} + interval 1 day - to_days(e.days_back + 1)
                    + to_seconds(e.second_of_day) as occurred_at
            from gen_events as e
            inner join gen_kinds as k on e.kind = k.kind
            inner join gen_subjects as s
                on k.family = s.family
                and s.item_no = least(floor(e.subject_pick * s.item_count), s.item_count - 1)
        )
        select * from built
        union all
        -- the log delivers about 0.2 % of events twice
        select * from built where hash(event_id) % 500 = 0
        union all
        -- and, like any real log, a few rows a scorer must report rather than trust:
        -- a contact_id nobody knows, no contact_id, no timestamp, a conflicting redelivery
        select * replace ('X' || event_id as event_id, 'C9999999' as contact_id)
        from built where hash(event_id) % 4000 = 1
        union all
        select * replace ('X' || event_id as event_id, null as contact_id)
        from built where hash(event_id) % 4000 = 2
        union all
        select * replace ('X' || event_id as event_id, null as occurred_at)
        from built where hash(event_id) % 4000 = 3
        union all
        select * replace ('page_view' as event_type, '/pricing' as subject)
        from built where hash(event_id) % 4000 = 4
        -- a total order: a conflicting redelivery ties with its original on time and id
        order by
            occurred_at nulls last, event_id, event_type, subject nulls first,
            contact_id nulls first
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".conversions as
        with planted as (
            select 1 as part, contact_no, days_back, second_of_day, '{PRODUCT}' as product
            from gen_conversions
            union all
            select 2, contact_no, days_back, second_of_day, '{UPSELL_PRODUCT}'
            from gen_upsells
        )
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as converted_at,
            product
        from planted
        -- the add-on rows after the platform rows, which keep their first-edition order
        order by part, converted_at, contact_id
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".contact_attributes as
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            attribute,
            value,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as updated_at
        from gen_contact_attributes
        order by contact_id, updated_at, attribute, value nulls first
        """
    )
    con.execute(
        f"""
        create or replace table "{schema}".sales_feedback as
        select
            'C' || lpad(contact_no::varchar, 7, '0') as contact_id,
            {end} + interval 1 day - to_days(days_back + 1) + to_seconds(second_of_day)
                as feedback_at,
            outcome,
            reason
        from gen_sales_feedback
        order by feedback_at, contact_id, outcome, reason nulls first
        """
    )
    for name in [
        "gen_accounts",
        "gen_contacts",
        "gen_events",
        "gen_conversions",
        "gen_upsells",
        "gen_contact_attributes",
        "gen_sales_feedback",
        "gen_kinds",
        "gen_subjects",
    ]:
        con.unregister(name)
    return {
        table: con.execute(f'select count(*) from "{schema}".{table}').fetchall()[0][0]
        for table in TABLES
    }


def export(con: duckdb.DuckDBPyConnection, schema: str, directory: Path, fmt: str) -> None:
    """Copy the generated tables of ``schema`` to ``directory`` as CSV or Parquet files."""
    directory.mkdir(parents=True, exist_ok=True)
    options = "(format csv, header true)" if fmt == "csv" else "(format parquet)"
    for table in TABLES:
        target = directory / f"{table}.{fmt}"
        con.execute(f"copy \"{schema}\".{table} to '{target.as_posix()}' {options}")

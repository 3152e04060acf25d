"""What the CRM staging must give back from the demo's CRM-shaped tables, and the tables as
an older connector wrote them: fixtures of the CRM round trips (test_crm_staging.py).

``lead_scoring.demo.crm_shapes.write`` (``lead-scoring generate --crm``) writes the demo's leads
as a CRM's loader does; ``write_expected`` then writes, into ``<schema>_expected``, the
contract-shaped tables a correct mapping yields, from the temporary views the shape was drawn
from (same connection); ``generate`` does both. The round-trip test scores both and requires
the same scores. The traps planted in the CRM's tables are rows a correct staging leaves out
or resolves, so the expectation never contains them. ``write_older_connector`` rewrites
HubSpot's tables as an older connector version wrote them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from lead_scoring.demo import crm_shapes, data
from lead_scoring.demo.crm_shapes import CRMS

__all__ = ["CRMS", "generate", "write_expected", "write_older_connector"]

CONTACT_COLUMNS = (
    "email",
    "job_title",
    "phone",
    "country",
    "is_decision_maker",
    "lead_source",
    "created_at",
    "updated_at",
    "department",
    "years_in_role",
)
"""The demo's contact columns every CRM carries: its staging gives them back as they were (the
lead source lowercased and trimmed, as the contract's staging reads it)."""


def _expected_contacts(contact_id: str, account_id: str, source: str, of: str = "") -> str:
    """The SQL that creates the `{expected}` schema and its contacts: the CRM's own ids
    (`contact_id`, `account_id`: SQL expressions), every other column as the demo wrote it,
    read from `source` (`of`: the qualifier of its columns)."""
    columns = [
        f"lower(trim({of}{column})) as {column}" if column == "lead_source" else f"{of}{column}"
        for column in CONTACT_COLUMNS
    ]
    select_list = ",\n    ".join(
        [f"{contact_id} as contact_id", f"{account_id} as account_id", *columns]
    )
    return (
        "create schema {expected};\n\n"
        "-- what the staging must give back, in the contract's shape\n"
        f"create table {{expected}}.contacts as\nselect\n    {select_list}\nfrom {source};\n"
    )


_HUBSPOT_EXPECTED = """
create table {expected}.accounts as
select
    cast(hubspot_company_id(account_id) as varchar) as account_id,
    account_name,
    domain,
    industry,
    employee_count,
    annual_revenue,
    country,
    funding_stage
from kept_accounts;

-- an address two contacts share: its mail counts for the latest-modified one
create or replace temp view email_owners as
select
    lower(trim(email)) as address,
    arg_max(
        hubspot_id(contact_id),
        (coalesce(updated_at, timestamp '0001-01-01'), -hubspot_id(contact_id))
    ) as owner_id
from kept_contacts
where nullif(trim(email), '') is not null
group by 1;

create table {expected}.events as
select
    'email_event:' || event_id as event_id,
    cast(
        case when is_on_merged_copy then hubspot_contact_id else email_owners.owner_id end
        as varchar
    ) as contact_id,
    case when event_type = 'unsubscribe' then 'unsubscribe' else event_type end as event_type,
    nullif(regexp_replace(subject, '[^0-9]', '', 'g'), '') as subject,
    occurred_at
from hubspot_activity
left join email_owners
    on lower(trim(hubspot_activity.email)) = email_owners.address
where
    event_type in ('email_open', 'email_click', 'unsubscribe')
    and nullif(trim(email), '') is not null
union all
select
    'email_subscription_change:' || recipient || ':' || cast(occurred_at as varchar) || ':'
    || change_type || ':' || coalesce(cast(email_subscription_id as varchar), '') || ':',
    cast(coalesce(email_owners.owner_id, hubspot_contact_id) as varchar),
    case when change = 'UNSUBSCRIBED' then 'unsubscribe' else 'subscription_' || lower(change) end,
    cast(email_subscription_id as varchar),
    occurred_at
from hubspot_subscription_changes
left join email_owners
    on lower(trim(hubspot_subscription_changes.recipient)) = email_owners.address
union all
-- one event per submission (its conversion id), subject: the form's title @ the page's path
select
    'form_submission:' || conversion_id,
    cast(hubspot_contact_id as varchar),
    'form_submission',
    form_title || ' @ ' || page_path,
    occurred_at
from hubspot_forms
union all
select
    'list_membership:' || member_id || ':' || list_id,
    cast(coalesce(merged_pairs.survivor_id, member_id) as varchar),
    'list_membership',
    list_name,
    added_at
from hubspot_list_members
left join merged_pairs
    on hubspot_list_members.member_id = merged_pairs.merged_id
union all
select
    'engagement:' || engagement_id || ':' || engaged_id,
    cast(coalesce(merged_pairs.survivor_id, engaged_id) as varchar),
    'meeting',
    null,
    occurred_at
from hubspot_meetings
left join merged_pairs
    on hubspot_meetings.engaged_id = merged_pairs.merged_id;

create table {expected}.conversions as
select
    cast(hubspot_id(contact_id) as varchar) as contact_id,
    converted_at,
    product
from kept_conversions;
"""

_SALESFORCE_EXPECTED = """
create table {expected}.accounts as
select
    sf_account_id(account_id) as account_id,
    account_name,
    lower(trim(domain)) as domain,
    industry,
    employee_count,
    annual_revenue,
    country,
    funding_stage
from kept_accounts
union all
select
    lead_companies.sf_id,
    lead_companies.account_name,
    lower(trim(lead_companies.domain)),
    lead_companies.industry,
    lead_companies.employee_count,
    lead_companies.annual_revenue,
    people.country,
    null
from lead_companies
inner join people
    on lead_companies.sf_id = people.sf_id;

create table {expected}.events as
select
    'campaign_member:' || id as event_id,
    person_sf_id as contact_id,
    'campaign_' || lower(member_status) as event_type,
    campaign_name as subject,
    first_responded_date as occurred_at
from sf_members
union all
select
    case when kind = 'meeting' then 'event:' else 'task:' end || id,
    person_sf_id,
    kind,
    case when kind = 'meeting' then 'Demo' else 'Call back' end,
    engaged_at
from sf_engagements;

create table {expected}.conversions as
select person_sf_id as contact_id, converted_at, product
from sf_opportunities
where not has_no_contact_role
union all
select people.sf_id, sf_opportunities.converted_at, sf_opportunities.product
from sf_opportunities
inner join people
    on sf_opportunities.account_id = sf_account_id(people.account_id)
where sf_opportunities.has_no_contact_role and not people.is_lead;
"""

_MARKETO_EXPECTED = """
create table {expected}.accounts as
select distinct
    lower(trim(company)) as account_id,
    company as account_name,
    lower(trim(company_domain)) as domain,
    company_industry as industry,
    company_employee_count as employee_count,
    company_annual_revenue as annual_revenue,
    company_country as country
from leads
where company is not null;

create table {expected}.events as
select
    'activity:' || activity_id as event_id,
    cast(survivor_id as varchar) as contact_id,
    case
        when event_type in ('demo_request', 'contact_request', 'content_download')
            then 'form_submission'
        when event_type = 'webinar_registration' then 'program_registered'
        when event_type = 'webinar_attendance' then 'program_attended'
        else event_type
    end as event_type,
    subject,
    occurred_at
from marketo_activity
union all
select 'activity:' || (800000000 + number), cast(number as varchar), 'list_membership',
    'Newsletter subscribers', created_at
from leads
where number % 17 = 0 and created_at is not null
union all
select 'activity:unsub-' || number, cast(number as varchar), 'unsubscribe', null,
    timestamp '2026-08-20'
from leads
where number % 23 = 0;

create table {expected}.conversions as
select cast(leads.number as varchar) as contact_id, kept_conversions.converted_at,
    cast(null as varchar) as product
from kept_conversions
inner join leads
    on kept_conversions.contact_id = trim(leads.contact_id);
"""

_EXPECTED = {
    "hubspot": _expected_contacts(
        "cast(hubspot_id(contact_id) as varchar)",
        "cast(hubspot_company_id(account_id) as varchar)",
        "kept_contacts",
    )
    + _HUBSPOT_EXPECTED,
    "salesforce": _expected_contacts(
        "people.sf_id",
        "case\n        when not people.is_lead then sf_account_id(people.account_id)"
        "\n        when lead_companies.sf_id is not null then people.sf_id\n    end",
        "people\nleft join lead_companies\n    on people.sf_id = lead_companies.sf_id",
        of="people.",
    )
    + _SALESFORCE_EXPECTED,
    "marketo": _expected_contacts("cast(number as varchar)", "lower(trim(company))", "leads")
    + _MARKETO_EXPECTED,
}
"""Per CRM: the contract-shaped tables its staging must give back, from ``write``'s views."""

_HUBSPOT_OLDER_CONNECTOR = """
-- merges as `hs_calculated_merged_vids` (`<id>:<epoch ms>`), no `hs_merged_object_ids`
alter table {target}.contact add column property_hs_calculated_merged_vids varchar;
update {target}.contact
set property_hs_calculated_merged_vids = property_hs_merged_object_ids || ':1700000000000'
where property_hs_merged_object_ids is not null;
alter table {target}.contact drop column property_hs_merged_object_ids;

-- deletions in `is_deleted` alone
update {target}.company set is_deleted = is_deleted or _fivetran_deleted;
alter table {target}.company drop column _fivetran_deleted;
update {target}.deal set is_deleted = is_deleted or _fivetran_deleted;
alter table {target}.deal drop column _fivetran_deleted;
alter table {target}.deal drop column property_hs_is_closed_won;

-- the closed flag named `closed_won`
alter table {target}.deal_pipeline_stage drop column is_closed;

-- the time and the state on the engagement itself, no engagement_<type> tables
create or replace temp table older_engagement_details as
select engagement_id, property_hs_timestamp, _fivetran_deleted from {target}.engagement_meeting
union all
select engagement_id, property_hs_timestamp, _fivetran_deleted from {target}.engagement_call;
alter table {target}.engagement add column active boolean;
alter table {target}.engagement add column timestamp timestamp;
update {target}.engagement
set
    active = not older_engagement_details._fivetran_deleted,
    timestamp = older_engagement_details.property_hs_timestamp
from older_engagement_details
where engagement.id = older_engagement_details.engagement_id;
drop table {target}.engagement_meeting;
drop table {target}.engagement_call;

-- submissions without their id and page
alter table {target}.contact_form_submission drop column conversion_id;
alter table {target}.contact_form_submission drop column page_id;
alter table {target}.contact_form_submission drop column page_url;

-- no subscription changes
drop table {target}.email_subscription_change;
"""

_OLDER_CONNECTORS = {"hubspot": _HUBSPOT_OLDER_CONNECTOR}
"""How an older version of a CRM's connector wrote the tables ``write`` writes as today's
does (the column sets of Fivetran's ``get_*_columns`` macros across versions)."""


def write_expected(con: duckdb.DuckDBPyConnection, crm: str, schema: str) -> None:
    """Write what ``crm``'s staging must give back from the tables
    ``lead_scoring.demo.crm_shapes.write`` just wrote into ``schema`` on ``con`` (from the
    temporary views it left there) into ``<schema>_expected``, in the contract's shape."""
    con.execute(_EXPECTED[crm].format(expected=f"{schema}_expected"))


def generate(path: Path, crm: str, size: data.DemoSize, seed: int = 42) -> dict[str, int]:
    """What `lead-scoring generate --crm <crm> --duckdb <path>` writes (the demo's leads in the
    CRM's shape, schema ``<crm>``), and the expected contract-shaped tables beside them
    (``<crm>_expected``)."""
    with duckdb.connect(str(path)) as con:
        data.generate(con, "demo_contract_shaped", size=size, seed=seed)
        counts = crm_shapes.write(con, "demo_contract_shaped", crm, crm)
        write_expected(con, crm, crm)
        con.execute("drop schema demo_contract_shaped cascade")
    return counts


def write_older_connector(con: duckdb.DuckDBPyConnection, crm: str, schema: str) -> None:
    """Rewrite the loader tables ``write`` wrote into ``schema`` as an older version of the
    CRM's connector wrote them (HubSpot: ``hs_calculated_merged_vids``, ``is_deleted`` only,
    ``closed_won``, the engagement's own ``active`` and ``timestamp``, submissions without
    ``conversion_id`` and ``page_url``, no ``email_subscription_change``). What a staging
    reading them loses is what it must warn about; ``<schema>_expected`` is left as is."""
    if crm not in _OLDER_CONNECTORS:
        raise ValueError(f"no older connector shape for {crm!r}: {', '.join(_OLDER_CONNECTORS)}")
    con.execute(_OLDER_CONNECTORS[crm].format(target=schema))

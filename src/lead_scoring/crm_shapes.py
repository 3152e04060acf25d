"""The demo's leads in the table shapes CRM loaders write, with each CRM's traps planted.

``write`` reads contract-shaped tables (``lead-scoring generate``) from one DuckDB schema and
writes the same leads as Fivetran's connector for the CRM writes them (table and column
names of its dbt source package), plus what the CRM staging of this project must turn them
back into: the contract-shaped tables a correct mapping yields (``<schema>_expected``). The
round-trip test scores both and requires the same scores.

What each CRM can carry decides the expectation: HubSpot has no per-contact page views, so
the demo's page views are not written for it and not expected back; a HubSpot form
submission is a ``form_submission`` whatever the demo called it (a demo request, a content
download), with the form's title as its subject. The traps (merged and deleted records,
e-mail events keyed by address in another case, countries spelled out, lost and deleted
deals, left lists) are rows a correct staging leaves out or resolves, so the expectation
never contains them.
"""

from __future__ import annotations

import duckdb

CRMS = ("hubspot",)
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

_REPRESENTABLE = """
create or replace temp view kept_contacts as
select * from (
    select
        *,
        row_number() over (
            partition by trim(contact_id)
            order by updated_at desc nulls last, created_at desc nulls last, email, job_title
        ) as version_rank
    from {source}.contacts
    where nullif(trim(contact_id), '') is not null
)
where version_rank = 1;

create or replace temp view kept_accounts as
select * from (
    select
        *,
        row_number() over (
            partition by trim(account_id)
            order by account_name, domain, industry, employee_count, annual_revenue, country
        ) as version_rank
    from {source}.accounts
    where nullif(trim(account_id), '') is not null
)
where version_rank = 1;

-- the delivery of each event the contract's staging keeps, of a known contact
create or replace temp view kept_events as
select * exclude (delivery_rank) from (
    select
        trim(events.event_id) as event_id,
        trim(events.contact_id) as contact_id,
        lower(trim(events.event_type)) as event_type,
        nullif(trim(events.subject), '') as subject,
        events.occurred_at,
        row_number() over (
            partition by trim(events.event_id)
            order by
                events.occurred_at nulls last,
                trim(events.contact_id),
                lower(trim(events.event_type)),
                nullif(trim(events.subject), '')
        ) as delivery_rank
    from {source}.events as events
    where nullif(trim(events.event_id), '') is not null
)
where
    delivery_rank = 1
    and occurred_at is not null
    and contact_id in (select trim(contact_id) from kept_contacts);

create or replace temp view kept_conversions as
select
    trim(contact_id) as contact_id,
    converted_at,
    lower(trim(product)) as product,
    row_number() over (order by converted_at, trim(contact_id), product) as conversion_number
from {source}.conversions
where
    trim(contact_id) in (select trim(contact_id) from kept_contacts)
    and converted_at is not null;
"""

_HUBSPOT = """
create schema {target};
create schema {expected};

-- HubSpot ids are numbers: the demo's keys numbered in order (contacts and companies apart)
create or replace temp table contact_numbers as
select contact_key, row_number() over (order by contact_key) as number
from (select distinct trim(contact_id) as contact_key from kept_contacts);
create or replace temp table account_numbers as
select account_key, row_number() over (order by account_key) as number
from (
    select trim(account_id) as account_key from kept_accounts
    union
    select trim(account_id) from kept_contacts where nullif(trim(account_id), '') is not null
);
create or replace temp macro hubspot_id(key) as
    (select number from contact_numbers where contact_key = trim(key));
create or replace temp macro hubspot_company_id(key) as
    (select number from account_numbers where account_key = trim(key));

-- every 29th contact with activity was entered twice and merged: the copy (id + 5000000)
-- had an older address and keeps half of the survivor's activity and deals
create or replace temp view merged_pairs as
select
    hubspot_id(contact_id) as survivor_id,
    hubspot_id(contact_id) + 5000000 as merged_id,
    'old.' || trim(email) as merged_email
from kept_contacts
where
    hubspot_id(contact_id) % 29 = 0
    and trim(contact_id) in (select contact_id from kept_events);

create table {target}.contact as
select
    hubspot_id(contact_id) as id,
    false as _fivetran_deleted,
    {synced_at} as _fivetran_synced,
    email as property_email,
    job_title as property_jobtitle,
    phone as property_phone,
    country as property_country,
    case
        when is_decision_maker then 'DECISION_MAKER;BUDGET_HOLDER'
        when not is_decision_maker then 'END_USER'
    end as property_hs_buying_role,
    upper(trim(lead_source)) as property_hs_analytics_source,
    hubspot_company_id(account_id) as property_associatedcompanyid,
    created_at as property_createdate,
    updated_at as property_lastmodifieddate,
    case
        when hubspot_id(contact_id) in (select survivor_id from merged_pairs)
            then cast(hubspot_id(contact_id) + 5000000 as varchar) || ':1700000000000'
    end as property_hs_calculated_merged_vids,
    department as property_department,
    years_in_role as property_years_in_role
from kept_contacts
union all
-- the merged-away copies: still rows, with stale properties
select
    merged_id,
    false,
    {synced_at},
    merged_email,
    'Intern',
    null,
    'Atlantis',
    null,
    'OFFLINE',
    null,
    timestamp '2025-01-01 00:00:00',
    timestamp '2025-01-02 00:00:00',
    null,
    null,
    null
from merged_pairs
union all
-- deleted contacts (ids from 9000001), whose activity and deals must all be left out
select
    9000000 + n,
    true,
    {synced_at},
    'deleted' || n || '@gone.example.com',
    'Chief Executive Officer',
    '+1 555 9999999',
    'United States',
    'DECISION_MAKER',
    'PAID_SEARCH',
    1,
    timestamp '2026-01-01 00:00:00',
    timestamp '2026-09-01 00:00:00',
    null,
    'Sales',
    10
from range(1, 21) as deleted(n);

create table {target}.company as
select
    hubspot_company_id(account_id) as id,
    false as is_deleted,
    {synced_at} as _fivetran_synced,
    account_name as property_name,
    domain as property_domain,
    industry as property_industry,
    employee_count as property_numberofemployees,
    annual_revenue as property_annualrevenue,
    -- the CRM's country picklist spells names; every fourth company kept its code
    case
        when hubspot_company_id(account_id) % 4 = 0 then country
        else coalesce(
            (select max(country_name) from country_names where country_code = upper(trim(country))),
            country
        )
    end as property_country,
    funding_stage as property_funding_stage
from kept_accounts
union all
select 900000 + n, true, {synced_at}, 'Deleted Co ' || n, 'deleted.example.com', 'Software', 5000,
    1e9, 'US', null
from range(1, 4) as deleted(n);

-- the demo's activity as HubSpot records it (page views and chats: not recorded)
create or replace temp view hubspot_activity as
select
    kept_events.*,
    hubspot_id(kept_events.contact_id) as hubspot_contact_id,
    merged_pairs.merged_id is not null
    and hash(kept_events.event_id) % 2 = 0 as is_on_merged_copy,
    merged_pairs.merged_id,
    merged_pairs.merged_email,
    kept_contacts.email
from kept_events
inner join kept_contacts
    on kept_events.contact_id = trim(kept_contacts.contact_id)
left join merged_pairs
    on hubspot_id(kept_events.contact_id) = merged_pairs.survivor_id;

create table {target}.email_event as
select
    event_id as id,
    case event_type
        when 'email_open' then 'OPEN'
        when 'email_click' then 'CLICK'
        else 'STATUSCHANGE'
    end as type,
    -- keyed by address, as typed in the e-mail tool: case and spaces differ from the CRM
    case
        when is_on_merged_copy then merged_email
        when hash(event_id) % 3 = 0 then '  ' || upper(trim(email)) || ' '
        else email
    end as recipient,
    occurred_at as created,
    cast(regexp_replace(subject, '[^0-9]', '', 'g') as bigint) as email_campaign_id,
    {synced_at} as _fivetran_synced
from hubspot_activity
where
    event_type in ('email_open', 'email_click', 'unsubscribe')
    and nullif(trim(email), '') is not null
union all
-- traps: mail to addresses no contact has, and to deleted contacts
select
    'hs-unknown-' || n,
    'OPEN',
    'nobody' || n || '@unknown.example.com',
    timestamp '2026-09-01 10:00:00',
    202609,
    {synced_at}
from range(1, 11) as unknown(n)
union all
select
    'hs-deleted-' || n,
    'CLICK',
    'deleted' || n || '@gone.example.com',
    timestamp '2026-09-02 10:00:00',
    202609,
    {synced_at}
from range(1, 21) as deleted(n);

create table {target}.email_event_status_change as
select
    id,
    'UNSUBSCRIBED' as portal_subscription_status,
    {synced_at} as _fivetran_synced
from {target}.email_event
where type = 'STATUSCHANGE';

create or replace temp view hubspot_forms as
select
    *,
    case
        when event_type = 'webinar_registration' then subject || ' registration'
        else subject
    end as form_title,
    case when is_on_merged_copy then merged_id else hubspot_contact_id end as form_contact_id
from hubspot_activity
where event_type in (
    'form_submission', 'demo_request', 'contact_request', 'content_download',
    'webinar_registration'
);

create table {target}.contact_form_submission as
select
    form_contact_id as contact_id,
    'form-' || md5(form_title) as form_id,
    form_title as title,
    occurred_at as timestamp,
    {synced_at} as _fivetran_synced
from hubspot_forms
union all
select 9000000 + n, 'form-' || md5('Demo request'), 'Demo request',
    timestamp '2026-09-03 10:00:00', {synced_at}
from range(1, 21) as deleted(n);

create table {target}.contact_list as
select distinct
    cast(regexp_replace(subject, '[^0-9]', '', 'g') as bigint) as id,
    subject || ' attendees' as name,
    {synced_at} as _fivetran_synced
from hubspot_activity
where event_type = 'webinar_attendance'
union all
select 999, 'Churned customers', {synced_at};

-- one row per contact and list: attending a webinar twice is one membership
create or replace temp view hubspot_list_members as
select
    case when is_on_merged_copy then merged_id else hubspot_contact_id end as member_id,
    cast(regexp_replace(subject, '[^0-9]', '', 'g') as bigint) as list_id,
    subject || ' attendees' as list_name,
    min(occurred_at) as added_at
from hubspot_activity
where event_type = 'webinar_attendance'
group by all;

create table {target}.contact_list_member as
select
    member_id as contact_id,
    list_id as contact_list_id,
    added_at,
    false as _fivetran_deleted,
    {synced_at} as _fivetran_synced
from hubspot_list_members
union all
-- trap: memberships the contacts left
select hubspot_id(contact_id), 999, timestamp '2026-06-01 00:00:00', true, {synced_at}
from kept_contacts
where hubspot_id(contact_id) % 50 = 0;

-- each demo request books a meeting two days later
create or replace temp view hubspot_meetings as
select
    row_number() over (order by occurred_at, event_id) as engagement_id,
    case when is_on_merged_copy then merged_id else hubspot_contact_id end as engaged_id,
    occurred_at + interval 2 day as occurred_at
from hubspot_activity
where event_type = 'demo_request';

create table {target}.engagement as
select
    engagement_id as id,
    'MEETING' as type,
    true as active,
    occurred_at as timestamp,
    {synced_at} as _fivetran_synced
from hubspot_meetings
union all
-- trap: a cancelled (inactive) call for every 40th contact
select 800000 + hubspot_id(contact_id), 'CALL', false, timestamp '2026-09-10 09:00:00',
    {synced_at}
from kept_contacts
where hubspot_id(contact_id) % 40 = 0;

create table {target}.engagement_contact as
select engagement_id, engaged_id as contact_id, {synced_at} as _fivetran_synced
from hubspot_meetings
union all
select 800000 + hubspot_id(contact_id), hubspot_id(contact_id), {synced_at}
from kept_contacts
where hubspot_id(contact_id) % 40 = 0;

create table {target}.deal_pipeline_stage as
select * from (
    values
        ('closedwon', 'Closed won', true, 1.0),
        ('closedlost', 'Closed lost', true, 0.0),
        ('contractsent', 'Contract sent', false, 0.9)
) as stages(stage_id, label, is_closed, probability);
alter table {target}.deal_pipeline_stage add column _fivetran_synced timestamp;
update {target}.deal_pipeline_stage set _fivetran_synced = {synced_at};

-- a closed-won deal per demo conversion (its pipeline is its product); traps: lost, open
-- and deleted deals, and deals of deleted contacts
create or replace temp view hubspot_deals as
select
    conversion_number as deal_id,
    false as is_deleted,
    product as deal_pipeline_id,
    'closedwon' as deal_pipeline_stage_id,
    converted_at as property_closedate,
    hubspot_id(contact_id) as deal_contact_id
from kept_conversions
union all
select
    100000 + hubspot_id(contact_id),
    hubspot_id(contact_id) % 3 = 0,
    'platform',
    case when hubspot_id(contact_id) % 2 = 0 then 'closedlost' else 'contractsent' end,
    timestamp '2026-08-15 00:00:00',
    hubspot_id(contact_id)
from kept_contacts
where hubspot_id(contact_id) % 31 = 0
union all
select 200000 + n, false, 'platform', 'closedwon', timestamp '2026-08-20 00:00:00', 9000000 + n
from range(1, 21) as deleted(n);

create table {target}.deal as
select
    deal_id,
    is_deleted,
    deal_pipeline_id,
    deal_pipeline_stage_id,
    property_closedate,
    {synced_at} as _fivetran_synced
from hubspot_deals;

create table {target}.deal_contact as
select
    hubspot_deals.deal_id,
    case
        when merged_pairs.merged_id is not null and hubspot_deals.deal_id % 2 = 0
            then merged_pairs.merged_id
        else hubspot_deals.deal_contact_id
    end as contact_id,
    {synced_at} as _fivetran_synced
from hubspot_deals
left join merged_pairs
    on hubspot_deals.deal_contact_id = merged_pairs.survivor_id;

-- what the staging must give back, in the contract's shape
create table {expected}.contacts as
select
    cast(hubspot_id(contact_id) as varchar) as contact_id,
    cast(hubspot_company_id(account_id) as varchar) as account_id,
    email,
    job_title,
    phone,
    country,
    is_decision_maker,
    lower(trim(lead_source)) as lead_source,
    created_at,
    updated_at,
    department,
    years_in_role
from kept_contacts;

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
    'form_submission:' || form_contact_id || ':form-' || md5(form_title) || ':'
    || cast(occurred_at as varchar),
    cast(hubspot_contact_id as varchar),
    'form_submission',
    form_title,
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

_WRITERS = {"hubspot": _HUBSPOT}


def write(
    con: duckdb.DuckDBPyConnection,
    source_schema: str,
    crm: str,
    schema: str,
) -> dict[str, int]:
    """Write the contract-shaped tables of ``source_schema`` as ``crm``'s loader writes them
    into ``schema``, and what its staging must give back into ``<schema>_expected``.

    Returns the row count of each table written into ``schema``.
    """
    if crm not in _WRITERS:
        raise ValueError(f"unknown CRM {crm!r}: expected one of {', '.join(CRMS)}")
    con.execute(
        "create or replace temp table country_names (country_code varchar, country_name varchar)"
    )
    con.executemany("insert into country_names values (?, ?)", sorted(COUNTRY_NAMES.items()))
    con.execute(_REPRESENTABLE.format(source=source_schema))
    con.execute(
        _WRITERS[crm].format(target=schema, expected=f"{schema}_expected", synced_at=SYNCED_AT)
    )
    tables = con.execute(
        "select table_name from duckdb_tables() where schema_name = ? order by table_name",
        [schema],
    ).fetchall()
    return {
        table: con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
        for (table,) in tables
    }

"""The demo's leads in the table shapes CRM loaders write, with each CRM's traps planted.

``write`` reads contract-shaped tables (``lead-scoring generate``) from one DuckDB schema and
writes the same leads as Fivetran's connector for the CRM writes them (table and column
names of its dbt source package), plus what the CRM staging of this project must turn them
back into: the contract-shaped tables a correct mapping yields (``<schema>_expected``). The
round-trip test scores both and requires the same scores.

What each CRM can carry decides the expectation: HubSpot has no per-contact page views, so
the demo's page views are not written for it and not expected back; a HubSpot form
submission is a ``form_submission`` whatever the demo called it (a demo request, a content
download), with the form's title and its landing page's path as its subject. The traps
(merged and deleted records, deletions only ``_fivetran_deleted`` knows, Salesforce
history-mode versions, e-mail events keyed by address in another case, unsubscribes with no
e-mail event, a submission stored under a survivor and a merged-away id, countries spelled
out, lost and deleted deals, left lists) are rows a correct staging leaves out or resolves,
so the expectation never contains them. The tables follow the column sets of Fivetran's
current packages (``get_*_columns``); ``write_older_connector`` rewrites HubSpot's as an
older connector version wrote them.
"""

from __future__ import annotations

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
    -- today's connector: `hs_merged_object_ids` (`<id>;<id>`), no `hs_calculated_merged_vids`
    case
        when hubspot_id(contact_id) in (select survivor_id from merged_pairs)
            then cast(hubspot_id(contact_id) + 5000000 as varchar)
    end as property_hs_merged_object_ids,
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
    false as _fivetran_deleted,
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
-- deleted companies: one by HubSpot's flag, two only by the connector's
select 900000 + n, n = 1, n > 1, {synced_at}, 'Deleted Co ' || n, 'deleted.example.com', 'Software',
    5000, 1e9, 'US', null
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

-- every subscription change, whoever made it: those the STATUSCHANGE e-mails caused (no
-- time of their own: the e-mail event is the unsubscribe), and changes with no e-mail event
-- (a rep, an import, a preference page): an unsubscribe of every 23rd contact with an
-- address and of the old address of every other merged-away copy, a resubscription of
-- every 37th contact; traps: unsubscribes of deleted contacts and of unknown addresses
create or replace temp view hubspot_subscription_changes as
-- an address two contacts share changes once
select distinct on (lower(trim(recipient)), change, change_type) * from (
select
    cast(null as varchar) as caused_by_event_id,
    'UNSUBSCRIBED' as change,
    'PORTAL_STATUS' as change_type,
    cast(null as bigint) as email_subscription_id,
    email as recipient,
    'SOURCE_IMPORT' as source,
    timestamp '2026-08-20 09:00:00' as occurred_at,
    hubspot_id(contact_id) as hubspot_contact_id
from kept_contacts
where hubspot_id(contact_id) % 23 = 0 and nullif(trim(email), '') is not null
union all
select null, 'UNSUBSCRIBED', 'SUBSCRIPTION_STATUS', 7, merged_email, 'SOURCE_HUBSPOT_CUSTOMER',
    timestamp '2026-07-15 12:00:00', survivor_id
from merged_pairs
where survivor_id % 2 = 0 and merged_email is not null
union all
select null, 'SUBSCRIBED', 'SUBSCRIPTION_STATUS', 7, email, 'SOURCE_RECIPIENT',
    timestamp '2026-06-01 08:00:00', hubspot_id(contact_id)
from kept_contacts
where hubspot_id(contact_id) % 37 = 0 and nullif(trim(email), '') is not null
)
order by lower(trim(recipient)), change, change_type, hubspot_contact_id;

create table {target}.email_subscription_change as
select
    id as caused_by_event_id,
    'UNSUBSCRIBED' as change,
    'PORTAL_STATUS' as change_type,
    cast(null as bigint) as email_subscription_id,
    12345 as portal_id,
    recipient,
    'SOURCE_RECIPIENT' as source,
    cast(null as timestamp) as timestamp,
    {synced_at} as _fivetran_synced
from {target}.email_event
where type = 'STATUSCHANGE'
union all
select caused_by_event_id, change, change_type, email_subscription_id, 12345, recipient, source,
    occurred_at, {synced_at}
from hubspot_subscription_changes
union all
select null, 'UNSUBSCRIBED', 'PORTAL_STATUS', null, 12345, 'deleted' || n || '@gone.example.com',
    'SOURCE_IMPORT', timestamp '2026-09-04 10:00:00', {synced_at}
from range(1, 21) as deleted(n)
union all
select null, 'UNSUBSCRIBED', 'PORTAL_STATUS', null, 12345, 'nobody' || n || '@unknown.example.com',
    'SOURCE_IMPORT', timestamp '2026-09-04 10:00:00', {synced_at}
from range(1, 6) as unknown(n);

-- one gated-content form ("Download") on every asset's landing page, a registration form
-- per webinar, the other forms on their own page; each submission has its conversion id
create or replace temp view hubspot_forms as
select
    *,
    row_number() over (order by occurred_at, event_id) as conversion_id,
    case
        when event_type = 'content_download' then 'Download'
        when event_type = 'webinar_registration' then subject || ' registration'
        else subject
    end as form_title,
    case
        when event_type = 'content_download' then '/' || subject
        when event_type = 'webinar_registration' then '/webinars/' || subject
        else '/' || replace(lower(subject), ' ', '-')
    end as page_path,
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
    conversion_id,
    cast(hash(page_path) % 100000 as bigint) as page_id,
    -- the page as the visitor had it: host, and for every third a campaign's query string
    'https://www.example.com' || page_path
    || case when conversion_id % 3 = 0 then '?utm_source=linkedin&utm_medium=paid' else '' end
        as page_url,
    12345 as portal_id,
    form_title as title,
    occurred_at as timestamp,
    {synced_at} as _fivetran_synced
from hubspot_forms
union all
-- a merged-away copy's submission is stored under the survivor too, with the same
-- conversion id: one submission
select hubspot_contact_id, 'form-' || md5(form_title), conversion_id,
    cast(hash(page_path) % 100000 as bigint), 'https://www.example.com' || page_path, 12345,
    form_title, occurred_at, {synced_at}
from hubspot_forms
where is_on_merged_copy
union all
select 9000000 + n, 'form-' || md5('Demo request'), 9000000 + n, 1, 'https://www.example.com/demo',
    12345, 'Demo request', timestamp '2026-09-03 10:00:00', {synced_at}
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

-- today's connector: the engagement table holds the type only, the time and the deletion
-- flag are in engagement_<type>
create table {target}.engagement as
select
    engagement_id as id,
    'MEETING' as type,
    12345 as portal_id,
    {synced_at} as _fivetran_synced
from hubspot_meetings
union all
select 800000 + hubspot_id(contact_id), 'CALL', 12345, {synced_at}
from kept_contacts
where hubspot_id(contact_id) % 40 = 0;

create table {target}.engagement_meeting as
select
    engagement_id,
    'MEETING' as type,
    occurred_at as property_hs_timestamp,
    occurred_at - interval 2 day as property_hs_createdate,
    false as _fivetran_deleted,
    {synced_at} as _fivetran_synced
from hubspot_meetings;

-- trap: a call logged for every 40th contact, then deleted
create table {target}.engagement_call as
select
    800000 + hubspot_id(contact_id) as engagement_id,
    'CALL' as type,
    timestamp '2026-09-10 09:00:00' as property_hs_timestamp,
    timestamp '2026-09-10 09:30:00' as property_hs_createdate,
    true as _fivetran_deleted,
    {synced_at} as _fivetran_synced
from kept_contacts
where hubspot_id(contact_id) % 40 = 0;

create table {target}.engagement_contact as
select engagement_id, engaged_id as contact_id, {synced_at} as _fivetran_synced
from hubspot_meetings
union all
select 800000 + hubspot_id(contact_id), hubspot_id(contact_id), {synced_at}
from kept_contacts
where hubspot_id(contact_id) % 40 = 0;

-- today's columns: `is_closed`, and the older `closed_won` still written with the same flag
create table {target}.deal_pipeline_stage as
select *, is_closed as closed_won, false as _fivetran_deleted, {synced_at} as _fivetran_synced
from (
    values
        ('closedwon', 'Closed won', 'platform', true, 1.0),
        ('closedlost', 'Closed lost', 'platform', true, 0.0),
        ('contractsent', 'Contract sent', 'platform', false, 0.9)
) as stages(stage_id, label, pipeline_id, is_closed, probability);

-- a closed-won deal per demo conversion (its pipeline is its product); traps: lost, open
-- and deleted deals (deleted in HubSpot, or found deleted by the connector only), and deals
-- of deleted contacts
create or replace temp view hubspot_deals as
select
    conversion_number as deal_id,
    false as is_deleted,
    false as is_fivetran_deleted,
    product as deal_pipeline_id,
    'closedwon' as deal_pipeline_stage_id,
    converted_at as property_closedate,
    hubspot_id(contact_id) as deal_contact_id
from kept_conversions
union all
select
    100000 + hubspot_id(contact_id),
    hubspot_id(contact_id) % 3 = 0,
    false,
    'platform',
    case when hubspot_id(contact_id) % 2 = 0 then 'closedlost' else 'contractsent' end,
    timestamp '2026-08-15 00:00:00',
    hubspot_id(contact_id)
from kept_contacts
where hubspot_id(contact_id) % 31 = 0
union all
select 200000 + n, false, false, 'platform', 'closedwon', timestamp '2026-08-20 00:00:00',
    9000000 + n
from range(1, 21) as deleted(n)
union all
-- won deals of live contacts that only `_fivetran_deleted` says are deleted
select 300000 + hubspot_id(contact_id), false, true, 'platform', 'closedwon',
    timestamp '2026-08-25 00:00:00', hubspot_id(contact_id)
from kept_contacts
where hubspot_id(contact_id) % 43 = 0;

create table {target}.deal as
select
    deal_id,
    is_deleted,
    is_fivetran_deleted as _fivetran_deleted,
    -- HubSpot's calculated "Is Closed Won" deal property
    deal_pipeline_stage_id = 'closedwon' as property_hs_is_closed_won,
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

_SALESFORCE = """
create schema {target};
create schema {expected};

-- the demo's contacts numbered in order; a contact without an account, and every 11th,
-- is a Salesforce lead (00Q...) not yet converted, the others contacts (003...)
create or replace temp table people as
select
    kept_contacts.*,
    numbered.number,
    kept_contacts.account_id is null
    or trim(kept_contacts.account_id) = ''
    or numbered.number % 11 = 0 as is_lead
from kept_contacts
inner join (
    select contact_key, row_number() over (order by contact_key) as number
    from (select distinct trim(contact_id) as contact_key from kept_contacts)
) as numbered
    on trim(kept_contacts.contact_id) = numbered.contact_key;
alter table people add column sf_id varchar;
update people
set sf_id = (case when is_lead then '00Q' else '003' end)
    || lpad(cast(number as varchar), 15, '0');

create or replace temp table account_ids as
select
    account_key,
    '001' || lpad(cast(row_number() over (order by account_key) as varchar), 15, '0') as sf_id
from (
    select trim(account_id) as account_key from kept_accounts
    union
    select trim(account_id) from kept_contacts where nullif(trim(account_id), '') is not null
);

create or replace temp macro person_id(key) as
    (select sf_id from people where trim(contact_id) = trim(key));
create or replace temp macro sf_account_id(key) as
    (select sf_id from account_ids where account_key = trim(key));
create or replace temp macro picklist(value) as
    array_to_string(
        list_transform(
            string_split(replace(trim(value), '_', ' '), ' '), lambda w: upper(w[1]) || w[2:]
        ),
        ' '
    );
create or replace temp macro sf_number_id(prefix, n) as prefix || lpad(cast(n as varchar), 15, '0');

-- a lead with an account of the demo carries its company on the lead
create or replace temp view lead_companies as
select people.sf_id, kept_accounts.*
from people
inner join kept_accounts
    on trim(people.account_id) = trim(kept_accounts.account_id)
where people.is_lead;

-- every 29th contact has a merged-away duplicate (deleted, its master the survivor) holding
-- half its activity; every 23rd was first a lead, converted, whose activity is on the lead
create or replace temp view merged_pairs as
select sf_id as survivor_id, sf_number_id('003', number + 5000000) as merged_id
from people
where not is_lead and number % 29 = 0;

create or replace temp view converted_leads as
select sf_id as contact_sf_id, sf_number_id('00Q', number + 7000000) as lead_sf_id, people.*
from people
where not is_lead and number % 23 = 0;

create table {target}.account as
select
    sf_account_id(account_id) as id,
    false as is_deleted,
    account_name as name,
    case when domain is not null then 'https://www.' || upper(trim(domain)) || '/' end
        as website,
    industry,
    employee_count as number_of_employees,
    annual_revenue,
    case
        when row_number() over (order by account_id) % 4 = 0 then country
        else coalesce(
            (select max(country_name) from country_names where country_code = upper(trim(country))),
            country
        )
    end as billing_country,
    funding_stage as funding_stage_c,
    {synced_at} as _fivetran_synced
from kept_accounts
union all
select sf_number_id('001', 900000 + n), true, 'Deleted Co ' || n, null, 'Software', 5000, 1e9,
    'US', null, {synced_at}
from range(1, 4) as deleted(n);

create table {target}.contact as
select
    sf_id as id,
    false as is_deleted,
    cast(null as varchar) as master_record_id,
    sf_account_id(account_id) as account_id,
    email,
    job_title as title,
    phone,
    country as mailing_country,
    is_decision_maker as is_decision_maker_c,
    picklist(lead_source) as lead_source,
    department as department_c,
    years_in_role as years_in_role_c,
    created_at as created_date,
    updated_at as last_modified_date,
    {synced_at} as _fivetran_synced
from people
where not is_lead
union all
select merged_id, true, survivor_id, null, 'old.' || merged_id || '@example.com', 'Intern', null,
    'Atlantis', false, 'Other', null, null, timestamp '2025-01-01', timestamp '2025-01-02',
    {synced_at}
from merged_pairs
union all
select sf_number_id('003', 9000000 + n), true, null, null, 'deleted' || n || '@gone.example.com',
    'Chief Executive Officer', '+1 555 9999999', 'United States', true, 'Paid Search', 'Sales', 10,
    timestamp '2026-01-01', timestamp '2026-09-01', {synced_at}
from range(1, 21) as deleted(n);

-- history mode: every 13th contact's earlier version is still a row, no longer active
alter table {target}.contact add column _fivetran_active boolean default true;
insert into {target}.contact
select * replace (
    'Intern' as title, 'Atlantis' as mailing_country, timestamp '2025-06-01' as last_modified_date,
    false as _fivetran_active
)
from {target}.contact
where not is_deleted and cast(regexp_replace(id, '[^0-9]', '', 'g') as bigint) % 13 = 0;

create table {target}.lead as
select
    people.sf_id as id,
    false as is_deleted,
    cast(null as varchar) as master_record_id,
    false as is_converted,
    cast(null as varchar) as converted_contact_id,
    people.email,
    people.job_title as title,
    people.phone,
    people.country,
    people.is_decision_maker as is_decision_maker_c,
    picklist(people.lead_source) as lead_source,
    lead_companies.account_name as company,
    case when lead_companies.domain is not null then lead_companies.domain end as website,
    lead_companies.industry,
    lead_companies.employee_count as number_of_employees,
    lead_companies.annual_revenue,
    people.department as department_c,
    people.years_in_role as years_in_role_c,
    people.created_at as created_date,
    people.updated_at as last_modified_date,
    {synced_at} as _fivetran_synced
from people
left join lead_companies
    on people.sf_id = lead_companies.sf_id
where people.is_lead
union all
select lead_sf_id, false, null, true, contact_sf_id, email, job_title, phone, country,
    is_decision_maker, picklist(lead_source), null, null, null, null, null, null, null,
    created_at, created_at, {synced_at}
from converted_leads;

-- the demo's activity as Salesforce records it: form fills, downloads, webinars and e-mail
-- clicks as campaign memberships (one per campaign and person), demo requests as meetings,
-- contact requests as calls (page views, opens, chats and unsubscribes: not recorded)
create or replace temp view sf_activity as
select
    kept_events.*,
    people.sf_id as person_sf_id,
    people.number,
    case
        when merged_pairs.merged_id is not null and hash(kept_events.event_id) % 2 = 0
            then merged_pairs.merged_id
        when converted_leads.lead_sf_id is not null and hash(kept_events.event_id) % 2 = 1
            then converted_leads.lead_sf_id
        else people.sf_id
    end as recorded_on
from kept_events
inner join people
    on kept_events.contact_id = trim(people.contact_id)
left join merged_pairs
    on people.sf_id = merged_pairs.survivor_id
left join converted_leads
    on people.sf_id = converted_leads.contact_sf_id;

create or replace temp view sf_memberships as
select
    case event_type
        when 'webinar_registration' then subject || ' registration'
        else subject
    end as campaign_name,
    case event_type
        when 'webinar_registration' then 'Registered'
        when 'webinar_attendance' then 'Attended'
        when 'email_click' then 'Clicked'
        else 'Responded'
    end as member_status,
    recorded_on,
    any_value(person_sf_id) as person_sf_id,
    min(occurred_at) as first_responded_date
from sf_activity
where event_type in (
    'form_submission', 'demo_request', 'contact_request', 'content_download',
    'webinar_registration', 'webinar_attendance', 'email_click'
)
group by all;

create table {target}.campaign as
select
    sf_number_id('701', row_number() over (order by campaign_name)) as id,
    campaign_name as name,
    {synced_at} as _fivetran_synced
from (select distinct campaign_name from sf_memberships union select 'Churned customers');

create or replace temp table sf_members as
select
    sf_number_id('00v', row_number() over (order by campaign_name, recorded_on)) as id,
    sf_memberships.*,
    campaign.id as campaign_id
from sf_memberships
inner join {target}.campaign as campaign
    on sf_memberships.campaign_name = campaign.name;

create table {target}.campaign_member as
select
    id,
    campaign_id,
    case when recorded_on like '00Q%' then recorded_on end as lead_id,
    case when recorded_on like '003%' then recorded_on end as contact_id,
    false as is_deleted,
    member_status as status,
    first_responded_date,
    first_responded_date as created_date,
    {synced_at} as _fivetran_synced
from sf_members
union all
-- traps: removed memberships, and memberships of deleted contacts
select sf_number_id('00v', 8000000 + number),
    (select id from {target}.campaign where name = 'Churned customers'),
    null, sf_id, true, 'Sent', null, timestamp '2026-06-01', {synced_at}
from people
where not is_lead and number % 50 = 0
union all
select sf_number_id('00v', 9000000 + n),
    (select id from {target}.campaign where name = 'Churned customers'),
    null, sf_number_id('003', 9000000 + n), false, 'Responded', timestamp '2026-09-03',
    timestamp '2026-09-03', {synced_at}
from range(1, 21) as deleted(n);

create or replace temp table sf_meetings as
select
    sf_number_id('00U', row_number() over (order by occurred_at, event_id)) as id,
    recorded_on,
    person_sf_id,
    occurred_at + interval 2 day as start_date_time
from sf_activity
where event_type = 'demo_request';

create table {target}.event as
select
    id,
    recorded_on as who_id,
    false as is_deleted,
    'Demo' as subject,
    start_date_time,
    start_date_time as activity_date_time,
    {synced_at} as _fivetran_synced
from sf_meetings;

create or replace temp table sf_calls as
select
    sf_number_id('00T', row_number() over (order by occurred_at, event_id)) as id,
    recorded_on,
    person_sf_id,
    occurred_at + interval 1 day as created_date
from sf_activity
where event_type = 'contact_request';

create table {target}.task as
select
    id,
    recorded_on as who_id,
    false as is_deleted,
    'Call' as task_subtype,
    'Call' as type,
    'Call back' as subject,
    created_date,
    {synced_at} as _fivetran_synced
from sf_calls
union all
-- traps: deleted tasks, and calls to deleted contacts
select sf_number_id('00T', 8000000 + number), sf_id, true, 'Call', 'Call', 'Call back',
    timestamp '2026-09-10 09:00:00', {synced_at}
from people
where number % 40 = 0
union all
select sf_number_id('00T', 9000000 + n), sf_number_id('003', 9000000 + n), false, 'Email', 'Email',
    'Pricing', timestamp '2026-09-04 10:00:00', {synced_at}
from range(1, 21) as deleted(n);

-- a won opportunity per demo conversion, its contact role the converted person (on a merged
-- duplicate for every other survivor's); every 5th has no contact role and converts its
-- account's contacts; traps: lost, open and deleted opportunities, and deleted contacts'
create or replace temp table sf_opportunities as
select
    sf_number_id('006', conversion_number) as id,
    conversion_number,
    people.sf_id as person_sf_id,
    case when not people.is_lead then sf_account_id(people.account_id) end as account_id,
    kept_conversions.converted_at,
    kept_conversions.product,
    conversion_number % 5 = 0 and not people.is_lead as has_no_contact_role
from kept_conversions
inner join people
    on kept_conversions.contact_id = trim(people.contact_id);

create table {target}.opportunity as
select
    id,
    false as is_deleted,
    account_id,
    true as is_won,
    true as is_closed,
    converted_at as close_date,
    product as product_c,
    {synced_at} as _fivetran_synced
from sf_opportunities
union all
select sf_number_id('006', 100000 + number), number % 3 = 0, sf_account_id(account_id), false,
    number % 2 = 0, timestamp '2026-08-15', 'platform', {synced_at}
from people
where not is_lead and number % 31 = 0
union all
select sf_number_id('006', 200000 + n), false, null, true, true, timestamp '2026-08-20', 'platform',
    {synced_at}
from range(1, 21) as deleted(n);

-- won opportunities of live contacts that only `_fivetran_deleted` says are deleted
alter table {target}.opportunity add column _fivetran_deleted boolean default false;
insert into {target}.opportunity
select sf_number_id('006', 300000 + number), false, sf_account_id(account_id), true, true,
    timestamp '2026-08-25', 'platform', {synced_at}, true
from people
where not is_lead and number % 43 = 0;

create table {target}.opportunity_contact_role as
select
    sf_number_id('00K', conversion_number) as id,
    sf_opportunities.id as opportunity_id,
    case
        when merged_pairs.merged_id is not null and conversion_number % 2 = 0
            then merged_pairs.merged_id
        else person_sf_id
    end as contact_id,
    false as is_deleted,
    {synced_at} as _fivetran_synced
from sf_opportunities
left join merged_pairs
    on sf_opportunities.person_sf_id = merged_pairs.survivor_id
where not has_no_contact_role
union all
select sf_number_id('00K', 100000 + number), sf_number_id('006', 100000 + number), sf_id, false,
    {synced_at}
from people
where not is_lead and number % 31 = 0
union all
select sf_number_id('00K', 200000 + n), sf_number_id('006', 200000 + n),
    sf_number_id('003', 9000000 + n), false, {synced_at}
from range(1, 21) as deleted(n)
union all
select sf_number_id('00K', 300000 + number), sf_number_id('006', 300000 + number), sf_id, false,
    {synced_at}
from people
where not is_lead and number % 43 = 0;

-- what the staging must give back, in the contract's shape
create table {expected}.contacts as
select
    people.sf_id as contact_id,
    case
        when not people.is_lead then sf_account_id(people.account_id)
        when lead_companies.sf_id is not null then people.sf_id
    end as account_id,
    people.email,
    people.job_title,
    people.phone,
    people.country,
    people.is_decision_maker,
    lower(trim(people.lead_source)) as lead_source,
    people.created_at,
    people.updated_at,
    people.department,
    people.years_in_role
from people
left join lead_companies
    on people.sf_id = lead_companies.sf_id;

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
select 'event:' || id, person_sf_id, 'meeting', 'Demo', start_date_time
from sf_meetings
union all
select 'task:' || id, person_sf_id, 'call', 'Call back', created_date
from sf_calls;

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

_MARKETO = """
create schema {target};
create schema {expected};

-- Marketo lead ids are numbers: the demo's contacts numbered in order
create or replace temp table leads as
select
    kept_contacts.*,
    numbered.number,
    kept_accounts.account_name as company,
    kept_accounts.domain as company_domain,
    kept_accounts.industry as company_industry,
    kept_accounts.employee_count as company_employee_count,
    kept_accounts.annual_revenue as company_annual_revenue,
    kept_accounts.country as company_country,
    -- a company's picklist spells its country out, but for every fourth company
    case
        when hash(kept_accounts.account_id) % 4 = 0 then kept_accounts.country
        else coalesce(
            (
                select max(country_name) from country_names
                where country_code = upper(trim(kept_accounts.country))
            ),
            kept_accounts.country
        )
    end as company_country_as_written
from kept_contacts
inner join (
    select contact_key, row_number() over (order by contact_key) as number
    from (select distinct trim(contact_id) as contact_key from kept_contacts)
) as numbered
    on trim(kept_contacts.contact_id) = numbered.contact_key
left join kept_accounts
    on trim(kept_contacts.account_id) = trim(kept_accounts.account_id);

-- every 29th lead with activity was entered twice and merged: the duplicate (id + 5000000)
-- holds half its activity
create or replace temp view merged_pairs as
select number as survivor_id, number + 5000000 as merged_id
from leads
where number % 29 = 0 and trim(contact_id) in (select contact_id from kept_events);

create table {target}.lead as
select
    number as id,
    false as _fivetran_deleted,
    email,
    job_title as title,
    phone,
    country,
    is_decision_maker as is_decision_maker_c,
    upper(trim(lead_source)) as lead_source,
    company,
    -- as typed: no scheme
    case when company_domain is not null then 'www.' || company_domain end as website,
    company_industry as industry,
    company_employee_count as number_of_employees,
    company_annual_revenue as annual_revenue,
    company_country_as_written as billing_country,
    department as department_c,
    years_in_role as years_in_role_c,
    created_at,
    updated_at,
    {synced_at} as _fivetran_synced
from leads
union all
select merged_id, true, 'old.' || merged_id || '@example.com', 'Intern', null, 'Atlantis', false,
    'OTHER', null, null, null, null, null, null, null, null, timestamp '2025-01-01',
    timestamp '2025-01-02', {synced_at}
from merged_pairs
union all
-- deleted leads still synced as rows (the other ten deleted are gone from the table)
select 9000000 + n, true, 'deleted' || n || '@gone.example.com', 'Chief Executive Officer', null,
    'United States', true, 'PAID_SEARCH', 'Gone Inc', 'www.gone.example.com', 'Software', 5000,
    1e9, 'United States', 'Sales', 10, timestamp '2026-01-01', timestamp '2026-09-01',
    {synced_at}
from range(1, 11) as deleted(n);

create table {target}.activity_merge_leads as
select
    'merge-' || survivor_id as id,
    survivor_id as lead_id,
    '[' || merged_id || ']' as merge_ids,
    timestamp '2025-02-01 00:00:00' as activity_date,
    {synced_at} as _fivetran_synced
from merged_pairs;

create table {target}.activity_delete_lead as
select
    'delete-' || n as id,
    9000000 + n as lead_id,
    timestamp '2026-09-15 00:00:00' as activity_date,
    {synced_at} as _fivetran_synced
from range(1, 21) as deleted(n);

-- the demo's activity as Marketo records it, numbered in one sequence (chats: not recorded)
create or replace temp table marketo_activity as
select
    row_number() over (order by kept_events.occurred_at, kept_events.event_id) as activity_id,
    kept_events.*,
    leads.number as survivor_id,
    case
        when merged_pairs.merged_id is not null and hash(kept_events.event_id) % 2 = 0
            then merged_pairs.merged_id
        else leads.number
    end as lead_id
from kept_events
inner join leads
    on kept_events.contact_id = trim(leads.contact_id)
left join merged_pairs
    on leads.number = merged_pairs.survivor_id
where kept_events.event_type != 'chat_started';

create table {target}.activity_open_email as
select activity_id as id, lead_id, occurred_at as activity_date, subject as primary_attribute_value,
    {synced_at} as _fivetran_synced
from marketo_activity where event_type = 'email_open'
union all
select 900000000 + n, 9000000 + n, timestamp '2026-09-02', 'newsletter-2026-09', {synced_at}
from range(1, 21) as deleted(n);

create table {target}.activity_click_email as
select activity_id as id, lead_id, occurred_at as activity_date, subject as primary_attribute_value,
    'https://www.example.com/newsletter' as link, {synced_at} as _fivetran_synced
from marketo_activity where event_type = 'email_click';

create table {target}.activity_unsubscribe_email as
select activity_id as id, lead_id, occurred_at as activity_date, subject as primary_attribute_value,
    {synced_at} as _fivetran_synced
from marketo_activity where event_type = 'unsubscribe';

create table {target}.activity_fill_out_form as
select activity_id as id, lead_id, occurred_at as activity_date, subject as primary_attribute_value,
    {synced_at} as _fivetran_synced
from marketo_activity
where event_type in ('form_submission', 'demo_request', 'contact_request', 'content_download')
union all
select 910000000 + n, 9000000 + n, timestamp '2026-09-03', 'Demo request', {synced_at}
from range(1, 21) as deleted(n);

-- page visits with the site's host and, for every third, a tracking query string
create table {target}.activity_visit_webpage as
select
    activity_id as id,
    lead_id,
    occurred_at as activity_date,
    subject as primary_attribute_value,
    'https://www.example.com' || subject
    || case when activity_id % 3 = 0 then '?utm_source=newsletter&utm_medium=email' else '' end
        as webpage_url,
    {synced_at} as _fivetran_synced
from marketo_activity where event_type = 'page_view';

create table {target}.activity_change_status_in_progression as
select
    activity_id as id,
    lead_id,
    occurred_at as activity_date,
    subject as primary_attribute_value,
    case event_type when 'webinar_registration' then 'Registered' else 'Attended' end
        as new_status,
    {synced_at} as _fivetran_synced
from marketo_activity
where event_type in ('webinar_registration', 'webinar_attendance');

-- every 17th lead joined the newsletter list when it was created
create table {target}.activity_add_to_list as
select
    800000000 + number as id,
    number as lead_id,
    created_at as activity_date,
    'Newsletter subscribers' as primary_attribute_value,
    {synced_at} as _fivetran_synced
from leads
where number % 17 = 0 and created_at is not null;

-- a demo conversion is the lead's status set to Customer; traps: other field changes
create table {target}.activity_change_data_value as
select
    'status-' || conversion_number as id,
    leads.number as lead_id,
    kept_conversions.converted_at as activity_date,
    'Lead Status' as primary_attribute_value,
    'Customer' as new_value,
    'MQL' as old_value,
    {synced_at} as _fivetran_synced
from kept_conversions
inner join leads
    on kept_conversions.contact_id = trim(leads.contact_id)
union all
select 'mql-' || number, number, timestamp '2026-08-01', 'Lead Status', 'MQL', 'New', {synced_at}
from leads where number % 13 = 0
union all
select 'title-' || number, number, timestamp '2026-07-01', 'Job Title', 'Director', 'Manager',
    {synced_at}
from leads where number % 19 = 0
union all
-- unsubscribed by an import or a rep: a field change, no unsubscribe e-mail activity
select 'unsub-' || number, number, timestamp '2026-08-20', 'Unsubscribed', 'true', 'false',
    {synced_at}
from leads where number % 23 = 0;

-- what the staging must give back, in the contract's shape
create table {expected}.contacts as
select
    cast(number as varchar) as contact_id,
    lower(trim(company)) as account_id,
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
from leads;

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

_WRITERS = {"hubspot": _HUBSPOT, "salesforce": _SALESFORCE, "marketo": _MARKETO}

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


def write_older_connector(con: duckdb.DuckDBPyConnection, crm: str, schema: str) -> None:
    """Rewrite the loader tables ``write`` wrote into ``schema`` as an older version of the
    CRM's connector wrote them (HubSpot: ``hs_calculated_merged_vids``, ``is_deleted`` only,
    ``closed_won``, the engagement's own ``active`` and ``timestamp``, submissions without
    ``conversion_id`` and ``page_url``, no ``email_subscription_change``). What a staging
    reading them loses is what it must warn about; ``<schema>_expected`` is left as is."""
    if crm not in _OLDER_CONNECTORS:
        raise ValueError(f"no older connector shape for {crm!r}: {', '.join(_OLDER_CONNECTORS)}")
    con.execute(_OLDER_CONNECTORS[crm].format(target=schema))

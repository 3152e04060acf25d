create schema {target};

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


create schema {target};

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

-- demo requests as meetings (an Event two days later), contact requests as calls (a Task the
-- next day), each kind numbered in its own id sequence
create or replace temp table sf_engagements as
select
    case when event_type = 'demo_request' then 'meeting' else 'call' end as kind,
    sf_number_id(
        case when event_type = 'demo_request' then '00U' else '00T' end,
        row_number() over (partition by event_type order by occurred_at, event_id)
    ) as id,
    recorded_on,
    person_sf_id,
    occurred_at
    + case when event_type = 'demo_request' then interval 2 day else interval 1 day end
        as engaged_at
from sf_activity
where event_type in ('demo_request', 'contact_request');

create table {target}.event as
select
    id,
    recorded_on as who_id,
    false as is_deleted,
    'Demo' as subject,
    engaged_at as start_date_time,
    engaged_at as activity_date_time,
    {synced_at} as _fivetran_synced
from sf_engagements
where kind = 'meeting';

create table {target}.task as
select
    id,
    recorded_on as who_id,
    false as is_deleted,
    'Call' as task_subtype,
    'Call' as type,
    'Call back' as subject,
    engaged_at as created_date,
    {synced_at} as _fivetran_synced
from sf_engagements
where kind = 'call'
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


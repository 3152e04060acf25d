create schema {target};

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


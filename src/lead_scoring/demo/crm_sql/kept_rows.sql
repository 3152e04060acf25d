-- the demo's rows the contract's staging keeps, which every CRM shape writes
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

{#- Every row of HubSpot's activity tables as a contract event (e-mail events, subscription
    changes, form submissions, list memberships, engagements), with its contact resolved
    and, for a row not staged as read, why: `crm_reason` (null when passed as is;
    crm_is_staged says which reasons still stage). Rows keyed by an address and rows keyed
    by a contact id are resolved apart. -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

recipient_activity_rows as (

    select * from {{ ref('crm_hubspot__recipient_activity_rows') }}

),

contact_activity_rows as (

    select * from {{ ref('crm_hubspot__contact_activity_rows') }}

),

unioned as (

    select * from recipient_activity_rows
    union all
    select * from contact_activity_rows

),

final as (

    select
        crm_table,
        event_id,
        crm_contact_key,
        contact_id,
        event_type,
        subject,
        occurred_at,
        crm_reason
    from unioned

)

select * from final

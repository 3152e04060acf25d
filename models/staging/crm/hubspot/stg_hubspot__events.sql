{#- HubSpot's activity as the contract's event log: the rows of base_hubspot__activity_rows
    it stages (e-mail events on their recipient's contact, activity of merged-away contacts
    on the survivor). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

activity_rows as (

    select * from {{ ref('base_hubspot__activity_rows') }}

),

final as (

    select
        event_id,
        contact_id,
        event_type,
        subject,
        occurred_at
    from activity_rows
    where is_staged

)

select * from final

{#- Salesforce's activity as the contract's event log: the rows of
    base_salesforce__activity_rows it stages (a merged-away record's and a converted lead's
    activity on the person it became). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

with

activity_rows as (

    select * from {{ ref('base_salesforce__activity_rows') }}

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

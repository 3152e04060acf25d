{#- Marketo's activity as the contract's event log: the rows of base_marketo__activity_rows
    it stages (a merged-away lead's activity on the survivor). -#}
{{ config(enabled=input_crm() == 'marketo') }}

with

activity_rows as (

    select * from {{ ref('base_marketo__activity_rows') }}

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

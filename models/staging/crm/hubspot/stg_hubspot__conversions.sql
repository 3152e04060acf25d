{#- Closed-won HubSpot deals as the contract's conversions: one per deal and contact (the
    deal's contacts, merged-away ones on their survivor). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

deal_contact_rows as (

    select * from {{ ref('base_hubspot__deal_contact_rows') }}

),

final as (

    select
        contact_id,
        converted_at,
        product
    from deal_contact_rows
    where is_staged

)

select * from final

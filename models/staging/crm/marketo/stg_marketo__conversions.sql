{#- Leads whose status became Customer as the contract's conversions. -#}
{{ config(enabled=input_crm() == 'marketo') }}

with

conversion_rows as (

    select * from {{ ref('base_marketo__conversion_rows') }}

),

final as (

    select
        contact_id,
        converted_at,
        product
    from conversion_rows
    where is_staged

)

select * from final

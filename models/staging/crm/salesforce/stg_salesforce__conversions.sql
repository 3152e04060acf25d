{#- Won Salesforce opportunities as the contract's conversions: one per opportunity and
    contact role (else per contact of its account). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

with

opportunity_contact_rows as (

    select * from {{ ref('base_salesforce__opportunity_contact_rows') }}

),

final as (

    select
        contact_id,
        converted_at,
        product
    from opportunity_contact_rows
    where is_staged

)

select * from final

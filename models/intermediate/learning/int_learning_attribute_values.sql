{#- What a learned fit rule can test: every attribute of every lead, as the grid reads it. -#}
with

attribute_values as (

    select * from {{ ref('int_contact_attribute_values_all') }}

),

leads as (

    select * from {{ ref('int_learning_leads') }}

),

final as (

    select
        attribute_values.contact_id,
        attribute_values.attribute,
        attribute_values.attribute_value,
        attribute_values.attribute_number
    from attribute_values
    inner join leads
        on attribute_values.contact_id = leads.contact_id
    where {{ is_attribute_value_as_of('attribute_values.days_earlier', 0) }}

)

select * from final

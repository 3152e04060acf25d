with

contact_attributes as (

    select * from {{ ref('int_contact_attribute_values_tested') }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

range_attributes as (

    select distinct attribute
    from grid_rules
    where operator in {{ fit_operators_reading('range') }}

),

final as (

    -- a value a range rule compares must be a number: one that is not matches nothing
    select
        'attribute_values' as input_table,
        case
            when contact_attributes.attribute_number is null then 'reported' else 'scored'
        end as outcome,
        case
            when contact_attributes.attribute_number is null then 'non_numeric_between_value'
            else 'scored'
        end as reason,
        contact_attributes.contact_id || ' ' || contact_attributes.attribute || ' = '
        || contact_attributes.attribute_value as example_key
    from contact_attributes
    inner join range_attributes
        on contact_attributes.attribute = range_attributes.attribute
    where {{ is_attribute_value_as_of('contact_attributes.days_earlier', 0) }}

)

select * from final

{#- Each contact's conversions per conversion scope: a product, or every product (a null
    conversion_product). The one place that decides who is already a customer and when a
    contact first converted after the as-of date; a scoring model reads the scope of its
    conversion_product, audiences and learning theirs. -#}
{{ config(materialized='table') }}

with

conversions_by_product as (

    select * from {{ ref('int_contact_product_conversions') }}

),

scoring_run as (

    select
        {{ scoring_as_of_date() }} as as_of_date,
        {{ calibration_start_date() }} as calibration_start_date

),

conversion_scopes as (

    -- every product converted to, and null: any product
    select distinct product as conversion_product
    from conversions_by_product
    where product is not null

    union all

    select cast(null as {{ dbt.type_string() }}) as conversion_product

),

scoped_conversions as (

    select
        {% for dated in ['as_of', 'calibration_start'] -%}
            max(
                case when conversions_by_product.has_converted_by_{{ dated }} then 1 else 0 end
            ) = 1 as has_converted_by_{{ dated }},
            min(conversions_by_product.first_converted_date_after_{{ dated }})
                as first_converted_date_after_{{ dated }},
        {% endfor -%}
        conversions_by_product.contact_id,
        conversion_scopes.conversion_product
    from conversions_by_product
    inner join conversion_scopes
        on
            conversion_scopes.conversion_product is null
            or conversions_by_product.product = conversion_scopes.conversion_product
    group by conversions_by_product.contact_id, conversion_scopes.conversion_product

),

final as (

    -- the same dating at the calibration window's start (conversion_horizon_days before
    -- the as-of date): who was a customer then, and how long the first conversion after it
    -- took
    select
        scoped_conversions.contact_id,
        scoped_conversions.conversion_product,
        scoped_conversions.has_converted_by_as_of as is_existing_customer,
        scoped_conversions.first_converted_date_after_as_of,
        {{ dbt.datediff(
            'scoring_run.as_of_date',
            'scoped_conversions.first_converted_date_after_as_of',
            'day'
        ) }} as days_to_conversion,
        scoped_conversions.has_converted_by_calibration_start
            as is_customer_at_calibration_start,
        {{ dbt.datediff(
            'scoring_run.calibration_start_date',
            'scoped_conversions.first_converted_date_after_calibration_start',
            'day'
        ) }} as days_to_conversion_after_calibration_start
    from scoped_conversions
    cross join scoring_run

)

select * from final

with

conversions_by_product as (

    select * from {{ ref('int_contact_conversions_by_product') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

model_conversions as (

    -- a model with a conversion_product counts only that product's conversions; one with
    -- none counts every conversion
    select
        conversions_by_product.contact_id,
        scoring_models.scoring_model,
        max(
            case when conversions_by_product.has_converted_by_as_of then 1 else 0 end
        ) = 1 as is_existing_customer,
        min(conversions_by_product.first_converted_date_after_as_of)
            as first_converted_date_after_as_of
    from conversions_by_product
    inner join scoring_models
        on
            scoring_models.conversion_product is null
            or conversions_by_product.product = scoring_models.conversion_product
    group by 1, 2

),

final as (

    select
        model_conversions.contact_id,
        model_conversions.scoring_model,
        model_conversions.is_existing_customer,
        model_conversions.first_converted_date_after_as_of,
        {{ dbt.datediff(
            'scoring_run.as_of_date',
            'model_conversions.first_converted_date_after_as_of',
            'day'
        ) }} as days_to_conversion
    from model_conversions
    cross join scoring_run

)

select * from final

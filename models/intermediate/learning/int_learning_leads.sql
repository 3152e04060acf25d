{#- The leads `lead-scoring learn` fits a grid on: every contact that is not yet a customer
    (of the learned product) on the as-of date, with its outcome. -#}
with

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

conversions_by_product as (

    select * from {{ ref('int_contact_conversions_by_product') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

learned_product as (

    select {{ learning_conversion_product() }} as product

),

contact_conversions as (

    -- the conversions of the learned product (every conversion when it names none)
    select
        conversions_by_product.contact_id,
        max(
            case when conversions_by_product.has_converted_by_as_of then 1 else 0 end
        ) = 1 as is_existing_customer,
        min(conversions_by_product.first_converted_date_after_as_of)
            as first_converted_date_after_as_of
    from conversions_by_product
    cross join learned_product
    where
        learned_product.product is null
        or conversions_by_product.product = learned_product.product
    group by conversions_by_product.contact_id

),

outcomes as (

    select
        contacts.contact_id,
        coalesce(contact_conversions.is_existing_customer, false) as is_existing_customer,
        {{ dbt.datediff(
            'scoring_run.as_of_date',
            'contact_conversions.first_converted_date_after_as_of',
            'day'
        ) }} as days_to_conversion
    from contacts
    cross join scoring_run
    left join contact_conversions
        on contacts.contact_id = contact_conversions.contact_id

),

final as (

    -- lead_key orders the leads the same way on every engine (hex digests of the same ids)
    -- and scatters them, so the learner's folds depend on no table order
    select
        contact_id,
        {{ dbt.hash('contact_id') }} as lead_key,
        {{ is_positive_outcome('is_existing_customer', 'days_to_conversion') }} as is_positive
    from outcomes
    where not is_existing_customer

)

select * from final

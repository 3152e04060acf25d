{#- The leads `lead-scoring learn` fits a grid on: every contact that is not yet a customer
    (of the learned product) on the as-of date, with its outcome. -#}
with

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}

),

conversion_outcomes as (

    select * from {{ ref('int_contact_conversion_scopes') }}

),

learned_product as (

    select {{ learning_conversion_product() }} as product

),

outcomes as (

    -- the conversions of the learned product (every conversion when it names none)
    select
        contacts.contact_id,
        coalesce(conversion_outcomes.is_existing_customer, false) as is_existing_customer,
        conversion_outcomes.days_to_conversion
    from contacts
    cross join learned_product
    left join conversion_outcomes
        on
            contacts.contact_id = conversion_outcomes.contact_id
            and {{ is_conversion_scope_of(
                'learned_product.product', 'conversion_outcomes.conversion_product'
            ) }}

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

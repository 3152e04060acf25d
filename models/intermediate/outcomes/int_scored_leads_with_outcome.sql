with

graded as (

    select * from {{ ref('int_contact_points_graded') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

conversion_outcomes as (

    select * from {{ ref('int_contact_conversion_scopes') }}

),

final as (

    -- a lead is positive when it converts after the as-of date and within the horizon
    -- (conversions of the model's product, when it names one); only the contacts in a
    -- model's audience are scored, so only they are evaluated
    select
        graded.contact_id,
        graded.scoring_model,
        graded.total_points,
        graded.fit_grade,
        graded.activity_grade,
        graded.grade,
        graded.zone,
        graded.is_mql,
        coalesce(conversion_outcomes.is_existing_customer, false) as is_existing_customer,
        {{ is_positive_outcome(
            'conversion_outcomes.is_existing_customer',
            'conversion_outcomes.days_to_conversion'
        ) }} as is_positive,
        case
            when not conversion_outcomes.is_existing_customer
                then conversion_outcomes.days_to_conversion
        end as days_to_conversion
    from graded
    inner join scoring_models
        on graded.scoring_model = scoring_models.scoring_model
    -- the model's conversion scope: its product, or any (null; products are never blank)
    left join conversion_outcomes
        on
            graded.contact_id = conversion_outcomes.contact_id
            and {{ is_conversion_scope_of(
                'scoring_models.conversion_product', 'conversion_outcomes.conversion_product'
            ) }}

)

select * from final

{#- The calibration window (SPEC section 8): the leads each model scored as of the window's
    start, conversion_horizon_days (H) before the as-of date A, with their outcome in
    (A - H, A]. -#}

with

graded_at_start as (

    -- activity as of the window's start; fit from today's attributes (no attribute history)
    select * from {{ ref('int_contact_points_graded_earlier') }}
    where days_earlier = {{ conversion_horizon_days() }}

),

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}

),

audience_at_start as (

    select * from {{ ref('int_contact_model_audiences_at_calibration_start') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

conversion_outcomes as (

    select * from {{ ref('int_contact_conversion_scopes') }}

),

final as (

    -- the model's audience then (lead.is_customer as of then) and contacts that existed
    -- then (created on or before the window's start; an unknown creation date counts as
    -- existing); customers then (in the model's conversion scope) are left out, as in the
    -- evaluation; positive = converted within H days after it
    select
        graded_at_start.contact_id,
        graded_at_start.scoring_model,
        {{ calibration_start_date() }} as scored_as_of,
        graded_at_start.total_points,
        graded_at_start.grade,
        graded_at_start.zone,
        {{ is_positive_outcome(
            'conversion_outcomes.is_customer_at_calibration_start',
            'conversion_outcomes.days_to_conversion_after_calibration_start'
        ) }} as is_positive
    from graded_at_start
    inner join audience_at_start
        on
            graded_at_start.contact_id = audience_at_start.contact_id
            and graded_at_start.scoring_model = audience_at_start.scoring_model
    inner join contacts
        on graded_at_start.contact_id = contacts.contact_id
    inner join scoring_models
        on graded_at_start.scoring_model = scoring_models.scoring_model
    left join conversion_outcomes
        on
            graded_at_start.contact_id = conversion_outcomes.contact_id
            and {{ is_conversion_scope_of(
                'scoring_models.conversion_product', 'conversion_outcomes.conversion_product'
            ) }}
    where
        (
            contacts.created_at is null
            or cast(contacts.created_at as date) <= {{ calibration_start_date() }}
        )
        and not coalesce(conversion_outcomes.is_customer_at_calibration_start, false)

)

select * from final

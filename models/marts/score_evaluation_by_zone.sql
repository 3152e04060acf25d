{#- Expected against actual conversions per scoring model and zone (SPEC section 8): the
    leads scored at the as-of date (existing customers left out, as in the evaluation), the
    sum of their conversion probabilities (the expected conversions within the horizon) and
    those that converted within it (the actual ones): the same leads and the same horizon,
    as the backtest Brier score of score_calibration compares them. -#}
-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

lead_outcomes as (

    select * from {{ ref('int_scored_leads_with_outcome') }}

),

probabilities as (

    select * from {{ ref('int_grade_cell_conversion_probabilities') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

zones as (

    {{ zone_ranks() }}

),

evaluated_leads as (

    -- existing customers (converted on or before the as-of date) are not leads any more
    select * from lead_outcomes
    where not is_existing_customer

),

zone_counts as (

    select
        evaluated_leads.scoring_model,
        evaluated_leads.zone,
        count(*) as leads,
        sum(case when evaluated_leads.is_positive then 1 else 0 end) as conversions,
        sum(probabilities.conversion_probability) as expected_conversions
    from evaluated_leads
    left join probabilities
        on
            evaluated_leads.scoring_model = probabilities.scoring_model
            and evaluated_leads.grade = probabilities.grade
    group by 1, 2

),

final as (

    -- every zone of each model, so that an empty zone shows 0 leads
    select
        scoring_models.scoring_model,
        zones.zone,
        cast(zones.zone_rank as {{ dbt.type_int() }}) as zone_rank,
        cast(coalesce(zone_counts.leads, 0) as {{ dbt.type_int() }}) as leads,
        cast(
            -- an empty zone expects none; a model without window leads has no probability
            case when zone_counts.leads is null then 0 else zone_counts.expected_conversions end
            as {{ number_type() }}
        ) as expected_conversions,
        cast(coalesce(zone_counts.conversions, 0) as {{ dbt.type_int() }}) as conversions,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast({{ conversion_horizon_days() }} as {{ dbt.type_int() }}) as conversion_horizon_days
    from scoring_models
    cross join zones
    left join zone_counts
        on
            scoring_models.scoring_model = zone_counts.scoring_model
            and zones.zone = zone_counts.zone

)

select * from final

-- a table kept across runs (rescored_model_config): int_contact_next_steps reads the rows of
-- the contacts it computes again, and the key test reads the table (as a view, a daily run
-- computed every contact's tiers before keeping the rescored ones: 25 s of CPU at 1M contacts)
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

graded as (

    select * from {{ ref('int_contact_points_graded') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

activity_tiers as (

    select * from {{ ref('int_grid_activity_tiers') }}

),

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}
    where dimension = 'activity'
    {{- lead_scoring.rescored_contacts_only(since, keyword='and') }}

),

lead_criteria as (

    -- every activity criterion of a lead's model, with 0 events and 0 points where the
    -- lead has no counted event yet; hot leads have no next zone
    select
        graded.contact_id,
        graded.scoring_model,
        graded.zone as zone_now,
        graded.fit_points,
        graded.activity_points,
        graded.total_points,
        activity_criteria.criterion,
        activity_criteria.label,
        activity_criteria.display_order,
        activity_criteria.max_points,
        coalesce(criterion_points.event_count, 0) as event_count,
        coalesce(criterion_points.uncapped_points, 0) as uncapped_points,
        coalesce(criterion_points.points, 0) as points
    from graded
    inner join activity_criteria
        on graded.scoring_model = activity_criteria.scoring_model
    left join criterion_points
        on
            graded.contact_id = criterion_points.contact_id
            and graded.scoring_model = criterion_points.scoring_model
            and activity_criteria.criterion = criterion_points.criterion
    where not graded.is_mql

),

higher_tiers as (

    -- the tiers beyond the lead's count whose capped points are positive and above the
    -- criterion's capped points now: a negative criterion or one at its cap has none
    select
        lead_criteria.*,
        activity_tiers.min_event_count,
        {{ capped_points('activity_tiers.points', 'lead_criteria.max_points') }}
            as points_after,
        row_number() over (
            partition by
                lead_criteria.contact_id,
                lead_criteria.scoring_model,
                lead_criteria.criterion
            order by activity_tiers.min_event_count
        ) as tier_order
    from lead_criteria
    inner join activity_tiers
        on
            lead_criteria.scoring_model = activity_tiers.scoring_model
            and lead_criteria.criterion = activity_tiers.criterion
    where
        activity_tiers.min_event_count > lead_criteria.event_count
        and {{ capped_points('activity_tiers.points', 'lead_criteria.max_points') }} > 0
        and {{ capped_points('activity_tiers.points', 'lead_criteria.max_points') }}
        > {{ capped_points('lead_criteria.uncapped_points', 'lead_criteria.max_points') }}

),

final as (

    -- the nearest such tier; the k events are dated on the as-of date, so the points after
    -- them do not decay (decay factor 1) while the points now may have
    select
        contact_id,
        scoring_model,
        zone_now,
        fit_points,
        activity_points,
        total_points,
        criterion,
        label,
        display_order,
        event_count,
        cast(min_event_count - event_count as {{ dbt.type_int() }}) as events_needed,
        cast(points as {{ dbt.type_int() }}) as points_now,
        cast(points_after as {{ dbt.type_int() }}) as points_after,
        cast(points_after - points as {{ dbt.type_int() }}) as points_gained,
        {{ lead_scoring.run_timestamp() }} as rescored_at
    from higher_tiers
    where tier_order = 1

)

select * from final

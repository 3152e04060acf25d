-- a table kept across runs (rescored_model_config): lead_next_steps and the rep's signals of
-- lead_scores both read it (as a view, two builds of it at once passed DuckDB's memory limit at 1M
-- contacts)
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

next_tiers as (

    select * from {{ ref('int_contact_criterion_next_tiers') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

zone_ranks as (

    {{ zone_ranks() }}

),

points_after as (

    -- the lead's points with only this criterion's change
    select
        next_tiers.contact_id,
        next_tiers.scoring_model,
        next_tiers.criterion,
        next_tiers.label,
        next_tiers.display_order,
        next_tiers.events_needed,
        next_tiers.points_gained,
        next_tiers.zone_now,
        next_tiers.fit_points,
        next_tiers.activity_points + next_tiers.points_gained as activity_points,
        next_tiers.total_points + next_tiers.points_gained as total_points
    from next_tiers

),

graded_after as (

    {{ graded_points('points_after') }}

),

steps as (

    -- a lead with no zone now reaches one with any zone after
    select
        graded_after.contact_id,
        graded_after.scoring_model,
        graded_after.criterion,
        graded_after.label,
        graded_after.display_order,
        graded_after.events_needed,
        graded_after.points_gained,
        graded_after.zone as zone_after,
        coalesce(
            ranks_after.zone_rank < ranks_now.zone_rank,
            ranks_now.zone_rank is null and ranks_after.zone_rank is not null
        ) as reaches_next_zone
    from graded_after
    left join zone_ranks as ranks_now
        on graded_after.zone_now = ranks_now.zone
    left join zone_ranks as ranks_after
        on graded_after.zone = ranks_after.zone

),

final as (

    select
        steps.*,
        cast(row_number() over (
            partition by steps.contact_id, steps.scoring_model
            order by
                case when steps.reaches_next_zone then 0 else 1 end asc,
                steps.events_needed asc,
                steps.points_gained desc,
                steps.display_order asc,
                steps.criterion asc
        ) as {{ dbt.type_int() }}) as step_rank
    from steps

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

next_steps as (

    select * from {{ ref('int_contact_next_steps') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

final as (

    select
        next_steps.contact_id,
        next_steps.scoring_model,
        scoring_run.as_of_date as scored_as_of,
        next_steps.criterion,
        next_steps.label,
        next_steps.events_needed,
        next_steps.points_gained,
        next_steps.zone_after,
        next_steps.reaches_next_zone,
        next_steps.step_rank
    from next_steps
    cross join scoring_run

)

select * from final

-- a table, not a view: lead_scores, lead_score_details and their tests all read it, and
-- recomputing it from the event log for each of them cost more than storing it once
-- (bench/RESULTS.md)
{{ config(materialized='table') }}

with

activity_points as (

    select * from {{ ref('int_contact_activity_points') }}

),

fit_points as (

    select * from {{ ref('int_contact_fit_points') }}

),

final as (

    select
        contact_id,
        scoring_model,
        dimension,
        criterion,
        label,
        display_order,
        event_count,
        uncapped_points,
        points,
        max_points
    from activity_points
    union all
    select
        contact_id,
        scoring_model,
        dimension,
        criterion,
        label,
        display_order,
        event_count,
        uncapped_points,
        points,
        max_points
    from fit_points

)

select * from final

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

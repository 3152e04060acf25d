with

activity_counts as (

    select * from {{ ref('int_contact_activity_counts') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

tiered as (

    -- the highest tier reached counts; a blank tier keeps the previous tier's points
    select
        activity_counts.contact_id,
        activity_counts.scoring_model,
        activity_counts.criterion,
        activity_criteria.label,
        activity_criteria.display_order,
        activity_criteria.max_points,
        activity_counts.event_count,
        case
            when activity_counts.event_count >= 10
                then coalesce(
                    activity_criteria.points_10_plus,
                    activity_criteria.points_5_plus,
                    activity_criteria.points_2_plus,
                    activity_criteria.points_1_plus,
                    0
                )
            when activity_counts.event_count >= 5
                then coalesce(
                    activity_criteria.points_5_plus,
                    activity_criteria.points_2_plus,
                    activity_criteria.points_1_plus,
                    0
                )
            when activity_counts.event_count >= 2
                then coalesce(
                    activity_criteria.points_2_plus,
                    activity_criteria.points_1_plus,
                    0
                )
            when activity_counts.event_count >= 1
                then coalesce(activity_criteria.points_1_plus, 0)
            else 0
        end as uncapped_points
    from activity_counts
    inner join activity_criteria
        on
            activity_counts.scoring_model = activity_criteria.scoring_model
            and activity_counts.criterion = activity_criteria.criterion

),

capped as (

    -- the cap of a negative criterion is a floor
    select
        *,
        case
            when max_points is null then uncapped_points
            when max_points >= 0 then least(uncapped_points, max_points)
            else greatest(uncapped_points, max_points)
        end as points
    from tiered

),

final as (

    select
        contact_id,
        scoring_model,
        'activity' as dimension,
        criterion,
        label,
        display_order,
        event_count,
        uncapped_points,
        points,
        max_points
    from capped

)

select * from final

{#- Every "highest minimum reached" scale of the grid in one shape: the fit and activity
    grade bands and the total-points zone thresholds. A step runs from its minimum
    (inclusive; blank = no lower bound) up to the next step's minimum. Grading and zoning
    read their steps from here. -#}

with

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

zone_thresholds as (

    select * from {{ ref('stg_grid__zone_thresholds') }}

),

steps as (

    select
        scoring_model,
        dimension as scale,
        grade as step,
        min_points
    from grade_bands
    union all
    select
        scoring_model,
        'total' as scale,
        zone as step,
        min_total_points as min_points
    from zone_thresholds

),

final as (

    select
        scoring_model,
        scale,
        step,
        min_points,
        lead(min_points) over (
            partition by scoring_model, scale
            order by min_points nulls first
        ) as next_min_points
    from steps

)

select * from final

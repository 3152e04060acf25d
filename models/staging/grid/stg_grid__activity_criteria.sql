with

source as (

    select * from {{ grid_seed('grid_activity_criteria') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        trim(criterion) as criterion,
        trim(label) as label,
        cast(points_1_plus as {{ dbt.type_int() }}) as points_1_plus,
        cast(points_2_plus as {{ dbt.type_int() }}) as points_2_plus,
        cast(points_5_plus as {{ dbt.type_int() }}) as points_5_plus,
        cast(points_10_plus as {{ dbt.type_int() }}) as points_10_plus,
        cast(max_points as {{ dbt.type_int() }}) as max_points,
        cast(lookback_days as {{ dbt.type_int() }}) as lookback_days,
        cast(decay_half_life_days as {{ dbt.type_int() }}) as decay_half_life_days,
        cast(display_order as {{ dbt.type_int() }}) as display_order
    from source

)

select * from final

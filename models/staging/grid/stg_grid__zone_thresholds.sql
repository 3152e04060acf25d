with

source as (

    select * from {{ grid_seed('grid_zone_thresholds') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        {{ normalized_text('zone') }} as zone,
        cast(min_total_points as {{ dbt.type_int() }}) as min_total_points
    from source

)

select * from final

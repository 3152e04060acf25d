with

source as (

    select * from {{ grid_seed('grid_scoring_models') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        trim(label) as label,
        {{ normalized_text('zone_method') }} as zone_method,
        {{ normalized_text('conversion_product') }} as conversion_product,
        cast(surge_points as {{ dbt.type_int() }}) as surge_points
    from source

)

select * from final

with

source as (

    select * from {{ grid_seed('grid_fit_rules') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        trim(criterion) as criterion,
        trim(label) as label,
        {{ normalized_text('attribute') }} as attribute,
        {{ normalized_text('operator') }} as operator,
        {{ normalized_text('value') }} as value,
        cast(points as {{ dbt.type_int() }}) as points,
        cast(display_order as {{ dbt.type_int() }}) as display_order
    from source

)

select * from final

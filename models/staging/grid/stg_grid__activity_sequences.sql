with

source as (

    select * from {{ grid_seed('grid_activity_sequences') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        trim(criterion) as criterion,
        trim(label) as label,
        trim(first_criterion) as first_criterion,
        trim(then_criterion) as then_criterion,
        cast(within_days as {{ dbt.type_int() }}) as within_days,
        cast(points as {{ dbt.type_int() }}) as points,
        cast(display_order as {{ dbt.type_int() }}) as display_order
    from source

)

select * from final

with

source as (

    select * from {{ grid_seed('grid_grade_bands') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        {{ normalized_text('dimension') }} as dimension,
        upper(trim(grade)) as grade,
        cast(min_points as {{ dbt.type_int() }}) as min_points
    from source

)

select * from final

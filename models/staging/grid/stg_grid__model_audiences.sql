with

source as (

    select * from {{ grid_seed('grid_model_audiences') }}

),

final as (

    select
        trim(scoring_model) as scoring_model,
        {{ normalized_text('attribute') }} as attribute,
        {{ normalized_text('operator') }} as operator,
        {{ normalized_text('value') }} as value
    from source

)

select * from final

with

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

models_named_in_grid as (

    select scoring_model from activity_criteria
    union
    select scoring_model from fit_rules
    union
    select scoring_model from grade_bands

),

final as (

    select scoring_model
    from models_named_in_grid
    where scoring_model is not null

)

select * from final

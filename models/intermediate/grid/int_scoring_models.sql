{#- One row per scoring model of grid_scoring_models, with the grades it has: a model with
    no fit rules and no fit bands has no fit grade (likewise activity), and grades, zones
    and evaluation read that from here. -#}

with

scoring_models as (

    select * from {{ ref('stg_grid__scoring_models') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

fit_rules as (

    select * from {{ ref('stg_grid__fit_rules') }}

),

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

dimensions_used as (

    select
        scoring_model,
        'activity' as dimension
    from activity_criteria
    union
    select
        scoring_model,
        'fit' as dimension
    from fit_rules
    union
    select
        scoring_model,
        dimension
    from grade_bands

),

model_dimensions as (

    select
        scoring_model,
        max(case when dimension = 'fit' then 1 else 0 end) = 1 as has_fit_grade,
        max(case when dimension = 'activity' then 1 else 0 end) = 1 as has_activity_grade
    from dimensions_used
    group by 1

),

distinct_models as (

    -- a model listed twice is a grid error; one row is still kept so that scoring never
    -- fans out while the validation says so
    select
        scoring_model,
        min(label) as label,
        min(zone_method) as zone_method,
        min(conversion_product) as conversion_product,
        min(surge_points) as surge_points
    from scoring_models
    where scoring_model is not null
    group by 1

),

final as (

    select
        distinct_models.scoring_model,
        distinct_models.label,
        distinct_models.zone_method,
        distinct_models.conversion_product,
        distinct_models.surge_points,
        coalesce(model_dimensions.has_fit_grade, false) as has_fit_grade,
        coalesce(model_dimensions.has_activity_grade, false) as has_activity_grade
    from distinct_models
    left join model_dimensions
        on distinct_models.scoring_model = model_dimensions.scoring_model

)

select * from final

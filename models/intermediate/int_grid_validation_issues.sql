{#- Everything wrong with the grid seeds, one row per problem. The test on this model fails
    the build with the list, and the marts wait for it: an invalid grid never replaces a
    published score. -#}
with

activity_issues as (

    select * from {{ ref('int_grid_activity_issues') }}

),

fit_issues as (

    select * from {{ ref('int_grid_fit_issues') }}

),

band_issues as (

    select * from {{ ref('int_grid_band_issues') }}

),

zone_issues as (

    select * from {{ ref('int_grid_zone_issues') }}

),

model_issues as (

    select * from {{ ref('int_grid_model_issues') }}

),

all_issues as (

    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from activity_issues
    union all
    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from fit_issues
    union all
    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from band_issues
    union all
    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from zone_issues
    union all
    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from model_issues

),

final as (

    select
        grid_file,
        coalesce(scoring_model, '') as scoring_model,
        coalesce(criterion, '') as criterion,
        issue
    from all_issues

)

select * from final

{#- Problems of the zone matrix: a cell missing or listed twice, a row for an unknown fit
    letter, a zone other than hot, warm and cold. -#}
with

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

expected_cells as (

    {{ grade_cells() }}

),

zone_issues as (

    select
        scoring_model,
        coalesce(grade, '') as criterion,
        'zone "' || coalesce(zone, '') || '" is not hot, warm or cold' as issue
    from zone_matrix
    where zone is null or zone not in ('hot', 'warm', 'cold')

    union all

    select
        scoring_model,
        coalesce(fit_grade, '') as criterion,
        'zone matrix row has an unknown fit_grade (expected A-D)' as issue
    from zone_matrix
    where activity_grade = '1' and (fit_grade is null or fit_grade not in ('A', 'B', 'C', 'D'))

    union all

    select
        scoring_model,
        grade as criterion,
        'zone matrix cell is listed more than once' as issue
    from zone_matrix
    group by scoring_model, grade
    having count(*) > 1

    union all

    select
        scoring_models.scoring_model,
        expected_cells.fit_grade || expected_cells.activity_grade as criterion,
        'zone matrix cell is missing' as issue
    from scoring_models
    cross join expected_cells
    left join zone_matrix
        on
            scoring_models.scoring_model = zone_matrix.scoring_model
            and expected_cells.fit_grade = zone_matrix.fit_grade
            and expected_cells.activity_grade = zone_matrix.activity_grade
    where zone_matrix.grade is null

),

final as (

    select
        'grid_zone_matrix' as grid_file,
        scoring_model,
        criterion,
        issue
    from zone_issues

)

select * from final

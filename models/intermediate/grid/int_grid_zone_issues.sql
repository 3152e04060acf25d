{#- Zone names anywhere in the grid (matrix cells, total-points thresholds, account zones)
    other than hot, warm and cold; and problems of the zone matrix: for a model zoned by the
    matrix, a cell missing or listed twice, a row for an unknown fit letter; for any other
    model, matrix rows at all (a model uses the matrix or thresholds, not both). -#}
with

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

grade_cells as (

    select * from {{ ref('int_scoring_model_grade_cells') }}

),

zone_thresholds as (

    select * from {{ ref('stg_grid__zone_thresholds') }}

),

account_zones as (

    select * from {{ ref('stg_grid__account_zones') }}

),

zone_ranks as (

    {{ zone_ranks() }}

),

zone_names as (

    select
        'grid_zone_matrix' as grid_file,
        scoring_model,
        coalesce(grade, '') as criterion,
        zone
    from zone_matrix
    union all
    select
        'grid_zone_thresholds' as grid_file,
        scoring_model,
        coalesce(zone, '') as criterion,
        zone
    from zone_thresholds
    union all
    select
        'grid_account_zones' as grid_file,
        scoring_model,
        coalesce(zone, '') as criterion,
        zone
    from account_zones

),

matrix_cells_needed as (

    select
        scoring_model,
        fit_grade,
        activity_grade,
        grade
    from grade_cells
    where zone_method = 'matrix'

),

zone_name_issues as (

    {{ grid_rows_without_match(
        'zone_names',
        'zone_ranks',
        ['zone'],
        "'zone \"' || coalesce(zone_names.zone, '') || '\" is not hot, warm or cold'",
        grid_file='zone_names.grid_file',
    ) }}

),

zone_issues as (

    select
        scoring_model,
        coalesce(fit_grade, '') as criterion,
        'zone matrix row has an unknown fit_grade (expected A-D)' as issue
    from zone_matrix
    where
        activity_grade = '1'
        and (
            fit_grade is null
            or fit_grade not in (
                {%- for fit_grade in grade_scale()['fit'] %}
                    '{{ fit_grade }}'{{ ',' if not loop.last }}
                {%- endfor %}
            )
        )

    union all

    {{ grid_rows_listed_twice(
        'zone_matrix',
        ['scoring_model', 'grade'],
        "'zone matrix cell is listed more than once'",
        criterion='grade',
    ) }}

    union all

    {{ grid_rows_without_match(
        'matrix_cells_needed',
        'zone_matrix',
        ['scoring_model', 'fit_grade', 'activity_grade'],
        "'zone matrix cell is missing'",
        criterion='matrix_cells_needed.grade',
    ) }}

    union all

    select distinct
        zone_matrix.scoring_model,
        '' as criterion,
        'zone matrix rows for a model whose zone_method is not matrix' as issue
    from zone_matrix
    inner join scoring_models
        on zone_matrix.scoring_model = scoring_models.scoring_model
    where scoring_models.zone_method != 'matrix'

),

final as (

    select
        grid_file,
        scoring_model,
        criterion,
        issue
    from zone_name_issues
    union all
    select
        'grid_zone_matrix' as grid_file,
        scoring_model,
        criterion,
        issue
    from zone_issues

)

select * from final

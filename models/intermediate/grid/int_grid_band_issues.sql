{#- Problems of the grade bands: unknown, missing or repeated grades, and bands that are
    not strictly ordered (each grade above the next, the lowest open-ended). -#}
with

grade_bands as (

    select * from {{ ref('stg_grid__grade_bands') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

expected_grades as (

    -- every model needs each grade of each dimension once; rank 1 is the best
    {% for dimension, grades in grade_scale().items() -%}
        {% for grade in grades -%}
            select
                '{{ dimension }}' as dimension,
                '{{ grade }}' as grade,
                {{ loop.index }} as grade_rank
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

bands_needed as (

    -- a model with criteria or bands of a dimension needs each of its grades
    select
        scoring_models.scoring_model,
        expected_grades.dimension,
        expected_grades.grade
    from scoring_models
    inner join expected_grades
        on
            (expected_grades.dimension = 'fit' and scoring_models.has_fit_grade)
            or (expected_grades.dimension = 'activity' and scoring_models.has_activity_grade)

),

band_issues as (

    {{ grid_rows_without_match(
        'grade_bands',
        'expected_grades',
        ['dimension', 'grade'],
        "'unknown dimension or grade (fit grades are A-D, activity grades 4-1)'",
        criterion="coalesce(grade_bands.dimension, '') || ' ' || coalesce(grade_bands.grade, '')",
    ) }}

    union all

    {{ grid_rows_listed_twice(
        'grade_bands',
        ['scoring_model', 'dimension', 'grade'],
        "'grade band is listed more than once'",
        criterion="dimension || ' ' || grade",
    ) }}

    union all

    {{ grid_rows_without_match(
        'bands_needed',
        'grade_bands',
        ['scoring_model', 'dimension', 'grade'],
        "'grade band is missing (a model with ' || bands_needed.dimension
        || ' criteria or bands needs all four)'",
        criterion="bands_needed.dimension || ' ' || bands_needed.grade",
    ) }}

),

ranked_bands as (

    select
        grade_bands.scoring_model,
        grade_bands.dimension,
        grade_bands.grade,
        grade_bands.min_points,
        expected_grades.grade_rank,
        lead(grade_bands.min_points) over (
            partition by grade_bands.scoring_model, grade_bands.dimension
            order by expected_grades.grade_rank
        ) as next_lower_min_points,
        max(expected_grades.grade_rank) over (
            partition by grade_bands.scoring_model, grade_bands.dimension
        ) as lowest_rank
    from grade_bands
    inner join expected_grades
        on
            grade_bands.dimension = expected_grades.dimension
            and grade_bands.grade = expected_grades.grade

),

band_order_issues as (

    select
        scoring_model,
        dimension || ' ' || grade as criterion,
        'bands are not strictly ordered: each grade needs a higher min_points than the next'
            as issue
    from ranked_bands
    where
        grade_rank < lowest_rank
        and (
            min_points is null
            or (next_lower_min_points is not null and min_points <= next_lower_min_points)
        )

    union all

    select
        scoring_model,
        dimension || ' ' || grade as criterion,
        'the lowest band must have a blank min_points so that it catches every lower score'
            as issue
    from ranked_bands
    where grade_rank = lowest_rank and lowest_rank = 4 and min_points is not null

),

final as (

    select
        'grid_grade_bands' as grid_file,
        scoring_model,
        criterion,
        issue
    from band_issues
    union all
    select
        'grid_grade_bands' as grid_file,
        scoring_model,
        criterion,
        issue
    from band_order_issues

)

select * from final

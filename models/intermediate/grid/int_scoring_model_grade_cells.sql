{#- The grade cells of each scoring model: the 16 fit x activity cells of a two-dimension
    model, the 4 grades of a one-dimension model, each with its zone where the model's zone
    comes from the matrix (a model zoned by total points has no zone per cell). -#}
{%- set scale = grade_scale() -%}


with

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

fit_grades as (

    {% for grade in scale['fit'] -%}
        select
            '{{ grade }}' as fit_grade,
            {{ loop.index }} as fit_rank
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

activity_grades as (

    {% for grade in scale['activity'] -%}
        select
            '{{ grade }}' as activity_grade,
            {{ loop.index }} as activity_rank
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

model_fit_grades as (

    -- a model without a fit grade has one null fit grade, so that the cross join below
    -- still gives its activity grades
    select
        scoring_models.scoring_model,
        fit_grades.fit_grade,
        fit_grades.fit_rank
    from scoring_models
    inner join fit_grades
        on scoring_models.has_fit_grade
    union all
    select
        scoring_model,
        cast(null as {{ dbt.type_string() }}) as fit_grade,
        0 as fit_rank
    from scoring_models
    where not has_fit_grade

),

model_activity_grades as (

    select
        scoring_models.scoring_model,
        activity_grades.activity_grade,
        activity_grades.activity_rank
    from scoring_models
    inner join activity_grades
        on scoring_models.has_activity_grade
    union all
    select
        scoring_model,
        cast(null as {{ dbt.type_string() }}) as activity_grade,
        0 as activity_rank
    from scoring_models
    where not has_activity_grade

),

cells as (

    select
        model_fit_grades.scoring_model,
        model_fit_grades.fit_grade,
        model_activity_grades.activity_grade,
        {{ grade_text('model_fit_grades.fit_grade', 'model_activity_grades.activity_grade') }}
            as grade,
        -- best first: by fit letter, then by activity digit
        model_fit_grades.fit_rank * 10 + model_activity_grades.activity_rank as cell_rank
    from model_fit_grades
    inner join model_activity_grades
        on model_fit_grades.scoring_model = model_activity_grades.scoring_model

),

final as (

    select
        cells.scoring_model,
        cells.fit_grade,
        cells.activity_grade,
        cells.grade,
        cells.cell_rank,
        scoring_models.zone_method,
        case when scoring_models.zone_method = 'matrix' then zone_matrix.zone end as zone
    from cells
    inner join scoring_models
        on cells.scoring_model = scoring_models.scoring_model
    left join zone_matrix
        on
            cells.scoring_model = zone_matrix.scoring_model
            and cells.fit_grade = zone_matrix.fit_grade
            and cells.activity_grade = zone_matrix.activity_grade

)

select * from final

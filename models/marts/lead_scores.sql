-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

graded as (

    select * from {{ ref('int_contact_points_graded') }}

),

score_reasons as (

    select * from {{ ref('int_contact_score_reasons') }}

),

final as (

    select
        graded.contact_id,
        graded.account_id,
        graded.scoring_model,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast(graded.fit_points as {{ dbt.type_int() }}) as fit_points,
        cast(graded.activity_points as {{ dbt.type_int() }}) as activity_points,
        graded.fit_grade,
        graded.activity_grade,
        graded.grade,
        graded.zone,
        graded.is_mql,
        coalesce(score_reasons.score_reasons, '') as score_reasons,
        cast(graded.total_points as {{ dbt.type_int() }}) as total_points
    from graded
    left join score_reasons
        on
            graded.contact_id = score_reasons.contact_id
            and graded.scoring_model = score_reasons.scoring_model

)

select * from final

{#- How many rejection reasons each cell lists, most frequent first. -#}
{%- set top_reasons = 3 %}
-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

graded as (

    select * from {{ ref('int_contact_points_graded') }}

),

sales_feedback as (

    select * from {{ ref('int_contact_sales_feedback') }}

),

grade_cells as (

    select * from {{ ref('int_scoring_model_grade_cells') }}

),

mqls_with_feedback as (

    select
        graded.contact_id,
        graded.scoring_model,
        graded.grade,
        sales_feedback.outcome,
        coalesce(sales_feedback.reason, '(no reason given)') as reason
    from graded
    left join sales_feedback
        on graded.contact_id = sales_feedback.contact_id
    where graded.is_mql

),

cell_counts as (

    select
        scoring_model,
        grade,
        count(*) as mql_leads,
        sum(case when outcome is not null then 1 else 0 end) as mqls_with_feedback,
        sum(case when outcome = 'accepted' then 1 else 0 end) as accepted_mqls,
        sum(case when outcome = 'rejected' then 1 else 0 end) as rejected_mqls
    from mqls_with_feedback
    group by 1, 2

),

reason_counts as (

    select
        scoring_model,
        grade,
        reason,
        count(*) as rejections
    from mqls_with_feedback
    where outcome = 'rejected'
    group by 1, 2, 3

),

ranked_reasons as (

    select
        *,
        row_number() over (
            partition by scoring_model, grade
            order by rejections desc, reason asc
        ) as reason_rank
    from reason_counts

),

top_rejection_reasons as (

    select
        scoring_model,
        grade,
        {{ ordered_string_agg(
            "reason || ' (' || cast(rejections as " ~ dbt.type_string() ~ ") || ')'",
            '; ',
            ['reason_rank']
        ) }} as top_rejection_reasons
    from ranked_reasons
    where reason_rank <= {{ top_reasons }}
    group by 1, 2

),

final as (

    select
        grade_cells.scoring_model,
        grade_cells.grade,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast(coalesce(cell_counts.mql_leads, 0) as {{ dbt.type_int() }}) as mql_leads,
        cast(coalesce(cell_counts.mqls_with_feedback, 0) as {{ dbt.type_int() }})
            as mqls_with_feedback,
        cast(coalesce(cell_counts.accepted_mqls, 0) as {{ dbt.type_int() }}) as accepted_mqls,
        cast(coalesce(cell_counts.rejected_mqls, 0) as {{ dbt.type_int() }}) as rejected_mqls,
        cast(cell_counts.accepted_mqls as {{ number_type() }})
        / nullif(cell_counts.mqls_with_feedback, 0) as acceptance_rate,
        coalesce(top_rejection_reasons.top_rejection_reasons, '') as top_rejection_reasons
    from grade_cells
    left join cell_counts
        on
            grade_cells.scoring_model = cell_counts.scoring_model
            and grade_cells.grade = cell_counts.grade
    left join top_rejection_reasons
        on
            grade_cells.scoring_model = top_rejection_reasons.scoring_model
            and grade_cells.grade = top_rejection_reasons.grade

)

select * from final

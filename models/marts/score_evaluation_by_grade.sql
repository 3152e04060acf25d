-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

lead_outcomes as (

    select * from {{ ref('int_scored_leads_with_outcome') }}

),

grade_cells as (

    -- every cell of each model, so that an empty cell shows 0 leads
    select * from {{ ref('int_scoring_model_grade_cells') }}

),

evaluated_leads as (

    -- existing customers (converted on or before the as-of date) are not leads any more
    select * from lead_outcomes
    where not is_existing_customer

),

cell_counts as (

    select
        scoring_model,
        grade,
        count(*) as leads,
        sum(case when is_positive then 1 else 0 end) as conversions
    from evaluated_leads
    group by 1, 2

),

model_totals as (

    select
        scoring_model,
        count(*) as leads,
        sum(case when is_positive then 1 else 0 end) as conversions
    from evaluated_leads
    group by 1

),

cells as (

    select
        grade_cells.scoring_model,
        grade_cells.grade,
        grade_cells.fit_grade,
        grade_cells.activity_grade,
        grade_cells.zone,
        coalesce(cell_counts.leads, 0) as leads,
        coalesce(cell_counts.conversions, 0) as conversions,
        coalesce(model_totals.leads, 0) as model_leads,
        coalesce(model_totals.conversions, 0) as model_conversions
    from grade_cells
    left join cell_counts
        on
            grade_cells.scoring_model = cell_counts.scoring_model
            and grade_cells.grade = cell_counts.grade
    left join model_totals
        on grade_cells.scoring_model = model_totals.scoring_model

),

rates as (

    select
        *,
        cast(conversions as {{ number_type() }}) / nullif(leads, 0) as conversion_rate,
        cast(model_conversions as {{ number_type() }}) / nullif(model_leads, 0)
            as model_conversion_rate
    from cells

),

final as (

    select
        scoring_model,
        grade,
        fit_grade,
        activity_grade,
        zone,
        cast(leads as {{ dbt.type_int() }}) as leads,
        cast(conversions as {{ dbt.type_int() }}) as conversions,
        conversion_rate,
        conversion_rate / nullif(model_conversion_rate, 0) as lift,
        cast(leads as {{ number_type() }}) / nullif(model_leads, 0) as share_of_leads,
        cast(conversions as {{ number_type() }}) / nullif(model_conversions, 0)
            as share_of_conversions,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast({{ conversion_horizon_days() }} as {{ dbt.type_int() }}) as conversion_horizon_days
    from rates

)

select * from final

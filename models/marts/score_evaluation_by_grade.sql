-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

lead_outcomes as (

    select * from {{ ref('int_lead_outcomes') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

zone_matrix as (

    select * from {{ ref('stg_grid__zone_matrix') }}

),

grade_cells as (

    -- every cell of the 4x4 grade scale, so that an empty cell shows 0 leads
    {{ grade_cells() }}

),

evaluated_leads as (

    -- existing customers (converted on or before the as-of date) are not leads any more
    select * from lead_outcomes
    where not is_existing_customer

),

cell_counts as (

    select
        scoring_model,
        fit_grade,
        activity_grade,
        count(*) as leads,
        sum(case when is_positive then 1 else 0 end) as conversions
    from evaluated_leads
    group by 1, 2, 3

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
        scoring_models.scoring_model,
        grade_cells.fit_grade,
        grade_cells.activity_grade,
        zone_matrix.zone,
        coalesce(cell_counts.leads, 0) as leads,
        coalesce(cell_counts.conversions, 0) as conversions,
        coalesce(model_totals.leads, 0) as model_leads,
        coalesce(model_totals.conversions, 0) as model_conversions
    from scoring_models
    cross join grade_cells
    left join zone_matrix
        on
            scoring_models.scoring_model = zone_matrix.scoring_model
            and grade_cells.fit_grade = zone_matrix.fit_grade
            and grade_cells.activity_grade = zone_matrix.activity_grade
    left join cell_counts
        on
            scoring_models.scoring_model = cell_counts.scoring_model
            and grade_cells.fit_grade = cell_counts.fit_grade
            and grade_cells.activity_grade = cell_counts.activity_grade
    left join model_totals
        on scoring_models.scoring_model = model_totals.scoring_model

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
        fit_grade || activity_grade as grade,
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

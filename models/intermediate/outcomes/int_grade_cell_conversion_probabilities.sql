{#- Per model and grade cell, the conversion probability the calibration window gives
    (SPEC section 8): (conversions + m * p) / (leads + m), p the window's overall conversion
    rate of the model, m the var calibration_prior_leads. lead_scores and score_calibration
    read it. -#}
-- a table, not a view: lead_scores and score_calibration both read it
{{ config(materialized='table') }}

with

window_leads as (

    select * from {{ ref('int_calibration_leads_with_outcome') }}

),

model_grade_cells as (

    select * from {{ ref('int_scoring_model_grade_cells') }}

),

graded_now as (

    select * from {{ ref('int_contact_points_graded') }}

),

grade_cells as (

    -- every grade cell of the model, and every grade a lead has in the window or now: a
    -- cell without window leads still gets p
    select
        scoring_model,
        grade
    from model_grade_cells
    union
    select
        scoring_model,
        grade
    from window_leads
    union
    select
        scoring_model,
        grade
    from graded_now

),

cell_outcomes as (

    select
        scoring_model,
        grade,
        count(*) as window_leads,
        sum(case when is_positive then 1 else 0 end) as window_conversions
    from window_leads
    group by 1, 2

),

model_outcomes as (

    select
        scoring_model,
        count(*) as model_window_leads,
        cast(sum(case when is_positive then 1 else 0 end) as {{ number_type() }})
        / count(*) as model_window_conversion_rate
    from window_leads
    group by 1

),

counted as (

    select
        grade_cells.scoring_model,
        grade_cells.grade,
        coalesce(cell_outcomes.window_leads, 0) as window_leads,
        coalesce(cell_outcomes.window_conversions, 0) as window_conversions,
        coalesce(model_outcomes.model_window_leads, 0) as model_window_leads,
        model_outcomes.model_window_conversion_rate
    from grade_cells
    left join cell_outcomes
        on
            grade_cells.scoring_model = cell_outcomes.scoring_model
            and grade_cells.grade = cell_outcomes.grade
    left join model_outcomes
        on grade_cells.scoring_model = model_outcomes.scoring_model
    where grade_cells.grade is not null

),

final as (

    -- null rates where there is nothing to divide: a cell without window leads has no raw
    -- rate, a model without window leads no probability
    select
        scoring_model,
        grade,
        window_leads,
        window_conversions,
        cast(window_conversions as {{ number_type() }})
        / nullif(window_leads, 0) as raw_conversion_rate,
        model_window_leads,
        model_window_conversion_rate,
        (
            window_conversions
            + {{ calibration_prior_leads() }} * model_window_conversion_rate
        )
        / nullif(window_leads + {{ calibration_prior_leads() }}, 0) as conversion_probability
    from counted

)

select * from final

-- Every build adds the rows of its as-of date (replacing an earlier evaluation of the same
-- date and horizon), so `lead-scoring backtest`, which builds at a series of past as-of
-- dates, leaves a table of how each scoring model would have done at each of them.
-- Spark's default table format cannot replace rows: there, rows are appended.
{{ config(
    materialized='incremental',
    unique_key=['scoring_model', 'scored_as_of', 'conversion_horizon_days'],
    incremental_strategy=('delete+insert' if lead_scoring.can_delete_rows() else 'append'),
    on_schema_change='fail'
) }}

with

model_performance as (

    select * from {{ ref('score_model_performance') }}

),

final as (

    select
        scoring_model,
        scored_as_of,
        conversion_horizon_days,
        leads,
        positives,
        existing_customers,
        conversion_rate,
        auc,
        mql_leads,
        {% for zone in zones() -%}
            {{ zone }}_share_of_leads,
            {{ zone }}_share_of_conversions,
            {{ zone }}_median_days_to_conversion,
        {% endfor -%}
        best_grade,
        best_grade_conversion_rate,
        worst_grade,
        worst_grade_conversion_rate
    from model_performance

)

select * from final

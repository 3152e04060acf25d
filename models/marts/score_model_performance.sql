{%- set zones = zones() %}
-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

lead_outcomes as (

    select * from {{ ref('int_scored_leads_with_outcome') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

evaluation_by_grade as (

    select * from {{ ref('score_evaluation_by_grade') }}

),

evaluated_leads as (

    select * from lead_outcomes
    where not is_existing_customer

),

lead_counts as (

    select
        scoring_model,
        sum(case when is_existing_customer then 0 else 1 end) as leads,
        sum(case when is_positive then 1 else 0 end) as positives,
        sum(case when is_existing_customer then 1 else 0 end) as existing_customers,
        {% for zone in zones -%}
            sum(case when zone = '{{ zone }}' and not is_existing_customer then 1 else 0 end)
                as {{ zone }}_leads,
            sum(case when zone = '{{ zone }}' and is_positive then 1 else 0 end)
                as {{ zone }}_conversions,
            percentile_cont(0.5) within group (
                order by case when zone = '{{ zone }}' and is_positive then days_to_conversion end
            ) as {{ zone }}_median_days_to_conversion,
        {% endfor -%}
        sum(case when is_mql and not is_existing_customer then 1 else 0 end) as mql_leads
    from lead_outcomes
    group by 1

),

points_counts as (

    -- AUC of fit + activity points, exactly: each positive is compared with every negative,
    -- a negative with fewer points counts 1, one with as many counts one half
    select
        scoring_model,
        total_points,
        sum(case when is_positive then 1 else 0 end) as positives,
        sum(case when is_positive then 0 else 1 end) as negatives
    from evaluated_leads
    group by 1, 2

),

points_with_negatives_below as (

    select
        *,
        coalesce(sum(negatives) over (
            partition by scoring_model
            order by total_points
            rows between unbounded preceding and 1 preceding
        ), 0) as negatives_below
    from points_counts

),

area_under_curve as (

    select
        scoring_model,
        sum(
            cast(positives as {{ number_type() }})
            * (negatives_below + 0.5 * negatives)
        )
        / nullif(
            cast(sum(positives) as {{ number_type() }}) * sum(negatives), 0
        ) as auc
    from points_with_negatives_below
    group by 1

),

ranked_cells as (

    -- the best and the worst grade cell by conversion rate, among cells with enough leads
    -- to say so
    select
        scoring_model,
        grade,
        conversion_rate,
        row_number() over (
            partition by scoring_model order by conversion_rate desc, grade asc
        ) as best_rank,
        row_number() over (
            partition by scoring_model order by conversion_rate asc, grade asc
        ) as worst_rank
    from evaluation_by_grade
    where leads >= {{ var('evaluation_min_cell_leads') | int }}

),

final as (

    select
        scoring_models.scoring_model,
        {{ scoring_as_of_date() }} as scored_as_of,
        cast({{ conversion_horizon_days() }} as {{ dbt.type_int() }}) as conversion_horizon_days,
        cast(coalesce(lead_counts.leads, 0) as {{ dbt.type_int() }}) as leads,
        cast(coalesce(lead_counts.positives, 0) as {{ dbt.type_int() }}) as positives,
        cast(coalesce(lead_counts.existing_customers, 0) as {{ dbt.type_int() }})
            as existing_customers,
        cast(lead_counts.positives as {{ number_type() }}) / nullif(lead_counts.leads, 0)
            as conversion_rate,
        area_under_curve.auc,
        cast(coalesce(lead_counts.mql_leads, 0) as {{ dbt.type_int() }}) as mql_leads,
        {% for zone in zones -%}
            cast(lead_counts.{{ zone }}_leads as {{ number_type() }})
            / nullif(lead_counts.leads, 0) as {{ zone }}_share_of_leads,
            cast(lead_counts.{{ zone }}_conversions as {{ number_type() }})
            / nullif(lead_counts.positives, 0) as {{ zone }}_share_of_conversions,
            lead_counts.{{ zone }}_median_days_to_conversion,
        {% endfor -%}
        best_cells.grade as best_grade,
        best_cells.conversion_rate as best_grade_conversion_rate,
        worst_cells.grade as worst_grade,
        worst_cells.conversion_rate as worst_grade_conversion_rate
    from scoring_models
    left join lead_counts
        on scoring_models.scoring_model = lead_counts.scoring_model
    left join area_under_curve
        on scoring_models.scoring_model = area_under_curve.scoring_model
    left join ranked_cells as best_cells
        on
            scoring_models.scoring_model = best_cells.scoring_model
            and best_cells.best_rank = 1
    left join ranked_cells as worst_cells
        on
            scoring_models.scoring_model = worst_cells.scoring_model
            and worst_cells.worst_rank = 1

)

select * from final

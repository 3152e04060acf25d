-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

graded as (

    select * from {{ ref('int_scored_leads_with_rep_signals') }}

),

score_reasons as (

    select * from {{ ref('int_contact_score_reasons') }}

),

cell_probabilities as (

    select * from {{ ref('int_grade_cell_conversion_probabilities') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

{% set history = previous_run_relation('lead_score_history') -%}
earlier_mql_dates as (

    -- the first MQL date the history recorded before this run (lead_score_history is
    -- written after this model, so it is read as the previous run left it; what runs at
    -- this date or later recorded does not count: they are being replaced)
    {% if history is not none %}
        select
            history.contact_id,
            history.scoring_model,
            min(history.valid_from) as first_mql_on
        from {{ history }} as history
        inner join scoring_run
            on history.valid_from < scoring_run.as_of_date
        where history.is_mql
        group by 1, 2
    {% else %}
        select
            contact_id,
            scoring_model,
            cast(null as date) as first_mql_on
        from graded
        where 1 = 0
    {% endif %}

),

final as (

    select
        graded.contact_id,
        graded.account_id,
        graded.scoring_model,
        scoring_run.as_of_date as scored_as_of,
        cast(graded.fit_points as {{ dbt.type_int() }}) as fit_points,
        cast(graded.activity_points as {{ dbt.type_int() }}) as activity_points,
        graded.fit_grade,
        graded.activity_grade,
        graded.grade,
        graded.zone,
        graded.is_mql,
        coalesce(score_reasons.score_reasons, '') as score_reasons,
        cast(graded.total_points as {{ dbt.type_int() }}) as total_points,
        coalesce(
            earlier_mql_dates.first_mql_on,
            case when graded.is_mql then scoring_run.as_of_date end
        ) as first_mql_on,
        graded.next_step,
        {% for days in velocity_offsets() -%}
            cast(graded.points_{{ days }}d as {{ dbt.type_int() }}) as points_{{ days }}d,
        {% endfor -%}
        graded.is_surging,
        cell_probabilities.conversion_probability
    from graded
    cross join scoring_run
    left join score_reasons
        on
            graded.contact_id = score_reasons.contact_id
            and graded.scoring_model = score_reasons.scoring_model
    left join earlier_mql_dates
        on
            graded.contact_id = earlier_mql_dates.contact_id
            and graded.scoring_model = earlier_mql_dates.scoring_model
    left join cell_probabilities
        on
            graded.scoring_model = cell_probabilities.scoring_model
            and graded.grade = cell_probabilities.grade

)

select * from final

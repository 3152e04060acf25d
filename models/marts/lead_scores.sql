-- depends_on: {{ ref('int_grid_validation_issues') }}
-- (publishing waits for grid validation: an invalid grid fails the build first)

with

graded as (

    select * from {{ ref('int_contact_points_graded') }}

),

score_reasons as (

    select * from {{ ref('int_contact_score_reasons') }}

),

next_steps as (

    -- the rank-1 step when it reaches a hotter zone, as a rep reads it: the criterion's
    -- label as the grid writes it (not inflected), whole numbers, the points signed
    select
        contact_id,
        scoring_model,
        {{ dbt.concat([
            'cast(events_needed as ' ~ dbt.type_string() ~ ')',
            "' more '",
            'label',
            "' (+'",
            'cast(points_gained as ' ~ dbt.type_string() ~ ')',
            "') → '",
            'zone_after',
        ]) }} as next_step
    from {{ ref('int_contact_next_steps') }}
    where step_rank = 1 and reaches_next_zone

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

cell_probabilities as (

    select * from {{ ref('int_grade_cell_conversion_probabilities') }}

),

earlier_activity_points as (

    -- the activity points the same grid gave as of each velocity look-back
    select
        {% for days in velocity_offsets() -%}
            max(case when days_earlier = {{ days }} then activity_points end)
                as activity_points_{{ days }}_days_earlier,
        {% endfor -%}
        contact_id,
        scoring_model
    from {{ ref('int_contact_points_graded_earlier') }}
    group by contact_id, scoring_model

),

velocity as (

    -- a lead surges when its activity points rose by at least the model's surge_points
    -- over the last 7 days; a model without surge_points flags no lead
    select
        graded.contact_id,
        graded.scoring_model,
        {% for days in velocity_offsets() -%}
            graded.activity_points
            - earlier_activity_points.activity_points_{{ days }}_days_earlier
                as points_{{ days }}d,
        {% endfor -%}
        coalesce(
            graded.activity_points - earlier_activity_points.activity_points_7_days_earlier
            >= scoring_models.surge_points,
            false
        ) as is_surging
    from graded
    inner join earlier_activity_points
        on
            graded.contact_id = earlier_activity_points.contact_id
            and graded.scoring_model = earlier_activity_points.scoring_model
    inner join scoring_models
        on graded.scoring_model = scoring_models.scoring_model

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
        next_steps.next_step,
        {% for days in velocity_offsets() -%}
            cast(velocity.points_{{ days }}d as {{ dbt.type_int() }}) as points_{{ days }}d,
        {% endfor -%}
        velocity.is_surging,
        cell_probabilities.conversion_probability
    from graded
    cross join scoring_run
    inner join velocity
        on
            graded.contact_id = velocity.contact_id
            and graded.scoring_model = velocity.scoring_model
    left join cell_probabilities
        on
            graded.scoring_model = cell_probabilities.scoring_model
            and graded.grade = cell_probabilities.grade
    left join score_reasons
        on
            graded.contact_id = score_reasons.contact_id
            and graded.scoring_model = score_reasons.scoring_model
    left join earlier_mql_dates
        on
            graded.contact_id = earlier_mql_dates.contact_id
            and graded.scoring_model = earlier_mql_dates.scoring_model
    left join next_steps
        on
            graded.contact_id = next_steps.contact_id
            and graded.scoring_model = next_steps.scoring_model

)

select * from final

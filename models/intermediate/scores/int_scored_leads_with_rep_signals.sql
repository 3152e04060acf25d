{#- Each scored lead (int_contact_points_graded) with what a rep acts on beside the score
    (contract section 8): the next step as text and the score velocity. lead_scores
    publishes it with the conversion probability of the lead's grade cell, which every
    lead's data moves (a daily run keeps the rows of the leads it does not rescore). -#}
-- a table kept across runs (rescored_model_config), not a view: its key tests would each compute
-- the scores again (at 1M contacts three at once passed DuckDB's memory limit)
{{ config(**lead_scoring.rescored_model_config(scores_earlier_dates=true)) }}
{%- set since = lead_scoring.rescore_since() %}

with

graded as (

    select * from {{ ref('int_contact_points_graded') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

graded_earlier as (

    select * from {{ ref('int_contact_points_graded_earlier') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

next_steps as (

    select * from {{ ref('int_contact_next_steps') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

first_steps as (

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
    from next_steps
    where step_rank = 1 and reaches_next_zone

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
    from graded_earlier
    group by contact_id, scoring_model

),

final as (

    -- a lead surges when its activity points rose by at least the model's surge_points
    -- over the last 7 days; a model without surge_points flags no lead
    select
        graded.contact_id,
        graded.account_id,
        graded.scoring_model,
        graded.fit_points,
        graded.activity_points,
        graded.total_points,
        graded.fit_grade,
        graded.activity_grade,
        graded.grade,
        graded.zone,
        graded.is_mql,
        first_steps.next_step,
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
    inner join scoring_models
        on graded.scoring_model = scoring_models.scoring_model
    inner join earlier_activity_points
        on
            graded.contact_id = earlier_activity_points.contact_id
            and graded.scoring_model = earlier_activity_points.scoring_model
    left join first_steps
        on
            graded.contact_id = first_steps.contact_id
            and graded.scoring_model = first_steps.scoring_model

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

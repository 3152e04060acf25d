{#- Each lead's points, grades and zone as the same grid gives them as of the earlier dates
    the activity is scored at (macro scoring_offsets, 0 days earlier excluded: that is
    int_contact_points_graded), for the contacts of each model's audience now (velocity) or
    at the calibration window's start (calibration). Activity as of that date; fit points
    from today's attributes (there is no attribute history). -#}
-- a table kept across runs (rescored_model_config), not a view: lead_scores and the calibration
-- both read it
{{ config(**lead_scoring.rescored_model_config(scores_earlier_dates=true)) }}
{%- set since = lead_scoring.rescore_since() %}

with

audience_now as (

    select * from {{ ref('int_contact_model_audiences') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

audience_at_calibration_start as (

    select * from {{ ref('int_contact_model_audiences_at_calibration_start') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

fit_points as (

    select * from {{ ref('int_contact_fit_points') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

activity_points as (

    select * from {{ ref('int_contact_activity_points') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

sequence_points as (

    select * from {{ ref('int_contact_sequence_points') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

scoring_offsets as (

    {{ scoring_offset_dates() }}

),

scored_contacts as (

    select
        contact_id,
        scoring_model
    from audience_now
    union
    select
        contact_id,
        scoring_model
    from audience_at_calibration_start

),

fit_by_contact as (

    select
        contact_id,
        scoring_model,
        {{ summed_dimension_points('fit') }} as fit_points
    from fit_points
    group by 1, 2

),

activity_by_offset as (

    -- the activity criteria and the sequences, as int_contact_criterion_points adds them
    -- up as of the as-of date
    select
        contact_id,
        scoring_model,
        days_earlier,
        {{ summed_dimension_points('activity') }} as activity_points
    from (
        {% for activity_rows in ['activity_points', 'sequence_points'] -%}
            select
                contact_id,
                scoring_model,
                days_earlier,
                dimension,
                points
            from {{ activity_rows }}
            where days_earlier > 0
            {% if not loop.last %}union all{% endif %}
        {% endfor %}
    ) as activity_rows
    group by 1, 2, 3

),

contact_points as (

    -- at every earlier date, with 0 points where no criterion scored
    select
        scored_contacts.contact_id,
        scored_contacts.scoring_model,
        scoring_offsets.days_earlier,
        coalesce(fit_by_contact.fit_points, 0) as fit_points,
        coalesce(activity_by_offset.activity_points, 0) as activity_points,
        coalesce(fit_by_contact.fit_points, 0)
        + coalesce(activity_by_offset.activity_points, 0) as total_points
    from scored_contacts
    inner join scoring_offsets
        on scoring_offsets.days_earlier > 0
    left join fit_by_contact
        on
            scored_contacts.contact_id = fit_by_contact.contact_id
            and scored_contacts.scoring_model = fit_by_contact.scoring_model
    left join activity_by_offset
        on
            scored_contacts.contact_id = activity_by_offset.contact_id
            and scored_contacts.scoring_model = activity_by_offset.scoring_model
            and scoring_offsets.days_earlier = activity_by_offset.days_earlier

),

final as (

    {{ graded_points('contact_points') }}

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

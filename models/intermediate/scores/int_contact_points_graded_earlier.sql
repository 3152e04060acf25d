{#- Each scored lead's points, grades and zone as the same grid gives them as of the earlier
    dates the activity is scored at (macro scoring_offsets, 0 days earlier excluded: that is
    int_contact_points_graded). Activity as of that date; audience and fit points as
    int_contact_points_graded has them (today's attributes: there is no attribute
    history). Velocity and calibration read it. -#}
-- a table, not a view: lead_scores and the calibration both read it
{{ config(materialized='table') }}

with

graded_now as (

    select * from {{ ref('int_contact_points_graded') }}

),

activity_points as (

    select * from {{ ref('int_contact_activity_points') }}

),

sequence_points as (

    select * from {{ ref('int_contact_sequence_points') }}

),

scoring_offsets as (

    {{ scoring_offset_dates() }}

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

    -- each model's audience at every earlier date, with 0 points where no criterion scored
    select
        graded_now.contact_id,
        graded_now.scoring_model,
        scoring_offsets.days_earlier,
        scoring_offsets.scored_as_of,
        graded_now.fit_points,
        coalesce(activity_by_offset.activity_points, 0) as activity_points,
        graded_now.fit_points
        + coalesce(activity_by_offset.activity_points, 0) as total_points
    from graded_now
    inner join scoring_offsets
        on scoring_offsets.days_earlier > 0
    left join activity_by_offset
        on
            graded_now.contact_id = activity_by_offset.contact_id
            and graded_now.scoring_model = activity_by_offset.scoring_model
            and scoring_offsets.days_earlier = activity_by_offset.days_earlier

),

final as (

    {{ graded_points('contact_points') }}

)

select * from final

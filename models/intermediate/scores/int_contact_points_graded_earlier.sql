{#- Each scored lead's points, grades and zone as the same grid gives them as of the earlier
    dates the activity is scored at (int_scoring_offsets, 0 days earlier excluded: that is
    int_contact_points_graded). Activity as of that date; fit and audience from today's
    attributes (there is no attribute history). Velocity and calibration read it. -#}
-- a table, not a view: lead_scores and the calibration both read it
{{ config(materialized='table') }}

with

audience_members as (

    select * from {{ ref('int_contact_model_audiences') }}

),

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}

),

activity_points as (

    select * from {{ ref('int_contact_activity_points') }}

),

scoring_offsets as (

    select * from {{ ref('int_scoring_offsets') }}
    where days_earlier > 0

),

fit_by_contact as (

    select
        contact_id,
        scoring_model,
        {{ summed_dimension_points('fit') }} as fit_points
    from criterion_points
    group by 1, 2

),

activity_by_offset as (

    select
        contact_id,
        scoring_model,
        days_earlier,
        {{ summed_dimension_points('activity') }} as activity_points
    from activity_points
    where days_earlier > 0
    group by 1, 2, 3

),

contact_points as (

    -- each model's audience at every earlier date, with 0 points where no criterion scored
    select
        audience_members.contact_id,
        audience_members.scoring_model,
        scoring_offsets.days_earlier,
        scoring_offsets.scored_as_of,
        coalesce(fit_by_contact.fit_points, 0) as fit_points,
        coalesce(activity_by_offset.activity_points, 0) as activity_points,
        coalesce(fit_by_contact.fit_points, 0)
        + coalesce(activity_by_offset.activity_points, 0) as total_points
    from audience_members
    cross join scoring_offsets
    left join fit_by_contact
        on
            audience_members.contact_id = fit_by_contact.contact_id
            and audience_members.scoring_model = fit_by_contact.scoring_model
    left join activity_by_offset
        on
            audience_members.contact_id = activity_by_offset.contact_id
            and audience_members.scoring_model = activity_by_offset.scoring_model
            and scoring_offsets.days_earlier = activity_by_offset.days_earlier

),

final as (

    {{ graded_points('contact_points') }}

)

select * from final

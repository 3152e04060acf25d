-- a table kept across runs (rescored_model_config), not a view: lead_scores, account_scores, the
-- evaluation and sales-feedback marts and their tests all read it (bench/RESULTS.md)
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

audience_members as (

    select * from {{ ref('int_contact_model_audiences') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

criterion_points as (

    select * from {{ ref('int_contact_criterion_points') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

points_by_dimension as (

    select
        contact_id,
        scoring_model,
        {{ summed_dimension_points('fit') }} as fit_points,
        {{ summed_dimension_points('activity') }} as activity_points
    from criterion_points
    group by 1, 2

),

contact_points as (

    -- each model scores the contacts of its audience, with 0 points where no criterion
    -- scored
    select
        audience_members.contact_id,
        audience_members.account_id,
        audience_members.scoring_model,
        coalesce(points_by_dimension.fit_points, 0) as fit_points,
        coalesce(points_by_dimension.activity_points, 0) as activity_points,
        coalesce(points_by_dimension.fit_points, 0)
        + coalesce(points_by_dimension.activity_points, 0) as total_points
    from audience_members
    left join points_by_dimension
        on
            audience_members.contact_id = points_by_dimension.contact_id
            and audience_members.scoring_model = points_by_dimension.scoring_model

),

final as (

    {{ graded_points('contact_points') }}

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

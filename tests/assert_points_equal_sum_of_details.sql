-- A lead's fit_points and activity_points are exactly the sums of its fit and activity
-- criteria in lead_score_details.
with

lead_scores as (

    select * from {{ ref('lead_scores') }}

),

details as (

    select * from {{ ref('lead_score_details') }}

),

details_summed as (

    select
        contact_id,
        scoring_model,
        {{ summed_dimension_points('fit') }} as fit_detail_points,
        {{ summed_dimension_points('activity') }} as activity_detail_points
    from details
    group by 1, 2

)

select
    lead_scores.contact_id,
    lead_scores.scoring_model,
    lead_scores.fit_points,
    lead_scores.activity_points,
    details_summed.fit_detail_points,
    details_summed.activity_detail_points
from lead_scores
left join details_summed
    on
        lead_scores.contact_id = details_summed.contact_id
        and lead_scores.scoring_model = details_summed.scoring_model
where
    lead_scores.fit_points != coalesce(details_summed.fit_detail_points, 0)
    or lead_scores.activity_points != coalesce(details_summed.activity_detail_points, 0)

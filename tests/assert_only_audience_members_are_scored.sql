-- A model scores the contacts of its audience and no other: every lead_scores row is an
-- audience member, every member has a row, and no lead_score_details row belongs to a
-- contact the model does not score.
with

lead_scores as (

    select * from {{ ref('lead_scores') }}

),

details as (

    select * from {{ ref('lead_score_details') }}

),

audience_members as (

    select * from {{ ref('int_contact_model_audiences') }}

),

scored_outside_audience as (

    select
        lead_scores.contact_id,
        lead_scores.scoring_model,
        'scored outside its audience' as problem
    from lead_scores
    left join audience_members
        on
            lead_scores.contact_id = audience_members.contact_id
            and lead_scores.scoring_model = audience_members.scoring_model
    where audience_members.contact_id is null

),

member_not_scored as (

    select
        audience_members.contact_id,
        audience_members.scoring_model,
        'audience member not scored' as problem
    from audience_members
    left join lead_scores
        on
            audience_members.contact_id = lead_scores.contact_id
            and audience_members.scoring_model = lead_scores.scoring_model
    where lead_scores.contact_id is null

),

details_outside_scores as (

    select distinct
        details.contact_id,
        details.scoring_model,
        'details for a contact the model does not score' as problem
    from details
    left join lead_scores
        on
            details.contact_id = lead_scores.contact_id
            and details.scoring_model = lead_scores.scoring_model
    where lead_scores.contact_id is null

)

select * from scored_outside_audience
union all
select * from member_not_scored
union all
select * from details_outside_scores

-- lead_next_steps lists steps of leads that are not hot, for activity criteria only, ranked
-- 1..n per lead with the steps that reach a hotter zone first; lead_scores.next_step is
-- set exactly when the rank-1 step reaches a hotter zone.
with

next_steps as (

    select * from {{ ref('lead_next_steps') }}

),

lead_scores as (

    select * from {{ ref('lead_scores') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

ranks_per_lead as (

    select
        contact_id,
        scoring_model,
        min(step_rank) as first_rank,
        max(step_rank) as last_rank,
        count(*) as steps,
        count(distinct step_rank) as distinct_ranks,
        max(case when reaches_next_zone then step_rank end) as last_reaching_rank,
        min(case when not reaches_next_zone then step_rank end) as first_other_rank,
        max(case when step_rank = 1 and reaches_next_zone then 1 else 0 end) as has_next_step
    from next_steps
    group by 1, 2

),

failures as (

    select
        contact_id,
        scoring_model,
        'ranks are not 1..n, reaching steps first' as failure
    from ranks_per_lead
    where
        first_rank != 1
        or last_rank != steps
        or distinct_ranks != steps
        or last_reaching_rank > first_other_rank

    union all

    select
        next_steps.contact_id,
        next_steps.scoring_model,
        'step of a hot lead' as failure
    from next_steps
    inner join lead_scores
        on
            next_steps.contact_id = lead_scores.contact_id
            and next_steps.scoring_model = lead_scores.scoring_model
    where lead_scores.is_mql

    union all

    select
        next_steps.contact_id,
        next_steps.scoring_model,
        'step on a criterion that is not an activity criterion' as failure
    from next_steps
    left join activity_criteria
        on
            next_steps.scoring_model = activity_criteria.scoring_model
            and next_steps.criterion = activity_criteria.criterion
    where activity_criteria.criterion is null

    union all

    select
        lead_scores.contact_id,
        lead_scores.scoring_model,
        'next_step disagrees with the rank-1 step' as failure
    from lead_scores
    left join ranks_per_lead
        on
            lead_scores.contact_id = ranks_per_lead.contact_id
            and lead_scores.scoring_model = ranks_per_lead.scoring_model
    where
        (lead_scores.next_step is not null)
        != (coalesce(ranks_per_lead.has_next_step, 0) = 1)

)

select * from failures

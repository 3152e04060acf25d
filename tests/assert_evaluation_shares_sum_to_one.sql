-- For each scoring model, the grade cells' shares of leads sum to 1, and so do their shares
-- of conversions; the zones' shares too. A lead counted in no cell, or in two, fails.
with

evaluation_by_grade as (

    select * from {{ ref('score_evaluation_by_grade') }}

),

model_performance as (

    select * from {{ ref('score_model_performance') }}

),

share_sums as (

    select
        scoring_model,
        'grade cells' as shared_by,
        sum(leads) as leads,
        sum(conversions) as conversions,
        sum(share_of_leads) as share_of_leads,
        sum(share_of_conversions) as share_of_conversions
    from evaluation_by_grade
    group by 1
    union all
    select
        scoring_model,
        'zones' as shared_by,
        leads,
        positives as conversions,
        hot_share_of_leads + warm_share_of_leads + cold_share_of_leads as share_of_leads,
        hot_share_of_conversions + warm_share_of_conversions + cold_share_of_conversions
            as share_of_conversions
    from model_performance

)

select * from share_sums
where
    (leads > 0 and abs(share_of_leads - 1) > 0.000001)
    or (conversions > 0 and abs(share_of_conversions - 1) > 0.000001)

with

sales_feedback as (

    select * from {{ ref('stg_lead_scoring__sales_feedback') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

ranked as (

    -- sales' latest verdict on a contact up to the end of the as-of day counts
    select
        sales_feedback.contact_id,
        sales_feedback.feedback_at,
        sales_feedback.outcome,
        lower(sales_feedback.reason) as reason,
        row_number() over (
            partition by sales_feedback.contact_id
            order by
                sales_feedback.feedback_at desc,
                sales_feedback.outcome asc,
                sales_feedback.reason asc
        ) as feedback_rank
    from sales_feedback
    cross join scoring_run
    where
        sales_feedback.contact_id is not null
        and sales_feedback.outcome in ('accepted', 'rejected')
        and cast(sales_feedback.feedback_at as date) <= scoring_run.as_of_date

),

final as (

    select
        contact_id,
        feedback_at,
        outcome,
        reason
    from ranked
    where feedback_rank = 1

)

select * from final

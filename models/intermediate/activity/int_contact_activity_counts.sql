with

matched_events as (

    select * from {{ ref('int_events_matched_to_criteria') }}

),

final as (

    -- the most recent counted event dates the criterion for decay
    select
        contact_id,
        scoring_model,
        criterion,
        count(*) as event_count,
        max(occurred_date) as last_event_on,
        min(days_before_as_of) as days_since_last_event
    from matched_events
    group by 1, 2, 3

)

select * from final

with

matched_events as (

    select * from {{ ref('int_events_matched_to_criteria') }}

),

final as (

    select
        contact_id,
        scoring_model,
        criterion,
        count(*) as event_count
    from matched_events
    group by 1, 2, 3

)

select * from final

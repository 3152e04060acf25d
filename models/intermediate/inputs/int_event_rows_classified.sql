with

events as (

    select * from {{ ref('int_events_with_quality_reason') }}

),

final as (

    select
        'events' as input_table,
        case when quality_reason is null then 'scored' else 'reported' end as outcome,
        coalesce(quality_reason, 'scored') as reason,
        -- an unmatched event is best shown by its type: the grid may be missing a criterion
        case
            when quality_reason = 'unmatched_event_type' then event_type
            else
                coalesce(event_id, '(no event_id; contact ' || coalesce(contact_id, 'none') || ')')
        end as example_key
    from events

)

select * from final

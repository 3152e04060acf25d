with

events as (

    select * from {{ ref('base_lead_scoring__events') }}

),

contacts as (

    select * from {{ ref('stg_lead_scoring__contacts') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

known_event_types as (

    select distinct event_type from match_rules

),

classified as (

    -- each row gets the first reason that keeps it from being scored as-is, or none
    select
        events.event_id,
        events.contact_id,
        events.event_type,
        case
            when events.event_id is null then 'missing_event_id'
            when events.delivery_rank > 1 and events.content_rank = 1
                then 'duplicate_event_identical'
            when events.delivery_rank > 1 then 'duplicate_event_conflicting'
            when events.contact_id is null then 'missing_contact_id'
            when contacts.contact_id is null then 'unknown_contact'
            when events.occurred_at is null then 'missing_occurred_at'
            when cast(events.occurred_at as date) > {{ scoring_as_of_date() }} then 'after_as_of'
            when known_event_types.event_type is null then 'unmatched_event_type'
        end as quality_reason
    from events
    left join contacts
        on events.contact_id = contacts.contact_id
    left join known_event_types
        on events.event_type = known_event_types.event_type

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
    from classified

)

select * from final

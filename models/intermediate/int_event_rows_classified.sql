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

kept_deliveries as (

    select * from events
    where delivery_rank = 1 and event_id is not null

),

known_event_types as (

    select distinct event_type from match_rules

),

classified as (

    -- each row gets the first reason that keeps it from being scored as-is, or none
    select
        events.event_id,
        events.contact_id,
        case
            when events.event_id is null then 'missing_event_id'
            when
                events.delivery_rank > 1
                and {{ null_safe_equal('events.contact_id', 'kept_deliveries.contact_id') }}
                and {{ null_safe_equal('events.event_type', 'kept_deliveries.event_type') }}
                and {{ null_safe_equal('events.subject', 'kept_deliveries.subject') }}
                and {{ null_safe_equal('events.occurred_at', 'kept_deliveries.occurred_at') }}
                then 'duplicate_event_identical'
            when events.delivery_rank > 1 then 'duplicate_event_conflicting'
            when events.contact_id is null then 'missing_contact_id'
            when contacts.contact_id is null then 'unknown_contact'
            when events.occurred_at is null then 'missing_occurred_at'
            when cast(events.occurred_at as date) > {{ scoring_as_of_date() }} then 'after_as_of'
            when known_event_types.event_type is null then 'unmatched_event_type'
        end as quality_reason
    from events
    left join kept_deliveries
        on events.event_id = kept_deliveries.event_id
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
        coalesce(event_id, '(no event_id; contact ' || coalesce(contact_id, 'none') || ')')
            as example_key
    from classified

)

select * from final

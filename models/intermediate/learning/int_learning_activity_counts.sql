{#- What a learned activity criterion can count: for every lead, event type and subject
    group, the events inside the learning window and the days since the last one. -#}
with

events as (

    select * from {{ ref('int_events_with_quality_reason') }}

),

leads as (

    select * from {{ ref('int_learning_leads') }}

),

counted_events as (

    -- int_events_with_quality_reason decides which rows count; an event type no grid knows
    -- yet is a candidate of the learner, so unmatched_event_type counts here
    select
        events.contact_id,
        events.event_type,
        lower(events.subject) as subject,
        events.days_before_as_of
    from events
    inner join leads
        on events.contact_id = leads.contact_id
    where events.quality_reason is null or events.quality_reason = 'unmatched_event_type'

),

windowed_events as (

    -- a subject group is the subject's first path segment (`/pricing/enterprise` ->
    -- `/pricing`, `ebook/b2b-funnel` -> `ebook`), or the whole subject when it has none
    select
        contact_id,
        event_type,
        days_before_as_of,
        case
            when subject like '/%/%'
                then '/' || {{ split_item('subject', '/', 2) }}
            when subject like '%/%' and subject not like '/%'
                then {{ split_item('subject', '/', 1) }}
            else subject
        end as subject_group
    from counted_events
    where {{ is_within_lookback('days_before_as_of', learning_lookback_days()) }}

),

by_event_type as (

    select
        contact_id,
        event_type,
        cast(null as {{ dbt.type_string() }}) as subject_group,
        count(*) as event_count,
        min(days_before_as_of) as days_since_last_event
    from windowed_events
    group by contact_id, event_type

),

by_subject_group as (

    select
        contact_id,
        event_type,
        subject_group,
        count(*) as event_count,
        min(days_before_as_of) as days_since_last_event
    from windowed_events
    where subject_group is not null
    group by contact_id, event_type, subject_group

),

final as (

    select * from by_event_type
    union all
    select * from by_subject_group

)

select * from final

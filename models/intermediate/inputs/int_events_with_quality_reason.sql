{#- Every delivered event row with the reason it is not scored as read, or none: the one
    place that decides which events count. Scoring reads the rows with no reason;
    scoring_data_quality counts every row by its reason. -#}
{{ config(materialized='table') }}

with

events as (

    select * from {{ ref('stg_lead_scoring__events') }}

),

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

known_event_types as (

    select distinct event_type from match_rules

),

classified as (

    -- each row gets the first reason that keeps it from being scored as-is, or none; events
    -- after the end of the as-of day are ignored, so a score can be reproduced and
    -- backtested at any past date
    select
        events.event_id,
        events.contact_id,
        events.event_type,
        events.subject,
        events.occurred_at,
        cast(events.occurred_at as date) as occurred_date,
        {{ dbt.datediff('cast(events.occurred_at as date)', 'scoring_run.as_of_date', 'day') }}
            as days_before_as_of,
        case
            when events.event_id is null then 'missing_event_id'
            when events.delivery_rank > 1 and events.content_rank = 1
                then 'duplicate_event_identical'
            when events.delivery_rank > 1 then 'duplicate_event_conflicting'
            when events.contact_id is null then 'missing_contact_id'
            when contacts.contact_id is null then 'unknown_contact'
            when events.occurred_at is null then 'missing_occurred_at'
            when cast(events.occurred_at as date) > scoring_run.as_of_date then 'after_as_of'
            when known_event_types.event_type is null then 'unmatched_event_type'
        end as quality_reason
    from events
    cross join scoring_run
    left join contacts
        on events.contact_id = contacts.contact_id
    left join known_event_types
        on events.event_type = known_event_types.event_type

),

final as (

    select
        event_id,
        contact_id,
        event_type,
        subject,
        occurred_at,
        occurred_date,
        days_before_as_of,
        quality_reason
    from classified

)

select * from final

{{ depends_on_demo_seed('events') }}
-- the one model that reads the event log: a table, so that the log is read, cleaned and
-- ranked once, and scoring, the data-quality report and the tests all read the result
-- (bench/RESULTS.md measures it)
{{ config(materialized='table') }}

with

source as (

    select * from {{ source('lead_scoring', 'events') }}

),

renamed as (

    select
        nullif(trim(cast(event_id as {{ dbt.type_string() }})), '') as event_id,
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        {{ normalized_text('event_type') }} as event_type,
        nullif(trim(subject), '') as subject,
        cast(occurred_at as {{ dbt.type_timestamp() }}) as occurred_at
    from source

),

ranked as (

    -- the log is append-only and may deliver an event twice: each event_id counts once,
    -- keeping its earliest delivery. The order is by the whole content, so the copies that
    -- repeat the kept delivery exactly are its peers: they share its content_rank of 1
    select
        *,
        row_number() over delivery_order as delivery_rank,
        dense_rank() over delivery_order as content_rank
    from renamed
    window delivery_order as (
        partition by event_id
        order by occurred_at nulls last, contact_id, event_type, subject
    )

)

select * from ranked

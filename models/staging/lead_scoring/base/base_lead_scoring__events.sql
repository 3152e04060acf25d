{{ depends_on_demo_seed('events') }}

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
    -- keeping its earliest delivery
    select
        *,
        row_number() over (
            partition by event_id
            order by occurred_at nulls last, contact_id, event_type, subject
        ) as delivery_rank
    from renamed

)

select * from ranked

with

events as (

    select * from {{ ref('base_lead_scoring__events') }}

),

final as (

    select
        event_id,
        contact_id,
        event_type,
        subject,
        occurred_at,
        cast(occurred_at as date) as occurred_date
    from events
    where
        event_id is not null
        and delivery_rank = 1

)

select * from final

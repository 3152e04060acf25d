{{ depends_on_demo_seed('events') }}
-- the one model that reads the event log: a table, so that the log is read, cleaned and
-- ranked once, and scoring, the data-quality report and the tests all read the result
-- (bench/RESULTS.md measures it). Incremental: a daily run reads again only the events of
-- the last days (late arrivals land there) and the event ids it has never seen; Spark's
-- default table format cannot delete rows, so there it is rebuilt every run.
{{ config(
    materialized=('table' if target.type == 'spark' else 'incremental'),
    incremental_strategy='delete+insert',
    unique_key='event_key',
    on_schema_change='fail',
) }}

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

keyed as (

    -- the key a delivery is replaced by: its event_id, or for a row without one its content
    select
        *,
        case
            when event_id is not null then event_id
            else {{ dbt.hash(dbt.concat([
                "coalesce(contact_id, '')",
                "'|'",
                "coalesce(event_type, '')",
                "'|'",
                "coalesce(subject, '')",
                "'|'",
                "coalesce(cast(occurred_at as " ~ dbt.type_string() ~ "), '')",
            ])) }}
        end as event_key
    from renamed

),

{% if is_incremental() %}

    recent_days as (

        -- the days a daily run reads again in full: var lead_scoring_late_event_days
        -- before the as-of date, and anything later
        select
            {{ dbt.dateadd(
                'day', -var('lead_scoring_late_event_days', 7), scoring_as_of_date()
            ) }} as first_day

    ),

    new_deliveries as (

        select keyed.*
        from keyed
        cross join recent_days
        where
            keyed.occurred_at is null
            or keyed.occurred_at >= recent_days.first_day
        union all
        -- an event that occurred before those days and arrived since the last run (an
        -- event id never seen); a repeated delivery of a known event that old is only
        -- read by a full refresh
        select keyed.*
        from keyed
        cross join recent_days
        where
            keyed.occurred_at < recent_days.first_day
            and not exists (
                select null
                from {{ this }} as loaded
                where loaded.event_key = keyed.event_key
            )

    ),

    earlier_deliveries as (

        -- the deliveries already loaded of the events read again, ranked with them (they
        -- occurred earlier, so they keep their ranks)
        select
            loaded.event_id,
            loaded.contact_id,
            loaded.event_type,
            loaded.subject,
            loaded.occurred_at,
            loaded.event_key
        from {{ this }} as loaded
        cross join recent_days
        where
            loaded.occurred_at < recent_days.first_day
            and loaded.event_key in (select new_deliveries.event_key from new_deliveries)

    ),

    deliveries as (

        select * from new_deliveries
        union all
        select * from earlier_deliveries

    ),

{% else %}

    deliveries as (

        select * from keyed

    ),

{% endif %}

ranked as (

    -- the log is append-only and may deliver an event twice: each event_id counts once,
    -- keeping its earliest delivery. The order is by the whole content, so the copies that
    -- repeat the kept delivery exactly are its peers: they share its content_rank of 1
    select
        *,
        row_number() over delivery_order as delivery_rank,
        dense_rank() over delivery_order as content_rank
    from deliveries
    window delivery_order as (
        partition by event_key
        order by occurred_at nulls last, contact_id, event_type, subject
    )

)

select * from ranked

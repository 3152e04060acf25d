-- the one model that reads the event log: a table, so that the log is read, cleaned and
-- ranked once, and scoring, the data-quality report and the tests all read the result
-- (bench/RESULTS.md measures it). Incremental: a daily run reads, cleans and ranks again only
-- the days that received deliveries since the last run; Spark's default table format cannot
-- delete rows, so there it is rebuilt every run. loaded_at came later: a table an earlier
-- release wrote gains it at the next run, null in the rows already loaded (loaded before that
-- run).
{{ config(
    materialized=('incremental' if lead_scoring.can_delete_rows() else 'table'),
    incremental_strategy='delete+insert',
    unique_key='event_key',
    on_schema_change='fail',
    pre_hook="{{ add_columns_added_since({'loaded_at': [dbt.type_timestamp(), 'null']}) }}",
) }}

{#- the one expression that reads when an event occurred (of a column named as given): the
    day a delivery belongs to is taken from it, before cleaning and after -#}
{%- set occurred_at = 'cast(%s as ' ~ dbt.type_timestamp() ~ ')' %}

with

{% if is_incremental() %}

    {%- set loaded_columns = adapter.get_columns_in_relation(this)
        | map(attribute='name') | map('lower') | list %}
    {%- if 'event_key' not in loaded_columns %}
        {{ exceptions.raise_compiler_error(
            this ~ " was built by a version of lead_scoring before the incremental event"
            ~ " table (it has no event_key column): run `dbt build --full-refresh` once"
            ~ " (CHANGELOG.md, migration notes); history and the change feed are kept"
        ) }}
    {%- endif %}

    delivered_days as (

        -- counted on the log as delivered, so that only the rows of the days to read are
        -- cleaned and keyed below (cleaning all of them took most of a daily run's time here)
        select
            cast({{ occurred_at | format('occurred_at') }} as date) as occurred_date,
            count(*) as delivered_rows
        from {{ input_relation('events') }}
        group by 1

    ),

    loaded_days as (

        select
            cast(occurred_at as date) as occurred_date,
            count(*) as loaded_rows
        from {{ this }}
        group by 1

    ),

    days_to_read as (

        -- the log is append-only: a day (of occurrence) whose number of rows grew since the
        -- last run holds every new delivery, however late it arrived; the other days are
        -- as they were loaded
        select delivered_days.occurred_date
        from delivered_days
        left join loaded_days
            on delivered_days.occurred_date is not distinct from loaded_days.occurred_date
        where
            loaded_days.loaded_rows is null
            or loaded_days.loaded_rows != delivered_days.delivered_rows

    ),

{% endif %}

source as (

    select events.*
    from {{ input_relation('events') }} as events
    {% if is_incremental() -%}
        inner join days_to_read
            on
                cast({{ occurred_at | format('events.occurred_at') }} as date)
                is not distinct from days_to_read.occurred_date
    {%- endif %}

),

renamed as (

    select
        nullif(trim(cast(event_id as {{ dbt.type_string() }})), '') as event_id,
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        {{ normalized_text('event_type') }} as event_type,
        nullif(trim(subject), '') as subject,
        {{ occurred_at | format('occurred_at') }} as occurred_at
    from source

),

keyed as (

    -- the key a delivery is replaced by: its event_id, or for a row without one its content
    select
        *,
        coalesce(
            event_id,
            {{ dbt.hash(dbt.concat([
                "coalesce(contact_id, '')",
                "'|'",
                "coalesce(event_type, '')",
                "'|'",
                "coalesce(subject, '')",
                "'|'",
                "coalesce(cast(occurred_at as " ~ dbt.type_string() ~ "), '')",
            ])) }}
        ) as event_key
    from renamed

),

{% if is_incremental() %}

    new_keys as (

        select distinct event_key from keyed

    ),

    earlier_deliveries as (

        -- the deliveries of the same events loaded on other days, ranked again with them
        select
            loaded.event_id,
            loaded.contact_id,
            loaded.event_type,
            loaded.subject,
            loaded.occurred_at,
            loaded.event_key
        from {{ this }} as loaded
        inner join new_keys
            on loaded.event_key = new_keys.event_key
        where not exists (
            select null
            from days_to_read
            where
                cast(loaded.occurred_at as date)
                is not distinct from days_to_read.occurred_date
        )

    ),

    deliveries as (

        select * from keyed
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
    -- repeat the kept delivery exactly are its peers: they share its content_rank of 1.
    -- loaded_at: the run that wrote the row (int_contacts_to_rescore reads it)
    select
        *,
        {{ lead_scoring.run_timestamp() }} as loaded_at,
        row_number() over (
            partition by event_key
            order by occurred_at nulls last, contact_id, event_type, subject
        ) as delivery_rank,
        dense_rank() over (
            partition by event_key
            order by occurred_at nulls last, contact_id, event_type, subject
        ) as content_rank
    from deliveries

)

select * from ranked

{#- The contacts whose scores a run must compute again, appended run after run: a log the
    per-contact models read (rescored_model_config), each applying the entries newer than
    the last run it applied. Every run appends one row of its own (rescore_reason 'run',
    no contact) with its as-of date and the digest of code, grid and vars
    (rescoring_fingerprint); it rescores everyone (one row, rescores_everyone) on a first
    build, a full refresh, a changed fingerprint or an as-of date before the last run's.
    Otherwise a contact is rescored when, since the last run: event rows were loaded for it;
    its inputs changed (int_contact_input_fingerprints); one of its events entered or left
    a window at a date scored at (the as-of date moved: window_moved at the as-of date,
    window_moved_earlier at the earlier dates only, which the models of today's scores
    skip: rescored_contacts_only); or it has events of a decaying criterion (its points
    fade every day). The other contacts' scores cannot have changed. -#}
-- depends_on: {{ ref('stg_lead_scoring__events') }}, {{ ref('int_contact_input_fingerprints') }}
-- depends_on: {{ ref('int_events_with_quality_reason') }}
-- depends_on: {{ ref('int_events_matched_to_criteria') }}, {{ ref('stg_grid__activity_criteria') }}
-- (read after a first run only)
{{ config(
    materialized=('incremental' if lead_scoring.can_delete_rows() else 'table'),
    incremental_strategy='append',
    on_schema_change='fail',
) }}

{%- set fingerprint = lead_scoring.rescoring_fingerprint() %}
{%- set last_run = none %}
{%- if execute and is_incremental() %}
    {%- set last_runs = run_query(
        "select scored_as_of, run_fingerprint, rescored_at from " ~ this
        ~ " where rescore_reason = 'run' order by rescored_at desc limit 1"
    ).rows %}
    {%- set as_of = run_query('select ' ~ scoring_as_of_date()).rows[0][0] %}
    {%- if last_runs | length > 0
        and last_runs[0][1] == fingerprint
        and last_runs[0][0] <= as_of %}
        {%- set last_run = {
            'rescored_at': lead_scoring.timestamp_literal(last_runs[0][2]),
            'days_since': (as_of - last_runs[0][0]).days,
        } %}
    {%- endif %}
{%- endif %}

with

{% if last_run is not none %}

    loaded_events as (

        select * from {{ ref('stg_lead_scoring__events') }}
        where loaded_at > {{ last_run.rescored_at }}

    ),

    input_fingerprints as (

        select * from {{ ref('int_contact_input_fingerprints') }}
        where changed_at > {{ last_run.rescored_at }}

    ),

    events as (

        select * from {{ ref('int_events_with_quality_reason') }}

    ),

    matched_events as (

        select * from {{ ref('int_events_matched_to_criteria') }}

    ),

    activity_criteria as (

        select * from {{ ref('stg_grid__activity_criteria') }}

    ),

    window_lengths as (

        select distinct lookback_days from activity_criteria

    ),

    rescored_contacts as (

        select distinct
            contact_id,
            'events_loaded' as rescore_reason
        from loaded_events
        where contact_id is not null

        union all

        select
            contact_id,
            'inputs_changed' as rescore_reason
        from input_fingerprints

        {% if last_run.days_since > 0 %}

            union all

            -- counted at a date scored at now and not at the same offset from the last
            -- run's date, or the reverse, for a window of the grid's length: at the as-of
            -- date itself (window_moved), or only at the earlier dates the velocity and the
            -- calibration score at (window_moved_earlier: today's scores stay); one
            -- condition per date, the as-of date's first (scoring_offsets is sorted)
            {%- set crossings = [] %}
            {%- for days_earlier in scoring_offsets() %}
                {%- set counted = [] %}
                {%- for days_before in [
                    'events.days_before_as_of',
                    '(events.days_before_as_of - ' ~ last_run.days_since ~ ')',
                ] %}
                    {%- do counted.append('case when ' ~ is_counted_days_earlier(
                        days_before, 'window_lengths.lookback_days', days_earlier
                    ) ~ ' then 1 else 0 end') %}
                {%- endfor %}
                {%- do crossings.append('(' ~ counted | join(' <> ') ~ ')') %}
            {%- endfor %}
            select distinct
                events.contact_id,
                case
                    when {{ crossings[0] }} then 'window_moved'
                    else 'window_moved_earlier'
                end as rescore_reason
            from events
            cross join window_lengths
            where
                events.quality_reason is null
                and ({{ crossings | join(' or ') }})

            union all

            select distinct
                matched_events.contact_id,
                'decaying' as rescore_reason
            from matched_events
            inner join activity_criteria
                on
                    matched_events.scoring_model = activity_criteria.scoring_model
                    and matched_events.criterion = activity_criteria.criterion
            where activity_criteria.decay_half_life_days is not null

        {% endif %}

    ),

{% endif %}

this_run as (

    select
        cast(null as {{ dbt.type_string() }}) as contact_id,
        'run' as rescore_reason,
        {{ 'false' if last_run is not none else 'true' }} as rescores_everyone,
        cast('{{ fingerprint }}' as {{ dbt.type_string() }}) as run_fingerprint

),

entries as (

    select * from this_run

    {% if last_run is not none %}

        union all

        select
            contact_id,
            rescore_reason,
            false as rescores_everyone,
            cast(null as {{ dbt.type_string() }}) as run_fingerprint
        from rescored_contacts

    {% endif %}

),

final as (

    select
        {{ lead_scoring.run_timestamp() }} as rescored_at,
        {{ scoring_as_of_date() }} as scored_as_of,
        contact_id,
        rescore_reason,
        rescores_everyone,
        run_fingerprint
    from entries

)

select * from final

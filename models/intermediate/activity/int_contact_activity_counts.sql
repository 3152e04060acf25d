-- a table kept across runs (rescored_model_config): the one scan of the matched events that counts
-- them; today's scoring (int_contact_criterion_points), the earlier dates'
-- (int_contact_points_graded_earlier) and its key test read the counts (as a view, each of the
-- three scanned the events again)
{{ config(**lead_scoring.rescored_model_config(scores_earlier_dates=true)) }}
{%- set since = lead_scoring.rescore_since() %}

{%- set offsets = scoring_offsets() %}

with

matched_events as (

    -- the matching of int_events_matched_to_criteria, over the events of the contacts
    -- computed again only (the filter before the matching)
    {{ lead_scoring.rescored_events_matched_to_criteria(since) }}

),

scoring_offsets as (

    {{ scoring_offset_dates() }}

),

counted_by_offset as (

    -- one pass over the matched events counts every offset at once: an event counts at an
    -- offset when it is on or before that date and inside the window ending on it
    select
        {% for days_earlier in offsets -%}
            {%- set is_counted = is_counted_days_earlier(
                'matched_events.days_before_as_of',
                'matched_events.lookback_days',
                days_earlier,
            ) %}
            count(case when {{ is_counted }} then 1 end) as event_count_{{ days_earlier }},
            max(case when {{ is_counted }} then matched_events.occurred_date end)
                as last_event_on_{{ days_earlier }},
        {% endfor -%}
        matched_events.contact_id,
        matched_events.scoring_model,
        matched_events.criterion
    from matched_events
    group by
        matched_events.contact_id,
        matched_events.scoring_model,
        matched_events.criterion

),

unpivoted as (

    -- one row per offset; the most recent counted event dates the criterion for decay (a
    -- date, not days before the as-of date: a row stays true while no event enters or leaves)
    select
        {% for column in ['event_count', 'last_event_on'] -%}
            case scoring_offsets.days_earlier
                {% for days_earlier in offsets -%}
                    when {{ days_earlier }}
                        then counted_by_offset.{{ column }}_{{ days_earlier }}
                {% endfor -%}
            end as {{ column }},
        {% endfor -%}
        counted_by_offset.contact_id,
        counted_by_offset.scoring_model,
        counted_by_offset.criterion,
        scoring_offsets.days_earlier
    from counted_by_offset
    cross join scoring_offsets

),

final as (

    select
        contact_id,
        scoring_model,
        criterion,
        days_earlier,
        event_count,
        last_event_on
    from unpivoted
    where event_count > 0

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

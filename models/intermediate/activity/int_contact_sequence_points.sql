-- a table kept across runs (rescored_model_config): the one scan of the matched events that pairs
-- them; today's scoring (int_contact_criterion_points), the earlier dates'
-- (int_contact_points_graded_earlier) and its key test read the points (as a view, each of the
-- three scanned the events again)
{{ config(**lead_scoring.rescored_model_config(scores_earlier_dates=true)) }}
{%- set since = lead_scoring.rescore_since() %}

with

activity_sequences as (

    select * from {{ ref('stg_grid__activity_sequences') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

step_match_rules as (

    -- the rules of the criteria that are a sequence's steps: only their events are paired
    -- (a grid without sequences matches no event here)
    select match_rules.*
    from match_rules
    where exists (
        select null
        from activity_sequences
        where
            activity_sequences.scoring_model = match_rules.scoring_model
            and match_rules.criterion in (
                activity_sequences.first_criterion, activity_sequences.then_criterion
            )
    )

),

matched_events as (

    -- the matching of int_events_matched_to_criteria, over the events of the contacts
    -- computed again only (the filter before the matching) and of the steps' criteria
    {{ lead_scoring.rescored_events_matched_to_criteria(since, 'step_match_rules') }}

),

sequence_events as (

    -- the events each step's criterion counts at each date the activity is scored at
    -- (macro scoring_offsets: int_events_matched_to_criteria keeps the events counted at any
    -- of them), one row per date, sequence and step (a criterion may be both steps)
    {% for days_earlier in scoring_offsets() -%}
        {% set outer_loop = loop -%}
        {% for step in ['first', 'then'] -%}
            select
                {{ days_earlier }} as days_earlier,
                '{{ step }}' as step,
                matched_events.contact_id,
                activity_sequences.scoring_model,
                activity_sequences.criterion,
                activity_sequences.within_days,
                matched_events.occurred_date,
                matched_events.days_before_as_of
            from matched_events
            inner join activity_sequences
                on
                    matched_events.scoring_model = activity_sequences.scoring_model
                    and matched_events.criterion = activity_sequences.{{ step }}_criterion
            where {{ is_counted_days_earlier(
                'matched_events.days_before_as_of',
                'matched_events.lookback_days',
                days_earlier,
            ) }}
            {% if not (loop.last and outer_loop.last) %}union all{% endif %}
        {% endfor %}
    {% endfor %}

),

completed as (

    -- a then-event on the first event's day or up to within_days days after it (fewer days
    -- before the as-of date) completes the sequence; the earliest one earns its points
    select
        then_events.contact_id,
        then_events.scoring_model,
        then_events.criterion,
        then_events.days_earlier,
        min(then_events.occurred_date) as completed_on
    from sequence_events as then_events
    inner join sequence_events as first_events
        on
            then_events.contact_id = first_events.contact_id
            and then_events.scoring_model = first_events.scoring_model
            and then_events.criterion = first_events.criterion
            and then_events.days_earlier = first_events.days_earlier
            and then_events.days_before_as_of <= first_events.days_before_as_of
            and first_events.days_before_as_of - then_events.days_before_as_of
            <= first_events.within_days
    where
        then_events.step = 'then'
        and first_events.step = 'first'
    group by 1, 2, 3, 4

),

final as (

    -- a criterion row like the activity criteria's: earned once (one event, the then-event
    -- that completed it), never capped lower nor decayed
    select
        completed.contact_id,
        completed.scoring_model,
        completed.days_earlier,
        'activity' as dimension,
        completed.criterion,
        activity_sequences.label,
        activity_sequences.display_order,
        1 as event_count,
        completed.completed_on as last_event_on,
        cast(1.0 as {{ number_type() }}) as decay_factor,
        activity_sequences.points as uncapped_points,
        activity_sequences.points,
        activity_sequences.points as max_points,
        cast(null as {{ dbt.type_string() }}) as attribute
    from completed
    inner join activity_sequences
        on
            completed.scoring_model = activity_sequences.scoring_model
            and completed.criterion = activity_sequences.criterion

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

with

events as (

    select * from {{ ref('int_events_with_quality_reason') }}

),

match_rules as (

    select * from {{ ref('stg_grid__activity_match_rules') }}

),

activity_criteria as (

    select * from {{ ref('stg_grid__activity_criteria') }}

),

scored_events as (

    -- int_events_with_quality_reason decides which rows count: those with no quality reason
    select
        event_id,
        contact_id,
        event_type,
        lower(subject) as subject,
        occurred_date,
        days_before_as_of
    from events
    where quality_reason is null

),

matched_to_rules as (

    -- the rules of one criterion are OR-ed: an event matching several of them counts once
    select distinct
        scored_events.event_id,
        scored_events.contact_id,
        match_rules.scoring_model,
        match_rules.criterion,
        scored_events.occurred_date,
        scored_events.days_before_as_of
    from scored_events
    inner join match_rules
        on scored_events.event_type = match_rules.event_type
    where
        match_rules.subject_pattern is null
        or scored_events.subject like match_rules.subject_pattern

),

final as (

    -- the window is lookback_days calendar days ending on the as-of date, both ends
    -- inclusive; an event is kept when it counts at any of the dates the activity is scored
    -- at (macro scoring_offsets), so the counts read every date in one pass
    select
        matched_to_rules.event_id,
        matched_to_rules.contact_id,
        matched_to_rules.scoring_model,
        matched_to_rules.criterion,
        matched_to_rules.occurred_date,
        matched_to_rules.days_before_as_of,
        activity_criteria.lookback_days
    from matched_to_rules
    inner join activity_criteria
        on
            matched_to_rules.scoring_model = activity_criteria.scoring_model
            and matched_to_rules.criterion = activity_criteria.criterion
    where
        {% for days_earlier in scoring_offsets() -%}
            {{ is_counted_days_earlier(
                'matched_to_rules.days_before_as_of',
                'activity_criteria.lookback_days',
                days_earlier,
            ) }}
            {% if not loop.last %}or {% endif %}
        {%- endfor %}

)

select * from final

{% macro events_matched_to_criteria(events, match_rules, activity_criteria) -%}
    {#- The scored events matched to the activity criteria: a select over the relations or
        CTEs named (int_events_with_quality_reason's rows, stg_grid__activity_match_rules,
        stg_grid__activity_criteria), one row per event and criterion it counts for at any
        of the dates the activity is scored at. The one place of the matching rule: the view
        int_events_matched_to_criteria selects it over every event, and the per-contact
        models over the events of the contacts a daily run computes again (their filter then
        applies before the matching, not after). -#}
    select
        matched_to_rules.event_id,
        matched_to_rules.contact_id,
        matched_to_rules.scoring_model,
        matched_to_rules.criterion,
        matched_to_rules.occurred_date,
        matched_to_rules.days_before_as_of,
        matched_criteria.lookback_days
    from (
        -- the rules of one criterion are OR-ed: an event matching several of them counts once;
        -- int_events_with_quality_reason decides which rows count: those with no reason
        select distinct
            scored_events.event_id,
            scored_events.contact_id,
            matched_rules.scoring_model,
            matched_rules.criterion,
            scored_events.occurred_date,
            scored_events.days_before_as_of
        from {{ events }} as scored_events
        inner join {{ match_rules }} as matched_rules
            on scored_events.event_type = matched_rules.event_type
        where
            scored_events.quality_reason is null
            and (
                matched_rules.subject_pattern is null
                or lower(scored_events.subject) like matched_rules.subject_pattern
            )
    ) as matched_to_rules
    inner join {{ activity_criteria }} as matched_criteria
        on
            matched_to_rules.scoring_model = matched_criteria.scoring_model
            and matched_to_rules.criterion = matched_criteria.criterion
    -- the window is lookback_days calendar days ending on the as-of date, both ends
    -- inclusive; an event is kept when it counts at any of the dates the activity is scored
    -- at (macro scoring_offsets), so the counts read every date in one pass
    where
        {% for days_earlier in scoring_offsets() -%}
            {{ is_counted_days_earlier(
                'matched_to_rules.days_before_as_of',
                'matched_criteria.lookback_days',
                days_earlier,
            ) }}
            {% if not loop.last %}or {% endif %}
        {%- endfor %}
{%- endmacro %}

{% macro rescored_events_matched_to_criteria(since, match_rules=none) -%}
    {#- events_matched_to_criteria over the events of the contacts int_contacts_to_rescore
        listed after `since` (rescore_since; every event when none): what the per-contact
        activity models (the counts, the sequences) read. `match_rules`: the rules to match
        (a relation or CTE; stg_grid__activity_match_rules when none), so that a model
        needing some criteria only matches the events of those. -#}
    {{ lead_scoring.events_matched_to_criteria(
        '(select * from ' ~ ref('int_events_with_quality_reason')
        ~ lead_scoring.rescored_contacts_only(since) ~ ')',
        match_rules if match_rules is not none else ref('stg_grid__activity_match_rules'),
        ref('stg_grid__activity_criteria'),
    ) }}
{%- endmacro %}

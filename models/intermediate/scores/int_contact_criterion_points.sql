-- a table kept across runs (rescored_model_config), not a view: lead_scores, lead_score_details and
-- their tests all read it, and recomputing it from the event log for each of them cost more than
-- storing it once (bench/RESULTS.md)
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}
{%- set criterion_point_columns = [
    'contact_id',
    'scoring_model',
    'dimension',
    'criterion',
    'label',
    'display_order',
    'event_count',
    'last_event_on',
    'decay_factor',
    'uncapped_points',
    'points',
    'max_points',
    'attribute',
] %}

with

activity_points as (

    -- the published scores are those as of the as-of date itself (0 days earlier)
    select * from {{ ref('int_contact_activity_points') }}
    where days_earlier = 0
    {{- lead_scoring.rescored_contacts_only(since, keyword='and') }}

),

sequence_points as (

    select * from {{ ref('int_contact_sequence_points') }}
    where days_earlier = 0
    {{- lead_scoring.rescored_contacts_only(since, keyword='and') }}

),

fit_points as (

    select * from {{ ref('int_contact_fit_points') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

audience_members as (

    select * from {{ ref('int_contact_model_audiences') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

criterion_points as (

    {% for dimension_points in ['activity_points', 'sequence_points', 'fit_points'] -%}
        select
            {% for column in criterion_point_columns[:-1] -%}
                {{ column }},
            {% endfor -%}
            {{ criterion_point_columns[-1] }}
        from {{ dimension_points }}
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    -- a model scores only the contacts of its audience
    select criterion_points.*
    from criterion_points
    inner join audience_members
        on
            criterion_points.contact_id = audience_members.contact_id
            and criterion_points.scoring_model = audience_members.scoring_model

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final

{#- One row per contact, scoring model and period in which its published score did not
    change. Each run at the as-of date D closes (valid_to = D) the open periods whose score
    changed, opens new ones from D, and closes those of leads no longer scored. History is
    never rebuilt from scratch, not even by --full-refresh: it records past runs, which the
    inputs alone cannot reproduce. is_surging came later: a record an earlier release wrote
    gains the column at the next run, false in the periods already recorded (that release
    flagged no surge), so that run opens a period for each lead surging then. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['contact_id', 'scoring_model', 'valid_from'],
    full_refresh=false,
    on_schema_change='fail',
    enabled=lead_scoring.can_delete_rows(),
    pre_hook=[
        "{{ add_columns_added_since({'is_surging': ['boolean', 'false']}) }}",
        "{{ forget_runs_from_as_of_date('valid_from') }}",
        "{{ reopen_periods_from_as_of_date('valid_to') }}",
    ],
) }}

{#- the published score a period holds; a change in any but is_mql opens a new period (a
    lead that starts or stops surging too: the change feed reports the start) -#}
{%- set score_columns = [
    'total_points', 'fit_points', 'activity_points', 'grade', 'zone', 'is_mql', 'is_surging',
] -%}
{%- set changing_columns = score_columns | reject('equalto', 'is_mql') | list %}

with

scores as (

    -- each lead's published score as the period it opens should it change
    select
        contact_id,
        scoring_model,
        scored_as_of as valid_from,
        cast(null as date) as valid_to,
        {% for column in score_columns[:-1] -%}
            {{ column }},
        {% endfor -%}
        {{ score_columns[-1] }}
    from {{ ref('lead_scores') }}

),

open_periods as (

    -- the record before this run (the pre-hooks took out what runs at D or later wrote)
    {% if is_incremental() %}
        select * from {{ this }} where valid_to is null
    {% else %}
        select * from scores
        where 1 = 0
    {% endif %}

),

changed as (

    -- a lead whose score differs from its open period, a new lead, or a lead no longer
    -- scored (left the audience or the contacts)
    select
        coalesce(scores.contact_id, open_periods.contact_id) as contact_id,
        coalesce(scores.scoring_model, open_periods.scoring_model) as scoring_model
    from scores
    full outer join open_periods
        on
            scores.contact_id = open_periods.contact_id
            and scores.scoring_model = open_periods.scoring_model
    where
        open_periods.contact_id is null
        or scores.contact_id is null
        {% for column in changing_columns -%}
            or scores.{{ column }} != open_periods.{{ column }}
        {% endfor -%}

),

periods as (

    -- what this run may write: every open period closed at the as-of date, and the period
    -- every lead scored now opens
    select
        contact_id,
        scoring_model,
        valid_from,
        {{ scoring_as_of_date() }} as valid_to,
        {% for column in score_columns[:-1] -%}
            {{ column }},
        {% endfor -%}
        {{ score_columns[-1] }}
    from open_periods
    union all
    select * from scores

),

final as (

    -- written only for the leads whose score changed
    select
        periods.contact_id,
        periods.scoring_model,
        periods.valid_from,
        periods.valid_to,
        {% for column in score_columns[:-1] -%}
            periods.{{ column }},
        {% endfor -%}
        periods.{{ score_columns[-1] }}
    from periods
    inner join changed
        on
            periods.contact_id = changed.contact_id
            and periods.scoring_model = changed.scoring_model

)

select * from final

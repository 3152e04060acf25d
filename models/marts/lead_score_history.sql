{#- One row per contact, scoring model and period in which its published score did not
    change. Each run at the as-of date D closes (valid_to = D) the open periods whose score
    changed, opens new ones from D, and closes those of leads no longer scored. History is
    never rebuilt from scratch, not even by --full-refresh: it records past runs, which the
    inputs alone cannot reproduce. -#}
{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key=['contact_id', 'scoring_model', 'valid_from'],
    full_refresh=false,
    on_schema_change='fail',
    enabled=lead_scoring.can_delete_rows(),
    pre_hook=[
        "{{ forget_runs_from_as_of_date('valid_from') }}",
        "{{ reopen_periods_from_as_of_date('valid_to') }}",
    ],
) }}

{#- the published score a period holds; a change in any but is_mql opens a new period -#}
{%- set score_columns = ['total_points', 'fit_points', 'activity_points', 'grade', 'zone', 'is_mql'] -%}
{%- set changing_columns = score_columns | reject('equalto', 'is_mql') | list %}

with

scores as (

    select
        contact_id,
        scoring_model,
        scored_as_of,
        {%- for column in score_columns %}
            {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from {{ ref('lead_scores') }}

),

open_periods as (

    -- the record before this run (the pre-hooks took out what runs at D or later wrote)
    {% if is_incremental() %}
        select * from {{ this }} where valid_to is null
    {% else %}
        select
            contact_id,
            scoring_model,
            scored_as_of as valid_from,
            cast(null as date) as valid_to,
            {%- for column in score_columns %}
                {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        from scores
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
        {%- for column in changing_columns %}
            or scores.{{ column }} != open_periods.{{ column }}
        {%- endfor %}

),

closed_periods as (

    select
        open_periods.contact_id,
        open_periods.scoring_model,
        open_periods.valid_from,
        {{ scoring_as_of_date() }} as valid_to,
        {%- for column in score_columns %}
            open_periods.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from open_periods
    inner join changed
        on
            open_periods.contact_id = changed.contact_id
            and open_periods.scoring_model = changed.scoring_model

),

opened_periods as (

    select
        scores.contact_id,
        scores.scoring_model,
        scores.scored_as_of as valid_from,
        cast(null as date) as valid_to,
        {%- for column in score_columns %}
            scores.{{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
    from scores
    inner join changed
        on
            scores.contact_id = changed.contact_id
            and scores.scoring_model = changed.scoring_model

),

final as (

    select * from closed_periods
    union all
    select * from opened_periods

)

select * from final

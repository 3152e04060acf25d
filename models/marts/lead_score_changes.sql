{#- The change feed a CRM sync reads: one row per contact, scoring model and run in which
    the lead's grade, zone or total points changed, or the lead started surging, since the
    previous run, read from the
    periods lead_score_history closed and opened at this run's as-of date. A lead scored
    for the first time has no previous values; a lead no longer scored has no current ones.
    Like the history, it is kept across runs and never rebuilt from scratch; a record an
    earlier release wrote gains became_surging (false in its rows: it reported no surge). -#}
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    full_refresh=false,
    on_schema_change='fail',
    enabled=lead_scoring.can_delete_rows(),
    pre_hook=[
        "{{ add_columns_added_since({'became_surging': ['boolean', 'false']}) }}",
        "{{ forget_runs_from_as_of_date('changed_on') }}",
    ],
) }}

with

history as (

    select * from {{ ref('lead_score_history') }}

),

scoring_run as (

    select {{ scoring_as_of_date() }} as as_of_date

),

closed_at_run as (

    select history.*
    from history
    inner join scoring_run
        on history.valid_to = scoring_run.as_of_date

),

opened_at_run as (

    select history.*
    from history
    inner join scoring_run
        on history.valid_from = scoring_run.as_of_date

),

compared as (

    select
        coalesce(opened_at_run.contact_id, closed_at_run.contact_id) as contact_id,
        coalesce(opened_at_run.scoring_model, closed_at_run.scoring_model) as scoring_model,
        closed_at_run.grade as previous_grade,
        opened_at_run.grade as current_grade,
        closed_at_run.zone as previous_zone,
        opened_at_run.zone as current_zone,
        closed_at_run.total_points as previous_total_points,
        opened_at_run.total_points as current_total_points,
        -- a lead scored for the first time, or no longer scored
        closed_at_run.contact_id is null
        or opened_at_run.contact_id is null as is_entry_or_exit,
        coalesce(closed_at_run.is_mql, false) as was_mql,
        coalesce(opened_at_run.is_mql, false) as is_mql,
        coalesce(closed_at_run.is_surging, false) as was_surging,
        coalesce(opened_at_run.is_surging, false) as is_surging
    from opened_at_run
    full outer join closed_at_run
        on
            opened_at_run.contact_id = closed_at_run.contact_id
            and opened_at_run.scoring_model = closed_at_run.scoring_model

),

final as (

    -- a period can also close on a change of fit or activity points alone, or on a lead
    -- that stops surging, that leaves grade, zone and total as they were: not a change for
    -- the CRM
    select
        compared.contact_id,
        compared.scoring_model,
        scoring_run.as_of_date as changed_on,
        compared.previous_grade,
        compared.current_grade,
        compared.previous_zone,
        compared.current_zone,
        compared.previous_total_points,
        compared.current_total_points,
        compared.is_mql and not compared.was_mql as became_mql,
        compared.was_mql and not compared.is_mql as left_mql,
        compared.is_surging and not compared.was_surging as became_surging
    from compared
    cross join scoring_run
    where
        compared.is_entry_or_exit
        or compared.previous_grade != compared.current_grade
        or compared.previous_zone != compared.current_zone
        or compared.previous_total_points != compared.current_total_points
        or compared.is_surging and not compared.was_surging

)

select * from final

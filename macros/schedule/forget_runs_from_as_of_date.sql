{% macro forget_runs_from_as_of_date(starts_column) -%}
    {#- Pre-hook of a model that keeps a record across runs (lead_score_history,
        lead_score_changes): before a run at the as-of date D, delete what runs at D or later
        recorded (rows whose `starts_column` is D or later), so that rerunning a recorded
        date replaces it (idempotent) and a run at an earlier date rewinds the record to it.
        Renders nothing on the first run, when there is no record yet. -#}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ starts_column }} >= {{ scoring_as_of_date() }}
    {%- endif -%}
{%- endmacro %}

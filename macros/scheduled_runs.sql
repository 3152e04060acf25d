{% macro previous_run_relation(model_name) -%}
    {#- The relation an earlier run of this project built for `model_name`, or none when it
        does not exist yet (or while dbt parses). Lets a model read the state a later model
        in the DAG left behind (lead_scores reads lead_score_history for first_mql_on)
        without a cycle: a ref would make them depend on each other. -#}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.name == model_name
        and node.package_name == project_name -%}
        {{ return(adapter.get_relation(node.database, node.schema, node.alias)) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}

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

{% macro reopen_periods_from_as_of_date(ends_column) -%}
    {#- Pre-hook of lead_score_history, after forget_runs_from_as_of_date: the periods that a
        run at the as-of date D or later closed are open again, as they were before D. -#}
    {%- if is_incremental() -%}
        update {{ this }} set {{ ends_column }} = null
        where {{ ends_column }} >= {{ scoring_as_of_date() }}
    {%- endif -%}
{%- endmacro %}

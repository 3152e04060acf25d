{% macro run_timestamp() -%}
    {#- When this dbt invocation started, as a SQL timestamp to the microsecond: what a model
        stamps the rows a run wrote with (stg_lead_scoring__events.loaded_at, rescored_at). -#}
    {{ lead_scoring.timestamp_literal(run_started_at) }}
{%- endmacro %}

{% macro timestamp_literal(moment) -%}
    {#- A Python datetime as a SQL timestamp literal, to the microsecond. -#}
    cast('{{ moment.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}

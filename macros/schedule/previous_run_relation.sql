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

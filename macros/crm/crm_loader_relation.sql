{% macro crm_loader_relation(table_name) -%}
    {#- The relation of a loader table of the CRM in use when it exists in the warehouse (its
        source is looked up by name, without making the caller depend on it), else none;
        none while dbt parses. -#}
    {%- set crm = input_crm() -%}
    {%- if crm is none or not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.sources.values()
        if node.source_name == crm and node.name == table_name -%}
        {{ return(adapter.get_relation(node.database, node.schema, node.identifier)) }}
    {%- endfor -%}
    {{ return(none) }}
{%- endmacro %}

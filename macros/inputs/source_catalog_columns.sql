{% macro source_catalog_columns(table_name) -%}
    {#- The columns an input table has in the warehouse's catalog, read when the calling
        model compiles (none while dbt parses, or when the table is absent). -#}
    {%- set relation = optional_source(table_name) -%}
    {%- if relation is none -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

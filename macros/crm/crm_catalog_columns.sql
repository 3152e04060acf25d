{% macro crm_catalog_columns(relation) -%}
    {#- The columns of a relation in the warehouse's catalog, read when the calling model
        compiles (none while dbt parses). -#}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

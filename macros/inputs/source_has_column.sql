{% macro source_has_column(table_name, column_name) -%}
    {#- Whether an input table has an optional column (e.g. conversions.product), by the
        warehouse's catalog at compile time. -#}
    {%- for column in source_catalog_columns(table_name) -%}
        {%- if column.name | lower == column_name -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}

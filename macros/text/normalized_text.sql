{% macro normalized_text(expression) -%}
    {#- Text as the grid compares it: lowercase, surrounding spaces removed; blank becomes null. -#}
    nullif(lower(trim(cast({{ expression }} as {{ dbt.type_string() }}))), '')
{%- endmacro %}

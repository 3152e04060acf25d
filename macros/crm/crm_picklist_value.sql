{% macro crm_picklist_value(expression) -%}
    {#- A picklist label as the grid's snake_case values: `Paid Search` is `paid_search`. -#}
    replace({{ normalized_text(expression) }}, ' ', '_')
{%- endmacro %}

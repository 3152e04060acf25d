{% macro grade_scale() -%}
    {#- The grades of each dimension, best first: fit letters A-D, activity digits 4-1. -#}
    {{ return({'fit': ['A', 'B', 'C', 'D'], 'activity': ['4', '3', '2', '1']}) }}
{%- endmacro %}

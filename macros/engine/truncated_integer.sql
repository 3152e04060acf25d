{% macro truncated_integer(expression) -%}
    {#- A number truncated toward zero to an integer (decayed points: 0.5 of -3 is -1). -#}
    {{ return(adapter.dispatch('truncated_integer', 'lead_scoring')(expression)) }}
{%- endmacro %}

{% macro default__truncated_integer(expression) -%}
    cast(trunc({{ expression }}) as {{ dbt.type_int() }})
{%- endmacro %}

{% macro spark__truncated_integer(expression) -%}
    {#- Spark's trunc is for dates; its cast of a double to an integer truncates -#}
    cast({{ expression }} as {{ dbt.type_int() }})
{%- endmacro %}

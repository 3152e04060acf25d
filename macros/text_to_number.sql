{% macro text_to_number(expression) -%}
    {#- A text expression as a number, or null when it is not one (never an error): grid
        values are typed by marketers, and a bad one must be reported, not crash the run. -#}
    {{ return(adapter.dispatch('text_to_number', 'lead_scoring')(expression)) }}
{%- endmacro %}

{% macro default__text_to_number(expression) -%}
    case
        when trim({{ expression }}) ~ '^[+-]?[0-9]+([.][0-9]+)?$'
            then cast(trim({{ expression }}) as {{ dbt.type_numeric() }})
    end
{%- endmacro %}

{% macro duckdb__text_to_number(expression) -%}
    try_cast(trim({{ expression }}) as {{ dbt.type_numeric() }})
{%- endmacro %}

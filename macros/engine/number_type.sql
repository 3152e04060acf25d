{% macro number_type() -%}
    {#- The type fit rules compare numbers in: a 64-bit float, exact for counts and for
        revenues up to 2^53, and printed alike by every engine. -#}
    {{ return(adapter.dispatch('number_type', 'lead_scoring')()) }}
{%- endmacro %}

{% macro default__number_type() -%}
    double precision
{%- endmacro %}

{% macro duckdb__number_type() -%}
    double
{%- endmacro %}

{% macro spark__number_type() -%}
    double
{%- endmacro %}

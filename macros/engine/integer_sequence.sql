{% macro integer_sequence(upper_bound) -%}
    {#- A query returning one row per integer n from 1 to upper_bound, built from plain
        selects so it runs on every adapter. -#}
    {%- set digits = range(10) -%}
    {%- set places = (upper_bound | string | length) -%}
    with digits as (
        {% for digit in digits -%}
        select {{ digit }} as digit{% if not loop.last %} union all{% endif %}
        {% endfor %}
    ),

    numbers as (
        select
            {% for place in range(places) -%}
            digits_{{ place }}.digit * {{ 10 ** place }}{% if not loop.last %} +{% endif %}
            {% endfor -%}
            + 1 as n
        from digits as digits_0
        {% for place in range(1, places) -%}
        cross join digits as digits_{{ place }}
        {% endfor %}
    )

    select n from numbers where n <= {{ upper_bound }}
{%- endmacro %}

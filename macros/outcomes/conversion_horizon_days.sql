{% macro conversion_horizon_days() -%}
    {#- The var `conversion_horizon_days` as a SQL integer: how many days after the as-of date
        a conversion still counts as the outcome of the score. -#}
    {{ days_var('conversion_horizon_days', 90) }}
{%- endmacro %}

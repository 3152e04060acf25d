{% macro learning_lookback_days() -%}
    {#- The var `learning_lookback_days` as a SQL integer: the activity window, in days
        ending on the as-of date, that `lead-scoring learn` counts events in. -#}
    {{ days_var('learning_lookback_days', 90) }}
{%- endmacro %}

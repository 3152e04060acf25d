{% macro learning_lookback_days() -%}
    {#- The var `learning_lookback_days` as a SQL integer: the activity window, in days
        ending on the as-of date, that `lead-scoring learn` counts events in. -#}
    {%- set lookback = var('learning_lookback_days', 90) | string | trim -%}
    {%- if not modules.re.match('^[0-9]+$', lookback) or lookback | int < 1 -%}
        {{ exceptions.raise_compiler_error("var learning_lookback_days must be a whole number of days, at least 1, got '" ~ lookback ~ "'") }}
    {%- endif -%}
    {{ lookback | int }}
{%- endmacro %}

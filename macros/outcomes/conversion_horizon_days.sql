{% macro conversion_horizon_days() -%}
    {#- The var `conversion_horizon_days` as a SQL integer: how many days after the as-of date
        a conversion still counts as the outcome of the score. Checked here so that a typo
        fails the build with a clear message. -#}
    {%- set horizon = var('conversion_horizon_days', 90) | string | trim -%}
    {%- if not modules.re.match('^[0-9]+$', horizon) or horizon | int < 1 -%}
        {{ exceptions.raise_compiler_error("var conversion_horizon_days must be a whole number of days, at least 1, got '" ~ horizon ~ "'") }}
    {%- endif -%}
    {{ horizon | int }}
{%- endmacro %}

{% macro days_var(var_name, default) -%}
    {#- A var holding a number of days, as a SQL integer: checked here so that a typo fails
        the build with a message naming the var instead of computing with a wrong window. -#}
    {%- set days = var(var_name, default) | string | trim -%}
    {%- if not modules.re.match('^[0-9]+$', days) or days | int < 1 -%}
        {{ exceptions.raise_compiler_error("var " ~ var_name ~ " must be a whole number of days, at least 1, got '" ~ days ~ "'") }}
    {%- endif -%}
    {{ days | int }}
{%- endmacro %}

{% macro scoring_as_of_date() -%}
    {#- The as-of date as a SQL date expression: the var `scoring_as_of` (YYYY-MM-DD) or, when
        unset, the warehouse's current date. The var is parsed here so a typo fails the build
        with a clear message instead of scoring against a wrong date. -#}
    {%- set as_of = var('scoring_as_of', none) -%}
    {%- if as_of is none or as_of | string | trim == '' -%}
        cast({{ dbt.current_timestamp() }} as date)
    {%- else -%}
        {%- set as_of_text = as_of | string | trim -%}
        {%- if not modules.re.match('^[0-9]{4}-[0-9]{2}-[0-9]{2}$', as_of_text) -%}
            {{ exceptions.raise_compiler_error("var scoring_as_of must be a date written YYYY-MM-DD, got '" ~ as_of_text ~ "'") }}
        {%- endif -%}
        {%- set parsed = modules.datetime.datetime.strptime(as_of_text, '%Y-%m-%d') -%}
        cast('{{ parsed.strftime("%Y-%m-%d") }}' as date)
    {%- endif -%}
{%- endmacro %}

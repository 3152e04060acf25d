{% macro calibration_prior_leads() -%}
    {#- The var `calibration_prior_leads` (m) as a SQL integer: how many leads' worth of the
        window's overall conversion rate a grade cell's probability starts from. Checked
        here so that a typo fails the build with a message naming the var. -#}
    {%- set leads = var('calibration_prior_leads', 20) | string | trim -%}
    {%- if not modules.re.match('^[0-9]+$', leads) -%}
        {{ exceptions.raise_compiler_error("var calibration_prior_leads must be a whole number of leads, 0 or more, got '" ~ leads ~ "'") }}
    {%- endif -%}
    {{ leads | int }}
{%- endmacro %}

{% macro zones() -%}
    {#- The zones a lead or an account can be in, best first. `hot` is an MQL. -#}
    {{ return(['hot', 'warm', 'cold']) }}
{%- endmacro %}

{% macro max_list_items() -%}
    {#- The longest `|`-separated list a fit rule or audience value may hold. -#}
    {{ return(100) }}
{%- endmacro %}

{% macro zone_ranks() -%}
    {#- A select of the zones, one row each: `zone` and `zone_rank` (1 = hot, the best). -#}
    {%- for zone in zones() %}
    select
        '{{ zone }}' as zone,
        {{ loop.index }} as zone_rank
    {% if not loop.last %}union all{% endif %}
    {%- endfor -%}
{%- endmacro %}

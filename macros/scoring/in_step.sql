{% macro in_step(value, minimum, next_minimum) -%}
    {#- SQL condition: `value` lies in the step that starts at `minimum` (inclusive; null =
        no lower bound) and ends before `next_minimum` (null = no upper bound). Tiers, grade
        bands and zone thresholds are all such steps: the highest minimum reached counts. -#}
    ({{ minimum }} is null or {{ value }} >= {{ minimum }})
    and ({{ next_minimum }} is null or {{ value }} < {{ next_minimum }})
{%- endmacro %}

{% macro grade_cells() -%}
    {#- A select of the 16 cells of the grade scale, one row each: fit_grade, activity_grade. -#}
    {%- set scale = grade_scale() -%}
    {%- for fit_grade in scale['fit'] -%}
        {%- set outer_loop = loop -%}
        {%- for activity_grade in scale['activity'] %}
    select
        '{{ fit_grade }}' as fit_grade,
        '{{ activity_grade }}' as activity_grade
    {% if not (outer_loop.last and loop.last) %}union all{% endif %}
        {%- endfor -%}
    {%- endfor -%}
{%- endmacro %}

{% macro grade_text(fit_grade, activity_grade) -%}
    {#- The grade a lead shows: the grades its model has, concatenated (`A4`; `4` for an
        activity-only model, `A` for a fit-only one). -#}
    nullif(coalesce({{ fit_grade }}, '') || coalesce({{ activity_grade }}, ''), '')
{%- endmacro %}

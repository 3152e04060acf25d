with

source as (

    select * from {{ grid_seed('grid_zone_matrix') }}

),

{#- The seed is laid out as the 4x4 matrix marketers draw; scoring reads one row per cell. -#}
{%- set activity_grades = grade_scale()['activity'] %}

cells as (

    {% for activity_grade in activity_grades -%}
        select
            trim(scoring_model) as scoring_model,
            upper(trim(fit_grade)) as fit_grade,
            '{{ activity_grade }}' as activity_grade,
            {{ normalized_text('activity_' ~ activity_grade) }} as zone
        from source
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

final as (

    select
        scoring_model,
        fit_grade,
        activity_grade,
        fit_grade || activity_grade as grade,
        zone
    from cells

)

select * from final

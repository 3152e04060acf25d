{% macro graded_points(points) -%}
    {#- Grades and zones rows of points: `points` names a relation or CTE with
        `scoring_model`, `fit_points`, `activity_points` and `total_points` (its other
        columns pass through). Fit and activity grades come from the model's bands, the zone
        from the grade cell (zone_method matrix) or from the total points (zone_method
        total); a model with no bands for a dimension has no grade there, and `grade` is the
        grades the model has, concatenated. The one place that turns points into a grade and
        a zone: the scores, the next steps and the calibration all call it. -#}
    select
        graded.*,
        coalesce(graded.zone = 'hot', false) as is_mql
    from (
        select
            {{ points }}.*,
            fit_bands.step as fit_grade,
            activity_bands.step as activity_grade,
            {{ grade_text('fit_bands.step', 'activity_bands.step') }} as grade,
            case
                when graded_scoring_models.zone_method = 'total' then total_zones.step
                else graded_zone_matrix.zone
            end as zone
        from {{ points }}
        inner join {{ ref('int_scoring_models') }} as graded_scoring_models
            on {{ points }}.scoring_model = graded_scoring_models.scoring_model
        {% for scale, steps in [
            ('fit', 'fit_bands'), ('activity', 'activity_bands'), ('total', 'total_zones')
        ] -%}
            left join {{ ref('int_grid_point_ranges') }} as {{ steps }}
                on
                    {{ points }}.scoring_model = {{ steps }}.scoring_model
                    and {{ steps }}.scale = '{{ scale }}'
                    and {{ in_step(
                        points ~ '.' ~ scale ~ '_points',
                        steps ~ '.min_points',
                        steps ~ '.next_min_points'
                    ) }}
        {% endfor -%}
        left join {{ ref('stg_grid__zone_matrix') }} as graded_zone_matrix
            on
                {{ points }}.scoring_model = graded_zone_matrix.scoring_model
                and fit_bands.step = graded_zone_matrix.fit_grade
                and activity_bands.step = graded_zone_matrix.activity_grade
    ) as graded
{%- endmacro %}

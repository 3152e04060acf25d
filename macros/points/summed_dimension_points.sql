{% macro summed_dimension_points(dimension, points='points') -%}
    {#- The aggregate of a dimension's points over criterion rows (a `dimension` column and a
        points column): the sum of its criteria's points, 0 when none scored. The one place
        that says fit_points and activity_points are sums of criteria (contract section 2). -#}
    sum(case when dimension = '{{ dimension }}' then {{ points }} else 0 end)
{%- endmacro %}

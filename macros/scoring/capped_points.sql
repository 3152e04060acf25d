{% macro capped_points(points, max_points) -%}
    {#- A criterion's tier points held at its max_points (a floor for a negative criterion,
        whose max_points is below 0; null = no cap). The one place the cap rule lives: the
        scores and the next steps both call it. -#}
    case
        when {{ max_points }} is null then {{ points }}
        when {{ max_points }} >= 0 then least({{ points }}, {{ max_points }})
        else greatest({{ points }}, {{ max_points }})
    end
{%- endmacro %}

{% macro velocity_offsets() -%}
    {#- The look-backs of the score velocity, in days: lead_scores.points_<n>d for each. -#}
    {{ return([7, 30]) }}
{%- endmacro %}

{% macro scoring_offsets() -%}
    {#- The dates the activity is scored at, as whole days before the as-of date: 0 (the
        as-of date itself), the velocity's look-backs (velocity_offsets) and the var
        `conversion_horizon_days` (the calibration window's start). A sorted list of
        distinct integers, for Jinja loops. -#}
    {%- set offsets = [0] + velocity_offsets() + [conversion_horizon_days() | trim | int] -%}
    {{ return(offsets | unique | sort | list) }}
{%- endmacro %}

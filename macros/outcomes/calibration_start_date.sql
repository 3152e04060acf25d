{% macro calibration_start_date() -%}
    {#- The calibration window's start as a SQL date: conversion_horizon_days before the
        as-of date (SPEC section 8). -#}
    cast({{ dbt.dateadd('day', '-1 * ' ~ conversion_horizon_days(), scoring_as_of_date()) }} as date)
{%- endmacro %}

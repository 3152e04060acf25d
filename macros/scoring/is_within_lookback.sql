{% macro is_within_lookback(days_before_as_of, lookback_days) -%}
    {#- Whether an event `days_before_as_of` days before the as-of date lies in a window of
        `lookback_days` calendar days ending on the as-of date, both ends inclusive (contract section 2);
        a null lookback is all history. -#}
    ({{ lookback_days }} is null or {{ days_before_as_of }} < {{ lookback_days }})
{%- endmacro %}

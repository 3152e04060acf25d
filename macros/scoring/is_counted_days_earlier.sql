{% macro is_counted_days_earlier(days_before_as_of, lookback_days, days_earlier) -%}
    {#- Whether an event `days_before_as_of` days before the as-of date counts for a
        criterion scored as of `days_earlier` days before the as-of date: not after that
        date, and inside the criterion's window ending on it (is_within_lookback). -#}
    ({{ days_before_as_of }} >= {{ days_earlier }}
    and {{ is_within_lookback(
        '(' ~ days_before_as_of ~ ' - ' ~ days_earlier ~ ')', lookback_days
    ) }})
{%- endmacro %}

{% macro reopen_periods_from_as_of_date(ends_column) -%}
    {#- Pre-hook of lead_score_history, after forget_runs_from_as_of_date: the periods that a
        run at the as-of date D or later closed are open again, as they were before D. -#}
    {%- if is_incremental() -%}
        update {{ this }} set {{ ends_column }} = null
        where {{ ends_column }} >= {{ scoring_as_of_date() }}
    {%- endif -%}
{%- endmacro %}

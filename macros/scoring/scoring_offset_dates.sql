{% macro scoring_offset_dates() -%}
    {#- The dates the activity is scored at as rows (days_earlier, scored_as_of), one per
        offset of scoring_offsets: a query for a CTE of the models that read every offset. -#}
    {%- for days_earlier in scoring_offsets() %}
    select
        {{ days_earlier }} as days_earlier,
        cast(
            {{ dbt.dateadd('day', -1 * days_earlier, scoring_as_of_date()) }} as date
        ) as scored_as_of
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}
{%- endmacro %}

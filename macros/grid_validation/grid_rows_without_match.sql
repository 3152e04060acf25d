{% macro grid_rows_without_match(
    rows, reference, columns, issue, criterion=none, grid_file=none, where=none
) -%}
    {#- The grid-validation check "every row of `rows` has a row of `reference` with the same
        `columns`": a select of one issue row ([grid_file,] scoring_model, criterion, issue)
        per distinct problem among the rows of the CTE `rows` that have none. `issue`,
        `criterion` (default: the row's criterion), `grid_file` and `where` (an extra
        condition) are SQL expressions over `rows`' columns. A null in a compared column
        matches nothing, so it is an issue too. -#}
    {%- set conditions = [] -%}
    {%- for column in columns -%}
        {%- do conditions.append(rows ~ '.' ~ column ~ ' = ' ~ reference ~ '.' ~ column) -%}
    {%- endfor %}
    select distinct
        {% if grid_file is not none -%}
            {{ grid_file }} as grid_file,
        {% endif -%}
        {{ rows }}.scoring_model,
        {{ criterion or rows ~ '.criterion' }} as criterion,
        {{ issue }} as issue
    from {{ rows }}
    left join {{ reference }}
        on {{ conditions | join(' and ') }}
    where
        {{ reference }}.{{ columns | last }} is null
        {%- if where is not none %} and ({{ where }}){% endif %}
{%- endmacro %}

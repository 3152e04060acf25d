{% macro grid_rows_listed_twice(rows, columns, issue, criterion='criterion', grid_file=none) -%}
    {#- The grid-validation check "no two rows of `rows` share `columns`" (a seed's key): a
        select of one issue row ([grid_file,] scoring_model, criterion, issue) per key listed
        more than once. `columns` holds scoring_model; `criterion` and `grid_file` are SQL
        expressions over the key columns, `issue` a quoted literal. -#}
    select
        {% if grid_file is not none -%}
            {{ grid_file }} as grid_file,
        {% endif -%}
        scoring_model,
        {{ criterion }} as criterion,
        {{ issue }} as issue
    from {{ rows }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{%- endmacro %}

{% macro select_optional_source(table_name, columns) -%}
    {#- A select of an optional input table when it exists, else of no rows with the same
        columns: `columns` lists its (name, SQL type) pairs. The calling model depends on
        the input (input_relation) either way: it reads its rows when there are any. -#}
    {%- do input_relation(table_name) -%}
    {%- set relation = optional_source(table_name) -%}
    {%- if relation is not none -%}
        select * from {{ relation }}
    {%- else -%}
        select * from (
            select
                {% for name, type in columns -%}
                    cast(null as {{ type }}) as {{ name }}{{ ',' if not loop.last }}
                {% endfor %}
        ) as no_table
        where 1 = 0
    {%- endif -%}
{%- endmacro %}

{% test has_no_rows(model, columns, message) %}
    {#- Passes when the model has no row. Otherwise fails the build with `message` and the
        rows themselves (their `columns`, at most 50), so that whoever broke something reads
        what and where without querying the warehouse. -#}
    {%- if execute -%}
        {%- set found = run_query(
            'select ' ~ columns | join(', ') ~ ' from ' ~ model
            ~ ' order by ' ~ columns | join(', ')
        ) -%}
        {%- if found.rows | length > 0 -%}
            {%- set lines = [] -%}
            {%- for row in found.rows[:50] -%}
                {%- do lines.append('  - ' ~ row.values() | join(' | ')) -%}
            {%- endfor -%}
            {{ exceptions.raise_compiler_error(
                message ~ ' (' ~ found.rows | length ~ ' found; '
                ~ columns | join(' | ') ~ '):\n' ~ lines | join('\n')
            ) }}
        {%- endif -%}
    {%- endif -%}
    select * from {{ model }}
{% endtest %}

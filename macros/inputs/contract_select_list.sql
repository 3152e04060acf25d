{% macro contract_select_list(table_name, expressions={}, aliases={}, relation=none) -%}
    {#- The select list of a model that writes an input table's contract columns: every
        column contract_columns() names, in its order, comma-separated (no trailing comma).
        A column is `expressions[column] as column` where the model computes it, else the
        column of that name (of `relation` when given); `aliases` renames one in the output.
        Lines after the first are indented as a CTE's select list is (8 spaces).
        The one place a model writes the contract's column list: a contract column added to
        the YAML is selected by every such model. -#}
    {#- dbt's graph is there to read the YAML from once models compile, not while it parses -#}
    {%- set items = [] -%}
    {%- for column_name in (contract_columns(table_name) if execute else []) -%}
        {%- set output_name = aliases.get(column_name, column_name) -%}
        {%- if column_name in expressions -%}
            {%- do items.append(expressions[column_name] ~ ' as ' ~ output_name) -%}
        {%- else -%}
            {%- set column = relation ~ '.' ~ column_name if relation else column_name -%}
            {%- do items.append(
                column ~ (' as ' ~ output_name if output_name != column_name else '')
            ) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(items | join(',\n' ~ ' ' * 8)) }}
{%- endmacro %}

{% macro source_extra_columns(table_name) -%}
    {#- The columns of an input table beyond those its source documents (the contract), read
        from the warehouse's catalog when the model is compiled, as a list of
        `{name, quoted, is_numeric}`; names lowercased. A user adds a column to their table
        and a grid row that tests it, nothing else. -#}
    {%- set columns = source_catalog_columns(table_name) -%}
    {%- if not columns -%}
        {#- while dbt parses, its graph is not there to read the contract from either -#}
        {{ return([]) }}
    {%- endif -%}
    {%- set documented = contract_columns(table_name) -%}
    {%- set extras = [] -%}
    {%- for column in columns -%}
        {%- if column.name | lower not in documented -%}
            {%- do extras.append({
                'name': column.name | lower,
                'quoted': adapter.quote(column.name),
                'is_numeric': column.is_numeric() or column.is_float() or column.is_integer(),
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(extras) }}
{%- endmacro %}

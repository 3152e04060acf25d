{% macro optional_source(table_name) -%}
    {#- The relation of an optional input table (e.g. contact_attributes) when it exists in
        the warehouse (input_relation says where), else none: models read it only when
        present, so nobody has to declare that a table is there. -#}
    {%- set relation = input_relation(table_name) -%}
    {%- if relation is none or not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(adapter.get_relation(relation.database, relation.schema, relation.identifier)) }}
{%- endmacro %}

{% macro source_catalog_columns(table_name) -%}
    {#- The columns an input table has in the warehouse's catalog, read when the calling
        model compiles (none while dbt parses, or when the table is absent). -#}
    {%- set relation = optional_source(table_name) -%}
    {%- if relation is none -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

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

{% macro source_has_column(table_name, column_name) -%}
    {#- Whether an input table has an optional column (e.g. conversions.product), by the
        warehouse's catalog at compile time. -#}
    {%- for column in source_catalog_columns(table_name) -%}
        {%- if column.name | lower == column_name -%}
            {{ return(true) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}

{% macro contract_columns(table_name) -%}
    {#- The columns documented for an input table (lowercase): the contract, as the
        `lead_scoring` source YAML states it, or with a CRM's staging, as that staging
        model's YAML does (it documents the contract's columns it writes). -#}
    {%- set crm = input_crm() -%}
    {%- if crm is none -%}
        {%- set documented = graph.sources.values()
            | selectattr('source_name', 'equalto', 'lead_scoring')
            | selectattr('name', 'equalto', table_name) -%}
    {%- else -%}
        {%- set documented = graph.nodes.values()
            | selectattr('resource_type', 'equalto', 'model')
            | selectattr('name', 'equalto', 'stg_' ~ crm ~ '__' ~ table_name) -%}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for node in documented -%}
        {%- for column_name in node.columns -%}
            {%- do names.append(column_name | lower) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

{% macro select_optional_source(table_name, columns) -%}
    {#- A select of an optional input table when it exists, else of no rows with the same
        columns: `columns` lists its (name, SQL type) pairs. -#}
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

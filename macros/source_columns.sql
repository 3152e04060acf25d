{% macro optional_source(table_name) -%}
    {#- The relation of an input table (e.g. the optional contact_attributes) when it exists
        in the warehouse, else none, for a model that reads its catalog (its columns, its
        presence) rather than its rows: a contract-shaped table is looked up by the
        `lead_scoring` source's name without making the model depend on the source (the
        lineage shows the models that read rows); a CRM's staging model is a ref, so that
        it is built before its catalog is read. -#}
    {%- if input_crm() is not none -%}
        {%- set relation = input_relation(table_name) -%}
        {%- if relation is none or not execute -%}
            {{ return(none) }}
        {%- endif -%}
        {{ return(adapter.get_relation(relation.database, relation.schema, relation.identifier)) }}
    {%- endif -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {%- for node in graph.sources.values()
        if node.source_name == 'lead_scoring' and node.name == table_name -%}
        {{ return(adapter.get_relation(node.database, node.schema, node.identifier)) }}
    {%- endfor -%}
    {{ return(none) }}
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

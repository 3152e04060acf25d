{% macro schema_relation_names(database, schema) -%}
    {#- The names of the tables and views in a schema, as the warehouse lists them now
        (lowercase): a list, empty when the schema has none. -#}
    {{ return(adapter.dispatch('schema_relation_names', 'lead_scoring')(database, schema)) }}
{%- endmacro %}

{% macro default__schema_relation_names(database, schema) -%}
    {%- set listed -%}
        select table_name
        from information_schema.tables
        where
            lower(table_catalog) = lower('{{ database }}')
            and lower(table_schema) = lower('{{ schema }}')
    {%- endset -%}
    {{ return(run_query(listed).columns[0].values() | map('lower') | list) }}
{%- endmacro %}

{% macro spark__schema_relation_names(database, schema) -%}
    {#- Spark has no information_schema; its temporary views belong to no schema -#}
    {%- if not adapter.check_schema_exists(database, schema) -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set listed = run_query('show tables in ' ~ schema) -%}
    {%- set names = [] -%}
    {%- for row in listed if not row['isTemporary'] -%}
        {%- do names.append(row['tableName'] | lower) -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

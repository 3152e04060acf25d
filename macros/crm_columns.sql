{% macro crm_column(relation, column_name, data_type) -%}
    {#- A column of a CRM loader's table when the table has it (the warehouse's catalog, at
        compile time), else a null of `data_type`: loaders write a CRM property only when the
        CRM account uses it (e.g. HubSpot's `property_hs_buying_role`). -#}
    {%- for column in crm_catalog_columns(relation) -%}
        {%- if column.name | lower == column_name -%}
            {{ return(adapter.quote(column.name)) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return('cast(null as ' ~ data_type ~ ')') }}
{%- endmacro %}

{% macro crm_catalog_columns(relation) -%}
    {#- The columns of a relation in the warehouse's catalog, read when the calling model
        compiles (none while dbt parses). -#}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{% macro crm_property_columns(relation, mapped=[]) -%}
    {#- The CRM properties of a loader's table beyond those `mapped` into the contract, as
        `{quoted, name}` with `name` the property's own name (`property_department` is
        `department`): staging passes them through, so a fit rule can test
        `contacts.department` as it would a contract-shaped table's extra column. -#}
    {%- set properties = [] -%}
    {%- for column in crm_catalog_columns(relation) -%}
        {%- set column_name = column.name | lower -%}
        {%- if column_name.startswith('property_') and column_name not in mapped -%}
            {%- do properties.append({
                'quoted': adapter.quote(column.name),
                'name': column_name[9:],
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(properties) }}
{%- endmacro %}

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

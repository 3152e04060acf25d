{% macro crm_missing_columns(crm) -%}
    {#- The relied-on columns (crm_relied_columns) the CRM's loader tables lack in the
        warehouse, as `{table, columns, consequence}`; `columns` is empty for an absent
        table. Each is logged as a warning; none while dbt parses. -#}
    {%- set missing = [] -%}
    {%- if not execute -%}
        {{ return(missing) }}
    {%- endif -%}
    {%- for table_name, columns, consequence in crm_relied_columns(crm) -%}
        {%- set relation = crm_loader_relation(table_name) -%}
        {%- set present = [] -%}
        {%- if relation is not none -%}
            {%- for column in crm_catalog_columns(relation) -%}
                {%- do present.append(column.name | lower) -%}
            {%- endfor -%}
        {%- endif -%}
        {%- set spellings = columns.split('|') if columns else [] -%}
        {%- if relation is none or (spellings and not (spellings | select('in', present) | list)) -%}
            {%- if relation is none -%}
                {%- set what = 'has no table ' ~ crm ~ '.' ~ table_name -%}
            {%- else -%}
                {%- set what = crm ~ '.' ~ table_name ~ ' has no column '
                    ~ spellings | join(' or ') ~ ' (read as null)' -%}
            {%- endif -%}
            {%- do exceptions.warn(
                'lead_scoring: the ' ~ crm ~ ' connector ' ~ what ~ ': ' ~ consequence
            ) -%}
            {%- do missing.append({
                'table': table_name, 'columns': columns, 'consequence': consequence
            }) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(missing) }}
{%- endmacro %}

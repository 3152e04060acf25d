{% macro crm_missing_column_rows(crm) -%}
    {#- A select of one row per relied-on loader column (or table) absent from the warehouse
        (crm_missing_columns), as crm_<crm>__rows_classified lists rows: input_table,
        reason `missing_column`, example_key naming it and what is lost. -#}
    {%- set missing = crm_missing_columns(crm) -%}
    {%- if not missing -%}
        select * from (
            select
                cast(null as {{ dbt.type_string() }}) as input_table,
                cast(null as {{ dbt.type_string() }}) as reason,
                cast(null as {{ dbt.type_string() }}) as example_key
        ) as no_missing_column
        where 1 = 0
    {%- else -%}
        {%- for item in missing %}
            select
                '{{ crm }}.{{ item.table }}' as input_table,
                'missing_column' as reason,
                '{{ (item.columns | replace("|", " or ") if item.columns else "(no table)")
                    ~ ": " ~ item.consequence }}' as example_key
            {% if not loop.last %}union all{% endif %}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}

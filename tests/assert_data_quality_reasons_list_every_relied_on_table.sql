-- Every CRM loader table whose columns its staging relies on (crm_relied_columns) has a
-- `missing_column` reason in the seed data_quality_reasons: scoring_data_quality lists the
-- reasons of that seed only, so a missing row there would hide a missing column.
{%- set relied_on_tables = [] -%}
{%- for crm in crm_names() -%}
    {%- for table_name, columns, consequence in crm_relied_columns(crm) -%}
        {%- if (crm, table_name) not in relied_on_tables -%}
            {%- do relied_on_tables.append((crm, table_name)) -%}
        {%- endif -%}
    {%- endfor -%}
{%- endfor %}

with

data_quality_reasons as (

    select * from {{ ref('data_quality_reasons') }}

),

relied_on_tables as (

    {% for crm, table_name in relied_on_tables -%}
        select
            '{{ crm }}' as crm,
            '{{ crm }}.{{ table_name }}' as input_table
        {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

missing_column_reasons as (

    select
        crm,
        input_table
    from data_quality_reasons
    where reason = 'missing_column'

),

final as (

    select
        relied_on_tables.crm,
        relied_on_tables.input_table
    from relied_on_tables
    left join missing_column_reasons
        on
            relied_on_tables.crm = missing_column_reasons.crm
            and relied_on_tables.input_table = missing_column_reasons.input_table
    where missing_column_reasons.input_table is null

)

select * from final

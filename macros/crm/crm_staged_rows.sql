{% macro crm_staged_rows(crm, table_name) -%}
    {#- The body of a CRM layer's contract-shaped `crm_<crm>__events` or
        `crm_<crm>__conversions`: the rows of its `crm_<crm>__activity_rows` or
        `crm_<crm>__conversion_rows` it stages (by their `crm_reason`, crm_is_staged), with the
        contract's columns as the model's YAML documents them (contract_columns). -#}
    {%- set rows_models = {'events': 'activity_rows', 'conversions': 'conversion_rows'} -%}
    {%- if table_name not in rows_models -%}
        {{ exceptions.raise_compiler_error(
            "crm_staged_rows: no rows model stages the contract's " ~ table_name
        ) }}
    {%- endif -%}
    {#- dbt's graph is there to read the YAML from once models compile, not while it parses -#}
    {%- set columns = contract_columns(table_name) if execute else [] %}
    with

    crm_rows as (

        select * from {{ ref('crm_' ~ crm ~ '__' ~ rows_models[table_name]) }}

    ),

    final as (

        select
            {% for column_name in columns -%}
                {{ column_name }}{{ ',' if not loop.last }}
            {% endfor -%}
        from crm_rows
        where {{ crm_is_staged('crm_reason') }}

    )

    select * from final
{%- endmacro %}

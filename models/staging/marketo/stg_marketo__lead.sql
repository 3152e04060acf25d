{{ config(enabled=input_crm() == 'marketo') }}
{%- set source_relation = source('marketo', 'lead') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as lead_id,
        coalesce(
            cast({{ crm_column(source_relation, '_fivetran_deleted', 'boolean') }} as boolean),
            false
        ) as is_deleted,
        email,
        {{ crm_column(source_relation, 'title', dbt.type_string()) }} as job_title,
        phone,
        country,
        {{ crm_column(source_relation, 'is_decision_maker_c', 'boolean') }} as is_decision_maker,
        {{ crm_column(source_relation, 'lead_source', dbt.type_string()) }} as lead_source,
        company as company_name,
        {{ crm_column(source_relation, 'website', dbt.type_string()) }} as website,
        {{ crm_column(source_relation, 'industry', dbt.type_string()) }} as industry,
        cast(
            {{ crm_column(source_relation, 'number_of_employees', dbt.type_int()) }}
            as {{ dbt.type_int() }}
        ) as employee_count,
        cast(
            {{ crm_column(source_relation, 'annual_revenue', dbt.type_numeric()) }}
            as {{ dbt.type_numeric() }}
        ) as annual_revenue,
        {{ crm_column(source_relation, 'billing_country', dbt.type_string()) }}
            as company_country,
        {% for field in crm_passed_columns(source_relation, ['is_decision_maker_c']) -%}
            {{ field.quoted }},
        {% endfor -%}
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from source

)

select * from renamed

{{ config(enabled=input_crm() == 'hubspot') }}
{%- set mapped = [
    'property_name', 'property_domain', 'property_industry', 'property_numberofemployees',
    'property_annualrevenue', 'property_country',
] -%}
{%- set source_relation = source('hubspot', 'company') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as company_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        {{ crm_column(source_relation, 'property_name', dbt.type_string()) }} as company_name,
        {{ crm_column(source_relation, 'property_domain', dbt.type_string()) }} as domain,
        {{ crm_column(source_relation, 'property_industry', dbt.type_string()) }} as industry,
        {{ crm_column(source_relation, 'property_numberofemployees', dbt.type_int()) }}
            as employee_count,
        {{ crm_column(source_relation, 'property_annualrevenue', dbt.type_numeric()) }}
            as annual_revenue,
        {{ crm_column(source_relation, 'property_country', dbt.type_string()) }} as country,
        {% for property in crm_passed_columns(source_relation, mapped) -%}
            {{ property.quoted }},
        {% endfor -%}
        cast(_fivetran_synced as {{ dbt.type_timestamp() }}) as synced_at
    from source

)

select * from renamed

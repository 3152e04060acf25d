{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'account') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as account_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        name as account_name,
        website,
        industry,
        cast(number_of_employees as {{ dbt.type_int() }}) as employee_count,
        cast(annual_revenue as {{ dbt.type_numeric() }}) as annual_revenue,
        {% for field in crm_passed_columns(source_relation) -%}
            {{ field.quoted }},
        {% endfor -%}
        billing_country as country
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

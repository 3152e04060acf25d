{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'lead') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as lead_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        cast(
            {{ crm_column(source_relation, 'master_record_id', dbt.type_string()) }}
            as {{ dbt.type_string() }}
        ) as master_record_id,
        coalesce(
            cast({{ crm_column(source_relation, 'is_converted', 'boolean') }} as boolean), false
        ) as is_converted,
        cast(
            {{ crm_column(source_relation, 'converted_contact_id', dbt.type_string()) }}
            as {{ dbt.type_string() }}
        ) as converted_contact_id,
        email,
        title as job_title,
        phone,
        country,
        {{ crm_column(source_relation, 'is_decision_maker_c', 'boolean') }} as is_decision_maker,
        lead_source,
        company as company_name,
        {{ crm_column(source_relation, 'website', dbt.type_string()) }} as website,
        industry,
        cast(number_of_employees as {{ dbt.type_int() }}) as employee_count,
        cast(annual_revenue as {{ dbt.type_numeric() }}) as annual_revenue,
        {% for field in crm_passed_columns(source_relation, ['is_decision_maker_c']) -%}
            {{ field.quoted }},
        {% endfor -%}
        cast(created_date as {{ dbt.type_timestamp() }}) as created_at,
        cast(last_modified_date as {{ dbt.type_timestamp() }}) as updated_at
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

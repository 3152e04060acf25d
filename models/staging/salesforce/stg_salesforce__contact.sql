{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'contact') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as contact_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        cast(
            {{ crm_column(source_relation, 'master_record_id', dbt.type_string()) }}
            as {{ dbt.type_string() }}
        ) as master_record_id,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        email,
        title as job_title,
        phone,
        mailing_country as country,
        {{ crm_column(source_relation, 'is_decision_maker_c', 'boolean') }} as is_decision_maker,
        lead_source,
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

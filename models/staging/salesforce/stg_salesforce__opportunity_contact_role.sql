{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'opportunity_contact_role') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(opportunity_id as {{ dbt.type_string() }}) as opportunity_id,
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

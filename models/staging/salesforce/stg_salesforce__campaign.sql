{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'campaign') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as campaign_id,
        name as campaign_name
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

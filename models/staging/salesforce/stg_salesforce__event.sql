{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'event') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as calendar_event_id,
        cast(who_id as {{ dbt.type_string() }}) as person_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        subject,
        cast(coalesce(start_date_time, activity_date_time) as {{ dbt.type_timestamp() }})
            as occurred_at
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

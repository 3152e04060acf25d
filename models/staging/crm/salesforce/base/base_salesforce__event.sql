{{ config(enabled=input_crm() == 'salesforce') }}

with

source as (

    select * from {{ source('salesforce', 'event') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as calendar_event_id,
        cast(who_id as {{ dbt.type_string() }}) as person_id,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        subject,
        cast(coalesce(start_date_time, activity_date_time) as {{ dbt.type_timestamp() }})
            as occurred_at
    from source

)

select * from renamed

{{ config(enabled=input_crm() == 'salesforce') }}

with

source as (

    select * from {{ source('salesforce', 'task') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as task_id,
        cast(who_id as {{ dbt.type_string() }}) as person_id,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        -- TaskSubtype (Call, Email, Task, ListEmail) is set by Salesforce; Type by users
        coalesce(task_subtype, type) as task_kind,
        subject,
        cast(created_date as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

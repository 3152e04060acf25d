{{ config(enabled=input_crm() == 'marketo') }}

with

source as (

    select * from {{ source('marketo', 'activity_change_status_in_progression') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as activity_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        -- a program's new status is the action: program_registered, program_attended, ...
        'program_' || {{ crm_picklist_value('new_status') }} as event_type,
        primary_attribute_value as subject,
        cast(activity_date as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'email_event_status_change') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as email_event_id,
        upper(trim(portal_subscription_status)) as subscription_status
    from source

)

select * from renamed

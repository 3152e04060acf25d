{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'email_event') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as email_event_id,
        upper(trim(type)) as email_event_type,
        recipient,
        cast(email_campaign_id as {{ dbt.type_string() }}) as email_campaign_id,
        cast(created as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

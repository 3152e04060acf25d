{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'engagement_contact') }}

),

renamed as (

    select
        cast(engagement_id as {{ dbt.type_string() }}) as engagement_id,
        cast(contact_id as {{ dbt.type_string() }}) as contact_id
    from source

)

select * from renamed

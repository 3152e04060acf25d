{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'contact_form_submission') }}

),

renamed as (

    select
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        cast(form_id as {{ dbt.type_string() }}) as form_id,
        title as form_title,
        cast(timestamp as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

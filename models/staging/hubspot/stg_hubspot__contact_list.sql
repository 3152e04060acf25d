{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'contact_list') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as contact_list_id,
        name as contact_list_name
    from source

)

select * from renamed

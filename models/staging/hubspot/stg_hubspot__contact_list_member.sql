{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'contact_list_member') }}

),

renamed as (

    select
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        cast(contact_list_id as {{ dbt.type_string() }}) as contact_list_id,
        coalesce(cast(_fivetran_deleted as boolean), false) as has_left_list,
        cast(added_at as {{ dbt.type_timestamp() }}) as added_at
    from source

)

select * from renamed

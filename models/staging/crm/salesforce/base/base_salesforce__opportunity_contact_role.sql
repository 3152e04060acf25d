{{ config(enabled=input_crm() == 'salesforce') }}

with

source as (

    select * from {{ source('salesforce', 'opportunity_contact_role') }}

),

renamed as (

    select
        cast(opportunity_id as {{ dbt.type_string() }}) as opportunity_id,
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        coalesce(cast(is_deleted as boolean), false) as is_deleted
    from source

)

select * from renamed

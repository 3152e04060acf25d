{{ config(enabled=input_crm() == 'salesforce') }}

with

source as (

    select * from {{ source('salesforce', 'campaign') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as campaign_id,
        name as campaign_name
    from source

)

select * from renamed

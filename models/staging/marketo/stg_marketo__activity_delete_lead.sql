{{ config(enabled=input_crm() == 'marketo') }}

with

source as (

    select * from {{ source('marketo', 'activity_delete_lead') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as activity_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        cast(activity_date as {{ dbt.type_timestamp() }}) as deleted_at
    from source

)

select * from renamed

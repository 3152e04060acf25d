{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'engagement') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as engagement_id,
        upper(trim(type)) as engagement_type,
        coalesce(cast(active as boolean), true) as is_active,
        cast(timestamp as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

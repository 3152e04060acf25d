{{ config(enabled=input_crm() == 'marketo') }}

with

source as (

    select * from {{ source('marketo', 'activity_add_to_list') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as activity_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        'list_membership' as event_type,
        primary_attribute_value as subject,
        cast(activity_date as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

{{ config(enabled=input_crm() == 'marketo') }}

with

source as (

    select * from {{ source('marketo', 'activity_change_data_value') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as activity_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        {{ normalized_text('primary_attribute_value') }} as changed_field,
        {{ normalized_text('new_value') }} as new_value,
        cast(activity_date as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

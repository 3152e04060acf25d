{{ config(enabled=input_crm() == 'salesforce') }}

with

source as (

    select * from {{ source('salesforce', 'campaign_member') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as campaign_member_id,
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        -- a member is a lead or a contact
        cast(coalesce(contact_id, lead_id) as {{ dbt.type_string() }}) as person_id,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        status as member_status,
        cast(coalesce(first_responded_date, created_date) as {{ dbt.type_timestamp() }})
            as occurred_at
    from source

)

select * from renamed

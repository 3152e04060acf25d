{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'campaign_member') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as campaign_member_id,
        cast(campaign_id as {{ dbt.type_string() }}) as campaign_id,
        -- a member is a lead or a contact
        cast(coalesce(contact_id, lead_id) as {{ dbt.type_string() }}) as person_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        status as member_status,
        cast(coalesce(first_responded_date, created_date) as {{ dbt.type_timestamp() }})
            as occurred_at
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

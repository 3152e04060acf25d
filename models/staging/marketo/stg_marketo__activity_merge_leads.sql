{{ config(enabled=input_crm() == 'marketo') }}

with

source as (

    select * from {{ source('marketo', 'activity_merge_leads') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as activity_id,
        cast(lead_id as {{ dbt.type_string() }}) as survivor_lead_id,
        -- the merged leads' ids as a list, e.g. `[1286861, 1286862]`
        replace(replace(replace(merge_ids, '[', ''), ']', ''), ' ', '') as merged_lead_ids,
        cast(activity_date as {{ dbt.type_timestamp() }}) as merged_at
    from source

)

select * from renamed

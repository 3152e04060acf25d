{{ config(enabled=input_crm() == 'marketo') }}

with

source as (

    select * from {{ source('marketo', 'activity_visit_webpage') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as activity_id,
        cast(lead_id as {{ dbt.type_string() }}) as lead_id,
        'page_view' as event_type,
        {{ crm_url_path('webpage_url') }} as subject,
        cast(activity_date as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

{{ config(enabled=input_crm() == 'hubspot') }}
{%- set source_relation = source('hubspot', 'contact_form_submission') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(contact_id as {{ dbt.type_string() }}) as contact_id,
        cast(form_id as {{ dbt.type_string() }}) as form_id,
        -- the submission's own id (today's connector); an older one wrote none
        cast(
            {{ crm_column(source_relation, 'conversion_id', dbt.type_string()) }}
            as {{ dbt.type_string() }}
        ) as conversion_id,
        title as form_title,
        {{ crm_column(source_relation, 'page_url', dbt.type_string()) }} as page_url,
        cast(timestamp as {{ dbt.type_timestamp() }}) as occurred_at
    from source

)

select * from renamed

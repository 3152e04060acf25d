{#- HubSpot's engagements: today's connector writes only `id`, `type`, `portal_id` and
    `_fivetran_synced` here (the time and the deletion flag are in engagement_<type>, staged by
    stg_hubspot__engagement_<type>); older versions also wrote `active` and `timestamp`,
    read when there. -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set source_relation = source('hubspot', 'engagement') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as engagement_id,
        upper(trim(type)) as engagement_type,
        coalesce(
            cast({{ crm_column(source_relation, 'active', 'boolean') }} as boolean), true
        ) as is_active,
        cast(
            {{ crm_column(source_relation, 'timestamp', dbt.type_timestamp()) }}
            as {{ dbt.type_timestamp() }}
        ) as occurred_at
    from source

)

select * from renamed

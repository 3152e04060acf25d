{{ config(enabled=input_crm() == 'hubspot') }}
{%- set source_relation = source('hubspot', 'deal') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(deal_id as {{ dbt.type_string() }}) as deal_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        -- HubSpot's calculated deal property "Is Closed Won", when the connector writes it
        cast(
            {{ crm_column(source_relation, 'property_hs_is_closed_won', 'boolean') }} as boolean
        ) as is_closed_won,
        cast(deal_pipeline_id as {{ dbt.type_string() }}) as deal_pipeline_id,
        cast(deal_pipeline_stage_id as {{ dbt.type_string() }}) as deal_pipeline_stage_id,
        cast(
            {{ crm_column(source_relation, 'property_closedate', dbt.type_timestamp()) }}
            as {{ dbt.type_timestamp() }}
        ) as closed_at
    from source

)

select * from renamed

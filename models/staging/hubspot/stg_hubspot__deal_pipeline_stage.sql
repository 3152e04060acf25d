{{ config(enabled=input_crm() == 'hubspot') }}
{%- set source_relation = source('hubspot', 'deal_pipeline_stage') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(stage_id as {{ dbt.type_string() }}) as deal_pipeline_stage_id,
        label as stage_label,
        -- HubSpot marks a won stage as closed with probability 1 (a lost one: closed, 0);
        -- the connector's older `closed_won` column held the same "closed" flag as today's
        -- `is_closed`, won or lost
        coalesce(
            cast({{ crm_column(source_relation, 'is_closed', 'boolean') }} as boolean),
            cast({{ crm_column(source_relation, 'closed_won', 'boolean') }} as boolean),
            false
        )
        and coalesce(
            cast(
                {{ crm_column(source_relation, 'probability', dbt.type_float()) }}
                as {{ dbt.type_float() }}
            ),
            0
        ) >= 1 as is_closed_won
    from source

)

select * from renamed

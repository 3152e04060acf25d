{{ config(enabled=input_crm() == 'hubspot') }}

with

source as (

    select * from {{ source('hubspot', 'deal_pipeline_stage') }}

),

renamed as (

    select
        cast(stage_id as {{ dbt.type_string() }}) as deal_pipeline_stage_id,
        label as stage_label,
        -- closed_won is deprecated by the connector: a won stage is closed and certain
        coalesce(cast(is_closed as boolean), false)
        and coalesce(cast(probability as {{ dbt.type_float() }}), 0) >= 1 as is_closed_won
    from source

)

select * from renamed

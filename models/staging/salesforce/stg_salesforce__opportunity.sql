{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'opportunity') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as opportunity_id,
        {{ crm_is_deleted(source_relation) }} as is_deleted,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        coalesce(
            cast({{ crm_column(source_relation, 'is_won', 'boolean') }} as boolean), false
        ) as is_won,
        cast(close_date as {{ dbt.type_timestamp() }}) as closed_at,
        {{ crm_column(source_relation, 'product_c', dbt.type_string()) }} as product
    from source
    -- history mode keeps every version of a record: the active one is the record
    where {{ crm_is_current_version(source_relation) }}

)

select * from renamed

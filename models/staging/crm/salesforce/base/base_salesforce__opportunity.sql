{{ config(enabled=input_crm() == 'salesforce') }}
{%- set source_relation = source('salesforce', 'opportunity') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as opportunity_id,
        coalesce(cast(is_deleted as boolean), false) as is_deleted,
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        coalesce(cast(is_won as boolean), false) as is_won,
        cast(close_date as {{ dbt.type_timestamp() }}) as closed_at,
        {{ crm_column(source_relation, 'product_c', dbt.type_string()) }} as product
    from source

)

select * from renamed

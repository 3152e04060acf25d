{{ depends_on_demo_seed('conversions') }}

with

source as (

    select * from {{ source('lead_scoring', 'conversions') }}

),

renamed as (

    select
        trim(cast(contact_id as {{ dbt.type_string() }})) as contact_id,
        cast(converted_at as {{ dbt.type_timestamp() }}) as converted_at
    from source
    where contact_id is not null

),

final as (

    select
        contact_id,
        converted_at,
        cast(converted_at as date) as converted_date
    from renamed

)

select * from final

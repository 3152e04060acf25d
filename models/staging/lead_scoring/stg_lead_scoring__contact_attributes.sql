with

contact_attributes as (

    select * from {{ ref('base_lead_scoring__contact_attributes') }}

),

final as (

    select
        contact_id,
        attribute,
        value,
        updated_at
    from contact_attributes
    where
        contact_id is not null
        and attribute is not null
        and version_rank = 1

)

select * from final

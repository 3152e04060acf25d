with

contact_attributes as (

    select * from {{ ref('stg_lead_scoring__contact_attributes') }}

),

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}

),

classified as (

    -- each row gets the first reason that keeps it from being used as-is, or none
    select
        contact_attributes.contact_id,
        contact_attributes.attribute,
        coalesce(
            {{ input_row_not_kept_reason('contact_attributes', 'contact_attributes') }},
            case when contacts.contact_id is null then 'unknown_contact' end
        ) as quality_reason
    from contact_attributes
    left join contacts
        on contact_attributes.contact_id = contacts.contact_id

),

final as (

    select
        'contact_attributes' as input_table,
        case when quality_reason is null then 'scored' else 'reported' end as outcome,
        coalesce(quality_reason, 'scored') as reason,
        coalesce(contact_id, '(no contact_id)') || ' ' || coalesce(attribute, '(no attribute)')
            as example_key
    from classified

)

select * from final

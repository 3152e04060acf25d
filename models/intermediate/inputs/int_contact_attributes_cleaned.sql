{#- The long-form attributes scoring reads, one row per contact and attribute: the latest
    value (rank 1). int_contact_attribute_rows_classified reports the other rows. -#}
with

contact_attributes as (

    select * from {{ ref('stg_lead_scoring__contact_attributes') }}

),

final as (

    select
        contact_id,
        attribute,
        value,
        updated_at
    from contact_attributes
    where {{ input_row_not_kept_reason('contact_attributes') }} is null

)

select * from final

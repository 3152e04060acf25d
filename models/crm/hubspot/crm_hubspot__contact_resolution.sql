{#- Every contact id HubSpot's tables can name, with the contact its rows score for: itself,
    the survivor it was merged into, or none (deleted). The one place that resolves merges
    and deletions: contacts, activity and deals all read it. -#}
{{ config(enabled=input_crm() == 'hubspot', materialized='table') }}

with

contacts as (

    select * from {{ ref('stg_hubspot__contact') }}

),

merge_claims as (

    -- a survivor lists the contacts merged into it (`<id>;<id>`, the older connector's
    -- `<vid>:<epoch ms>;...`); should two survivors claim the same contact, the
    -- later-modified one has it
    {{ crm_merge_claims('contacts', 'contact_id', 'merged_contact_ids', ';', 'updated_at') }}

),

contact_ids as (

    select contact_id from contacts
    union
    select merged_id as contact_id from merge_claims

),

resolved as (

    select
        contact_ids.contact_id,
        merge_claims.survivor_id as survivor_contact_id,
        own_rows.contact_id is not null as has_contact_row,
        coalesce(own_rows.is_deleted, false) as is_deleted,
        coalesce(survivor_rows.is_deleted, false) as is_survivor_deleted
    from contact_ids
    left join merge_claims
        on
            contact_ids.contact_id = merge_claims.merged_id
            and merge_claims.claim_rank = 1
    left join contacts as own_rows
        on contact_ids.contact_id = own_rows.contact_id
    left join contacts as survivor_rows
        on merge_claims.survivor_id = survivor_rows.contact_id

),

resolutions as (

    select
        contact_id,
        has_contact_row,
        {{ crm_merge_resolution(
            'contact_id', 'survivor_contact_id', 'is_deleted', 'is_survivor_deleted'
        ) }}
    from resolved

),

final as (

    select
        contact_id,
        has_contact_row,
        resolution,
        resolved_id as resolved_contact_id,
        -- what a loader row naming the id gets: left out with its contact, or moved
        case resolution
            when 'deleted' then 'deleted_contact'
            when 'merged' then 'merged_contact_moved'
        end as keyed_row_reason
    from resolutions

)

select * from final

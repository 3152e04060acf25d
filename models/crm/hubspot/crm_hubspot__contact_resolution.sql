{#- Every contact id HubSpot's tables can name, with the contact its rows score for: itself,
    the survivor it was merged into, or none (deleted). The one place that resolves merges
    and deletions: contacts, activity and deals all read it. -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set max_merged_contacts = 100 %}

with

contacts as (

    select * from {{ ref('stg_hubspot__contact') }}

),

item_positions as (

    {{ integer_sequence(max_merged_contacts) }}

),

merged_items as (

    -- a survivor lists the contacts merged into it as `<vid>:<epoch ms>;<vid>:<epoch ms>`
    select
        contacts.contact_id as survivor_contact_id,
        contacts.updated_at as survivor_updated_at,
        trim({{ split_item(
            split_item('contacts.merged_contact_ids', ';', 'item_positions.n'), ':', 1
        ) }}) as merged_contact_id
    from contacts
    cross join item_positions
    where contacts.merged_contact_ids is not null

),

merge_claims as (

    -- should two survivors claim the same contact, the later-modified one has it
    select
        merged_contact_id,
        survivor_contact_id,
        row_number() over (
            partition by merged_contact_id
            order by survivor_updated_at desc nulls last, survivor_contact_id asc
        ) as claim_rank
    from merged_items
    where
        merged_contact_id is not null
        and merged_contact_id != ''
        and merged_contact_id != survivor_contact_id

),

contact_ids as (

    select contact_id from contacts
    union
    select merged_contact_id as contact_id from merge_claims

),

resolved as (

    select
        contact_ids.contact_id,
        merge_claims.survivor_contact_id,
        own_rows.contact_id is not null as has_contact_row,
        coalesce(own_rows.is_deleted, false) as is_deleted,
        coalesce(survivor_rows.is_deleted, false) as is_survivor_deleted
    from contact_ids
    left join merge_claims
        on
            contact_ids.contact_id = merge_claims.merged_contact_id
            and merge_claims.claim_rank = 1
    left join contacts as own_rows
        on contact_ids.contact_id = own_rows.contact_id
    left join contacts as survivor_rows
        on merge_claims.survivor_contact_id = survivor_rows.contact_id

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
        resolved_id as resolved_contact_id
    from resolutions

)

select * from final

{#- Every lead id Marketo's tables can name, with the lead its rows score for: itself, the
    lead it was merged into, or none (deleted). The one place that resolves merges and
    deletions: leads, activity and conversions all read it. -#}
{{ config(enabled=input_crm() == 'marketo', materialized='table') }}

with

leads as (

    select * from {{ ref('stg_marketo__lead') }}

),

lead_merges as (

    select * from {{ ref('stg_marketo__activity_merge_leads') }}

),

lead_deletions as (

    select * from {{ ref('stg_marketo__activity_delete_lead') }}

),

merge_claims as (

    -- a lead merged twice counts for the survivor of the later merge
    {{ crm_merge_claims('lead_merges', 'survivor_lead_id', 'merged_lead_ids', ',', 'merged_at') }}

),

deleted_ids as (

    select lead_id from leads
    where is_deleted
    union
    select lead_id from lead_deletions

),

lead_ids as (

    select lead_id from leads
    union
    select merged_id as lead_id from merge_claims
    union
    select lead_id from deleted_ids

),

resolved as (

    select
        lead_ids.lead_id,
        merge_claims.survivor_id as survivor_lead_id,
        own_rows.lead_id is not null as has_lead_row,
        deleted_ids.lead_id is not null as is_deleted,
        survivor_deletions.lead_id is not null as is_survivor_deleted
    from lead_ids
    left join merge_claims
        on
            lead_ids.lead_id = merge_claims.merged_id
            and merge_claims.claim_rank = 1
    left join leads as own_rows
        on lead_ids.lead_id = own_rows.lead_id
    left join deleted_ids
        on lead_ids.lead_id = deleted_ids.lead_id
    left join deleted_ids as survivor_deletions
        on merge_claims.survivor_id = survivor_deletions.lead_id

),

resolutions as (

    select
        lead_id,
        has_lead_row,
        {{ crm_merge_resolution(
            'lead_id', 'survivor_lead_id', 'is_deleted', 'is_survivor_deleted'
        ) }}
    from resolved

),

final as (

    select
        lead_id,
        has_lead_row,
        resolution,
        resolved_id as resolved_lead_id,
        -- what a loader row naming the id gets: left out with its lead, or moved
        case resolution
            when 'deleted' then 'deleted_lead'
            when 'merged' then 'merged_lead_moved'
        end as keyed_row_reason
    from resolutions

)

select * from final

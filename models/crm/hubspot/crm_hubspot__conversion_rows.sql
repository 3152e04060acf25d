{#- Every deal with each of its contacts (a deal without contacts once, with none), its
    contact resolved and, for a row not staged as a conversion, why: `crm_reason`. A
    conversion is a closed-won deal (HubSpot's `hs_is_closed_won` deal property when the
    connector writes it, else a closed stage of probability 1) not deleted (`is_deleted`
    or `_fivetran_deleted`); its product is the deal's pipeline (teams that sell several
    products keep a pipeline per product). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

deals as (

    select * from {{ ref('stg_hubspot__deal') }}

),

deal_contacts as (

    select * from {{ ref('stg_hubspot__deal_contact') }}

),

deal_stages as (

    select * from {{ ref('stg_hubspot__deal_pipeline_stage') }}

),

contact_resolution as (

    select * from {{ ref('crm_hubspot__contact_resolution') }}

),

final as (

    select
        'hubspot.deal_contact' as crm_table,
        deals.deal_id,
        deal_contacts.contact_id as crm_contact_key,
        {{ crm_resolved_key(
            'deal_contacts.contact_id', 'contact_resolution', 'contact_id', 'resolved_contact_id'
        ) }} as contact_id,
        deals.closed_at as converted_at,
        deals.deal_pipeline_id as product,
        case
            when deals.is_deleted then 'deleted_deal'
            -- the deal's own "Is Closed Won" when the connector writes it, else its stage's
            when
                not coalesce(deals.is_closed_won, deal_stages.is_closed_won, false)
                then 'deal_not_won'
            when deal_contacts.contact_id is null then 'deal_without_contact'
            else contact_resolution.keyed_row_reason
        end as crm_reason
    from deals
    left join deal_stages
        on deals.deal_pipeline_stage_id = deal_stages.deal_pipeline_stage_id
    left join deal_contacts
        on deals.deal_id = deal_contacts.deal_id
    left join contact_resolution
        on deal_contacts.contact_id = contact_resolution.contact_id

)

select * from final

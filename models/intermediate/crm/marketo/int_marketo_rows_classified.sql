{#- Every Marketo row its staging leaves out or moves, by reason, for scoring_data_quality
    (the rows staged as read are counted there under the contract's tables). -#}
{{ config(enabled=input_crm() == 'marketo') }}

with

lead_resolution as (

    select * from {{ ref('base_marketo__lead_resolution') }}

),

activity_rows as (

    select * from {{ ref('base_marketo__activity_rows') }}

),

conversion_rows as (

    select * from {{ ref('base_marketo__conversion_rows') }}

),

lead_rows as (

    select
        'marketo.lead' as input_table,
        resolution || '_lead' as reason,
        case
            when resolution = 'merged' then lead_id || ' (into ' || resolved_lead_id || ')'
            else lead_id
        end as example_key
    from lead_resolution
    where has_lead_row and resolution != 'kept'

),

activity_reported as (

    select
        crm_table as input_table,
        crm_reason as reason,
        case
            when crm_reason = 'merged_lead_moved'
                then crm_contact_key || ' (to ' || contact_id || ')'
            else coalesce(crm_contact_key, '(no lead)')
        end as example_key
    from activity_rows
    where crm_reason is not null

),

conversion_reported as (

    select
        crm_table as input_table,
        crm_reason as reason,
        coalesce(crm_contact_key, '(no lead)') as example_key
    from conversion_rows
    where crm_reason is not null

),

final as (

    select * from lead_rows
    union all
    select * from activity_reported
    union all
    select * from conversion_reported

)

select * from final

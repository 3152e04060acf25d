{#- Every field change Marketo recorded, with whether it is a conversion: a lead whose
    `Lead Status` became `Customer` converted then (Marketo has no deals of its own; a team
    that syncs Salesforce scores on its opportunities with `lead_scoring_crm: salesforce`).
    `crm_reason` says why a row is not staged as a conversion. -#}
{{ config(enabled=input_crm() == 'marketo') }}

with

field_changes as (

    select * from {{ ref('stg_marketo__activity_change_data_value') }}

),

lead_resolution as (

    select * from {{ ref('crm_marketo__lead_resolution') }}

),

classified as (

    select
        'marketo.activity_change_data_value' as crm_table,
        field_changes.activity_id,
        field_changes.lead_id as crm_contact_key,
        {{ crm_resolved_key(
            'field_changes.lead_id', 'lead_resolution', 'lead_id', 'resolved_lead_id'
        ) }} as contact_id,
        field_changes.occurred_at as converted_at,
        cast(null as {{ dbt.type_string() }}) as product,
        case
            when
                field_changes.changed_field != 'lead status'
                or field_changes.new_value != 'customer'
                or field_changes.changed_field is null
                or field_changes.new_value is null
                then 'not_a_conversion'
            else lead_resolution.keyed_row_reason
        end as crm_reason
    from field_changes
    left join lead_resolution
        on field_changes.lead_id = lead_resolution.lead_id

)

select * from classified

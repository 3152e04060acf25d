{#- Every HubSpot row its staging leaves out or rewrites, by reason, for
    scoring_data_quality (the rows staged as read are counted there under the contract's
    tables), and every column the staging relies on that the connector did not write. -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

contact_resolution as (

    select * from {{ ref('base_hubspot__contact_resolution') }}

),

companies as (

    select * from {{ ref('base_hubspot__company') }}

),

activity_rows as (

    select * from {{ ref('base_hubspot__activity_rows') }}

),

deal_contact_rows as (

    select * from {{ ref('base_hubspot__deal_contact_rows') }}

),

contact_rows as (

    select
        'hubspot.contact' as input_table,
        resolution || '_contact' as reason,
        case
            when resolution = 'merged' then contact_id || ' (into ' || resolved_contact_id || ')'
            else contact_id
        end as example_key
    from contact_resolution
    where has_contact_row and resolution != 'kept'

),

company_rows as (

    select
        'hubspot.company' as input_table,
        'deleted_company' as reason,
        company_id as example_key
    from companies
    where is_deleted

),

activity_reported as (

    select
        crm_table as input_table,
        crm_reason as reason,
        case
            when crm_reason = 'merged_contact_moved'
                then crm_contact_key || ' (to ' || contact_id || ')'
            else coalesce(crm_contact_key, '(no contact)')
        end as example_key
    from activity_rows
    where crm_reason is not null

),

deal_reported as (

    select
        crm_table as input_table,
        crm_reason as reason,
        'deal ' || deal_id || coalesce(' contact ' || crm_contact_key, '') as example_key
    from deal_contact_rows
    where crm_reason is not null

),

missing_columns as (

    {{ crm_missing_column_rows('hubspot') }}

),

final as (

    select * from contact_rows
    union all
    select * from company_rows
    union all
    select * from activity_reported
    union all
    select * from deal_reported
    union all
    select * from missing_columns

)

select * from final

{#- Every Salesforce row its staging leaves out, moves or infers, by reason, for
    scoring_data_quality (the rows staged as read are counted there under the contract's
    tables). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

with

person_resolution as (

    select * from {{ ref('base_salesforce__person_resolution') }}

),

accounts as (

    select * from {{ ref('base_salesforce__account') }}

),

activity_rows as (

    select * from {{ ref('base_salesforce__activity_rows') }}

),

opportunity_contact_rows as (

    select * from {{ ref('base_salesforce__opportunity_contact_rows') }}

),

person_rows as (

    select
        'salesforce.' || person_kind as input_table,
        resolution || '_' || person_kind as reason,
        case
            when resolved_person_id is not null
                then person_id || ' (into ' || resolved_person_id || ')'
            else person_id
        end as example_key
    from person_resolution
    where resolution != 'kept'

),

account_rows as (

    select
        'salesforce.account' as input_table,
        'deleted_account' as reason,
        account_id as example_key
    from accounts
    where is_deleted

),

activity_reported as (

    select
        crm_table as input_table,
        crm_reason as reason,
        case
            when contact_id is not null and contact_id != crm_contact_key
                then crm_contact_key || ' (to ' || contact_id || ')'
            else coalesce(crm_contact_key, '(no person)')
        end as example_key
    from activity_rows
    where crm_reason is not null

),

opportunity_reported as (

    select
        crm_table as input_table,
        crm_reason as reason,
        'opportunity ' || opportunity_id || coalesce(' contact ' || crm_contact_key, '')
            as example_key
    from opportunity_contact_rows
    where crm_reason is not null

),

final as (

    select * from person_rows
    union all
    select * from account_rows
    union all
    select * from activity_reported
    union all
    select * from opportunity_reported

)

select * from final

{#- Every task, calendar event and campaign membership as a contract event, its lead or
    contact resolved, with why a row is not staged as read: `crm_reason` (null when passed
    as is). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

with

tasks as (

    select * from {{ ref('stg_salesforce__task') }}

),

calendar_events as (

    select * from {{ ref('stg_salesforce__event') }}

),

campaigns as (

    select * from {{ ref('stg_salesforce__campaign') }}

),

campaign_members as (

    select * from {{ ref('stg_salesforce__campaign_member') }}

),

person_resolution as (

    select * from {{ ref('crm_salesforce__person_resolution') }}

),

activity as (

    select
        'salesforce.task' as crm_table,
        'task:' || task_id as event_id,
        person_id as crm_contact_key,
        {{ normalized_text('task_kind') }} as event_type,
        subject,
        occurred_at,
        is_deleted
    from tasks
    union all
    select
        'salesforce.event' as crm_table,
        'event:' || calendar_event_id as event_id,
        person_id as crm_contact_key,
        'meeting' as event_type,
        subject,
        occurred_at,
        is_deleted
    from calendar_events
    union all
    -- a membership's status is the action: campaign_responded, campaign_attended, ...
    select
        'salesforce.campaign_member' as crm_table,
        'campaign_member:' || campaign_members.campaign_member_id as event_id,
        campaign_members.person_id as crm_contact_key,
        'campaign_' || replace({{ normalized_text('campaign_members.member_status') }}, ' ', '_')
            as event_type,
        coalesce(campaigns.campaign_name, campaign_members.campaign_id) as subject,
        campaign_members.occurred_at,
        campaign_members.is_deleted
    from campaign_members
    left join campaigns
        on campaign_members.campaign_id = campaigns.campaign_id

),

resolved as (

    select
        activity.crm_table,
        activity.event_id,
        activity.crm_contact_key,
        -- an id no lead or contact has passes as is: the input models downstream report it
        -- as an unknown contact
        {{ crm_resolved_key(
            'activity.crm_contact_key', 'person_resolution', 'person_id', 'resolved_person_id'
        ) }} as contact_id,
        activity.event_type,
        activity.subject,
        activity.occurred_at,
        case
            when activity.is_deleted then 'deleted_record'
            else person_resolution.keyed_row_reason
        end as crm_reason
    from activity
    left join person_resolution
        on activity.crm_contact_key = person_resolution.person_id

)

select * from resolved

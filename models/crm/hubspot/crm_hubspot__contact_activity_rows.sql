{#- HubSpot's activity keyed by a contact id (form submissions, list memberships,
    engagement contacts) as contract events, the contact resolved after merges and, for a
    row not staged as read, why: `crm_reason` (null when passed as is). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

contact_resolution as (

    select * from {{ ref('crm_hubspot__contact_resolution') }}

),

form_submissions as (

    select * from {{ ref('stg_hubspot__contact_form_submission') }}

),

contact_lists as (

    select * from {{ ref('stg_hubspot__contact_list') }}

),

list_members as (

    select * from {{ ref('stg_hubspot__contact_list_member') }}

),

engagements as (

    select * from {{ ref('crm_hubspot__engagements') }}

),

engagement_contacts as (

    select * from {{ ref('stg_hubspot__engagement_contact') }}

),

form_rows as (

    -- one submission, one `conversion_id` (today's connector), also when it is stored under
    -- a survivor and the contact merged into it; an older connector wrote no id: the
    -- contact, the form and the time make one. The subject is the form's title and, when
    -- the connector wrote it, ` @ ` and the path of the page it was submitted on (one
    -- gated-content form on many landing pages: `Download @ /ebook/cloud-guide`)
    select
        'hubspot.contact_form_submission' as crm_table,
        case
            when form_submissions.conversion_id is not null
                then 'form_submission:' || form_submissions.conversion_id
            else
                'form_submission:' || form_submissions.contact_id || ':'
                || form_submissions.form_id || ':'
                || cast(form_submissions.occurred_at as {{ dbt.type_string() }})
        end as event_id,
        form_submissions.contact_id as crm_contact_key,
        'form_submission' as event_type,
        form_submissions.form_title
        || coalesce(' @ ' || {{ crm_url_path('form_submissions.page_url') }}, '') as subject,
        form_submissions.occurred_at,
        cast(null as {{ dbt.type_string() }}) as row_reason
    from form_submissions

),

list_rows as (

    -- one row per contact and list: the two make its id
    select
        'hubspot.contact_list_member' as crm_table,
        'list_membership:' || list_members.contact_id || ':' || list_members.contact_list_id
            as event_id,
        list_members.contact_id as crm_contact_key,
        'list_membership' as event_type,
        coalesce(contact_lists.contact_list_name, list_members.contact_list_id) as subject,
        list_members.added_at as occurred_at,
        case when list_members.has_left_list then 'left_list' end as row_reason
    from list_members
    left join contact_lists
        on list_members.contact_list_id = contact_lists.contact_list_id

),

engagement_rows as (

    select
        'hubspot.engagement_contact' as crm_table,
        'engagement:' || engagements.engagement_id || ':' || engagement_contacts.contact_id
            as event_id,
        engagement_contacts.contact_id as crm_contact_key,
        lower(engagements.engagement_type) as event_type,
        cast(null as {{ dbt.type_string() }}) as subject,
        engagements.occurred_at,
        case
            when engagements.is_deleted then 'deleted_engagement'
            when not engagements.is_active then 'inactive_engagement'
        end as row_reason
    from engagement_contacts
    inner join engagements
        on engagement_contacts.engagement_id = engagements.engagement_id

),

contact_keyed_rows as (

    select * from form_rows
    union all
    select * from list_rows
    union all
    select * from engagement_rows

),

final as (

    select
        contact_keyed_rows.crm_table,
        contact_keyed_rows.event_id,
        contact_keyed_rows.crm_contact_key,
        -- an id no contact row or merge names passes as is: the input models
        -- downstream report it as an unknown contact
        {{ crm_resolved_key(
            'contact_keyed_rows.crm_contact_key',
            'contact_resolution',
            'contact_id',
            'resolved_contact_id'
        ) }} as contact_id,
        contact_keyed_rows.event_type,
        contact_keyed_rows.subject,
        contact_keyed_rows.occurred_at,
        coalesce(
            contact_keyed_rows.row_reason, contact_resolution.keyed_row_reason
        ) as crm_reason
    from contact_keyed_rows
    left join contact_resolution
        on contact_keyed_rows.crm_contact_key = contact_resolution.contact_id

)

select * from final

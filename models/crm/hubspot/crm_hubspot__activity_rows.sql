{#- Every row of HubSpot's activity tables as a contract event (e-mail events, subscription
    changes, form submissions, list memberships, engagements), with its contact resolved
    and, for a row not staged as read, why: `crm_reason` (null when passed as is;
    crm_is_staged says which reasons still stage). -#}
{{ config(enabled=input_crm() == 'hubspot') }}

with

contacts as (

    select * from {{ ref('stg_hubspot__contact') }}

),

contact_resolution as (

    select * from {{ ref('crm_hubspot__contact_resolution') }}

),

email_events as (

    select * from {{ ref('stg_hubspot__email_event') }}

),

email_status_changes as (

    select * from {{ ref('stg_hubspot__email_event_status_change') }}

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

subscription_changes as (

    select * from {{ ref('stg_hubspot__email_subscription_change') }}

),

engagements as (

    select * from {{ ref('crm_hubspot__engagements') }}

),

engagement_contacts as (

    select * from {{ ref('stg_hubspot__engagement_contact') }}

),

addresses as (

    select
        {{ normalized_text('contacts.email') }} as recipient,
        contacts.updated_at,
        contact_resolution.resolved_contact_id,
        contact_resolution.resolution
    from contacts
    inner join contact_resolution
        on contacts.contact_id = contact_resolution.contact_id
    where {{ normalized_text('contacts.email') }} is not null

),

address_counts as (

    select
        recipient,
        count(distinct resolved_contact_id) as contacts_sharing
    from addresses
    group by recipient

),

recipients as (

    -- the contacts an address names, after merges: a merged-away contact and its survivor
    -- share the survivor; when live contacts still share an address, the latest-modified
    -- one takes its e-mail events
    select
        addresses.recipient,
        addresses.resolved_contact_id,
        addresses.resolution,
        address_counts.contacts_sharing,
        row_number() over (
            partition by addresses.recipient
            order by
                case when addresses.resolved_contact_id is null then 1 else 0 end asc,
                addresses.updated_at desc nulls last,
                addresses.resolved_contact_id asc
        ) as recipient_rank
    from addresses
    inner join address_counts
        on addresses.recipient = address_counts.recipient

),

email_rows as (

    select
        'hubspot.email_event' as crm_table,
        'email_event:' || email_events.email_event_id as event_id,
        email_events.recipient,
        case
            when
                email_events.email_event_type = 'STATUSCHANGE'
                and email_status_changes.subscription_status = 'UNSUBSCRIBED'
                then 'unsubscribe'
            else 'email_' || lower(email_events.email_event_type)
        end as event_type,
        email_events.email_campaign_id as subject,
        email_events.occurred_at,
        cast(null as {{ dbt.type_string() }}) as row_reason
    from email_events
    left join email_status_changes
        on email_events.email_event_id = email_status_changes.email_event_id

),

subscription_rows as (

    -- an unsubscribe a rep, an import or a preference page made has no e-mail event; one an
    -- e-mail caused is that e-mail's STATUSCHANGE event (email_rows), counted once there
    select
        'hubspot.email_subscription_change' as crm_table,
        'email_subscription_change:' || subscription_change_id as event_id,
        recipient,
        case subscription_change
            when 'UNSUBSCRIBED' then 'unsubscribe'
            else 'subscription_' || lower(subscription_change)
        end as event_type,
        email_subscription_id as subject,
        occurred_at,
        case
            when caused_by_event_id is not null then 'recorded_by_email_event'
        end as row_reason
    from subscription_changes

),

address_keyed_rows as (

    select * from email_rows
    union all
    select * from subscription_rows

),

address_keyed_resolved as (

    select
        address_keyed_rows.crm_table,
        address_keyed_rows.event_id,
        address_keyed_rows.recipient as crm_contact_key,
        recipients.resolved_contact_id as contact_id,
        address_keyed_rows.event_type,
        address_keyed_rows.subject,
        address_keyed_rows.occurred_at,
        case
            when address_keyed_rows.row_reason is not null then address_keyed_rows.row_reason
            when recipients.recipient is null then 'unknown_recipient'
            when recipients.resolved_contact_id is null then 'deleted_contact'
            when recipients.contacts_sharing > 1 then 'recipient_shared_by_contacts'
            when recipients.resolution = 'merged' then 'merged_contact_moved'
        end as crm_reason
    from address_keyed_rows
    left join recipients
        on
            {{ normalized_text('address_keyed_rows.recipient') }} = recipients.recipient
            and recipients.recipient_rank = 1

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

contact_keyed_resolved as (

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

),

final as (

    select * from address_keyed_resolved
    union all
    select * from contact_keyed_resolved

)

select * from final

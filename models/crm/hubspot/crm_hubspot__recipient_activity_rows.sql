{#- HubSpot's activity keyed by an e-mail address (e-mail events, subscription changes) as
    contract events: each address's contact after merges (a merged-away contact's address
    is its survivor's; an address live contacts share goes to the latest-modified one) and,
    for a row not staged as read, why: `crm_reason` (null when passed as is). -#}
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

subscription_changes as (

    select * from {{ ref('stg_hubspot__email_subscription_change') }}

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

final as (

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

)

select * from final

{#- Every opportunity with the contacts it converts, with why a row is not a conversion as
    read: `crm_reason`. A won opportunity converts its contact roles' contacts; one with no
    contact role converts every contact of its account (`account_contact`). -#}
{{ config(enabled=input_crm() == 'salesforce') }}

with

opportunities as (

    select * from {{ ref('stg_salesforce__opportunity') }}

),

contact_roles as (

    select * from {{ ref('stg_salesforce__opportunity_contact_role') }}

),

contacts as (

    select * from {{ ref('stg_salesforce__contact') }}

),

person_resolution as (

    select * from {{ ref('crm_salesforce__person_resolution') }}

),

live_roles as (

    select * from contact_roles
    where not is_deleted

),

opportunity_contacts as (

    select
        opportunities.opportunity_id,
        live_roles.contact_id as crm_contact_key,
        'contact_role' as contact_link
    from opportunities
    inner join live_roles
        on opportunities.opportunity_id = live_roles.opportunity_id
    union all
    select
        opportunities.opportunity_id,
        contacts.contact_id as crm_contact_key,
        'account_contact' as contact_link
    from opportunities
    inner join contacts
        on opportunities.account_id = contacts.account_id
    where not exists (
        select null
        from live_roles
        where live_roles.opportunity_id = opportunities.opportunity_id
    )

),

final as (

    select
        'salesforce.opportunity' as crm_table,
        opportunities.opportunity_id,
        opportunity_contacts.crm_contact_key,
        opportunity_contacts.contact_link,
        {{ crm_resolved_key(
            'opportunity_contacts.crm_contact_key',
            'person_resolution',
            'person_id',
            'resolved_person_id'
        ) }} as contact_id,
        opportunities.closed_at as converted_at,
        opportunities.product,
        case
            when opportunities.is_deleted then 'deleted_opportunity'
            when not opportunities.is_won then 'opportunity_not_won'
            when opportunity_contacts.crm_contact_key is null then 'opportunity_without_contact'
            -- contact roles and account contacts name contacts: never a converted lead
            when person_resolution.keyed_row_reason is not null
                then person_resolution.keyed_row_reason
            when opportunity_contacts.contact_link = 'account_contact' then 'account_contact'
        end as crm_reason
    from opportunities
    left join opportunity_contacts
        on opportunities.opportunity_id = opportunity_contacts.opportunity_id
    left join person_resolution
        on opportunity_contacts.crm_contact_key = person_resolution.person_id

)

select * from final

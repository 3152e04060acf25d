{#- HubSpot's contacts in the input contract's shape: deleted and merged-away contacts
    left out (crm_hubspot__contact_resolution decides), every other CRM property passed
    through under its own name (`property_department` as `department`). -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set contacts_relation = ref('stg_hubspot__contact') %}

with

contacts as (

    select * from {{ contacts_relation }}

),

contact_resolution as (

    select * from {{ ref('crm_hubspot__contact_resolution') }}

),

kept as (

    {{ crm_kept_records('contacts', 'contact_id', 'contact_resolution', 'contact_id') }}

),

final as (

    select
        contact_id,
        company_id as account_id,
        email,
        job_title,
        phone,
        country,
        -- hs_buying_role is a multi-select: `;`-separated roles
        case
            when buying_roles is not null
                then {{ normalized_text('buying_roles') }} like '%decision_maker%'
        end as is_decision_maker,
        {{ normalized_text('analytics_source') }} as lead_source,
        created_at,
        {% for property in crm_passed_columns(contacts_relation) -%}
            {{ property.quoted }} as {{ adapter.quote(property.name) }},
        {% endfor -%}
        updated_at
    from kept

)

select * from final

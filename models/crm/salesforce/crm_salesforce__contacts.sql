{#- Salesforce's people as the contract's contacts: its contacts and its leads not yet
    converted (a converted lead is its contact), deleted and merged-away records left out
    (crm_salesforce__person_resolution decides). A lead's account is its own company
    (crm_salesforce__accounts has a row per lead with a company). Custom fields pass
    through under their own name (`department_c` as `department`); a lead lacking one of
    the contacts' has it null. -#}
{{ config(enabled=input_crm() == 'salesforce') }}
{%- set mapped = ['is_decision_maker_c'] -%}
{%- set contact_fields = crm_passed_columns(ref('stg_salesforce__contact'), mapped) -%}
{%- set lead_fields = crm_passed_columns(ref('stg_salesforce__lead'), mapped)
    | map(attribute='name') | list %}

with

contacts as (

    select * from {{ ref('stg_salesforce__contact') }}

),

leads as (

    select * from {{ ref('stg_salesforce__lead') }}

),

person_resolution as (

    select * from {{ ref('crm_salesforce__person_resolution') }}

),

kept_contacts as (

    {{ crm_kept_records('contacts', 'contact_id', 'person_resolution', 'person_id') }}

),

kept_leads as (

    {{ crm_kept_records('leads', 'lead_id', 'person_resolution', 'person_id') }}

),

people as (

    select
        kept_contacts.contact_id,
        kept_contacts.account_id,
        kept_contacts.email,
        kept_contacts.job_title,
        kept_contacts.phone,
        kept_contacts.country,
        kept_contacts.is_decision_maker,
        kept_contacts.lead_source,
        kept_contacts.created_at,
        {% for field in contact_fields -%}
            kept_contacts.{{ field.quoted }} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        kept_contacts.updated_at
    from kept_contacts
    union all
    select
        kept_leads.lead_id as contact_id,
        case when kept_leads.company_name is not null then kept_leads.lead_id end as account_id,
        kept_leads.email,
        kept_leads.job_title,
        kept_leads.phone,
        kept_leads.country,
        kept_leads.is_decision_maker,
        kept_leads.lead_source,
        kept_leads.created_at,
        {% for field in contact_fields -%}
            {% if field.name in lead_fields -%}
                kept_leads.{{ field.quoted }}
            {%- else -%}
                null
            {%- endif %} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        kept_leads.updated_at
    from kept_leads

),

final as (

    select
        contact_id,
        account_id,
        email,
        job_title,
        phone,
        country,
        is_decision_maker,
        -- picklist labels ("Paid Search") as the grid's snake_case values (`paid_search`)
        {{ crm_picklist_value('lead_source') }} as lead_source,
        created_at,
        {% for field in contact_fields -%}
            {{ adapter.quote(field.name) }},
        {% endfor -%}
        updated_at
    from people

)

select * from final

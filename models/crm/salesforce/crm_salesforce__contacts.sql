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

kept_people as (

    select person_id from person_resolution
    where resolution = 'kept'

),

people as (

    select
        contacts.contact_id,
        contacts.account_id,
        contacts.email,
        contacts.job_title,
        contacts.phone,
        contacts.country,
        contacts.is_decision_maker,
        contacts.lead_source,
        contacts.created_at,
        {% for field in contact_fields -%}
            contacts.{{ field.quoted }} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        contacts.updated_at
    from contacts
    inner join kept_people
        on contacts.contact_id = kept_people.person_id
    union all
    select
        leads.lead_id as contact_id,
        case when leads.company_name is not null then leads.lead_id end as account_id,
        leads.email,
        leads.job_title,
        leads.phone,
        leads.country,
        leads.is_decision_maker,
        leads.lead_source,
        leads.created_at,
        {% for field in contact_fields -%}
            {% if field.name in lead_fields -%}
                leads.{{ field.quoted }}
            {%- else -%}
                null
            {%- endif %} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        leads.updated_at
    from leads
    inner join kept_people
        on leads.lead_id = kept_people.person_id

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

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
        {% for field in contact_fields -%}
            kept_contacts.{{ field.quoted }} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        {{ contract_select_list('contacts', relation='kept_contacts') }}
    from kept_contacts
    union all
    select
        {% for field in contact_fields -%}
            {% if field.name in lead_fields -%}
                kept_leads.{{ field.quoted }}
            {%- else -%}
                null
            {%- endif %} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        {{ contract_select_list('contacts', {
            'contact_id': 'kept_leads.lead_id',
            'account_id': 'case when kept_leads.company_name is not null'
                ~ ' then kept_leads.lead_id end',
        }, relation='kept_leads') }}
    from kept_leads

),

final as (

    -- picklist labels ("Paid Search") as the grid's snake_case values (`paid_search`)
    select
        {% for field in contact_fields -%}
            {{ adapter.quote(field.name) }},
        {% endfor -%}
        {{ contract_select_list('contacts', {
            'lead_source': crm_picklist_value('lead_source'),
        }) }}
    from people

)

select * from final

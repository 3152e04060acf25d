{#- Marketo's leads as the contract's contacts, deleted and merged-away leads left out
    (crm_marketo__lead_resolution decides). A lead's account is its company, keyed by
    the company's name (crm_marketo__accounts). Custom fields pass through under their own
    name (`department_c` as `department`). -#}
{{ config(enabled=input_crm() == 'marketo') }}
{%- set leads_relation = ref('stg_marketo__lead') %}

with

leads as (

    select * from {{ leads_relation }}

),

lead_resolution as (

    select * from {{ ref('crm_marketo__lead_resolution') }}

),

kept as (

    {{ crm_kept_records('leads', 'lead_id', 'lead_resolution', 'lead_id') }}

),

final as (

    select
        {% for field in crm_passed_columns(leads_relation) -%}
            {{ field.quoted }} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        {{ contract_select_list('contacts', {
            'contact_id': 'lead_id',
            'account_id': normalized_text('company_name'),
            'lead_source': crm_picklist_value('lead_source'),
        }) }}
    from kept

)

select * from final

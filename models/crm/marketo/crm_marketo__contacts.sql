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
        lead_id as contact_id,
        {{ normalized_text('company_name') }} as account_id,
        email,
        job_title,
        phone,
        country,
        is_decision_maker,
        {{ crm_picklist_value('lead_source') }} as lead_source,
        created_at,
        {% for field in crm_passed_columns(leads_relation) -%}
            {{ field.quoted }} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        updated_at
    from kept

)

select * from final

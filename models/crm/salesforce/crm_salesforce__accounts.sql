{#- Salesforce's accounts as the contract's accounts (deleted ones left out), and one
    account per lead with a company: a lead's firmographics live on the lead, keyed by the
    lead's id. -#}
{{ config(enabled=input_crm() == 'salesforce') }}
{%- set account_fields = crm_passed_columns(ref('stg_salesforce__account')) %}

with

accounts as (

    select * from {{ ref('stg_salesforce__account') }}

),

leads as (

    select * from {{ ref('stg_salesforce__lead') }}

),

person_resolution as (

    select * from {{ ref('crm_salesforce__person_resolution') }}

),

kept_leads as (

    {{ crm_kept_records('leads', 'lead_id', 'person_resolution', 'person_id') }}

),

lead_companies as (

    select * from kept_leads
    where company_name is not null

),

final as (

    select
        {% for field in account_fields -%}
            {{ field.quoted }} as {{ adapter.quote(field.name) }},
        {% endfor -%}
        {{ contract_select_list('accounts', {
            'domain': crm_web_domain('website'),
        }) }}
    from accounts
    where not is_deleted
    union all
    select
        {% for field in account_fields -%}
            null as {{ adapter.quote(field.name) }},
        {% endfor -%}
        {{ contract_select_list('accounts', {
            'account_id': 'lead_id',
            'account_name': 'company_name',
            'domain': crm_web_domain('website'),
        }) }}
    from lead_companies

)

select * from final

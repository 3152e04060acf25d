{#- HubSpot's companies in the input contract's shape, deleted ones left out; every other
    CRM property passed through under its own name. -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set companies_relation = ref('stg_hubspot__company') %}

with

companies as (

    select * from {{ companies_relation }}

),

final as (

    select
        {% for property in crm_passed_columns(companies_relation) -%}
            {{ property.quoted }} as {{ adapter.quote(property.name) }},
        {% endfor -%}
        {{ contract_select_list('accounts', {
            'account_id': 'company_id',
            'account_name': 'company_name',
        }) }}
    from companies
    where not is_deleted

)

select * from final

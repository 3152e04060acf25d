{#- HubSpot's contacts in the input contract's shape: deleted and merged-away contacts
    left out (crm_hubspot__contact_resolution decides), every other CRM property passed
    through under its own name (`property_department` as `department`). -#}
{{ config(enabled=input_crm() == 'hubspot') }}
{%- set contacts_relation = ref('stg_hubspot__contact') -%}
{#- hs_buying_role is a multi-select: `;`-separated roles -#}
{%- set is_decision_maker -%}
    case
        when buying_roles is not null
            then {{ normalized_text('buying_roles') }} like '%decision_maker%'
    end
{%- endset %}

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
        {% for property in crm_passed_columns(contacts_relation) -%}
            {{ property.quoted }} as {{ adapter.quote(property.name) }},
        {% endfor -%}
        {{ contract_select_list('contacts', {
            'account_id': 'company_id',
            'is_decision_maker': is_decision_maker,
            'lead_source': normalized_text('analytics_source'),
        }) }}
    from kept

)

select * from final

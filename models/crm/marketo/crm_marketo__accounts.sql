{#- The companies of Marketo's leads as the contract's accounts, keyed by the company's name
    (lowercase): its firmographics as the most recently updated lead of it states them. -#}
{{ config(enabled=input_crm() == 'marketo') }}

with

leads as (

    select * from {{ ref('stg_marketo__lead') }}

),

lead_resolution as (

    select * from {{ ref('crm_marketo__lead_resolution') }}

),

kept_leads as (

    {{ crm_kept_records('leads', 'lead_id', 'lead_resolution', 'lead_id') }}

),

company_versions as (

    select
        {{ contract_select_list('accounts', {
            'account_id': normalized_text('company_name'),
            'account_name': 'company_name',
            'domain': crm_web_domain('website'),
            'country': 'company_country',
        }) }},
        row_number() over (
            partition by {{ normalized_text('company_name') }}
            order by updated_at desc nulls last, lead_id asc
        ) as version_rank
    from kept_leads
    where {{ normalized_text('company_name') }} is not null

),

final as (

    select
        {{ contract_select_list('accounts') }}
    from company_versions
    where version_rank = 1

)

select * from final

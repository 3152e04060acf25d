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
        {{ normalized_text('company_name') }} as account_id,
        company_name as account_name,
        {{ crm_web_domain('website') }} as domain,
        industry,
        employee_count,
        annual_revenue,
        company_country as country,
        row_number() over (
            partition by {{ normalized_text('company_name') }}
            order by updated_at desc nulls last, lead_id asc
        ) as version_rank
    from kept_leads
    where {{ normalized_text('company_name') }} is not null

),

final as (

    select
        account_id,
        account_name,
        domain,
        industry,
        employee_count,
        annual_revenue,
        country
    from company_versions
    where version_rank = 1

)

select * from final

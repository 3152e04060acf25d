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

company_versions as (

    select
        {{ normalized_text('leads.company_name') }} as account_id,
        leads.company_name as account_name,
        {{ crm_web_domain('leads.website') }} as domain,
        leads.industry,
        leads.employee_count,
        leads.annual_revenue,
        leads.company_country as country,
        row_number() over (
            partition by {{ normalized_text('leads.company_name') }}
            order by leads.updated_at desc nulls last, leads.lead_id asc
        ) as version_rank
    from leads
    inner join lead_resolution
        on leads.lead_id = lead_resolution.lead_id
    where
        lead_resolution.resolution = 'kept'
        and {{ normalized_text('leads.company_name') }} is not null

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

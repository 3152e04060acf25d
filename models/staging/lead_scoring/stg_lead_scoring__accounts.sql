with

accounts as (

    select * from {{ ref('base_lead_scoring__accounts') }}

),

final as (

    select
        account_id,
        account_name,
        domain,
        industry,
        employee_count,
        annual_revenue,
        {% for column in source_extra_columns('accounts') -%}
            {{ adapter.quote(column.name) }},
        {% endfor -%}
        country
    from accounts
    where
        account_id is not null
        and version_rank = 1

)

select * from final

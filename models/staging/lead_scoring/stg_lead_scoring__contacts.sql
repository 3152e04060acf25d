with

contacts as (

    select * from {{ ref('base_lead_scoring__contacts') }}

),

final as (

    select
        contact_id,
        account_id,
        email,
        job_title,
        phone,
        country,
        is_decision_maker,
        lead_source,
        created_at,
        {% for column in source_extra_columns('contacts') -%}
            {{ adapter.quote(column.name) }},
        {% endfor -%}
        updated_at
    from contacts
    where
        contact_id is not null
        and version_rank = 1

)

select * from final

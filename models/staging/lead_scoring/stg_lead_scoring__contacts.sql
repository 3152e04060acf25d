with

source as (

    select * from {{ input_relation('contacts') }}

),

renamed as (

    select
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        nullif(trim(cast(account_id as {{ dbt.type_string() }})), '') as account_id,
        trim(email) as email,
        trim(job_title) as job_title,
        nullif(trim(phone), '') as phone,
        trim(country) as country,
        cast(is_decision_maker as boolean) as is_decision_maker,
        trim(lead_source) as lead_source,
        cast(created_at as {{ dbt.type_timestamp() }}) as created_at,
        {% for column in source_extra_columns('contacts') -%}
            {{ column.quoted }} as {{ adapter.quote(column.name) }},
        {% endfor -%}
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from source

),

ranked as (

    -- a contact exported twice keeps its latest version; the tie-breaks only make the pick
    -- deterministic when two versions share updated_at
    select
        *,
        row_number() over (
            partition by contact_id
            order by
                updated_at desc nulls last,
                created_at desc nulls last,
                email asc,
                job_title asc
        ) as version_rank
    from renamed

)

select * from ranked

with

source as (

    select * from {{ input_relation('accounts') }}

),

renamed as (

    select
        nullif(trim(cast(account_id as {{ dbt.type_string() }})), '') as account_id,
        trim(account_name) as account_name,
        lower(trim(domain)) as domain,
        trim(industry) as industry,
        cast(employee_count as {{ dbt.type_int() }}) as employee_count,
        cast(annual_revenue as {{ dbt.type_numeric() }}) as annual_revenue,
        {% for column in source_extra_columns('accounts') -%}
            {{ column.quoted }} as {{ adapter.quote(column.name) }},
        {% endfor -%}
        trim(country) as country
    from source

),

ranked as (

    -- the input contract keys accounts by account_id; should a key repeat, one row is kept
    -- deterministically so that contacts never fan out (a source test fails the build)
    select
        *,
        row_number() over (
            partition by account_id
            order by account_name, domain, industry, employee_count, annual_revenue, country
        ) as version_rank
    from renamed

)

select * from ranked

{{ depends_on_demo_seed('sales_feedback') }}
{#- The optional sales feedback table (SPEC section 6): read when it exists in the source
    schema, otherwise no rows. -#}
{%- set relation = optional_source('sales_feedback') %}

with

source as (

    {% if relation is not none -%}
        select * from {{ relation }}
    {%- else -%}
        select * from (
            select
                cast(null as {{ dbt.type_string() }}) as contact_id,
                cast(null as {{ dbt.type_timestamp() }}) as feedback_at,
                cast(null as {{ dbt.type_string() }}) as outcome,
                cast(null as {{ dbt.type_string() }}) as reason
        ) as no_table
        where 1 = 0
    {%- endif %}

),

final as (

    select
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        cast(feedback_at as {{ dbt.type_timestamp() }}) as feedback_at,
        {{ normalized_text('outcome') }} as outcome,
        nullif(trim(cast(reason as {{ dbt.type_string() }})), '') as reason
    from source
    where contact_id is not null

)

select * from final

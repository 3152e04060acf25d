{{ depends_on_demo_seed('contact_attributes') }}
{#- The optional long-form attribute table (SPEC section 6): read when it exists in the
    source schema, otherwise no rows, so a grid that names attributes.<name> without it is
    caught by grid validation instead of failing here. -#}
{%- set relation = optional_source('contact_attributes') %}

with

source as (

    {% if relation is not none -%}
        select * from {{ relation }}
    {%- else -%}
        select * from (
            select
                cast(null as {{ dbt.type_string() }}) as contact_id,
                cast(null as {{ dbt.type_string() }}) as attribute,
                cast(null as {{ dbt.type_string() }}) as value,
                cast(null as {{ dbt.type_timestamp() }}) as updated_at
        ) as no_table
        where 1 = 0
    {%- endif %}

),

renamed as (

    select
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        {{ normalized_text('attribute') }} as attribute,
        nullif(trim(cast(value as {{ dbt.type_string() }})), '') as value,
        cast(updated_at as {{ dbt.type_timestamp() }}) as updated_at
    from source

),

ranked as (

    -- the latest row of a contact's attribute wins; the value breaks a tie so that the pick
    -- is deterministic
    select
        *,
        row_number() over (
            partition by contact_id, attribute
            order by updated_at desc nulls last, value asc
        ) as version_rank
    from renamed

)

select * from ranked

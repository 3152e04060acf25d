{#- The optional long-form attribute table (contract section 6): read when it exists in the
    source schema, otherwise no rows, so a grid that names attributes.<name> without it is
    caught by grid validation instead of failing here. -#}
with

source as (

    {{ select_optional_source('contact_attributes', [
        ('contact_id', dbt.type_string()),
        ('attribute', dbt.type_string()),
        ('value', dbt.type_string()),
        ('updated_at', dbt.type_timestamp()),
    ]) }}

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

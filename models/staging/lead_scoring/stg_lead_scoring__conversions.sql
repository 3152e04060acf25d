with

source as (

    select * from {{ input_relation('conversions') }}

),

renamed as (

    select
        trim(cast(contact_id as {{ dbt.type_string() }})) as contact_id,
        cast(converted_at as {{ dbt.type_timestamp() }}) as converted_at,
        {% if source_has_column('conversions', 'product') -%}
            {{ normalized_text('product') }}
        {%- else -%}
            cast(null as {{ dbt.type_string() }})
        {%- endif %} as product
    from source

),

final as (

    select
        contact_id,
        converted_at,
        cast(converted_at as date) as converted_date,
        product
    from renamed

)

select * from final

{#- The optional sales feedback table (contract section 6): read when it exists in the source
    schema, otherwise no rows. -#}
with

source as (

    {{ select_optional_source('sales_feedback', [
        ('contact_id', dbt.type_string()),
        ('feedback_at', dbt.type_timestamp()),
        ('outcome', dbt.type_string()),
        ('reason', dbt.type_string()),
    ]) }}

),

final as (

    select
        nullif(trim(cast(contact_id as {{ dbt.type_string() }})), '') as contact_id,
        cast(feedback_at as {{ dbt.type_timestamp() }}) as feedback_at,
        {{ normalized_text('outcome') }} as outcome,
        nullif(trim(cast(reason as {{ dbt.type_string() }})), '') as reason
    from source

)

select * from final

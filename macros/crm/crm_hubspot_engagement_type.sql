{% macro crm_hubspot_engagement_type(table_name) -%}
    {#- The staging select of one of the engagement_<type> tables of today's HubSpot connector
        (call, email, meeting, note, task), one row per engagement: when it happened
        (`property_hs_timestamp`) and whether it was deleted (`_fivetran_deleted`). A table
        the connector has not written (no such engagement yet, or an older connector
        version) reads as no rows. -#}
    {%- set relation = crm_optional_source('hubspot', table_name) %}
    with

    {% if relation is not none -%}
        source as (

            select * from {{ relation }}

        ),

        renamed as (

            select
                '{{ table_name }}' as crm_table,
                cast(engagement_id as {{ dbt.type_string() }}) as engagement_id,
                cast(
                    {{ crm_column(relation, 'property_hs_timestamp', dbt.type_timestamp()) }}
                    as {{ dbt.type_timestamp() }}
                ) as occurred_at,
                coalesce(
                    cast({{ crm_column(relation, '_fivetran_deleted', 'boolean') }} as boolean),
                    false
                ) as is_deleted
            from source

        )
    {%- else -%}
        renamed as (

            select * from (
                select
                    '{{ table_name }}' as crm_table,
                    cast(null as {{ dbt.type_string() }}) as engagement_id,
                    cast(null as {{ dbt.type_timestamp() }}) as occurred_at,
                    false as is_deleted
            ) as no_table
            where 1 = 0

        )
    {%- endif %}

    select * from renamed
{%- endmacro %}

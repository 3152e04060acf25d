{{ config(enabled=input_crm() == 'hubspot') }}
{%- set mapped = [
    'property_email', 'property_jobtitle', 'property_phone', 'property_country',
    'property_hs_buying_role', 'property_hs_analytics_source', 'property_associatedcompanyid',
    'property_createdate', 'property_lastmodifieddate', 'property_hs_merged_object_ids',
    'property_hs_calculated_merged_vids',
] -%}
{%- set source_relation = source('hubspot', 'contact') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as contact_id,
        coalesce(
            cast({{ crm_column(source_relation, '_fivetran_deleted', 'boolean') }} as boolean),
            false
        ) as is_deleted,
        -- merges as the connector records them: `hs_merged_object_ids` (`<id>;<id>`, today's
        -- connector; it also lists chained merges) and the older `hs_calculated_merged_vids`
        -- (`<id>:<epoch ms>;...`); both read when both are there
        nullif(
            coalesce(
                cast(
                    {{ crm_column(
                        source_relation, 'property_hs_merged_object_ids', dbt.type_string()
                    ) }}
                    as {{ dbt.type_string() }}
                ),
                ''
            )
            || ';'
            || coalesce(
                cast(
                    {{ crm_column(
                        source_relation, 'property_hs_calculated_merged_vids', dbt.type_string()
                    ) }}
                    as {{ dbt.type_string() }}
                ),
                ''
            ),
            ';'
        ) as merged_contact_ids,
        {{ crm_column(source_relation, 'property_email', dbt.type_string()) }} as email,
        {{ crm_column(source_relation, 'property_jobtitle', dbt.type_string()) }} as job_title,
        {{ crm_column(source_relation, 'property_phone', dbt.type_string()) }} as phone,
        {{ crm_column(source_relation, 'property_country', dbt.type_string()) }} as country,
        {{ crm_column(source_relation, 'property_hs_buying_role', dbt.type_string()) }}
            as buying_roles,
        {{ crm_column(source_relation, 'property_hs_analytics_source', dbt.type_string()) }}
            as analytics_source,
        cast(
            {{ crm_column(source_relation, 'property_associatedcompanyid', dbt.type_string()) }}
            as {{ dbt.type_string() }}
        ) as company_id,
        cast(
            {{ crm_column(source_relation, 'property_createdate', dbt.type_timestamp()) }}
            as {{ dbt.type_timestamp() }}
        ) as created_at,
        cast(
            {{ crm_column(source_relation, 'property_lastmodifieddate', dbt.type_timestamp()) }}
            as {{ dbt.type_timestamp() }}
        ) as updated_at,
        {% for property in crm_passed_columns(source_relation, mapped) -%}
            {{ property.quoted }},
        {% endfor -%}
        cast(_fivetran_synced as {{ dbt.type_timestamp() }}) as synced_at
    from source

)

select * from renamed

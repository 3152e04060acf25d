{{ config(enabled=input_crm() == 'hubspot') }}
{%- set mapped = [
    'property_email', 'property_jobtitle', 'property_phone', 'property_country',
    'property_hs_buying_role', 'property_hs_analytics_source', 'property_associatedcompanyid',
    'property_createdate', 'property_lastmodifieddate', 'property_hs_calculated_merged_vids',
] -%}
{%- set source_relation = source('hubspot', 'contact') %}

with

source as (

    select * from {{ source_relation }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as contact_id,
        coalesce(cast(_fivetran_deleted as boolean), false) as is_deleted,
        {{ crm_column(source_relation, 'property_hs_calculated_merged_vids', dbt.type_string()) }}
            as merged_contact_ids,
        property_email as email,
        {{ crm_column(source_relation, 'property_jobtitle', dbt.type_string()) }} as job_title,
        {{ crm_column(source_relation, 'property_phone', dbt.type_string()) }} as phone,
        {{ crm_column(source_relation, 'property_country', dbt.type_string()) }} as country,
        {{ crm_column(source_relation, 'property_hs_buying_role', dbt.type_string()) }}
            as buying_roles,
        {{ crm_column(source_relation, 'property_hs_analytics_source', dbt.type_string()) }}
            as analytics_source,
        cast(property_associatedcompanyid as {{ dbt.type_string() }}) as company_id,
        cast(property_createdate as {{ dbt.type_timestamp() }}) as created_at,
        cast(property_lastmodifieddate as {{ dbt.type_timestamp() }}) as updated_at,
        {% for property in crm_passed_columns(source_relation, mapped) -%}
            {{ property.quoted }},
        {% endfor -%}
        cast(_fivetran_synced as {{ dbt.type_timestamp() }}) as synced_at
    from source

)

select * from renamed

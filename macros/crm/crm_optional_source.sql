{% macro crm_optional_source(crm, table_name) -%}
    {#- A loader table the connector writes only in some accounts or versions (HubSpot's
        `engagement_meeting`, `email_subscription_change`): its source relation when the
        table exists, else none. The calling model depends on the source either way. -#}
    {%- set relation = source(crm, table_name) -%}
    {%- if crm_loader_relation(table_name) is none -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{% macro crm_staged_tables() -%}
    {#- The input tables every CRM's layer writes (contact_attributes and sales_feedback
        have no CRM counterpart: without them, they are read as empty). -#}
    {{ return(['contacts', 'accounts', 'events', 'conversions']) }}
{%- endmacro %}

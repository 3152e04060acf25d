{% macro crm_names() -%}
    {#- The CRMs whose loader tables this project can stage into the input contract (the
        var `lead_scoring_crm`); each has its staging in models/staging/<crm>/ and its CRM
        layer in models/crm/<crm>/. -#}
    {{ return(['hubspot', 'salesforce', 'marketo']) }}
{%- endmacro %}

{% macro crm_names() -%}
    {#- The CRMs whose loader tables this project can stage into the input contract (the
        var `lead_scoring_crm`); each has its models in models/staging/crm/<crm>/. -#}
    {{ return(['hubspot', 'salesforce', 'marketo']) }}
{%- endmacro %}

{% macro input_crm() -%}
    {#- The CRM named by the var `lead_scoring_crm`, lowercased, or none when the inputs are
        contract-shaped tables (the `lead_scoring` source). An unknown name stops the
        compilation with the list of known ones. -#}
    {%- set crm = var('lead_scoring_crm', none) -%}
    {%- if not crm -%}
        {{ return(none) }}
    {%- endif -%}
    {%- set crm = crm | lower | trim -%}
    {%- if crm not in crm_names() -%}
        {{ exceptions.raise_compiler_error(
            "lead_scoring_crm is '" ~ crm ~ "': expected one of " ~ crm_names() | join(', ')
            ~ " (or unset, for contract-shaped tables)"
        ) }}
    {%- endif -%}
    {{ return(crm) }}
{%- endmacro %}

{% macro input_relation(table_name) -%}
    {#- The relation an input table of the contract (contract section 1) is read from: the
        `lead_scoring` source (your contract-shaped tables, or the demo), or with the var
        `lead_scoring_crm` set, that CRM's staging model mapping its loader's tables to the
        contract (`stg_<crm>__<table>`); none for an optional table the CRM stages nothing
        into. The one place that decides where inputs come from. -#}
    {%- set crm = input_crm() -%}
    {%- if crm is none -%}
        {{ return(source('lead_scoring', table_name)) }}
    {%- endif -%}
    {%- if table_name not in crm_staged_tables() -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(ref('stg_' ~ crm ~ '__' ~ table_name)) }}
{%- endmacro %}

{% macro crm_staged_tables() -%}
    {#- The input tables every CRM's staging writes (contact_attributes and sales_feedback
        have no CRM counterpart: without them, they are read as empty). -#}
    {{ return(['contacts', 'accounts', 'events', 'conversions']) }}
{%- endmacro %}

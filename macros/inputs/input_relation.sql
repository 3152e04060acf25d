{% macro input_relation(table_name) -%}
    {#- The relation an input table of the contract (contract section 1) is read from: the
        `lead_scoring` source (your contract-shaped tables, or the demo), or with the var
        `lead_scoring_crm` set, that CRM's layer's model mapping its loader's tables to the
        contract (`crm_<crm>__<table>`); none for an optional table the CRM maps nothing
        into. The one place that decides where inputs come from. -#}
    {%- set crm = input_crm() -%}
    {%- if crm is none -%}
        {{ return(source('lead_scoring', table_name)) }}
    {%- endif -%}
    {%- if table_name not in crm_staged_tables() -%}
        {{ return(none) }}
    {%- endif -%}
    {{ return(ref('crm_' ~ crm ~ '__' ~ table_name)) }}
{%- endmacro %}

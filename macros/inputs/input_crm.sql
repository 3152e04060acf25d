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

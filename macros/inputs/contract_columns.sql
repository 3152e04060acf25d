{% macro contract_columns(table_name) -%}
    {#- The columns documented for an input table (lowercase): the contract, as the
        `lead_scoring` source YAML states it, or with a CRM's layer, as that layer's
        model's YAML does (it documents the contract's columns it writes). -#}
    {%- set crm = input_crm() -%}
    {%- if crm is none -%}
        {%- set documented = graph.sources.values()
            | selectattr('source_name', 'equalto', 'lead_scoring')
            | selectattr('name', 'equalto', table_name) -%}
    {%- else -%}
        {%- set documented = graph.nodes.values()
            | selectattr('resource_type', 'equalto', 'model')
            | selectattr('name', 'equalto', 'crm_' ~ crm ~ '__' ~ table_name) -%}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for node in documented -%}
        {%- for column_name in node.columns -%}
            {%- do names.append(column_name | lower) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(names) }}
{%- endmacro %}

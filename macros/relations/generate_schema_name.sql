{% macro generate_schema_name(custom_schema_name, node) -%}
    {#- dbt's default schema naming (the target's schema, then `_<custom schema>`), with the
        var `lead_scoring_schema_suffix` appended to the target's schema, so that a build at
        another as-of date (`lead-scoring learn`) never replaces the published relations. -#}
    {%- set base_schema = target.schema ~ var('lead_scoring_schema_suffix', '') -%}
    {%- if custom_schema_name is none -%}
        {{ base_schema }}
    {%- else -%}
        {{ base_schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}

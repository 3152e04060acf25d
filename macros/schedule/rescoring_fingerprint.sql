{% macro rescoring_fingerprint() -%}
    {#- A digest of everything besides a contact's own inputs that its scores depend on: the
        code and seeds of this package (its models, macros, grid and reference seeds), the
        seeds of the grid package (var lead_scoring_grid_package) and the vars that choose
        the inputs and the dates scored at. When it differs from the last run's,
        int_contacts_to_rescore rescores every contact. Text; empty while dbt parses. -#}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set grid_package = var('lead_scoring_grid_package', none) -%}
    {%- set parts = [] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type in ('model', 'seed')
        and (node.package_name == 'lead_scoring'
            or (node.resource_type == 'seed' and node.package_name == grid_package)) -%}
        {%- do parts.append(node.unique_id ~ '=' ~ node.checksum.checksum) -%}
    {%- endfor -%}
    {%- for macro in (graph.get('macros') or {}).values() if macro.package_name == 'lead_scoring' -%}
        {%- do parts.append(macro.unique_id ~ '=' ~ local_md5(macro.macro_sql)) -%}
    {%- endfor -%}
    {%- for name in [
        'conversion_horizon_days', 'lead_scoring_crm', 'lead_scoring_database',
        'lead_scoring_schema', 'lead_scoring_contacts_identifier',
        'lead_scoring_accounts_identifier', 'lead_scoring_events_identifier',
        'lead_scoring_conversions_identifier', 'lead_scoring_contact_attributes_identifier',
        'lead_scoring_grid_package',
    ] -%}
        {%- do parts.append('var.' ~ name ~ '=' ~ var(name, none)) -%}
    {%- endfor -%}
    {{ return(local_md5(parts | sort | join('\n'))) }}
{%- endmacro %}

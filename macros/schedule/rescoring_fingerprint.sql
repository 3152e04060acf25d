{% macro rescoring_fingerprint() -%}
    {#- A digest of everything besides a contact's own inputs that its scores depend on: the
        code of this package (its models' files and its macros), the grid as the warehouse
        holds it (every row of the stg_grid__ models, whichever package's seeds they read)
        and the vars that choose the inputs and the dates scored at. When it differs from the
        last run's, int_contacts_to_rescore rescores every contact. The grid is read from the
        warehouse, not from the seed files dbt parsed: a run that reuses an earlier parse
        (`lead-scoring backfill`) loads the seeds as they are now. Text; empty while dbt
        parses, when it refers to the grid's models so that the caller runs after them. -#}
    {%- set grid_relations = {} -%}
    {%- for name in [
        'stg_grid__scoring_models', 'stg_grid__activity_criteria',
        'stg_grid__activity_match_rules', 'stg_grid__activity_sequences',
        'stg_grid__fit_rules', 'stg_grid__model_audiences', 'stg_grid__grade_bands',
        'stg_grid__zone_thresholds', 'stg_grid__zone_matrix', 'stg_grid__account_zones',
    ] -%}
        {%- do grid_relations.update({name: ref(name)}) -%}
    {%- endfor -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set parts = [] -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.package_name == 'lead_scoring' -%}
        {%- do parts.append(node.unique_id ~ '=' ~ node.checksum.checksum) -%}
    {%- endfor -%}
    {%- for name in lead_scoring.keys() | sort -%}
        {%- set macro = lead_scoring[name].macro -%}
        {%- if macro is defined and macro.macro_sql is defined -%}
            {%- do parts.append('macro.' ~ name ~ '=' ~ local_md5(macro.macro_sql)) -%}
        {%- endif -%}
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
    {%- set grid_query -%}
        select {{ dbt.hash(lead_scoring.ordered_string_agg('row_text', ';', ['row_text'])) }}
        from (
            {% for name, relation in grid_relations.items() -%}
                select {{ dbt.concat([
                    "'" ~ name ~ "|'",
                    lead_scoring.row_digest(
                        lead_scoring.fingerprint_parts('grid_rows', relation)
                    ),
                ]) }} as row_text
                from {{ relation }} as grid_rows
                {% if not loop.last %}union all{% endif %}
            {% endfor %}
        ) as grid_rows
    {%- endset -%}
    {#- a warehouse without the grid's views yet (a compile before any build) has no grid -#}
    {%- if load_relation(grid_relations['stg_grid__scoring_models']) is not none -%}
        {%- do parts.append('grid=' ~ run_query(grid_query).rows[0][0]) -%}
    {%- endif -%}
    {{ return(local_md5(parts | sort | join('\n'))) }}
{%- endmacro %}

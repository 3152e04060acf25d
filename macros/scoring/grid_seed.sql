{% macro grid_seed(seed_name) -%}
    {#- The relation of a grid seed (e.g. `grid_fit_rules`): this project's shipped seed, or,
        when the var `lead_scoring_grid_package` names a dbt project, that project's seed of
        the same name. A project that installs this one as a package keeps its own grid in
        its own `seeds/grid/` (the same file names), sets that var to its own name and
        disables the shipped grid seeds (docs/package.md).
        An optional seed (`grid_activity_sequences`, added after grids were copied) may be
        missing from that project: dbt cannot ask at parse time whether a seed exists, so it
        is read by name, which dbt looks up in the root project first and then in this
        package, where an ephemeral stand-in of no row is enabled in package mode
        (models/staging/grid/grid_activity_sequences.sql: a grid without the file has no
        sequence). -#}
    {%- set optional_seeds = ['grid_activity_sequences'] -%}
    {%- set grid_package = var('lead_scoring_grid_package', none) -%}
    {%- if grid_package and seed_name in optional_seeds -%}
        {%- set relation = ref(seed_name) -%}
        {#- the lookup by name finds the grid package's own seed only when that package is
            the root project and dbt searches the root first (its default): fail rather than
            read the empty stand-in past a seed the grid package has -#}
        {%- set own_seed = (graph.nodes if execute else {}).get(
            'seed.' ~ grid_package ~ '.' ~ seed_name
        ) -%}
        {%- if own_seed and own_seed.alias != relation.identifier -%}
            {{ exceptions.raise_compiler_error(
                'lead_scoring reads ' ~ grid_package ~ "'s seed " ~ seed_name
                ~ ' only when ' ~ grid_package ~ ' is the root project and the flag'
                ~ ' require_ref_searches_node_package_before_root is false'
            ) }}
        {%- endif -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- if grid_package -%}
        {{ return(ref(grid_package, seed_name)) }}
    {%- endif -%}
    {{ return(ref(seed_name)) }}
{%- endmacro %}

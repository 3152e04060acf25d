{% macro grid_seed(seed_name) -%}
    {#- The relation of a grid seed (e.g. `grid_fit_rules`): this project's shipped seed, or,
        when the var `lead_scoring_grid_package` names a dbt project, that project's seed of
        the same name. A project that installs this one as a package keeps its own grid in
        its own `seeds/grid/` (the same file names), sets that var to its own name and
        disables the shipped grid seeds (docs/package.md). -#}
    {%- set grid_package = var('lead_scoring_grid_package', none) -%}
    {%- if grid_package -%}
        {{ return(ref(grid_package, seed_name)) }}
    {%- endif -%}
    {{ return(ref(seed_name)) }}
{%- endmacro %}

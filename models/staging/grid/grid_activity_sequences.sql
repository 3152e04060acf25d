{#- The stand-in for the optional grid seed grid_activity_sequences in package mode: a
    project that installs lead_scoring with a grid of its own (var
    `lead_scoring_grid_package`) disables the shipped grid seeds and may have a grid from
    before sequences, with no such seed. grid_seed() reads the seed by name, which dbt finds
    in the root project first, then here: no row, no sequence. Enabled in package mode only
    (dbt_project.yml cannot see the root project's vars; this config can), so that it never
    meets the shipped seed of its name; no YAML entry for the same reason (docs/package.md). -#}
{{ config(
    enabled=var('lead_scoring_grid_package', none) is not none,
    materialized='ephemeral',
) }}

with

no_sequence as (

    select
        cast(null as {{ dbt.type_string() }}) as scoring_model,
        cast(null as {{ dbt.type_string() }}) as criterion,
        cast(null as {{ dbt.type_string() }}) as label,
        cast(null as {{ dbt.type_string() }}) as first_criterion,
        cast(null as {{ dbt.type_string() }}) as then_criterion,
        cast(null as {{ dbt.type_int() }}) as within_days,
        cast(null as {{ dbt.type_int() }}) as points,
        cast(null as {{ dbt.type_int() }}) as display_order

),

final as (

    select * from no_sequence
    where 1 = 0

)

select * from final

{#- Which contacts each scoring model scores: those that match every row of its audience in
    grid_model_audiences; a model with no audience row scores every contact. -#}
-- a table: criterion points, grades and a data test all read it
{{ config(materialized='table') }}

with

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

rule_matches as (

    select * from {{ ref('int_contact_rule_matches') }}

),

final as (

    {{ audience_members('contacts', 'scoring_models', 'grid_rules', 'rule_matches', 0) }}

)

select * from final

{#- Which contacts each scoring model scores: those that match every row of its audience in
    grid_model_audiences; a model with no audience row scores every contact. -#}
-- a table kept across runs (rescored_model_config): criterion points, grades and a data test all
-- read it
{{ config(**lead_scoring.rescored_model_config()) }}
{%- set since = lead_scoring.rescore_since() %}

with

contacts as (

    select * from {{ ref('int_contacts_cleaned') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

scoring_models as (

    select * from {{ ref('int_scoring_models') }}

),

grid_rules as (

    select * from {{ ref('int_grid_rules_split_into_values') }}

),

rule_matches as (

    select * from {{ ref('int_contact_rule_matches') }}
    {{- lead_scoring.rescored_contacts_only(since) }}

),

final as (

    {{ audience_members('contacts', 'scoring_models', 'grid_rules', 'rule_matches', 0) }}

)

select
    *,
    {{ lead_scoring.run_timestamp() }} as rescored_at
from final
